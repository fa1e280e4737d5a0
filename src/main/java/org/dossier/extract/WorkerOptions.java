package org.dossier.extract;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ForkedExtractor} runs its worker process.
 *
 * @param heapMegabytes the worker's maximum heap
 * @param timeout most time one document may take
 * @param mainClass the worker's entry point ({@link WorkerMain}; tests substitute misbehaving ones)
 * @param errorLog where the worker's standard error goes
 */
public record WorkerOptions(int heapMegabytes, Duration timeout, String mainClass, Path errorLog) {
  public WorkerOptions {
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

  public static WorkerOptions defaults(Path errorLog) {
    return new WorkerOptions(1024, Duration.ofMinutes(3), WorkerMain.class.getName(), errorLog);
  }
}
