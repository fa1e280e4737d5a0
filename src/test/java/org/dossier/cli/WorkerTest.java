package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dossier.link.FictionalStories;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.dossier.testing.TestPostgres;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest --queue} and {@code dossier worker}: two worker processes on a case whose store is
 * on PostgreSQL end with the case a plain ingest makes of the same files (documents, statuses,
 * search results, entities, stories and facts), one custody chain that verifies, and each
 * document's effects written once.
 */
class WorkerTest {
  @TempDir Path dir;

  static Cli.Result ok(Cli.Result r) {
    return Workers.ok(r);
  }

  static List<JsonNode> runWorkers(Path caseDir, int n, int leaseSeconds, String... more) throws Exception {
    return Workers.run(caseDir, n, leaseSeconds, more);
  }

  /** An invented corpus: the fictional stories, and files of other formats, a zip with members and a corrupt file. */
  static List<Path> corpus(Path dir) throws Exception {
    FictionalStories.write(dir);
    Path more = Files.createDirectories(dir.resolve("more"));
    Instant when = Instant.parse("2026-02-03T10:00:00Z");
    Fixtures.docx(more.resolve("memo.docx"), "Memo on the Kestrov depot",
        "The depot at Kestrov received 37 vehicles from Ardel Logistics on 12 February 2026.",
        "Ilse Halvorsen signed the delivery note.");
    Fixtures.xlsx(more.resolve("ledger.xlsx"), "Ledger", when,
        new Object[][] {{"item", "count", "unit price", "total"}, {"Vetrov-3 radar", 4, 1200, 4800}});
    Fixtures.pdf(more.resolve("notice.pdf"), "Notice of award",
        "Ardel Logistics is awarded the contract for 45 electric buses, worth 3.2 million euros.");
    Fixtures.zip(more.resolve("bundle.zip"), new LinkedHashMap<>(Map.of(
        "letters/one.txt", Fixtures.utf8("Letter one: the harbour office at Kestrov asked for 12 cranes."),
        "letters/two.txt", Fixtures.utf8("Letter two: Ardel Logistics confirmed 12 cranes for March."),
        "copy-of-memo.txt", Fixtures.utf8("The depot at Kestrov received 37 vehicles."))));
    Fixtures.eml(more.resolve("mail.eml"), Fixtures.email("halvorsen@ardel.example", "desk@ledger.example",
        "Delivery", when, "The 37 vehicles left Kestrov on 14 February 2026."));
    Files.write(more.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R".getBytes(StandardCharsets.US_ASCII));
    Files.write(more.resolve("empty.txt"), new byte[0]);
    // a copy of a member of the zip, met first loose (the inputs are walked in order, and the zip's
    // members only come out once it is extracted): the member's path comes to a known document
    Path annex = Files.createDirectories(dir.resolve("cache/annex"));
    Files.write(annex.resolve("harbour-letter.txt"), Fixtures.utf8("Letter one: the harbour office at Kestrov asked for 12 cranes."));
    return List.of(dir.resolve("press"), dir.resolve("cache"), more);
  }

  @Test
  void twoWorkersMakeTheCaseAPlainIngestMakes() throws Exception {
    String url = TestPostgres.storeUrl();
    List<Path> inputs = corpus(dir);
    String gazetteer = dir.resolve("gazetteer.tsv").toString();
    Path plain = dir.resolve("plain");
    Path shared = dir.resolve("shared");
    List<String> ingest = new ArrayList<>(List.of("--case", plain.toString(), "ingest", "--quiet", "--no-ocr",
        "--gazetteer", gazetteer));
    inputs.forEach(p -> ingest.add(p.toString()));
    ok(Cli.run(ingest.toArray(String[]::new)));
    ok(Cli.run("--case", plain.toString(), "verify", "--json"));

    ok(Cli.run("--case", shared.toString(), "init", "--store", url));
    List<String> queue = new ArrayList<>(List.of("--case", shared.toString(), "ingest", "--queue", "--json",
        "--gazetteer", gazetteer));
    inputs.forEach(p -> queue.add(p.toString()));
    JsonNode queued = ok(Cli.run(queue.toArray(String[]::new))).json();
    assertTrue(queued.get("queued").asLong() >= 10, queued.toString());
    List<JsonNode> summaries = runWorkers(shared, 2, 20);
    assertEquals(1, summaries.stream().filter(s -> s.get("indexer").asBoolean()).count(),
        "one of the two held the index: " + summaries);
    long extracted = summaries.stream().mapToLong(s -> s.path("done").path("extract").asLong()).sum();
    assertTrue(extracted >= 12, "the two extracted the documents between them: " + summaries);

    for (String[] command : new String[][] {{"search", "--json", "Kestrov"}, {"search", "--json", "cranes"},
        {"search", "--json", "Vetrov-3"}, {"search", "--json", "path:*one.txt"}, {"facts", "--json"}, {"entities", "--json"}, {"stories", "--json"}}) {
      JsonNode a = withoutScores(ok(Cli.run(concat(plain, command))).json());
      JsonNode b = withoutScores(ok(Cli.run(concat(shared, command))).json());
      assertEquals(a, b, String.join(" ", command));
    }
    // the member's path, which came to an existing document, is searchable in both
    assertEquals(1, ok(Cli.run(concat(shared, new String[] {"search", "--json", "path:*one.txt"}))).json()
        .get("total").asLong());
    JsonNode statusPlain = ok(Cli.run("--case", plain.toString(), "status", "--json")).json();
    JsonNode statusShared = ok(Cli.run("--case", shared.toString(), "status", "--json")).json();
    JsonNode tasks = statusShared.get("queue").get("tasks");
    assertEquals(0, statusShared.get("queue").get("dead").asLong(), statusShared.toString());
    ((ObjectNode) statusPlain).remove("queue");
    ((ObjectNode) statusShared).remove("queue");
    assertEquals(statusPlain, statusShared);
    assertTrue(statusShared.get("byStatus").has("corrupt") || statusShared.get("byStatus").has("failed"),
        "the broken PDF is a problem: " + statusShared);
    assertTrue(tasks.has("link") && tasks.has("verify") && tasks.has("index"), tasks.toString());
    assertTrue(ok(Cli.run("search", "--json", "cranes", "--case", shared.toString())).json().get("total").asLong() >= 2);

    // one chain, and each document's effects once: one extraction entry per document extracted
    ok(Cli.run("--case", shared.toString(), "custody", "verify"));
    Map<String, Integer> derived = Workers.derives(shared);
    assertTrue(derived.size() >= 12, derived.toString());
    assertTrue(derived.values().stream().allMatch(n -> n == 1), "a document extracted twice: " + derived);
    assertEquals(Workers.derives(plain).keySet(), derived.keySet());
  }

  /**
   * A worker killed with SIGKILL while it holds a task: its lease runs out, another worker takes
   * the task over and finishes the case. The invariant: each document's effects are written once
   * (one row per content hash, one custody extraction entry per document), because they commit
   * only under the task's current lease, and a task taken over finds them written or writes them
   * itself; nothing is lost, nothing is dead, and the chain verifies.
   */
  @Test
  void aWorkerKilledMidTaskLosesItToAnotherThatFinishesTheCase() throws Exception {
    List<Path> inputs = corpus(dir);
    Path shared = dir.resolve("shared");
    String schema = Workers.sharedCase(shared);
    ok(Cli.run("--case", shared.toString(), "ingest", "--queue", "--no-analysis", inputs.get(2).toString()));
    Process killed = new ProcessBuilder(Cli.javaCommand("--case", shared.toString(), "worker", "--threads", "1",
        "--no-ocr", "--lease", "3", "--stages", "extract")).redirectOutput(dir.resolve("killed.out").toFile())
        .redirectError(dir.resolve("killed.err").toFile()).start();
    long attemptsBefore;
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      String held = null;
      while (held == null) { // a poll of the store with a deadline: the worker holds a task
        assertTrue(System.nanoTime() < deadline && killed.isAlive(), "the worker never held a task: "
            + Files.readString(dir.resolve("killed.err")));
        held = Workers.scalar(schema, "SELECT key FROM tasks WHERE state = 'leased' AND lease_owner LIKE '%:" + killed.pid() + "/%'");
        if (held == null) {
          Thread.sleep(20);
        }
      }
      killed.destroyForcibly(); // SIGKILL, mid-task: no hooks, its lease stays in the store
      assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
      attemptsBefore = Long.parseLong(Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state = 'leased'"));
      assertTrue(attemptsBefore >= 1, "the killed worker's lease is left");
    } finally {
      killed.destroyForcibly();
      killed.waitFor(30, TimeUnit.SECONDS);
    }
    List<JsonNode> survivor = runWorkers(shared, 1, 3);
    assertTrue(survivor.get(0).get("indexer").asBoolean());
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state <> 'done'"));
    assertTrue(Long.parseLong(Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE attempts > 1")) >= 1,
        "the killed worker's task was taken over");
    assertEquals(Workers.scalar(schema, "SELECT count(*) FROM documents"), Workers.scalar(schema, "SELECT count(DISTINCT id) FROM documents"));
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM documents WHERE stage <> 'indexed'"));
    ok(Cli.run("--case", shared.toString(), "custody", "verify"));
    Map<String, Integer> derived = Workers.derives(shared);
    assertEquals(Workers.scalar(schema, "SELECT count(*) FROM documents WHERE status NOT IN ('empty', 'too-large')"),
        Integer.toString(derived.size()), derived.toString());
    assertTrue(derived.values().stream().allMatch(n -> n == 1), "a document extracted twice: " + derived);
    assertTrue(ok(Cli.run("--case", shared.toString(), "search", "--json", "cranes")).json().get("total").asLong() >= 2);
  }

  /**
   * A worker asked to stop (SIGTERM, as Ctrl-C or a service manager sends) while it holds a batch
   * of tasks: it finishes the one under way and writes it, gives the others back and ends, leaving
   * no lease to run out; another worker then finishes the case, each document extracted once.
   */
  @Test
  void aWorkerAskedToStopFinishesItsTaskAndGivesTheOthersBack() throws Exception {
    // files that extract well: an extraction that fails while the worker stops is given back, not written
    Path inputs = Files.createDirectories(dir.resolve("notes"));
    for (int i = 0; i < 6; i++) {
      Files.writeString(inputs.resolve("note-" + i + ".txt"), "Note " + i + " on the Kestrov depot: " + (30 + i) + " vehicles.\n");
    }
    Path shared = dir.resolve("shared");
    String schema = Workers.sharedCase(shared);
    ok(Cli.run("--case", shared.toString(), "ingest", "--queue", "--no-analysis", inputs.toString()));
    String queued = Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'extract'");
    assertTrue(Long.parseLong(queued) >= 4, queued);
    Process stopped = new ProcessBuilder(Cli.javaCommand("--case", shared.toString(), "worker", "--threads", "1",
        "--no-ocr", "--lease", "60", "--stages", "extract")).redirectOutput(dir.resolve("stopped.out").toFile())
        .redirectError(dir.resolve("stopped.err").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      // a poll with a deadline: the worker holds its batch and has begun the first task (its
      // extraction child runs)
      while (Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state = 'leased'").equals("0")
          || stopped.descendants().noneMatch(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))) {
        assertTrue(System.nanoTime() < deadline && stopped.isAlive(), "the worker never began a task: "
            + Files.readString(dir.resolve("stopped.err")));
        Thread.sleep(20);
      }
      stopped.destroy(); // SIGTERM, to the worker alone (WorkerStopTest: its child too)
      assertTrue(stopped.waitFor(60, TimeUnit.SECONDS), "the worker did not end");
    } finally {
      stopped.destroyForcibly();
      stopped.waitFor(30, TimeUnit.SECONDS);
    }
    String err = Files.readString(dir.resolve("stopped.err"));
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state = 'leased'"),
        "a lease left to run out: " + err);
    assertTrue(err.contains("asked to stop"), err);
    assertTrue(Long.parseLong(Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state = 'done'")) >= 1,
        "the task under way was finished: " + err + Workers.scalar(schema,
            "SELECT string_agg(key || ' ' || state || ' ' || attempts || ' ' || coalesce(last_error, ''), ' | ') FROM tasks"));
    assertTrue(Long.parseLong(Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'extract'"
        + " AND state = 'queued'")) >= 1, "the tasks not begun were given back");
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE last_error IS NOT NULL"),
        "given back, not failed");
    assertEquals("stopped", Workers.scalar(schema, "SELECT outcome FROM runs WHERE command = 'worker'"));

