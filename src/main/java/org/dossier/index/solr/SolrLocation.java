package org.dossier.index.solr;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A case's index on SolrCloud: a collection of its own, reached either through the Solr nodes
 * named, or through the live nodes that the cluster's ZooKeeper ensemble lists. Requests go to the
 * nodes over HTTP, or HTTPS for nodes named with {@code solrs://} (or listed by a cluster whose
 * {@code urlScheme} is {@code https}): a node that is down is skipped, and the node asked forwards
 * to the shards and replicas the collection has. ZooKeeper, when named, is only read for the live
 * nodes.
 *
 * @param nodes base URLs of Solr nodes ({@code http://HOST:PORT/solr}, or all {@code https://});
 *     empty when the cluster is named by its ZooKeeper ensemble
 * @param zooKeeper the cluster's ZooKeeper ensemble, when it is named by it
 * @param collection the case's collection (letters, digits, underscores, hyphens)
 * @param shards how many shards the collection is created with
 * @param replicas how many replicas each shard has
 */
public record SolrLocation(List<String> nodes, Optional<ZooKeeper> zooKeeper, String collection, int shards,
    int replicas) {
  /** The URL scheme {@code init --index} takes: Solr nodes, or a ZooKeeper ensemble on port {@value #ZK_PORT}. */
  public static final String SCHEME = "solr";
  /** The URL scheme that names the cluster by its ZooKeeper ensemble, whatever the ports. */
  public static final String ZK_SCHEME = "solr+zk";
  /** The URL scheme that names Solr nodes reached over HTTPS. */
  public static final String TLS_SCHEME = "solrs";
  /**
   * ZooKeeper's registered client port: a {@code solr://} URL whose every host is on it names a
   * ZooKeeper ensemble (no Solr node listens there unless told to).
   */
  public static final int ZK_PORT = 2181;
  private static final int SOLR_PORT = 8983;
  private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,99}");
  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");
  private static final String FORMS = "solr://HOST:PORT[,HOST:PORT...][/solr]?collection=NAME&shards=N&replicas=N"
      + " (Solr nodes; solrs:// over HTTPS) or"
      + " solr+zk://ZKHOST:PORT[,ZKHOST:PORT...][/CHROOT]?collection=NAME&shards=N&replicas=N (ZooKeeper)";

  /**
   * A cluster's ZooKeeper ensemble, where its live nodes are listed.
   *
   * @param hosts {@code HOST:PORT} of each ZooKeeper server
   * @param chroot the path the cluster's data is under ({@code /solr}, say), empty for the root
   */
  public record ZooKeeper(List<String> hosts, Optional<String> chroot) {
    public ZooKeeper {
      hosts = List.copyOf(hosts);
      Objects.requireNonNull(chroot, "chroot");
      if (hosts.isEmpty()) {
        throw new IllegalArgumentException("a ZooKeeper ensemble needs at least one host");
      }
      for (String h : hosts) {
        if (!HOST_PORT.matcher(h).matches() || !h.matches(".*:\\d{1,5}") || h.endsWith("]")) {
          throw new IllegalArgumentException("not a ZooKeeper HOST:PORT: '" + h + "'");
        }
        port(h);
      }
      chroot.ifPresent(c -> checkPath(c, "not a ZooKeeper chroot: '" + c + "'"));
    }

    /** The ZooKeeper connect string: {@code host:port,host:port/chroot}. */
    public String connectString() {
      return String.join(",", hosts) + chroot.orElse("");
    }
  }

  public SolrLocation {
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(zooKeeper, "zooKeeper");
    if (nodes.isEmpty() && zooKeeper.isEmpty()) {
      throw new IllegalArgumentException("a Solr index needs at least one node");
    }
    if (!nodes.isEmpty() && zooKeeper.isPresent()) {
      throw new IllegalArgumentException("a Solr index is named by its nodes or by ZooKeeper, not both");
    }
    for (String n : nodes) {
      URI uri = URI.create(n);
      // one scheme for all, as one URL names them
      if (!List.of("http", "https").contains(String.valueOf(uri.getScheme()))
          || !uri.getScheme().equals(URI.create(nodes.get(0)).getScheme())) {
        throw new IllegalArgumentException("Solr nodes are all http:// or all https://, not " + nodes);
      }
      // its URL would read as a ZooKeeper ensemble, or be refused as mixing the two
      if (uri.getPort() == ZK_PORT) {
        throw new IllegalArgumentException("a Solr node on port " + ZK_PORT + " (ZooKeeper's) cannot be named: " + n);
      }
    }
    Objects.requireNonNull(collection, "collection");
    if (!COLLECTION.matcher(collection).matches()) {
      throw new IllegalArgumentException("a collection's name is letters, digits, '_' and '-', not '" + collection + "'");
    }
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("shards and replicas must be at least 1, got " + shards + " and " + replicas);
    }
  }

  /** A location reached through the Solr nodes named ({@code http://HOST:PORT/solr} each, or all https). */
  public SolrLocation(List<String> nodes, String collection, int shards, int replicas) {
    this(nodes, Optional.empty(), collection, shards, replicas);
  }

  /** A location reached through the live nodes that the ZooKeeper ensemble lists. */
  public static SolrLocation onZooKeeper(ZooKeeper zooKeeper, String collection, int shards, int replicas) {
    return new SolrLocation(List.of(), Optional.of(zooKeeper), collection, shards, replicas);
  }

  /** The collection a case gets unless the URL names one. */
  public static String collectionOf(String caseId) {
    return "dossier_" + caseId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  /**
   * A location from what a user typed, in one of two forms.
   *
   * <ul>
   *   <li>{@code solr://HOST:PORT[,HOST:PORT...][/PATH][?collection=NAME&shards=N&replicas=N]}: Solr
   *       nodes, port 8983 unless given; the path is Solr's context ({@code /solr} unless given).
   *       {@code solrs://} names nodes reached over HTTPS ({@code https://HOST:PORT/PATH}), with
   *       the same rules; the certificates are checked against the JVM's truststore and must name
   *       the hosts as given.
   *   <li>{@code solr+zk://ZKHOST:PORT[,ZKHOST:PORT...][/CHROOT][?...]}: the cluster's ZooKeeper
   *       ensemble, port {@value #ZK_PORT} unless given; the path is the ensemble's chroot (none
   *       unless given), as in Solr's JDBC URLs.
   * </ul>
   *
   * A {@code solr://} URL whose every host names port {@value #ZK_PORT} (ZooKeeper's, not a Solr
   * node's) is read as the ZooKeeper form; one that names it for some hosts only is refused, as is a
   * {@code solrs://} URL that names it at all (ZooKeeper is not reached over TLS). The
   * collection is {@code dossier_<case id>} unless given; one shard and one replica unless given.
   *
   * @throws IllegalArgumentException when it is not such a URL
   */
  public static SolrLocation parse(String url, String caseId) {
    String u = url.strip();
    boolean zkScheme = false;
    boolean tls = false;
    String rest;
    if (u.regionMatches(true, 0, ZK_SCHEME + "://", 0, ZK_SCHEME.length() + 3)) {
      zkScheme = true;
      rest = u.substring(ZK_SCHEME.length() + 3);
    } else if (u.regionMatches(true, 0, TLS_SCHEME + "://", 0, TLS_SCHEME.length() + 3)) {
      tls = true;
      rest = u.substring(TLS_SCHEME.length() + 3);
    } else if (u.regionMatches(true, 0, SCHEME + "://", 0, SCHEME.length() + 3)) {
      rest = u.substring(SCHEME.length() + 3);
    } else {
      throw new IllegalArgumentException("not a Solr index URL (" + FORMS + "): " + url);
    }
    int q = rest.indexOf('?');
    String query = q >= 0 ? rest.substring(q + 1) : "";
    String beforeQuery = q >= 0 ? rest.substring(0, q) : rest;
    int slash = beforeQuery.indexOf('/');
    String hostList = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
    String path = slash >= 0 ? beforeQuery.substring(slash) : "";
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<String> hosts = new ArrayList<>();
    int onZkPort = 0;
    for (String h : hostList.split(",", -1)) {
      String host = h.strip();
      if (host.isEmpty() || !HOST_PORT.matcher(host).matches()) {
        throw new IllegalArgumentException("not a HOST:PORT: '" + host + "' in " + url);
      }
      if (!host.contains(":") || host.endsWith("]")) {
        host = host + ":" + (zkScheme ? ZK_PORT : SOLR_PORT);
      }
      int port;
      try {
        port = port(host);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + " in " + url, e);
      }
      onZkPort += port == ZK_PORT ? 1 : 0;
      hosts.add(host);
    }
    if (tls && onZkPort > 0) {
      throw new IllegalArgumentException("a " + TLS_SCHEME + ":// URL names Solr nodes, and port " + ZK_PORT
          + " is ZooKeeper's: name the nodes on their own ports, or ZooKeeper with " + ZK_SCHEME
          + ":// (a cluster whose urlScheme is https is then reached over HTTPS), in " + url);
    }
    boolean zk = zkScheme || onZkPort == hosts.size();
    if (!zk && onZkPort > 0) {
      throw new IllegalArgumentException("some hosts are on port " + ZK_PORT + " (ZooKeeper's) and some are not: name"
          + " Solr's nodes on their own ports, or ZooKeeper with " + ZK_SCHEME + "://, in " + url);
    }
    Map<String, String> params = params(query);
    String collection = params.getOrDefault("collection", collectionOf(caseId));
    int shards = number(params, "shards", url);
    int replicas = number(params, "replicas", url);
    if (zk) {
      Optional<String> chroot = path.isEmpty() ? Optional.empty() : Optional.of(path);
      chroot.ifPresent(c -> checkPath(c, "not a ZooKeeper chroot: '" + c + "' in " + url));
      return onZooKeeper(new ZooKeeper(hosts, chroot), collection, shards, replicas);
    }
    if (path.isEmpty()) {
      path = "/solr";
    }
    checkPath(path, "not a Solr path: '" + path + "' in " + url);
    List<String> nodes = new ArrayList<>();
    for (String host : hosts) {
      try {
        nodes.add(new URI((tls ? "https" : "http") + "://" + host + path).toString());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a Solr node: '" + host + "' in " + url, e);
      }
    }
    return new SolrLocation(nodes, collection, shards, replicas);
  }

  private static void checkPath(String path, String message) {
    if (!path.matches("(/[A-Za-z0-9._-]+)+") || path.matches(".*/\\.{1,2}(/.*)?")) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The port of a {@code HOST:PORT}. */
  private static int port(String hostPort) {
    int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("not a port: " + port + " in '" + hostPort + "'");
    }
    return port;
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String kv : query.isEmpty() ? new String[0] : query.split("&")) {
      int eq = kv.indexOf('=');
      String k = URLDecoder.decode(eq >= 0 ? kv.substring(0, eq) : kv, StandardCharsets.UTF_8);
      String v = URLDecoder.decode(eq >= 0 ? kv.substring(eq + 1) : "", StandardCharsets.UTF_8);
      if (!List.of("collection", "shards", "replicas").contains(k)) {
        throw new IllegalArgumentException("a Solr index URL takes collection, shards and replicas, not '" + k + "'");
      }
      params.put(k, v);
    }
    return params;
  }

  private static int number(Map<String, String> params, String key, String url) {
    String v = params.get(key);
    if (v == null) {
      return 1;
    }
    if (!v.matches("\\d{1,3}")) {
      throw new IllegalArgumentException(key + " must be a number, not '" + v + "' in " + url);
    }
    return Integer.parseInt(v);
  }

  /**
   * The location as {@link #parse} takes it: nodes over HTTPS with {@code solrs://}; a ZooKeeper
   * ensemble always with {@code solr+zk://}.
   */
  public String url() {
    String query = "?collection=" + collection + "&shards=" + shards + "&replicas=" + replicas;
    if (zooKeeper.isPresent()) {
      return ZK_SCHEME + "://" + zooKeeper.get().connectString() + query;
    }
    StringBuilder hosts = new StringBuilder();
    String path = "/solr";
    for (String n : nodes) {
      URI uri = URI.create(n);
      if (hosts.length() > 0) {
        hosts.append(',');
      }
      hosts.append(uri.getHost()).append(':').append(uri.getPort());
      path = uri.getPath();
    }
    boolean tls = URI.create(nodes.get(0)).getScheme().equals("https");
    return (tls ? TLS_SCHEME : SCHEME) + "://" + hosts + path + query;
  }

  /** For messages: the URL. */
  public String describe() {
    return url();
  }
}
