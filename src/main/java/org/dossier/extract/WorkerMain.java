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
import java.util.function.Function;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Extraction;
import org.dossier.core.ExtractionRequest;

/**
 * The worker process ({@link Forked}'s child); as {@code main}, the extraction worker. Protocol, one JSON object per line: the parent sends {@link
 * ExtractSettings}, the worker answers {@code {"ready":true,"starts":true}}; then each request
 * {@code {"id": n, "request": ExtractionRequest}} waits for one of the worker's threads, which
 * says {@code {"id": n, "started":true}} as it takes it up (the parent's time limit runs from
 * there), parses it and answers {@code {"id": n, "result": Extraction}}, in whatever order parses
 * finish (other work, such as
 * verify's file checks, uses the same protocol with its own settings, requests and results). The worker exits as soon as
 * its input ends, parses running or not, so it never outlives a parent killed with {@code kill -9}. Parser noise goes to
 * standard error, never into the protocol.
 *
 * <p>Argument: the number of parses to run at once (default 1).
 */
public final class WorkerMain {
  public static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private WorkerMain() {}

  public static void main(String[] args) throws IOException {
    // the libraries' warnings, not their chatter, to standard error: the worker's error log
    WorkerLog.install();
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    serve(settings -> new TikaExtractor(settings)::extract, threads);
  }

  /** The extraction worker's protocol: a parser that throws gives the document {@code failed}. */
  static void serve(
      Function<ExtractSettings, Function<ExtractionRequest, Extraction>> handlers, int threads)
      throws IOException {
    serve(ExtractSettings.class, ExtractionRequest.class, handlers,
        e -> Extraction.failure(DocumentStatus.FAILED,
            "the extractor failed unexpectedly: " + TikaExtractor.message(e), 0), threads);
  }

  /**
   * Runs the worker protocol on standard input and output, for any work a {@link Forked} parent
   * sends: settings first, then requests.
   *
   * @param handlers makes, from the settings, what turns a request into a reply; it must be safe
   *     to call from several threads
   * @param onError the reply to a request whose handler threw (out of memory excepted: the JVM
   *     exits and the parent records it)
   */
  public static <S, Q, R> void serve(Class<S> settingsType, Class<Q> requestType,
      Function<S, Function<Q, R>> handlers, Function<Throwable, R> onError, int threads)
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
    Function<Q, R> handler = handlers.apply(JSON.readValue(first, settingsType));
    protocol.println("{\"ready\":true,\"starts\":true}");
    ExecutorService pool = Executors.newFixedThreadPool(threads, org.dossier.core.Daemons.named("worker"));
    String line;
    while ((line = in.readLine()) != null) {
      JsonNode message = JSON.readTree(line);
      long id = message.get("id").asLong();
      Q request = JSON.treeToValue(message.get("request"), requestType);
      pool.execute(() -> {
        started(protocol, id);
        answer(protocol, id, handle(handler, onError, request));
      });
    }
    // The input ended: the parent closed it, its requests all answered, or it died (kill -9, a
    // lost machine). Either way no one waits for a parse still running, so none is waited for:
    // the parse threads are interrupted (they are daemons, and a parser stuck in a loop does not
    // hold the JVM up), an OCR run's Tesseract is killed, and the worker exits now.
    pool.shutdownNow();
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
  }

  private static <Q, R> R handle(Function<Q, R> handler, Function<Throwable, R> onError, Q request) {
    try {
      return handler.apply(request);
    } catch (OutOfMemoryError e) {
      throw e; // the JVM exits (ExitOnOutOfMemoryError) and the parent records it
    } catch (Throwable e) {
      return onError.apply(e);
    }
  }

  /** Tells the parent a thread took up request {@code id}: its time limit runs from now. */
  private static void started(PrintStream protocol, long id) {
    String line = "{\"id\":" + id + ",\"started\":true}";
    synchronized (protocol) {
      protocol.println(line);
    }
  }

  private static void answer(PrintStream protocol, long id, Object result) {
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
