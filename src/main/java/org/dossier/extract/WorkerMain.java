package org.dossier.extract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Extraction;
import org.dossier.core.ExtractionRequest;

/**
 * The extraction worker process. Protocol, one JSON object per line: the parent sends {@link
 * ExtractSettings}, the worker answers {@code {"ready":true}}; then each request {@code {"id":
 * n, "request": ExtractionRequest}} is parsed on one of the worker's threads and answered with
 * {@code {"id": n, "result": Extraction}}, in whatever order parses finish. The worker exits when
 * its input ends, so it never outlives a parent killed with {@code kill -9}. Parser noise goes to
 * standard error, never into the protocol.
 *
 * <p>Argument: the number of parses to run at once (default 1).
 */
public final class WorkerMain {
  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private WorkerMain() {}

  public static void main(String[] args) throws IOException {
    // the libraries' warnings, not their chatter, to standard error: the worker's error log
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    serve(settings -> new TikaExtractor(settings)::extract, threads);
  }

  /**
   * Runs the worker protocol on standard input and output.
   *
   * @param handlers makes, from the settings, what turns a request into an extraction; it must be
   *     safe to call from several threads
   */
  static void serve(
      Function<ExtractSettings, Function<ExtractionRequest, Extraction>> handlers, int threads)
      throws IOException {
    PrintStream protocol =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String first = in.readLine();
    if (first == null) {
      return;
    }
    Function<ExtractionRequest, Extraction> handler =
        handlers.apply(JSON.readValue(first, ExtractSettings.class));
    protocol.println("{\"ready\":true}");
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "extract");
              t.setDaemon(true);
              return t;
            });
    String line;
    while ((line = in.readLine()) != null) {
      JsonNode message = JSON.readTree(line);
      long id = message.get("id").asLong();
      ExtractionRequest request = JSON.treeToValue(message.get("request"), ExtractionRequest.class);
      pool.execute(() -> answer(protocol, id, handle(handler, request)));
    }
    pool.shutdown();
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Extraction handle(
      Function<ExtractionRequest, Extraction> handler, ExtractionRequest request) {
    long start = System.nanoTime();
    try {
      return handler.apply(request);
    } catch (OutOfMemoryError e) {
      throw e; // the JVM exits (ExitOnOutOfMemoryError) and the parent records it
    } catch (Throwable e) {
      return Extraction.failure(
          DocumentStatus.FAILED,
          "the extractor failed unexpectedly: " + TikaExtractor.message(e),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static void answer(PrintStream protocol, long id, Extraction result) {
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.set("result", JSON.valueToTree(result));
    String line;
    try {
      line = JSON.writeValueAsString(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (protocol) {
      protocol.println(line);
    }
  }
}
