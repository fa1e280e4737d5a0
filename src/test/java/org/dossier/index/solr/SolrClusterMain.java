package org.dossier.index.solr;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.impl.HttpClientUtil;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.solr.util.SSLTestConfig;

/**
 * A SolrCloud cluster for the Solr index's tests (Solr's {@code MiniSolrCloudCluster}: ZooKeeper
 * and N nodes), in a JVM of its own: Solr 9 runs on Jetty 10, the tests' JVM has the workbench's
 * Jetty 11. Started by {@link SolrCluster}. Prints {@code node I URL} for each node and then
 * {@code ready}; reads commands, one a line, and answers each: {@code stop I} ({@code stopped I}),
 * {@code start I} ({@code started I}), {@code quit}. It shuts down when its input ends, so a test
 * JVM that dies takes its cluster with it. Arguments: the number of nodes, the base folder, then
 * optionally {@value #TLS} (the nodes answer over HTTPS only, with the certificate of Solr's test
 * keystore, {@code SSLTestConfig.testing.keystore}, for 127.0.0.1 and localhost) and a {@code
 * security.json} to start the cluster with (authentication, say).
 */
public final class SolrClusterMain {
  /** The argument that starts the nodes on HTTPS. */
  static final String TLS = "--tls";

  private SolrClusterMain() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    Path base = Path.of(args[1]);
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    MiniSolrCloudCluster.Builder builder = new MiniSolrCloudCluster.Builder(count, base);
    for (int a = 2; a < args.length; a++) {
      if (args[a].equals(TLS)) {
        // as Solr's own tests set it up (SolrTestCaseJ4): the nodes serve the test keystore's
        // certificate and trust it when they call each other, names checked; no client certificates
        SSLTestConfig ssl = new SSLTestConfig(true, false, true);
        // JettySolrRunner builds its HTTPS connector in test mode only (else plain HTTP, whatever is configured)
        System.setProperty("jetty.testMode", "true");
        HttpClientUtil.setSocketFactoryRegistryProvider(ssl.buildClientSocketFactoryRegistryProvider());
        Http2SolrClient.setDefaultSSLConfig(ssl.buildClientSSLConfig());
        builder.withJettyConfig(jetty -> jetty.withSSLConfig(ssl.buildServerSSLConfig()));
      } else {
        builder.withSecurityJson(Path.of(args[a]));
      }
    }
    MiniSolrCloudCluster cluster = builder.build();
    List<JettySolrRunner> nodes = new ArrayList<>(cluster.getJettySolrRunners());
    out.println("zk " + cluster.getZkServer().getZkAddress());
    for (int i = 0; i < nodes.size(); i++) {
      out.println("node " + i + " " + nodes.get(i).getBaseUrl());
    }
    out.println("ready");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cmd = line.strip().split(" ");
        if (cmd[0].equals("quit")) {
          break;
        }
        try {
          int i = Integer.parseInt(cmd[1]);
          JettySolrRunner node = nodes.get(i);
          switch (cmd[0]) {
            case "stop" -> {
              cluster.stopJettySolrRunner(node);
              cluster.waitForJettyToStop(node);
              out.println("stopped " + i);
            }
            case "start" -> {
              cluster.startJettySolrRunner(node, true);
              cluster.waitForNode(node, 60);
              out.println("started " + i);
            }
            default -> out.println("error unknown command " + line);
          }
        } catch (Exception e) {
          out.println("error " + line + ": " + e);
        }
      }
    } finally {
      cluster.shutdown();
      out.println("bye");
    }
    System.exit(0);
  }
}
