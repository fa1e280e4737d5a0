package org.dossier.cli;

import java.time.Duration;
import org.dossier.pipeline.IngestSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How the isolated extraction runs, in two parts. {@link Run}: what a run asks of it (the time one
 * document may take, OCR), which {@code ingest} takes and {@code ingest --queue} queues with its tasks
 * ({@link IngestSettings.Run}); {@link Machine}: what the machine that extracts has (its extraction
 * JVM's heap, its Tesseract), which {@code ingest} and {@code worker} take and {@code ingest --queue}
 * refuses, since it extracts nothing.
 */
final class ExtractionOptions {
  /** Below this an extraction JVM cannot load Tika's parsers. */
  static final int MIN_WORKER_HEAP_MB = 256;

  private ExtractionOptions() {}

  /** What a run asks of the extraction. */
  static final class Run {
    @Option(names = "--timeout", paramLabel = "SECONDS",
        description = "Most time one document's extraction may take (default 180).")
    Integer timeout;

    @Option(names = "--ocr-languages", paramLabel = "LANGS",
        description = "Tesseract languages, joined by + (default eng+rus+chi_sim).")
    String ocrLanguages;

    @Option(names = "--no-ocr", description = "Do not OCR; images and scans are marked needs-ocr.")
    boolean noOcr;

    /** Refuses impossible values by the names the user typed, before anything is created. */
    void validate(CommandSpec spec) {
      if (timeout != null && timeout < 1) {
        throw new ParameterException(spec.commandLine(), "--timeout must be at least 1, got " + timeout);
      }
    }

    Duration timeout(IngestSettings defaults) {
      return timeout != null ? Duration.ofSeconds(timeout) : defaults.timeout();
    }

    /** The OCR languages, or empty for no OCR. */
    String ocrLanguages(IngestSettings defaults) {
      return noOcr ? "" : ocrLanguages != null ? ocrLanguages : defaults.ocrLanguages();
    }
  }

  /** What the machine that extracts has. */
  static final class Machine {
    @Option(names = "--worker-heap", paramLabel = "MB",
        description = "Heap of the extraction worker process in MB (default: 768 per parse, at least 1024).")
    Integer workerHeap;

    @Option(names = "--tesseract", paramLabel = "COMMAND",
        description = "The Tesseract command or its path (default: tesseract on the PATH).")
    String tesseract;

    /** Refuses impossible values by the names the user typed, before anything is created. */
    void validate(CommandSpec spec) {
      if (workerHeap != null && workerHeap < MIN_WORKER_HEAP_MB) {
        throw new ParameterException(spec.commandLine(), "--worker-heap must be at least " + MIN_WORKER_HEAP_MB
            + ", got " + workerHeap);
      }
    }

    /** The first of these options given, to refuse where nothing is extracted; null when none is. */
    String given() {
      return workerHeap != null ? "--worker-heap" : tesseract != null ? "--tesseract" : null;
    }

    int workerHeap(IngestSettings defaults) {
      return workerHeap != null ? workerHeap : defaults.workerHeapMegabytes();
    }

    String tesseract(IngestSettings defaults) {
      return tesseract != null ? tesseract : defaults.tesseract();
    }
  }
}
