package org.dossier.index.solr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.security.KeyManagementException;
import java.security.KeyStoreException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.net.ssl.SSLException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.LBSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.Utils;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentIndex;
import org.dossier.core.FacetCount;
import org.dossier.core.IndexDocument;
import org.dossier.core.InvalidQueryException;
import org.dossier.core.SearchHit;
import org.dossier.core.SearchRequest;
import org.dossier.core.SearchResult;
import org.dossier.index.Fields;
import org.dossier.index.SearchAnalysis;

/**
 * The index on SolrCloud: a collection of the case's own, with the same fields, terms, query
 * syntax, scores, facets and snippets as the embedded {@link org.dossier.index.LuceneIndex}.
 *
 * <p>Everything that decides what matches is Dossier's, run here, not re-created in Solr's
 * configuration: each analysed field is sent pre-analysed (Solr's {@code PreAnalyzedField}, JSON
 * tokens) by Dossier's own analyzers (per-language analysis of the text, ICU folding, the
 * transliteration keys), and each query is parsed by Dossier's own parser and sent as the Lucene
 * query it made ({@link SolrQueries}). A copy of the analysis chains in a Solr schema could not
 * analyse one field per document's language, and would drift from the embedded index with every
 * change; this way a stock Solr 9 needs no module and no jar. Scores use statistics over all
 * shards ({@code ExactStatsCache}); snippets are made by Dossier's highlighter from the hits'
 * stored texts ({@link SearchAnalysis#snippets}).
 *
 * <p>Requests go over the JDK's HTTP client to any of the nodes named (or, for a cluster named by
 * its ZooKeeper ensemble, of the live nodes ZooKeeper lists), the next one when a node cannot be
 * reached; the node forwards to the collection's shards and replicas. Over HTTPS ({@code
 * solrs://}, or a cluster whose {@code urlScheme} is {@code https}) the JDK checks each node's
 * certificate against the JVM's truststore and the host it was named by; a failure is told in
 * words ({@link #tlsFailure}). Opened for
 * writing, upserts are sent in batches and made visible by {@link #commit} (a hard commit);
 * what was not sent when the index is closed is dropped, as the embedded index drops what was not
 * committed: the store sends it again.
 *
 * <p>Unlike the embedded index, the collection has many writers at once (every worker's): each
 * document is sent whole with its build's {@link IndexDocument#version} in {@value #BUILD_VERSION},
 * and the configset's update chain keeps the highest version of each document
 * ({@code DocBasedVersionConstraintsProcessorFactory}), so an older build that arrives after a
 * newer one is dropped. A document's builds of the same version (a build sent twice) leave the
 * first.
 */
public final class SolrIndex implements DocumentIndex {
  /** The configset's files, uploaded when a case's collection is created. */
  private static final List<String> CONFIG_FILES = List.of("solrconfig.xml", "schema.xml");
  private static final String FACET_PREFIX = "facet_";
  /** The field of a build's version, which the configset's update chain compares. */
  static final String BUILD_VERSION = "build_version";
  private static final int FACET_VALUES = 10;
  private static final int BATCH_DOCS = 100;
  private static final long BATCH_CHARS = 8_000_000;
  private static final JsonFactory JSON = new JsonFactory();
  /** How a user names the truststore Solr's certificates are checked against (the launcher passes them to the JVM). */
  static final String TRUST_STORE_OPTIONS = "DOSSIER_JAVA_OPTS='-Djavax.net.ssl.trustStore=PATH"
      + " -Djavax.net.ssl.trustStorePassword=PASSWORD'";
  private static final String TRUST_STORE = "javax.net.ssl.trustStore";

  private final SolrLocation location;
  private final Nodes nodes;
  private final boolean writable;
  private final List<SolrInputDocument> batch = new ArrayList<>();
  private long batchChars;

  private SolrIndex(SolrLocation location, boolean writable) {
    this.location = location;
    this.nodes = new Nodes(location);
    this.writable = writable;
  }

  /** Opens the case's collection for writing. */
  public static SolrIndex openForWriting(SolrLocation location) {
    return new SolrIndex(location, true);
  }

  /** Opens the case's collection for searching only. */
  public static SolrIndex openForReading(SolrLocation location) {
    return new SolrIndex(location, false);
  }

