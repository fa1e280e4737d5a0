package org.dossier.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init --index solrs://...}: a SolrCloud cluster whose nodes answer over HTTPS only, with a
 * certificate no JVM trusts by default. Given a truststore that holds it (the JVM's own {@code
 * javax.net.ssl.trustStore} properties, as {@code DOSSIER_JAVA_OPTS} passes them), a case is created,
 * indexes and searches. Without it, with the nodes named by a host their certificate does not name
 * (hostname verification stays on), or named over plain HTTP with {@code solr://}, init fails
 * saying what is wrong and leaves no case folder. A case that names the cluster by its ZooKeeper
 * reaches the nodes over HTTPS too. Commands run as processes of their own, each with its own JVM
 * options.
 */
class SolrTlsTest {
  private static final String OTHER_NAME = "solr-desk.example";
  @TempDir static Path dir;
  static SolrCluster cluster;
  static List<String> trusted;

  @BeforeAll
  static void start() throws Exception {
    cluster = SolrCluster.launchWithTls(2);
    Path store = SolrCluster.trustStore(dir.resolve("solr-trust.p12"));
    trusted = List.of("-Djavax.net.ssl.trustStore=" + store, "-Djavax.net.ssl.trustStorePassword="
        + SolrCluster.TRUST_STORE_PASSWORD);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** {@code dossier --case caseDir command...} in a JVM of its own started with {@code jvmOptions}. */
  private static Cli.Result run(List<String> jvmOptions, Path caseDir, String... command) throws Exception {
    return Cli.inProcess(jvmOptions, e -> e.keySet().removeIf(k -> k.startsWith("DOSSIER_SOLR_")), dir,
        Workers.on(caseDir, command));
  }

  private static Cli.Result ok(Cli.Result r) {
    assertEquals(0, r.exit(), r::toString);
    return r;
  }

  /** Asserts that init failed with exit 1, said {@code says}, and left no case folder. */
  private static void refused(Cli.Result r, Path caseDir, String... says) {
    assertEquals(1, r.exit(), r::toString);
    for (String s : says) {
      assertTrue(r.err().contains(s), () -> "'" + s + "' not said: " + r);
    }
    assertFalse(r.err().contains("SSLHandshakeException"), r::toString);
    assertFalse(Files.exists(caseDir), caseDir + " was left");
  }

  @Test
  void overHttpsWithTheCertificateTrustedACaseIndexesAndSearchesAndOtherwiseItIsToldWhatIsWrong() throws Exception {
    // control: the nodes answer over HTTPS, on the one address their certificate names
    for (String node : cluster.nodes()) {
      assertTrue(node.startsWith("https://127.0.0.1:"), node);
    }
    Path files = dir.resolve("files");
    Fixtures.text(files.resolve("courier-receipt.txt"), "Receipt of the Brackenridge Freight Guild: two crates"
        + " for the Pellow Street depot, signed for by a night porter.\n");
    Fixtures.text(files.resolve("guild-minutes.txt"), "Minutes of the Brackenridge Freight Guild: the treasurer"
        + " could not account for the depot's second key.\n");
    Fixtures.text(files.resolve("fete-poster.txt"), "The Alder Green summer fete has a tombola and a brass band.\n");
    String url = cluster.indexUrl("solrs", "tls_case", 2, 1);

    // without the truststore: the JDK's cacerts does not hold Solr's test certificate
    Path untrusted = dir.resolve("untrusted");
    refused(run(List.of(), untrusted, "init", "--index", url), untrusted,
        "Solr at " + url + " presented a certificate that Java does not trust",
        "DOSSIER_JAVA_OPTS='-Djavax.net.ssl.trustStore=PATH -Djavax.net.ssl.trustStorePassword=PASSWORD'");
    // trusted, but the nodes named by a host their certificate does not name (it resolves to them here)
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, "127.0.0.1 localhost " + OTHER_NAME + " " + InetAddress.getLocalHost().getHostName()
        + "\n", StandardCharsets.UTF_8);
    List<String> elsewhere = new ArrayList<>(trusted);
    elsewhere.add("-Djdk.net.hosts.file=" + hosts);
    Path misnamed = dir.resolve("misnamed");
    String otherUrl = url.replace("127.0.0.1:", OTHER_NAME + ":");
    refused(run(elsewhere, misnamed, "init", "--index", otherUrl), misnamed,
        "Solr at " + otherUrl + " presented a certificate that does not name the host as the URL does");
    // trusted, the nodes named over plain HTTP
    Path plain = dir.resolve("plain");
    String plainUrl = cluster.indexUrl("solr", "tls_case", 2, 1);
    refused(run(trusted, plain, "init", "--index", plainUrl), plain,
        "Solr at " + plainUrl + " answered in TLS to plain HTTP: name nodes that answer over HTTPS with solrs://");

    // with the truststore: the case is created on the nodes over HTTPS, indexes and searches
    Path caseDir = dir.resolve("tls-case");
    JsonNode init = ok(run(trusted, caseDir, "init", "--json", "--index", url)).json();
    assertEquals("solr", init.get("index").asText());
    assertEquals(url, init.get("index_location").asText());
    String settings = Files.readString(caseDir.resolve("case.properties"), StandardCharsets.UTF_8);
    assertTrue(settings.contains("\nindex.url=" + url + "\n"), settings);
    ok(run(trusted, caseDir, "ingest", "--quiet", files.toString()));
    JsonNode found = ok(run(trusted, caseDir, "search", "--json", "Brackenridge")).json();
    assertEquals(2, found.get("total").asLong(), found::toString);
    JsonNode fete = ok(run(trusted, caseDir, "search", "--json", "\"Alder Green\"")).json();
    assertEquals(1, fete.get("total").asLong(), fete::toString);
    // a case that names the cluster by ZooKeeper reaches the nodes over HTTPS too (its urlScheme says https)
    // (init lists the collections, uploads the configset and creates the collection on them)
    String zkUrl = cluster.zkIndexUrl("tls_zk_case", 1, 1);
    JsonNode zkInit = ok(run(trusted, dir.resolve("zk-case"), "init", "--json", "--index", zkUrl)).json();
    assertEquals(zkUrl, zkInit.get("index_location").asText());
    // the case reopened without the truststore fails the same clear way
    Cli.Result search = run(List.of(), caseDir, "search", "Brackenridge");
    assertEquals(1, search.exit(), search::toString);
    assertTrue(search.err().contains("presented a certificate that Java does not trust"), search::toString);
  }
}
