package org.dossier.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentPath;
import org.dossier.core.Judgement;
import org.dossier.core.EntityMention;
import org.dossier.core.FacetCount;
import org.dossier.core.SearchHit;
import org.dossier.core.SearchResult;
import org.dossier.core.ValueMention;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import org.dossier.pipeline.Verifying;
import org.dossier.report.Disputes;
import org.dossier.report.DocumentLabels;
import org.dossier.serve.Models.CaseRow;
import org.dossier.serve.Models.Cite;
import org.dossier.serve.Models.Footnote;
import org.dossier.serve.Models.ReportPage;
import org.dossier.serve.Models.ReportSection;
import org.dossier.serve.Models.ReportSentence;
import org.dossier.serve.Models.ClaimRow;
import org.dossier.serve.Models.DocumentPage;
import org.dossier.serve.Models.DiffLine;
import org.dossier.serve.Models.DiffPage;
import org.dossier.serve.Models.Facet;
import org.dossier.serve.Models.FamilyRow;
import org.dossier.serve.Models.FacetValue;
import org.dossier.serve.Models.FactRow;
import org.dossier.serve.Models.FactsPage;
import org.dossier.serve.Models.FieldRow;
import org.dossier.serve.Models.Form;
import org.dossier.serve.Models.LinkRow;
import org.dossier.serve.Models.Quote;
import org.dossier.serve.Models.JudgementRow;
import org.dossier.serve.Models.JudgementsPage;
import org.dossier.serve.Models.Hit;
import org.dossier.serve.Models.IndexPage;
import org.dossier.serve.Models.Link;
import org.dossier.serve.Models.PathRow;
import org.dossier.serve.Models.Piece;
import org.dossier.serve.Models.Row;
import org.dossier.serve.Models.SearchPage;
import org.dossier.serve.Models.Segment;
import org.dossier.serve.Models.SignalRow;
import org.dossier.serve.Models.SignalsPage;
import org.dossier.serve.Models.StoriesPage;
import org.dossier.serve.Models.StoryRow;
import org.dossier.views.CaseViews;

/**
 * The workbench's pages, rendered on the server from typed models by the jte templates: cases,
 * search, a document with its passages and mentions marked, facts (disputes first, each claim a
 * link to its passage), stories and verification signals. Every string from a document reaches
 * the page through a template's escaping; links are built here from keys, never from markup.
 */
final class Pages {
  /** Most characters of a document's text a page shows. */
  static final int PAGE_TEXT_CHARS = 300_000;

  private final Workbench bench;

  Pages(Workbench bench) {
    this.bench = bench;
  }

  void register(Javalin app) {
    app.get("/", this::index);
    app.get("/cases/{case}", this::search);
    app.get("/cases/{case}/documents/{id}", this::document);
    app.get("/cases/{case}/facts", this::facts);
    app.get("/cases/{case}/stories", this::stories);
    app.get("/cases/{case}/signals", this::signals);
    app.get("/cases/{case}/judgements", this::judgements);
    app.get("/cases/{case}/report", this::report);
    app.get("/cases/{case}/diff", this::diff);
  }

  // ---- routes ----

  private void index(Context ctx) throws SQLException {
    List<CaseRow> rows = new ArrayList<>();
    List<Workbench.Served> readable = bench.readable(ctx); // a case that asks for a login is not named
    for (Workbench.Served s : readable) {
      rows.add(new CaseRow(s.key(), caseUrl(s.key()), s.folder().store().documents().documentCount()));
    }
    html(ctx, "index.jte", new IndexPage(rows, bench.cases().size() - readable.size(), ctx.cookie(Access.COOKIE) != null));
  }

