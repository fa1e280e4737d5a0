package org.dossier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The link and verify stages' findings (facts, stories, sources, events, coverage, signals, families). SQLite: reads on the store's reader connection, which sees committed data only. */
final class SqliteFindings implements FindingStore {
  private final Connection reader;

  SqliteFindings(Connection reader) {
    this.reader = reader;
  }

  /**
   * The stored findings of one kind, in order, as JSON text; {@code story} and {@code status}
   * filter when given.
   */
  @Override
  public List<String> findings(String kind, Optional<String> story, Optional<String> status)
      throws SQLException {
    List<String> out = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT json FROM findings WHERE kind = ?");
    story.ifPresent(x -> sql.append(" AND story = ?"));
    status.ifPresent(x -> sql.append(" AND status = ?"));
    sql.append(" ORDER BY position");
    synchronized (reader) {
      try (PreparedStatement ps = reader.prepareStatement(sql.toString())) {
        int i = 1;
        ps.setString(i++, kind);
        if (story.isPresent()) {
          ps.setString(i++, story.get());
        }
        if (status.isPresent()) {
          ps.setString(i, status.get());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    return out;
  }
}
