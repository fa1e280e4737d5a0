package org.dossier.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dossier.link.FictionalStories;
import org.dossier.serve.Workbench;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init --index solr://...}: the case keeps its index in a collection of its own on SolrCloud
 * (two nodes, two shards of two replicas), and search, status, the workbench's API and saved
 * searches answer as they do on the same files in a case with its Lucene index; a server that cannot be reached is refused
 * with nothing created.
 */
class SolrCaseTest {
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

  private static Cli.Result ok(Cli.Result r) {
    assertEquals(0, r.exit(), r::toString);
    return r;
  }

  private static Cli.Result on(Path caseDir, String... command) {
    String[] all = new String[command.length + 2];
    all[0] = "--case";
    all[1] = caseDir.toString();
    System.arraycopy(command, 0, all, 2, command.length);
    return Cli.run(all);
  }

  @Test
  void aCaseOnSolrAnswersAsTheSameCaseWithItsLuceneIndex() throws Exception {
    Path solr = dir.resolve("solr-case");
    Path lucene = dir.resolve("lucene-case");
    JsonNode init = ok(on(solr, "init", "--json", "--index", cluster.indexUrl("stories", 2, 2))).json();
    assertEquals("solr", init.get("index").asText());
    assertTrue(Files.readString(dir.resolve("solr-case/case.properties")).contains("index.url=solr://"));
    for (Path c : new Path[] {solr, lucene}) { // the index is not named again
      ok(on(c, "ingest", "--quiet", "--gazetteer", dir.resolve("gazetteer.tsv").toString(),
          dir.resolve("press").toString(), dir.resolve("cache").toString()));
    }
    assertFalse(Files.exists(solr.resolve("index")), "the index is on Solr, not in the folder");
    assertTrue(Files.exists(lucene.resolve("index")));

    int compared = 0;
    for (String query : new String[] {"Vetrov-3", "\"Harbour Ledger\"", "Sokol-7M", "radar*", "storm OR radar",
        "lang:ru", "date:[2020 TO 2030]", "NOT radar"}) {
      JsonNode s = ok(on(solr, "search", "--json", "--limit", "50", query)).json();
      JsonNode l = ok(on(lucene, "search", "--json", "--limit", "50", query)).json();
      assertEquals(l.get("total"), s.get("total"), query);
      assertEquals(hits(l), hits(s), query);
      assertEquals(l.get("facets"), s.get("facets"), query);
      compared += l.get("total").asInt() > 0 ? 1 : 0;
    }
    assertTrue(compared >= 5, "most queries have hits: " + compared);
    JsonNode status = ok(on(solr, "status", "--json")).json();
    assertEquals(ok(on(lucene, "status", "--json")).json().get("indexed"), status.get("indexed"));
    assertTrue(status.get("indexed").asLong() >= 7, status::toString);
    // the status says where each case's index lives
    String said = ok(on(solr, "status")).out();
    assertTrue(said.contains("index      solr://"), said);
    String embedded = ok(on(lucene, "status")).out();
    assertTrue(embedded.contains("index      Lucene, " + lucene.toAbsolutePath().normalize().resolve("index")), embedded);

    // the workbench serves both cases, and its API searches each case's own index
    try (Workbench bench = Workbench.start(List.of(solr, lucene), "127.0.0.1", 0, "ines")) {
      for (String query : new String[] {"Vetrov-3", "radar* OR storm"}) {
        JsonNode s = served(bench, "solr-case", query);
        JsonNode l = served(bench, "lucene-case", query);
        assertTrue(s.get("total").asLong() > 0, query);
        assertEquals(l.get("total"), s.get("total"), query);
        assertEquals(hits(l), hits(s), query);
        assertEquals(l.get("facets"), s.get("facets"), query);
      }
    }

    // saved searches and their alerts: a later ingest's matching document is new
    ok(on(solr, "saved", "add", "--user", "ines", "radars", "Sokol-7M"));
    long before = saved(solr).get("total").asLong();
    assertTrue(before >= 1);
    Path more = dir.resolve("more");
    Files.createDirectories(more);
    Files.writeString(more.resolve("radar-invoice.txt"), "Invoice 7: two Sokol-7M coastal radars, spare parts.\n");
    Files.writeString(more.resolve("canteen-menu.txt"), "Canteen menu for the week: fish soup, bread, tea.\n");
    ok(on(solr, "ingest", "--quiet", more.toString()));
    JsonNode radars = saved(solr);
    assertEquals(before + 1, radars.get("total").asLong());
    assertEquals(1, radars.get("new").asLong(), radars::toString);
    // control: the Lucene case was not given the new files, and its answer differs now
    assertNotEquals(ok(on(lucene, "search", "--json", "Sokol-7M")).json().get("total"),
        ok(on(solr, "search", "--json", "Sokol-7M")).json().get("total"));
  }

  @Test
  void initRefusesAServerItCannotReachAndLeavesNothing() {
    Path unreachable = dir.resolve("unreachable");
    Cli.Result r = on(unreachable, "init", "--index", "solr://127.0.0.1:1/solr?collection=nowhere");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("cannot reach Solr"), r::toString);
    assertFalse(Files.exists(unreachable));
    // and a URL that is not one is a usage error
    assertEquals(2, on(dir.resolve("bad"), "init", "--index", "solr://host:port:x/solr").exit());
    assertFalse(Files.exists(dir.resolve("bad")));
  }

  private static JsonNode served(Workbench bench, String key, String query) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + bench.port() + "/api/v1/cases/" + key + "/search?limit=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return new ObjectMapper().readTree(r.body());
  }

  private static JsonNode saved(Path caseDir) {
    for (JsonNode s : on(caseDir, "saved", "--json", "--user", "ines").json().get("saved")) {
      if (s.get("name").asText().equals("radars")) {
        return s;
      }
    }
    throw new AssertionError("no saved search radars");
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
