package org.dossier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The link and verify stages' findings (facts, stories, sources, events, coverage, signals, families). Reads on the store's read connections, which see committed data only. */
final class JdbcFindings implements FindingStore {
  private final ReadConnections readers;

  JdbcFindings(ReadConnections readers) {
    this.readers = readers;
  }

  @Override
  public List<String> page(String kind, Optional<String> story, List<String> statuses, int offset, int limit)
      throws SQLException {
    List<String> out = new ArrayList<>();
    readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement("SELECT json FROM findings " + where(story, statuses)
          + " ORDER BY position LIMIT ? OFFSET ?")) {
        int i = bind(ps, kind, story, statuses);
        ps.setInt(i++, Math.max(0, limit));
        ps.setInt(i, Math.max(0, offset));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
      return null;
    });
    return out;
  }

  @Override
  public void forEach(String kind, Optional<String> story, List<String> statuses, java.util.function.Consumer<String> visitor)
      throws SQLException {
    readers.streamedRows("SELECT json FROM findings " + where(story, statuses) + " ORDER BY position", FETCH,
        ps -> bind(ps, kind, story, statuses), rs -> visitor.accept(rs.getString(1)));
  }

  /** Rows a streamed read takes from PostgreSQL at a time. */
  private static final int FETCH = 200;

  /** Ids asked for in one statement, at most. */
  private static final int IDS_AT_ONCE = 500;

  @Override
  public List<String> byIds(String kind, List<String> ids) throws SQLException {
    java.util.Map<String, String> found = new java.util.HashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_AT_ONCE) {
      List<String> some = ids.subList(from, Math.min(ids.size(), from + IDS_AT_ONCE));
      readers.read(reader -> {
        try (PreparedStatement ps = reader.prepareStatement("SELECT id, json FROM findings WHERE kind = ? AND id IN ("
            + String.join(", ", java.util.Collections.nCopies(some.size(), "?")) + ")")) {
          ps.setString(1, kind);
          for (int i = 0; i < some.size(); i++) {
            ps.setString(i + 2, some.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              found.put(rs.getString(1), rs.getString(2));
            }
          }
        }
        return null;
      });
    }
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      String row = found.get(id);
      if (row != null) {
        out.add(row);
      }
    }
    return out;
  }

  @Override
  public long count(String kind, Optional<String> story, List<String> statuses) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement("SELECT count(*) FROM findings " + where(story, statuses))) {
        bind(ps, kind, story, statuses);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0;
        }
      }
    });
  }

  @Override
  public Optional<String> ofDocument(String kind, String document) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement(
          "SELECT json FROM findings WHERE kind = ? AND document = ? ORDER BY position LIMIT 1")) {
        ps.setString(1, kind);
        ps.setString(2, document);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  /** The filter's SQL, with one placeholder per value (never a value itself). */
  private static String where(Optional<String> story, List<String> statuses) {
    StringBuilder w = new StringBuilder("WHERE kind = ?");
    story.ifPresent(x -> w.append(" AND story = ?"));
    if (!statuses.isEmpty()) {
      w.append(" AND status IN (").append("?, ".repeat(statuses.size() - 1)).append("?)");
    }
    return w.toString();
  }

  private static int bind(PreparedStatement ps, String kind, Optional<String> story, List<String> statuses)
      throws SQLException {
    int i = 1;
    ps.setString(i++, kind);
    if (story.isPresent()) {
      ps.setString(i++, story.get());
    }
    for (String st : statuses) {
      ps.setString(i++, st);
    }
    return i;
  }
}
