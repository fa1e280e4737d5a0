package org.dossier.cli;

import java.util.Locale;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dossier.extract.ContainerLimits;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Ingest;
import org.dossier.pipeline.IngestSettings;
import org.dossier.pipeline.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "ingest",
    description = {
      "Adds folders, archives, mailboxes and files to the case: stores and hashes every original,",
      "extracts text and metadata (OCR for scans), and indexes them. Safe to re-run: unchanged",
      "files are only hashed, and an interrupted run is finished."
    })
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Folders or files to ingest.")
  List<Path> inputs;

  @Option(names = "--max-file-size", paramLabel = "SIZE", converter = Sizes.class,
      description = "Files larger than this are hashed and logged, not copied or parsed (default 2GB).")
  Long maxFileSize;

  @Option(names = "--max-entries", paramLabel = "N",
      description = "Most documents one container may yield (default 20000).")
  Integer maxEntries;

  @Option(names = "--max-expanded", paramLabel = "SIZE", converter = Sizes.class,
      description = "Most bytes one container may expand to (default 4GB).")
  Long maxExpanded;

  @Option(names = "--max-ratio", paramLabel = "N",
      description = "Most times a container's contents may outweigh it (default 200).")
  Long maxRatio;

  @Option(names = "--max-depth", paramLabel = "N",
      description = "Deepest nesting of containers (default 10).")
  Integer maxDepth;

  @Option(names = "--workers", paramLabel = "N",
      description = "Parses run at once in the extraction worker (default: one per core).")
  Integer workers;

  @Mixin ExtractionOptions.Run extraction;

  @Mixin ExtractionOptions.Machine machine;

  @Option(names = "--retry-failed", description = {
      "Extract again the documents that failed (timeout, out-of-memory, corrupt). With --queue,",
      "once the queued work is done: queued again with this run's settings, and when it OCRs, those",
      "marked needs-ocr too (as an ingest here re-reads them by itself)."})
  boolean retryFailed;

  @Option(names = "--no-analysis", description = {"Extract and index only: the case is searchable sooner; 'dossier analyze'",
      "(or any command that reads findings) then finds names, values, facts and stories."})
  boolean noAnalysis;

  @Option(names = "--queue", description = {"Collect the inputs into the case, then queue their extraction, analysis",
      "and indexing as tasks for 'dossier worker's instead of doing them here (a case on PostgreSQL).",
      "The run's settings go with its tasks, whichever worker takes them: --timeout, --ocr-languages",
      "or --no-ocr, --max-entries, --max-expanded, --max-ratio, --max-depth (--max-file-size applies",
      "here, as the files are collected). --workers, --worker-heap and --tesseract are each worker",
      "machine's own (dossier worker --threads, --worker-heap, --tesseract): refused with --queue."})
  boolean queue;

  @Option(names = "--quiet", description = "No progress display.")
  boolean quiet;

  @Option(names = "--gazetteer", paramLabel = "FILE",
      description = {"Add a gazetteer of the case's own entities (TSV: type, name, aliases separated",
        "by |); it is kept in the case, and the case is analysed again with it."})
  List<Path> gazetteers;

  /**
   * On a terminal the bar is redrawn with a carriage return, which the command's own (safe)
   * writer would escape; the bar holds only counts, so it goes to standard error directly.
   */
  private static ProgressDisplay progressDisplay(Ingest ingest, PrintWriter err) {
    boolean terminal = System.console() != null;
    PrintWriter to = terminal
        ? new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true)
        : err;
    return new ProgressDisplay(ingest.progress(), to, terminal).start();
  }

  /** Refuses impossible limits by the names the user typed, before anything is created. */
  private void validate() {
    atLeast("--max-file-size", maxFileSize, 1);
    atLeast("--max-entries", maxEntries, 1);
    atLeast("--max-expanded", maxExpanded, 1);
    atLeast("--max-ratio", maxRatio, 1);
    atLeast("--max-depth", maxDepth, 0);
    atLeast("--workers", workers, 1);
    extraction.validate(spec);
    machine.validate(spec);
    if (queue) {
      String mine = workers != null ? "--workers" : machine.given();
      if (mine != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), mine + " is the extracting machine's,"
            + " and 'ingest --queue' extracts nothing: give it to each 'dossier worker' ("
            + (mine.equals("--workers") ? "--threads" : mine) + ")");
      }
    }
  }

  private void atLeast(String option, Number value, long least) {
    if (value != null && value.longValue() < least) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          option + " must be at least " + least + ", got " + value);
    }
  }

  @Override
  public Integer call() throws Exception {
    validate();
    IngestSettings d = IngestSettings.defaults();
    ContainerLimits l = d.limits();
    IngestSettings settings =
        new IngestSettings(
            maxFileSize != null ? maxFileSize : d.maxFileSize(),
            new ContainerLimits(
                maxEntries != null ? maxEntries : l.maxEntries(),
                maxExpanded != null ? maxExpanded : l.maxExpandedBytes(),
                maxRatio != null ? maxRatio : l.maxRatio(),
                l.ratioFloorBytes(),
                maxDepth != null ? maxDepth : l.maxDepth()),
            workers != null ? workers : d.workers(),
            machine.workerHeap(d),
            extraction.timeout(d),
            d.maxTextChars(),
            d.maxIndexChars(),
            extraction.ocrLanguages(d),
            machine.tesseract(d),
            retryFailed).analyzing(!noAnalysis);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IngestSummary summary;
    try (CaseFolder folder = options.openOrCreate()) {
      if (gazetteers != null) {
        addGazetteers(folder);
      }
      Ingest ingest = new Ingest(folder, settings, w -> err.println("dossier: warning: " + w));
      boolean show = !quiet && !options.json;
      ProgressDisplay display =
          show ? progressDisplay(ingest, err) : null;
      try {
        if (queue) {
          org.dossier.pipeline.Worker.requireSharedStore(folder);
        }
        summary = queue ? ingest.queue(inputs) : ingest.run(inputs);
      } finally {
        if (display != null) {
          display.close();
        }
      }
      if (options.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("case", folder.layout().root().toString());
        json.put("filesSeen", summary.filesSeen());
        json.put("filesUnchanged", summary.filesUnchanged());
        json.put("newDocuments", summary.newDocuments());
        json.put(queue ? "queued" : "extracted", summary.extracted());
        json.put("documents", summary.documents());
        json.put("byStatus", summary.byStatus());
        json.put("problems", summary.problems());
        json.put("warnings", summary.warnings());
        json.put("seconds", summary.seconds());
        summary.linked().ifPresent(lk -> {
          Map<String, Object> linked = new LinkedHashMap<>();
          linked.put("documents", lk.documents());
          linked.put("read", lk.read());
          linked.put("stories", lk.stories());
          linked.put("facts", lk.facts());
          linked.put("seconds", lk.took().toMillis() / 1000.0);
          json.put("linked", linked);
        });
        Json.print(out, json);
      } else {
        out.printf(Locale.ROOT, "Ingested %d files into %s in %.1f s%n", summary.filesSeen(),
            folder.layout().root(), summary.seconds());
        out.printf(Locale.ROOT, "  documents  %d in the case (%d new, %d files unchanged, %d extracted now)%n",
            summary.documents(), summary.newDocuments(), summary.filesUnchanged(),
            summary.extracted());
        StringBuilder statuses = new StringBuilder();
        summary.byStatus().forEach((k, v) -> statuses.append(statuses.length() == 0 ? "" : ", ")
            .append(k).append(' ').append(v));
        out.printf(Locale.ROOT, "  statuses   %s%n", statuses);
        if (summary.problems() > 0) {
          out.printf(Locale.ROOT, "  problems   %d: see 'dossier status'%n", summary.problems());
        }
        summary.linked().ifPresent(lk -> out.printf(Locale.ROOT,
            "  linked     %d documents into %d stories and %d facts in %.1f s%n", lk.documents(),
            lk.stories(), lk.facts(), lk.took().toMillis() / 1000.0));
        if (queue) {
          out.printf(Locale.ROOT, "Queued %d tasks: start 'dossier --case %s worker' on each machine%n", summary.extracted(),
              folder.layout().root());
        } else if (noAnalysis) {
          out.println("Not analysed yet: search now (dossier search 'QUERY'); then dossier analyze for names, facts and stories");
        } else {
          out.println("Next: dossier facts   (or dossier search 'QUERY', dossier stories, dossier report)");
        }
      }
    }
    return 0;
  }

  /** Checks each gazetteer file and copies it into the case's gazetteer folder. */
  private void addGazetteers(CaseFolder folder) throws java.io.IOException {
    Path dir = folder.layout().root().resolve("gazetteer");
    java.nio.file.Files.createDirectories(dir);
    for (Path g : gazetteers) {
      if (!java.nio.file.Files.isRegularFile(g)) {
        throw new IllegalArgumentException("gazetteer not found: " + g);
      }
      org.dossier.analyze.Gazetteer.load(List.of(g)); // a malformed line is a usage error
      java.nio.file.Files.copy(g, dir.resolve(g.getFileName().toString().endsWith(".tsv")
              ? g.getFileName().toString() : g.getFileName() + ".tsv"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
