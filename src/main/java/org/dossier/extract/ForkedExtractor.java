package org.dossier.extract;

import java.util.List;
import java.util.function.Supplier;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Extraction;
import org.dossier.core.ExtractionRequest;
import org.dossier.core.Extractor;

/**
 * An {@link Extractor} that parses in a child JVM ({@link WorkerMain}) with a bounded heap and a
 * time limit per document, through {@link Forked}: a parse that hangs gets {@code timeout}, one
 * that fills the heap {@code out-of-memory}, one that kills the worker {@code failed}; the other
 * documents parse.
 */
public final class ForkedExtractor implements Extractor {
  private final Forked<Extraction> forked;

  /**
   * A JVM option for a worker that will parse few documents: the parses run in code compiled by
   * C1 alone, slower (15 to 50 % on the benchmark's mixed files, measured on a busy machine) but without
   * the C2 compilations, whose cost a run of some thousand documents never earns back (on 2,381
   * documents a worker spent about 20 CPU seconds compiling against 18 parsing).
   */
  public static final String QUICK_START = "-XX:TieredStopAtLevel=1";

  public ForkedExtractor(ExtractSettings settings, WorkerOptions options) {
    this(settings, options, List::of);
  }

  /** As above, with JVM options for each worker, asked for as it starts ({@link #QUICK_START}). */
  public ForkedExtractor(ExtractSettings settings, WorkerOptions options, Supplier<List<String>> jvmOptions) {
    this.forked = new Forked<>(settings, options, Extraction.class, new Forked.Failures<>() {
      @Override
      public Extraction timeout(long millis) {
        return Extraction.failure(DocumentStatus.TIMEOUT, "parsing took longer than "
            + options.timeout().toSeconds() + " s and was stopped; raise --timeout to give it more time",
            millis);
      }

      @Override
      public Extraction outOfMemory(long millis) {
        return Extraction.failure(DocumentStatus.OUT_OF_MEMORY, "parsing needed more than the worker's "
            + options.heapMegabytes() + " MB heap and was stopped; raise --worker-heap to give it more", millis);
      }

      @Override
      public Extraction died(int exitCode, long millis) {
        return Extraction.failure(DocumentStatus.FAILED, "the extraction worker died (exit code " + exitCode
            + ") on this document; see " + options.errorLog(), millis);
      }

      @Override
      public Extraction lost(int attempts, long millis) {
        return Extraction.failure(DocumentStatus.FAILED, "the extraction worker was lost " + attempts
            + " times while parsing this document; see " + options.errorLog(), millis);
      }

      @Override
      public Extraction failed(String reason, long millis) {
        return Extraction.failure(DocumentStatus.FAILED, "extraction failed: " + reason, millis);
      }
    }, jvmOptions);
  }

  @Override
  public Extraction extract(ExtractionRequest request) {
    return forked.call(request);
  }

  @Override
  public void close() {
    forked.close();
  }
}
