package org.dossier.store;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityRow;
import org.dossier.core.ResolvedEntity;
import org.dossier.core.Qualifier;
import org.dossier.core.ValueMention;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Extraction;
import org.dossier.core.Judgement;
import org.dossier.core.Stage;

/**
 * The case's database: SQLite in the case folder (the default) or a schema of its own on a
 * PostgreSQL server, the same SQL on both (the differences are in {@link Dialect}). Writes go
 * through {@link #write} in one transaction on a writer connection (a transaction may span
 * concerns: a document, its paths and its run); reads go through the narrow store of their concern
 * ({@link #documents}, {@link #annotations}, {@link #entities}, {@link #findings}; runs and
 * settings here) on a small pool of read connections that see committed data only, so a reader
 * never waits for a long ingest nor, up to the pool's size, for another reader. Every write is
 * safe with other processes writing the same PostgreSQL case: inserts that may meet another's
 * row are upserts, a document's rewrites start by locking its row, and replacing a whole table
 * locks it first.
 */
public final class CaseStore implements Closeable {
  /** The store's failure as a command, a task or a page reports it: the case database failed, and why. */
  public static java.io.IOException failed(java.sql.SQLException e) {
    return new java.io.IOException("the case database failed: " + e.getMessage(), e);
  }

  /** The setting that names the case a PostgreSQL schema belongs to. */
  public static final String CASE_ID = "case.id";

  private static final int MAX_METADATA_VALUE = 10_000;
  private static final int MAX_METADATA_ROWS = 2_000;

  /** Replaced when its connection is lost ({@link ConnectionLoss}); only under {@link #writeLock}. */
  private Connection writer;
  private final Object writeLock = new Object();
  private final StoreLocation where;
  private final Dialect dialect;
  private final ReadConnections readers;
  private final Clock clock;

  private final JdbcDocuments documents;
  private final JdbcAnnotations annotations;
  private final JdbcEntities entities;
  private final JdbcFindings findings;
  private final JdbcJudgements judgements;
  private final JdbcUsers users;
  private final JdbcSavedSearches savedSearches;
  private final JdbcTaskQueue tasks;
  private final JdbcVerifications verifications;

  private CaseStore(StoreLocation where, Connection writer, Dialect dialect, ReadConnections readers, Clock clock) {
    this.where = where;
    this.writer = writer;
    this.dialect = dialect;
    this.readers = readers;
    this.clock = clock;
    this.documents = new JdbcDocuments(readers);
    this.annotations = new JdbcAnnotations(readers, documents);
    this.entities = new JdbcEntities(readers);
    this.findings = new JdbcFindings(readers);
    this.judgements = new JdbcJudgements(readers);
    this.users = new JdbcUsers(readers);
    this.savedSearches = new JdbcSavedSearches(readers);
    this.tasks = new JdbcTaskQueue(dialect, readers, this::transaction);
    this.verifications = new JdbcVerifications(readers);
  }

  /** Opens (creating if needed) the SQLite database {@code file}, as {@link #open(StoreLocation, Clock)}. */
  public static CaseStore open(Path file, Clock clock) throws SQLException {
    return open(new StoreLocation.Sqlite(file), clock);
  }

  /** As {@link #open(Path, Clock)}, with at most {@code readConnections} read connections. */
  public static CaseStore open(Path file, Clock clock, int readConnections) throws SQLException {
    return open(new StoreLocation.Sqlite(file), clock, readConnections, false);
  }

  /**
   * Opens the store and applies pending migrations; reads share {@link ReadConnections#sizeFor}
   * connections for this machine's cores. A SQLite file is created if needed; a PostgreSQL schema
   * must exist and belong to the location's case ({@link #create} makes it).
   *
   * @throws IllegalStateException when the PostgreSQL schema is missing or holds another case
   */
  public static CaseStore open(StoreLocation where, Clock clock) throws SQLException {
    return open(where, clock, ReadConnections.sizeFor(Runtime.getRuntime().availableProcessors()), false);
  }

  /**
   * Creates the store of a new case: on PostgreSQL its schema, claimed for the location's case
   * (an empty schema is taken over), then migrated; a SQLite file as {@link #open}.
   *
   * @throws IllegalStateException when the schema already holds another case, or tables that
   *     are not a case's
   */
  public static CaseStore create(StoreLocation where, Clock clock) throws SQLException {
    return open(where, clock, ReadConnections.sizeFor(Runtime.getRuntime().availableProcessors()), true);
  }

