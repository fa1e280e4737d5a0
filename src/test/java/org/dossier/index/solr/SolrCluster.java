package org.dossier.index.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.solr.util.SSLTestConfig;

/**
 * A SolrCloud cluster on this machine for a test class: {@link SolrClusterMain} in a child JVM
 * whose class path is this JVM's without Jetty 11 and Javalin, with the Jetty 10 that the build
 * copies into {@code target/solr-jetty}. Started once per test class; {@link #close} (or, if the
 * tests' JVM ends first, a shutdown hook and the end of the child's input) ends it. Also used by
 * {@code ./bench solr}.
 */
public final class SolrCluster implements AutoCloseable {
  private static final long START_SECONDS = 180;
  /** The password of the truststore {@link #trustStore} writes. */
  public static final String TRUST_STORE_PASSWORD = "changeit-solr-test";
  /** Solr's test keystore (solr-test-framework) and its password, as its {@code create-keystores.sh} made it. */
  private static final String TEST_KEYSTORE = "SSLTestConfig.testing.keystore";
  private static final String TEST_KEYSTORE_PASSWORD = "secret";
  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> nodes = new ArrayList<>();
  private String zk;
  private final Thread hook;

  private SolrCluster(Process process) {
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.hook = new Thread(process::destroyForcibly, "solr-cluster-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("error " + e);
      }
      lines.add("exited");
    }, "solr-cluster-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a cluster of {@code count} nodes and waits until they are up. */
  public static SolrCluster launch(int count) throws IOException, InterruptedException {
    return launch(count, null, false);
  }

  /**
   * As {@link #launch(int)}, the cluster asking every request for {@code user} and {@code password}
   * (Solr's {@code BasicAuthPlugin}, unknown users refused).
   */
  public static SolrCluster launchWithBasicAuth(int count, String user, String password)
      throws IOException, InterruptedException {
    String hash = org.apache.solr.security.Sha256AuthenticationProvider.getSaltedHashedValue(password);
    String json = "{\"authentication\": {\"class\": \"solr.BasicAuthPlugin\", \"blockUnknown\": true,"
        + " \"credentials\": {\"" + user + "\": \"" + hash + "\"}}}\n";
    return launch(count, json, false);
  }

  /**
   * As {@link #launch(int)}, the nodes answering over HTTPS only ({@code https://127.0.0.1:PORT/solr}),
   * with a certificate no JVM trusts by default: a client needs {@link #trustStore}.
   */
  public static SolrCluster launchWithTls(int count) throws IOException, InterruptedException {
    return launch(count, null, true);
  }

