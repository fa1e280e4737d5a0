package org.dossier.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.dossier.core.DocumentId;
import org.dossier.core.IndexDocument;
import org.dossier.core.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node of the cluster stopped: the replicas on the other node serve searches and take upserts;
 * the node started again catches up, each of its replicas holding what the shard's other replica
 * holds. The control: while the node is down its replicas cannot be counted at all, so a check that
 * counted them would fail.
 */
class SolrFaultTest {
  private static final String COLLECTION = "faults";
  private static final long DEADLINE_SECONDS = 90;
  static SolrCluster cluster;
  static SolrLocation location;
  static SolrReplicas replicas;

  @BeforeAll
  static void start() throws Exception {
    cluster = SolrCluster.launch(2);
    location = new SolrLocation(cluster.nodes(), COLLECTION, 2, 2);
    SolrIndex.create(location);
    replicas = new SolrReplicas(cluster, COLLECTION, DEADLINE_SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static IndexDocument doc(int n, String text) {
    String id = String.format(java.util.Locale.ROOT, "%064x", n);
    return new IndexDocument(new DocumentId(id), "memo-" + n + ".txt", List.of("memo-" + n + ".txt"), text, "en",
        "text/plain", "ok", Optional.of(LocalDate.of(2024, 1 + n % 12, 1)), List.of("."), Optional.empty(),
        List.of("txt"), Map.of());
  }

  @Test
  void aStoppedNodesReplicasServeAndItCatchesUpWhenStarted() throws Exception {
    try (SolrIndex index = SolrIndex.openForWriting(location)) {
      for (int i = 0; i < 20; i++) {
        index.upsert(doc(i, "Routine memo " + i + " about the harbour cranes."));
      }
      index.commit();
      assertEquals(20, index.count());
      assertTrue(replicas.sameEverywhere(), "all replicas agree before the fault");

      cluster.stopNode(1);
      replicas.awaitLeadersOn(cluster.nodes().get(0));
      // searches and upserts go to the node that is up
      assertEquals(20, index.search(new SearchRequest("cranes", 50, 0)).total());
      for (int i = 20; i < 30; i++) {
        index.upsert(doc(i, "Urgent memo " + i + " about the tugboat Kestrel."));
      }
      index.commit();
      assertEquals(30, index.count());
      assertEquals(10, index.search(new SearchRequest("Kestrel", 50, 0)).total());
      // control: the stopped node's replicas cannot be counted, so the check below can fail
      Map<String, OptionalLong> down = replicas.replicaCounts();
      assertTrue(down.values().stream().anyMatch(OptionalLong::isEmpty), down::toString);
      assertFalse(replicas.sameEverywhere(down));

      cluster.startNode(1);
      Map<String, OptionalLong> caughtUp = replicas.awaitSameEverywhere();
      assertTrue(replicas.sameEverywhere(caughtUp), caughtUp::toString);
      long total = 0;
      for (Map.Entry<String, OptionalLong> e : caughtUp.entrySet()) {
        if (e.getKey().endsWith("#0")) {
          total += e.getValue().getAsLong();
        }
      }
      assertEquals(30, total, "one replica of each shard counts every document once: " + caughtUp);
      assertEquals(30, index.count());
    }
  }
}
