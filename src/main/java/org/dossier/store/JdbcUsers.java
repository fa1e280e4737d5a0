package org.dossier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workbench's accounts: reads on the store's read connections. */
final class JdbcUsers implements UserStore {
  private static final String COLUMNS = "u.name, u.hash, u.role, u.created";

  private final ReadConnections readers;

  JdbcUsers(ReadConnections readers) {
    this.readers = readers;
  }

  @Override
  public long count() throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement("SELECT count(*) FROM users");
          ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    });
  }

  @Override
  public List<Account> all() throws SQLException {
    return query("SELECT " + COLUMNS + " FROM users u ORDER BY u.name", null);
  }

  @Override
  public Optional<Account> user(String name) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM users u WHERE u.name = ?", name).stream().findFirst();
  }

  @Override
  public Optional<Account> byToken(String tokenHash) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM tokens t JOIN users u ON u.name = t.\"user\" WHERE t.hash = ?", tokenHash)
        .stream().findFirst();
  }

  @Override
  public Map<String, Long> tokenCounts() throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement("SELECT \"user\", count(*) FROM tokens GROUP BY \"user\" ORDER BY \"user\"");
          ResultSet rs = ps.executeQuery()) {
        Map<String, Long> out = new LinkedHashMap<>();
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
      }
    });
  }

  private List<Account> query(String sql, String arg) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement(sql)) {
        if (arg != null) {
          ps.setString(1, arg);
        }
        List<Account> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Account(rs.getString(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))));
          }
        }
        return out;
      }
    });
  }
}
