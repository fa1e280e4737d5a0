package org.dossier.pipeline;

import static org.dossier.testing.Workers.ok;
import static org.dossier.testing.Workers.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dossier.testing.Cli;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker asked to stop while its extraction child dies under it (Ctrl-C and a service manager's
 * SIGTERM reach the child too): the failed extraction is given back, not written as the document's
 * failure, and the tasks of its batch not begun are given back at once. The control: the same
 * child dying under a worker that was not asked to stop is written as the document's failure.
 */
class WorkerStopTest {
  private static final String CHILD = "org.dossier.extract.MisbehavingWorkers$Selective";

  @TempDir Path dir;

  private static Worker worker(CaseFolder folder, boolean untilIdle) {
    IngestSettings d = IngestSettings.defaults();
    IngestSettings machine = new IngestSettings(d.maxFileSize(), d.limits(), 1, 256, Duration.ofSeconds(30),
        d.maxTextChars(), d.maxIndexChars(), "", d.tesseract(), false);
    return new Worker(folder, new Worker.Options(Set.of(StageTasks.EXTRACT), 1, untilIdle, Duration.ofSeconds(60),
        machine), m -> { }, CHILD);
  }

  /** The JVMs this JVM has started (PostgreSQL's processes are not JVMs). */
  private static Set<Long> childJvms() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void aFailureWhileStoppingIsGivenBackNotWritten() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    for (String n : new String[] {"one-signal.txt", "two-signal.txt", "three-signal.txt"}) {
      Files.writeString(inputs.resolve(n), "Minutes of the Harlow quay board: " + n + "\n");
    }
    Path shared = dir.resolve("shared");
    String schema = Workers.sharedCase(shared);
    ok(Cli.run(on(shared, "ingest", "--queue", "--quiet", "--no-analysis", inputs.toString())));

    Set<Long> before = childJvms(); // any left by earlier tests
    try (CaseFolder folder = CaseFolder.open(shared, Clock.systemUTC())) {
      Worker w = worker(folder, false);
      CompletableFuture<Worker.Summary> ran = CompletableFuture.supplyAsync(() -> {
        try {
          return w.run();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (before.containsAll(childJvms())) { // a poll with a deadline: the first extraction has begun
        assertTrue(System.nanoTime() < deadline && !ran.isDone(), "no extraction began");
        Thread.sleep(20);
      }
      w.stop();
      assertEquals("2", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state = 'queued'"),
          "the two tasks not begun are given back at once, before the one under way ends");
      Worker.Summary s = ran.get(2, TimeUnit.MINUTES);
      assertEquals(0, s.failed(), s.toString());
    }
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state <> 'queued'"));
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE last_error IS NOT NULL"),
        "given back, not failed");
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM documents WHERE stage <> 'collected'"),
        "no extraction written");

    // control: not asked to stop, the same dying child is each document's failure
    try (CaseFolder folder = CaseFolder.open(shared, Clock.systemUTC())) {
      worker(folder, true).run();
    }
    assertEquals("3", Workers.scalar(schema, "SELECT count(*) FROM documents WHERE status = 'failed'"
        + " AND reason LIKE '%exit code 143%'"));
  }
}
