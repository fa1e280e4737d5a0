package org.dossier.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dossier.core.CaseLayout;
import org.dossier.pipeline.CaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code solr://} form {@code init --index} takes, and its round trip through {@code case.properties}. */
class SolrLocationTest {
  @TempDir Path dir;

  @Test
  void theFormNamesNodesCollectionShardsAndReplicas() {
    SolrLocation l = SolrLocation.parse("solr://a.example:8983,10.0.0.2:7574/solr?collection=leaks&shards=2&replicas=3",
        "c0ffee");
    assertEquals(List.of("http://a.example:8983/solr", "http://10.0.0.2:7574/solr"), l.nodes());
    assertEquals("leaks", l.collection());
    assertEquals(2, l.shards());
    assertEquals(3, l.replicas());
    assertEquals(l, SolrLocation.parse(l.url(), "other"));
  }

  @Test
  void defaultsAreTheCasesCollectionOneShardOneReplicaOnSolrsPort() {
    SolrLocation l = SolrLocation.parse("SOLR://solr1", "c0ffee");
    assertEquals(List.of("http://solr1:8983/solr"), l.nodes());
    assertEquals("dossier_c0ffee", l.collection());
    assertEquals(1, l.shards());
    assertEquals(1, l.replicas());
  }

  @Test
  void whatIsNotTheFormIsRefused() {
    for (String bad : List.of("http://solr1:8983/solr", "solr://", "solr://host:port/solr", "solr://a:1/solr?zk=x",
        "solr://a:1/solr?collection=a/b", "solr://a:1/solr?shards=0", "solr://a:1/solr?shards=two",
        "solr://a:1/../etc")) {
      assertThrows(IllegalArgumentException.class, () -> SolrLocation.parse(bad, "c0ffee"), bad);
    }
  }

  @Test
  void theIndexIsKeptInTheCaseSettings() throws Exception {
    CaseLayout layout = new CaseLayout(dir);
    CaseSettings solr = CaseSettings.forNewCase(layout, Optional.empty(),
        Optional.of("solr://127.0.0.1:8983/solr?shards=2&replicas=2"));
    solr.write(layout);
    CaseSettings read = CaseSettings.read(layout).orElseThrow();
    assertEquals(solr, read);
    assertEquals("dossier_" + solr.id(), read.index().orElseThrow().collection());
    // control: a case without an index setting keeps its Lucene index
    CaseSettings lucene = CaseSettings.forNewCase(layout, Optional.empty(), Optional.of("lucene"));
    lucene.write(layout);
    assertEquals(Optional.empty(), CaseSettings.read(layout).orElseThrow().index());
  }
}
