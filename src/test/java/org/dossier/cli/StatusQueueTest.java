package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dossier.store.CaseStore;
import org.dossier.store.TaskQueue;
import org.dossier.store.TaskQueue.NewTask;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dossier status} shows the work queue of a case that has one: tasks by kind and state,
 * and the dead ones with their last errors (an error, like a file name, may carry escape
 * sequences: printed as escapes); a case without tasks says nothing of a queue.
 */
class StatusQueueTest {
  @TempDir Path dir;

  @Test
  void statusShowsTheQueueAndItsDeadTasks() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("memo.txt"), "The Velmar memo lists 12 patrol boats.", StandardCharsets.UTF_8);
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("--case", c.toString(), "ingest", "--no-analysis", "--quiet", in.toString()).exit());
    Cli.Result before = Cli.run("--case", c.toString(), "status");
    assertFalse(before.out().contains("queue"), before.out());
    assertEquals(0, Cli.run("--case", c.toString(), "status", "--json").json().get("queue").get("tasks").size());

    int dead = StatusCommand.DEAD_SHOWN + 2;
    try (CaseStore store = CaseStore.open(c.resolve("dossier.db"), Clock.systemUTC())) {
      TaskQueue q = store.tasks();
      List<NewTask> tasks = new ArrayList<>();
      for (int i = 0; i < dead; i++) {
        tasks.add(new NewTask("extract", String.format(java.util.Locale.ROOT, "doc%02d", i), "", 1));
      }
      tasks.add(new NewTask("extract", "waiting", ""));
      tasks.add(new NewTask("analyze", "waiting", ""));
      q.enqueue(tasks);
      for (TaskQueue.Lease l : q.claim("host-1:42", List.of("extract"), dead, Duration.ofMinutes(5))) {
        q.fail(l, "parser gave up on " + l.key() + " \u001b]0;owned\u0007");
      }
    }

    Cli.Result r = Cli.run("--case", c.toString(), "status");
    assertEquals(0, r.exit(), r.toString());
    String out = r.out();
    assertTrue(out.contains("analyze          queued 1"), out);
    assertTrue(out.contains("extract          queued 1, dead " + dead), out);
    assertTrue(out.contains("dead tasks (" + dead + ")"), out);
    assertTrue(out.contains("extract doc00, 1 attempts, last by host-1:42"), out);
    assertTrue(out.contains("-> parser gave up on doc00"), out);
    assertFalse(out.contains("doc" + StatusCommand.DEAD_SHOWN + ","), "only the first are listed: " + out);
    assertTrue(out.contains("... and 2 more"), out);
    assertFalse(out.chars().anyMatch(ch -> SafeWriter.unsafe((char) ch)), out);

    JsonNode queue = Cli.run("--case", c.toString(), "status", "--json").json().get("queue");
    assertEquals(1, queue.get("tasks").get("analyze").get("queued").asLong());
    assertEquals(dead, queue.get("tasks").get("extract").get("dead").asLong());
    assertEquals(dead, queue.get("dead").asLong());
    assertEquals(StatusCommand.DEAD_SHOWN, queue.get("deadTasks").size());
    JsonNode first = queue.get("deadTasks").get(0);
    assertEquals("doc00", first.get("key").asText());
    assertEquals("parser gave up on doc00 \u001b]0;owned\u0007", first.get("lastError").asText(), "JSON keeps the data");
  }

  @Test
  void queueRetryQueuesTheDeadTasksAgainOfOneKindOrAll() throws Exception {
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("--case", c.toString(), "init").exit());
    try (CaseStore store = CaseStore.open(c.resolve("dossier.db"), Clock.systemUTC())) {
      TaskQueue q = store.tasks();
      q.enqueue(List.of(new NewTask("extract", "a", "", 1), new NewTask("extract", "b", "", 1),
          new NewTask("analyze", "a", "", 1)));
      for (TaskQueue.Lease l : q.claim("host-1:42", List.of("extract", "analyze"), 3, Duration.ofMinutes(5))) {
        q.fail(l, "gave up on " + l.key());
      }
    }
    Cli.Result r = Cli.run("--case", c.toString(), "queue", "retry", "--kind", "extract", "--json");
    assertEquals(0, r.exit(), r.toString());
    assertEquals(2, r.json().get("queued").asLong());
    JsonNode tasks = Cli.run("--case", c.toString(), "status", "--json").json().get("queue").get("tasks");
    assertEquals(2, tasks.get("extract").get("queued").asLong(), tasks.toString());
    assertEquals(1, tasks.get("analyze").get("dead").asLong(), "another kind's dead task stays dead: " + tasks);
    try (CaseStore store = CaseStore.open(c.resolve("dossier.db"), Clock.systemUTC())) {
      List<TaskQueue.Lease> again = store.tasks().claim("host-2:7", List.of("extract"), 5, Duration.ofMinutes(5));
      assertEquals(List.of("a", "b"), again.stream().map(TaskQueue.Lease::key).toList());
      assertEquals(1, again.get(0).attempt(), "its attempts count from none again");
    }
    Cli.Result all = Cli.run("--case", c.toString(), "queue", "retry");
    assertEquals(0, all.exit(), all.toString());
    assertTrue(all.out().contains("Queued 1 dead task again"), all.out());
    assertEquals(0, Cli.run("--case", c.toString(), "status", "--json").json().get("queue").get("dead").asLong());
  }
}