  /**
   * Creates the case's collection: uploads Dossier's configset (named after the collection) and
   * creates the collection with its shards and replicas, waiting until they are active.
   *
   * @throws IllegalStateException when no node can be reached, the collection exists already, or
   *     Solr refuses; what was made before the refusal is removed
   */
  public static void create(SolrLocation location) {
    try (Nodes nodes = new Nodes(location)) {
      List<String> existing;
      try {
        existing = CollectionAdminRequest.listCollections(nodes.client);
      } catch (SolrServerException | IOException | SolrException e) {
        throw new IllegalStateException(nodes.refusal(e).orElse("cannot reach Solr at " + location.describe() + ": "
            + rootMessage(e)), e);
      }
      if (existing.contains(location.collection())) {
        throw new IllegalStateException("the collection " + location.collection() + " exists already on "
            + location.describe() + ": it holds another case's index");
      }
      String config = location.collection();
      try {
        ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
        upload.setConfigSetName(config);
        upload.setUploadStream(new ContentStreamBase.ByteArrayStream(configsetZip(), config + ".zip", "application/zip"));
        upload.setOverwrite(true);
        upload.process(nodes.client);
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(location.collection(), config,
            location.shards(), location.replicas());
        waitForActiveReplicas(create).process(nodes.client);
      } catch (SolrServerException | IOException | SolrException e) {
        try {
          CollectionAdminRequest.deleteCollection(location.collection()).process(nodes.client);
        } catch (SolrServerException | IOException | SolrException ignored) {
          // nothing was made, or the server is gone
        }
        try {
          new ConfigSetAdminRequest.Delete().setConfigSetName(config).process(nodes.client);
        } catch (SolrServerException | IOException | SolrException ignored) {
          // nothing was uploaded, or the server is gone
        }
        throw new IllegalStateException(nodes.refusal(e).orElse("cannot create the collection "
            + location.collection() + " on " + location.describe() + ": " + rootMessage(e)), e);
      }
    }
  }

  /**
   * The request answered only when every replica is active. Deprecated in Solr 9 on the way to
   * being the default (SOLR-17712); until then it must be asked for.
   */
  @SuppressWarnings("deprecation")
  private static CollectionAdminRequest.Create waitForActiveReplicas(CollectionAdminRequest.Create create) {
    create.setWaitForFinalState(true);
    return create;
  }

  /** Removes the case's collection and its configset (a case whose creation failed after it). */
  public static void delete(SolrLocation location) throws IOException {
    try (Nodes nodes = new Nodes(location)) {
      CollectionAdminRequest.deleteCollection(location.collection()).process(nodes.client);
      new ConfigSetAdminRequest.Delete().setConfigSetName(location.collection()).process(nodes.client);
    } catch (SolrServerException | SolrException e) {
      throw new IOException("cannot delete the collection " + location.collection() + ": "
          + refusal(location, e, SolrCredentials.fromEnvironment().isPresent()).or(() -> tlsFailure(location, e))
          .orElse(e.getMessage()), e);
    }
  }

