package org.dossier.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.dossier.collect.EntryNames;
import org.dossier.collect.EvidenceStore;
import org.dossier.collect.InputItem;
import org.dossier.collect.InputWalker;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.core.EmbeddedFile;
import org.dossier.core.Extraction;
import org.dossier.core.ExtractionRequest;
import org.dossier.core.Extractor;
import org.dossier.core.Stage;
import org.dossier.custody.CustodyLog;
import org.dossier.extract.ExtractSettings;
import org.dossier.extract.ForkedExtractor;
import org.dossier.extract.Tesseract;
import org.dossier.extract.WorkerOptions;
import org.dossier.index.LuceneIndex;
import org.dossier.store.NewDocument;
import org.dossier.store.PathState;

/**
 * Runs collect, extract and index over some inputs, resumably and idempotently. See the package
 * documentation for the threads; every decision that must survive a crash is in the store.
 */
public final class Ingest {
  private static final Set<DocumentStatus> RETRYABLE =
      EnumSet.of(
          DocumentStatus.TIMEOUT, DocumentStatus.OUT_OF_MEMORY, DocumentStatus.FAILED,
          DocumentStatus.CORRUPT);

  /**
   * Containers whose entry names come from whoever packed them, so an absolute name is a
   * warning sign. Office formats name their parts from the root ({@code /docProps/...}) by design.
   */
  private static final Set<String> ARCHIVES =
      Set.of(
          "application/zip", "application/x-tar", "application/x-gtar", "application/gzip",
          "application/x-gzip", "application/x-bzip2", "application/x-xz",
          "application/x-7z-compressed", "application/x-cpio", "application/x-archive",
          "application/java-archive", "application/x-rar-compressed", "application/x-compress",
          "application/zstd", "application/x-lzma", "application/vnd.android.package-archive");

  private final CaseFolder folder;
  private final IngestSettings settings;
  private final IngestProgress progress = new IngestProgress();
  private final Map<DocumentId, Boolean> claimed = new ConcurrentHashMap<>();
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

