package org.dossier.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentIndex;
import org.dossier.core.IndexDocument;
import org.dossier.core.Stage;
import org.dossier.custody.CustodyLog;
import org.dossier.extract.ExtractSettings;
import org.dossier.extract.Forked;
import org.dossier.extract.ForkedExtractor;
import org.dossier.extract.WorkerOptions;
import org.dossier.store.CaseStore;
import org.dossier.store.StoreLocation;
import org.dossier.store.TaskQueue;
import org.dossier.store.TaskQueue.Lease;
import org.dossier.store.VerificationStore;
import org.dossier.verify.Checked;
import org.dossier.verify.Families;
import org.dossier.verify.FileChecks;
import org.dossier.verify.Verifier;

/**
 * {@code dossier worker}: one process of a distributed case's work, on any machine that sees the
 * case's store (PostgreSQL) and its folder. It claims tasks of its stages ({@link StageTasks})
 * from the case's work queue under leases that a heartbeat extends, runs on each the same steps an
 * ingest runs ({@link DocumentSteps}: extraction in the isolated child JVM, as the run that queued
 * the task asked ({@link IngestSettings.Run}); analysis; the {@link Recorder}'s writes), and writes a task's effects, its follow-on tasks and its
 * completion in one transaction that first checks the lease is still the task's (and holds the
 * task's row against a claim meanwhile); a thread's batch of extract and analyze tasks shares one
 * transaction ({@link #performAll}). A task taken again after its worker died finds its effects
 * written (the document past the stage) and only completes. So each document's effects
 * (its row, its text, its custody entries) are written once, whichever worker does it and however
 * many die on the way.
 *
 * <p>The index has one writer: the worker that opens the index's writer first takes every index
 * task (a document indexed once its last stage is written), the others leave them to it. When no
 * extract or analyze task is left, any worker queues the case-wide link task of that round. It
 * resolves the case's entities and plans the link stage's round ({@link #nextOfLink}): a {@code
 * link-read} task per page of documents, each keeping its documents' readings in the case folder,
 * then, once none is left, one {@code link-finish} task that forms the stories, facts and sources
 * from the kept readings and queues the verify task. That task plans the round of the verify stage, whose work is tasks too
 * ({@link #nextOfVerify}): a {@code verify-document} task per document whose stored checks are not
 * of what it is now, then, once none is left, {@code verify-bands} tasks that each find the
 * candidate pairs of a range of MinHash bands from those bands' stored hashes, then one {@code
 * verify-families} task that confirms them, runs the checks across documents and with the facts,
 * and stores the findings. No task holds the case's texts or all its signatures.
 */
public final class Worker {
  /** How often an idle worker looks at the queue again. */
  private static final long POLL_MILLIS = 250;
  /** Index tasks taken at once, indexed, then committed together. */
  private static final int INDEX_BATCH = 256;
  /**
   * Document tasks a thread claims at once; their writes go into one transaction, so the custody
   * lock, the log's sync and the commit are paid once for them all.
   */
  static final int DOCUMENT_BATCH = 8;
  /** How long the first of a batch's finished tasks waits for the others before the batch writes what it has. */
  private static final long BATCH_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
  /**
   * How long the indexer gathers index tasks before it indexes and commits them: they arrive one
   * by one as documents finish, and a commit costs a few hundred milliseconds whatever its size.
   */
  private static final long INDEX_GATHER_NANOS = TimeUnit.SECONDS.toNanos(2);

  /**
   * @param stages the kinds of task this worker takes ({@link StageTasks#KINDS})
   * @param threads extract, analyze, link and verify tasks worked on at once
   * @param untilIdle stop once nothing is queued or running that could still give this worker a task
   * @param lease how long a claim holds without a heartbeat (heartbeats every third of it)
   */
  public record Options(Set<String> stages, int threads, boolean untilIdle, Duration lease, IngestSettings settings,
      int linkPage) {
    /** With link-read tasks of {@link #LINK_PAGE} documents. */
    public Options(Set<String> stages, int threads, boolean untilIdle, Duration lease, IngestSettings settings) {
      this(stages, threads, untilIdle, lease, settings, LINK_PAGE);
    }

    public Options {
      stages = Set.copyOf(stages);
      for (String s : stages) {
        if (!StageTasks.KINDS.contains(s)) {
          throw new IllegalArgumentException("no stage '" + s + "': the stages are " + String.join(", ", StageTasks.KINDS));
        }
      }
      if (stages.isEmpty()) {
        throw new IllegalArgumentException("a worker takes at least one stage");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("a worker needs at least one thread, not " + threads);
      }
      if (linkPage < 1) {
        throw new IllegalArgumentException("a link-read task reads at least one document, not " + linkPage);
      }
      if (lease.toMillis() < 1000) {
        throw new IllegalArgumentException("a lease lasts at least a second, not " + lease);
      }
    }
  }

  /**
   * What a worker did.
   *
   * @param done tasks completed, by kind
   * @param failed attempts that failed (queued again, or dead at their cap)
   * @param lost tasks whose lease another worker had taken over by the time this one wrote
   * @param indexer whether this worker held the index's writer
   */
  public record Summary(String owner, Map<String, Long> done, long failed, long lost, boolean indexer, double seconds,
      Map<String, Timing> timings) {}

  /**
   * What a step cost over the run: how many times it ran and its wall time in all. The steps:
   * {@code claim} (a claim that got tasks), {@code extract} and {@code analyze} (the document
   * steps), {@code record} (a batch of document tasks' one transaction: store rows, custody
   * entries, follow-on tasks, completions), {@code custodyLock} (inside it: waiting for the custody lock and catching up with the
   * log), {@code custodyHeld} (from then to the commit: the time the lock kept other writers
   * waiting), {@code complete} (a task completed on its own: a case-wide one, or one an earlier
   * attempt had done), {@code index} (per batch: build, upsert, commit, mark), {@code link},
   * {@code verify} (planning a round of the verify stage), {@code verifyDocument}, {@code
   * verifyBands}, {@code verifyFamilies}.
   */
  public record Timing(long count, double millis) {}

