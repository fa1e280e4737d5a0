package org.dossier.pipeline;

import java.time.Duration;
import java.util.Objects;
import org.dossier.extract.ContainerLimits;

/**
 * How an ingest runs.
 *
 * @param maxFileSize files larger than this are hashed and logged but not copied or parsed
 * @param limits caps on containers
 * @param workers parses run at once, in one extraction worker process (one per core by default)
 * @param workerHeapMegabytes heap of the worker process
 * @param timeout most time one document's extraction may take
 * @param maxTextChars most characters of text kept per document
 * @param maxIndexChars most characters of text indexed per document
 * @param ocrLanguages wanted Tesseract languages ({@code eng+rus+chi_sim}); empty turns OCR off
 * @param tesseract the Tesseract command: a name looked up on the PATH, or a path to it
 * @param retryFailed re-extract documents that failed in an earlier run
 * @param analyze analyse what is extracted, resolve the entities and link the case in the same run;
 *     false leaves the analysis pending (the case is searchable; {@code dossier analyze} does the rest)
 */
public record IngestSettings(
    long maxFileSize,
    ContainerLimits limits,
    int workers,
    int workerHeapMegabytes,
    Duration timeout,
    int maxTextChars,
    int maxIndexChars,
    String ocrLanguages,
    String tesseract,
    boolean retryFailed,
    boolean analyze) {

  public static final String DEFAULT_OCR_LANGUAGES = "eng+rus+chi_sim";

  /** Settings that analyse in the same run. */
  public IngestSettings(long maxFileSize, ContainerLimits limits, int workers, int workerHeapMegabytes,
      Duration timeout, int maxTextChars, int maxIndexChars, String ocrLanguages, String tesseract,
      boolean retryFailed) {
    this(maxFileSize, limits, workers, workerHeapMegabytes, timeout, maxTextChars, maxIndexChars, ocrLanguages,
        tesseract, retryFailed, true);
  }

  /** The same settings, analysing in the same run or not. */
  public IngestSettings analyzing(boolean on) {
    return new IngestSettings(maxFileSize, limits, workers, workerHeapMegabytes, timeout, maxTextChars, maxIndexChars,
        ocrLanguages, tesseract, retryFailed, on);
  }

  public IngestSettings {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(ocrLanguages, "ocrLanguages");
    Objects.requireNonNull(tesseract, "tesseract");
    if (maxFileSize < 1) {
      throw new IllegalArgumentException("maxFileSize must be >= 1, got " + maxFileSize);
    }
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("workers must be between 1 and 64, got " + workers);
    }
    if (maxTextChars < 1 || maxIndexChars < 1) {
      throw new IllegalArgumentException(
          "text caps must be >= 1, got " + maxTextChars + " and " + maxIndexChars);
    }
  }

  /** Settings with Tesseract looked up on the PATH. */
  public IngestSettings(
      long maxFileSize,
      ContainerLimits limits,
      int workers,
      int workerHeapMegabytes,
      Duration timeout,
      int maxTextChars,
      int maxIndexChars,
      String ocrLanguages,
      boolean retryFailed) {
    this(maxFileSize, limits, workers, workerHeapMegabytes, timeout, maxTextChars, maxIndexChars,
        ocrLanguages, "tesseract", retryFailed);
  }

  public static IngestSettings defaults() {
    return new IngestSettings(
        2L << 30,
        ContainerLimits.DEFAULT,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        Math.max(1024, 768 * Math.max(1, Runtime.getRuntime().availableProcessors())),
        Duration.ofMinutes(3),
        100_000_000,
        10_000_000,
        DEFAULT_OCR_LANGUAGES,
        false);
  }
}