  /**
   * Writes a truststore (PKCS#12, password {@value #TRUST_STORE_PASSWORD}) that holds the certificate
   * of the nodes of {@link #launchWithTls}, alone: Solr's test certificate, self-signed, whose names
   * are 127.0.0.1 and, by its common name (Java's checks fall back to it), localhost.
   */
  public static Path trustStore(Path file) throws IOException, GeneralSecurityException {
    KeyStore keys = KeyStore.getInstance("JKS");
    try (InputStream in = SSLTestConfig.class.getClassLoader().getResourceAsStream(TEST_KEYSTORE)) {
      if (in == null) {
        throw new IOException("the class path lacks " + TEST_KEYSTORE + " (solr-test-framework)");
      }
      keys.load(in, TEST_KEYSTORE_PASSWORD.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("solr-test", keys.getCertificate(keys.aliases().nextElement()));
    try (OutputStream out = Files.newOutputStream(file)) {
      trust.store(out, TRUST_STORE_PASSWORD.toCharArray());
    }
    return file;
  }

  private static SolrCluster launch(int count, String securityJson, boolean tls)
      throws IOException, InterruptedException {
    Path target = Path.of("target").toAbsolutePath();
    Path jetty = target.resolve("solr-jetty");
    if (!Files.isDirectory(jetty)) {
      throw new IllegalStateException(jetty + " is missing: run the build (mvn test-compile) first");
    }
    String sep = System.getProperty("path.separator");
    List<String> classPath = new ArrayList<>();
    String own = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : own.split(sep)) {
      String e = entry.replace('\\', '/');
      if (!e.contains("/org/eclipse/jetty/") && !e.contains("/io/javalin/")) {
        classPath.add(entry);
      }
    }
    try (Stream<Path> jars = Files.list(jetty)) {
      jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> classPath.add(p.toString()));
    }
    Path base = Files.createTempDirectory(target, "solr-cluster");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx768m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-Djava.util.logging.config.file=" + base.resolve("logging.properties"),
        "-cp", String.join(sep, classPath), SolrClusterMain.class.getName(), Integer.toString(count), base.toString()));
    if (tls) {
      command.add(SolrClusterMain.TLS);
    }
    if (securityJson != null) {
      Path security = base.resolve("security.json");
      Files.writeString(security, securityJson, StandardCharsets.UTF_8);
      command.add(security.toString());
    }
    ProcessBuilder pb = new ProcessBuilder(command);
    Files.writeString(base.resolve("logging.properties"), "handlers=java.util.logging.ConsoleHandler\n.level=WARNING\n",
        StandardCharsets.UTF_8);
    pb.redirectError(base.resolve("solr.log").toFile());
    SolrCluster cluster = new SolrCluster(pb.start());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (true) {
      String line = cluster.next(deadline);
      if (line.equals("ready")) {
        break;
      }
      if (line.startsWith("node ")) {
        cluster.nodes.add(line.split(" ", 3)[2]);
      } else if (line.startsWith("zk ")) {
        cluster.zk = line.substring(3).strip();
      } else if (line.startsWith("error") || line.equals("exited")) {
        cluster.close();
        throw new IllegalStateException("the Solr cluster did not start (" + line + "); see " + base.resolve("solr.log"));
      }
    }
    return cluster;
  }

  private String next(long deadline) throws InterruptedException {
    String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    if (line == null) {
      process.destroyForcibly();
      throw new IllegalStateException("the Solr cluster did not answer in time");
    }
    return line;
  }

  /** The nodes' base URLs ({@code http://127.0.0.1:PORT/solr}, or https), in the order the commands number them. */
  public List<String> nodes() {
    return List.copyOf(nodes);
  }

  /** An index URL for {@code init --index} on this cluster. */
  public String indexUrl(String collection, int shards, int replicas) {
    return indexUrl("solr", collection, shards, replicas);
  }

  /** As {@link #indexUrl(String, int, int)}, with the scheme given ({@code solrs} for HTTPS, say). */
  public String indexUrl(String scheme, String collection, int shards, int replicas) {
    StringBuilder hosts = new StringBuilder();
    for (String n : nodes) {
      java.net.URI u = java.net.URI.create(n);
      hosts.append(hosts.length() == 0 ? "" : ",").append(u.getHost()).append(':').append(u.getPort());
    }
    return scheme + "://" + hosts + "/solr?collection=" + collection + "&shards=" + shards + "&replicas=" + replicas;
  }

  /** The cluster's ZooKeeper ensemble: {@code 127.0.0.1:PORT/CHROOT}. */
  public String zkAddress() {
    return zk;
  }

  /** An index URL for {@code init --index} that names this cluster by its ZooKeeper ensemble. */
  public String zkIndexUrl(String collection, int shards, int replicas) {
    return "solr+zk://" + zk + "?collection=" + collection + "&shards=" + shards + "&replicas=" + replicas;
  }

  /** Stops node {@code i} and waits until it is down. */
  void stopNode(int i) throws IOException, InterruptedException {
    command("stop " + i, "stopped " + i);
  }

  /** Starts node {@code i} again, on its port, and waits until it is live. */
  void startNode(int i) throws IOException, InterruptedException {
    command("start " + i, "started " + i);
  }

  private void command(String command, String answer) throws IOException, InterruptedException {
    commands.write(command + "\n");
    commands.flush();
    String line = next(System.nanoTime() + TimeUnit.SECONDS.toNanos(120));
    if (!line.equals(answer)) {
      throw new IllegalStateException("'" + command + "' answered '" + line + "'");
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      commands.write("quit\n");
      commands.flush();
      commands.close();
    } catch (IOException e) {
      // the child has gone already
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already: the hook runs
    }
  }
}