  /** A task whose lease is no longer this worker's: its work is dropped, nothing written. */
  private static final class LeaseLost extends RuntimeException {
    LeaseLost(Lease l) {
      super("the lease of task " + l.task() + " (" + l.kind() + " " + l.key() + ") was taken over", null, false, false);
    }
  }

  private final CaseFolder folder;
  private final Options options;
  private final Consumer<String> say;
  private final String owner;
  private final String workerMainClass;
  private final TaskQueue queue;
  private final Map<String, AtomicLong> done = new ConcurrentHashMap<>();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  /** The leases this worker's threads are working under, each until its task ends (two claims of one task are two). */
  private final Set<Lease> held = ConcurrentHashMap.newKeySet();
  /**
   * Leases held that a heartbeat found gone (it ran out and another worker claimed the task): a
   * task of many steps stops at its next one ({@link #stillHeld}). Leases, not task ids: a task
   * queued again and claimed anew (by this worker too) is another lease, not a lost one.
   */
  private final Set<Lease> gone = ConcurrentHashMap.newKeySet();
  /** Leases claimed and not begun: taken by the thread that begins one, or given back by {@link #stop}. */
  private final Set<Lease> unbegun = ConcurrentHashMap.newKeySet();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final IngestProgress progress = new IngestProgress();
  private final Map<String, java.util.concurrent.atomic.LongAdder[]> timings = new ConcurrentHashMap<>();
  private Set<String> stages;
  private long run;
  private Recorder recorder;
  private DocumentIndex index;
  private IndexDocuments indexDocuments;
  /**
   * The extraction for each run's settings this worker's extract tasks came with ({@link
   * IngestSettings.Run}, usually one): its child JVM and its trees' budgets.
   */
  private final Map<IngestSettings.Run, Extracting> extracting = new ConcurrentHashMap<>();
  private Analyzing analyzing;
  /** The case's analysis this worker's tasks follow (see {@link StageTasks#generation}). */
  private String generation = "";
  /** The start of a worker's own staging folder's name, under the case's tmp folder. */
  static final String STAGING_PREFIX = "worker-";

  private Path staging;
  /** The verify-document tasks' checkers, one per set of DKIM keys (one a round), with their child JVMs. */
  private final Map<Map<String, List<String>>, Verifier> checkers = new ConcurrentHashMap<>();
  private final Map<Map<String, List<String>>, Forked<FileChecks.Found>> fileChecks =
      new ConcurrentHashMap<>();

  /** @param say receives what the person running the worker should know */
  public Worker(CaseFolder folder, Options options, Consumer<String> say) {
    this(folder, options, say, WorkerOptions.defaults(folder.layout().log()).mainClass());
  }

  Worker(CaseFolder folder, Options options, Consumer<String> say, String workerMainClass) {
    this(folder, options, say, workerMainClass, folder.store().tasks());
  }

  /** As {@link #Worker(CaseFolder, Options, Consumer, String)}, on {@code queue} (a test's, around the case's). */
  Worker(CaseFolder folder, Options options, Consumer<String> say, String workerMainClass, TaskQueue queue) {
    this.folder = folder;
    this.options = options;
    this.say = say;
    this.workerMainClass = workerMainClass;
    this.queue = queue;
    this.owner = host() + ":" + ManagementFactory.getRuntimeMXBean().getPid();
  }

  /** Who this worker is in the queue's leases: host and process. */
  public String owner() {
    return owner;
  }

  /**
   * A distributed case's store is PostgreSQL: a SQLite case is written by one process at a time
   * (its lock file and SQLite's own lock), so it has no workers; its ingest does every stage.
   *
   * @throws IllegalStateException for a case whose store is not shared
   */
  public static void requireSharedStore(CaseFolder folder) throws IOException {
    boolean shared = CaseSettings.read(folder.layout()).map(s -> s.store() instanceof StoreLocation.Postgres).orElse(false);
    if (!shared) {
      throw new IllegalStateException("the case " + folder.layout().root() + " keeps its store in SQLite, which one process"
          + " writes at a time: workers need a case whose store is on PostgreSQL ('dossier init --store"
          + " postgresql://...'); 'dossier ingest' does every stage of a SQLite case itself");
    }
  }

  /**
   * How many times dead extractions or analyses were queued again ({@link #retryDead}): part of the
   * key of the link round that follows.
   */
  static final String RETRIED_SETTING = "queue.retries";

