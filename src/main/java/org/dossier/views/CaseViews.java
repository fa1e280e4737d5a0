package org.dossier.views;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentPath;
import org.dossier.core.EntityMention;
import org.dossier.core.FacetCount;
import org.dossier.core.SearchHit;
import org.dossier.core.SearchResult;
import org.dossier.core.ValueMention;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import org.dossier.pipeline.CaseFolder;
import org.dossier.store.DocumentStore;
import org.dossier.store.CaseStore;

/** The read models of a case, as ordered maps ready for JSON. */
public final class CaseViews {
  private CaseViews() {}

  /** A search's hits (name, id, score, snippets marked with {@code <b>} over escaped text) and facets. */
  public static Map<String, Object> search(SearchResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("total", result.total());
    List<Map<String, Object>> hits = new ArrayList<>();
    for (SearchHit h : result.hits()) {
      Map<String, Object> hit = new LinkedHashMap<>();
      hit.put("document", h.name());
      hit.put("id", h.id().sha256());
      hit.put("score", h.score());
      hit.put("snippets", h.snippets());
      hits.add(hit);
    }
    json.put("hits", hits);
    Map<String, Object> facets = new LinkedHashMap<>();
    result.facets().forEach((dim, counts) -> {
      Map<String, Long> values = new LinkedHashMap<>();
      for (FacetCount c : counts) {
        values.put(c.value(), c.count());
      }
      facets.put(dim, values);
    });
    json.put("facets", facets);
    return json;
  }

