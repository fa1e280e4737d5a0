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
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud cluster for the Solr index's tests (Solr's {@code MiniSolrCloudCluster}: ZooKeeper
 * and N nodes), in a JVM of its own: Solr 9 runs on Jetty 10, the tests' JVM has the workbench's
 * Jetty 11. Started by {@link SolrCluster}. Prints {@code node I URL} for each node and then
 * {@code ready}; reads commands, one a line, and answers each: {@code stop I} ({@code stopped I}),
 * {@code start I} ({@code started I}), {@code quit}. It shuts down when its input ends, so a test
 * JVM that dies takes its cluster with it. Arguments: the number of nodes, the base folder, and
 * optionally a {@code security.json} to start the cluster with (authentication, say).
 */
public final class SolrClusterMain {
  private SolrClusterMain() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    Path base = Path.of(args[1]);
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    MiniSolrCloudCluster.Builder builder = new MiniSolrCloudCluster.Builder(count, base);
    if (args.length > 2) {
      builder.withSecurityJson(Path.of(args[2]));
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
