package org.dossier.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.dossier.analyze.DocumentAnalyzer;
import org.dossier.analyze.EntityResolver;
import org.dossier.analyze.Gazetteer;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentIndex;
import org.dossier.core.EntityRow;
import org.dossier.core.ResolvedEntity;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Stage;
import org.dossier.custody.CustodyLog;
import org.dossier.extract.ExtractSettings;
import org.dossier.extract.ForkedExtractor;
import org.dossier.extract.Tesseract;
import org.dossier.extract.WorkerOptions;

/**
 * Runs collect, extract and index over some inputs, resumably and idempotently. See the package
 * documentation for the threads; every decision that must survive a crash is in the store.
 */
public final class Ingest {
  private static final Set<DocumentStatus> RETRYABLE =
      EnumSet.of(
          DocumentStatus.TIMEOUT, DocumentStatus.OUT_OF_MEMORY, DocumentStatus.FAILED,
          DocumentStatus.CORRUPT);

  /** Extraction drivers per thread of the worker: see {@link org.dossier.extract.Forked}. */
  static final int DRIVERS_PER_WORKER_THREAD = 2;

  private final CaseFolder folder;
  private final IngestSettings settings;
  private final IngestProgress progress = new IngestProgress();
  private final String workerMainClass;
  private final Consumer<String> warn;
  private long run;

  /**
   * @param warn receives, once each, things the user should know (OCR unavailable ...)
   */
  public Ingest(CaseFolder folder, IngestSettings settings, Consumer<String> warn) {
    this(folder, settings, warn, WorkerOptions.defaults(folder.layout().log()).mainClass());
  }

  /** As above, with another worker entry point (tests use one that misbehaves). */
  Ingest(CaseFolder folder, IngestSettings settings, Consumer<String> warn, String workerMainClass) {
    this.folder = folder;
    this.settings = settings;
    this.warn = warn;
    this.workerMainClass = workerMainClass;
  }

  /** Live counters, for a progress display. */
  public IngestProgress progress() {
    return progress;
  }

