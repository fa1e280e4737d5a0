package org.dossier.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dossier.core.CaseLayout;
import org.dossier.pipeline.CaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code solr://}, {@code solrs://} and {@code solr+zk://} forms {@code init --index} takes, and
 * their round trip through {@code case.properties}.
 */
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
  void theTlsFormNamesNodesOverHttpsByTheSameRules() {
    SolrLocation l = SolrLocation.parse("solrs://a.example:8983,10.0.0.2:7574/solr?collection=leaks&shards=2&replicas=3",
        "c0ffee");
    assertEquals(List.of("https://a.example:8983/solr", "https://10.0.0.2:7574/solr"), l.nodes());
    assertEquals(Optional.empty(), l.zooKeeper());
    assertEquals("leaks", l.collection());
    assertEquals(2, l.shards());
    assertEquals(3, l.replicas());
    assertEquals("solrs://a.example:8983,10.0.0.2:7574/solr?collection=leaks&shards=2&replicas=3", l.url());
    assertEquals(l.url(), l.describe());
    assertEquals(l, SolrLocation.parse(l.url(), "other"));
    // Solr's port, Solr's path and the case's collection unless given; a path and IPv6 as solr:// takes them
    SolrLocation bare = SolrLocation.parse("SOLRS://solr1", "c0ffee");
    assertEquals(List.of("https://solr1:8983/solr"), bare.nodes());
    assertEquals("solrs://solr1:8983/solr?collection=dossier_c0ffee&shards=1&replicas=1", bare.url());
    assertEquals(bare, SolrLocation.parse(bare.url(), "other"));
    SolrLocation other = SolrLocation.parse("solrs://[fd00::3]:8443,h2/search/", "c0ffee");
    assertEquals(List.of("https://[fd00::3]:8443/search", "https://h2:8983/search"), other.nodes());
    assertEquals(other, SolrLocation.parse(other.url(), "other"));
    // control: solr:// is plain HTTP as before, and its URL says solr://
    SolrLocation plain = SolrLocation.parse("solr://a.example:8983/solr?collection=leaks", "c0ffee");
    assertEquals(List.of("http://a.example:8983/solr"), plain.nodes());
    assertEquals("solr://a.example:8983/solr?collection=leaks&shards=1&replicas=1", plain.url());
    assertEquals(List.of("http://solr1:8983/solr"), SolrLocation.parse("solr://solr1", "c0ffee").nodes());
    // ZooKeeper's port names no node over TLS, whether for every host or some, saying what to use
    for (String zk : List.of("solrs://zk1:2181", "solrs://zk1:2181,zk2:2181/dossier", "solrs://zk1:2181,solr1:8983")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolrLocation.parse(zk, "c0ffee"),
          zk);
      assertTrue(e.getMessage().contains("solr+zk://"), e.getMessage());
    }
    for (String bad : List.of("solrs://", "solrs://host:port/solr", "solrs://a:1/solr?zk=x", "solrs://a:1/../etc",
        "solrs://a:1/solr?shards=0", "solrs+zk://zk1:2181", "https://solr1:8983/solr")) {
      assertThrows(IllegalArgumentException.class, () -> SolrLocation.parse(bad, "c0ffee"), bad);
    }
    // one URL names the nodes, so they are all http or all https
    assertThrows(IllegalArgumentException.class,
        () -> new SolrLocation(List.of("https://h1:8983/solr", "http://h2:8983/solr"), "c", 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new SolrLocation(List.of("ftp://h1:8983/solr"), "c", 1, 1));
  }

  @Test
  void theZooKeeperFormNamesTheEnsembleAndItsChroot() {
    SolrLocation l = SolrLocation.parse("solr+zk://zk1.example:2181,10.0.0.7:2182,[fd00::3]:2183/dossier/prod"
        + "?collection=leaks&shards=2&replicas=2", "c0ffee");
    assertEquals(List.of(), l.nodes());
    SolrLocation.ZooKeeper zk = l.zooKeeper().orElseThrow();
    assertEquals(List.of("zk1.example:2181", "10.0.0.7:2182", "[fd00::3]:2183"), zk.hosts());
    assertEquals(Optional.of("/dossier/prod"), zk.chroot());
    assertEquals("zk1.example:2181,10.0.0.7:2182,[fd00::3]:2183/dossier/prod", zk.connectString());
    assertEquals("leaks", l.collection());
    assertEquals(2, l.shards());
    assertEquals(2, l.replicas());
    assertEquals("solr+zk://zk1.example:2181,10.0.0.7:2182,[fd00::3]:2183/dossier/prod?collection=leaks&shards=2"
        + "&replicas=2", l.url());
    assertEquals(l, SolrLocation.parse(l.url(), "other"));
    // ZooKeeper's port unless given, no chroot unless given (not Solr's /solr), the case's collection
    SolrLocation bare = SolrLocation.parse("SOLR+ZK://zk1,zk2/", "c0ffee");
    assertEquals(Optional.of(new SolrLocation.ZooKeeper(List.of("zk1:2181", "zk2:2181"), Optional.empty())),
        bare.zooKeeper());
    assertEquals("dossier_c0ffee", bare.collection());
    assertEquals("solr+zk://zk1:2181,zk2:2181?collection=dossier_c0ffee&shards=1&replicas=1", bare.url());
    assertEquals(bare, SolrLocation.parse(bare.url(), "other"));
  }

  @Test
  void aSolrUrlWhoseEveryHostIsOnZooKeepersPortNamesZooKeeper() {
    // the issue's own example: the path is the chroot
    SolrLocation l = SolrLocation.parse("solr://zk1:2181/dossier", "c0ffee");
    assertEquals(List.of(), l.nodes());
    assertEquals(new SolrLocation.ZooKeeper(List.of("zk1:2181"), Optional.of("/dossier")), l.zooKeeper().orElseThrow());
    assertEquals("solr+zk://zk1:2181/dossier?collection=dossier_c0ffee&shards=1&replicas=1", l.url());
    assertEquals(l, SolrLocation.parse(l.url(), "other"));
    SolrLocation two = SolrLocation.parse("solr://zk1:2181,zk2:2181?collection=x", "c0ffee");
    assertEquals(List.of("zk1:2181", "zk2:2181"), two.zooKeeper().orElseThrow().hosts());
    assertEquals(Optional.empty(), two.zooKeeper().orElseThrow().chroot());
    // control: Solr's port, or no port, is a node as before, and the path Solr's context
    SolrLocation node = SolrLocation.parse("solr://h:8983/dossier", "c0ffee");
    assertEquals(Optional.empty(), node.zooKeeper());
    assertEquals(List.of("http://h:8983/dossier"), node.nodes());
    assertEquals("solr://h:8983/dossier?collection=dossier_c0ffee&shards=1&replicas=1", node.url());
    assertEquals(List.of("http://h:8983/solr"), SolrLocation.parse("solr://h", "c0ffee").nodes());
    // ... and a URL naming port 2181 for some hosts only is refused, saying why
    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
        () -> SolrLocation.parse("solr://zk1:2181,solr1:8983/solr", "c0ffee"));
    assertTrue(mixed.getMessage().contains("2181") && mixed.getMessage().contains("solr+zk://"), mixed.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SolrLocation.parse("solr://zk1:2181,solr1/solr", "c0ffee"));
    // a node on ZooKeeper's port cannot be made, as its URL would read as ZooKeeper
    assertThrows(IllegalArgumentException.class,
        () -> new SolrLocation(List.of("http://h:2181/solr"), "c", 1, 1));
  }

  @Test
  void whatIsNotTheZooKeeperFormIsRefused() {
    for (String bad : List.of("solr+zk://", "solr+zk://zk1:2181,/x", "solr+zk://zk1:port", "solr+zk://zk1:70000",
        "solr+zk://zk1:2181/../etc", "solr+zk://zk1:2181/a//b", "solr+zk://zk1:2181/a b", "solr+zk://zk1:2181?zk=x",
        "solr+zk://zk1:2181?shards=0", "solr+zk://zk1:2181?collection=a/b", "solr://zk1:2181/./x",
        "solr+zk://user@zk1:2181", "zk://zk1:2181")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolrLocation.parse(bad, "c0ffee"),
          bad);
      assertFalse(e.getMessage().isBlank(), bad);
    }
    assertThrows(IllegalArgumentException.class,
        () -> new SolrLocation.ZooKeeper(List.of("zk1"), Optional.empty()), "a host without its port");
    assertThrows(IllegalArgumentException.class,
        () -> new SolrLocation.ZooKeeper(List.of("zk1:2181"), Optional.of("dossier")), "a chroot without its slash");
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
    // a case named by ZooKeeper reopens named by ZooKeeper
    CaseSettings zk = CaseSettings.forNewCase(layout, Optional.empty(), Optional.of("solr://zk1:2181/dossier?shards=2"));
    zk.write(layout);
    assertEquals(zk, CaseSettings.read(layout).orElseThrow());
    assertTrue(java.nio.file.Files.readString(layout.settings()).contains("index.url=solr+zk://zk1:2181/dossier?"));
    // a case on nodes over HTTPS reopens on them over HTTPS
    CaseSettings tls = CaseSettings.forNewCase(layout, Optional.empty(),
        Optional.of("solrs://solr1.example:8443,solr2.example:8443/solr?shards=2"));
    tls.write(layout);
    assertEquals(tls, CaseSettings.read(layout).orElseThrow());
    assertEquals(List.of("https://solr1.example:8443/solr", "https://solr2.example:8443/solr"),
        CaseSettings.read(layout).orElseThrow().index().orElseThrow().nodes());
    assertTrue(java.nio.file.Files.readString(layout.settings())
        .contains("index.url=solrs://solr1.example:8443,solr2.example:8443/solr?"));
    // control: a case without an index setting keeps its Lucene index
    CaseSettings lucene = CaseSettings.forNewCase(layout, Optional.empty(), Optional.of("lucene"));
    lucene.write(layout);
    assertEquals(Optional.empty(), CaseSettings.read(layout).orElseThrow().index());
  }
}