  private void search(Context ctx) throws IOException {
    Workbench.Served s = bench.served(ctx);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    int limit = Api.limit(ctx, 20, 100);
    int offset = Api.offset(ctx);
    if (q.isEmpty()) {
      html(ctx, "search.jte", new SearchPage(s.key(), "", "", 0, 0, 0, List.of(), List.of(), "", ""));
      return;
    }
    SearchResult r;
    try {
      r = Api.search(bench, s, q, limit, offset);
    } catch (Workbench.BadRequest e) {
      html(ctx, "search.jte", new SearchPage(s.key(), q, e.getMessage(), 0, 0, 0, List.of(), List.of(), "", ""));
      return;
    }
    List<Hit> hits = new ArrayList<>();
    for (SearchHit h : r.hits()) {
      List<List<Segment>> snippets = new ArrayList<>();
      for (String snippet : h.snippets()) {
        snippets.add(segments(snippet));
      }
      hits.add(new Hit(h.name(), documentUrl(s.key(), h.id().sha256(), -1, -1), h.score(), snippets));
    }
    List<Facet> facets = new ArrayList<>();
    r.facets().forEach((dim, counts) -> {
      List<FacetValue> values = new ArrayList<>();
      for (FacetCount c : counts) {
        String term = c.value().matches("[\\p{L}\\p{N}._/-]+") ? c.value() : "\"" + c.value().replace("\"", "") + "\"";
        values.add(new FacetValue(c.value(), c.count(), searchUrl(s.key(), q + " " + dim + ":" + term, 0)));
      }
      facets.add(new Facet(dim, values));
    });
    String previous = offset > 0 ? searchUrl(s.key(), q, Math.max(0, offset - limit)) : "";
    String next = r.total() > offset + r.hits().size() ? searchUrl(s.key(), q, offset + limit) : "";
    html(ctx, "search.jte", new SearchPage(s.key(), q, "", r.total(), r.hits().isEmpty() ? 0 : offset + 1,
        offset + r.hits().size(), hits, facets, previous, next));
  }

  /** The index marks matches with {@code <b>} over HTML-escaped text: back to plain segments for the template to escape. */
  static List<Segment> segments(String snippet) {
    List<Segment> out = new ArrayList<>();
    int i = 0;
    while (i < snippet.length()) {
      int open = snippet.indexOf("<b>", i);
      if (open < 0) {
        out.add(new Segment(SearchHit.plain(snippet.substring(i)), false));
        break;
      }
      if (open > i) {
        out.add(new Segment(SearchHit.plain(snippet.substring(i, open)), false));
      }
      int close = snippet.indexOf("</b>", open);
      int end = close < 0 ? snippet.length() : close;
      out.add(new Segment(SearchHit.plain(snippet.substring(open + 3, end)), true));
      i = close < 0 ? snippet.length() : close + 4;
    }
    return out;
  }

