package org.dossier.extract;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link ForkedExtractor} runs its worker process.
 *
 * @param heapMegabytes the worker's maximum heap
 * @param timeout most time one document may take
 * @param mainClass the worker's entry point ({@link WorkerMain}; tests substitute misbehaving ones)
 * @param errorLog where the worker's standard error goes
 * @param toolDirs folders put first on the worker's PATH (where Tesseract is, if not on the PATH)
 * @param scratch the worker's temporary folder, which the case empties at each run (parsers
 *     leave files behind when they are killed)
 * @param threads parses the worker runs at once (one per core is the usual choice)
 */
public record WorkerOptions(
    int heapMegabytes,
    Duration timeout,
    String mainClass,
    Path errorLog,
    List<Path> toolDirs,
    Path scratch,
    int threads) {
  public WorkerOptions {
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be between 1 and 64, got " + threads);
    }
    toolDirs = List.copyOf(toolDirs);
    Objects.requireNonNull(scratch, "scratch");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(errorLog, "errorLog");
    if (heapMegabytes < 64) {
      throw new IllegalArgumentException("heapMegabytes must be >= 64, got " + heapMegabytes);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  public WorkerOptions(int heapMegabytes, Duration timeout, String mainClass, Path errorLog) {
    this(heapMegabytes, timeout, mainClass, errorLog, List.of(),
        Path.of(System.getProperty("java.io.tmpdir")), 1);
  }

  public static WorkerOptions defaults(Path errorLog) {
    return new WorkerOptions(1024, Duration.ofMinutes(3), WorkerMain.class.getName(), errorLog);
  }
}
