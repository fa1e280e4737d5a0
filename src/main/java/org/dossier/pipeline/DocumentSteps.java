package org.dossier.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dossier.collect.EntryNames;
import org.dossier.collect.EvidenceStore;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.core.EmbeddedFile;
import org.dossier.core.Extraction;
import org.dossier.core.ExtractionRequest;
import org.dossier.core.Extractor;
import org.dossier.core.Stage;
import org.dossier.store.NewDocument;

/**
 * The steps of the extract and analyze stages on one document, the same whoever runs them (an
 * ingest's {@link ExtractionDriver} threads, or a {@link Worker} that took the document's task):
 * sends the document to the extractor, moves its text into the case, stores the embedded
 * documents as originals that know their parent (under the depth cap) and hands them on to be
 * extracted, analyses the text, and hands what is to be written to the {@link Outcomes}.
 */
final class DocumentSteps {
  /** Where the steps of one document send what they found. */
  interface Outcomes {
    /** What is to be written: to the store, the custody log and the index. */
    void record(RecorderEvent event) throws InterruptedException;

    /** A document found inside this one, new to the case, to be extracted. */
    void extract(ExtractQueue.Job child) throws InterruptedException;
  }

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
  private final IngestProgress progress;
  private final Arrivals arrivals;
  private final Extractor extractor;
  private final Analyzing analyzing;
  /** Where the extractor writes a document's text and children before they move into the case. */
  private final Path staging;
  /** Shared by every driver of the ingest: one budget per tree of containers. */
  private final TreeBudgets budgets;

  /**
   * @param analyzing null when the analysis is left for later
   * @param staging a folder of this process's own under the case's tmp
   */
  DocumentSteps(CaseFolder folder, IngestSettings settings, IngestProgress progress,
      Arrivals arrivals, Extractor extractor, Analyzing analyzing, TreeBudgets budgets, Path staging) {
    this.staging = staging;
    this.budgets = budgets;
    this.folder = folder;
    this.settings = settings;
    this.progress = progress;
    this.arrivals = arrivals;
    this.extractor = extractor;
    this.analyzing = analyzing;
  }