  private void document(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    Document d = Api.byId(s, ctx.pathParam("id"));
    int from = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, Api.number(ctx, "from", -1)));
    int to = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, Api.number(ctx, "to", -1)));
    var store = s.folder().store();
    List<PathRow> paths = new ArrayList<>();
    for (DocumentPath p : store.documents().paths(d.id())) {
      paths.add(new PathRow(p.name(), p.status().code(), p.reason()));
    }
    Link parent = null;
    if (d.parent().isPresent()) {
      Optional<Document> p = store.documents().document(d.parent().get());
      if (p.isPresent()) {
        parent = new Link(p.get().name(), documentUrl(s.key(), p.get().id().sha256(), -1, -1));
      }
    }
    List<Link> children = new ArrayList<>();
    for (Document c : store.documents().children(d.id())) {
      children.add(new Link(c.name(), documentUrl(s.key(), c.id().sha256(), -1, -1)));
    }
    List<Row> metadata = new ArrayList<>();
    store.documents().metadata(d.id()).forEach((k, v) -> metadata.add(new Row(k, String.join(" | ", v))));
    List<SignalRow> signals = signals(s, d.name());
    String text = CaseViews.text(s.folder().layout().text(d.id()), PAGE_TEXT_CHARS);
    boolean cut = d.textChars() > text.length();
    Annotations a = store.annotations().annotations(d.id());
    boolean passage = from >= 0 && to > from && from < text.length();
    List<Piece> pieces = pieces(text, a, passage ? from : -1, passage ? Math.min(to, text.length()) : -1);
    String target = Judgement.document(d.id());
    List<Judgement> all = store.judgements().about(target);
    JudgementRow star = null;
    List<JudgementRow> tags = new ArrayList<>();
    List<JudgementRow> notes = new ArrayList<>();
    for (Judgement j : Judgement.active(all)) {
      JudgementRow r = row(s, j, true);
      switch (j.action()) {
        case STAR -> star = r;
        case TAG -> tags.add(r);
        case NOTE -> notes.add(r);
        default -> { }
      }
    }
    // where it comes from, as the link stage read it, and the fields the analyst may set
    Optional<JsonNode> source = store.findings().ofDocument(Findings.SOURCE, d.name()).map(StoredFindings::tree);
    List<FieldRow> fields = new ArrayList<>();
    for (String field : List.of("outlet", "headline", "date", "address")) {
      String fieldTarget = Judgement.field(d.id(), field);
      JudgementRow set = null;
      for (Judgement j : Judgement.active(store.judgements().about(fieldTarget))) {
        set = row(s, j, true); // the latest in force
      }
      String value = set != null ? set.value() : source.map(n -> n.path(field).asText("")).orElse("");
      fields.add(new FieldRow(field, value, set, fieldTarget, field.equals("date") ? "date" : field.equals("address") ? "url" : "text"));
    }
    List<LinkRow> links = new ArrayList<>();
    if (source.isPresent()) {
      DocumentLabels labels = bench.labels(s);
      Map<String, String> ids = new HashMap<>();
      for (JsonNode l : source.get().path("links")) {
        String other = l.path("to").asText();
        boolean inCase = l.path("inCase").asBoolean(true);
        List<Quote> evidence = new ArrayList<>();
        for (JsonNode ev : l.path("evidence")) {
          evidence.add(AnalysisPages.quote(s, ev, labels, ids));
        }
        String toId = inCase ? id(s, other, ids) : "";
        links.add(new LinkRow(l.path("relation").asText(), inCase ? labels.brief(other) : other,
            toId.isEmpty() ? "" : documentUrl(s.key(), toId, -1, -1), evidence, l.path("target").asText("")));
      }
    }
    html(ctx, "document.jte", new DocumentPage(s.key(), d.name(), d.id().sha256(), d.status().code(), d.reason(),
        d.mediaType(), d.language(), d.size(),
        d.stored() ? "/api/v1/cases/" + s.key() + "/documents/" + d.id().sha256() + "/original" : "",
        paths, parent, children, metadata, signals, pieces, cut, passage, form(ctx, s), target, star, tags, notes,
        family(s, d), fields, source.map(n -> n.path("kind").asText("")).orElse(""), links, picture(ctx, s, d)));
  }

  /** A PDF's page or an image, drawn: the page asked for ({@code ?page=N}), and its neighbours. */
  private static Models.Picture picture(Context ctx, Workbench.Served s, Document d) throws SQLException {
    if (!d.stored() || !Previews.draws(d.mediaType())) {
      return null;
    }
    int pages = 0;
    for (String v : s.folder().store().documents().metadata(d.id()).getOrDefault("xmpTPg:NPages", List.of())) {
      try {
        pages = Math.max(pages, Integer.parseInt(v.strip()));
      } catch (NumberFormatException e) {
        // a page count that is no number: not shown
      }
    }
    boolean image = !d.mediaType().startsWith("application/pdf");
    int page = image ? 1 : (int) Math.max(1, Math.min(pages > 0 ? pages : Integer.MAX_VALUE, Api.number(ctx, "page", 1)));
    String id = d.id().sha256();
    String self = "/cases/" + s.key() + "/documents/" + id + "?page=";
    return new Models.Picture(Pictures.url(s.key(), id, page), page, image ? 1 : pages,
        page > 1 ? self + (page - 1) + "#original" : "",
        !image && (pages == 0 || page < pages) ? self + (page + 1) + "#original" : "");
  }

  /** The version family the verify stage put the document in, each member with the diff against this one. */
  private List<FamilyRow> family(Workbench.Served s, Document d) throws SQLException, IOException {
    Map<String, String> ids = new HashMap<>();
    // the families as the store streams them, only the document's own held
    List<JsonNode> found = new ArrayList<>();
    s.folder().store().findings().forEach(Verifying.FAMILY, Optional.empty(), List.of(), row -> {
      JsonNode f = StoredFindings.tree(row);
      boolean mine = false;
      for (JsonNode m : f.path("members")) {
        mine |= m.path("document").asText().equals(d.name());
      }
      if (mine && found.isEmpty()) {
        found.add(f);
      }
    });
    for (JsonNode f : found) {
      List<FamilyRow> out = new ArrayList<>();
      ids(s, documentsIn(List.of(f)), ids);
      String principal = f.path("principal").asText();
      for (JsonNode m : f.path("members")) {
        String name = m.path("document").asText();
        String id = id(s, name, ids);
        boolean self = name.equals(d.name());
        out.add(new FamilyRow(m.path("role").asText(), String.format(java.util.Locale.ROOT, "%.2f",
            m.path("similarity").asDouble()), new Link(name, id.isEmpty() ? "" : documentUrl(s.key(), id, -1, -1)),
            self || id.isEmpty() ? "" : "/cases/" + s.key() + "/diff?a=" + id + "&b=" + d.id().sha256(),
            name.equals(principal), self));
      }
      return out;
    }
    return List.of();
  }

  private void diff(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    Document a = Api.byId(s, Optional.ofNullable(ctx.queryParam("a")).orElse(""));
    Document b = Api.byId(s, Optional.ofNullable(ctx.queryParam("b")).orElse(""));
    Map<String, Object> diff = CaseViews.diff(s.folder(), a, b);
    List<DiffLine> lines = new ArrayList<>();
    for (Object o : (List<?>) diff.get("lines")) {
      String line = String.valueOf(o);
      lines.add(new DiffLine(line.startsWith("+ ") ? "added" : line.startsWith("- ") ? "removed" : "",
          line.startsWith("+ ") || line.startsWith("- ") ? line.substring(2) : line));
    }
    html(ctx, "diff.jte", new DiffPage(s.key(), new Link(a.name(), documentUrl(s.key(), a.id().sha256(), -1, -1)),
        new Link(b.name(), documentUrl(s.key(), b.id().sha256(), -1, -1)),
        ((List<?>) diff.get("numbersOnlyInA")).stream().map(String::valueOf).toList(),
        ((List<?>) diff.get("numbersOnlyInB")).stream().map(String::valueOf).toList(), lines));
  }

  private record Mark(int start, int end, String kind, String label) {}

  /**
   * The text cut into runs at every mention's and the passage's bounds. A mention that would
   * cross one already placed is left out, so runs never nest.
   */
  static List<Piece> pieces(String text, Annotations a, int from, int to) {
    List<Mark> marks = new ArrayList<>();
    for (EntityMention e : a.entities()) {
      marks.add(new Mark(e.span().start(), e.span().end(), "entity",
          e.type().code() + (e.canonical().equals(e.text()) ? "" : ": " + e.canonical())));
    }
    for (ValueMention v : a.values()) {
      marks.add(new Mark(v.span().start(), v.span().end(), "value", v.value().kind() + ": " + v.value().normalized()));
    }
    for (Attribution at : a.attributions()) {
      if (at.kind() != Attribution.Kind.QUOTE && at.kind() != Attribution.Kind.DATELINE) {
        marks.add(new Mark(at.source().start(), at.source().end(), "source", "said by (" + at.kind().code() + ")"));
      }
    }
    marks.sort(Comparator.comparingInt(Mark::start).thenComparingInt(m -> -m.end()));
    List<Mark> placed = new ArrayList<>();
    int reach = 0;
    for (Mark m : marks) {
      if (m.start() >= reach && m.end() <= text.length() && m.end() > m.start()) {
        placed.add(m);
        reach = m.end();
      }
    }
    TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
    for (Mark m : placed) {
      cuts.add(m.start());
      cuts.add(m.end());
    }
    if (from >= 0) {
      cuts.add(from);
      cuts.add(to);
    }
    Map<Integer, Mark> byStart = new HashMap<>();
    placed.forEach(m -> byStart.put(m.start(), m));
    List<Piece> out = new ArrayList<>();
    Mark open = null;
    boolean anchored = false;
    Integer prev = null;
    for (int cut : cuts) {
      if (prev != null && cut > prev) {
        if (open != null && prev >= open.end()) {
          open = null;
        }
        Mark starting = byStart.get(prev);
        if (starting != null) {
          open = starting;
        }
        boolean inPassage = from >= 0 && prev >= from && prev < to;
        out.add(new Piece(text.substring(prev, cut), open == null ? "" : open.kind(), open == null ? "" : open.label(),
            inPassage, inPassage && !anchored));
        anchored |= inPassage;
      }
      prev = cut;
    }
    return out;
  }

  /** Facts a page shows in each section unless {@code ?limit=} says (at most {@link #LIST_MOST}). */
  static final int FACTS_PAGE = 100;
  private static final List<String> DISPUTED = List.of("conflict", "divergent");
  private static final List<String> SETTLED = List.of("agree", "single");

  /**
   * Two lists paged together: the facts whose sources disagree, the disputes largest first then
   * the rest in their order, and the other facts (agreements, one source) in their order, {@value
   * #FACTS_PAGE} of each a page. The disagreements' order is ranked once per link run and filter
   * holding only their ids and sizes ({@link Disputes#disputesFirst}); only the shown facts are read
   * whole, by id, so a case of a million facts costs a page and its ranking, not the case.
   */
  private void facts(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    Optional<String> story = Optional.ofNullable(ctx.queryParam("story"));
    Optional<String> status = Optional.ofNullable(ctx.queryParam("status"));
    Slice slice = new Slice(Api.offset(ctx), Api.limit(ctx, FACTS_PAGE, LIST_MOST));
    int offset = slice.offset();
    var store = s.folder().store().findings();
    List<String> disputedAsked = status.map(x -> DISPUTED.contains(x) ? List.of(x) : List.<String>of()).orElse(DISPUTED);
    List<String> settledAsked = status.map(x -> SETTLED.contains(x) ? List.of(x) : List.<String>of()).orElse(SETTLED);
    String filter = story.map(x -> "story " + x).orElse("any story") + "\n" + status.orElse("");
    List<String> order = disputedAsked.isEmpty() ? List.of()
        : bench.perLinkRun(s, "facts: disputes first\n" + filter,
            () -> Disputes.disputesFirst(CaseViews.findings(store), story, disputedAsked));
    long settledTotal = settledAsked.isEmpty() ? 0
        : bench.perLinkRun(s, "facts: settled\n" + filter, () -> store.count(Findings.FACT, story, settledAsked));
    Map<String, String> keys = new HashMap<>(); // a fact's id -> its key for judgements
    List<StoredFindings.Fact> disputed = new ArrayList<>();
    if (offset < order.size()) {
      for (String row : store.byIds(Findings.FACT, order.subList(offset, Math.min(order.size(), offset + slice.limit())))) {
        disputed.add(fact(row, keys));
      }
    }
    List<StoredFindings.Fact> settled = new ArrayList<>();
    if (!settledAsked.isEmpty() && offset < settledTotal) {
      for (String row : store.page(Findings.FACT, story, settledAsked, offset, slice.limit())) {
        settled.add(fact(row, keys));
      }
    }
    Map<String, String> ids = new HashMap<>();
    List<String> named = new ArrayList<>();
    for (List<StoredFindings.Fact> facts : List.of(disputed, settled)) {
      facts.forEach(f -> f.claims().forEach(c -> named.add(c.document())));
    }
    ids(s, named, ids);
    DocumentLabels labels = bench.labels(s);
    List<FactRow> disputes = new ArrayList<>();
    for (StoredFindings.Fact f : disputed) {
      disputes.add(row(s, f, Disputes.of(f).map(d -> d.size().words()).orElse(""), ids, labels, keys));
    }
    List<FactRow> others = new ArrayList<>();
    for (StoredFindings.Fact f : settled) {
      others.add(row(s, f, "", ids, labels, keys));
    }
    String base = "/cases/" + s.key() + "/facts?" + story.map(x -> "story=" + enc(x) + "&").orElse("")
        + status.map(x -> "status=" + enc(x) + "&").orElse("")
        + (slice.limit() == FACTS_PAGE ? "" : "limit=" + slice.limit() + "&");
    String previous = offset > 0 ? base + "offset=" + Math.max(0, offset - slice.limit()) : "";
    String next = Math.max(order.size(), settledTotal) > offset + slice.limit() ? base + "offset=" + (offset + slice.limit()) : "";
    boolean updating = !bench.tasks().open(s.key()).isEmpty() || !org.dossier.pipeline.Linking.current(s.folder());
    html(ctx, "facts.jte", new FactsPage(s.key(), disputes, order.size(), others, settledTotal, offset, previous,
        next, form(ctx, s), updating));
  }

  private static StoredFindings.Fact fact(String row, Map<String, String> keys) {
    JsonNode n = StoredFindings.tree(row);
    keys.put(n.path("id").asText(), n.path("key").asText());
    return StoredFindings.fact(n);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Documents named as a reader knows them (outlet or headline, and date), read from every source row as the store streams it. */
  static DocumentLabels readLabels(Workbench.Served s) throws SQLException, IOException {
    return DocumentLabels.read(row -> s.folder().store().findings().forEach(Findings.SOURCE, Optional.empty(), List.of(), row));
  }

  private FactRow row(Workbench.Served s, StoredFindings.Fact f, String size, Map<String, String> ids,
      DocumentLabels labels, Map<String, String> keys) throws SQLException {
    List<ClaimRow> claims = new ArrayList<>();
    for (StoredFindings.Claim c : f.claims()) {
      String id = id(s, c.document(), ids);
      DocumentId doc = id.isEmpty() ? null : new DocumentId(id);
      claims.add(new ClaimRow(c.document(), labels.brief(c.document()), id.isEmpty() ? "" : documentUrl(s.key(), id, c.start(), c.end()),
          c.quote(), org.dossier.report.Readable.value(c.value()), c.attributedTo().orElse(""), c.press(),
          doc == null || c.end() <= c.start() ? "" : Judgement.claim(doc, c.start(), c.end()),
          doc == null || c.end() <= c.start() || c.attributedTo().isEmpty() ? "" : Judgement.attribution(doc, c.start(), c.end())));
    }
    String key = keys.getOrDefault(f.id(), "");
    return new FactRow(f.id(), f.story(), f.subject(), f.property(), f.status(), f.explanation(), size, claims,
        key.matches("[0-9a-f]{16,64}") ? Judgement.fact(key) : "");
  }

  /** Sentences of each section the report page shows; the rest are in the downloads (and in each story's report). */
  static final int REPORT_PAGE = 50;

  /**
   * What the report page shows ({@link org.dossier.report.Report#page}), open to be read: made once
   * per run of the stages ({@link ReportFiles}), for the whole report is gone over to number its
   * footnotes.
   */
  static java.io.InputStream reportPage(Workbench.Served s, Optional<String> story) throws IOException {
    return ReportFiles.open(s.folder(), "page", story,
        (w, aside) -> org.dossier.report.Report.page(Api.report(s, story), w, aside, REPORT_PAGE));
  }

  /** The report, each citation a link to its passage; while the case is stale, a task brings it up to date first. */
  private void report(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    if (bench.stale(s)) {
      bench.refresh(s);
      html(ctx, "report.jte", new ReportPage(s.key(), "Report", List.of(), List.of(), true, ""));
      return;
    }
    Optional<String> story = Optional.ofNullable(ctx.queryParam("story"));
    JsonNode r;
    try {
      try (java.io.InputStream page = reportPage(s, story)) {
        r = Api.JSON.readTree(page);
      }
    } catch (ReportFiles.FormedAgain e) {
      html(ctx, "report.jte", new ReportPage(s.key(), "Report", List.of(), List.of(), true, ""));
      return;
    }
    Map<String, String> ids = new HashMap<>();
    Map<Integer, String> urls = new HashMap<>();
    List<Footnote> notes = new ArrayList<>();
    ids(s, documentsIn(r.path("footnotes")), ids);
    for (JsonNode f : r.path("footnotes")) {
      String id = id(s, f.path("document").asText(), ids);
      String url = id.isEmpty() ? "" : documentUrl(s.key(), id, f.path("start").asInt(), f.path("end").asInt());
      urls.put(f.path("number").asInt(), url);
      notes.add(new Footnote(f.path("number").asInt(), f.path("label").asText(), f.path("quote").asText(),
          f.path("note").asText(""), url));
    }
    List<ReportSection> sections = new ArrayList<>();
    for (JsonNode sec : r.path("sections")) {
      List<ReportSentence> sentences = new ArrayList<>();
      for (JsonNode st : sec.path("sentences")) {
        List<Cite> cites = new ArrayList<>();
        st.path("citations").forEach(n -> cites.add(new Cite(n.asInt(), urls.getOrDefault(n.asInt(), ""), cites.isEmpty() ? "" : ",")));
        sentences.add(new ReportSentence(st.path("text").asText(), cites));
      }
      sections.add(new ReportSection(sec.path("title").asText(), sentences, sec.path("omitted").asLong(0)));
    }
    html(ctx, "report.jte", new ReportPage(s.key(), r.path("title").asText(), sections, notes, false,
        story.map(x -> "&story=" + enc(x)).orElse("")));
  }

  private void judgements(Context ctx) throws SQLException {
    Workbench.Served s = bench.served(ctx);
    List<Judgement> all = s.folder().store().judgements().all();
    java.util.Set<Long> active = new java.util.HashSet<>();
    Judgement.active(all).forEach(j -> active.add(j.seq()));
    List<JudgementRow> rows = new ArrayList<>();
    for (Judgement j : all) {
      rows.add(row(s, j, active.contains(j.seq())));
    }
    java.util.Collections.reverse(rows); // the latest first
    html(ctx, "judgements.jte", new JudgementsPage(s.key(), rows, form(ctx, s)));
  }

  static JudgementRow row(Workbench.Served s, Judgement j, boolean inForce) {
    String url = j.document().map(d -> documentUrl(s.key(), d.sha256(), -1, -1)).orElse("/cases/" + s.key() + "/facts");
    return new JudgementRow(j.seq(), j.at().toString().substring(0, 16).replace('T', ' '), j.user(), j.action().code(),
        j.target(), url, j.value(), j.reason(), inForce, inForce && j.action() != Judgement.Action.UNDO);
  }

  /** The form fields of this page: the token, and the page itself to come back to. */
  private Form form(Context ctx, Workbench.Served s) {
    return form(bench, ctx, s);
  }

  static Form form(Workbench bench, Context ctx, Workbench.Served s) {
    String q = ctx.queryString();
    return new Form(s.key(), bench.csrf(ctx), ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q));
  }

  /**
   * Looks up the ids of these document names in one read, for {@link #id} to find without a
   * query each (a facts page names hundreds of documents).
   */
  static void ids(Workbench.Served s, java.util.Collection<String> names, Map<String, String> ids) throws SQLException {
    List<String> wanted = names.stream().filter(n -> !ids.containsKey(n)).distinct().toList();
    if (wanted.isEmpty()) {
      return;
    }
    Map<String, DocumentId> found = s.folder().store().documents().idsByName(wanted);
    for (String n : wanted) {
      DocumentId id = found.get(n);
      ids.put(n, id == null ? "" : id.sha256());
    }
  }

  /** The names of the documents a finding's tree names anywhere (claims, evidence, members). */
  static List<String> documentsIn(Iterable<JsonNode> trees) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : trees) {
      out.addAll(t.findValuesAsText("document"));
    }
    return out;
  }

  /** A document's id from its name, remembered for the page. */
  static String id(Workbench.Served s, String name, Map<String, String> ids) throws SQLException {
    String id = ids.get(name);
    if (id == null) {
      id = s.folder().store().documents().documentByName(name).map(d -> d.id().sha256()).orElse("");
      ids.put(name, id);
    }
    return id;
  }

  /** Rows a list page (stories, signals, timeline, sources, coverage) shows unless {@code ?limit=} says; at most {@link #LIST_MOST}. */
  static final int LIST_PAGE = 100;
  static final int LIST_MOST = 500;

  /**
   * A list page's rows: {@code ?offset=} and {@code ?limit=} of the request, read from the store a
   * page at a time (a case of a million findings costs a page, not the case).
   */
  record Slice(int offset, int limit) {
    static Slice of(Context ctx) {
      return new Slice(Api.offset(ctx), Api.limit(ctx, LIST_PAGE, LIST_MOST));
    }

    /** Where a page of {@code shown} rows of {@code total} stands, with links to its neighbours. */
    Models.Pager pager(Context ctx, int shown, long total) {
      String base = ctx.path() + "?" + (limit == LIST_PAGE ? "" : "limit=" + limit + "&") + "offset=";
      return new Models.Pager(shown == 0 ? offset : offset + 1, offset + shown, total,
          offset > 0 ? base + Math.max(0, offset - limit) : "", offset + shown < total ? base + (offset + limit) : "");
    }
  }

  private void stories(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    Slice slice = Slice.of(ctx);
    var store = s.folder().store().findings();
    long total = bench.perLinkRun(s, "stories: count", () -> store.count(Findings.STORY, Optional.empty(), List.of()));
    Map<String, String> ids = new HashMap<>();
    List<StoryRow> rows = new ArrayList<>();
    List<JsonNode> stories = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (String row : store.page(Findings.STORY, Optional.empty(), List.of(), slice.offset(), slice.limit())) {
      JsonNode n = StoredFindings.tree(row);
      stories.add(n);
      n.path("documents").forEach(d -> named.add(d.asText()));
    }
    ids(s, named, ids);
    for (JsonNode n : stories) {
      List<Link> docs = new ArrayList<>();
      for (JsonNode d : n.path("documents")) {
        String id = id(s, d.asText(), ids);
        docs.add(new Link(d.asText(), id.isEmpty() ? "" : documentUrl(s.key(), id, -1, -1)));
      }
      rows.add(new StoryRow(n.path("id").asText(), n.path("title").asText(), docs));
    }
    html(ctx, "stories.jte", new StoriesPage(s.key(), rows, slice.pager(ctx, rows.size(), total)));
  }

  private void signals(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    Slice slice = Slice.of(ctx);
    var store = s.folder().store().findings();
    List<SignalRow> rows = signals(s, store.page(Verifying.SIGNAL, Optional.empty(), List.of(), slice.offset(), slice.limit())
        .stream().map(StoredFindings::tree).toList());
    html(ctx, "signals.jte", new SignalsPage(s.key(), rows,
        slice.pager(ctx, rows.size(), store.count(Verifying.SIGNAL, Optional.empty(), List.of()))));
  }

  /** The signals of one document. */
  private List<SignalRow> signals(Workbench.Served s, String document) throws SQLException, IOException {
    List<JsonNode> mine = new ArrayList<>();
    s.folder().store().findings().forEach(Verifying.SIGNAL, Optional.empty(), List.of(), row -> {
      JsonNode n = StoredFindings.tree(row);
      if (document.equals(n.path("document").asText())) {
        mine.add(n);
      }
    });
    return signals(s, mine);
  }

  /** Signals as the page lists them, each row read once. */
  private List<SignalRow> signals(Workbench.Served s, List<JsonNode> shown) throws SQLException, IOException {
    Map<String, String> ids = new HashMap<>();
    List<SignalRow> out = new ArrayList<>();
    ids(s, shown.stream().map(n -> n.path("document").asText()).toList(), ids);
    for (JsonNode n : shown) {
      String name = n.path("document").asText();
      String id = id(s, name, ids);
      out.add(new SignalRow(n.path("severity").asText(), n.path("kind").asText(), name,
          id.isEmpty() ? "" : documentUrl(s.key(), id, -1, -1), n.path("explanation").asText(),
          n.path("innocentExplanation").asText()));
    }
    return out;
  }

  // ---- helpers ----

  static void html(Context ctx, String template, Object model) {
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(Templates.render(template, model));
  }

  static String caseUrl(String key) {
    return "/cases/" + key;
  }

  static String searchUrl(String key, String q, int offset) {
    return "/cases/" + key + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (offset > 0 ? "&offset=" + offset : "");
  }

  /** A document's page; with a passage ({@code from} < {@code to}), scrolled to it. */
  static String documentUrl(String key, String id, int from, int to) {
    return "/cases/" + key + "/documents/" + id + (from >= 0 && to > from ? "?from=" + from + "&to=" + to + "#passage" : "");
  }
}