    runWorkers(shared, 1, 3);
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state <> 'done'"));
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE last_error LIKE '%ran out%'"),
        "no task was taken over from a lease that ran out");
    ok(Cli.run("--case", shared.toString(), "custody", "verify"));
    Map<String, Integer> derived = Workers.derives(shared);
    assertTrue(derived.values().stream().allMatch(n -> n == 1), "a document extracted twice: " + derived);
  }

  /**
   * PostgreSQL stopped and started again (same port, same data folder) while two workers run:
   * they find their connections lost, open them again and finish the case; nothing is dead or
   * lost, and the chain verifies.
   */
  @Test
  void workersCarryOnWhenPostgresqlRestartsUnderThem() throws Exception {
    Path data = dir.resolve("pgdata");
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg;
    try {
      pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(data)
          .setCleanDataDirectory(false).start();
    } catch (Exception e) {
      org.junit.jupiter.api.Assumptions.abort("PostgreSQL could not start here (" + e + ")");
      return;
    }
    int port = pg.getPort();
    List<Process> workers = new ArrayList<>();
    try {
      List<Path> inputs = corpus(dir);
      Path shared = dir.resolve("shared");
      JsonNode init = ok(Cli.run("--case", shared.toString(), "init", "--json", "--store",
          "postgresql://localhost:" + port + "/postgres?user=postgres")).json();
      String schema = "dossier_" + init.get("id").asText();
      ok(Cli.run("--case", shared.toString(), "ingest", "--queue", "--no-analysis", inputs.get(2).toString()));
      for (int i = 0; i < 2; i++) {
        workers.add(new ProcessBuilder(Cli.javaCommand("--case", shared.toString(), "worker", "--until-idle", "--json",
            "--threads", "1", "--no-ocr", "--lease", "30")).redirectOutput(dir.resolve("restart-" + i + ".out").toFile())
            .redirectError(dir.resolve("restart-" + i + ".err").toFile()).start());
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (Long.parseLong(Workers.scalar(port, schema, "SELECT count(*) FROM tasks WHERE state = 'done'")) < 2) {
        assertTrue(System.nanoTime() < deadline, "the workers did no task");
        Thread.sleep(50); // a poll of the store with a deadline
      }
      pg.close(); // the server goes away under the running workers ...
      pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
          .setCleanDataDirectory(false).start(); // ... and comes back on the same port and data
      for (int i = 0; i < 2; i++) {
        assertTrue(workers.get(i).waitFor(5, TimeUnit.MINUTES), "worker " + i + " did not finish");
        assertEquals(0, workers.get(i).exitValue(), Files.readString(dir.resolve("restart-" + i + ".err")));
      }
      assertEquals("0", Workers.scalar(port, schema, "SELECT count(*) FROM tasks WHERE state <> 'done'"));
      assertEquals("0", Workers.scalar(port, schema, "SELECT count(*) FROM documents WHERE stage <> 'indexed'"));
      ok(Cli.run("--case", shared.toString(), "custody", "verify"));
      assertTrue(ok(Cli.run("--case", shared.toString(), "search", "--json", "cranes")).json().get("total").asLong() >= 2);
    } finally {
      for (Process p : workers) {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
      pg.close();
    }
  }

  /**
   * A gazetteer added to a worked case makes every document's analysis pending again: queued again,
   * the workers analyse and index each one anew (a task key done before would never be queued).
   */
  @Test
  void aChangedGazetteerIsAppliedByTheWorkers() throws Exception {
    Path in = Files.createDirectories(dir.resolve("depot"));
    Files.writeString(in.resolve("note.txt"), "The Orsk depot took delivery of 6 Tarnwell-9 tractors on 3 May 2026.");
    Files.writeString(in.resolve("other.txt"), "The Orsk depot has a new gate.");
    Path c = dir.resolve("regazetteered");
    ok(Cli.run("--case", c.toString(), "init", "--store", TestPostgres.storeUrl()));
    ok(Cli.run("--case", c.toString(), "ingest", "--queue", in.toString()));
    runWorkers(c, 1, 20);
    JsonNode before = ok(Cli.run("--case", c.toString(), "search", "--json", "tractors")).json();
    assertTrue(before.path("facets").path("equipment").isMissingNode(), before.toString());
    Path g = dir.resolve("machines.tsv");
    Files.writeString(g, "equipment\tTarnwell-9\tTarnwell 9|farm tractor\n");
    JsonNode queued = ok(Cli.run("--case", c.toString(), "ingest", "--queue", "--json", "--gazetteer", g.toString(),
        in.toString())).json();
    assertTrue(queued.get("queued").asLong() >= 2, "every document is analysed again: " + queued);
    runWorkers(c, 1, 20);
    JsonNode status = ok(Cli.run("--case", c.toString(), "status", "--json")).json();
    assertEquals(0, status.get("queue").get("dead").asLong(), status::toString);
    assertEquals(2, status.get("indexed").asLong(), status::toString);
    JsonNode after = ok(Cli.run("--case", c.toString(), "search", "--json", "tractors")).json();
    assertEquals(1, after.path("facets").path("equipment").path("Tarnwell-9").asLong(), after.toString());
  }

  @Test
  void aSqliteCaseHasNoWorkers() throws Exception {
    Path lite = dir.resolve("lite");
    ok(Cli.run("--case", lite.toString(), "init"));
    Cli.Result r = Cli.run("--case", lite.toString(), "worker", "--until-idle");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("PostgreSQL"), r.err());
    Files.writeString(dir.resolve("a.txt"), "A note.");
    Cli.Result q = Cli.run("--case", lite.toString(), "ingest", "--queue", dir.resolve("a.txt").toString());
    assertEquals(1, q.exit(), q::toString);
  }

  /**
   * A search's hits without their scores: a document indexed again (a new path, its analysis in)
   * leaves a deleted entry that counts in the index's statistics until segments merge, and the two
   * modes index again at different times. The order of the hits is compared.
   */
  static JsonNode withoutScores(JsonNode result) {
    JsonNode copy = result.deepCopy();
    if (copy.has("hits")) {
      copy.get("hits").forEach(h -> ((ObjectNode) h).remove("score"));
    }
    return copy;
  }

  static String[] concat(Path caseDir, String[] command) {
    return Workers.on(caseDir, command);
  }
}
