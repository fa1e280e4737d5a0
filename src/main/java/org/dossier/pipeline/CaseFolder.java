package org.dossier.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.dossier.collect.EvidenceStore;
import org.dossier.core.CaseLayout;
import org.dossier.core.DocumentIndex;
import org.dossier.custody.CustodyLog;
import org.dossier.index.LuceneIndex;
import org.dossier.index.solr.SolrIndex;
import org.dossier.index.solr.SolrLocation;
import org.dossier.store.CaseStore;
import org.dossier.store.StoreLocation;

/** An open case: the one place where Dossier's adapters are chosen and opened. */
public final class CaseFolder implements Closeable {
  public static final String CUSTODY_SEQ = "custody.seq";
  public static final String CUSTODY_HEAD = "custody.head";

  private final CaseLayout layout;
  private final CaseStore store;
  private final EvidenceStore evidence;
  private final Clock clock;

  private CaseFolder(CaseLayout layout, CaseStore store, Clock clock, Closeable writeLock) {
    this.layout = layout;
    this.store = store;
    this.evidence = new EvidenceStore(layout);
    this.clock = clock;
    this.writeLock = writeLock;
  }

  /** The write lock this folder holds since it was opened, or null. */
  private final Closeable writeLock;

  /** Opens the case at {@code root}, creating it if it does not exist. */
  public static CaseFolder open(Path root, Clock clock) throws IOException {
    CaseLayout layout = new CaseLayout(root);
    Files.createDirectories(layout.root());
    return new CaseFolder(layout, store(layout, clock), clock, null);
  }

