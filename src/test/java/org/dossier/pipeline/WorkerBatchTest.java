package org.dossier.pipeline;

import static org.dossier.testing.Workers.ok;
import static org.dossier.testing.Workers.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dossier.testing.Cli;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker's thread claims several document tasks at once and writes their effects, follow-on
 * tasks and completions in one transaction per batch: on a case of twelve files, far fewer
 * transactions than tasks, and far fewer takings of the custody lock than extractions; still every
 * document extracted once, every task done, one chain that verifies.
 */
class WorkerBatchTest {
  private static final int FILES = 12;

  @TempDir Path dir;

  @Test
  void aThreadsDocumentTasksAreWrittenInOneTransactionPerBatch() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(inputs.resolve(String.format(Locale.ROOT, "note-%02d.txt", i)),
          "Note " + i + " of the Varnholt depot: " + (10 + i) + " pallets left for Osterby on " + (i + 1) + " May.\n");
    }
    Path shared = dir.resolve("shared");
    String schema = Workers.sharedCase(shared);
    ok(Cli.run(on(shared, "ingest", "--queue", "--quiet", inputs.toString())));

    Worker.Summary summary;
    IngestSettings d = IngestSettings.defaults();
    IngestSettings machine = new IngestSettings(d.maxFileSize(), d.limits(), 1, 512, Duration.ofSeconds(60),
        d.maxTextChars(), d.maxIndexChars(), "", d.tesseract(), false);
    try (CaseFolder folder = CaseFolder.open(shared, Clock.systemUTC())) {
      summary = new Worker(folder, new Worker.Options(Set.of(StageTasks.EXTRACT, StageTasks.ANALYZE, StageTasks.INDEX),
          1, true, Duration.ofSeconds(60), machine), m -> { }).run();
    }
    Map<String, Long> done = summary.done();
    assertEquals(FILES, done.get(StageTasks.EXTRACT), done.toString());
    assertEquals(FILES, done.get(StageTasks.ANALYZE), done.toString());
    long transactions = summary.timings().get("record").count();
    long locked = summary.timings().get("custodyHeld").count();
    // batches of up to Worker.DOCUMENT_BATCH (3 and 2 here on a calm machine; more where a
    // loaded one makes a batch's first done task wait past its 2 s): one at a time, 24 and 12
    assertTrue(transactions < 2 * FILES, "transactions for " + 2 * FILES + " tasks: " + transactions);
    assertTrue(locked < FILES, "custody lock taken for " + FILES + " extractions: " + locked);
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind IN ('extract', 'analyze', 'index')"
        + " AND state <> 'done'"));
    assertEquals(String.valueOf(FILES), Workers.scalar(schema, "SELECT count(*) FROM documents WHERE stage = 'indexed'"));
    Map<String, Integer> derived = Workers.derives(shared);
    assertEquals(FILES, derived.size(), derived.toString());
    assertTrue(derived.values().stream().allMatch(n -> n == 1), "a document extracted twice: " + derived);
    ok(Cli.run(on(shared, "custody", "verify")));
  }

  /**
   * A batch whose transaction fails after its custody entries were appended (here the anchor's
   * write refused once) is written again task by task without appending those entries again:
   * each document's extraction is in the log once, and every task done at its first attempt.
   */
  @Test
  void aBatchWrittenAgainTaskByTaskAppendsItsEntriesOnce() throws Exception {
    Path shared = dir.resolve("shared");
    String schema = queued(shared, "a.txt", "b.txt", "c.txt", "d.txt");
    Workers.update(schema, "CREATE SEQUENCE refuse_once");
    // the worker's own start writes the anchor first (1); its first batch's anchor is refused (2)
    Workers.onCustodyAnchor(schema, "refuse_anchor",
        "IF nextval('refuse_once') = 2 THEN RAISE EXCEPTION 'an anchor refused'; END IF;");
    extractUntilIdle(shared);
    assertTrue(Long.parseLong(Workers.scalar(schema, "SELECT last_value FROM refuse_once")) > 2, "the anchor was refused once");
    assertEquals("4", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'extract' AND state = 'done'"
        + " AND attempts = 1 AND last_error IS NULL"));
    Map<String, Integer> derived = Workers.derives(shared);
    assertEquals(4, derived.size(), derived.toString());
    assertTrue(derived.values().stream().allMatch(n -> n == 1), "an extraction appended twice: " + derived);
    ok(Cli.run(on(shared, "custody", "verify")));
  }

  /**
   * A task whose writes fail (here a row the server refuses) fails alone: its batch is written
   * again task by task, so its batch-mates are written at their first attempt, and it alone uses
   * its attempts and ends dead with its error.
   */
  @Test
  void aTaskWhoseWritesFailFailsAloneNotItsBatch() throws Exception {
    Path shared = dir.resolve("shared");
    String schema = queued(shared, "a.txt", "b.txt", "c-poison.txt", "d.txt", "e.txt");
    Workers.update(schema, "CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " IF NEW.name LIKE '%poison%' AND NEW.stage <> OLD.stage THEN RAISE EXCEPTION 'a poisoned row';"
        + " END IF; RETURN NEW; END $$");
    Workers.update(schema, "CREATE TRIGGER poison BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
    extractUntilIdle(shared);
    assertEquals("4", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'extract' AND state = 'done'"
        + " AND attempts = 1 AND last_error IS NULL"), "the batch-mates, at their first attempt");
    assertEquals("dead", Workers.scalar(schema, "SELECT state FROM tasks WHERE kind = 'extract' AND state <> 'done'"));
    assertTrue(Workers.scalar(schema, "SELECT last_error FROM tasks WHERE state = 'dead'").contains("a poisoned row"));
  }

  /** Ledgers of these names, queued to be extracted in a new case on the test server; its schema. */
  private String queued(Path shared, String... names) throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    for (String n : names) {
      Files.writeString(inputs.resolve(n), "Ledger " + n + " of the Varnholt depot: 12 pallets.\n");
    }
    String schema = Workers.sharedCase(shared);
    ok(Cli.run(on(shared, "ingest", "--queue", "--quiet", "--no-analysis", inputs.toString())));
    return schema;
  }

  /** One worker of one thread extracts until no task is left. */
  private static void extractUntilIdle(Path shared) throws Exception {
    IngestSettings d = IngestSettings.defaults();
    IngestSettings machine = new IngestSettings(d.maxFileSize(), d.limits(), 1, 512, Duration.ofSeconds(60),
        d.maxTextChars(), d.maxIndexChars(), "", d.tesseract(), false);
    try (CaseFolder folder = CaseFolder.open(shared, Clock.systemUTC())) {
      new Worker(folder, new Worker.Options(Set.of(StageTasks.EXTRACT), 1, true, Duration.ofSeconds(60), machine),
          m -> { }).run();
    }
  }
}