  public IngestSummary run(List<Path> inputs) throws IOException {
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new IllegalArgumentException("input not found: " + input);
      }
    }
    List<String> warnings = new ArrayList<>();
    try (Closeable lock = folder.lockForWriting()) {
      clean(folder.layout().tmp());
      String ocr = ocrLanguages(warnings);
      ExtractSettings extract =
          new ExtractSettings(settings.maxTextChars(), ocr, 120, settings.limits());
      List<String> absolute = inputs.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
      run = folder.store().startRun("ingest", absolute);
      try (CustodyLog custody = folder.openCustodyLog();
          LuceneIndex index = folder.openIndexForWriting()) {
        Set<String> orphans = orphanKeys(custody);
        Recorder recorder =
            new Recorder(run, folder, custody, index, orphans, progress, settings.maxIndexChars());
        Thread recorderThread = new Thread(recorder, "ingest-recorder");
        recorderThread.start();
        ExtractQueue queue = new ExtractQueue(settings.workers() * 8);
        List<Thread> drivers = new ArrayList<>();
        List<Throwable> driverFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        WorkerOptions options =
            new WorkerOptions(
                settings.workerHeapMegabytes(), settings.timeout(), workerMainClass,
                folder.layout().log(), toolDirs(), folder.layout().tmp().resolve("worker"),
                settings.workers());
        ForkedExtractor extractor = new ForkedExtractor(extract, options);
        for (int i = 0; i < settings.workers(); i++) {
          Thread t =
              new Thread(
                  () -> drive(queue, recorder, extractor, driverFailures), "ingest-extract-" + i);
          t.start();
          drivers.add(t);
        }
        try {
          custody.append("run-start", Recorder.fields("run", run, "inputs", absolute));
          resume(queue, recorder, ocr);
          collect(inputs, queue, recorder);
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
          try {
            recorder.finish();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          join(List.of(recorderThread));
        }
        if (recorder.failure().isPresent()) {
          throw new IOException("writing the case failed: " + recorder.failure().get(),
              recorder.failure().get());
        }
        if (!driverFailures.isEmpty()) {
          throw new IOException("extraction failed: " + driverFailures.get(0), driverFailures.get(0));
        }
        custody.append("run-end", Recorder.fields("run", run,
            "documents", folder.store().documentCount()));
        custody.sync();
        folder.store().write(tx -> {
          tx.setSetting(CaseFolder.CUSTODY_SEQ, Long.toString(custody.lastSeq()));
          tx.setSetting(CaseFolder.CUSTODY_HEAD, custody.head());
          return null;
        });
        folder.store().finishRun(run, "completed");
        return new IngestSummary(
            progress.filesSeen(),
            progress.filesUnchanged(),
            recorder.newDocuments(),
            recorder.extracted(),
            folder.store().documentCount(),
            folder.store().countByStatus(),
            folder.store().problems().size(),
            warnings,
            progress.elapsedSeconds());
      }
    } catch (SQLException e) {
      throw new IOException("the case database failed: " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ collect

  private void collect(List<Path> inputs, ExtractQueue queue, Recorder recorder)
      throws IOException, InterruptedException {
    InputWalker walker = new InputWalker(Set.of(folder.layout().root()));
    long total = 0;
    for (Path input : inputs) {
      total += walker.count(input);
    }
    progress.filesTotal.set(total);
    for (Path input : inputs) {
      Path abs = input.toAbsolutePath().normalize();
      String root = (Files.isDirectory(abs) ? abs : abs.getParent()).toString();
      try {
        walker.walk(
            abs,
            item -> {
              try {
                collectOne(root, item, queue, recorder);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
              } catch (SQLException e) {
                throw new IllegalStateException("the case database failed: " + e.getMessage(), e);
              }
            });
      } catch (IllegalStateException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("ingest interrupted");
        }
        throw e;
      }
    }
  }

  private void collectOne(String root, InputItem item, ExtractQueue queue, Recorder recorder)
      throws InterruptedException, SQLException {
    progress.filesSeen.incrementAndGet();
    Optional<PathState> known = folder.store().path(root, item.name());
    if (item instanceof InputItem.Refused r) {
      if (known.isPresent() && known.get().document().isEmpty() && known.get().status() == r.status()) {
        return; // refused the same way before
      }
      recorder.send(
          new RecorderEvent.Refused(
              root, r.name(), r.status(), r.reason(),
              Recorder.fields("name", r.name(), "path", root + "/" + r.name(),
                  "status", r.status().code(), "reason", r.reason())));
      return;
    }
    InputItem.File file = (InputItem.File) item;
    DocumentId id;
    boolean stored;
    long size;
    try {
      if (file.size() > settings.maxFileSize()) {
        id = EvidenceStore.hash(file.path());
        stored = false;
        size = file.size();
      } else {
        if (known.isPresent() && known.get().document().isPresent()) {
          DocumentId again = EvidenceStore.hash(file.path());
          if (again.equals(known.get().document().get())
              && (folder.evidence().contains(again) || known.get().size() > settings.maxFileSize())) {
            progress.filesUnchanged.incrementAndGet();
            return;
          }
        }
        EvidenceStore.Stored s = folder.evidence().copyIn(file.path());
        id = s.id();
        stored = true;
        size = s.size();
      }
    } catch (IOException e) {
      recorder.send(
          new RecorderEvent.Refused(
              root, file.name(), DocumentStatus.UNREADABLE,
              "reading it failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                  + "); check the disk and permissions and run ingest again",
              Recorder.fields("name", file.name(), "path", file.path().toString(),
                  "status", DocumentStatus.UNREADABLE.code())));
      return;
    }
    progress.bytesDone.addAndGet(size);
    Optional<NewDocument> doc = Optional.empty();
    if (claim(id)) {
      doc = Optional.of(newDocument(id, file.name(), size, stored, Optional.empty(), 0));
    }
    DocumentStatus pathStatus = file.badName() ? DocumentStatus.BAD_NAME : DocumentStatus.OK;
    String pathReason =
        file.badName()
            ? "the file name is not valid UTF-8; it is shown with \uFFFD for the bytes that are"
                + " not. Rename the file to keep its name readable"
            : "";
    recorder.send(
        new RecorderEvent.Found(
            root, file.name(), id, size, file.modified(), pathStatus, pathReason, doc, "acquire",
            Recorder.fields("name", file.name(), "path", file.path().toString(),
                "sha256", id.sha256(), "size", size, "stored", stored)));
    if (doc.isPresent() && doc.get().stage() == Stage.COLLECTED) {
      progress.documentsQueued.incrementAndGet();
      queue.put(new ExtractQueue.Job(id, file.name(), 0));
    }
  }

  private NewDocument newDocument(
      DocumentId id, String name, long size, boolean stored, Optional<DocumentId> parent,
      int depth) {
    if (!stored) {
      return new NewDocument(id, name, size, false, parent, depth, Stage.EXTRACTED,
          DocumentStatus.TOO_LARGE,
          size + " bytes is over the --max-file-size cap of " + settings.maxFileSize()
              + " bytes; it was hashed and logged but not copied or parsed. Raise the cap to"
              + " ingest it",
          run);
    }
    if (size == 0) {
      return new NewDocument(id, name, 0, true, parent, depth, Stage.EXTRACTED,
          DocumentStatus.EMPTY, "the file is empty (0 bytes)", run);
    }
    return new NewDocument(id, name, size, true, parent, depth, Stage.COLLECTED,
        DocumentStatus.PENDING, "", run);
  }

  /** True for the first caller with a document the case does not have yet. */
  private boolean claim(DocumentId id) throws SQLException {
    if (claimed.containsKey(id)) {
      return false;
    }
    if (folder.store().document(id).isPresent()) {
      return false;
    }
    return claimed.putIfAbsent(id, Boolean.TRUE) == null;
  }

  // ------------------------------------------------------------------ resume

  /** Queues what an interrupted run left: documents never extracted, or never indexed. */
  private void resume(ExtractQueue queue, Recorder recorder, String ocr)
      throws SQLException, InterruptedException {
    Set<DocumentStatus> retry = EnumSet.noneOf(DocumentStatus.class);
    if (settings.retryFailed()) {
      retry.addAll(RETRYABLE);
    }
    if (!ocr.isEmpty()) {
      retry.add(DocumentStatus.NEEDS_OCR);
    }
    List<DocumentId> again = new ArrayList<>();
    if (!retry.isEmpty()) {
      for (Stage stage : List.of(Stage.EXTRACTED, Stage.INDEXED)) {
        folder.store().forEachInStage(stage, d -> {
          if (retry.contains(d.status()) && d.stored()) {
            again.add(d.id());
          }
        });
      }
      if (!again.isEmpty()) {
        folder.store().write(tx -> {
          tx.setStage(again, Stage.COLLECTED);
          return null;
        });
      }
    }
    List<ExtractQueue.Job> jobs = new ArrayList<>();
    folder.store().forEachInStage(Stage.COLLECTED,
        d -> jobs.add(new ExtractQueue.Job(d.id(), d.name(), d.depth())));
    for (ExtractQueue.Job job : jobs) {
      claimed.put(job.id(), Boolean.TRUE);
      progress.documentsQueued.incrementAndGet();
      queue.putChild(job);
    }
    List<DocumentId> unindexed = new ArrayList<>();
    folder.store().forEachInStage(Stage.EXTRACTED, d -> unindexed.add(d.id()));
    for (DocumentId id : unindexed) {
      recorder.send(new RecorderEvent.Reindex(id));
    }
  }

  // ------------------------------------------------------------------ extract

  private void drive(
      ExtractQueue queue, Recorder recorder, Extractor extractor, List<Throwable> failures) {
    try {
      while (true) {
        Optional<ExtractQueue.Job> job = queue.take();
        if (job.isEmpty()) {
          return;
        }
        try {
          extractOne(job.get(), extractor, queue, recorder);
        } finally {
          queue.done();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | SQLException | RuntimeException e) {
      failures.add(e);
      queue.abort();
    }
  }

  private void extractOne(
      ExtractQueue.Job job, Extractor extractor, ExtractQueue queue, Recorder recorder)
      throws IOException, SQLException, InterruptedException {
    Path work = folder.layout().tmp().resolve("work");
    Files.createDirectories(work);
    Path text = work.resolve(job.id().sha256() + ".txt");
    Path children = work.resolve(job.id().sha256() + ".children");
    Extraction x =
        extractor.extract(
            new ExtractionRequest(
                job.id(), folder.layout().original(job.id()), job.name(), text, children));
    Path finalText = folder.layout().text(job.id());
    Files.createDirectories(finalText.getParent());
    if (Files.exists(text)) {
      Files.move(text, finalText, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } else {
      Files.deleteIfExists(finalText);
    }
    if (!x.embedded().isEmpty()) {
      if (job.depth() >= settings.limits().maxDepth()) {
        x = x.withStatus(
            DocumentStatus.BOMB,
            "containers are nested more than " + settings.limits().maxDepth()
                + " levels deep here (the cap; raise it with --max-depth); this one is kept but"
                + " not unpacked");
      } else {
        registerChildren(job, x.embedded(), ARCHIVES.contains(x.mediaType()), queue, recorder);
      }
    }
    clean(children);
    recorder.send(new RecorderEvent.Extracted(job.id(), x.withoutEmbedded()));
    progress.documentsDone.incrementAndGet();
  }

  private void registerChildren(
      ExtractQueue.Job job,
      List<EmbeddedFile> files,
      boolean archive,
      ExtractQueue queue,
      Recorder recorder)
      throws IOException, SQLException, InterruptedException {
    int n = files.size();
    DocumentId[] ids = new DocumentId[n];
    String[] names = new String[n];
    int[] depths = new int[n];
    Set<String> used = new HashSet<>();
    for (int i = 0; i < n; i++) {
      EmbeddedFile f = files.get(i);
      int p = f.parentIndex();
      DocumentId parent = p < 0 ? job.id() : ids[p];
      String parentName = p < 0 ? job.name() : names[p];
      int depth = (p < 0 ? job.depth() : depths[p]) + 1;
      EntryNames.Safe safe = EntryNames.sanitize(f.entryName(), archive);
      String name = parentName + "/" + safe.name();
      for (int k = 2; !used.add(name); k++) {
        name = parentName + "/" + safe.name() + "~" + k;
      }
      EvidenceStore.Stored s = folder.evidence().moveIn(f.file());
      ids[i] = s.id();
      names[i] = name;
      depths[i] = depth;
      Optional<NewDocument> doc = Optional.empty();
      if (claim(s.id())) {
        doc = Optional.of(newDocument(s.id(), name, s.size(), true, Optional.of(parent), depth));
      }
      DocumentStatus pathStatus = safe.unsafe() ? DocumentStatus.UNSAFE_PATH : DocumentStatus.OK;
      String reason =
          safe.unsafe()
              ? "the container names this entry '" + f.entryName() + "', which is absolute or"
                  + " climbs out with '..'; nothing was written there. It is kept as '" + name + "'"
              : "";
      recorder.send(
          new RecorderEvent.Found(
              parent.sha256(), name, s.id(), s.size(), 0, pathStatus, reason, doc, "unpack",
              Recorder.fields("name", name, "entry", f.entryName(), "parent", parent.sha256(),
                  "sha256", s.id().sha256(), "size", s.size(), "stored", true)));
      if (doc.isPresent() && doc.get().stage() == Stage.COLLECTED) {
        progress.documentsQueued.incrementAndGet();
        queue.putChild(new ExtractQueue.Job(s.id(), name, depth));
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private String ocrLanguages(List<String> warnings) {
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