  /**
   * True when the case has work left: documents not yet extracted, analysed or indexed, or
   * entities not yet resolved. Reading commands bring the case up to date first.
   */
  public static boolean pending(CaseFolder folder) throws IOException {
    try {
      Map<String, Long> stages = folder.store().documents().countByStage();
      boolean unindexed = stages.keySet().stream().anyMatch(s -> !s.equals(Stage.INDEXED.code()));
      boolean any = folder.store().documents().documentCount() > 0;
      return unindexed || folder.store().annotations().analysisPending() > 0
          || folder.store().setting(ENTITIES_SETTING).isEmpty() && any
          || !Linking.current(folder) && any;
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  public IngestSummary run(List<Path> inputs) throws IOException {
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new IllegalArgumentException("input not found: " + input);
      }
    }
    List<String> warnings = new ArrayList<>();
    try (Closeable lock = folder.lockForWriting()) {
      cleanOwnStaging(folder.layout());
      String ocr = ocrLanguages(warnings);
      ExtractSettings extract =
          new ExtractSettings(settings.maxTextChars(), ocr, 120, settings.limits());
      List<String> absolute = inputs.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
      run = folder.store().startRun("ingest", absolute);
      try (CustodyLog custody = folder.openCustodyLog();
          DocumentIndex index = folder.openIndexForWriting()) {
        Set<String> orphans = orphanKeys(custody);
        Recorder recorder =
            new Recorder(run, folder, custody, index, orphans, progress, settings.maxIndexChars());
        Thread recorderThread = new Thread(recorder, "ingest-recorder");
        recorderThread.start();
        ExtractQueue queue = new ExtractQueue(settings.workers() * 8);
        Arrivals arrivals = new Arrivals(folder.store(), settings.maxFileSize(), run);
        List<Thread> drivers = new ArrayList<>();
        List<Throwable> driverFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        WorkerOptions options =
            new WorkerOptions(
                settings.workerHeapMegabytes(), settings.timeout(), workerMainClass,
                folder.layout().log(), toolDirs(), folder.layout().tmp().resolve("worker"),
                settings.workers());
        ForkedExtractor extractor = new ForkedExtractor(extract, options,
            () -> workerJvmOptions(Math.max(progress.filesTotal(), progress.documentsQueued())));
        Analyzing analyzing = settings.analyze() ? new Analyzing(analyzer(), folder, settings.workers()) : null;
        TreeBudgets budgets = new TreeBudgets(settings.limits());
        DocumentSteps steps = new DocumentSteps(folder, settings, progress, arrivals, extractor, analyzing, budgets,
            folder.layout().tmp().resolve("work"));
        // twice as many drivers as the worker has threads: while one driver stores what a parse
        // found, its next document already waits in the worker (analyses stay one per core)
        for (int i = 0; i < settings.workers() * DRIVERS_PER_WORKER_THREAD; i++) {
          Thread t = new Thread(new ExtractionDriver(steps, settings, progress, queue, recorder, driverFailures),
              "ingest-extract-" + i);
          t.start();
          drivers.add(t);
        }
        try {
          CustodyWrites.append(folder.store(), custody, "run-start", Recorder.fields("run", run, "inputs", absolute),
              tx -> null);
          resume(queue, recorder, arrivals, ocr);
          new Collector(folder, settings, progress, arrivals, queue::put, recorder).collect(inputs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          queue.abort();
          throw new IOException("ingest interrupted", e);
        } catch (RuntimeException e) {
          queue.abort();
          throw e;
        } finally {
          queue.close();
          join(drivers);
          extractor.close();
          stop(recorder, recorderThread);
        }
        requireRecorded(recorder);
        if (!driverFailures.isEmpty()) {
          throw new IOException("extraction failed: " + driverFailures.get(0), driverFailures.get(0));
        }
        if (settings.analyze() && (recorder.analysed() > 0 || entitiesMissing())) {
          resolveEntities();
        }
        Optional<Linking.Summary> linked = Optional.empty();
        if (settings.analyze() && !Linking.current(folder) && folder.store().documents().documentCount() > 0) {
          linked = Optional.of(Linking.run(folder));
        }
        CustodyWrites.append(folder.store(), custody, "run-end", Recorder.fields("run", run,
            "documents", folder.store().documents().documentCount()), tx -> null);
        folder.store().finishRun(run, "completed");
        return new IngestSummary(
            progress.filesSeen(),
            progress.filesUnchanged(),
            recorder.newDocuments(),
            recorder.extracted(),
            folder.store().documents().documentCount(),
            folder.store().documents().countByStatus(),
            folder.store().documents().problems().size(),
            warnings,
            progress.elapsedSeconds(),
            linked);
      }
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /**
   * Below this many files (or documents to extract), the extraction worker runs without C2
   * ({@link ForkedExtractor#QUICK_START}). Measured on the benchmark's mixed files on 2 busy cores:
   * TikaExtractor in one JVM, three passes over 2,381 documents, with C2 32.5, 17.2 and 13.0 CPU
   * seconds (8.4 of them parsing in the third), with C1 alone 15.0, 11.1 and 9.9 (9.7 parsing),
   * which puts the break-even past 30,000 documents; but in an ingest of 5,941 documents the C1
   * worker's parsing took 41.4 CPU s against 27.1 with C2 (whose compiling took 26.1), which puts
   * it nearer 10,000. The threshold takes the lower.
   */
  static final long QUICK_START_BELOW = 10_000;

  /** The extraction worker's JVM options for a run of about {@code documents} to extract. */
  static List<String> workerJvmOptions(long documents) {
    return documents < QUICK_START_BELOW ? List.of(ForkedExtractor.QUICK_START) : List.of();
  }

  // ------------------------------------------------------------------ queue

  /** Lets the recorder write what it holds, and waits for its thread. */
  private static void stop(Recorder recorder, Thread recorderThread) {
    try {
      recorder.finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    join(List.of(recorderThread));
  }

  /** Fails the run when the recorder could not write the case. */
  private static void requireRecorded(Recorder recorder) throws IOException {
    if (recorder.failure().isPresent()) {
      throw new IOException("writing the case failed: " + recorder.failure().get(), recorder.failure().get());
    }
  }

  /**
   * {@code ingest --queue}: collects the inputs as {@link #run} does (each file hashed, copied
   * into the evidence store, its path and custody entry recorded), then queues the case's
   * remaining work as tasks for {@code dossier worker}s instead of extracting here: an extract
   * task for every document not yet extracted, an analyze task for every one whose analysis is
   * pending, an index task for every one extracted and not indexed. Run again after a crash, it
   * queues what is missing (a task already queued, done or not, is not queued twice). Holds the
   * case's write lock against another ingest, not against the workers, and never the index.
   *
   * <p>What the run asks of the extraction ({@link IngestSettings#run}: OCR, timeout, caps) goes
   * with its extract tasks; the file size cap is applied here, as the inputs are collected. With
   * {@link IngestSettings#retryFailed} the documents that failed (and, when the run OCRs, those
   * marked needs-ocr) are queued to be extracted again ({@link #queueRetries}); that is refused while
   * document tasks are open, whose workers could be writing the documents it would take up again.
   *
   * @return the summary, with the number of tasks added in {@link IngestSummary#extracted}
   */
  public IngestSummary queue(List<Path> inputs) throws IOException {
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new IllegalArgumentException("input not found: " + input);
      }
    }
    try (Closeable lock = folder.lockForWriting()) {
      if (settings.retryFailed()) {
        requireNoDocumentTasks();
      }
      List<String> absolute = inputs.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
      run = folder.store().startRun("ingest --queue", absolute);
      if (settings.analyze()) {
        checkAnalyzer();
      }
      try (CustodyLog custody = folder.openCustodyLog()) {
        Recorder recorder =
            new Recorder(run, folder, custody, null, orphanKeys(custody), progress, settings.maxIndexChars());
        Thread recorderThread = new Thread(recorder, "ingest-recorder");
        recorderThread.start();
        Set<DocumentId> retried = new HashSet<>();
        try {
          CustodyWrites.append(folder.store(), custody, "run-start",
              Recorder.fields("run", run, "inputs", absolute, "queue", true), tx -> null);
          if (settings.retryFailed()) {
            retried.addAll(queueRetries());
          }
          Arrivals arrivals = new Arrivals(folder.store(), settings.maxFileSize(), run);
          new Collector(folder, settings, progress, arrivals, job -> { }, recorder).collect(inputs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("ingest interrupted", e);
        } finally {
          stop(recorder, recorderThread);
        }
        requireRecorded(recorder);
        int queued = retried.size() + queueRemaining(retried);
        CustodyWrites.append(folder.store(), custody, "run-end", Recorder.fields("run", run,
            "documents", folder.store().documents().documentCount(), "queued", queued), tx -> null);
        folder.store().finishRun(run, "queued");
        return new IngestSummary(
            progress.filesSeen(), progress.filesUnchanged(), recorder.newDocuments(), queued,
            folder.store().documents().documentCount(), folder.store().documents().countByStatus(),
            folder.store().documents().problems().size(), List.of(), progress.elapsedSeconds(), Optional.empty());
      }
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /**
   * Queues a task for each document's next stage, as {@link #resume} takes them up in one process,
   * but for the documents {@code retried} ({@link #queueRetries} queued them).
   */
  private int queueRemaining(Set<DocumentId> retried) throws SQLException {
    List<org.dossier.store.TaskQueue.NewTask> tasks = new ArrayList<>();
    String generation = StageTasks.generation(folder.store());
    folder.store().documents().forEachInStage(Stage.COLLECTED, d -> {
      if (!retried.contains(d.id())) {
        tasks.add(StageTasks.extract(new ExtractQueue.Job(d.id(), d.name(), d.depth()), settings.analyze(),
            settings.run(), ""));
      }
    });
    Set<DocumentId> analysing = new HashSet<>();
    if (settings.analyze()) {
      folder.store().annotations().forEachAnalysisPending(d -> {
        tasks.add(StageTasks.analyze(new ExtractQueue.Job(d.id(), d.name(), d.depth(), ExtractQueue.Work.ANALYZE), generation));
        analysing.add(d.id());
      });
    }
    List<DocumentId> unindexed = new ArrayList<>();
    folder.store().documents().forEachInStage(Stage.EXTRACTED, d -> {
      if (!analysing.contains(d.id())) {
        unindexed.add(d.id());
      }
    });
    folder.store().write(tx -> {
      for (DocumentId id : unindexed) {
        tasks.add(StageTasks.index(id, tx, generation));
      }
      return null;
    });
    int added = 0;
    for (int from = 0; from < tasks.size(); from += 1000) {
      added += folder.store().tasks().enqueue(tasks.subList(from, Math.min(tasks.size(), from + 1000)));
    }
    return added;
  }

  /**
   * The stored documents extracted before that this run extracts again: those that failed (with
   * {@code --retry-failed}) and, when the run OCRs in {@code ocr}, those marked needs-ocr.
   */
  private List<org.dossier.core.Document> toExtractAgain(String ocr) throws SQLException {
    Set<DocumentStatus> retry = EnumSet.noneOf(DocumentStatus.class);
    if (settings.retryFailed()) {
      retry.addAll(RETRYABLE);
    }
    if (!ocr.isEmpty()) {
      retry.add(DocumentStatus.NEEDS_OCR);
    }
    List<org.dossier.core.Document> again = new ArrayList<>();
    if (!retry.isEmpty()) {
      for (Stage stage : List.of(Stage.EXTRACTED, Stage.INDEXED)) {
        folder.store().documents().forEachInStage(stage, d -> {
          if (retry.contains(d.status()) && d.stored()) {
            again.add(d);
          }
        });
      }
    }
    return again;
  }

  /**
   * Refuses {@code --retry-failed} through the queue while extract, analyze or index tasks are
   * queued or running: their workers write the documents' stages, and a document taken up again
   * under them could be marked indexed before it is extracted again.
   */
  private void requireNoDocumentTasks() throws SQLException {
    long open = 0;
    for (org.dossier.store.TaskQueue.Count c : folder.store().tasks().openCounts()) {
      if (List.of(StageTasks.EXTRACT, StageTasks.ANALYZE, StageTasks.INDEX).contains(c.kind())) {
        open += c.tasks();
      }
    }
    if (open > 0) {
      throw new IllegalStateException("--retry-failed with --queue waits for the case's queued work: " + open
          + " extract, analyze or index tasks are queued or running ('dossier status'); run it again once the"
          + " workers have done them (nothing was collected or queued)");
    }
  }

  /**
   * {@code --retry-failed} through the queue: every stored document that failed (timeout,
   * out-of-memory, failed, corrupt) and, when the run OCRs, every one marked needs-ocr, back to
   * collected, its analysis pending again, and an extract task queued for it with this run's
   * settings, in one transaction (a document set back without its task would never be extracted).
   * Its extract task done before is never queued again, so the task, and the analyze and index tasks
   * that follow it, have this run's retry in their keys ({@link StageTasks#retryOf}).
   *
   * @return the documents queued again
   */
  private List<DocumentId> queueRetries() throws SQLException {
    List<org.dossier.core.Document> again = toExtractAgain(settings.ocrLanguages());
    if (again.isEmpty()) {
      return List.of();
    }
    List<DocumentId> ids = again.stream().map(org.dossier.core.Document::id).toList();
    String retry = StageTasks.retryOf(run);
    folder.store().write(tx -> {
      tx.setStage(ids, Stage.COLLECTED);
      List<org.dossier.store.TaskQueue.NewTask> tasks = new ArrayList<>();
      for (org.dossier.core.Document d : again) {
        tx.resetAnalysis(d.id()); // its text is extracted again: so is its analysis
        tasks.add(StageTasks.extract(new ExtractQueue.Job(d.id(), d.name(), d.depth()), settings.analyze(),
            settings.run(), retry));
      }
      tx.enqueue(tasks);
      return null;
    });
    return ids;
  }

  // ------------------------------------------------------------------ resume

  /** Queues what an interrupted run left: documents never extracted, or never indexed. */
  private void resume(ExtractQueue queue, Recorder recorder, Arrivals arrivals, String ocr)
      throws SQLException, InterruptedException {
    List<DocumentId> again = toExtractAgain(ocr).stream().map(org.dossier.core.Document::id).toList();
    if (!again.isEmpty()) {
      folder.store().write(tx -> {
        tx.setStage(again, Stage.COLLECTED);
        return null;
      });
    }
    List<ExtractQueue.Job> jobs = new ArrayList<>();
    folder.store().documents().forEachInStage(Stage.COLLECTED,
        d -> jobs.add(new ExtractQueue.Job(d.id(), d.name(), d.depth())));
    for (ExtractQueue.Job job : jobs) {
      arrivals.resume(job.id());
      progress.documentsQueued.incrementAndGet();
      queue.putChild(job);
    }
    List<ExtractQueue.Job> analyses = new ArrayList<>();
    Set<DocumentId> analysing = new java.util.HashSet<>();
    if (settings.analyze()) { // without, the pending ones are only indexed (below)
      folder.store().annotations().forEachAnalysisPending(d -> {
        analyses.add(new ExtractQueue.Job(d.id(), d.name(), d.depth(), ExtractQueue.Work.ANALYZE));
        analysing.add(d.id());
      });
    }
    for (ExtractQueue.Job job : analyses) {
      progress.documentsQueued.incrementAndGet();
      queue.putChild(job);
    }
    List<DocumentId> unindexed = new ArrayList<>();
    folder.store().documents().forEachInStage(Stage.EXTRACTED, d -> {
      if (!analysing.contains(d.id())) {
        unindexed.add(d.id());
      }
    });
    for (DocumentId id : unindexed) {
      recorder.send(new RecorderEvent.Reindex(id));
    }
  }

  // ------------------------------------------------------------------ analysis

  /** Bump when the analysis changes enough that a case should be analysed again. */
  static final String ANALYZER_VERSION = "8";

  /**
   * The analyzer, with the case's own gazetteer files. When those (or the analyzer) changed
   * since the case was last analysed, every document is marked for analysis again.
   */
  private DocumentAnalyzer analyzer() throws SQLException, IOException {
    checkAnalyzer();
    return loadAnalyzer(folder);
  }

  /** When the analyzer or the case's gazetteer files changed since the case was analysed, every document is marked for analysis again. */
  private void checkAnalyzer() throws SQLException, IOException {
    String now = analyzerFingerprint(folder);
    Optional<String> before = folder.store().setting(ANALYZER_SETTING);
    if (before.isPresent() && !before.get().equals(now)) {
      folder.store().write(tx -> {
        tx.resetAnalysis();
        return null;
      });
    }
    if (before.isEmpty() || !before.get().equals(now)) {
      folder.store().write(tx -> {
        tx.setSetting(ANALYZER_SETTING, now);
        return null;
      });
    }
  }

  /** The analyzer with the case's gazetteer files, as they are now. */
  static DocumentAnalyzer loadAnalyzer(CaseFolder folder) throws IOException {
    return new DocumentAnalyzer(Gazetteer.load(Gazetteer.filesIn(folder.layout().root().resolve("gazetteer"))));
  }

  /** The analyzer's version and the case's gazetteer files: when it changes, the case is analysed again. */
  static String analyzerFingerprint(CaseFolder folder) throws IOException {
    List<Path> files = Gazetteer.filesIn(folder.layout().root().resolve("gazetteer"));
    StringBuilder fingerprint = new StringBuilder(ANALYZER_VERSION);
    for (Path f : files) {
      fingerprint.append('|').append(f.getFileName()).append('=')
          .append(org.dossier.collect.EvidenceStore.hash(f).shortForm());
    }
    return fingerprint.toString();
  }

  static final String ANALYZER_SETTING = "analysis.fingerprint";

  private boolean entitiesMissing() throws SQLException {
    return folder.store().setting(ENTITIES_SETTING).isEmpty();
  }

  /** When the case's entities were last resolved; removing it makes the next run resolve them. */
  public static final String ENTITIES_SETTING = "entities.resolved";

  /** Joins the names of the whole case into entities again, as the analyst merged or split them. */
  private void resolveEntities() throws SQLException {
    resolveEntities(folder);
  }

  /** As {@link #resolveEntities()}, for a worker's link task. */
  static void resolveEntities(CaseFolder folder) throws SQLException {
    List<EntityRow> rows = new ArrayList<>();
    folder.store().entities().forEachEntityName(rows::add);
    List<EntityResolver.Judged> judged = new ArrayList<>();
    for (org.dossier.core.Judgement j : folder.store().judgements().active()) {
      if (j.action() == org.dossier.core.Judgement.Action.MERGE || j.action() == org.dossier.core.Judgement.Action.SPLIT) {
        judged.add(new EntityResolver.Judged(j.entityType().orElseThrow(), j.entityName(), j.value(),
            j.action() == org.dossier.core.Judgement.Action.MERGE));
      }
    }
    List<ResolvedEntity> entities = new EntityResolver().resolve(rows, judged);
    folder.store().write(tx -> {
      tx.replaceEntities(entities);
      tx.setSetting(ENTITIES_SETTING, java.time.Instant.now(folder.clock()).toString());
      tx.deleteSetting(Linking.SETTING); // the findings are read from the entities
      return null;
    });
  }

  // ------------------------------------------------------------------ helpers

  private String ocrLanguages(List<String> warnings) {
    return ocrLanguages(settings, warnings, warn);
  }

  /** The OCR languages Tesseract has of those asked for; what is missing told once. */
  static String ocrLanguages(IngestSettings settings, List<String> warnings, Consumer<String> warn) {
    if (settings.ocrLanguages().isEmpty()) {
      return "";
    }
    Set<String> installed = Tesseract.installedLanguages(settings.tesseract());
    String usable = Tesseract.usable(settings.ocrLanguages(), installed);
    String message;
    if (installed.isEmpty()) {
      message = "Tesseract is not installed: images and scanned pages are marked needs-ocr."
          + " Install it (" + Tesseract.INSTALL_HINT + ") and run ingest again to OCR them";
    } else if (usable.isEmpty()) {
      message = "Tesseract has none of the languages " + settings.ocrLanguages() + " ("
          + Tesseract.INSTALL_HINT + "); images and scanned pages are marked needs-ocr";
    } else if (!usable.equals(settings.ocrLanguages())) {
      message = "Tesseract lacks some of " + settings.ocrLanguages() + "; OCR uses " + usable;
    } else {
      return usable;
    }
    warnings.add(message);
    warn.accept(message);
    return usable;
  }

  /** Where the worker finds Tesseract when it was given as a path rather than a name. */
  private List<Path> toolDirs() {
    return toolDirs(settings);
  }

  static List<Path> toolDirs(IngestSettings settings) {
    Path tesseract = Path.of(settings.tesseract());
    return tesseract.getParent() == null ? List.of() : List.of(tesseract.getParent());
  }

  private Set<String> orphanKeys(CustodyLog custody) throws SQLException, IOException {
    long committed = folder.custodyAnchor().map(CustodyLog.Entry::seq).orElse(0L);
    if (custody.lastSeq() <= committed) {
      return new HashSet<>();
    }
    return CustodyLog.keysAfter(folder.layout().custodyLog(), committed);
  }

  private static void join(List<Thread> threads) {
    for (Thread t : threads) {
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

  /**
   * Empties what an earlier run left in the case's staging folder, except the folders of
   * {@code dossier worker}s ({@code worker-*}), which may be at work on a shared case now and
   * clean their own when they start and stop, and the reports' ({@link
   * org.dossier.core.CaseLayout#reports}), where a report may be being made or read now: there
   * only what no one touched for a day goes ({@link org.dossier.core.Leftovers}).
   */
  static void cleanOwnStaging(org.dossier.core.CaseLayout layout) throws IOException {
    Path tmp = layout.tmp();
    if (!Files.isDirectory(tmp)) {
      return;
    }
    List<Path> entries;
    try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
      entries = s.filter(p -> !p.getFileName().toString().startsWith(Worker.STAGING_PREFIX)
          && !p.equals(layout.reports())).toList();
    }
    for (Path p : entries) {
      clean(p);
    }
    // a report cut short leaves its footnotes, and reports made for earlier runs stay: a day unused, they go
    org.dossier.core.Leftovers.sweep(layout.reports(), name -> false);
  }

  /** Deletes a folder of the case's own staging, if it exists. */
  static void clean(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

}
