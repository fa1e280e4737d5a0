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

  /**
   * What a run asks of the extraction, as against what the machine that extracts has (its
   * Tesseract, its extraction JVM's heap, its threads): the OCR languages (empty: no OCR), the time
   * one document may take, the containers' caps and the text kept per document. {@code ingest
   * --queue} queues it with each extract task ({@link StageTasks#extract}), so whichever worker
   * takes the task extracts as the run asked ({@link #forRun}). The file size cap is the run's too,
   * but it is applied where the inputs are collected, by the ingest itself.
   */
  public record Run(String ocrLanguages, Duration timeout, ContainerLimits limits, int maxTextChars) {
    public Run {
      Objects.requireNonNull(ocrLanguages, "ocrLanguages");
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      if (maxTextChars < 1) {
        throw new IllegalArgumentException("maxTextChars must be >= 1, got " + maxTextChars);
      }
    }
  }

  /** What this run asks of the extraction, to go with its queued tasks. */
  public Run run() {
    return new Run(ocrLanguages, timeout, limits, maxTextChars);
  }

  /**
   * This machine's settings (Tesseract, heap, threads ...) extracting for {@code run}: its timeout,
   * caps and text cap, and its OCR languages unless this machine does not OCR (its own languages
   * empty, as {@code worker --no-ocr} makes them): OCR happens where both the run and the machine
   * want it, in the run's languages that the machine's Tesseract has ({@link Ingest#ocrLanguages}).
   */
  public IngestSettings forRun(Run run) {
    return new IngestSettings(maxFileSize, run.limits(), workers, workerHeapMegabytes, run.timeout(), run.maxTextChars(),
        maxIndexChars, ocrLanguages.isEmpty() ? "" : run.ocrLanguages(), tesseract, retryFailed, analyze);
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
