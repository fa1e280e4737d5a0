package org.dossier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentPath;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Stage;

/** Documents and the paths they were found at, with their metadata and counts. Reads on the store's read connections, which see committed data only. */
final class JdbcDocuments implements DocumentStore {

  private final ReadConnections readers;

  JdbcDocuments(ReadConnections readers) {
    this.readers = readers;
  }

  private static final String DOC_COLUMNS =
      "id, name, size, stored, parent, depth, stage, status, reason, media_type, language,"
          + " text_chars, text_truncated";

  private static Document document(ResultSet rs) throws SQLException {
    String parent = rs.getString(5);
    return new Document(
        new DocumentId(rs.getString(1)),
        rs.getString(2),
        rs.getLong(3),
        rs.getInt(4) != 0,
        parent == null ? Optional.empty() : Optional.of(new DocumentId(parent)),
        rs.getInt(6),
        Stage.fromCode(rs.getString(7)),
        DocumentStatus.fromCode(rs.getString(8)),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getLong(12),
        rs.getInt(13) != 0);
  }

  List<Document> documents(String where, Object... args) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps =
          reader.prepareStatement("SELECT " + DOC_COLUMNS + " FROM documents " + where)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        List<Document> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(document(rs));
          }
        }
        return out;
      }
    });
  }

  @Override
  public Optional<Document> document(DocumentId id) throws SQLException {
    return documents("WHERE id = ?", id.sha256()).stream().findFirst();
  }

  @Override
  public Optional<Document> documentByName(String name) throws SQLException {
    return documents("WHERE name = ?", name).stream().findFirst();
  }

  /** Names a query of {@link #idsByName} asks for at most. */
  private static final int NAMES_PER_QUERY = 500;

  /** As the interface's, in one read: a query per {@value #NAMES_PER_QUERY} names. */
  @Override
  public Map<String, DocumentId> idsByName(java.util.Collection<String> names) throws SQLException {
    List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(names));
    Map<String, DocumentId> out = new java.util.HashMap<>();
    if (distinct.isEmpty()) {
      return out;
    }
    return readers.read(reader -> {
      for (int from = 0; from < distinct.size(); from += NAMES_PER_QUERY) {
        List<String> part = distinct.subList(from, Math.min(distinct.size(), from + NAMES_PER_QUERY));
        try (PreparedStatement ps = reader.prepareStatement("SELECT name, id FROM documents WHERE name IN ("
            + "?, ".repeat(part.size() - 1) + "?)")) {
          for (int i = 0; i < part.size(); i++) {
            ps.setString(i + 1, part.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), new DocumentId(rs.getString(2)));
            }
          }
        }
      }
      return out;
    });
  }

  /** Documents whose id starts with {@code prefix} (hex), at most {@code limit}. */
  @Override
  public List<Document> documentsByIdPrefix(String prefix, int limit) throws SQLException {
    return documents("WHERE id >= ? AND id < ? ORDER BY id LIMIT ?", prefix, prefix + "g", limit);
  }

  /** The documents found at paths with this name (usually one). */
  @Override
  public List<DocumentId> documentsAtPath(String name) throws SQLException {
    return ids("SELECT DISTINCT document FROM paths WHERE name = ? AND document IS NOT NULL", ps -> ps.setString(1, name));
  }

  /** Sets a statement's parameters. */
  private interface Parameters {
    void set(PreparedStatement ps) throws SQLException;
  }

  /** The document ids a query's first column gives, in its order. */
  private List<DocumentId> ids(String sql, Parameters parameters) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement(sql)) {
        parameters.set(ps);
        List<DocumentId> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new DocumentId(rs.getString(1)));
          }
        }
        return out;
      }
    });
  }

  /** Documents found directly inside {@code parent}, in the order they arrived. */
  @Override
  public List<Document> children(DocumentId parent) throws SQLException {
    return documents("WHERE parent = ? ORDER BY seq", parent.sha256());
  }

  /**
   * Visits the documents in a stage, in arrival order, a page at a time so that the visitor may
   * write meanwhile.
   */
  @Override
  public void forEachInStage(Stage stage, Consumer<Document> visitor) throws SQLException {
    long after = -1;
    while (true) {
      List<Long> seqs = new ArrayList<>();
      List<Document> page = new ArrayList<>();
      long from = after;
      readers.read(reader -> {
        try (PreparedStatement ps =
            reader.prepareStatement(
                "SELECT " + DOC_COLUMNS + ", seq FROM documents WHERE stage = ? AND seq > ?"
                    + " ORDER BY seq LIMIT 500")) {
          ps.setString(1, stage.code());
          ps.setLong(2, from);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              page.add(document(rs));
              seqs.add(rs.getLong(14));
            }
          }
        }
        return null;
      });
      if (page.isEmpty()) {
        return;
      }
      page.forEach(visitor);
      after = seqs.get(seqs.size() - 1);
    }
  }

  /** Visits every document whose original is in the evidence store, ordered by id. */
  @Override
  public void forEachStoredOriginal(Consumer<DocumentId> visitor) throws SQLException {
    String after = "";
    while (true) {
      List<DocumentId> page = new ArrayList<>();
      String from = after;
      readers.read(reader -> {
        try (PreparedStatement ps =
            reader.prepareStatement(
                "SELECT id FROM documents WHERE stored = 1 AND id > ? ORDER BY id LIMIT 1000")) {
          ps.setString(1, from);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              page.add(new DocumentId(rs.getString(1)));
            }
          }
        }
        return null;
      });
      if (page.isEmpty()) {
        return;
      }
      page.forEach(visitor);
      after = page.get(page.size() - 1).sha256();
    }
  }

  @Override
  public Optional<PathState> path(String root, String name) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps =
          reader.prepareStatement(
              "SELECT document, size, modified, status FROM paths WHERE root = ? AND name = ?")) {
        ps.setString(1, root);
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          String doc = rs.getString(1);
          return Optional.of(
              new PathState(
                  doc == null ? Optional.empty() : Optional.of(new DocumentId(doc)),
                  rs.getLong(2),
                  rs.getLong(3),
                  DocumentStatus.fromCode(rs.getString(4))));
        }
      }
    });
  }

  /** Every path at which the document was found, in the order they arrived. */
  @Override
  public List<DocumentPath> paths(DocumentId id) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps =
          reader.prepareStatement(
              "SELECT root, name, status, reason FROM paths WHERE document = ? ORDER BY seq")) {
        ps.setString(1, id.sha256());
        List<DocumentPath> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(
                new DocumentPath(
                    rs.getString(1),
                    rs.getString(2),
                    Optional.of(id),
                    DocumentStatus.fromCode(rs.getString(3)),
                    rs.getString(4)));
          }
        }
        return out;
      }
    });
  }

  /** All metadata values of a document, by key, in the order the parser reported them. */
  @Override
  public Map<String, List<String>> metadata(DocumentId id) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps =
          reader.prepareStatement(
              "SELECT key, value FROM metadata WHERE document = ? ORDER BY rowid")) {
        ps.setString(1, id.sha256());
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
          }
        }
        return out;
      }
    });
  }

  /** When the run that first recorded a document started. */
  @Override
  public Optional<java.time.Instant> ingestedAt(DocumentId id) throws SQLException {
    return readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement(
          "SELECT r.started FROM documents d JOIN runs r ON d.run = r.id WHERE d.id = ?")) {
        ps.setString(1, id.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getString(1) != null) {
            try {
              return Optional.of(java.time.Instant.parse(rs.getString(1)));
            } catch (java.time.format.DateTimeParseException e) {
              return Optional.empty();
            }
          }
        }
      }
      return Optional.<java.time.Instant>empty();
    });
  }

  @Override
  public long documentCount() throws SQLException {
    return readers.read(reader -> {
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM documents")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public long lastSeq() throws SQLException {
    return readers.read(reader -> {
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM documents")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public List<DocumentId> addedAfter(long seq, int max) throws SQLException {
    return ids("SELECT id FROM documents WHERE seq > ? ORDER BY seq LIMIT ?", ps -> {
      ps.setLong(1, seq);
      ps.setInt(2, Math.max(0, max));
    });
  }

  /** Number of documents per stage code. */
  @Override
  public Map<String, Long> countByStage() throws SQLException {
    return counts("SELECT stage, count(*) FROM documents GROUP BY stage ORDER BY stage");
  }

  /** Number of documents per status code. */
  @Override
  public Map<String, Long> countByStatus() throws SQLException {
    return counts("SELECT status, count(*) FROM documents GROUP BY status ORDER BY status");
  }

  private Map<String, Long> counts(String sql) throws SQLException {
    return readers.read(reader -> {
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        Map<String, Long> out = new LinkedHashMap<>();
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
      }
    });
  }

  /**
   * Documents with a problem status and paths with a problem of their own (a bad name, a link
   * out of the input, an unreadable file), ordered by status then name.
   */
  @Override
  public List<Problem> problems() throws SQLException {
    return readers.read(reader -> {
      try (Statement st = reader.createStatement();
          ResultSet rs =
              st.executeQuery(
                  // a document found at several paths is listed under the first of them in name
                  // order, not under whichever path a parallel run happened to claim first
                  "SELECT COALESCE((SELECT MIN(p.name) FROM paths p WHERE p.document = d.id), d.name),"
                      + " d.status, d.reason FROM documents d WHERE d.status NOT IN ('ok', 'pending')"
                      + " UNION ALL SELECT name, status, reason FROM paths WHERE status <> 'ok'"
                      + " ORDER BY 2, 1")) {
        List<Problem> out = new ArrayList<>();
        while (rs.next()) {
          out.add(
              new Problem(
                  rs.getString(1), DocumentStatus.fromCode(rs.getString(2)), rs.getString(3)));
        }
        return out;
      }
    });
  }
}
