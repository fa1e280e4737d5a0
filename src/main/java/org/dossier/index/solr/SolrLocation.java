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
import java.util.regex.Pattern;

/**
 * A case's index on SolrCloud: a collection of its own, reached through any of the nodes named.
 * Dossier talks to the nodes over HTTP, never to ZooKeeper: a node that is down is skipped, and
 * the node asked forwards to the shards and replicas the collection has.
 *
 * @param nodes base URLs of Solr nodes ({@code http://HOST:PORT/solr})
 * @param collection the case's collection (letters, digits, underscores, hyphens)
 * @param shards how many shards the collection is created with
 * @param replicas how many replicas each shard has
 */
public record SolrLocation(List<String> nodes, String collection, int shards, int replicas) {
  /** The URL scheme {@code init --index} takes. */
  public static final String SCHEME = "solr";
  private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,99}");
  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

  public SolrLocation {
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a Solr index needs at least one node");
    }
    Objects.requireNonNull(collection, "collection");
    if (!COLLECTION.matcher(collection).matches()) {
      throw new IllegalArgumentException("a collection's name is letters, digits, '_' and '-', not '" + collection + "'");
    }
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("shards and replicas must be at least 1, got " + shards + " and " + replicas);
    }
  }

  /** The collection a case gets unless the URL names one. */
  public static String collectionOf(String caseId) {
    return "dossier_" + caseId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  /**
   * A location from what a user typed: {@code solr://HOST:PORT[,HOST:PORT...][/PATH][?collection=NAME
   * &shards=N&replicas=N]}. The path is Solr's context ({@code /solr} unless given); the collection
   * is {@code dossier_<case id>} unless given; one shard and one replica unless given.
   *
   * @throws IllegalArgumentException when it is not such a URL
   */
  public static SolrLocation parse(String url, String caseId) {
    String u = url.strip();
    String prefix = SCHEME + "://";
    if (!u.regionMatches(true, 0, prefix, 0, prefix.length())) {
      throw new IllegalArgumentException("not a Solr index URL (solr://HOST:PORT[,HOST:PORT...]/solr?collection=NAME"
          + "&shards=N&replicas=N): " + url);
    }
    String rest = u.substring(prefix.length());
    int q = rest.indexOf('?');
    String query = q >= 0 ? rest.substring(q + 1) : "";
    String beforeQuery = q >= 0 ? rest.substring(0, q) : rest;
    int slash = beforeQuery.indexOf('/');
    String hosts = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
    String path = slash >= 0 ? beforeQuery.substring(slash) : "/solr";
    if (path.equals("/") || path.isEmpty()) {
      path = "/solr";
    }
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.matches("(/[A-Za-z0-9._-]+)+") || path.matches(".*/\\.{1,2}(/.*)?")) {
      throw new IllegalArgumentException("not a Solr path: '" + path + "' in " + url);
    }
    List<String> nodes = new ArrayList<>();
    for (String h : hosts.split(",", -1)) {
      String host = h.strip();
      if (host.isEmpty() || !HOST_PORT.matcher(host).matches()) {
        throw new IllegalArgumentException("not a HOST:PORT: '" + host + "' in " + url);
      }
      if (!host.contains(":") || host.endsWith("]")) {
        host = host + ":8983";
      }
      try {
        nodes.add(new URI("http://" + host + path).toString());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a Solr node: '" + host + "' in " + url, e);
      }
    }
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
    String collection = params.getOrDefault("collection", collectionOf(caseId));
    return new SolrLocation(nodes, collection, number(params, "shards", url), number(params, "replicas", url));
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

  /** The location as {@link #parse} takes it. */
  public String url() {
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
    return SCHEME + "://" + hosts + path + "?collection=" + collection + "&shards=" + shards + "&replicas=" + replicas;
  }

  /** For messages: the URL. */
  public String describe() {
    return url();
  }
}