  private static byte[] configsetZip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String f : CONFIG_FILES) {
        try (InputStream in = SolrIndex.class.getResourceAsStream("conf/" + f)) {
          if (in == null) {
            throw new IOException("the configset lacks " + f);
          }
          zip.putNextEntry(new ZipEntry(f));
          in.transferTo(zip);
          zip.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  public SolrLocation location() {
    return location;
  }

  /** The base URLs ZooKeeper listed when last read (for tests); empty for nodes named, or before the first request. */
  Set<String> listedNodes() {
    return nodes.listed();
  }

  @Override
  public synchronized void upsert(IndexDocument d) throws IOException {
    requireWriter();
    SolrInputDocument doc = document(d);
    batch.add(doc);
    batchChars += d.text().length();
    if (batch.size() >= BATCH_DOCS || batchChars >= BATCH_CHARS) {
      flush();
    }
  }

  /** The document as Solr receives it: keywords as they are, analysed fields as Dossier's tokens. */
  static SolrInputDocument document(IndexDocument d) throws IOException {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(Fields.ID, d.id().sha256());
    doc.addField(BUILD_VERSION, d.version());
    doc.addField(Fields.DISPLAY_NAME, d.name());
    for (String n : SearchAnalysis.fileNames(d)) {
      doc.addField(Fields.NAME, lower(n));
    }
    for (String p : new LinkedHashSet<>(d.paths())) {
      doc.addField(Fields.PATH, lower(p));
      doc.addField(Fields.NAME_TEXT, analysed(Fields.NAME_TEXT, p));
    }
    SearchAnalysis.TextStreams text = SearchAnalysis.text(d.text(), d.language());
    doc.addField(Fields.TEXT, preAnalysed(d.text(), text.text()));
    doc.addField(Fields.TEXT_TRANSLIT, preAnalysed(null, text.translit()));
    for (Map.Entry<String, List<String>> e : d.fields().entrySet()) {
      for (String v : e.getValue()) {
        doc.addField(e.getKey(), analysed(e.getKey(), v));
        doc.addField(Fields.META, analysed(Fields.META, v));
      }
    }
    for (Map.Entry<String, List<IndexDocument.EntityName>> e : d.entities().entrySet()) {
      Set<String> canonical = IndexDocument.EntityName.canonical(e.getValue());
      Set<String> searchable = IndexDocument.EntityName.searchable(e.getValue());
      for (String n : searchable) {
        doc.addField(e.getKey(), analysed(e.getKey(), n));
      }
      for (String n : canonical) {
        if (!n.isBlank()) {
          doc.addField(FACET_PREFIX + e.getKey(), n);
        }
      }
    }
    keyword(doc, Fields.TYPE, d.mediaType());
    keyword(doc, Fields.LANGUAGE, d.language());
    doc.addField(Fields.STATUS, d.status());
    for (String ext : new LinkedHashSet<>(d.extensions())) {
      keyword(doc, Fields.EXTENSION, ext);
    }
    for (String folder : new LinkedHashSet<>(d.folders())) {
      keyword(doc, Fields.FOLDER, folder);
    }
    d.container().ifPresent(c -> keyword(doc, Fields.CONTAINER, c));
    d.date().ifPresent(date -> {
      doc.addField(Fields.DATE, date.toEpochDay());
      doc.addField(Fields.YEAR, date.getYear());
      doc.addField(FACET_PREFIX + Fields.YEAR, Integer.toString(date.getYear()));
    });
    return doc;
  }

  private static void keyword(SolrInputDocument doc, String field, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    doc.addField(field, lower(value));
    doc.addField(FACET_PREFIX + field, value);
  }

  private static String analysed(String field, String value) throws IOException {
    return preAnalysed(null, SearchAnalysis.tokens(field, value));
  }

  /**
   * A field's value in Solr's JSON pre-analysed format: the stored value when there is one, and
   * each token's term and position increment (offsets are not needed: snippets are made here).
   */
  static String preAnalysed(String stored, TokenStream tokens) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out); TokenStream ts = tokens) {
      json.writeStartObject();
      json.writeStringField("v", "1");
      if (stored != null) {
        json.writeStringField("str", stored);
      }
      json.writeArrayFieldStart("tokens");
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        json.writeStartObject();
        json.writeStringField("t", term.toString());
        if (inc.getPositionIncrement() != 1) {
          json.writeNumberField("i", inc.getPositionIncrement());
        }
        json.writeEndObject();
      }
      ts.end();
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toString();
  }

  private void flush() throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    UpdateRequest update = new UpdateRequest();
    update.add(batch);
    call(update);
    batch.clear();
    batchChars = 0;
  }

  @Override
  public synchronized void commit() throws IOException {
    requireWriter();
    flush();
    UpdateRequest commit = new UpdateRequest();
    commit.setAction(UpdateRequest.ACTION.COMMIT, true, true);
    call(commit);
  }

  @Override
  public long count() throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "*:*");
    p.set("rows", 0);
    return query(p).getResults().getNumFound();
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    Query query = SearchAnalysis.parse(request.query());
    if (request.within().isPresent() && request.within().get().isEmpty()) {
      return new SearchResult(0, List.of(), Map.of());
    }
    SolrQueries.Translated translated;
    try {
      translated = SolrQueries.of(query);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("cannot run the query '" + request.query() + "': " + e.getMessage(), e);
    }
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", translated.q());
    translated.params().forEach(p::set);
    request.within().ifPresent(ids -> {
      StringBuilder list = new StringBuilder();
      for (DocumentId id : ids) {
        list.append(list.length() == 0 ? "" : ",").append(id.sha256());
      }
      p.set("fq", "{!terms f=" + Fields.ID + "}" + list);
    });
    p.set("start", request.offset());
    p.set("rows", request.limit());
    p.set("fl", Fields.ID + "," + Fields.DISPLAY_NAME + "," + Fields.TEXT + "," + Fields.LANGUAGE + ",score");
    p.set("facet", true);
    p.set("facet.limit", FACET_VALUES);
    p.set("facet.mincount", 1);
    p.set("facet.sort", "count");
    for (String dim : Fields.FACETS) {
      p.add("facet.field", "{!key=" + dim + "}" + FACET_PREFIX + dim);
    }
    QueryResponse response;
    try {
      response = query(p);
    } catch (SolrQueryRefused e) {
      throw new InvalidQueryException("cannot run the query '" + request.query() + "': " + e.getMessage(), e);
    }
    org.apache.solr.common.SolrDocumentList docs = response.getResults();
    List<SearchAnalysis.HitText> texts = new ArrayList<>();
    for (SolrDocument doc : docs) {
      Object text = doc.getFirstValue(Fields.TEXT);
      Object language = doc.getFirstValue(Fields.LANGUAGE);
      texts.add(new SearchAnalysis.HitText(text == null ? "" : text.toString(),
          language == null ? "und" : language.toString()));
    }
    List<List<String>> snippets = SearchAnalysis.snippets(query, texts);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      SolrDocument doc = docs.get(i);
      Object score = doc.getFirstValue("score");
      hits.add(new SearchHit(new DocumentId(doc.getFirstValue(Fields.ID).toString()),
          String.valueOf(doc.getFirstValue(Fields.DISPLAY_NAME)), score == null ? 0f : ((Number) score).floatValue(),
          snippets.get(i)));
    }
    Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
    if (response.getFacetFields() != null) {
      Map<String, FacetField> byName = new LinkedHashMap<>();
      for (FacetField f : response.getFacetFields()) {
        byName.put(f.getName(), f);
      }
      for (String dim : Fields.FACETS) {
        FacetField f = byName.get(dim);
        if (f == null || f.getValueCount() == 0) {
          continue;
        }
        List<FacetCount> values = new ArrayList<>();
        for (FacetField.Count c : f.getValues()) {
          if (c.getCount() > 0) {
            values.add(new FacetCount(c.getName(), c.getCount()));
          }
        }
        facets.put(dim, values);
      }
    }
    return new SearchResult(docs.getNumFound(), hits, facets);
  }

  private QueryResponse query(ModifiableSolrParams params) throws IOException {
    QueryRequest request = new QueryRequest(params, SolrRequest.METHOD.POST);
    try {
      return request.process(nodes.client, location.collection());
    } catch (SolrException e) {
      if (e.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
        throw new SolrQueryRefused(e.getMessage(), e);
      }
      throw new IOException(nodes.refusal(e).orElse("Solr at " + location.describe() + " failed: " + e.getMessage()), e);
    } catch (SolrServerException e) {
      throw new IOException(nodes.refusal(e).orElse("cannot reach Solr at " + location.describe() + ": "
          + rootMessage(e)), e);
    }
  }

  /** A query Solr refused as malformed. */
  private static final class SolrQueryRefused extends IOException {
    SolrQueryRefused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private void call(UpdateRequest update) throws IOException {
    try {
      update.process(nodes.client, location.collection());
    } catch (SolrServerException | SolrException e) {
      throw new IOException(nodes.refusal(e).orElse("Solr at " + location.describe() + " refused an update: "
          + rootMessage(e)), e);
    }
  }

  private void requireWriter() {
    if (!writable) {
      throw new IllegalStateException("the index was opened for reading only");
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * What to tell the user when Solr refused the request for its credentials (HTTP 401) or its
   * user's rights (403): where the credentials come from. Empty for other failures.
   */
  static Optional<String> refusal(SolrLocation location, Throwable e, boolean credentialsSent) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SolrException se && (se.code() == 401 || se.code() == 403)) {
        String why = se.code() == 403 ? "does not let the user given do this"
            : credentialsSent ? "did not accept the user and password given" : "asks for a user and password";
        return Optional.of("Solr at " + location.describe() + " " + why + " (HTTP " + se.code() + "): set "
            + SolrCredentials.WHERE);
      }
    }
    return Optional.empty();
  }

  /**
   * What to tell the user when the TLS between Dossier and Solr failed: a certificate this JVM does
   * not trust (where to name a truststore), one that does not name the host as the URL does, a
   * node named over HTTPS that does not speak it, or one named over plain HTTP that answered in
   * TLS. Empty for other failures.
   */
  static Optional<String> tlsFailure(SolrLocation location, Throwable e) {
    SSLException tls = null;
    CertificateException certificate = null;
    String trustStore = System.getProperty(TRUST_STORE);
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
        String untrusted = "Solr at " + location.describe() + " presented a certificate that Java does not trust ("
            + rootMessage(t) + "): ";
        if (hasCause(t, CertificateExpiredException.class) || hasCause(t, CertificateNotYetValidException.class)) {
          return Optional.of(untrusted + "it is out of its dates of validity");
        }
        return Optional.of(untrusted + (trustStore == null
            ? "put it, or the authority that signed it, in a truststore and name that with " + TRUST_STORE_OPTIONS
                + " (without them, the JDK's own cacerts is used)"
            : "the truststore " + trustStore + " (" + TRUST_STORE + ") holds neither it nor the authority that"
                + " signed it"));
      }
      // the JVM's default SSLContext cannot be made: the truststore named cannot be opened
      if (t instanceof KeyStoreException || t instanceof KeyManagementException) {
        return Optional.of("cannot read the truststore " + (trustStore == null ? "" : trustStore + " ") + "("
            + rootMessage(t) + "): check " + TRUST_STORE_OPTIONS);
      }
      if (tls == null && t instanceof SSLException s) {
        tls = s;
      }
      if (certificate == null && t instanceof CertificateException c) {
        certificate = c;
      }
      // a TLS record where an HTTP status line was expected (the JDK's client quotes what it got):
      // 0x15 an alert, 0x16 a handshake, then TLS's major version, 3
      String m = t.getMessage();
      if (m != null && (m.contains("\u0015\u0003") || m.contains("\u0016\u0003"))) {
        return Optional.of("Solr at " + location.describe() + " answered in TLS to plain HTTP: "
            + (location.zooKeeper().isPresent() ? "the cluster's urlScheme property should say https"
                : "name nodes that answer over HTTPS with " + SolrLocation.TLS_SCHEME + "://"));
      }
    }
    if (tls == null) {
      return Optional.empty();
    }
    String m = certificate == null || certificate.getMessage() == null ? "" : certificate.getMessage();
    if (m.startsWith("No name matching") || m.startsWith("No subject alternative")) {
      // the hostname check, which stays on: the user names the host as the certificate does
      return Optional.of("Solr at " + location.describe() + " presented a certificate that does not name the host"
          + " as the URL does (" + m + "): name each node as its certificate does");
    }
    return Optional.of("the TLS handshake with Solr at " + location.describe() + " failed (" + rootMessage(tls)
        + "): " + (location.zooKeeper().isPresent()
            ? "does every node answer over HTTPS, as the cluster's urlScheme says?"
            : "does every node named answer over HTTPS? Nodes over plain HTTP are named with " + SolrLocation.SCHEME
                + "://"));
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return t instanceof ConnectException || m == null || m.isBlank() ? t.getClass().getSimpleName()
        + (m == null ? "" : ": " + m) : m;
  }

  @Override
  public synchronized void close() throws IOException {
    batch.clear(); // not sent: the store sends it again, as the embedded index drops what was not committed
    nodes.close();
  }

  /**
   * The nodes, each reached over the JDK's HTTP client (SolrJ's Jetty client is not on Dossier's
   * class path: the workbench runs on another Jetty), tried in turn: a node that cannot be reached
   * is set aside and tried again later. A cluster named by its ZooKeeper ensemble has its live nodes
   * read from there before the first request, and again when every node known has failed (nodes
   * added or moved since are found); ZooKeeper is not asked otherwise.
   */
  private static final class Nodes implements AutoCloseable {
    private static final int ZK_CONNECT_MILLIS = 10_000;
    private final Map<String, HttpJdkSolrClient> clients = new ConcurrentHashMap<>();
    private final Optional<SolrLocation.ZooKeeper> zooKeeper;
    private final SolrLocation location;
    private final Optional<SolrCredentials> credentials;
    /** The ensemble's reader, once connected. */
    private ZkClientClusterStateProvider cluster;
    /** The base URLs ZooKeeper listed last; empty until it has been read. */
    private Set<String> listed = Set.of();
    final LBSolrClient client;

    /**
     * The nodes of {@code location}, sent the credentials this process's environment gives.
     *
     * @throws IllegalStateException when the environment's Solr credentials are set but unusable
     */
    Nodes(SolrLocation location) {
      this.location = location;
      this.zooKeeper = location.zooKeeper();
      this.credentials = SolrCredentials.fromEnvironment();
      this.client = new LBSolrClient(location.nodes()) {
        @Override
        protected SolrClient getClient(String baseUrl) {
          return clients.computeIfAbsent(baseUrl, u -> {
            HttpJdkSolrClient.Builder b = new HttpJdkSolrClient.Builder(u)
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withRequestTimeout(300, TimeUnit.SECONDS);
            // sent with every request, not after a challenge: Solr's BasicAuthPlugin expects it so
            credentials.ifPresent(c -> b.withBasicAuthCredentials(c.user(), c.password()));
            return b.build();
          });
        }

        @Override
        protected SolrClient getClient(Endpoint endpoint) {
          return getClient(endpoint.getBaseUrl());
        }

        @Override
        public NamedList<Object> request(SolrRequest<?> request, String collection, Integer numServersToTry)
            throws SolrServerException, IOException {
          if (zooKeeper.isEmpty()) {
            return super.request(request, collection, numServersToTry);
          }
          readLiveNodes(false);
          try {
            return super.request(request, collection, numServersToTry);
          } catch (SolrServerException e) {
            // every node known failed: ask again only if ZooKeeper lists other nodes now
            boolean changed;
            try {
              changed = readLiveNodes(true);
            } catch (SolrServerException again) {
              e.addSuppressed(again);
              throw e;
            }
            if (!changed) {
              throw e;
            }
            return super.request(request, collection, numServersToTry);
          }
        }
      };
    }

    synchronized Set<String> listed() {
      return listed;
    }

    /** As {@link SolrIndex#refusal}, knowing whether credentials were sent; else {@link SolrIndex#tlsFailure}. */
    Optional<String> refusal(Throwable e) {
      return SolrIndex.refusal(location, e, credentials.isPresent()).or(() -> tlsFailure(location, e));
    }

    /**
     * Reads the live nodes from ZooKeeper (once, unless {@code again}) and makes them the nodes
     * requests go to.
     *
     * @return whether the nodes differ from those listed before
     */
    private synchronized boolean readLiveNodes(boolean again) throws SolrServerException {
      if (!listed.isEmpty() && !again) {
        return false;
      }
      SolrLocation.ZooKeeper zk = zooKeeper.orElseThrow();
      Set<String> urls = new LinkedHashSet<>();
      try {
        if (cluster == null) {
          ZkClientClusterStateProvider provider = new ZkClientClusterStateProvider(zk.hosts(), zk.chroot().orElse(null));
          provider.setZkConnectTimeout(ZK_CONNECT_MILLIS);
          cluster = provider;
        }
        // http unless the cluster says otherwise, as Solr's own clients read it
        String scheme = cluster.getClusterProperty(ZkStateReader.URL_SCHEME, "http");
        for (String node : new TreeSet<>(cluster.getLiveNodes())) {
          urls.add(Utils.getBaseUrlForNodeName(node, scheme));
        }
      } catch (RuntimeException e) {
        // suppressed, not the cause: the messages up the stack name the deepest cause, and this one says more
        SolrServerException failed = new SolrServerException("cannot read Solr's live nodes from ZooKeeper at "
            + zk.connectString() + ": " + rootMessage(e));
        failed.addSuppressed(e);
        throw failed;
      }
      if (urls.isEmpty()) {
        throw new SolrServerException("ZooKeeper at " + zk.connectString() + " lists no live Solr node");
      }
      if (urls.equals(listed)) {
        return false;
      }
      for (String gone : listed) {
        if (!urls.contains(gone)) {
          client.removeSolrServer(gone);
        }
      }
      for (String url : urls) {
        if (!listed.contains(url)) {
          try {
            client.addSolrServer(url);
          } catch (MalformedURLException e) {
            throw new SolrServerException("ZooKeeper lists a node Dossier cannot reach: " + url, e);
          }
        }
      }
      listed = Set.copyOf(urls);
      return true;
    }

    @Override
    public void close() {
      client.close();
      synchronized (this) {
        if (cluster != null) {
          try {
            cluster.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      for (HttpJdkSolrClient c : clients.values()) {
        try {
          c.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
