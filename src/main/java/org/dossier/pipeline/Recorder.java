package org.dossier.pipeline;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentIndex;
import org.dossier.core.IndexDocument;
import org.dossier.core.Stage;
import org.dossier.custody.CustodyLog;
import org.dossier.store.PathState;
import org.dossier.store.CaseStore;

/**
 * The one thread of an ingest that writes: the store, the custody log and the index. It takes
 * events in batches; for each batch it appends the custody entries, syncs the log, then commits
 * the store, so the store never refers to an entry the log lacks. After a crash between the two,
 * the entries the store never committed are known by their keys and not written twice.
 *
 * <p>Documents are indexed after their batch commits; the index is committed every few seconds
 * and only then are those documents marked INDEXED, so a crash leaves them EXTRACTED, to be
 * indexed again (an upsert, never a duplicate).
 */
final class Recorder implements Runnable {
  private static final int BATCH = 500;
  /** A commit flushes a segment; fewer, larger segments cost less to write and merge. */
  private static final long INDEX_COMMIT_NANOS = TimeUnit.SECONDS.toNanos(20);
  private static final RecorderEvent END = new RecorderEvent.Reindex(new DocumentId("0".repeat(64)));

  private final CaseStore store;
  private final CustodyLog custody;
  private final DocumentIndex index;
  private final IndexDocuments documents;
  private final Set<String> orphanKeys;
  private final IngestProgress progress;
  private final BlockingQueue<RecorderEvent> queue = new LinkedBlockingQueue<>(10_000);
  private final List<DocumentId> indexedUncommitted = new ArrayList<>();
  private long lastIndexCommit = System.nanoTime();
  private volatile Throwable failure;
  private final long run;
  /** Counted after each commit, by whichever of a worker's threads made it. */
  private final java.util.concurrent.atomic.LongAdder newDocuments = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder extracted = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder analysed = new java.util.concurrent.atomic.LongAdder();

  Recorder(
      long run,
      CaseFolder folder,
      CustodyLog custody,
      DocumentIndex index,
      Set<String> orphanKeys,
      IngestProgress progress,
      int maxIndexChars) {
    this.run = run;
    this.store = folder.store();
    this.custody = custody;
    this.index = index;
    this.documents = new IndexDocuments(store, folder.layout(), maxIndexChars);
    this.orphanKeys = orphanKeys;
    this.progress = progress;
  }

  /** Queues an event; waits while the recorder is far behind. */
  void send(RecorderEvent event) throws InterruptedException {
    if (failure != null) {
      throw new IllegalStateException("the recorder stopped: " + failure.getMessage(), failure);
    }
    queue.put(event);
  }

  /** Asks the recorder to finish once everything sent so far is written. */
  void finish() throws InterruptedException {
    queue.put(END);
  }

  Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  long newDocuments() {
    return newDocuments.sum();
  }

  long extracted() {
    return extracted.sum();
  }

