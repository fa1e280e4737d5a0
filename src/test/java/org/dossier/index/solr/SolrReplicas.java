package org.dossier.index.solr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * A collection's replicas on a test cluster, as the cluster's state has them: each replica's own
 * count, whether all are active and agree, and waits for a shard's leaders or for the replicas to
 * agree (a node stopped and started again, say).
 */
final class SolrReplicas {
  private final SolrCluster cluster;
  private final String collection;
  private final long deadlineSeconds;

  SolrReplicas(SolrCluster cluster, String collection, long deadlineSeconds) {
    this.cluster = cluster;
    this.collection = collection;
    this.deadlineSeconds = deadlineSeconds;
  }

  /** Whether every shard's replicas can all be counted and count the same. */
  boolean sameEverywhere() throws Exception {
    return sameEverywhere(replicaCounts());
  }

  boolean sameEverywhere(Map<String, OptionalLong> counts) {
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

  Map<String, OptionalLong> awaitSameEverywhere() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(deadlineSeconds);
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
  Map<String, OptionalLong> replicaCounts() throws Exception {
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

  boolean allActive() throws Exception {
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
  void awaitLeadersOn(String node) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(deadlineSeconds);
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
  Map<String, List<Map<String, Object>>> replicas() throws Exception {
    Exception last = null;
    for (String node : cluster.nodes()) {
      try (HttpJdkSolrClient c = client(node)) {
        NamedList<Object> status = CollectionAdminRequest.getClusterStatus().setCollectionName(collection)
            .process(c).getResponse();
        Object shards = map(map(map(status.get("cluster")).get("collections")).get(collection)).get("shards");
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
  Map<String, Object> map(Object o) {
    if (o instanceof NamedList<?> nl) {
      Map<String, Object> m = new LinkedHashMap<>();
      nl.forEach((k, v) -> m.put(k, v));
      return m;
    }
    return (Map<String, Object>) o;
  }

  HttpJdkSolrClient client(String baseUrl) {
    return new HttpJdkSolrClient.Builder(baseUrl).withConnectionTimeout(2, TimeUnit.SECONDS)
        .withRequestTimeout(20, TimeUnit.SECONDS).build();
  }
}
