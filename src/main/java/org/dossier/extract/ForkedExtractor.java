package org.dossier.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Extraction;
import org.dossier.core.ExtractionRequest;
import org.dossier.core.Extractor;

/**
 * An {@link Extractor} that parses in a child JVM with a bounded heap and kills it when a parse
 * overruns its time. A dead or killed worker is replaced on the next request, so one bad document
 * costs that document only. Not thread-safe: use one per thread.
 */
public final class ForkedExtractor implements Extractor {
  /** The JVM's exit code under {@code -XX:+ExitOnOutOfMemoryError}. */
  static final int OOM_EXIT = 3;

  private static final String EOF = "\u0000eof";
  private static final long STARTUP_SECONDS = 120;

  private final ExtractSettings settings;
  private final WorkerOptions options;
  private Process process;
  private OutputStream requests;
  private BlockingQueue<String> responses;

  public ForkedExtractor(ExtractSettings settings, WorkerOptions options) {
    this.settings = settings;
    this.options = options;
  }

  @Override
  public Extraction extract(ExtractionRequest request) {
    long start = System.nanoTime();
    try {
      ensureStarted();
    } catch (IOException e) {
      stop();
      return Extraction.failure(
          DocumentStatus.FAILED, "the extraction worker could not start: " + e.getMessage(), 0);
    }
    try {
      requests.write(WorkerMain.JSON.writeValueAsBytes(request));
      requests.write('\n');
      requests.flush();
    } catch (IOException e) {
      return died(start);
    }
    String line;
    try {
      line = responses.poll(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      return Extraction.failure(DocumentStatus.FAILED, "extraction was interrupted", millis(start));
    }
    if (line == null) {
      stop();
      return Extraction.failure(
          DocumentStatus.TIMEOUT,
          "parsing took longer than " + options.timeout().toSeconds() + " s and was stopped;"
              + " raise --timeout to give it more time",
          millis(start));
    }
    if (line.equals(EOF)) {
      return died(start);
    }
    try {
      return WorkerMain.JSON.readValue(line, Extraction.class);
    } catch (IOException e) {
      stop();
      return Extraction.failure(
          DocumentStatus.FAILED, "the worker answered garbage: " + e.getMessage(), millis(start));
    }
  }

  private Extraction died(long start) {
    int exit = -1;
    try {
      if (process.waitFor(10, TimeUnit.SECONDS)) {
        exit = process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
    if (exit == OOM_EXIT) {
      return Extraction.failure(
          DocumentStatus.OUT_OF_MEMORY,
          "parsing needed more than the worker's " + options.heapMegabytes() + " MB heap and was"
              + " stopped; raise --worker-heap to give it more",
          millis(start));
    }
    return Extraction.failure(
        DocumentStatus.FAILED,
        "the extraction worker died (exit code " + exit + ") on this document; see "
            + options.errorLog(),
        millis(start));
  }

  private void ensureStarted() throws IOException {
    if (process != null && process.isAlive()) {
      return;
    }
    stop();
    Files.createDirectories(options.errorLog().toAbsolutePath().getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.heapMegabytes() + "m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:+UseSerialGC");
    command.add("-Djava.awt.headless=true");
    Files.createDirectories(options.scratch());
    command.add("-Djava.io.tmpdir=" + options.scratch().toAbsolutePath());
    command.add("-Dfile.encoding=UTF-8");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(options.mainClass());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("OMP_THREAD_LIMIT", "1"); // one core per worker, Tesseract included
    builder.environment().put("LC_ALL", "C.UTF-8");
    if (!options.toolDirs().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (Path dir : options.toolDirs()) {
        path.append(dir.toAbsolutePath()).append(java.io.File.pathSeparatorChar);
      }
      builder.environment().merge("PATH", path.toString(), (old, extra) -> extra + old);
    }
    builder.redirectError(ProcessBuilder.Redirect.appendTo(options.errorLog().toFile()));
    process = builder.start();
    requests = process.getOutputStream();
    responses = new LinkedBlockingQueue<>();
    BlockingQueue<String> queue = responses;
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread pump =
        new Thread(
            () -> {
              try {
                String l;
                while ((l = reader.readLine()) != null) {
                  // the JVM itself may print to standard output ("Terminating due to
                  // java.lang.OutOfMemoryError"); only protocol lines are JSON objects
                  if (l.startsWith("{")) {
                    queue.add(l);
                  }
                }
              } catch (IOException ignored) {
                // the worker died; EOF below says so
              }
              queue.add(EOF);
            },
            "extract-worker-reader");
    pump.setDaemon(true);
    pump.start();
    requests.write(WorkerMain.JSON.writeValueAsBytes(settings));
    requests.write('\n');
    requests.flush();
    String ready;
    try {
      ready = responses.poll(STARTUP_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the worker started", e);
    }
    if (ready == null || !ready.contains("ready")) {
      throw new IOException(
          "the worker did not report ready within " + STARTUP_SECONDS + " s; see "
              + options.errorLog());
    }
  }

  private void stop() {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      try {
        requests.close(); // the worker exits at end of input
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          stop();
        }
      } catch (IOException e) {
        stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
      }
    }
    process = null;
  }
}