  @Override
  public void run() {
    try {
      boolean end = false;
      List<RecorderEvent> batch = new ArrayList<>(BATCH);
      while (!end) {
        RecorderEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
        }
        if (batch.remove(END)) {
          end = true;
          queue.drainTo(batch); // nothing should follow END, but never drop an event
        }
        if (!batch.isEmpty()) {
          write(batch);
          batch.clear();
        }
        if (end || System.nanoTime() - lastIndexCommit > INDEX_COMMIT_NANOS) {
          commitIndex();
        }
      }
    } catch (Throwable t) {
      failure = t;
      queue.clear();
    }
  }

  private void write(List<RecorderEvent> batch) throws SQLException, IOException {
    index(record(batch, Around.NOTHING));
  }

  /**
   * What a task's transaction does besides its effects: for a worker, checking first that its
   * lease is still the task's, and committing the follow-on tasks and the task's completion with
   * the effects.
   */
  interface Around {
    Around NOTHING = new Around() {
      @Override
      public boolean before(CaseStore.Batch tx) {
        return true;
      }

      @Override
      public void after(CaseStore.Batch tx, List<DocumentId> toIndex) {}
    };

    /**
     * First of the part's writes; false leaves the part out of the transaction whole (its task is
     * no longer the caller's), the other parts written. Throwing writes nothing, not even to the
     * custody log.
     */
    boolean before(CaseStore.Batch tx) throws SQLException;

    /**
     * Last of the part's own writes, given the documents it would index; the custody entries are
     * appended after every part's, then the transaction commits.
     */
    void after(CaseStore.Batch tx, List<DocumentId> toIndex) throws SQLException;
  }

  /** One task's events, and what its writes go with ({@link Around}). */
  record Part(List<RecorderEvent> events, Around around) {}

  /**
   * Writes the events to the store and the custody log in one transaction ({@link #record(List)}).
   *
   * @return the documents to index now (none when {@code around} left the events out)
   */
  List<DocumentId> record(List<RecorderEvent> batch, Around around) throws SQLException {
    List<DocumentId> toIndex = record(List.of(new Part(batch, around))).get(0);
    return toIndex == null ? List.of() : toIndex;
  }

  /**
   * Writes several tasks' events to the store and the custody log in one transaction: each part's
   * rows and its {@link Around} in turn, then every part's custody entries under the custody lock,
   * synced and anchored before the commit ({@link CustodyWrites}). The entries are appended last,
   * after the rows and follow-ons ({@link Appends}), so one lock, one sync of the log and one
   * commit serve every part.
   *
   * @return for each part, the documents to index now, or null for a part its {@code before} left out
   */
  List<List<DocumentId>> record(List<Part> parts) throws SQLException {
    return record(parts, appended());
  }

  /** A set of events whose entries are in the log ({@link #record(List, Set)}). */
  static Set<RecorderEvent> appended() {
    return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  }

  /**
   * As {@link #record(List)}, with {@code logged}: the events whose entries are in the log already
   * (an earlier attempt appended them, though its transaction failed), which are not appended again
   * and are added to as entries are appended. A caller that writes the same events again after a
   * failure (its batch task by task, say) passes the same set.
   */
  List<List<DocumentId>> record(List<Part> parts, Set<RecorderEvent> logged) throws SQLException {
    List<List<DocumentId>> out = new ArrayList<>();
    long[] lockedAt = {0};
    Tally[] tally = {null};
    store.write(
        tx -> {
          out.clear(); // a transaction cut by a lost connection runs again whole
          lockedAt[0] = 0;
          tally[0] = new Tally(); // and counts only what its last attempt wrote
          Appends log = new Appends(logged);
          for (Part part : parts) {
            if (!part.around().before(tx)) {
              out.add(null);
              continue;
            }
            List<DocumentId> toIndex = new ArrayList<>();
            for (RecorderEvent event : part.events()) {
              write(tx, event, log, toIndex, tally[0]);
            }
            part.around().after(tx, toIndex);
            out.add(toIndex);
          }
          if (log.write(tx, lockedAt)) {
            CustodyWrites.anchor(tx, custody);
          }
          return null;
        });
    if (lockedAt[0] != 0) {
      heldNanos.add(System.nanoTime() - lockedAt[0]);
    }
    newDocuments.add(tally[0].newDocuments);
    extracted.add(tally[0].extracted);
    analysed.add(tally[0].analysed);
    progress.problems.addAndGet(tally[0].problems);
    return out;
  }

  /**
   * What one attempt of a transaction wrote, counted once it commits: a transaction cut by a lost
   * connection and run again, or failed, counts nothing twice nor anything it did not write.
   */
  private static final class Tally {
    long newDocuments;
    long extracted;
    long analysed;
    long problems;
  }

  /** One event's rows, its custody entry gathered into {@code log}, the documents it makes to index added. */
  private void write(CaseStore.Batch tx, RecorderEvent event, Appends log, List<DocumentId> toIndex, Tally tally)
      throws SQLException {
    if (event instanceof RecorderEvent.Found f) {
      Optional<PathState> known = store.documents().path(f.root(), f.name());
      boolean sameAsBefore =
          known.isPresent() && known.get().document().equals(Optional.of(f.id()));
      if (f.document().isPresent()) {
        tx.insertDocument(f.document().get());
        tally.newDocuments++;
        if (f.document().get().stage() == Stage.EXTRACTED) {
          // settled on arrival (empty, over the cap): no text will ever come to analyse,
          // and a pending analysis would make every reading command catch up again
          record(tx, f.id(), Analysis.NO_TEXT, tally);
          toIndex.add(f.id());
          if (f.document().get().status().isProblem()) {
            tally.problems++;
          }
        }
      }
      tx.upsertPath(f.root(), f.name(), Optional.of(f.id()), f.size(), f.modified(),
          f.pathStatus(), f.pathReason(), run);
      if (f.document().isEmpty() && !sameAsBefore) {
        reindexForNewPath(tx, f.id(), toIndex);
      }
      Optional<DocumentId> left = known.flatMap(PathState::document).filter(d -> !d.equals(f.id()));
      if (left.isPresent()) {
        // the path holds other bytes now (the file changed): the document it held no longer has it
        reindexForNewPath(tx, left.get(), toIndex);
      }
      if (f.pathStatus().isProblem() && !sameAsBefore) {
        tally.problems++;
      }
      String key = CustodyLog.key(f.custodyAction(), f.name(), f.id().sha256());
      if (!sameAsBefore) {
        log.append(f, f.custodyAction(), f.custody(), orphanKeys.remove(key));
      }
    } else if (event instanceof RecorderEvent.Refused r) {
      tx.upsertPath(r.root(), r.name(), Optional.empty(), 0, 0, r.status(), r.reason(), run);
      tally.problems++;
      String key = CustodyLog.key("refuse", r.name(), "");
      log.append(r, "refuse", r.custody(), orphanKeys.remove(key));
    } else if (event instanceof RecorderEvent.Extracted x) {
      tx.recordExtraction(x.id(), x.extraction());
      if (x.textSha256().isPresent()) {
        // the derived text is under custody as the original is: its hash, when written
        log.append(x, "derive", fields("sha256", x.id().sha256(), "textSha256", x.textSha256().get()));
      }
      if (x.analysis() != null) {
        record(tx, x.id(), x.analysis(), tally);
      }
      tally.extracted++;
      if (x.extraction().status().isProblem()) {
        tally.problems++;
      }
      toIndex.add(x.id());
    } else if (event instanceof RecorderEvent.Analyzed a) {
      record(tx, a.id(), a.analysis(), tally);
      toIndex.add(a.id());
    } else if (event instanceof RecorderEvent.Reindex r) {
      toIndex.add(r.id());
    }
  }

  /**
   * A known document under a new path, or one a path no longer leads to: its index entry names
   * every path (searched by name, counted by folder and extension), so it is indexed again once it
   * has been, and marked not indexed until then (a run killed before the index commit indexes it on
   * resuming). One still to be extracted is indexed later with all its paths.
   */
  private static void reindexForNewPath(CaseStore.Batch tx, DocumentId id, List<DocumentId> toIndex)
      throws SQLException {
    Optional<Stage> stage = tx.stage(id);
    if (stage.isEmpty() || stage.get() == Stage.COLLECTED || toIndex.contains(id)) {
      return;
    }
    if (stage.get() == Stage.INDEXED) {
      tx.setStage(List.of(id), Stage.EXTRACTED);
    }
    toIndex.add(id);
  }

  /**
   * A batch's custody entries, gathered while its rows are written and appended at its end, just
   * before the commit: the custody lock, which makes every writer of a distributed case wait, is
   * held for the appends, the log's sync, the anchor and the commit only, not while the batch's rows
   * and follow-on tasks are written. An event's entry that an earlier attempt of the transaction
   * appended is not appended again.
   */
  private final class Appends {
    private record Entry(RecorderEvent event, String action, Map<String, Object> fields) {}

    private final Set<RecorderEvent> logged;
    private final List<Entry> entries = new ArrayList<>();

    Appends(Set<RecorderEvent> logged) {
      this.logged = logged;
    }

    void append(RecorderEvent event, String action, Map<String, Object> fields) {
      append(event, action, fields, false);
    }

    /**
     * @param inLog the entry is in the log already (a stopped run appended it, and its store
     *     change never committed): kept as appended, so that a transaction run again does not
     *     append it either
     */
    void append(RecorderEvent event, String action, Map<String, Object> fields, boolean inLog) {
      if (inLog) {
        logged.add(event);
      } else {
        entries.add(new Entry(event, action, fields));
      }
    }

    /**
     * The lock taken (and the lines others appended caught up with), then the entries appended;
     * nothing when the batch has none.
     *
     * @param lockedAt set to when the lock was taken
     * @return whether the lock was taken: the anchor is then due, even when every entry was in the
     *     log already
     */
    boolean write(CaseStore.Batch tx, long[] lockedAt) throws SQLException {
      if (entries.isEmpty()) {
        return false;
      }
      long t = System.nanoTime();
      CustodyWrites.hold(tx, custody);
      lockedAt[0] = System.nanoTime();
      holdNanos.add(lockedAt[0] - t);
      holds.increment();
      for (Entry e : entries) {
        if (!logged.contains(e.event())) {
          custody.append(e.action(), e.fields());
          logged.add(e.event());
        }
      }
      return true;
    }
  }

  private void index(List<DocumentId> toIndex) throws SQLException, IOException {
    if (index == null) {
      return; // a distributed case: the worker that holds the index indexes them (index tasks)
    }
    for (DocumentId id : toIndex) {
      Optional<IndexDocument> doc = documents.build(id);
      if (doc.isPresent()) {
        index.upsert(doc.get());
        indexedUncommitted.add(id);
      }
    }
  }

  private void record(CaseStore.Batch tx, DocumentId id, Analysis a, Tally tally) throws SQLException {
    // a document with no text that had no analysis yet (an empty file the walk marked) adds no
    // names: it is no reason to resolve the case's entities and link the case again, which on
    // 10,000 documents made an unchanged re-ingest take a minute instead of seconds
    boolean namesUnchanged = a.annotations().isEmpty()
        && store.annotations().analysisState(id).map(st -> st.status().equals("pending")).orElse(true);
    if (!namesUnchanged) {
      tally.analysed++;
    }
    if (a.annotations().isPresent()) {
      tx.recordAnalysis(id, a.annotations().get(), a.status(), a.reason());
    } else {
      tx.recordAnalysisFailure(id, a.status(), a.reason());
    }
  }

  private final java.util.concurrent.atomic.LongAdder holdNanos = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder heldNanos = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder holds = new java.util.concurrent.atomic.LongAdder();

  /** Time spent taking the custody lock and catching up with the log, over every batch that appended. */
  long custodyHoldNanos() {
    return holdNanos.sum();
  }

  /** Time the custody lock was held, from its taking (and catching up) to the commit, over every batch that appended. */
  long custodyHeldNanos() {
    return heldNanos.sum();
  }

  /** Batches that took the custody lock. */
  long custodyHolds() {
    return holds.sum();
  }

  /** Documents analysed in this run: when any were, the case's entities are resolved again. */
  long analysed() {
    return analysed.sum();
  }

  private void commitIndex() throws IOException, SQLException {
    lastIndexCommit = System.nanoTime();
    if (index == null || indexedUncommitted.isEmpty()) {
      return;
    }
    index.commit();
    List<DocumentId> ids = new ArrayList<>(indexedUncommitted);
    store.write(
        tx -> {
          tx.setStage(ids, Stage.INDEXED);
          return null;
        });
    indexedUncommitted.clear();
  }

  /** Custody fields as an ordered map, dropping absent values. */
  static Map<String, Object> fields(Object... keyValues) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        out.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return out;
  }
}
