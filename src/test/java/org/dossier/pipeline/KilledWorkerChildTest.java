package org.dossier.pipeline;

import static org.dossier.testing.Workers.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dossier.testing.Cli;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker killed with SIGKILL while its extraction child parses: the child must not live on (a
 * parse that never ends would hold a core and its heap for good). The child sees its input end and
 * exits at once, whatever its parses are doing.
 */
class KilledWorkerChildTest {
  /** How long a child may take to notice its parent is gone and exit. */
  private static final Duration BOUND = Duration.ofSeconds(15);

  @TempDir Path dir;

  @Test
  void theExtractionChildOfAKilledWorkerExits() throws Exception {
    // the real protocol (WorkerMain.serve), with a parse that never ends on a file named *hang*
    Optional<ProcessHandle> child = killMidExtraction("org.dossier.extract.MisbehavingWorkers$Selective");
    assertTrue(child.isEmpty() || !child.get().isAlive(), "the extraction child lives on: " + child);
  }

  /** Control: a child that ignores the end of its input lives on, and the same check sees it. */
  @Test
  void aChildThatIgnoresItsInputWouldBeCaught() throws Exception {
    Optional<ProcessHandle> child = killMidExtraction("org.dossier.extract.MisbehavingWorkers$Hangs");
    try {
      assertTrue(child.isPresent() && child.get().isAlive(), "the control's child should have lived on");
    } finally {
      child.ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * Starts a worker on a case with one file to extract, whose child runs {@code childMain}; once the
   * worker holds the task and its child has the request, kills the worker with SIGKILL and gives
   * the child {@link #BOUND} to exit. Returns the child if it is still alive then.
   */
  private Optional<ProcessHandle> killMidExtraction(String childMain) throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    Files.writeString(inputs.resolve("hang.txt"), "A note the parser never finishes reading.\n");
    Path shared = dir.resolve("shared");
    String schema = Workers.sharedCase(shared);
    ok(Cli.run("--case", shared.toString(), "ingest", "--queue", "--no-analysis", inputs.toString()));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), WorkerWithExtractionMain.class.getName(),
        shared.toString(), childMain));
    Process worker = new ProcessBuilder(command).redirectOutput(dir.resolve("worker.out").toFile())
        .redirectError(dir.resolve("worker.err").toFile()).start();
    ProcessHandle child = null;
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (child == null) { // a poll with a deadline: the worker holds the task and its child runs
        assertTrue(System.nanoTime() < deadline && worker.isAlive(), "the worker never started its child: "
            + Files.readString(dir.resolve("worker.err")));
        String held = Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'extract' AND state = 'leased'");
        // the worker's one child process is its extraction JVM (no OCR here, so no Tesseract)
        child = "1".equals(held) ? worker.children().findFirst().orElse(null) : null;
        if (child == null) {
          Thread.sleep(50);
        }
      }
      Thread.sleep(2000); // the request is on its way to the child and its parse has begun
      assertTrue(child.isAlive(), "the child parses");
      assertTrue(child.info().command().orElse("java").endsWith("java"), child.info()::toString);
      worker.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the child's input by the worker
      assertTrue(worker.waitFor(30, TimeUnit.SECONDS));
      try {
        child.onExit().get(BOUND.toSeconds(), TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return Optional.of(child);
      }
      assertFalse(child.isAlive());
      assertEquals(1, Integer.parseInt(Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state = 'leased'")),
          "the killed worker's lease is left, to run out");
      return Optional.empty();
    } finally {
      worker.destroyForcibly();
      worker.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
