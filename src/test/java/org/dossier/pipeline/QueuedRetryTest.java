package org.dossier.pipeline;

import static org.dossier.testing.Workers.ok;
import static org.dossier.testing.Workers.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.dossier.testing.Cli;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest --queue --retry-failed}: a document that failed is queued to be extracted again
 * (its extract task, done before, under a key of the retry's own), with the retry's settings, then
 * analysed and indexed again; it is refused while document tasks are open. The worker here has a
 * timeout of its own (30 s) that the run's (2 s) overrides.
 */
class QueuedRetryTest {
  @TempDir Path dir;

  @Test
  void aFailedDocumentIsQueuedAgainAndExtractedWithTheRetrysSettings() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    Files.writeString(inputs.resolve("hang-minutes.txt"), "Minutes of the Vellmar port board: 12 cranes for May.\n");
    Files.writeString(inputs.resolve("ledger.txt"), "The Orska depot ledger lists 40 vehicles.\n");
    Path shared = dir.resolve("shared");
    String schema = Workers.sharedCase(shared);
    ok(Cli.run(on(shared, "ingest", "--queue", "--quiet", "--timeout", "2", inputs.toString())));

    // a parser that never ends on *hang*: stopped after the run's 2 s
    work(shared, "org.dossier.extract.MisbehavingWorkers$Selective");
    assertEquals("timeout", column(schema, "status", "hang-minutes.txt"));
    assertTrue(column(schema, "reason", "hang-minutes.txt").contains("longer than 2 s"),
        column(schema, "reason", "hang-minutes.txt"));
    assertEquals("indexed", column(schema, "stage", "hang-minutes.txt"));

    JsonNode again = ok(Cli.run(on(shared, "ingest", "--queue", "--json", "--retry-failed", "--timeout", "120",
        inputs.toString()))).json();
    assertEquals(1, again.get("queued").asInt(), again.toString());
    assertEquals("collected", column(schema, "stage", "hang-minutes.txt"));
    work(shared, null); // the real parser

    assertEquals("ok", column(schema, "status", "hang-minutes.txt"));
    assertTrue(Long.parseLong(column(schema, "text_chars", "hang-minutes.txt")) > 0);
    assertEquals("indexed", column(schema, "stage", "hang-minutes.txt"), "analysed and indexed again");
    assertNotEquals("pending", column(schema, "analysis", "hang-minutes.txt"));
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind IN ('extract', 'analyze', 'index')"
        + " AND state <> 'done'"));
    Map<String, Integer> derived = Workers.derives(shared);
    assertEquals(2, derived.get(column(schema, "id", "hang-minutes.txt")), "the failed document extracted again");
    assertEquals(1, derived.get(column(schema, "id", "ledger.txt")), "the others not");
  }

  /** While document tasks are open, whose workers write the documents' stages, a retry is refused and nothing is done. */
  @Test
  void aRetryIsRefusedWhileDocumentTasksAreOpen() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    Files.writeString(inputs.resolve("ledger.txt"), "The Orska depot ledger lists 40 vehicles.\n");
    Path shared = dir.resolve("shared");
    String schema = Workers.sharedCase(shared);
    ok(Cli.run(on(shared, "ingest", "--queue", "--quiet", inputs.toString())));
    String runs = Workers.scalar(schema, "SELECT count(*) FROM runs");
    Files.writeString(inputs.resolve("later.txt"), "A later note on the Vellmar tender.\n");

    Cli.Result early = Cli.run(on(shared, "ingest", "--queue", "--quiet", "--retry-failed", inputs.toString()));
    assertEquals(1, early.exit(), early.toString());
    assertTrue(early.err().contains("--retry-failed") && early.err().contains("queued or running"), early.err());
    assertEquals(runs, Workers.scalar(schema, "SELECT count(*) FROM runs"), "no run was started");
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM documents WHERE name LIKE '%later.txt'"));
  }

  /** One worker of the extract, analyze and index stages until idle, its child running {@code childMain} (null: the real one). */
  private static void work(Path shared, String childMain) throws Exception {
    work(shared, childMain, Set.of(StageTasks.EXTRACT, StageTasks.ANALYZE, StageTasks.INDEX));
  }

  /**
   * One worker of {@code stages} until idle, one thread, a machine timeout of its own (30 s), its
   * child running {@code childMain} (null: the real one).
   */
  static void work(Path shared, String childMain, Set<String> stages) throws Exception {
    IngestSettings d = IngestSettings.defaults();
    IngestSettings machine = new IngestSettings(d.maxFileSize(), d.limits(), 1, 512, Duration.ofSeconds(30),
        d.maxTextChars(), d.maxIndexChars(), "", d.tesseract(), false);
    try (CaseFolder folder = CaseFolder.open(shared, Clock.systemUTC())) {
      Worker.Options options = new Worker.Options(stages, 1, true, Duration.ofSeconds(30), machine);
      Worker worker = childMain == null ? new Worker(folder, options, m -> { })
          : new Worker(folder, options, m -> { }, childMain);
      worker.run();
    }
  }

  private static String column(String schema, String column, String name) throws Exception {
    return Workers.scalar(schema, "SELECT " + column + " FROM documents WHERE name LIKE '%" + name + "'");
  }
}
