package org.dossier.extract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Extraction;
import org.dossier.core.ExtractionRequest;

/**
 * The extraction worker process. Protocol, one JSON object per line: the parent sends {@link
 * ExtractSettings}, the worker answers {@code {"ready":true}}; then for each {@link
 * ExtractionRequest} it answers one {@link Extraction}. It exits when its input ends, so it never
 * outlives a parent killed with {@code kill -9}. Parser noise goes to standard error, never into
 * the protocol.
 */
public final class WorkerMain {
  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private WorkerMain() {}

  public static void main(String[] args) throws IOException {
    PrintStream protocol =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String first = in.readLine();
    if (first == null) {
      return;
    }
    TikaExtractor extractor = new TikaExtractor(JSON.readValue(first, ExtractSettings.class));
    protocol.println("{\"ready\":true}");
    String line;
    while ((line = in.readLine()) != null) {
      Extraction result;
      long start = System.nanoTime();
      try {
        result = extractor.extract(JSON.readValue(line, ExtractionRequest.class));
      } catch (OutOfMemoryError e) {
        throw e; // the JVM exits (ExitOnOutOfMemoryError) and the parent records it
      } catch (Throwable e) {
        result =
            Extraction.failure(
                DocumentStatus.FAILED,
                "the extractor failed unexpectedly: " + TikaExtractor.message(e),
                (System.nanoTime() - start) / 1_000_000);
      }
      protocol.println(JSON.writeValueAsString(result));
    }
  }
}