  /**
   * Opens the case at {@code root} for writing, creating it if it does not exist: the write lock
   * is taken first, before the database is created or migrated, so that two ingests started at
   * once on a new case do not both build it; it is held until {@link #close}.
   *
   * @throws IllegalStateException when another process holds the lock
   */
  public static CaseFolder openForWriting(Path root, Clock clock) throws IOException {
    CaseLayout layout = new CaseLayout(root);
    Files.createDirectories(layout.root());
    Closeable lock = acquire(layout);
    try {
      return new CaseFolder(layout, store(layout, clock), clock, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static CaseStore store(CaseLayout layout, Clock clock) throws IOException {
    StoreLocation where = CaseSettings.read(layout).map(CaseSettings::store)
        .orElseGet(() -> new StoreLocation.Sqlite(layout.database()));
    try {
      return CaseStore.open(where, clock);
    } catch (SQLException e) {
      throw new IOException("cannot open the case database " + where.describe() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Creates a case at {@code root} with the store {@code given} ({@link CaseSettings#forNewCase}):
   * a PostgreSQL schema is made and claimed first, so that a server that cannot be reached or a
   * schema of another case leaves nothing behind; then the folder, its SQLite database if that is
   * its store, and its settings, under the case's write lock.
   *
   * @return the new case's settings
   * @throws IllegalArgumentException when a case exists there already, or {@code root} is a file,
   *     or the store is not one Dossier knows
   * @throws IllegalStateException when the store cannot be created (the server cannot be reached,
   *     the schema belongs to another case)
   */
  public static CaseSettings create(Path root, Optional<String> given, Clock clock) throws IOException {
    return create(root, given, Optional.empty(), clock);
  }

  /**
   * Creates a case as {@link #create(Path, Optional, Clock)}, with the index {@code index} ({@link
   * CaseSettings#forNewCase(CaseLayout, Optional, Optional)}): a collection on SolrCloud is created
   * first, and removed again when the store cannot be created, so that a server that cannot be
   * reached leaves nothing behind.
   *
   * @throws IllegalStateException also when the collection cannot be created (no node can be
   *     reached, the collection exists)
   */
  public static CaseSettings create(Path root, Optional<String> given, Optional<String> index, Clock clock)
      throws IOException {
    CaseLayout layout = new CaseLayout(root);
    if (Files.exists(layout.root()) && !Files.isDirectory(layout.root())) {
      throw new IllegalArgumentException(layout.root() + " is a file, not a case folder");
    }
    if (exists(layout.root())) {
      throw new IllegalArgumentException("a case exists at " + layout.root() + " already: its store was chosen"
          + " when it was created");
    }
    CaseSettings settings = CaseSettings.forNewCase(layout, given, index);
    if (settings.index().isEmpty()) {
      return create(layout, settings, clock);
    }
    SolrIndex.create(settings.index().get());
    try {
      return create(layout, settings, clock);
    } catch (IOException | RuntimeException e) {
      try {
        SolrIndex.delete(settings.index().get());
      } catch (IOException | RuntimeException gone) {
        e.addSuppressed(gone);
      }
      throw e;
    }
  }

  private static CaseSettings create(CaseLayout layout, CaseSettings settings, Clock clock) throws IOException {
    if (settings.store() instanceof StoreLocation.Postgres) {
      createStore(settings.store(), clock);
    }
    Files.createDirectories(layout.root());
    try (Closeable lock = acquire(layout)) {
      if (exists(layout.root())) {
        throw new IllegalArgumentException("a case was created at " + layout.root() + " meanwhile");
      }
      if (settings.store() instanceof StoreLocation.Sqlite) {
        createStore(settings.store(), clock);
      }
      settings.write(layout);
    }
    return settings;
  }

  private static void createStore(StoreLocation where, Clock clock) {
    try (CaseStore created = CaseStore.create(where, clock)) {
      created.schemaVersion();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the case's store at " + where.describe() + ": "
          + e.getMessage(), e);
    }
  }

  /** True when {@code root} holds a case. */
  public static boolean exists(Path root) {
    CaseLayout layout = new CaseLayout(root);
    return Files.exists(layout.database()) || Files.exists(layout.settings());
  }

  public CaseLayout layout() {
    return layout;
  }

  public CaseStore store() {
    return store;
  }

  public EvidenceStore evidence() {
    return evidence;
  }

  public Clock clock() {
    return clock;
  }

  /** The index as searches see it: the last commit; on SolrCloud when the case was created so. */
  public DocumentIndex openIndexForReading() throws IOException {
    Optional<SolrLocation> solr = CaseSettings.read(layout).flatMap(CaseSettings::index);
    return solr.isPresent() ? SolrIndex.openForReading(solr.get()) : LuceneIndex.openForReading(layout.index());
  }

  /** Where the case's index lives, for people: its SolrCloud collection, or the Lucene index in the folder. */
  public String describeIndex() throws IOException {
    Optional<SolrLocation> solr = CaseSettings.read(layout).flatMap(CaseSettings::index);
    return solr.map(SolrLocation::describe).orElse("Lucene, " + layout.index());
  }

  DocumentIndex openIndexForWriting() throws IOException {
    Optional<SolrLocation> solr = CaseSettings.read(layout).flatMap(CaseSettings::index);
    return solr.isPresent() ? SolrIndex.openForWriting(solr.get()) : LuceneIndex.openForWriting(layout.index());
  }

  CustodyLog openCustodyLog() throws IOException {
    return CustodyLog.open(layout.custodyLog(), clock);
  }

  /** The last custody entry the store committed, if any. */
  public Optional<CustodyLog.Entry> custodyAnchor() throws SQLException {
    Optional<String> seq = store.setting(CUSTODY_SEQ);
    Optional<String> head = store.setting(CUSTODY_HEAD);
    if (seq.isEmpty() || head.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CustodyLog.Entry(Long.parseLong(seq.get()), head.get()));
  }

  /**
   * Takes the case's write lock, so that two ingests never write one case at once.
   *
   * @throws IllegalStateException when another process holds it
   */
  public Closeable lockForWriting() throws IOException {
    if (writeLock != null) {
      return () -> {}; // held since the folder was opened, until it is closed
    }
    return acquire(layout);
  }

  private static Closeable acquire(CaseLayout layout) throws IOException {
    FileChannel channel =
        FileChannel.open(
            layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // held by this process, through another channel
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "another Dossier process is writing to the case " + layout.root()
              + "; wait for it to finish");
    }
    FileLock held = lock;
    return () -> {
      held.release();
      channel.close();
    };
  }

  @Override
  public void close() {
    store.close();
    if (writeLock != null) {
      try {
        writeLock.close();
      } catch (IOException e) {
        // the lock goes with the process anyway
      }
    }
  }
}
