package org.dossier.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dossier.collect.EvidenceStore;
import org.dossier.collect.InputItem;
import org.dossier.collect.InputWalker;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Stage;
import org.dossier.store.NewDocument;
import org.dossier.store.PathState;

/**
 * The collect stage of an ingest: walks the inputs, hashes each file while storing it (an
 * unchanged file at a known path is only hashed), records refusals, and queues new documents for
 * extraction.
 */
final class Collector {
  private final CaseFolder folder;
  private final IngestSettings settings;
  private final IngestProgress progress;
  private final Arrivals arrivals;
  private final Jobs queue;
  private final Recorder recorder;

  /** Where the new documents go to be extracted. */
  @FunctionalInterface
  interface Jobs {
    void put(ExtractQueue.Job job) throws InterruptedException;
  }

  /**
   * @param queue takes each new document to extract (an ingest's extraction queue; nothing for
   *     {@code ingest --queue}, which queues the tasks from the store once the walk is recorded)
   */
  Collector(CaseFolder folder, IngestSettings settings, IngestProgress progress, Arrivals arrivals,
      Jobs queue, Recorder recorder) {
    this.folder = folder;
    this.settings = settings;
    this.progress = progress;
    this.arrivals = arrivals;
    this.queue = queue;
    this.recorder = recorder;
  }

  /** Walks the inputs and queues what is new. */
  void collect(List<Path> inputs)
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
                collectOne(root, item);
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

  private void collectOne(String root, InputItem item)
      throws InterruptedException, SQLException {
    progress.filesSeen.incrementAndGet();
    Optional<PathState> known = folder.store().documents().path(root, item.name());
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
    if (arrivals.claim(id)) {
      doc = Optional.of(arrivals.newDocument(id, file.name(), size, stored, Optional.empty(), 0));
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
}
