package org.dossier.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.dossier.core.DocumentId;
import org.dossier.core.IndexDocument;
import org.dossier.core.SearchHit;
import org.dossier.core.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two writers (two workers' index tasks) send builds of the same documents to one collection (two
 * nodes, two shards of two replicas): whatever order the builds arrive in, the collection keeps
 * the newest build of each document (the highest {@link IndexDocument#version}), on every replica.
 * The control: a newer build that arrives after an older one replaces it.
 */
class SolrBuildOrderTest {
  private static final String COLLECTION = "builds";
  private static final long OLDER = 1_765_000_000_000_000L;
  private static final long NEWER = OLDER + 1;
  static SolrCluster cluster;
  static SolrLocation location;
  static SolrReplicas replicas;

  @BeforeAll
  static void start() throws Exception {
    cluster = SolrCluster.launch(2);
    location = new SolrLocation(cluster.nodes(), COLLECTION, 2, 2);
    SolrIndex.create(location);
    replicas = new SolrReplicas(cluster, COLLECTION, 90);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** An invented notice, as a build that read it mentioning {@code word} found it. */
  private static IndexDocument build(int n, String word, long version) {
    String name = "notices/ferry-notice-" + n + ".txt";
    return new IndexDocument(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", n)), name, List.of(name),
        "Ferry notice " + n + " of the Port Velmar harbour office: the " + word + " sails at noon.", "en",
        "text/plain", "ok", Optional.empty(), List.of("notices"), Optional.empty(), List.of("txt"), Map.of(), Map.of(),
        version);
  }

  private static List<DocumentId> ids(int from, int to) {
    List<DocumentId> out = new ArrayList<>();
    for (int n = from; n < to; n++) {
      out.add(build(n, "", 0).id());
    }
    return out;
  }

  private static Set<DocumentId> found(SolrIndex index, String query) throws Exception {
    Set<DocumentId> out = new TreeSet<>();
    for (SearchHit h : index.search(new SearchRequest(query, 100, 0)).hits()) {
      out.add(h.id());
    }
    return out;
  }

  @Test
  void anOlderBuildSentAfterANewerOneLeavesTheNewer() throws Exception {
    try (SolrIndex first = SolrIndex.openForWriting(location); SolrIndex second = SolrIndex.openForWriting(location)) {
      // one writer sends the newer builds and commits; the other's older builds of the same
      // documents (read before the change, sent late) arrive after them
      for (int n = 0; n < 8; n++) {
        first.upsert(build(n, "Kestrel", NEWER));
      }
      first.commit();
      for (int n = 0; n < 8; n++) {
        second.upsert(build(n, "Osprey", OLDER));
      }
      second.commit();
      // both in one request: the leader sees the newer, not yet committed, when the older comes
      for (int n = 8; n < 16; n++) {
        first.upsert(build(n, "Kestrel", NEWER));
        first.upsert(build(n, "Osprey", OLDER));
      }
      first.commit();

      assertEquals(new TreeSet<>(ids(0, 16)), found(first, "Kestrel"));
      assertEquals(Set.of(), found(first, "Osprey"));
      Map<String, Map<String, Long>> held = versionsOnEveryReplica();
      for (Map.Entry<String, Map<String, Long>> replica : held.entrySet()) {
        for (DocumentId id : ids(0, 16)) {
          Long v = replica.getValue().get(id.sha256());
          assertTrue(v == null || v == NEWER, replica.getKey() + " holds build " + v + " of " + id.sha256());
        }
      }
      assertTrue(replicas.sameEverywhere(), "each shard's replicas hold the same documents");
    }
  }

  @Test
  void aNewerBuildSentAfterAnOlderOneReplacesIt() throws Exception {
    try (SolrIndex first = SolrIndex.openForWriting(location); SolrIndex second = SolrIndex.openForWriting(location)) {
      for (int n = 100; n < 108; n++) {
        second.upsert(build(n, "Heron", OLDER));
      }
      second.commit();
      for (int n = 100; n < 108; n++) {
        first.upsert(build(n, "Plover", NEWER));
      }
      first.commit();
      for (int n = 108; n < 116; n++) {
        first.upsert(build(n, "Heron", OLDER));
        first.upsert(build(n, "Plover", NEWER));
      }
      first.commit();

      assertEquals(new TreeSet<>(ids(100, 116)), found(first, "Plover"));
      assertEquals(Set.of(), found(first, "Heron"));
    }
  }

  /** Each replica's own documents ({@code distrib=false}), as id to the version of the build it holds. */
  private static Map<String, Map<String, Long>> versionsOnEveryReplica() throws Exception {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (Map.Entry<String, List<Map<String, Object>>> shard : replicas.replicas().entrySet()) {
      int i = 0;
      for (Map<String, Object> r : shard.getValue()) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        p.set("rows", 1000);
        p.set("fl", "id," + SolrIndex.BUILD_VERSION);
        p.set("distrib", false);
        Map<String, Long> versions = new TreeMap<>();
        try (HttpJdkSolrClient core = replicas.client(r.get("base_url").toString())) {
          for (SolrDocument d : new QueryRequest(p).process(core, r.get("core").toString()).getResults()) {
            versions.put(d.getFirstValue("id").toString(), ((Number) d.getFirstValue(SolrIndex.BUILD_VERSION)).longValue());
          }
        }
        out.put(shard.getKey() + "#" + i++, versions);
      }
    }
    assertEquals(4, out.size(), "two shards of two replicas: " + out.keySet());
    return out;
  }
}