  /** The case's entities as {@code entities --json} and the API give them: name, type, aliases, documents, mentions. */
  public static Map<String, Object> entities(List<org.dossier.store.EntitySummary> entities) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (org.dossier.store.EntitySummary e : entities) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", e.name());
      m.put("type", e.type().code());
      m.put("aliases", e.aliases());
      m.put("documents", e.documents());
      m.put("mentions", e.mentions());
      list.add(m);
    }
    return Map.of("entities", list);
  }

  /** A document named by its name, any of its paths, or an id prefix of six or more digits. */
  public static Document resolve(DocumentStore store, String ref) throws SQLException {
    Optional<Document> byName = store.documentByName(ref);
    if (byName.isPresent()) {
      return byName.get();
    }
    List<DocumentId> atPath = store.documentsAtPath(ref);
    if (atPath.size() == 1) {
      return store.document(atPath.get(0)).orElseThrow();
    }
    if (ref.matches("[0-9a-f]{6,64}")) {
      List<Document> byId = store.documentsByIdPrefix(ref, 2);
      if (byId.size() == 1) {
        return byId.get(0);
      }
      if (byId.size() > 1) {
        throw new IllegalArgumentException("'" + ref + "' matches several documents; give more of the id");
      }
    }
    throw new IllegalArgumentException("no document named '" + ref + "'; find one with 'dossier search QUERY'");
  }

  /**
   * The analyst's name ({@link org.dossier.core.Judgement#link}) of the stored propagation link
   * of {@code from} to {@code to}: a document of the case (by name, path or id prefix) or an
   * outlet by the name the link gives it; empty when the stored findings hold no such link.
   */
  public static Optional<String> linkTarget(CaseFolder folder, Document from, String to) throws SQLException {
    Optional<DocumentId> toDocument;
    try {
      toDocument = Optional.of(resolve(folder.store().documents(), to).id());
    } catch (IllegalArgumentException e) {
      toDocument = Optional.empty();
    }
    java.util.Set<String> wanted = new java.util.HashSet<>();
    wanted.add(org.dossier.link.SourceLink.target(from.id(), to, Optional.empty()));
    toDocument.ifPresent(d -> wanted.add(org.dossier.link.SourceLink.target(from.id(), to, Optional.of(d))));
    for (String row : folder.store().findings().ofDocument(org.dossier.link.Findings.SOURCE, from.name()).stream().toList()) {
      org.dossier.link.StoredFindings.Source s = StoredFindings.source(StoredFindings.tree(row));
      for (org.dossier.link.StoredFindings.Link l : s.links()) {
        if (wanted.contains(l.target()) || l.to().equalsIgnoreCase(to.strip())) {
          return Optional.of(l.target().isEmpty() ? org.dossier.link.SourceLink.target(from.id(), l.to(), Optional.empty()) : l.target());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * One document: status, type, paths, container, children, metadata and, unless {@code maxChars}
   * is 0, up to that many characters of its text (-1 for all).
   */
  public static Map<String, Object> document(CaseFolder folder, Document d, long maxChars) throws SQLException, IOException {
    CaseStore store = folder.store();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("document", d.name());
    json.put("id", d.id().sha256());
    json.put("status", d.status().code());
    json.put("reason", d.reason());
    json.put("stage", d.stage().code());
    json.put("mediaType", d.mediaType());
    json.put("language", d.language());
    json.put("size", d.size());
    json.put("stored", d.stored());
    json.put("original", folder.layout().root().relativize(folder.layout().original(d.id())).toString());
    List<Map<String, String>> ps = new ArrayList<>();
    for (DocumentPath p : store.documents().paths(d.id())) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("status", p.status().code());
      m.put("reason", p.reason());
      ps.add(m);
    }
    json.put("paths", ps);
    json.put("parent", d.parent().isPresent() ? store.documents().document(d.parent().get()).map(Document::name).orElse(null) : null);
    json.put("children", store.documents().children(d.id()).stream().map(Document::name).toList());
    json.put("metadata", store.documents().metadata(d.id()));
    json.put("textChars", d.textChars());
    json.put("textTruncated", d.textTruncated());
    if (maxChars != 0) {
      String text = text(folder.layout().text(d.id()), maxChars);
      json.put("text", text);
      json.put("textShownChars", text.length());
    }
    return json;
  }

  /** A document's whole text with its analysis: names, values and attributions with their offsets. */
  public static Map<String, Object> annotated(CaseFolder folder, Document d) throws SQLException, IOException {
    Annotations a = folder.store().annotations().annotations(d.id());
    org.dossier.store.AnnotationStore.AnalysisState state = folder.store().annotations().analysisState(d.id()).orElseThrow();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("document", d.name());
    json.put("id", d.id().sha256());
    json.put("language", d.language());
    json.put("analysis", Map.of("status", state.status(), "reason", state.reason(),
        "documentDate", state.documentDate()));
    json.put("text", text(folder.layout().text(d.id()), -1));
    List<Map<String, Object>> entities = new ArrayList<>();
    for (EntityMention e : a.entities()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", e.span().start());
      m.put("end", e.span().end());
      m.put("text", e.text());
      m.put("type", e.type().code());
      m.put("canonical", e.canonical());
      m.put("source", e.source());
      entities.add(m);
    }
    json.put("entities", entities);
    List<Map<String, Object>> values = new ArrayList<>();
    for (ValueMention v : a.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", v.span().start());
      m.put("end", v.span().end());
      m.put("text", v.text());
      m.put("kind", v.value().kind());
      m.put("normalized", v.value().normalized());
      m.put("qualifier", v.qualifier().map(q -> Map.of("text", q.text(), "bound", q.bound().name().toLowerCase(Locale.ROOT))).orElse(null));
      values.add(m);
    }
    json.put("values", values);
    List<Map<String, Object>> attributions = new ArrayList<>();
    for (Attribution at : a.attributions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", at.statement().start());
      m.put("end", at.statement().end());
      m.put("kind", at.kind().code());
      m.put("source", Map.of("text", at.sourceText(), "start", at.source().start(), "end", at.source().end()));
      m.put("via", at.via().orElse(null));
      attributions.add(m);
    }
    json.put("attributions", attributions);
    return json;
  }

  /** The settings that name the stage runs a case's findings come from, in the order a reader wants them. */
  public static final List<String> RUN_SETTINGS = List.of(org.dossier.pipeline.Linking.SETTING,
      org.dossier.pipeline.Verifying.SETTING, org.dossier.pipeline.Ingest.ENTITIES_SETTING, "analysis.fingerprint");

  /**
   * The case's stage runs as they stand: a reader that goes over the findings kind by kind (an
   * export, a report) compares them before and after, for a link or verify run may have formed the
   * findings again meanwhile ({@link #formedAgain}).
   */
  public static Map<String, String> runs(CaseFolder folder) throws SQLException {
    Map<String, String> runs = new LinkedHashMap<>();
    for (String k : RUN_SETTINGS) {
      folder.store().setting(k).ifPresent(v -> runs.put(k, v));
    }
    return runs;
  }

  /** True when the case's stage runs are still those a reader read ({@link #runs}) before it went over the findings. */
  public static boolean sameRuns(CaseFolder folder, Map<String, String> read) throws IOException {
    try {
      return read.equals(runs(folder));
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /** Fails with {@link #formedAgain} when the case's stage runs are no longer those a reader read. */
  public static void requireSameRuns(CaseFolder folder, Map<String, String> read, String written) throws IOException {
    if (!sameRuns(folder, read)) {
      throw formedAgain(written);
    }
  }

  /** The failure of a reader ({@code "export"}, {@code "report"}) whose findings were formed again while it wrote. */
  public static IOException formedAgain(String written) {
    return new IOException("the case's findings were formed again while the " + written + " was written, so it may mix"
        + " two runs of the link or verify stage: run the " + written + " again");
  }

  /** The case's stored findings as its store streams them, each row decoded as it comes. */
  public static org.dossier.link.FindingStreams findings(org.dossier.store.FindingStore store) {
    return new StoredStreams(store);
  }

  /**
   * What the case's report is made from: its stored findings (stories, facts, sources, timeline,
   * coverage, verification signals) as they stand, streamed as the report is written (bring the
   * case up to date first, and keep the folder open until then), and its documents' texts; on one
   * story when given.
   *
   * @param single most facts stated by one source only
   * @param notFound most press claims no document of the cache states
   * @throws IllegalArgumentException when the case has no such story
   */
  public static org.dossier.report.Report.Input report(CaseFolder folder, int single, int notFound, Optional<String> story)
      throws IOException {
    org.dossier.link.FindingStreams findings = findings(folder.store().findings());
    String title = "Dossier report: " + folder.layout().root().toAbsolutePath().normalize().getFileName();
    if (story.isPresent()) {
      List<String> titles = new ArrayList<>();
      findings.story(story.get()).stories(s -> titles.add(s.title()));
      if (titles.isEmpty()) {
        throw new IllegalArgumentException("the case has no story '" + story.get() + "'; list them with 'dossier stories'");
      }
      title += ", story " + story.get() + ": " + titles.get(0);
    }
    return new org.dossier.report.Report.Input(title, findings, texts(folder), single, notFound, story);
  }

  /** What the transfers register is read from: the stored findings, streamed, and the documents' texts. */
  public static org.dossier.register.Transfers.Input transfers(CaseFolder folder) {
    return new org.dossier.register.Transfers.Input(findings(folder.store().findings()), texts(folder));
  }

  /** The extracted texts of a case's documents, by name, read when asked (for the registers). */
  public static org.dossier.register.Texts texts(CaseFolder folder) {
    return name -> {
      try {
        Optional<Document> d = folder.store().documents().documentByName(name);
        if (d.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(new org.dossier.register.Texts.Text(text(folder.layout().text(d.get().id()), -1),
            d.get().language()));
      } catch (SQLException | IOException e) {
        return Optional.empty(); // a text that cannot be read leaves its sentences unread, not the register
      }
    };
  }

  /**
   * Two versions of a document compared: the lines removed ("- ") and added ("+ "), at most 400,
   * and the numbers only one of them holds.
   */
  public static Map<String, Object> diff(CaseFolder folder, Document a, Document b) throws IOException {
    String ta = text(folder.layout().text(a.id()), -1);
    String tb = text(folder.layout().text(b.id()), -1);
    java.util.Set<String> before = org.dossier.verify.Diff.numbers(ta);
    java.util.Set<String> after = org.dossier.verify.Diff.numbers(tb);
    java.util.Set<String> removed = new java.util.TreeSet<>(before);
    removed.removeAll(after);
    java.util.Set<String> added = new java.util.TreeSet<>(after);
    added.removeAll(before);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("a", a.name());
    json.put("b", b.name());
    json.put("numbersOnlyInA", List.copyOf(removed));
    json.put("numbersOnlyInB", List.copyOf(added));
    json.put("lines", org.dossier.verify.Diff.lines(ta, tb, 400));
    return json;
  }

  /** A judgement of the analyst as the CLI and the API give it; {@code inForce} when not undone. */
  public static Map<String, Object> judgement(org.dossier.core.Judgement j, boolean inForce) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", j.seq());
    m.put("at", j.at().toString());
    m.put("user", j.user());
    m.put("target", j.target());
    m.put("action", j.action().code());
    m.put("value", j.value());
    m.put("reason", j.reason());
    m.put("undoes", j.undoes() > 0 ? j.undoes() : null);
    m.put("inForce", inForce);
    return m;
  }

  /** Every judgement of the case, in order, each saying whether it is in force. */
  public static List<Map<String, Object>> judgements(List<org.dossier.core.Judgement> all) {
    java.util.Set<Long> active = new java.util.HashSet<>();
    org.dossier.core.Judgement.active(all).forEach(j -> active.add(j.seq()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (org.dossier.core.Judgement j : all) {
      out.add(judgement(j, active.contains(j.seq())));
    }
    return out;
  }

  /** Up to {@code maxChars} characters of a text file (-1 for all); empty when there is none. */
  public static String text(Path file, long maxChars) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      StringBuilder out = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((maxChars < 0 || out.length() < maxChars)
          && (n = in.read(buf, 0, maxChars < 0 ? buf.length : (int) Math.min(buf.length, maxChars - out.length()))) > 0) {
        out.append(buf, 0, n);
      }
      return out.toString();
    } catch (NoSuchFileException e) {
      return "";
    }
  }
}
