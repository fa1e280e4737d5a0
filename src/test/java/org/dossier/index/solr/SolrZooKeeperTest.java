package org.dossier.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.dossier.core.CaseLayout;
import org.dossier.core.SearchRequest;
import org.dossier.pipeline.CaseSettings;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init --index solr+zk://...}: a case whose SolrCloud cluster is named by its ZooKeeper
 * ensemble (two nodes, two shards of two replicas) indexes and searches through the live nodes
 * ZooKeeper lists, keeps the ZooKeeper form in its settings, answers with a node stopped, and finds
 * a node that came up after it was opened once the nodes it knew are gone. An ensemble that cannot
 * be reached is refused with nothing created.
 */
class SolrZooKeeperTest {
  private static final String COLLECTION = "zk_case";
  @TempDir static Path dir;
  static SolrCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = SolrCluster.launch(2);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Cli.Result ok(Cli.Result r) {
    return Workers.ok(r);
  }

  private static Cli.Result on(Path caseDir, String... command) {
    return Cli.run(Workers.on(caseDir, command));
  }

  private static long total(Path caseDir, String query) {
    return ok(on(caseDir, "search", "--json", query)).json().get("total").asLong();
  }

  @Test
  void aCaseNamedByZooKeeperIndexesSearchesAndFindsNodesThatCameUpLater() throws Exception {
    Path files = dir.resolve("files");
    Fixtures.text(files.resolve("barge-memo.txt"), "Memo of the Quillfeather Shipping Cooperative: the barge"
        + " Marten Grey left Oster Quay two days late, its manifest unsigned.\n");
    Fixtures.text(files.resolve("dredging-invoice.txt"), "Invoice 112 to the Quillfeather Shipping Cooperative"
        + " for dredging the Oster Quay berth, paid in cash.\n");
    Fixtures.text(files.resolve("bakery-notice.txt"), "The Linden Lane Bakery closes early on Thursday for its"
        + " staff outing.\n");
    Path caseDir = dir.resolve("zk-case");
    String url = cluster.zkIndexUrl(COLLECTION, 2, 2);
    assertTrue(url.startsWith("solr+zk://127.0.0.1:") && url.contains("/solr?"), url); // the cluster's chroot

    var init = ok(on(caseDir, "init", "--json", "--index", url)).json();
    assertEquals("solr", init.get("index").asText());
    assertEquals(url, init.get("index_location").asText());
    // the settings keep ZooKeeper, not the nodes it listed at init
    String settings = Files.readString(caseDir.resolve("case.properties"), StandardCharsets.UTF_8);
    assertTrue(settings.contains("\nindex.url=" + url + "\n"), settings);
    ok(on(caseDir, "ingest", "--quiet", files.toString()));
    assertEquals(2, total(caseDir, "Quillfeather"));
    assertEquals(1, total(caseDir, "\"Linden Lane\""));
    assertEquals(0, total(caseDir, "Kestrel"));
    String status = ok(on(caseDir, "status")).out();
    assertTrue(status.contains("index      " + url), status);

    SolrReplicas replicas = new SolrReplicas(cluster, COLLECTION, 90);
    cluster.stopNode(1);
    replicas.awaitLeadersOn(cluster.nodes().get(0));
    // a command run now is given the node that is up
    assertEquals(2, total(caseDir, "Quillfeather"));

    SolrLocation location = CaseSettings.read(new CaseLayout(caseDir)).orElseThrow().index().orElseThrow();
    try (SolrIndex index = SolrIndex.openForReading(location)) {
      assertEquals(Set.of(), index.listedNodes()); // ZooKeeper is read on the first request
      assertEquals(3, index.count());
      assertEquals(Set.of(cluster.nodes().get(0)), index.listedNodes()); // it lists node 0 alone now
      cluster.startNode(1);
      replicas.awaitSameEverywhere();
      cluster.stopNode(0);
      replicas.awaitLeadersOn(cluster.nodes().get(1));
      // node 0, the one node this index knew, is gone: ZooKeeper is read again and lists node 1
      assertEquals(2, index.search(new SearchRequest("Quillfeather", 10, 0)).total());
      assertEquals(Set.of(cluster.nodes().get(1)), index.listedNodes());
      assertEquals(3, index.count());
    }
  }

  @Test
  void initRefusesAnEnsembleItCannotReachAndLeavesNothing() {
    Path unreachable = dir.resolve("no-zookeeper");
    Cli.Result r = on(unreachable, "init", "--index", "solr+zk://127.0.0.1:1/solr?collection=nowhere");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("cannot reach Solr at solr+zk://127.0.0.1:1/solr"), r::toString);
    assertTrue(r.err().contains("ZooKeeper"), r::toString);
    assertFalse(Files.exists(unreachable));
  }
}
