package org.dossier.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Ingest;
import org.dossier.pipeline.IngestSettings;
import org.dossier.pipeline.IngestSummary;

/**
 * Runs one {@code dossier ingest} (OCR off) in this JVM and samples its heap every 20 ms. Prints
 * one JSON line: seconds, documents, extracted, unchanged files, peak used heap in MB, the CPU
 * seconds of this JVM and of its ended children (the extraction workers). Args:
 * {@code INPUT CASE WORKERS [--no-analysis]} (the last: extract and index only, as
 * {@code ingest --no-analysis}).
 */
public final class IngestProbe {
  private IngestProbe() {}

  public static void main(String[] args) throws Exception {
    // the libraries' warnings only, as the command line keeps them (CoreNLP announces its models at INFO)
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    Path input = Path.of(args[0]);
    Path caseDir = Path.of(args[1]);
    int workers = Integer.parseInt(args[2]);
    boolean analyze = args.length <= 3 || !args[3].equals("--no-analysis");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    IngestSettings d = IngestSettings.defaults();
    IngestSettings settings = new IngestSettings(d.maxFileSize(), d.limits(), workers,
        d.workerHeapMegabytes(), d.timeout(), d.maxTextChars(), d.maxIndexChars(), "", false).analyzing(analyze);
    long start = System.nanoTime();
    IngestSummary summary;
    try (CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC())) {
      summary = new Ingest(folder, settings, w -> System.err.println("warning: " + w)).run(List.of(input));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    System.out.printf(Locale.ROOT,
        "{\"seconds\":%.3f,\"documents\":%d,\"extracted\":%d,\"unchanged\":%d,\"problems\":%d,"
            + "\"peakHeapMb\":%.1f,\"maxHeapMb\":%.1f,\"cpuSeconds\":%.2f,\"childCpuSeconds\":%.2f}%n",
        seconds, summary.documents(), summary.extracted(), summary.filesUnchanged(),
        summary.problems(), peak.get() / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0,
        BareTika.cpuSeconds(false), BareTika.cpuSeconds(true));
  }
}