  /**
   * Queues the case's dead tasks again (of one kind, or all: {@link org.dossier.store.CaseStore.Batch#retryDead})
   * and, when extractions or analyses were among them, counts the retry in the same transaction,
   * so that once the workers have done them they link the case again: a document whose analysis
   * died was left out of the last round's findings, and a task queued again is not a new task the
   * round's key would notice. Other kinds' retries (index, link, verify) change no document's
   * reading, and link nothing again.
   *
   * @return how many were queued
   */
  public static int retryDead(CaseFolder folder, Optional<String> kind) throws IOException {
    try {
      return folder.store().write(tx -> {
        Map<String, Integer> queued = tx.retryDead(kind);
        if (queued.containsKey(StageTasks.EXTRACT) || queued.containsKey(StageTasks.ANALYZE)) {
          tx.increment(RETRIED_SETTING);
        }
        return queued.values().stream().mapToInt(Integer::intValue).sum();
      });
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /** Tasks queued or leased in the case's work queue: while there are any, workers are bringing the case up to date. */
  public static long openTasks(CaseFolder folder) throws IOException {
    try {
      return folder.store().tasks().openCounts().stream()
          .mapToLong(TaskQueue.Count::tasks).sum();
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  public Summary run() throws IOException {
    requireSharedStore(folder);
    long started = System.nanoTime();
    stages = new LinkedHashSet<>(StageTasks.KINDS);
    stages.retainAll(options.stages());
    if (stages.contains(StageTasks.INDEX)) {
      try {
        index = folder.openIndexForWriting();
      } catch (IOException e) {
        say.accept("the index's writer is held by another process (" + e.getMessage() + "); this worker leaves the"
            + " index tasks to the worker that holds it");
        stages.remove(StageTasks.INDEX);
      }
    }
    staging = folder.layout().tmp().resolve(STAGING_PREFIX + owner.replaceAll("[^A-Za-z0-9.-]", "_"));
    Ingest.clean(staging);
    ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(org.dossier.core.Daemons.named("worker-heartbeat"));
    try (CustodyLog custody = folder.openCustodyLog()) {
      run = folder.store().startRun("worker", List.of(owner, String.join(",", stages)));
      CustodyWrites.append(folder.store(), custody, "worker-start",
          Recorder.fields("run", run, "owner", owner, "stages", List.copyOf(stages)), tx -> null);
      IngestSettings settings = options.settings();
      recorder = new Recorder(run, folder, custody, null, new HashSet<>(), progress, settings.maxIndexChars());
      indexDocuments = new IndexDocuments(folder.store(), folder.layout(), settings.maxIndexChars());
      generation = StageTasks.generation(folder.store());
      if (stages.contains(StageTasks.ANALYZE)) {
        analyzing = new Analyzing(Ingest.loadAnalyzer(folder), folder, options.threads());
      }
      long beat = Math.max(200, options.lease().toMillis() / 3);
      beats.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
      List<Thread> threads = new ArrayList<>();
      List<String> documentKinds = StageTasks.taskKinds(stages.stream().filter(k -> !k.equals(StageTasks.INDEX)).toList());
      // a document's tasks in batches (extraction and analysis written together, a verify check
      // each in its own transaction, claimed together); a case-wide stage's few large tasks (link
      // pages, verify partitions ...) one at a time, so that every thread and worker takes its share
      List<String> batched = documentKinds.stream().filter(k -> k.equals(StageTasks.EXTRACT)
          || k.equals(StageTasks.ANALYZE) || k.equals(StageTasks.VERIFY_DOCUMENT)).toList();
      // (the case-wide ones first: few, and queued only once the documents' tasks before them are
      // done, they are not kept waiting by an ingest that goes on queueing documents)
      List<Claim> claims = List.of(new Claim(documentKinds.stream().filter(k -> !batched.contains(k)).toList(), 1),
          new Claim(batched, DOCUMENT_BATCH));
      if (!documentKinds.isEmpty()) {
        for (int i = 0; i < options.threads(); i++) {
          threads.add(start("worker-" + i, () -> loop(claims, this::performAll)));
        }
      }
      if (index != null) {
        threads.add(start("worker-index", () -> loop(List.of(new Claim(List.of(StageTasks.INDEX), INDEX_BATCH)),
            this::indexAll)));
      }
      for (Thread t : threads) {
        joinUninterruptibly(t);
      }
      beats.shutdownNow();
      if (!failures.isEmpty()) {
        throw new IOException("the worker stopped: " + failures.get(0), failures.get(0));
      }
      CustodyWrites.append(folder.store(), custody, "worker-end",
          Recorder.fields("run", run, "owner", owner, "done", doneByKind()), tx -> null);
      folder.store().finishRun(run, stop.get() ? "stopped" : "completed");
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    } finally {
      beats.shutdownNow();
      extracting.values().forEach(e -> e.extractor().close());
      fileChecks.values().forEach(Forked::close);
      if (index != null) {
        index.close();
      }
      Ingest.clean(staging);
    }
    if (recorder != null) {
      timings.computeIfAbsent("custodyLock", k -> adders())[0].add(recorder.custodyHolds());
      timings.get("custodyLock")[1].add(recorder.custodyHoldNanos());
      timings.computeIfAbsent("custodyHeld", k -> adders())[0].add(recorder.custodyHolds());
      timings.get("custodyHeld")[1].add(recorder.custodyHeldNanos());
    }
    Map<String, Timing> took = new TreeMap<>();
    timings.forEach((k, v) -> took.put(k, new Timing(v[0].sum(), v[1].sum() / 1e6)));
    return new Summary(owner, doneByKind(), failed.get(), lost.get(), index != null,
        (System.nanoTime() - started) / 1e9, took);
  }

  /**
   * Asks the worker's threads to stop after the tasks they are on, and gives back now the tasks
   * they claimed and have not begun (queued again, the claim not counted as an attempt).
   */
  public void stop() {
    stop.set(true);
    try {
      giveBack(List.copyOf(unbegun));
    } catch (SQLException | RuntimeException e) {
      // the store is out of reach: the rest are not tried, their leases run out as well
      say.accept("tasks could not be given back (" + e.getMessage() + "); their leases run out");
    }
  }

  // ------------------------------------------------------------------ the loop

  @FunctionalInterface
  private interface Handler {
    void handle(List<Lease> leases) throws Exception;
  }

  private Thread start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.start();
    return t;
  }

  /** A claim of up to {@code max} tasks of {@code kinds}. */
  private record Claim(List<String> kinds, int max) {}

  /**
   * Claims tasks (the first of {@code claims} that gets any) and works on them until stopped (or
   * interrupted), or idle with --until-idle.
   */
  private void loop(List<Claim> claims, Handler handler) {
    String me = owner + "/" + Thread.currentThread().getName();
    try {
      while (!stop.get() && failures.isEmpty() && !Thread.currentThread().isInterrupted()) {
        long t = System.nanoTime();
        List<Lease> got = List.of();
        for (Claim c : claims) {
          if (got.isEmpty() && !c.kinds().isEmpty()) {
            got = queue.claim(me, c.kinds(), c.max(), options.lease());
          }
        }
        if (!got.isEmpty()) {
          took("claim", t);
        }
        if (got.isEmpty()) {
          if (idle()) {
            return;
          }
          Thread.sleep(POLL_MILLIS); // a poll of the queue, not a wait for another thread
          continue;
        }
        held.addAll(got);
        try {
          handler.handle(got);
        } finally {
          release(got);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception | Error e) {
      failures.add(e);
    }
  }

  /**
   * Queues the round's link task once no extract or analyze task is left; then true when this
   * worker may stop (--until-idle): nothing queued or leased of a kind that could lead to one of
   * its stages' tasks.
   */
  boolean idle() throws SQLException {
    // the round the documents' tasks are at (a new one added, or dead ones queued again), read
    // before which kinds have work open: a task added or retried after this read is seen open
    // below, so no round is keyed for tasks not yet done. Each is a probe of the open tasks'
    // index, whatever the number of tasks done (this runs on every idle poll of every thread).
    long analysis = queue.newest(List.of(StageTasks.ANALYZE));
    boolean analysed = analysis > 0;
    String round = "after-task-" + Math.max(analysis, queue.newest(List.of(StageTasks.EXTRACT)))
        + folder.store().setting(RETRIED_SETTING).map(r -> "-retried-" + r).orElse("");
    Set<String> open = queue.open(StageTasks.taskKinds(StageTasks.KINDS));
    boolean busy = open.contains(StageTasks.EXTRACT) || open.contains(StageTasks.ANALYZE);
    if (!busy && analysed && queue.enqueue(List.of(StageTasks.caseWide(StageTasks.LINK, round))) > 0) {
      return false; // a task for someone, perhaps this worker
    }
    if (!busy && nextOfLink(open)) {
      return false;
    }
    if (!busy && nextOfVerify(open)) {
      return false;
    }
    if (!options.untilIdle()) {
      return false;
    }
    return java.util.Collections.disjoint(open, StageTasks.upstream(stages));
  }

  /**
   * Queues the link stage's end once its round is planned and none of its pages is left to read.
   * The end reads any document whose reading it does not find kept, so a page that failed, or an
   * end that starts early, costs time, never findings.
   *
   * @param open the kinds with a task queued or leased, as read before ({@link TaskQueue#open})
   * @return whether the end was queued
   */
  boolean nextOfLink(Set<String> open) throws SQLException {
    if (!java.util.Collections.disjoint(open, StageTasks.LINK_KINDS)) {
      return false;
    }
    Optional<String> round = folder.store().setting(Linking.ROUND_SETTING);
    if (round.isEmpty() || Linking.current(folder)) {
      return false;
    }
    return queue.enqueue(List.of(StageTasks.caseWide(StageTasks.LINK_FINISH, round.get()))) > 0;
  }

  /**
   * Queues the verify stage's next tasks once those before them are done: a round's band
   * partitions once it is planned and no document of it is left to check, its end once the
   * partitions are done.
   *
   * @param open the kinds with a task queued or leased, as read before ({@link TaskQueue#open})
   * @return whether tasks were queued
   */
  boolean nextOfVerify(Set<String> open) throws SQLException {
    boolean before = !java.util.Collections.disjoint(open, StageTasks.LINK_KINDS)
        || open.contains(StageTasks.VERIFY) || open.contains(StageTasks.VERIFY_DOCUMENT);
    boolean bands = open.contains(StageTasks.VERIFY_BANDS);
    Optional<String> round = folder.store().setting(Verifying.ROUND_SETTING);
    if (before || round.isEmpty() || !Verifying.pendingRound(folder.store())) {
      return false;
    }
    List<TaskQueue.NewTask> parts = StageTasks.verifyBands(round.get(), Families.BANDS, Verifying.BANDS_PER_TASK);
    if (queue.enqueue(parts) > 0) {
      return true;
    }
    if (bands) {
      return false;
    }
    // the partitions were there already, but the open kinds were read before: another worker may
    // have queued them since, so each must be seen done now before the end of the round is queued
    for (TaskQueue.NewTask part : parts) {
      if (queue.state(part.kind(), part.key()).filter(st -> st == TaskQueue.State.DONE).isEmpty()) {
        return false;
      }
    }
    return queue.enqueue(List.of(StageTasks.verifyFamilies(round.get()))) > 0;
  }

  /** The tasks of these leases ended: their leases are no longer held, nor kept as lost. */
  private void release(List<Lease> leases) {
    leases.forEach(l -> {
      held.remove(l);
      gone.remove(l);
    });
  }

  private void heartbeat() {
    try {
      List<Lease> mine = new ArrayList<>(held);
      if (!mine.isEmpty()) {
        gone.addAll(notExtended(mine, queue.heartbeat(mine, options.lease())));
      }
      // a lease whose task ended meanwhile is no longer held: nothing to stop
      gone.removeIf(l -> !held.contains(l));
    } catch (SQLException | RuntimeException e) {
      say.accept("a heartbeat failed (" + e.getMessage() + "); the leases run out unless the next one gets through");
    }
  }

  /**
   * Tasks claimed together: up to {@link #DOCUMENT_BATCH} of a document's tasks (extract, analyze,
   * verify-document, the last done on its own by {@link #perform}), or one task of a case-wide
   * stage ({@link #perform}). An extract or analyze task's work (extraction, analysis) is done in turn
   * and its writes wait; the waiting writes go into one transaction ({@link Recorder#record(List)}:
   * their rows, follow-on tasks and completions under one custody lock, one sync of the log, one
   * commit) once the batch's tasks are done, or before the next begins when the first has waited
   * {@link #BATCH_WAIT_NANOS}. Asked to stop ({@link #stop}), the worker gives back at once the
   * tasks it has not begun; an extraction that failed meanwhile is given back too, not written (the
   * signal that stops the worker reaches its extraction child as well). Whatever ends the batch (a
   * stop, the queue or the store failing), what is done is written and what is not begun is given
   * back, as far as the store allows.
   */
  private void performAll(List<Lease> leases) throws SQLException {
    unbegun.addAll(leases);
    List<Waiting> waiting = new ArrayList<>();
    long first = 0;
    try {
      for (Lease l : leases) {
        if (!waiting.isEmpty() && System.nanoTime() - first > BATCH_WAIT_NANOS) {
          flush(waiting);
        }
        if (stop.get() || !failures.isEmpty() || Thread.currentThread().isInterrupted()) {
          break; // the rest is given back below
        }
        if (!unbegun.remove(l)) {
          continue; // given back by a stop meanwhile
        }
        if (gone.contains(l)) {
          lost.incrementAndGet(); // its lease ran out and another worker took it: not begun here
          continue;
        }
        if (!l.kind().equals(StageTasks.EXTRACT) && !l.kind().equals(StageTasks.ANALYZE)) {
          flush(waiting); // a case-wide task may take minutes: what waits is written first
          perform(l);
          continue;
        }
        try {
          Optional<Recorder.Part> part = l.kind().equals(StageTasks.EXTRACT) ? extract(l) : analyze(l);
          if (part.isEmpty()) {
            complete(l);
          } else if (stop.get() && failedExtraction(part.get())) {
            queue.giveBack(l); // perhaps the stop's own doing: the next worker extracts it again
          } else {
            first = waiting.isEmpty() ? System.nanoTime() : first;
            waiting.add(new Waiting(l, part.get()));
          }
        } catch (Exception | StackOverflowError e) {
          attemptFailed(l, e);
        }
        if (waiting.size() >= DOCUMENT_BATCH) {
          flush(waiting);
        }
      }
    } catch (SQLException | RuntimeException | Error e) {
      if (CaseStore.connectionLost(e)) {
        throw e; // the store is out of reach after its retries: the leases run out, their tasks redone
      }
      try {
        write(waiting);
      } catch (SQLException | RuntimeException again) {
        e.addSuppressed(again);
      }
      try {
        giveBack(leases);
      } catch (SQLException | RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    write(waiting);
    giveBack(leases);
  }

  /** Whether a part writes an extraction that failed (a dead or stopped child, a timeout, a parser's error). */
  private static boolean failedExtraction(Recorder.Part part) {
    return part.events().stream()
        .anyMatch(e -> e instanceof RecorderEvent.Extracted x && x.extraction().status().isProblem());
  }

  /** The waiting tasks' writes ({@link #write}), then none waiting. */
  private void flush(List<Waiting> waiting) throws SQLException {
    write(waiting);
    waiting.clear();
  }

  /** Gives back those of {@code leases} not begun (nor given back already), up to the store's first failure. */
  private void giveBack(List<Lease> leases) throws SQLException {
    for (Lease l : leases) {
      if (unbegun.remove(l)) {
        queue.giveBack(l);
      }
    }
  }

  /** A document task's work done, its writes waiting for its batch's transaction. */
  private record Waiting(Lease lease, Recorder.Part part) {}

  /**
   * The waiting tasks' writes in one transaction: a task whose lease was lost meanwhile is left
   * out and the others written. When the transaction fails, each task is written alone and only
   * those that fail alone fail (all of them at once when the store's connection is lost).
   */
  private void write(List<Waiting> waiting) throws SQLException {
    write(waiting, Recorder.appended());
  }

  /** @param logged the events whose custody entries are in the log already: kept across the task-by-task writes */
  private void write(List<Waiting> waiting, Set<RecorderEvent> logged) throws SQLException {
    if (waiting.isEmpty()) {
      return;
    }
    long t = System.nanoTime();
    List<List<DocumentId>> written;
    try {
      written = recorder.record(waiting.stream().map(Waiting::part).toList(), logged);
    } catch (SQLException | RuntimeException e) {
      if (waiting.size() > 1 && !CaseStore.connectionLost(e)) {
        // one part may have failed them all (a deadlock with another writer, a row it cannot
        // write): each alone, so that only a part that fails alone fails; an entry appended
        // before the failure is not appended again
        for (Waiting w : waiting) {
          write(List.of(w), logged);
        }
        return;
      }
      for (Waiting w : waiting) {
        failed.incrementAndGet();
        queue.fail(w.lease(), e.toString());
      }
      return;
    }
    took("record", t);
    for (int i = 0; i < waiting.size(); i++) {
      if (written.get(i) == null) {
        lost.incrementAndGet();
      } else {
        done.computeIfAbsent(waiting.get(i).lease().kind(), k -> new AtomicLong()).incrementAndGet();
      }
    }
  }

  /** One task of a case-wide stage: worked on, then completed, or failed with its error. */
  private void perform(Lease l) throws SQLException {
    try {
      switch (l.kind()) {
        case StageTasks.LINK -> link(l);
        case StageTasks.LINK_READ -> linkRead(l);
        case StageTasks.LINK_FINISH -> linkFinish(l);
        case StageTasks.VERIFY -> verify(l);
        case StageTasks.VERIFY_DOCUMENT -> verifyDocument(l);
        case StageTasks.VERIFY_BANDS -> verifyBands(l);
        case StageTasks.VERIFY_FAMILIES -> verifyFamilies(l);
        default -> throw new IllegalStateException("a task of kind " + l.kind() + " came to a worker of " + stages);
      }
      complete(l);
    } catch (LeaseLost e) {
      lost.incrementAndGet();
    } catch (Exception | StackOverflowError e) {
      attemptFailed(l, e);
    }
  }

  /** A task's attempt that failed (or was interrupted): the task queued again, or dead at its cap. */
  private void attemptFailed(Lease l, Throwable e) throws SQLException {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      queue.fail(l, "the worker was interrupted");
    } else {
      failed.incrementAndGet();
      queue.fail(l, e.toString());
    }
  }

  private void complete(Lease l) throws SQLException {
    long t = System.nanoTime();
    boolean completed = queue.complete(l);
    took("complete", t);
    if (completed) {
      done.computeIfAbsent(l.kind(), k -> new AtomicLong()).incrementAndGet();
    } else {
      lost.incrementAndGet();
    }
  }

  // ------------------------------------------------------------------ the stages

  /** The extraction as a run asked for it, on this machine: its settings, its child JVM, its trees' budgets. */
  private record Extracting(IngestSettings settings, ForkedExtractor extractor, TreeBudgets budgets) {}

  /**
   * The extraction of a task queued by a run that asked for {@code run}: this machine's settings
   * with the run's ({@link IngestSettings#forRun}); a task queued without them is extracted with this
   * worker's own settings. Made once per run's settings, its Tesseract's languages checked then.
   */
  private Extracting extracting(Optional<IngestSettings.Run> run) {
    IngestSettings settings = run.map(options.settings()::forRun).orElse(options.settings());
    return extracting.computeIfAbsent(settings.run(), r -> {
      String ocr = Ingest.ocrLanguages(settings, new ArrayList<>(), say);
      return new Extracting(settings, new ForkedExtractor(new ExtractSettings(settings.maxTextChars(), ocr, 120,
          settings.limits()), new WorkerOptions(settings.workerHeapMegabytes(), settings.timeout(), workerMainClass,
          folder.layout().log(), Ingest.toolDirs(settings), staging.resolve("extract"), options.threads())),
          new TreeBudgets(settings.limits()));
    });
  }

  /** @return the task's writes, or empty when an earlier attempt's are in the store already */
  private Optional<Recorder.Part> extract(Lease l) throws Exception {
    StageTasks.Work w = StageTasks.work(l);
    ExtractQueue.Job job = w.job();
    Optional<Document> doc = folder.store().documents().document(job.id());
    if (doc.isEmpty()) {
      throw new IllegalStateException("the case has no document " + job.id().sha256());
    }
    if (doc.get().stage() != Stage.COLLECTED) {
      return Optional.empty(); // extracted by an earlier attempt, whose effects and follow-ons were committed together
    }
    Outcomes out = new Outcomes();
    Extracting x = extracting(w.run());
    long t = System.nanoTime();
    steps(x.settings(), x.extractor(), x.budgets()).extract(job, false, out);
    took("extract", t);
    IngestSettings.Run asked = w.run().orElse(x.settings().run());
    return Optional.of(new Recorder.Part(out.events, underLease(l, (tx, toIndex) -> {
      List<TaskQueue.NewTask> next = new ArrayList<>();
      for (ExtractQueue.Job child : out.children) {
        // the run's settings hold for its whole tree (as the run asked them, not as this machine narrowed them)
        next.add(StageTasks.extract(child, w.analyse(), asked, ""));
      }
      for (DocumentId id : toIndex) {
        // the task's own document is analysed next; the rest (documents settled on arrival, whose
        // analysis is settled with them, and known documents under a new path) are indexed
        String retry = id.equals(job.id()) ? w.retry() : "";
        if (w.analyse() && id.equals(job.id())) {
          next.add(StageTasks.analyze(new ExtractQueue.Job(id, job.name(), job.depth(), ExtractQueue.Work.ANALYZE),
              generation, retry));
        } else {
          next.add(StageTasks.index(id, tx, generation, retry));
        }
      }
      tx.enqueue(next);
    })));
  }

  /** What a task writes after its effects, in their transaction: its follow-on tasks. */
  @FunctionalInterface
  private interface FollowOns {
    void enqueue(CaseStore.Batch tx, List<DocumentId> toIndex) throws SQLException;
  }

  /**
   * A task's writes that first check its lease is still this worker's (a lost one's are left out),
   * then add its follow-ons and its completion.
   */
  private Recorder.Around underLease(Lease l, FollowOns followOns) {
    return new Recorder.Around() {
      @Override
      public boolean before(CaseStore.Batch tx) throws SQLException {
        return tx.holds(l);
      }

      @Override
      public void after(CaseStore.Batch tx, List<DocumentId> toIndex) throws SQLException {
        followOns.enqueue(tx, toIndex);
        if (!tx.complete(l)) {
          // the lease was held at the part's start, its task's row locked since
          throw new IllegalStateException("task " + l.task() + " could not be completed under its lease");
        }
      }
    };
  }

  /** @return the task's writes, or empty when an earlier attempt's are in the store already */
  private Optional<Recorder.Part> analyze(Lease l) throws Exception {
    StageTasks.Work w = StageTasks.work(l);
    ExtractQueue.Job job = w.job();
    Optional<String> state = folder.store().annotations().analysisState(job.id()).map(s -> s.status());
    if (state.isEmpty()) {
      throw new IllegalStateException("the case has no document " + job.id().sha256());
    }
    if (!state.get().equals("pending")) {
      return Optional.empty(); // analysed by an earlier attempt, its index task queued with it
    }
    Outcomes out = new Outcomes();
    long t = System.nanoTime();
    steps(options.settings(), null, null).analyze(job, out);
    took("analyze", t);
    return Optional.of(new Recorder.Part(out.events, underLease(l, (tx, toIndex) -> {
      List<TaskQueue.NewTask> next = new ArrayList<>();
      for (DocumentId id : toIndex) {
        next.add(StageTasks.index(id, tx, generation, id.equals(job.id()) ? w.retry() : ""));
      }
      tx.enqueue(next);
    })));
  }

  /**
   * Index tasks: more gathered for a while (up to a batch), each document built from the store and
   * upserted, one commit, then marked indexed and completed.
   */
  private void indexAll(List<Lease> first) throws SQLException, InterruptedException {
    List<Lease> leases = new ArrayList<>(first);
    String me = owner + "/" + Thread.currentThread().getName();
    try {
      long until = System.nanoTime() + INDEX_GATHER_NANOS;
      while (leases.size() < INDEX_BATCH && System.nanoTime() < until && !stop.get()) {
        Thread.sleep(POLL_MILLIS); // a poll of the queue for more index tasks
        List<Lease> more = queue.claim(me, List.of(StageTasks.INDEX), INDEX_BATCH - leases.size(), options.lease());
        held.addAll(more);
        leases.addAll(more);
      }
      index(leases);
    } finally {
      release(leases);
    }
  }

  private void index(List<Lease> leases) throws SQLException {
    long t = System.nanoTime();
    try {
      List<DocumentId> indexed = new ArrayList<>();
      for (Lease l : leases) {
        DocumentId id = StageTasks.document(l);
        Optional<IndexDocument> doc = indexDocuments.build(id);
        if (doc.isPresent()) {
          index.upsert(doc.get());
          indexed.add(id);
        }
      }
      index.commit();
      folder.store().write(tx -> {
        tx.setStage(indexed, Stage.INDEXED);
        return null;
      });
      took("index", t);
      for (Lease l : leases) {
        complete(l);
      }
    } catch (IOException | SQLException | RuntimeException e) {
      for (Lease l : leases) {
        failed.incrementAndGet();
        queue.fail(l, e.toString());
      }
    }
  }

  /**
   * The link stage's plan, once a round's analyses are all in: the case's entities resolved again,
   * then a task per page of documents to read ({@link Options#linkPage}), the round named for its end
   * ({@link #nextOfLink}); a case linked already goes on to the verify stage.
   */
  private void link(Lease l) throws Exception {
    long t = System.nanoTime();
    Ingest.resolveEntities(folder);
    if (Linking.current(folder) || folder.store().documents().documentCount() == 0) {
      queue.enqueue(List.of(StageTasks.caseWide(StageTasks.VERIFY, l.key())));
      took("link", t);
      return;
    }
    List<TaskQueue.NewTask> pages = new ArrayList<>();
    String[] after = {""};
    forEachAnalysedPage(options.linkPage(), page -> {
      String through = page.get(page.size() - 1).id().sha256();
      pages.add(StageTasks.linkRead(l.key(), pages.size(), after[0], through, page.size()));
      after[0] = through;
    });
    folder.store().write(tx -> {
      requireHeld(tx, l);
      tx.enqueue(pages);
      tx.setSetting(Linking.ROUND_SETTING, l.key());
      return null;
    });
    took("link", t);
  }

  /** Documents a link-read task reads unless the worker that plans the round says otherwise: seconds of work for short articles. */
  public static final int LINK_PAGE = 500;

  /** The link stage's inputs for the round this worker last read pages of (the names do not change within a round). */
  private volatile Map.Entry<String, Linking.Inputs> linkInputs;

  /** A page of a link round's documents read, each reading kept in the case folder. */
  private void linkRead(Lease l) throws Exception {
    long t = System.nanoTime();
    StageTasks.LinkPage page = StageTasks.linkPage(l);
    Map.Entry<String, Linking.Inputs> in = linkInputs;
    if (in == null || !in.getKey().equals(page.round())) {
      in = Map.entry(page.round(), new Linking.Inputs(folder.store()));
      linkInputs = in;
    }
    Linking.Inputs inputs = in.getValue();
    org.dossier.link.Linker linker = inputs.linker();
    java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
    for (Document d : folder.store().annotations().analysedAfter(page.after(), page.size())) {
      if (d.id().sha256().compareTo(page.through()) > 0) {
        break;
      }
      // another worker has the page since this one's lease ran out: it reads the page again
      stillHeld(l);
      Linking.reading(folder, inputs, linker, d, read); // a file written whole: a page read twice costs time only
    }
    took("linkRead", t);
  }

  /** The link stage's end: the findings formed from the kept readings and stored; then the verify stage. */
  private void linkFinish(Lease l) throws Exception {
    long t = System.nanoTime();
    if (!Linking.current(folder)) {
      Linking.Summary s = Linking.run(folder, staging);
      say.accept(String.format(java.util.Locale.ROOT, "link round %s: %d documents (%d read here, the others' readings"
          + " kept by the link-read tasks) into %d stories and %d facts in %.1f s", l.key(), s.documents(), s.read(),
          s.stories(), s.facts(), s.took().toMillis() / 1000.0));
    }
    queue.enqueue(List.of(StageTasks.caseWide(StageTasks.VERIFY, l.key())));
    took("linkFinish", t);
  }

  /**
   * Plans a round of the verify stage: a verify-document task for each analysed document (those
   * whose checks are stored for what it is now were done before, and are not queued again), the
   * round named for the tasks that follow ({@link #nextOfVerify}).
   */
  private void verify(Lease l) throws Exception {
    long t = System.nanoTime();
    if (Verifying.pending(folder)) {
      // the DKIM keys first (each task's key names them), from the key files among the documents
      List<Document> keyFiles = new ArrayList<>();
      forEachAnalysedPage(page -> page.stream().filter(d -> Verifier.KEY_FILE.matcher(d.name()).find())
          .forEach(keyFiles::add));
      Map<String, List<String>> keys = Verifying.dkimKeys(folder, keyFiles, Optional.empty());
      // then a page of documents at a time, each in its transaction: the plan never holds the
      // whole case; a plan cut short is done again (a task queued before is not queued twice),
      // and nothing of the round starts while it is open (nextOfVerify)
      forEachAnalysedPage(page -> folder.store().write(tx -> {
        requireHeld(tx, l);
        List<TaskQueue.NewTask> next = new ArrayList<>(page.size());
        for (Document d : page) {
          next.add(StageTasks.verifyDocument(d.id(), tx, generation, keys));
        }
        tx.enqueue(next);
        return null;
      }));
      folder.store().write(tx -> {
        requireHeld(tx, l);
        tx.setSetting(Verifying.ROUND_SETTING, l.key());
        tx.dropCandidatesBut(l.key());
        return null;
      });
    }
    took("verify", t);
  }

  /** Documents a verify plan reads at once. */
  static final int PLAN_PAGE = 2_000;

  /** What a verify plan does with one page of documents. */
  @FunctionalInterface
  private interface Page {
    void take(List<Document> page) throws SQLException;
  }

  /** Hands the case's analysed documents to {@code page}, {@link #PLAN_PAGE} at a time, by content hash. */
  private void forEachAnalysedPage(Page page) throws SQLException {
    forEachAnalysedPage(PLAN_PAGE, page);
  }

  /** Hands the case's analysed documents to {@code page}, {@code size} at a time, by content hash. */
  private void forEachAnalysedPage(int size, Page page) throws SQLException {
    String after = "";
    while (true) {
      List<Document> these = folder.store().annotations().analysedAfter(after, size);
      if (these.isEmpty()) {
        return;
      }
      page.take(these);
      after = these.get(these.size() - 1).id().sha256();
    }
  }

  /** One document's checks, signature and band hashes, stored (once: a redone task finds them stored). */
  private void verifyDocument(Lease l) throws Exception {
    DocumentId id = StageTasks.document(l);
    if (folder.store().verifications().inputs(id.sha256(), VerificationStore.CHECKS)
        .filter(l.key()::equals).isPresent()) {
      return; // checked by an earlier attempt
    }
    long t = System.nanoTime();
    Map<String, List<String>> keys = StageTasks.dkimKeys(l);
    Verifier checker = checkers.computeIfAbsent(keys, k -> new Verifier(
        Double.parseDouble(Verifying.THRESHOLD), fileChecks.computeIfAbsent(k,
            x -> Verifying.fileChecks(folder, x, options.threads()))::call));
    Checked c = Verifying.checkDocument(folder, id, checker);
    folder.store().write(tx -> {
      requireHeld(tx, l);
      Verifying.keep(tx, l.key(), c);
      return null;
    });
    took("verifyDocument", t);
  }

  /** The candidate pairs of a range of bands, from those bands' stored hashes. */
  private void verifyBands(Lease l) throws Exception {
    long t = System.nanoTime();
    StageTasks.Bands b = StageTasks.bands(l);
    List<String[]> pairs = new ArrayList<>();
    for (Families.Pair p : Verifying.candidates(folder.store().verifications(), b.from(), b.to())) {
      pairs.add(new String[] {p.a(), p.b()});
    }
    folder.store().write(tx -> {
      requireHeld(tx, l);
      tx.putCandidates(b.round(), pairs);
      return null;
    });
    took("verifyBands", t);
  }

  /** The verify stage's end: families, the checks across documents and with the facts, the findings. */
  private void verifyFamilies(Lease l) throws Exception {
    if (!Verifying.pending(folder)) {
      return; // written by an earlier attempt
    }
    long t = System.nanoTime();
    for (TaskQueue.NewTask part : StageTasks.verifyBands(StageTasks.round(l), Families.BANDS,
        Verifying.BANDS_PER_TASK)) {
      Optional<TaskQueue.State> state = queue.state(part.kind(), part.key());
      if (state.filter(s -> s == TaskQueue.State.DONE).isEmpty()) {
        throw new IllegalStateException("the band partition " + part.key() + " is " + state.map(TaskQueue.State::code)
            .orElse("not queued") + ", not done: its candidates would be missing (see 'dossier status')");
      }
    }
    Optional<String> linked = folder.store().setting(Linking.SETTING);
    Verifier.Result result = Verifying.finish(folder, StageTasks.round(l),
        Double.parseDouble(Verifying.THRESHOLD));
    boolean kept = folder.store().write(tx -> {
      requireHeld(tx, l);
      return Verifying.keepResult(folder, tx, result, linked);
    });
    if (!kept) {
      say.accept("verify round " + StageTasks.round(l) + " left: the case was linked again while it ran");
    }
    took("verifyFamilies", t);
  }

  /** The leases of {@code sent} a heartbeat did not extend ({@code kept}, with their new ends): lost to another worker. */
  static Set<Lease> notExtended(List<Lease> sent, List<Lease> kept) {
    // a lease is its task's claim: the task, its owner and the attempt (its end is what changed)
    Set<List<Object>> extended = new HashSet<>();
    kept.forEach(l -> extended.add(List.of(l.task(), l.owner(), l.attempt())));
    Set<Lease> out = new HashSet<>();
    sent.stream().filter(l -> !extended.contains(List.of(l.task(), l.owner(), l.attempt()))).forEach(out::add);
    return out;
  }

  /** Between the steps of a long task: stops it once a heartbeat found its lease lost. */
  private void stillHeld(Lease l) {
    if (gone.contains(l)) {
      throw new LeaseLost(l);
    }
  }

  private static void requireHeld(CaseStore.Batch tx, Lease l) throws SQLException {
    if (!tx.holds(l)) {
      throw new LeaseLost(l);
    }
  }

  /**
   * The steps over one task's document, with {@code settings} (the run's, for an extraction): its
   * own arrivals, so a failed attempt leaves no claim behind.
   */
  private DocumentSteps steps(IngestSettings settings, ForkedExtractor extractor, TreeBudgets budgets) {
    return new DocumentSteps(folder, settings, progress, new Arrivals(folder.store(), settings.maxFileSize(), run),
        extractor, analyzing, budgets, staging.resolve("work"));
  }

  /** What one task's document steps found, written by the task itself. */
  private static final class Outcomes implements DocumentSteps.Outcomes {
    final List<RecorderEvent> events = new ArrayList<>();
    final List<ExtractQueue.Job> children = new ArrayList<>();

    @Override
    public void record(RecorderEvent event) {
      events.add(event);
    }

    @Override
    public void extract(ExtractQueue.Job child) {
      children.add(child);
    }
  }

  private static java.util.concurrent.atomic.LongAdder[] adders() {
    return new java.util.concurrent.atomic.LongAdder[] {new java.util.concurrent.atomic.LongAdder(),
        new java.util.concurrent.atomic.LongAdder()};
  }

  /** Adds the time since {@code start} to the step's total. */
  private void took(String step, long start) {
    java.util.concurrent.atomic.LongAdder[] a = timings.computeIfAbsent(step, k -> adders());
    a[0].increment();
    a[1].add(System.nanoTime() - start);
  }

  private Map<String, Long> doneByKind() {
    Map<String, Long> out = new TreeMap<>();
    done.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