  private static CaseStore open(StoreLocation where, Clock clock, int readConnections, boolean create)
      throws SQLException {
    if (readConnections < 1) {
      throw new IllegalArgumentException("a store needs at least one read connection, not " + readConnections);
    }
    if (where instanceof StoreLocation.Sqlite sqlite) {
      try {
        Files.createDirectories(sqlite.file().toAbsolutePath().getParent());
      } catch (java.io.IOException e) {
        throw new SQLException("cannot create the folder for " + sqlite.file(), e);
      }
    }
    Dialect dialect = Dialect.of(where);
    Connection w = dialect.connect(where);
    try {
      dialect.setUpWriter(w);
      if (where instanceof StoreLocation.Postgres pg) {
        claim(w, pg, create);
      }
      Migrations.apply(w, dialect);
      if (where instanceof StoreLocation.Postgres pg && create) {
        try (PreparedStatement ps = w.prepareStatement(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")) {
          ps.setString(1, CASE_ID);
          ps.setString(2, pg.caseId());
          ps.executeUpdate();
        }
        claim(w, pg, false); // two cases created at once on one schema: the one that lost is refused
      }
    } catch (SQLException | RuntimeException e) {
      try {
        w.close();
      } catch (SQLException ignored) {
        // the failure to open is the one to report
      }
      throw e;
    }
    return new CaseStore(where, w, dialect, new ReadConnections(where, readConnections), clock);
  }

  /**
   * Checks that the schema is this case's: on opening, that it exists and names this case; on
   * creating, that it is new, empty or already this case's, and creates it when new.
   */
  private static void claim(Connection c, StoreLocation.Postgres pg, boolean create) throws SQLException {
    boolean exists;
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
      ps.setString(1, pg.schema());
      try (ResultSet rs = ps.executeQuery()) {
        exists = rs.next();
      }
    }
    if (!exists) {
      if (!create) {
        throw new IllegalStateException("the case's schema " + pg.schema() + " is not on the server "
            + pg.url() + ": was it dropped, or is this another server?");
      }
      try (Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA IF NOT EXISTS " + pg.schema()); // a checked name, never quoted input
      }
      return;
    }
    long tables;
    boolean hasSettings;
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE tablename = 'settings')"
        + " FROM pg_catalog.pg_tables WHERE schemaname = ?")) {
      ps.setString(1, pg.schema());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        tables = rs.getLong(1);
        hasSettings = rs.getLong(2) > 0;
      }
    }
    if (tables == 0 && create) {
      return; // an empty schema made for the case (by its administrator, say)
    }
    Optional<String> owner = Optional.empty();
    if (hasSettings) {
      try (PreparedStatement ps = c.prepareStatement("SELECT value FROM " + pg.schema() + ".settings WHERE key = ?")) {
        ps.setString(1, CASE_ID);
        try (ResultSet rs = ps.executeQuery()) {
          owner = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    }
    if (owner.isEmpty()) {
      throw new IllegalStateException("the schema " + pg.schema() + " on " + pg.url() + " holds " + tables
          + " tables that are not a Dossier case's; name another schema (currentSchema=NAME in the URL)");
    }
    if (!owner.get().equals(pg.caseId())) {
      throw new IllegalStateException("the schema " + pg.schema() + " on " + pg.url() + " belongs to another case ("
          + owner.get() + "), not to this one (" + pg.caseId() + ")");
    }
  }

  public int schemaVersion() throws SQLException {
    return readers.read(Migrations::current);
  }

  /** Where this store is, for a person. */
  public String describe() {
    return readers.where().describe();
  }

  /** The most read connections this store opens. */
  public int readConnections() {
    return readers.size();
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
    return readers.read(reader -> {
      try (PreparedStatement ps = reader.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /**
   * The store's clock now, in microseconds since 1970: on PostgreSQL the server's, the one clock of
   * every process that works on the case, so that machines whose own clocks differ agree on which
   * of two reads came later (the index's builds are ordered by it); on SQLite this machine's, the
   * only one that writes the case (to the millisecond).
   */
  public long clockMicros() throws SQLException {
    return readers.read(reader -> {
      try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("SELECT " + dialect.clockMicros())) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  // ---------------------------------------------------------------- writes

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Batch batch) throws SQLException;
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none. */
  public <T> T write(Work<T> work) throws SQLException {
    return transaction(w -> work.run(new Batch()));
  }

  /** Work on the writer connection, for a narrow store that writes ({@link JdbcTaskQueue}). */
  @FunctionalInterface
  interface Transaction<T> {
    T run(Connection writer) throws SQLException;
  }

  /** Runs {@code work} in one transaction on the writer: all of it is committed, or none. */
  <T> T transaction(Transaction<T> work) throws SQLException {
    synchronized (writeLock) {
      // a transaction cut by a lost connection was rolled back with it: done again on a new one
      return ConnectionLoss.retrying(() -> {
        if (writer.isClosed()) {
          reconnectWriter();
        }
        writer.setAutoCommit(false);
        try {
          T result = work.run(writer);
          writer.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          if (ConnectionLoss.is(e)) {
            reconnectWriter();
            if (e instanceof RuntimeException && e.getCause() instanceof SQLException s) {
              throw s;
            }
          } else {
            writer.rollback();
          }
          throw e;
        } finally {
          if (!writer.isClosed()) {
            writer.setAutoCommit(true);
          }
        }
      });
    }
  }

  /** A new writer connection for one that was lost; if the server is still away, the next attempt tries again. */
  private void reconnectWriter() throws SQLException {
    try {
      writer.close();
    } catch (SQLException ignored) {
      // it is gone already
    }
    Connection w = dialect.connect(where);
    try {
      dialect.setUpWriter(w);
    } catch (SQLException e) {
      w.close();
      throw e;
    }
    writer = w;
  }

  /**
   * Whether {@code e} says the connection to the store's server was lost (the store has then done
   * the work again a few times already: {@link ConnectionLoss}).
   */
  public static boolean connectionLost(Throwable e) {
    return ConnectionLoss.is(e);
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
      // an insert first, not a look-up: another writer's document of the same id (or name) is met
      // by the insert itself, which waits for that writer to commit and then does nothing
      String name = doc.name();
      for (int attempt = 0; attempt < 2; attempt++) {
        if (tryInsert(doc, name)) {
          return name;
        }
        try (PreparedStatement ps = writer.prepareStatement("SELECT name FROM documents WHERE id = ?")) {
          ps.setString(1, doc.id().sha256());
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              return rs.getString(1);
            }
          }
        }
        name = doc.name() + "~" + doc.id().shortForm(); // the name is another document's
      }
      throw new SQLException("the names " + doc.name() + " and " + name + " are both taken; cannot add " + doc.id());
    }

    private boolean tryInsert(NewDocument doc, String name) throws SQLException {
      try (PreparedStatement ps =
          writer.prepareStatement(
              "INSERT INTO documents (id, name, size, stored, parent, depth, stage, status,"
                  + " reason, run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, doc.id().sha256());
        ps.setString(2, dialect.text(name));
        ps.setLong(3, doc.size());
        ps.setInt(4, doc.stored() ? 1 : 0);
        ps.setString(5, doc.parent().map(DocumentId::sha256).orElse(null));
        ps.setInt(6, doc.depth());
        ps.setString(7, doc.stage().code());
        ps.setString(8, doc.status().code());
        ps.setString(9, dialect.text(doc.reason()));
        ps.setLong(10, doc.run());
        return ps.executeUpdate() == 1;
      }
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
        ps.setString(1, dialect.text(root));
        ps.setString(2, dialect.text(name));
        ps.setString(3, document.map(DocumentId::sha256).orElse(null));
        ps.setLong(4, size);
        ps.setLong(5, modified);
        ps.setString(6, status.code());
        ps.setString(7, dialect.text(reason));
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
        ps.setString(3, dialect.text(x.reason()));
        ps.setString(4, dialect.text(x.mediaType()));
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
            ps.setString(2, dialect.text(e.getKey()));
            ps.setString(
                3, dialect.text(value.length() > MAX_METADATA_VALUE ? value.substring(0, MAX_METADATA_VALUE) : value));
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
    }

    /** A document's stage as this transaction sees it (its own writes included). */
    public Optional<Stage> stage(DocumentId id) throws SQLException {
      return column("stage", id).map(Stage::fromCode);
    }

    /** A document's analysis status ({@code pending}, {@code done} ...), as this transaction sees it. */
    public Optional<String> analysis(DocumentId id) throws SQLException {
      return column("analysis", id);
    }

    private Optional<String> column(String column, DocumentId id) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("SELECT " + column + " FROM documents WHERE id = ?")) {
        ps.setString(1, id.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    }

    /** How many paths lead to a document, as this transaction sees it. */
    public int pathCount(DocumentId id) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("SELECT count(*) FROM paths WHERE document = ?")) {
        ps.setString(1, id.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
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
      // the document's row first: it locks the row, so another writer's analysis of the same
      // document waits here until this one commits, and then replaces all of it
      try (PreparedStatement ps = writer.prepareStatement(
          "UPDATE documents SET analysis = ?, analysis_reason = ?, document_date = ?,"
              + " stage = CASE WHEN stage = 'indexed' THEN 'extracted' ELSE stage END WHERE id = ?")) {
        ps.setString(1, status);
        ps.setString(2, dialect.text(reason));
        ps.setString(3, a.documentDate().map(Object::toString).orElse(""));
        ps.setString(4, id.sha256());
        ps.executeUpdate();
      }
      clearAnalysis(id);
      try (PreparedStatement ps = writer.prepareStatement(
          "INSERT INTO mentions (document, start, \"end\", kind, type, text, canonical, normalized,"
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
          "INSERT INTO attributions (document, start, \"end\", source_start, source_end, source, kind,"
              + " via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Attribution at : a.attributions()) {
          ps.setString(1, id.sha256());
          ps.setInt(2, at.statement().start());
          ps.setInt(3, at.statement().end());
          ps.setInt(4, at.source().start());
          ps.setInt(5, at.source().end());
          ps.setString(6, dialect.text(at.sourceText()));
          ps.setString(7, at.kind().code());
          ps.setString(8, dialect.text(at.via().orElse("")));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }

    /** Records that a document could not be analysed, keeping nothing of an earlier analysis. */
    public void recordAnalysisFailure(DocumentId id, String status, String reason) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement(
          "UPDATE documents SET analysis = ?, analysis_reason = ? WHERE id = ?")) {
        ps.setString(1, status);
        ps.setString(2, dialect.text(reason));
        ps.setString(3, id.sha256());
        ps.executeUpdate();
      }
      clearAnalysis(id);
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
      ps.setString(6, dialect.text(text));
      ps.setString(7, dialect.text(canonical));
      ps.setString(8, dialect.text(normalized));
      ps.setString(9, dialect.text(detail));
      ps.setString(10, dialect.text(qualifier));
      ps.setString(11, bound);
      ps.setString(12, source);
      ps.addBatch();
    }

    /** Marks every document to be analysed again (after a gazetteer or Dossier upgrade). */
    public void resetAnalysis() throws SQLException {
      try (Statement st = writer.createStatement()) {
        st.executeUpdate("UPDATE documents SET analysis = 'pending' WHERE analysis <> 'pending'");
      }
    }

    /** Marks one document to be analysed again. */
    public void resetAnalysis(DocumentId id) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("UPDATE documents SET analysis = 'pending' WHERE id = ?")) {
        ps.setString(1, id.sha256());
        ps.executeUpdate();
      }
    }

    /** Replaces the case's entities with a new resolution of its mentions. */
    public void replaceEntities(List<ResolvedEntity> resolved) throws SQLException {
      dialect.lockForReplace(writer, "entities", "entity_aliases");
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
          ent.setString(1, dialect.text(r.name()));
          ent.setString(2, r.type().code());
          ent.executeUpdate();
          long id;
          try (ResultSet keys = ent.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
          }
          for (String a : r.aliases()) {
            alias.setLong(1, id);
            alias.setString(2, dialect.text(a));
            alias.addBatch();
          }
          for (EntityRow n : r.names()) {
            link.setLong(1, id);
            link.setString(2, n.type().code());
            link.setString(3, dialect.text(n.text()));
            link.setString(4, dialect.text(n.canonical()));
            link.addBatch();
          }
        }
        alias.executeBatch();
        link.executeBatch();
      }
    }

    /** Replaces the findings of these kinds with {@code rows}, kept in their order. */
    public void replaceFindings(List<String> kinds, List<FindingRow> rows) throws SQLException {
      replaceFindings(kinds, rows::forEach);
    }

    /**
     * As {@link #replaceFindings(List, List)}, with the rows handed over one at a time as {@code
     * rows} makes them: a case's findings need not be in memory all at once.
     */
    public void replaceFindings(List<String> kinds, FindingRow.Source rows) throws SQLException {
      dialect.lockForReplace(writer, "findings");
      try (PreparedStatement del = writer.prepareStatement("DELETE FROM findings WHERE kind = ?")) {
        for (String k : kinds) {
          del.setString(1, k);
          del.executeUpdate();
        }
      }
      try (PreparedStatement ps = writer.prepareStatement(
          "INSERT INTO findings (kind, position, id, story, status, document, json)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        int[] position = {0};
        try {
          rows.each(r -> {
            try {
              ps.setString(1, r.kind());
              ps.setInt(2, position[0]++);
              ps.setString(3, dialect.text(r.id()));
              ps.setString(4, dialect.text(r.story()));
              ps.setString(5, r.status());
              ps.setString(6, dialect.text(r.document()));
              ps.setString(7, dialect.text(r.json()));
              ps.addBatch();
              if (position[0] % 5_000 == 0) {
                ps.executeBatch();
              }
            } catch (SQLException e) {
              throw new RowFailed(e);
            }
          });
        } catch (RowFailed e) {
          throw e.getCause();
        }
        ps.executeBatch();
      }
    }

    /** A row's insert that failed, carried out of the rows' producer. */
    private static final class RowFailed extends RuntimeException {
      RowFailed(SQLException cause) {
        super(cause);
      }

      @Override
      public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
      }
    }

    /** Appends a judgement of the analyst; returns it with its number. */
    public Judgement addJudgement(Judgement j) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement(
          "INSERT INTO judgements (at, \"user\", target, action, value, reason, undoes) VALUES (?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, j.at().toString());
        ps.setString(2, j.user());
        ps.setString(3, dialect.text(j.target()));
        ps.setString(4, j.action().code());
        ps.setString(5, dialect.text(j.value()));
        ps.setString(6, dialect.text(j.reason()));
        if (j.undoes() > 0) {
          ps.setLong(7, j.undoes());
        } else {
          ps.setNull(7, java.sql.Types.INTEGER);
        }
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          return new Judgement(rs.getLong(1), j.at(), j.user(), j.target(), j.action(), j.value(), j.reason(), j.undoes());
        }
      }
    }

    /**
     * Saves a user's search under a name (replacing the query of one saved under that name), seen
     * up to the document {@code seenSeq}; returns its id.
     */
    public long saveSearch(String user, String name, String query, Instant at, long seenSeq) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement(
          "INSERT INTO saved_searches (\"user\", name, query, created, seen_seq, seen_at) VALUES (?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (\"user\", name) DO UPDATE SET query = excluded.query, seen_seq = excluded.seen_seq,"
              + " seen_at = excluded.seen_at RETURNING id")) {
        ps.setString(1, user);
        ps.setString(2, dialect.text(name));
        ps.setString(3, dialect.text(query));
        ps.setString(4, at.toString());
        ps.setLong(5, seenSeq);
        ps.setString(6, at.toString());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }

    /** Marks a user's saved search seen up to the document {@code seq}; false when there is none of that id. */
    public boolean markSearchSeen(String user, long id, long seq, Instant at) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement(
          "UPDATE saved_searches SET seen_seq = ?, seen_at = ? WHERE id = ? AND \"user\" = ?")) {
        ps.setLong(1, seq);
        ps.setString(2, at.toString());
        ps.setLong(3, id);
        ps.setString(4, user);
        return ps.executeUpdate() == 1;
      }
    }

    /** Deletes a user's saved search; false when there is none of that id. */
    public boolean deleteSearch(String user, long id) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("DELETE FROM saved_searches WHERE id = ? AND \"user\" = ?")) {
        ps.setLong(1, id);
        ps.setString(2, user);
        return ps.executeUpdate() == 1;
      }
    }

    /** Adds a user of the workbench with a password hash and a role. */
    public void addUser(String name, String hash, String role, Instant created) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement(
          "INSERT INTO users (name, hash, role, created) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, name);
        ps.setString(2, hash);
        ps.setString(3, role);
        ps.setString(4, created.toString());
        ps.executeUpdate();
      }
    }

    /** Changes a user's role; false when there is no such user. */
    public boolean setRole(String name, String role) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("UPDATE users SET role = ? WHERE name = ?")) {
        ps.setString(1, role);
        ps.setString(2, name);
        return ps.executeUpdate() == 1;
      }
    }

    /** Adds an API token of a user, by the token's SHA-256 (hex): the token itself is never stored. */
    public void addToken(String hash, String user, Instant created, String label) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement(
          "INSERT INTO tokens (hash, \"user\", created, label) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, hash);
        ps.setString(2, user);
        ps.setString(3, created.toString());
        ps.setString(4, dialect.text(label));
        ps.executeUpdate();
      }
    }

    /**
     * Takes the case's custody lock until this transaction ends ({@link Dialect#lockCustody}):
     * before the first custody entry the transaction's changes go with.
     */
    public void lockCustody() throws SQLException {
      dialect.lockCustody(writer);
    }

    /**
     * Adds tasks to the work queue in this transaction ({@link TaskQueue#enqueue}): a stage's
     * follow-on tasks committed with its effects, or neither.
     *
     * @return how many were new
     */
    public int enqueue(Collection<TaskQueue.NewTask> newTasks) throws SQLException {
      return newTasks.isEmpty() ? 0 : tasks.enqueueIn(writer, newTasks);
    }

    /**
     * Queues the dead tasks of the work queue again (of one kind, or all) in this transaction, with
     * what else it writes: their attempts counted from none, their cap the one they were queued
     * with (a give-back's rise taken off), their last error kept. What queues them again also
     * marks it for the stages that follow (the workers' {@code retryDead}).
     *
     * @return how many were queued, by kind
     */
    public Map<String, Integer> retryDead(Optional<String> kind) throws SQLException {
      return tasks.retryDeadIn(writer, kind);
    }

    /** Adds one to the number a setting holds (none: 0), in one statement that holds its row. */
    public void increment(String key) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("INSERT INTO settings (key, value) VALUES (?, '1')"
          + " ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(settings.value AS INTEGER) + 1 AS TEXT)")) {
        ps.setString(1, key);
        ps.executeUpdate();
      }
    }

    /**
     * True when {@code lease} is still its task's newest; the task is then held against claims
     * until this transaction ends, so a task's effects are written under its current lease only.
     */
    public boolean holds(TaskQueue.Lease lease) throws SQLException {
      return tasks.holdsIn(writer, lease);
    }

    /**
     * Marks the task done in this transaction ({@link TaskQueue#complete}): its effects and its
     * completion are committed together, or neither.
     *
     * @return false, changing nothing, when the lease is no longer the task's
     */
    public boolean complete(TaskQueue.Lease lease) throws SQLException {
      return tasks.completeIn(writer, lease);
    }

    /**
     * Keeps a document's verification: its checks, its signature and band hashes (none when its
     * text is too short to compare), all made from {@code inputs}. An upsert keyed by document and
     * kind, its bands replaced: the same document verified twice leaves one of each.
     */
    public void putVerification(String document, String inputs, String checks, Optional<String> signature,
        long[] bandHashes) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("INSERT INTO verify_documents (document, kind, inputs, value)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT (document, kind) DO UPDATE SET inputs = excluded.inputs, value = excluded.value");
          PreparedStatement del = writer.prepareStatement("DELETE FROM verify_documents WHERE document = ? AND kind = ?")) {
        ps.setString(1, document);
        ps.setString(2, VerificationStore.CHECKS);
        ps.setString(3, dialect.text(inputs));
        ps.setString(4, dialect.text(checks));
        ps.executeUpdate();
        if (signature.isPresent()) {
          ps.setString(2, VerificationStore.SIGNATURE);
          ps.setString(4, signature.get());
          ps.executeUpdate();
        } else {
          del.setString(1, document);
          del.setString(2, VerificationStore.SIGNATURE);
          del.executeUpdate();
        }
      }
      try (PreparedStatement del = writer.prepareStatement("DELETE FROM verify_bands WHERE document = ?")) {
        del.setString(1, document);
        del.executeUpdate();
      }
      try (PreparedStatement ps = writer.prepareStatement("INSERT INTO verify_bands (band, hash, document) VALUES (?, ?, ?)")) {
        for (int band = 0; band < bandHashes.length; band++) {
          ps.setInt(1, band);
          ps.setLong(2, bandHashes[band]);
          ps.setString(3, document);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }

    /** Keeps candidate pairs of a round (each once, however often written). */
    public void putCandidates(String round, Collection<String[]> pairs) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement(
          "INSERT INTO verify_candidates (round, a, b) VALUES (?, ?, ?) ON CONFLICT (round, a, b) DO NOTHING")) {
        int n = 0;
        for (String[] p : pairs) {
          ps.setString(1, dialect.text(round));
          ps.setString(2, p[0]);
          ps.setString(3, p[1]);
          ps.addBatch();
          if (++n % 5_000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
    }

    /** Drops the candidate pairs of every round but {@code round}: they were used, or are of a round gone by. */
    public void dropCandidatesBut(String round) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("DELETE FROM verify_candidates WHERE round <> ?")) {
        ps.setString(1, dialect.text(round));
        ps.executeUpdate();
      }
    }

    /**
     * Whether the setting {@code key} still has {@code value} (empty: is not set). A value that is
     * there is held until this transaction ends (it is updated to itself), so a writer that would
     * change it waits for this one, and this one sees the change of a writer that committed first.
     * An absent setting has no row to hold: the settings are then held whole, as a replace holds its
     * tables, so that a writer setting it meanwhile (its transaction open) is waited for and seen,
     * and one that would set it after waits for this transaction to end.
     */
    public boolean settingIs(String key, Optional<String> value) throws SQLException {
      if (value.isEmpty()) {
        dialect.lockForReplace(writer, "settings");
        try (PreparedStatement ps = writer.prepareStatement("SELECT count(*) FROM settings WHERE key = ?")) {
          ps.setString(1, key);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) == 0;
          }
        }
      }
      try (PreparedStatement ps = writer.prepareStatement("UPDATE settings SET value = value WHERE key = ? AND value = ?")) {
        ps.setString(1, key);
        ps.setString(2, value.get());
        return ps.executeUpdate() == 1;
      }
    }

    public void deleteSetting(String key) throws SQLException {
      try (PreparedStatement ps = writer.prepareStatement("DELETE FROM settings WHERE key = ?")) {
        ps.setString(1, key);
        ps.executeUpdate();
      }
    }

    public void setSetting(String key, String value) throws SQLException {
      setSettings(Map.of(key, value));
    }

    /** Sets several settings in one statement (one round trip to a server). */
    public void setSettings(Map<String, String> settings) throws SQLException {
      if (settings.isEmpty()) {
        return;
      }
      String rows = String.join(", ", java.util.Collections.nCopies(settings.size(), "(?, ?)"));
      try (PreparedStatement ps =
          writer.prepareStatement(
              "INSERT INTO settings (key, value) VALUES " + rows
                  + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
        int i = 1;
        for (Map.Entry<String, String> e : settings.entrySet()) {
          ps.setString(i++, e.getKey());
          ps.setString(i++, e.getValue());
        }
        ps.executeUpdate();
      }
    }
  }

  // ---------------------------------------------------------------- reads, by concern

  /** Documents, their paths, metadata and counts. */
  public DocumentStore documents() {
    return documents;
  }

  /** What the analysis found in each document. */
  public AnnotationStore annotations() {
    return annotations;
  }

  /** The resolved entities. */
  public EntityStore entities() {
    return entities;
  }

  /** The link and verify stages' findings. */
  public FindingStore findings() {
    return findings;
  }

  /** The analyst's judgements. */
  public JudgementStore judgements() {
    return judgements;
  }

  /** The workbench's accounts and API tokens. */
  public UserStore users() {
    return users;
  }

  /** The verify stage's per-document and per-band work, kept between its tasks. */
  public VerificationStore verifications() {
    return verifications;
  }

  /** The users' saved searches. */
  public SavedSearchStore savedSearches() {
    return savedSearches;
  }

  /**
   * The durable work queue, whose changes (enqueue, claim, heartbeat, complete, fail) are each a
   * transaction of their own on the writer.
   */
  public TaskQueue tasks() {
    return tasks;
  }

  @Override
  public void close() {
    readers.close();
    try {
      synchronized (writeLock) {
        writer.close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the case database", e);
    }
  }
}
