package org.dossier.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.IngestSettings;
import org.dossier.pipeline.StageTasks;
import org.dossier.pipeline.Worker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "worker",
    description = {
      "Works on a distributed case's queued tasks (dossier ingest --queue queues them): extracts,",
      "analyses, indexes and links its documents, on any machine that sees the case's PostgreSQL",
      "store and its folder. Start one per machine; the first to open the index writes it.",
      "A document is extracted as the run that queued it asked (its --timeout, OCR languages or",
      "--no-ocr, container caps); this command takes what is the machine's: --threads, --worker-heap,",
      "--tesseract, and --no-ocr for a machine that does not OCR. OCR happens where both the run and",
      "the machine want it, in the run's languages that this machine's Tesseract has; the scans",
      "left get needs-ocr, and 'ingest --queue --retry-failed' queues them again."
    })
final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Option(names = "--stages", paramLabel = "LIST", split = ",",
      description = "The stages it takes, of extract, analyze, index, link, verify (default: all).")
  List<String> stages;

  @Option(names = "--threads", paramLabel = "N",
      description = "Tasks worked on at once, and parses in its extraction JVM (default: one per core).")
  Integer threads;

  @Option(names = "--until-idle",
      description = "Stop once nothing is queued or running that could still give it a task.")
  boolean untilIdle;

  @Option(names = "--lease", paramLabel = "SECONDS",
      description = "How long a claimed task is held without a heartbeat (default 60; heartbeats every third).")
  Integer lease;

  @Mixin ExtractionOptions.Machine machine;

  @Option(names = "--no-ocr",
      description = "This machine does not OCR, whatever the run asked: images and scans get needs-ocr.")
  boolean noOcr;

  @Option(names = "--link-page", paramLabel = "N",
      description = "Documents a link-read task reads, when this worker plans a round of the link stage (default "
          + Worker.LINK_PAGE + ").")
  Integer linkPage;

  /** Options a worker took once, now the run's: refused by name rather than as unknown. */
  @Option(names = "--timeout", hidden = true, paramLabel = "SECONDS")
  String timeout;

  @Option(names = "--ocr-languages", hidden = true, paramLabel = "LANGS")
  String ocrLanguages;

  @Override
  public Integer call() throws Exception {
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (n < 1 || lease != null && lease < 1 || linkPage != null && linkPage < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads, --lease and --link-page must be at least 1");
    }
    machine.validate(spec);
    if (timeout != null || ocrLanguages != null) {
      String given = timeout != null ? "--timeout" : "--ocr-languages";
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), given + " is the run's, not the worker's:"
          + " give it to 'dossier ingest --queue', whose tasks carry it to every worker ('--no-ocr' here keeps this"
          + " machine from OCR)");
    }
    Set<String> chosen = new LinkedHashSet<>(stages == null ? StageTasks.KINDS : stages);
    for (String s : chosen) {
      if (!StageTasks.KINDS.contains(s)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no stage '" + s + "': the stages are "
            + String.join(", ", StageTasks.KINDS));
      }
    }
    IngestSettings d = IngestSettings.defaults();
    // the machine's settings; the run's (timeout, OCR languages, caps) come with each task, these
    // defaults only for a task queued without them
    IngestSettings settings = new IngestSettings(d.maxFileSize(), d.limits(), n,
        machine.workerHeap(d), d.timeout(), d.maxTextChars(), d.maxIndexChars(),
        noOcr ? "" : d.ocrLanguages(), machine.tesseract(d), false);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch ended = new CountDownLatch(1);
    Thread hooked = null;
    try (CaseFolder folder = options.openExisting()) {
      Worker.requireSharedStore(folder);
      Worker worker = new Worker(folder,
          new Worker.Options(chosen, n, untilIdle, Duration.ofSeconds(lease != null ? lease : 60), settings,
              linkPage != null ? linkPage : Worker.LINK_PAGE),
          m -> err.println("dossier: " + m));
      if (!options.json) {
        err.printf(Locale.ROOT, "dossier: worker %s on %s, stages %s%n", worker.owner(), folder.layout().root(),
            String.join(",", chosen));
        err.flush();
      }
      // asked to stop (Ctrl-C, SIGTERM): the tasks claimed but not begun are given back at once,
      // those under way finished and written, so that no lease is left to run out; the JVM ends
      // once the worker has, or after this machine's extraction timeout and half a minute
      Duration grace = settings.timeout().plusSeconds(30);
      Thread hook = new Thread(() -> {
        // the stop first (an extraction the signal ended too is then given back), on a thread
        // of its own: giving tasks back to a store out of reach must not outlast the grace
        Thread stopping = new Thread(worker::stop, "dossier-worker-give-back");
        stopping.setDaemon(true);
        stopping.start();
        err.println("dossier: asked to stop: finishing the tasks under way, giving back the others");
        err.flush();
        try {
          ended.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "dossier-worker-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      hooked = hook;
      Worker.Summary s = worker.run();
      if (options.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("owner", s.owner());
        json.put("done", s.done());
        json.put("failed", s.failed());
        json.put("lost", s.lost());
        json.put("indexer", s.indexer());
        json.put("seconds", s.seconds());
        Map<String, Object> timings = new LinkedHashMap<>();
        s.timings().forEach((k, v) -> timings.put(k, Map.of("count", v.count(), "ms", v.millis())));
        json.put("timings", timings);
        Json.print(out, json);
      } else {
        out.printf(Locale.ROOT, "Worker %s: done %s, %d failed attempts, %d tasks lost to another worker, in %.1f s%s%n",
            s.owner(), s.done(), s.failed(), s.lost(), s.seconds(), s.indexer() ? " (it held the index)" : "");
      }
      out.flush();
    } finally {
      ended.countDown(); // the worker has ended, its case closed: a stop asked for may end the JVM
      if (hooked != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(hooked);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: it returns now
        }
      }
    }
    return 0;
  }
}
