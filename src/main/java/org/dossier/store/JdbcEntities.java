package org.dossier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.dossier.core.EntityRow;
import org.dossier.core.EntityType;

/** The case's resolved entities and the names they were written as. Reads on the store's read connections, which see committed data only. */
final class JdbcEntities implements EntityStore {
  private final ReadConnections readers;

  JdbcEntities(ReadConnections readers) {
    this.readers = readers;
  }

  /** For each resolved entity name {@code type|text|canonical} of the mentions, its entity's name. */
  @Override
  public Map<String, String> resolvedNames() throws SQLException {
    Map<String, String> out = new java.util.HashMap<>();
    readers.read(reader -> {
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery("SELECT DISTINCT m.type, m.text, m.canonical, e.name FROM mentions m"
              + " JOIN entities e ON m.entity = e.id WHERE m.kind = 'entity'")) {
        while (rs.next()) {
          out.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getString(4));
        }
      }
      return null;
    });
    return out;
  }

  /** Visits every distinct entity name of the case with its number of mentions. */
  @Override
  public void forEachEntityName(Consumer<EntityRow> visitor) throws SQLException {
    List<EntityRow> rows = new ArrayList<>();
    readers.read(reader -> {
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery(
              "SELECT type, text, canonical, count(*) FROM mentions WHERE kind = 'entity'"
                  + " GROUP BY type, text, canonical")) {
        while (rs.next()) {
          rows.add(new EntityRow(EntityType.fromCode(rs.getString(1)), rs.getString(2),
              rs.getString(3), rs.getLong(4)));
        }
      }
      return null;
    });
    rows.forEach(visitor);
  }

  /** The case's entities, most mentioned first, optionally of one type. */
  @Override
  public List<EntitySummary> entities(Optional<EntityType> type, int limit) throws SQLException {
    List<EntitySummary> out = new ArrayList<>();
    return readers.read(reader -> {
      String sql = "SELECT e.id, e.name, e.type, count(m.id) AS n FROM entities e"
          + " JOIN mentions m ON m.entity = e.id"
          + (type.isPresent() ? " WHERE e.type = ?" : "")
          + " GROUP BY e.id ORDER BY n DESC, e.name, e.type LIMIT ?"; // a total order: the same whoever inserted first
      try (PreparedStatement ps = reader.prepareStatement(sql)) {
        int i = 1;
        if (type.isPresent()) {
          ps.setString(i++, type.get().code());
        }
        ps.setInt(i, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new EntitySummary(rs.getLong(1), rs.getString(2), EntityType.fromCode(rs.getString(3)),
                List.of(), List.of(), rs.getLong(4)));
          }
        }
      }
      List<EntitySummary> full = new ArrayList<>();
      for (EntitySummary e : out) {
        List<String> aliases = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement(
            "SELECT alias FROM entity_aliases WHERE entity = ? ORDER BY alias")) {
          ps.setLong(1, e.id());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              aliases.add(rs.getString(1));
            }
          }
        }
        List<String> docs = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement(
            "SELECT DISTINCT d.name FROM mentions m JOIN documents d ON d.id = m.document"
                + " WHERE m.entity = ? ORDER BY d.name")) {
          ps.setLong(1, e.id());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              docs.add(rs.getString(1));
            }
          }
        }
        full.add(new EntitySummary(e.id(), e.name(), e.type(), aliases, docs, e.mentions()));
      }
      return full;
    });
  }
}