  /**
   * Extracts the document.
   *
   * @param analyse also analyse its text (needs the analyzer these steps were given), so that
   *     the extraction and the analysis are recorded together
   */
  void extract(ExtractQueue.Job job, boolean analyse, Outcomes out)
      throws IOException, SQLException, InterruptedException {
    Path work = staging;
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
        Optional<String> breach = registerChildren(job, x.embedded(), ARCHIVES.contains(x.mediaType()), out);
        if (breach.isPresent()) {
          x = x.withStatus(DocumentStatus.BOMB, breach.get() + "; this container is kept, the rest of it not unpacked");
        }
      }
    }
    clean(children);
    Analysis analysis = analyse ? analyzing.analyze(job.id(), x.language(), x.metadata()) : null;
    // what the extraction wrote, hashed for the custody log ("" when it wrote no text)
    Optional<String> textHash = Optional.of(Files.exists(finalText) ? EvidenceStore.hash(finalText).sha256() : "");
    out.record(new RecorderEvent.Extracted(job.id(), x.withoutEmbedded(), analysis, textHash));
    progress.documentsDone.incrementAndGet();
  }

  /** Analyses a document extracted earlier (its analysis pending). */
  void analyze(ExtractQueue.Job job, Outcomes out) throws SQLException, InterruptedException {
    String language = folder.store().documents().document(job.id()).map(d -> d.language()).orElse("und");
    Analysis analysis = analyzing.analyze(job.id(), language, folder.store().documents().metadata(job.id()));
    out.record(new RecorderEvent.Analyzed(job.id(), analysis));
    progress.documentsDone.incrementAndGet();
  }

  /** Stores the embedded documents as children; the breach of the tree's budget, if one stopped it. */
  private Optional<String> registerChildren(
      ExtractQueue.Job job, List<EmbeddedFile> files, boolean archive, Outcomes out)
      throws IOException, SQLException, InterruptedException {
    int n = files.size();
    DocumentId[] ids = new DocumentId[n];
    String[] names = new String[n];
    int[] depths = new int[n];
    Set<String> used = new HashSet<>();
    long rootSize = Files.size(folder.layout().original(job.root()));
    for (int i = 0; i < n; i++) {
      EmbeddedFile f = files.get(i);
      if (f.link()) {
        continue; // after the entries a link may name
      }
      Optional<String> breach = budgets.add(job.root(), rootSize, Files.size(f.file()));
      if (breach.isPresent()) {
        return breach; // the rest stays packed in the original, which is kept
      }
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
      if (arrivals.claim(s.id())) {
        doc = Optional.of(arrivals.newDocument(s.id(), name, s.size(), true, Optional.of(parent), depth));
      }
      DocumentStatus pathStatus = safe.unsafe() ? DocumentStatus.UNSAFE_PATH : DocumentStatus.OK;
      String reason =
          safe.unsafe()
              ? "the container names this entry '" + f.entryName() + "', which is absolute or"
                  + " climbs out with '..'; nothing was written there. It is kept as '" + name + "'"
              : "";
      out.record(
          new RecorderEvent.Found(
              parent.sha256(), name, s.id(), s.size(), 0, pathStatus, reason, doc, "unpack",
              Recorder.fields("name", name, "entry", f.entryName(), "parent", parent.sha256(),
                  "sha256", s.id().sha256(), "size", s.size(), "stored", true)));
      if (doc.isPresent() && doc.get().stage() == Stage.COLLECTED) {
        out.extract(new ExtractQueue.Job(s.id(), name, depth, ExtractQueue.Work.EXTRACT, job.root()));
      }
    }
    registerLinks(job, files, ids, used, out);
    return Optional.empty();
  }

  /**
   * An archive's link entries, which hold no bytes: one that names a file of the same archive is
   * another path of that file's document (as a symbolic link inside the input is); one that names
   * nothing inside (an absolute target, one that climbs out, a missing entry) is refused with
   * {@code symlink-outside}. Either way its target is kept in the path's reason and the custody log.
   */
  private void registerLinks(ExtractQueue.Job job, List<EmbeddedFile> files, DocumentId[] ids, Set<String> used,
      Outcomes out)
      throws IOException, InterruptedException {
    Map<String, Integer> byEntry = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).parentIndex() < 0) {
        byEntry.putIfAbsent(files.get(i).entryName(), i);
      }
    }
    for (EmbeddedFile f : files) {
      if (!f.link()) {
        continue;
      }
      Files.deleteIfExists(f.file());
      // a link to a link: followed a few steps, as a file system would
      EmbeddedFile target = f;
      for (int step = 0; step < 8 && target != null && target.link(); step++) {
        Integer k = target.linkedEntry() == null ? null : byEntry.get(target.linkedEntry());
        target = k == null ? null : files.get(k);
      }
      Integer index = target == null || target.link() ? null : byEntry.get(target.entryName());
      DocumentId to = index == null ? null : ids[index];
      EntryNames.Safe safe = EntryNames.sanitize(f.entryName(), true);
      String name = job.name() + "/" + safe.name();
      for (int k = 2; !used.add(name); k++) {
        name = job.name() + "/" + safe.name() + "~" + k;
      }
      if (to == null) {
        String reason = "a link to '" + f.linkTo() + "', which is not a file of this archive (outside it, a folder or"
            + " missing); not followed";
        out.record(new RecorderEvent.Refused(job.id().sha256(), name, DocumentStatus.SYMLINK_OUTSIDE, reason,
            Recorder.fields("name", name, "entry", f.entryName(), "parent", job.id().sha256(),
                "link-to", f.linkTo(), "status", DocumentStatus.SYMLINK_OUTSIDE.code(), "reason", reason)));
        continue;
      }
      String reason = "a link to '" + f.linkTo() + "' in the same archive: another path of that file";
      out.record(
          new RecorderEvent.Found(
              job.id().sha256(), name, to, Files.size(folder.layout().original(to)), 0, DocumentStatus.OK, reason,
              Optional.empty(), "unpack",
              Recorder.fields("name", name, "entry", f.entryName(), "parent", job.id().sha256(),
                  "link-to", f.linkTo(), "sha256", to.sha256(), "stored", true)));
    }
  }

  private static void clean(Path dir) throws IOException {
    Ingest.clean(dir);
  }
}
