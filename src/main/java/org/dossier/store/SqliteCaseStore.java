package org.dossier.store;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.time.LocalDate;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.Document;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityRow;
import org.dossier.core.ResolvedEntity;
import org.dossier.core.EntityType;
import org.dossier.core.Qualifier;
import org.dossier.core.Span;
import org.dossier.core.ValueMention;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentPath;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Extraction;
import org.dossier.core.Stage;

/**
 * The case's SQLite database. Writes go through {@link #write} in one transaction on a writer
 * connection; reads use a second connection and see committed data only (WAL mode), so a reader
 * never waits for a long ingest.
 */
public final class SqliteCaseStore implements Closeable {
  private static final int MAX_METADATA_VALUE = 10_000;
  private static final int MAX_METADATA_ROWS = 2_000;

  private final Connection writer;
  private final Connection reader;
  private final Clock clock;

  private SqliteCaseStore(Connection writer, Connection reader, Clock clock) {
    this.writer = writer;
    this.reader = reader;
    this.clock = clock;
  }

  /** Opens (creating if needed) the database and applies pending migrations. */
  public static SqliteCaseStore open(Path file, Clock clock) throws SQLException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create the folder for " + file, e);
    }
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    Connection w = DriverManager.getConnection(url);
    try (Statement st = w.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("PRAGMA synchronous=NORMAL");
      st.execute("PRAGMA busy_timeout=30000");
    }
    Migrations.apply(w);
    Connection r = DriverManager.getConnection(url);
    try (Statement st = r.createStatement()) {
      st.execute("PRAGMA busy_timeout=30000");
    }
    return new SqliteCaseStore(w, r, clock);
  }

  public int schemaVersion() throws SQLException {
    synchronized (reader) {
      return Migrations.current(reader);
    }
  }

  // ---------------------------------------------------------------- runs and settings

  public long startRun(String command, List<String> inputs) throws SQLException {
    return write(
        tx -> {
          try (PreparedStatement ps =
              writer.prepareStatement(
                  "INSERT INTO runs (command, inputs, started) VALUES (?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, command);
            ps.setString(2, String.join("\n", inputs));
            ps.setString(3, Instant.now(clock).toString());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  public void finishRun(long run, String outcome) throws SQLException {
    write(
        tx -> {
          try (PreparedStatement ps =
              writer.prepareStatement("UPDATE runs SET finished = ?, outcome = ? WHERE id = ?")) {
            ps.setString(1, Instant.now(clock).toString());
            ps.setString(2, outcome);
            ps.setLong(3, run);
            ps.executeUpdate();
          }
          return null;
        });
  }

  public Optional<String> setting(String key) throws SQLException {
    synchronized (reader) {
      try (PreparedStatement ps = reader.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    }
  }

  // ---------------------------------------------------------------- writes

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Batch batch) throws SQLException;
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none. */
  public <T> T write(Work<T> work) throws SQLException {
    synchronized (writer) {
      writer.setAutoCommit(false);
      try {
        T result = work.run(new Batch());
        writer.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        writer.rollback();
        throw e;
      } finally {
        writer.setAutoCommit(true);
      }
    }
  }

  /** The writes available inside {@link #write}. */
  public final class Batch {
    private Batch() {}

    /**
     * Inserts the document unless it is already known.
     *
     * @return the name the document has in the store (its existing one if it was known)
     */
    public String insertDocument(NewDocument doc) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("SELECT name FROM documents WHERE id = ?")) {
        ps.setString(1, doc.id().sha256());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return rs.getString(1);
          }
        }
      }
      String name = doc.name();
      try (PreparedStatement ps = writer.prepareStatement("SELECT 1 FROM documents WHERE name = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            name = name + "~" + doc.id().shortForm();
          }
        }
      }
      try (PreparedStatement ps =
          writer.prepareStatement(
              "INSERT INTO documents (id, name, size, stored, parent, depth, stage, status,"
                  + " reason, run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, doc.id().sha256());
        ps.setString(2, name);
        ps.setLong(3, doc.size());
        ps.setInt(4, doc.stored() ? 1 : 0);
        ps.setString(5, doc.parent().map(DocumentId::sha256).orElse(null));
        ps.setInt(6, doc.depth());
        ps.setString(7, doc.stage().code());
        ps.setString(8, doc.status().code());
        ps.setString(9, doc.reason());
        ps.setLong(10, doc.run());
        ps.executeUpdate();
      }
      return name;
    }

    /** Records what was found at a path, replacing what an earlier run recorded there. */
    public void upsertPath(
        String root,
        String name,
        Optional<DocumentId> document,
        long size,
        long modified,
        DocumentStatus status,
        String reason,
        long run)
        throws SQLException {
      try (PreparedStatement ps =
          writer.prepareStatement(
              "INSERT INTO paths (root, name, document, size, modified, status, reason, run)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (root, name) DO UPDATE SET"
                  + " document = excluded.document, size = excluded.size,"
                  + " modified = excluded.modified, status = excluded.status,"
                  + " reason = excluded.reason, run = excluded.run")) {
        ps.setString(1, root);
        ps.setString(2, name);
        ps.setString(3, document.map(DocumentId::sha256).orElse(null));
        ps.setLong(4, size);
        ps.setLong(5, modified);
        ps.setString(6, status.code());
        ps.setString(7, reason);
        ps.setLong(8, run);
        ps.executeUpdate();
      }
    }

    /** Stores an extraction's outcome and metadata and moves the document to EXTRACTED. */
    public void recordExtraction(DocumentId id, Extraction x) throws SQLException {
      try (PreparedStatement ps =
          writer.prepareStatement(
              "UPDATE documents SET stage = ?, status = ?, reason = ?, media_type = ?,"
                  + " language = ?, text_chars = ?, text_truncated = ?, ocr = ?,"
                  + " extract_millis = ? WHERE id = ?")) {
        ps.setString(1, Stage.EXTRACTED.code());
        ps.setString(2, x.status().code());
        ps.setString(3, x.reason());
        ps.setString(4, x.mediaType());
        ps.setString(5, x.language());
        ps.setLong(6, x.textChars());
        ps.setInt(7, x.textTruncated() ? 1 : 0);
        ps.setInt(8, x.ocr() ? 1 : 0);
        ps.setLong(9, x.millis());
        ps.setString(10, id.sha256());
        if (ps.executeUpdate() != 1) {
          throw new SQLException("no document " + id + " to record an extraction for");
        }
      }
      try (PreparedStatement ps = writer.prepareStatement("DELETE FROM metadata WHERE document = ?")) {
        ps.setString(1, id.sha256());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          writer.prepareStatement("INSERT INTO metadata (document, key, value) VALUES (?, ?, ?)")) {
        int rows = 0;
        for (Map.Entry<String, List<String>> e : x.metadata().entrySet()) {
          for (String value : e.getValue()) {
            if (rows++ >= MAX_METADATA_ROWS) {
              break;
            }
            ps.setString(1, id.sha256());
            ps.setString(2, e.getKey());
            ps.setString(
                3, value.length() > MAX_METADATA_VALUE ? value.substring(0, MAX_METADATA_VALUE) : value);
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
    }

    /** Sets the stage of documents, e.g. INDEXED after an index commit, COLLECTED to retry. */
    public void setStage(Collection<DocumentId> ids, Stage stage) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("UPDATE documents SET stage = ? WHERE id = ?")) {
        for (DocumentId id : ids) {
          ps.setString(1, stage.code());
          ps.setString(2, id.sha256());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }

    /**
     * Stores what the analyze stage found in a document, replacing any earlier analysis, and
     * marks it to be indexed again so that the index carries its entities.
     *
     * @param status {@code done}, {@code partial} (cut at the mention cap), {@code
     *     values-only} (no name model for its language) or {@code failed}
     */
    public void recordAnalysis(DocumentId id, Annotations a, String status, String reason)
        throws SQLException {
      clearAnalysis(id);
      try (PreparedStatement ps = writer.prepareStatement(
          "INSERT INTO mentions (document, start, end, kind, type, text, canonical, normalized,"
              + " detail, qualifier, bound, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (EntityMention e : a.entities()) {
          mention(ps, id, e.span().start(), e.span().end(), "entity", e.type().code(), e.text(),
              e.canonical(), "", "", "", "", e.source());
        }
        for (ValueMention v : a.values()) {
          mention(ps, id, v.span().start(), v.span().end(), "value", v.value().kind(), v.text(), "",
              v.value().normalized(), AnalysisRows.detail(v.value()),
              v.qualifier().map(Qualifier::text).orElse(""),
              v.qualifier().map(q -> q.bound().name()).orElse(""), "rules");
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = writer.prepareStatement(
          "INSERT INTO attributions (document, start, end, source_start, source_end, source, kind,"
              + " via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Attribution at : a.attributions()) {
          ps.setString(1, id.sha256());
          ps.setInt(2, at.statement().start());
          ps.setInt(3, at.statement().end());
          ps.setInt(4, at.source().start());
          ps.setInt(5, at.source().end());
          ps.setString(6, at.sourceText());
          ps.setString(7, at.kind().code());
          ps.setString(8, at.via().orElse(""));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = writer.prepareStatement(
          "UPDATE documents SET analysis = ?, analysis_reason = ?, document_date = ?,"
              + " stage = CASE WHEN stage = 'indexed' THEN 'extracted' ELSE stage END WHERE id = ?")) {
        ps.setString(1, status);
        ps.setString(2, reason);
        ps.setString(3, a.documentDate().map(Object::toString).orElse(""));
        ps.setString(4, id.sha256());
        ps.executeUpdate();
      }
    }

    /** Records that a document could not be analysed, keeping nothing of an earlier analysis. */
    public void recordAnalysisFailure(DocumentId id, String status, String reason) throws SQLException {
      clearAnalysis(id);
      try (PreparedStatement ps = writer.prepareStatement(
          "UPDATE documents SET analysis = ?, analysis_reason = ? WHERE id = ?")) {
        ps.setString(1, status);
        ps.setString(2, reason);
        ps.setString(3, id.sha256());
        ps.executeUpdate();
      }
    }

    private void clearAnalysis(DocumentId id) throws SQLException {
      for (String table : List.of("mentions", "attributions")) {
        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM " + table + " WHERE document = ?")) {
          ps.setString(1, id.sha256());
          ps.executeUpdate();
        }
      }
    }

    private void mention(PreparedStatement ps, DocumentId id, int start, int end, String kind,
        String type, String text, String canonical, String normalized, String detail,
        String qualifier, String bound, String source) throws SQLException {
      ps.setString(1, id.sha256());
      ps.setInt(2, start);
      ps.setInt(3, end);
      ps.setString(4, kind);
      ps.setString(5, type);
      ps.setString(6, text);
      ps.setString(7, canonical);
      ps.setString(8, normalized);
      ps.setString(9, detail);
      ps.setString(10, qualifier);
      ps.setString(11, bound);
      ps.setString(12, source);
      ps.addBatch();
    }

    /** Marks documents to be analysed again (after a gazetteer or Dossier upgrade). */
    public void resetAnalysis(String where) throws SQLException {
      try (Statement st = writer.createStatement()) {
        st.executeUpdate("UPDATE documents SET analysis = 'pending' WHERE " + where);
      }
    }

    /** Replaces the case's entities with a new resolution of its mentions. */
    public void replaceEntities(List<ResolvedEntity> resolved) throws SQLException {
      try (Statement st = writer.createStatement()) {
        st.executeUpdate("DELETE FROM entity_aliases");
        st.executeUpdate("DELETE FROM entities");
        st.executeUpdate("UPDATE mentions SET entity = NULL WHERE entity IS NOT NULL");
      }
      try (PreparedStatement ent = writer.prepareStatement(
              "INSERT INTO entities (name, type) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS);
          PreparedStatement alias = writer.prepareStatement(
              "INSERT INTO entity_aliases (entity, alias) VALUES (?, ?)");
          PreparedStatement link = writer.prepareStatement(
              "UPDATE mentions SET entity = ? WHERE kind = 'entity' AND type = ? AND text = ?"
                  + " AND canonical = ?")) {
        for (ResolvedEntity r : resolved) {
          ent.setString(1, r.name());
          ent.setString(2, r.type().code());
          ent.executeUpdate();
          long id;
          try (ResultSet keys = ent.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
          }
          for (String a : r.aliases()) {
            alias.setLong(1, id);
            alias.setString(2, a);
            alias.addBatch();
          }
          for (EntityRow n : r.names()) {
            link.setLong(1, id);
            link.setString(2, n.type().code());
            link.setString(3, n.text());
            link.setString(4, n.canonical());
            link.addBatch();
          }
        }
        alias.executeBatch();
        link.executeBatch();
      }
    }

    /**
     * Replaces the findings of these kinds with {@code rows}: (kind, id, story, status, document,
     * JSON) each.
     */
    public void replaceFindings(List<String> kinds, List<String[]> rows) throws SQLException {
      try (PreparedStatement del = writer.prepareStatement("DELETE FROM findings WHERE kind = ?")) {
        for (String k : kinds) {
          del.setString(1, k);
          del.executeUpdate();
        }
      }
      try (PreparedStatement ps = writer.prepareStatement(
          "INSERT INTO findings (kind, position, id, story, status, document, json)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        int position = 0;
        for (String[] r : rows) {
          ps.setString(1, r[0]);
          ps.setInt(2, position++);
          ps.setString(3, r[1]);
          ps.setString(4, r[2]);
          ps.setString(5, r[3]);
          ps.setString(6, r[4]);
          ps.setString(7, r[5]);
          ps.addBatch();
          if (position % 5_000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
    }

    public void deleteSetting(String key) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("DELETE FROM settings WHERE key = ?")) {
        ps.setString(1, key);
        ps.executeUpdate();
      }
    }

    public void setSetting(String key, String value) throws SQLException {
      try (PreparedStatement ps =
          writer.prepareStatement(
              "INSERT INTO settings (key, value) VALUES (?, ?)"
                  + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
        ps.setString(1, key);
        ps.setString(2, value);
        ps.executeUpdate();
      }
    }
  }

  // ---------------------------------------------------------------- reads

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

  private List<Document> documents(String where, Object... args) throws SQLException {
    synchronized (reader) {
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
    }
  }

  public Optional<Document> document(DocumentId id) throws SQLException {
    return documents("WHERE id = ?", id.sha256()).stream().findFirst();
  }

  public Optional<Document> documentByName(String name) throws SQLException {
    return documents("WHERE name = ?", name).stream().findFirst();
  }

  /** Documents whose id starts with {@code prefix} (hex), at most {@code limit}. */
  public List<Document> documentsByIdPrefix(String prefix, int limit) throws SQLException {
    return documents("WHERE id >= ? AND id < ? ORDER BY id LIMIT ?", prefix, prefix + "g", limit);
  }

  /** The documents found at paths with this name (usually one). */
  public List<DocumentId> documentsAtPath(String name) throws SQLException {
    synchronized (reader) {
      try (PreparedStatement ps =
          reader.prepareStatement(
              "SELECT DISTINCT document FROM paths WHERE name = ? AND document IS NOT NULL")) {
        ps.setString(1, name);
        List<DocumentId> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new DocumentId(rs.getString(1)));
          }
        }
        return out;
      }
    }
  }

  /** Documents found directly inside {@code parent}, in the order they arrived. */
  public List<Document> children(DocumentId parent) throws SQLException {
    return documents("WHERE parent = ? ORDER BY seq", parent.sha256());
  }

  /**
   * Visits the documents in a stage, in arrival order, a page at a time so that the visitor may
   * write meanwhile.
   */
  public void forEachInStage(Stage stage, Consumer<Document> visitor) throws SQLException {
    long after = -1;
    while (true) {
      List<Long> seqs = new ArrayList<>();
      List<Document> page = new ArrayList<>();
      synchronized (reader) {
        try (PreparedStatement ps =
            reader.prepareStatement(
                "SELECT " + DOC_COLUMNS + ", seq FROM documents WHERE stage = ? AND seq > ?"
                    + " ORDER BY seq LIMIT 500")) {
          ps.setString(1, stage.code());
          ps.setLong(2, after);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              page.add(document(rs));
              seqs.add(rs.getLong(14));
            }
          }
        }
      }
      if (page.isEmpty()) {
        return;
      }
      page.forEach(visitor);
      after = seqs.get(seqs.size() - 1);
    }
  }

  /** Visits every document whose original is in the evidence store, ordered by id. */
  public void forEachStoredOriginal(Consumer<DocumentId> visitor) throws SQLException {
    String after = "";
    while (true) {
      List<DocumentId> page = new ArrayList<>();
      synchronized (reader) {
        try (PreparedStatement ps =
            reader.prepareStatement(
                "SELECT id FROM documents WHERE stored = 1 AND id > ? ORDER BY id LIMIT 1000")) {
          ps.setString(1, after);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              page.add(new DocumentId(rs.getString(1)));
            }
          }
        }
      }
      if (page.isEmpty()) {
        return;
      }
      page.forEach(visitor);
      after = page.get(page.size() - 1).sha256();
    }
  }

  public Optional<PathState> path(String root, String name) throws SQLException {
    synchronized (reader) {
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
    }
  }

  /** Every path at which the document was found, in the order they arrived. */
  public List<DocumentPath> paths(DocumentId id) throws SQLException {
    synchronized (reader) {
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
    }
  }

  /** All metadata values of a document, by key, in the order the parser reported them. */
  public Map<String, List<String>> metadata(DocumentId id) throws SQLException {
    synchronized (reader) {
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
    }
  }

  /** Documents whose analysis is pending, once their text is extracted. */
  public void forEachAnalysisPending(Consumer<Document> visitor) throws SQLException {
    for (Stage stage : List.of(Stage.EXTRACTED, Stage.INDEXED)) {
      for (Document d : documents("WHERE stage = ? AND analysis = 'pending' ORDER BY seq", stage.code())) {
        visitor.accept(d);
      }
    }
  }

  /** The analysis status and reason of a document, and the date it was analysed against. */
  public record AnalysisState(String status, String reason, String documentDate) {}

  public Optional<AnalysisState> analysisState(DocumentId id) throws SQLException {
    synchronized (reader) {
      try (PreparedStatement ps = reader.prepareStatement(
          "SELECT analysis, analysis_reason, document_date FROM documents WHERE id = ?")) {
        ps.setString(1, id.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new AnalysisState(rs.getString(1), rs.getString(2), rs.getString(3)))
              : Optional.empty();
        }
      }
    }
  }

  /** The entity names, value mentions and attributions stored for a document. */
  public Annotations annotations(DocumentId id) throws SQLException {
    List<EntityMention> entities = new ArrayList<>();
    List<ValueMention> values = new ArrayList<>();
    List<Attribution> attributions = new ArrayList<>();
    String date = "";
    synchronized (reader) {
      try (PreparedStatement ps = reader.prepareStatement(
          "SELECT start, end, kind, type, text, canonical, detail, qualifier, bound, source"
              + " FROM mentions WHERE document = ? ORDER BY start, end DESC")) {
        ps.setString(1, id.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Span span = new Span(rs.getInt(1), rs.getInt(2));
            if (rs.getString(3).equals("entity")) {
              entities.add(new EntityMention(span, rs.getString(5), EntityType.fromCode(rs.getString(4)),
                  rs.getString(6), rs.getString(10)));
            } else {
              values.add(new ValueMention(span, rs.getString(5),
                  AnalysisRows.value(rs.getString(4), rs.getString(7)),
                  AnalysisRows.qualifier(rs.getString(8), rs.getString(9))));
            }
          }
        }
      }
      try (PreparedStatement ps = reader.prepareStatement(
          "SELECT start, end, source_start, source_end, source, kind, via FROM attributions"
              + " WHERE document = ? ORDER BY start")) {
        ps.setString(1, id.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String via = rs.getString(7);
            attributions.add(new Attribution(new Span(rs.getInt(1), rs.getInt(2)),
                new Span(rs.getInt(3), rs.getInt(4)), rs.getString(5),
                Attribution.Kind.fromCode(rs.getString(6)),
                via.isEmpty() ? Optional.empty() : Optional.of(via)));
          }
        }
      }
      try (PreparedStatement ps = reader.prepareStatement("SELECT document_date, analysis FROM documents WHERE id = ?")) {
        ps.setString(1, id.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            date = rs.getString(1);
          }
        }
      }
    }
    Optional<LocalDate> d = date.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(date));
    return new Annotations(entities, values, attributions, d, true);
  }

  /**
   * The stored findings of one kind, in order, as JSON text; {@code story} and {@code status}
   * filter when given.
   */
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

  /** When the run that first recorded a document started. */
  public Optional<java.time.Instant> ingestedAt(DocumentId id) throws SQLException {
    synchronized (reader) {
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
    }
    return Optional.empty();
  }

  /** For each resolved entity name {@code type|text|canonical} of the mentions, its entity's name. */
  public Map<String, String> resolvedNames() throws SQLException {
    Map<String, String> out = new java.util.HashMap<>();
    synchronized (reader) {
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery("SELECT DISTINCT m.type, m.text, m.canonical, e.name FROM mentions m"
              + " JOIN entities e ON m.entity = e.id WHERE m.kind = 'entity'")) {
        while (rs.next()) {
          out.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getString(4));
        }
      }
    }
    return out;
  }

  /** Documents with an analysis that found something to read (done, partial, values only). */
  public void forEachAnalysed(Consumer<Document> visitor) throws SQLException {
    for (Document d : documents("WHERE analysis IN ('done', 'partial', 'values-only') ORDER BY seq")) {
      visitor.accept(d);
    }
  }

  /** Visits every distinct entity name of the case with its number of mentions. */
  public void forEachEntityName(Consumer<EntityRow> visitor) throws SQLException {
    List<EntityRow> rows = new ArrayList<>();
    synchronized (reader) {
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery(
              "SELECT type, text, canonical, count(*) FROM mentions WHERE kind = 'entity'"
                  + " GROUP BY type, text, canonical")) {
        while (rs.next()) {
          rows.add(new EntityRow(EntityType.fromCode(rs.getString(1)), rs.getString(2),
              rs.getString(3), rs.getLong(4)));
        }
      }
    }
    rows.forEach(visitor);
  }

  /** The case's entities, most mentioned first, optionally of one type. */
  public List<EntitySummary> entities(Optional<EntityType> type, int limit) throws SQLException {
    List<EntitySummary> out = new ArrayList<>();
    synchronized (reader) {
      String sql = "SELECT e.id, e.name, e.type, count(m.id) AS n FROM entities e"
          + " JOIN mentions m ON m.entity = e.id"
          + (type.isPresent() ? " WHERE e.type = ?" : "")
          + " GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?";
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
    }
  }

  /** Number of documents whose analysis is pending. */
  public long analysisPending() throws SQLException {
    synchronized (reader) {
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery(
              "SELECT count(*) FROM documents WHERE analysis = 'pending' AND stage <> 'collected'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public long documentCount() throws SQLException {
    synchronized (reader) {
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM documents")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Number of documents per stage code. */
  public Map<String, Long> countByStage() throws SQLException {
    return counts("SELECT stage, count(*) FROM documents GROUP BY stage ORDER BY stage");
  }

  /** Number of documents per status code. */
  public Map<String, Long> countByStatus() throws SQLException {
    return counts("SELECT status, count(*) FROM documents GROUP BY status ORDER BY status");
  }

  private Map<String, Long> counts(String sql) throws SQLException {
    synchronized (reader) {
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        Map<String, Long> out = new LinkedHashMap<>();
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
      }
    }
  }

  /**
   * Documents with a problem status and paths with a problem of their own (a bad name, a link
   * out of the input, an unreadable file), ordered by status then name.
   */
  public List<Problem> problems() throws SQLException {
    synchronized (reader) {
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
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (SQLException ignored) {
      // closing a read connection cannot lose data
    }
    try {
      writer.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the case database", e);
    }
  }
}
