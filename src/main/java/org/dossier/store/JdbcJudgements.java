package org.dossier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dossier.core.Judgement;

/** The analyst's judgements: reads on the store's read connections. */
final class JdbcJudgements implements JudgementStore {
  static final String COLUMNS = "seq, at, \"user\", target, action, value, reason, undoes";

  private final ReadConnections readers;

  JdbcJudgements(ReadConnections readers) {
    this.readers = readers;
  }

  @Override
  public List<Judgement> all() throws SQLException {
    return query("SELECT " + COLUMNS + " FROM judgements ORDER BY seq", null);
  }

  @Override
  public List<Judgement> about(String target) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM judgements WHERE target = ? ORDER BY seq", target);
  }

  private List<Judgement> query(String sql, String target) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement(sql)) {
        if (target != null) {
          ps.setString(1, target);
        }
        List<Judgement> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Judgement(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                Judgement.Action.of(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getLong(8)));
          }
        }
        return out;
      }
    });
  }
}
