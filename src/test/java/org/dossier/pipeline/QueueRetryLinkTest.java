package org.dossier.pipeline;

import static org.dossier.testing.Workers.ok;
import static org.dossier.testing.Workers.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.dossier.testing.Cli;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code queue retry} of a dead analysis: once the document is analysed at last, the workers link
 * the case again, so that its claims reach the findings; a retry that queues nothing does not.
 */
class QueueRetryLinkTest {
  @TempDir Path dir;

  @Test
  void aDeadAnalysisRetriedIsLinkedOnceItIsDone() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    Files.writeString(inputs.resolve("poison-memo.txt"), "The Vellmar port board bought 12 cranes in May 2031.\n");
    Files.writeString(inputs.resolve("ledger.txt"), "The Orska depot ledger lists 40 vehicles.\n");
    Path shared = dir.resolve("shared");
    String schema = Workers.sharedCase(shared);
    ok(Cli.run(on(shared, "ingest", "--queue", "--quiet", inputs.toString())));
    // the store refuses the memo's analysis until the trigger is dropped: its task dies
    Workers.update(schema, "CREATE FUNCTION refuse_memo() RETURNS trigger AS $$ BEGIN"
        + " IF NEW.name LIKE '%poison%' AND NEW.analysis <> OLD.analysis THEN RAISE EXCEPTION 'a refused analysis';"
        + " END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
    Workers.update(schema, "CREATE TRIGGER refuse_memo BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION refuse_memo()");
    work(shared);
    assertEquals("1", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'analyze' AND state = 'dead'"));
    assertEquals("pending", column(schema, "poison-memo.txt"));
    assertEquals("1", links(schema), "the case was linked without the memo");

    // control: a retry that queues nothing (no extraction is dead) links nothing again
    assertEquals(0, ok(Cli.run(on(shared, "queue", "retry", "--kind", "extract", "--json"))).json().get("queued").asInt());
    work(shared);
    assertEquals("1", links(schema));

    Workers.update(schema, "DROP TRIGGER refuse_memo ON documents");
    ok(Cli.run(on(shared, "queue", "retry", "--kind", "analyze")));
    work(shared);
    assertNotEquals("pending", column(schema, "poison-memo.txt"));
    assertEquals("2", links(schema), "linked again once the memo was analysed");
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state <> 'done'"
        + " AND kind NOT LIKE 'verify%'"), "the rest done (the verify stage's tasks wait for a worker of it)");
  }

  /** Link tasks done: the rounds the workers linked the case in. */
  private static String links(String schema) throws Exception {
    return Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'link' AND state = 'done'");
  }

  /** One worker of the document stages and the link stage, until idle. */
  private static void work(Path shared) throws Exception {
    QueuedRetryTest.work(shared, null, Set.of(StageTasks.EXTRACT, StageTasks.ANALYZE, StageTasks.INDEX, StageTasks.LINK));
  }

  private static String column(String schema, String name) throws Exception {
    return Workers.scalar(schema, "SELECT analysis FROM documents WHERE name LIKE '%" + name + "'");
  }
}
