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

  @BeforeAll
  static void start() throws Exception {
    cluster = SolrCluster.launch(2);
    location = new SolrLocation(cluster.nodes(), COLLECTION, 2, 2);
    SolrIndex.create(location);
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
      assertTrue(sameEverywhere(), "all replicas agree before the fault");

      cluster.stopNode(1);
      awaitLeadersOn(cluster.nodes().get(0));
      // searches and upserts go to the node that is up
      assertEquals(20, index.search(new SearchRequest("cranes", 50, 0)).total());
      for (int i = 20; i < 30; i++) {
        index.upsert(doc(i, "Urgent memo " + i + " about the tugboat Kestrel."));
      }
      index.commit();
      assertEquals(30, index.count());
      assertEquals(10, index.search(new SearchRequest("Kestrel", 50, 0)).total());
      // control: the stopped node's replicas cannot be counted, so the check below can fail
      Map<String, OptionalLong> down = replicaCounts();
      assertTrue(down.values().stream().anyMatch(OptionalLong::isEmpty), down::toString);
      assertFalse(sameEverywhere(down));

      cluster.startNode(1);
      Map<String, OptionalLong> caughtUp = awaitSameEverywhere();
      assertTrue(sameEverywhere(caughtUp), caughtUp::toString);
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

  /** Whether every shard's replicas can all be counted and count the same. */
  private static boolean sameEverywhere() throws Exception {
    return sameEverywhere(replicaCounts());
  }

  private static boolean sameEverywhere(Map<String, OptionalLong> counts) {
    Map<String, OptionalLong> first = new TreeMap<>();
    for (Map.Entry<String, OptionalLong> e : counts.entrySet()) {
      if (e.getValue().isEmpty()) {
        return false;
      }
      String shard = e.getKey().substring(0, e.getKey().indexOf('#'));
      OptionalLong seen = first.putIfAbsent(shard, e.getValue());
      if (seen != null && seen.getAsLong() != e.getValue().getAsLong()) {
        return false;
      }
    }
    return !counts.isEmpty();
  }

  private static Map<String, OptionalLong> awaitSameEverywhere() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    Map<String, OptionalLong> counts = replicaCounts();
    while (!(allActive() && sameEverywhere(counts)) && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // between polls
      counts = replicaCounts();
    }
    return counts;
  }

  /**
   * Each replica's own count ({@code distrib=false}: its core alone), as {@code shardN#I}; empty
   * where the replica cannot be asked.
   */
  private static Map<String, OptionalLong> replicaCounts() throws Exception {
    Map<String, OptionalLong> out = new TreeMap<>();
    for (Map.Entry<String, List<Map<String, Object>>> shard : replicas().entrySet()) {
      int i = 0;
      for (Map<String, Object> r : shard.getValue()) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        p.set("rows", 0);
        p.set("distrib", false);
        OptionalLong count;
        try (HttpJdkSolrClient core = client(r.get("base_url").toString())) {
          count = OptionalLong.of(new QueryRequest(p).process(core, r.get("core").toString()).getResults().getNumFound());
        } catch (SolrServerException | SolrException | java.io.IOException e) {
          count = OptionalLong.empty();
        }
        out.put(shard.getKey() + "#" + i++, count);
      }
    }
    return out;
  }

  private static boolean allActive() throws Exception {
    for (List<Map<String, Object>> shard : replicas().values()) {
      for (Map<String, Object> r : shard) {
        if (!"active".equals(r.get("state"))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Waits until each shard has an active leader on {@code node}. */
  private static void awaitLeadersOn(String node) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (List<Map<String, Object>> shard : replicas().values()) {
        all &= shard.stream().anyMatch(r -> "true".equals(String.valueOf(r.get("leader")))
            && "active".equals(r.get("state")) && node.equals(r.get("base_url")));
      }
      if (all) {
        return;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // between polls
    }
    throw new AssertionError("no leader on " + node + " for every shard: " + replicas());
  }

  /** The collection's replicas by shard, as the cluster's state (asked of any node up) has them. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<Map<String, Object>>> replicas() throws Exception {
    Exception last = null;
    for (String node : cluster.nodes()) {
      try (HttpJdkSolrClient c = client(node)) {
        NamedList<Object> status = CollectionAdminRequest.getClusterStatus().setCollectionName(COLLECTION)
            .process(c).getResponse();
        Object shards = map(map(map(status.get("cluster")).get("collections")).get(COLLECTION)).get("shards");
        Map<String, List<Map<String, Object>>> out = new TreeMap<>();
        for (Map.Entry<String, Object> s : map(shards).entrySet()) {
          List<Map<String, Object>> replicas = new ArrayList<>();
          for (Object r : map(map(s.getValue()).get("replicas")).values()) {
            replicas.add(map(r));
          }
          replicas.sort(java.util.Comparator.comparing(r -> String.valueOf(r.get("core"))));
          out.put(s.getKey(), replicas);
        }
        return out;
      } catch (SolrServerException | SolrException | java.io.IOException e) {
        last = e;
      }
    }
    throw last;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    if (o instanceof NamedList<?> nl) {
      Map<String, Object> m = new LinkedHashMap<>();
      nl.forEach((k, v) -> m.put(k, v));
      return m;
    }
    return (Map<String, Object>) o;
  }

  private static HttpJdkSolrClient client(String baseUrl) {
    return new HttpJdkSolrClient.Builder(baseUrl).withConnectionTimeout(2, TimeUnit.SECONDS)
        .withRequestTimeout(20, TimeUnit.SECONDS).build();
  }
}
