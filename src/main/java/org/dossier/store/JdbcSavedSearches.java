package org.dossier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved searches: reads on the store's read connections. */
final class JdbcSavedSearches implements SavedSearchStore {
  private static final String COLUMNS = "id, \"user\", name, query, created, seen_seq, seen_at";

  private final ReadConnections readers;

  JdbcSavedSearches(ReadConnections readers) {
    this.readers = readers;
  }

  @Override
  public List<Saved> of(String user) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM saved_searches WHERE \"user\" = ? ORDER BY name", user, null);
  }

  @Override
  public Optional<Saved> byName(String user, String name) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM saved_searches WHERE \"user\" = ? AND name = ?", user, name).stream().findFirst();
  }

  private List<Saved> query(String sql, String user, String name) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement(sql)) {
        ps.setString(1, user);
        if (name != null) {
          ps.setString(2, name);
        }
        List<Saved> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Saved(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.parse(rs.getString(5)), rs.getLong(6), Instant.parse(rs.getString(7))));
          }
        }
        return out;
      }
    });
  }
}
