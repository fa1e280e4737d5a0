package org.dossier.index.solr;

import static org.dossier.testing.Workers.ok;
import static org.dossier.testing.Workers.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dossier.link.FictionalStories;
import org.dossier.testing.Cli;
import org.dossier.testing.TestPostgres;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two worker processes on a case whose store is on PostgreSQL and whose index is on SolrCloud
 * (two nodes, two shards of two replicas): every worker opens the collection and takes index tasks,
 * and the case finds what the same files ingested into an embedded case find.
 */
class SolrWorkersTest {
  private static final String[] QUERIES = {"Vetrov-3", "\"Harbour Ledger\"", "Sokol-7M", "radar*", "storm OR radar",
      "lang:ru", "date:[2020 TO 2030]", "NOT radar"};
  @TempDir static Path dir;
  static SolrCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = SolrCluster.launch(2);
    FictionalStories.write(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void twoWorkersOnASolrCaseFindWhatAnEmbeddedCaseFinds() throws Exception {
    String gazetteer = dir.resolve("gazetteer.tsv").toString();
    String press = dir.resolve("press").toString();
    String cache = dir.resolve("cache").toString();
    Path embedded = dir.resolve("embedded");
    Path solr = dir.resolve("solr");
    ok(Cli.run(on(embedded, "ingest", "--quiet", "--no-ocr", "--gazetteer", gazetteer, press, cache)));
    ok(Cli.run(on(solr, "init", "--store", TestPostgres.storeUrl(), "--index", cluster.indexUrl("workers", 2, 2))));
    ok(Cli.run(on(solr, "ingest", "--queue", "--gazetteer", gazetteer, press, cache)));
    List<JsonNode> summaries = Workers.run(solr, 2, 30);
    for (JsonNode s : summaries) {
      assertTrue(s.get("indexer").asBoolean(), "every worker takes index tasks on Solr: " + summaries);
    }
    long documents = ok(Cli.run(on(embedded, "status", "--json"))).json().get("documents").asLong();
    assertEquals(documents, summaries.stream().mapToLong(s -> s.path("done").path("index").asLong()).sum(),
        "each document indexed once, by one worker or the other: " + summaries);
    JsonNode status = ok(Cli.run(on(solr, "status", "--json"))).json();
    assertEquals(documents, status.get("indexed").asLong(), status::toString);
    assertEquals(0, status.get("queue").get("dead").asLong(), status::toString);

    int compared = 0;
    for (String query : QUERIES) {
      JsonNode s = ok(Cli.run(on(solr, "search", "--json", "--limit", "50", query))).json();
      JsonNode l = ok(Cli.run(on(embedded, "search", "--json", "--limit", "50", query))).json();
      assertEquals(l.get("total"), s.get("total"), query);
      assertEquals(hits(l), hits(s), query);
      assertEquals(l.get("facets"), s.get("facets"), query);
      compared += l.get("total").asInt() > 0 ? 1 : 0;
    }
    assertTrue(compared >= 5, "most queries have hits: " + compared);

    // control: one document deleted from the collection behind the case's back is missed
    JsonNode before = ok(Cli.run(on(embedded, "search", "--json", "--limit", "50", "Vetrov-3"))).json();
    String id = before.get("hits").get(0).get("id").asText();
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(cluster.nodes().get(0) + "/workers/update?commit=true"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"delete\":{\"id\":\"" + id + "\"}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    JsonNode after = ok(Cli.run(on(solr, "search", "--json", "--limit", "50", "Vetrov-3"))).json();
    assertNotEquals(hits(before), hits(after));
  }

  /**
   * A node stopped while two workers index: their index tasks go to the node that is up (or fail
   * and are claimed again); at the end every document is indexed, nothing is dead, the searches
   * agree with the embedded case's, and once the node is back its replicas hold what the others do.
   */
  @Test
  void aSolrNodeStoppedWhileWorkersIndexLosesNothing() throws Exception {
    String gazetteer = dir.resolve("gazetteer.tsv").toString();
    String press = dir.resolve("press").toString();
    String cache = dir.resolve("cache").toString();
    Path embedded = dir.resolve("embedded-fault");
    Path solr = dir.resolve("solr-fault");
    ok(Cli.run(on(embedded, "ingest", "--quiet", "--no-ocr", "--gazetteer", gazetteer, press, cache)));
    JsonNode init = ok(Cli.run(on(solr, "init", "--json", "--store", TestPostgres.storeUrl(), "--index",
        cluster.indexUrl("faultworkers", 2, 2)))).json();
    String schema = "dossier_" + init.get("id").asText();
    ok(Cli.run(on(solr, "ingest", "--queue", "--gazetteer", gazetteer, press, cache)));
    SolrReplicas replicas = new SolrReplicas(cluster, "faultworkers", 120);
    List<Process> workers = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        workers.add(Workers.start(solr, i, 30));
      }
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
      while (Long.parseLong(Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state = 'done'")) < 3) {
        assertTrue(System.nanoTime() < deadline, "the workers did no task");
        Thread.sleep(50); // a poll of the store with a deadline
      }
      cluster.stopNode(1); // under the running workers, their index tasks still to come
      List<JsonNode> summaries = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        summaries.add(Workers.finish(solr, i, workers.get(i)));
      }
      cluster.startNode(1);
      JsonNode status = ok(Cli.run(on(solr, "status", "--json"))).json();
      long documents = ok(Cli.run(on(embedded, "status", "--json"))).json().get("documents").asLong();
      assertEquals(documents, status.get("indexed").asLong(), status::toString);
      assertEquals(0, status.get("queue").get("dead").asLong(), status::toString);
      assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state <> 'done'"));
      for (String query : QUERIES) {
        JsonNode s = ok(Cli.run(on(solr, "search", "--json", "--limit", "50", query))).json();
        JsonNode l = ok(Cli.run(on(embedded, "search", "--json", "--limit", "50", query))).json();
        assertEquals(l.get("total"), s.get("total"), query);
        assertEquals(hits(l), hits(s), query);
      }
      Map<String, java.util.OptionalLong> counts = replicas.awaitSameEverywhere();
      assertTrue(replicas.sameEverywhere(counts), counts::toString);
      long total = counts.entrySet().stream().filter(e -> e.getKey().endsWith("#0"))
          .mapToLong(e -> e.getValue().getAsLong()).sum();
      assertEquals(documents, total, "one replica of each shard counts every document once: " + counts);
    } finally {
      for (Process p : workers) {
        p.destroyForcibly();
        p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    }
  }

  /** Each hit's snippets by its document id. */
  private static Map<String, JsonNode> hits(JsonNode result) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode h : result.get("hits")) {
      out.put(h.get("id").asText(), h.get("snippets"));
    }
    return out;
  }
}
