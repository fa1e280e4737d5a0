package org.dossier.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.EntityType;
import org.dossier.core.Judgement;
import org.dossier.serve.Models.JudgementRow;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import org.dossier.report.DocumentLabels;
import org.dossier.serve.Models.CoveragePage;
import org.dossier.serve.Models.CoverageRow;
import org.dossier.serve.Models.Edge;
import org.dossier.serve.Models.EntitiesPage;
import org.dossier.serve.Models.EntityRow;
import org.dossier.serve.Models.EventRow;
import org.dossier.serve.Models.LinkRow;
import org.dossier.serve.Models.Node;
import org.dossier.serve.Models.Quote;
import org.dossier.serve.Models.SourceRow;
import org.dossier.serve.Models.SourcesPage;
import org.dossier.serve.Models.Tick;
import org.dossier.serve.Models.TimelinePage;
import org.dossier.store.EntitySummary;

/**
 * The pages of the analysis: the timeline (a chart and a table, conflicting dates of one fact
 * side by side), the sources as a graph of who copied, translated or rewrote whom (outside
 * outlets as nodes, the evidence on each edge), the coverage (press claims supported,
 * contradicted or not found, with both passages) and the entities with their other names.
 * Charts are SVG drawn on the server; nothing runs in the page.
 */
final class AnalysisPages {
  /** Most nodes the sources graph draws; the table lists every document. */
  static final int MAX_NODES = 150;
  static final int CHART_WIDTH = 960;
  private static final Pattern DATE = Pattern.compile("^(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?|^(\\d{3})0s");

  private final Workbench bench;

  AnalysisPages(Workbench bench) {
    this.bench = bench;
  }

  void register(Javalin app) {
    app.get("/cases/{case}/timeline", this::timeline);
    app.get("/cases/{case}/sources", this::sources);
    app.get("/cases/{case}/coverage", this::coverage);
    app.get("/cases/{case}/entities", this::entities);
  }

  /** A page of the rows of a kind of finding, as JSON trees. */
  private static List<JsonNode> rows(Workbench.Served s, String kind, List<String> statuses, int offset, int limit)
      throws SQLException {
    List<JsonNode> out = new ArrayList<>();
    for (String r : s.folder().store().findings().page(kind, Optional.empty(), statuses, offset, limit)) {
      out.add(StoredFindings.tree(r));
    }
    return out;
  }

  /** How many rows of a kind there are, read once per link run. */
  private long count(Workbench.Served s, String kind, List<String> statuses) throws IOException {
    return bench.perLinkRun(s, kind + ": count\n" + String.join(",", statuses),
        () -> s.folder().store().findings().count(kind, Optional.empty(), statuses));
  }

  /** A claim or an evidence quote as a link to its passage. */
  static Quote quote(Workbench.Served s, JsonNode c, DocumentLabels labels, Map<String, String> ids)
      throws SQLException {
    String doc = c.path("document").asText();
    String id = Pages.id(s, doc, ids);
    int start = c.path("start").asInt(-1);
    int end = c.path("end").asInt(-1);
    String words = c.path("quote").asText("");
    if (words.isBlank()) {
      words = c.path("note").asText("the whole text");
    }
    return new Quote(labels.brief(doc), words,
        id.isEmpty() ? "" : Pages.documentUrl(s.key(), id, start, end), c.path("attributedTo").asText(""));
  }

  /** A date as a year with its fraction (a decade at its middle), or empty. */
  static Optional<Double> year(String date) {
    Matcher m = DATE.matcher(date);
    if (!m.find()) {
      return Optional.empty();
    }
    if (m.group(4) != null) {
      return Optional.of(Integer.parseInt(m.group(4)) * 10 + 5.0);
    }
    double y = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      y += (Integer.parseInt(m.group(2)) - 1) / 12.0;
      if (m.group(3) != null) {
        y += (Integer.parseInt(m.group(3)) - 1) / 365.0;
      }
    } else {
      y += 0.5;
    }
    return Optional.of(y);
  }

  private void timeline(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    Pages.Slice slice = Pages.Slice.of(ctx);
    List<JsonNode> events = rows(s, Findings.EVENT, List.of(), slice.offset(), slice.limit());
    DocumentLabels labels = bench.labels(s);
    Map<String, String> ids = new HashMap<>();
    Pages.ids(s, Pages.documentsIn(events), ids);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (JsonNode e : events) {
      Optional<Double> y = year(e.path("date").asText());
      if (y.isPresent()) {
        min = Math.min(min, y.get());
        max = Math.max(max, y.get());
      }
    }
    if (min > max) {
      min = 0;
      max = 1;
    }
    double from = Math.floor(min);
    double to = Math.max(from + 1, Math.ceil(max));
    int left = 40;
    int span = CHART_WIDTH - 2 * left;
    // one line per fact, so a fact's dates stand side by side
    Map<String, Integer> lines = new LinkedHashMap<>();
    List<EventRow> out = new ArrayList<>();
    for (JsonNode e : events) {
      String fact = e.path("fact").asText();
      int line = lines.computeIfAbsent(fact.isEmpty() ? "?" + out.size() : fact, k -> lines.size());
      Optional<Double> y = year(e.path("date").asText());
      int x = y.map(v -> left + (int) Math.round((v - from) / (to - from) * span)).orElse(-1);
      List<Quote> claims = new ArrayList<>();
      for (JsonNode c : e.path("claims")) {
        claims.add(quote(s, c, labels, ids));
      }
      List<String> alongside = new ArrayList<>();
      e.path("alongside").forEach(a -> alongside.add(a.asText()));
      out.add(new EventRow(e.path("date").asText(), e.path("what").asText(), e.path("status").asText(), fact, claims,
          alongside, x, 30 + line * 16));
    }
    List<Tick> ticks = new ArrayList<>();
    int step = Math.max(1, (int) Math.ceil((to - from) / 12));
    for (int yr = (int) from; yr <= to; yr += step) {
      ticks.add(new Tick(left + (int) Math.round((yr - from) / (to - from) * span), Integer.toString(yr)));
    }
    Pages.html(ctx, "timeline.jte", new TimelinePage(s.key(), out, ticks, CHART_WIDTH, 40 + lines.size() * 16,
        slice.pager(ctx, out.size(), count(s, Findings.EVENT, List.of()))));
  }

  private void sources(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    Pages.Slice slice = Pages.Slice.of(ctx);
    List<JsonNode> sources = rows(s, Findings.SOURCE, List.of(), slice.offset(), slice.limit());
    DocumentLabels labels = bench.labels(s);
    Map<String, String> ids = new HashMap<>();
    List<String> named = new ArrayList<>(Pages.documentsIn(sources));
    sources.forEach(src -> src.path("links").forEach(l -> named.add(l.path("to").asText())));
    Pages.ids(s, named, ids);
    // nodes: the case's documents that link or are linked, by date, then outside outlets on the left
    Map<String, Integer> index = new LinkedHashMap<>();
    List<String[]> outside = new ArrayList<>();
    for (JsonNode src : sources) {
      for (JsonNode l : src.path("links")) {
        index.putIfAbsent(src.path("document").asText(), 0);
        if (l.path("inCase").asBoolean(true)) {
          index.putIfAbsent(l.path("to").asText(), 0);
        } else if (outside.stream().noneMatch(o -> o[0].equals(l.path("to").asText()))) {
          outside.add(new String[] {l.path("to").asText()});
        }
      }
    }
    // a document this page links to may be listed on another page: its date from its label
    Map<String, String> dates = new HashMap<>();
    index.keySet().forEach(d -> dates.put(d, labels.date(d).map(Object::toString).orElse("")));
    List<String> docs = new ArrayList<>(index.keySet());
    docs.sort((a, b) -> (dates.getOrDefault(a, "") + a).compareTo(dates.getOrDefault(b, "") + b));
    if (docs.size() > MAX_NODES) {
      docs = docs.subList(0, MAX_NODES);
    }
    Map<String, Node> nodes = new LinkedHashMap<>();
    int rowHeight = 46;
    int columnWidth = 230;
    for (int i = 0; i < outside.size() && i < 40; i++) {
      String name = outside.get(i)[0];
      nodes.put(name, new Node(name, clip(name, 28), name + " (outside the case)", "", false, 110, 30 + i * rowHeight));
    }
    // one column per date (the earliest left), documents of one date stacked, staggered so edges show
    Map<String, Integer> columns = new LinkedHashMap<>();
    Map<Integer, Integer> filled = new HashMap<>();
    int deepest = 0;
    for (String d : docs) {
      int column = columns.computeIfAbsent(dates.getOrDefault(d, ""), k -> columns.size());
      int row = filled.merge(column, 1, Integer::sum) - 1;
      deepest = Math.max(deepest, row + 1);
      String id = quote(s, nodeQuote(d), labels, ids).url();
      nodes.put(d, new Node(d, clip(labels.brief(d), 28), labels.full(d), id, true, 360 + column * columnWidth,
          30 + row * rowHeight * 2 + (column % 2) * rowHeight));
    }
    List<Edge> edges = new ArrayList<>();
    List<SourceRow> table = new ArrayList<>();
    for (JsonNode src : sources) {
      String d = src.path("document").asText();
      List<LinkRow> links = new ArrayList<>();
      for (JsonNode l : src.path("links")) {
        String to = l.path("to").asText();
        List<Quote> evidence = new ArrayList<>();
        for (JsonNode ev : l.path("evidence")) {
          evidence.add(quote(s, ev, labels, ids));
        }
        Node a = nodes.get(d);
        Node b = nodes.get(to);
        String relation = l.path("relation").asText();
        if (a != null && b != null && a != b) {
          String why = evidence.isEmpty() ? "" : ": “" + evidence.get(0).quote() + "”";
          int[] from = border(a, b);
          int[] end = border(b, a);
          edges.add(new Edge(from[0], from[1], end[0], end[1], relation, labels.brief(d) + " " + relation + " " + b.label() + why));
        }
        boolean inCase = l.path("inCase").asBoolean(true);
        links.add(new LinkRow(relation, inCase ? labels.brief(to) : to,
            inCase ? quote(s, nodeQuote(to), labels, ids).url() : "", evidence, l.path("target").asText("")));
      }
      table.add(new SourceRow(d, labels.brief(d), quote(s, nodeQuote(d), labels, ids).url(), src.path("kind").asText(),
          src.path("outlet").asText(""), src.path("date").asText(""), links));
    }
    int height = 30 + Math.max(deepest * 2 * rowHeight, Math.min(outside.size(), 40) * rowHeight);
    Pages.html(ctx, "sources.jte", new SourcesPage(s.key(), List.copyOf(nodes.values()), edges, table,
        360 + Math.max(1, columns.size()) * columnWidth, Math.max(80, height), Pages.form(bench, ctx, s),
        judged(s, j -> j.target().startsWith("link:")), slice.pager(ctx, table.size(), count(s, Findings.SOURCE, List.of()))));
  }

  /** Where the line from {@code a}'s centre towards {@code b}'s leaves {@code a}'s box (190 by 28). */
  static int[] border(Node a, Node b) {
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double tx = dx == 0 ? Double.MAX_VALUE : 95 / Math.abs(dx);
    double ty = dy == 0 ? Double.MAX_VALUE : 14 / Math.abs(dy);
    double t = Math.min(1, Math.min(tx, ty));
    return new int[] {(int) Math.round(a.x() + dx * t), (int) Math.round(a.y() + dy * t)};
  }

  private static JsonNode nodeQuote(String document) {
    return Api.JSON.createObjectNode().put("document", document);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private void coverage(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    DocumentLabels labels = bench.labels(s);
    Map<String, String> ids = new HashMap<>();
    List<CoverageRow> out = new ArrayList<>();
    // the contradicted first (what the press got wrong against the cache), then the supported,
    // then the rest: a page runs on from one status into the next
    Pages.Slice slice = Pages.Slice.of(ctx);
    List<String> ranked = List.of("contradicted", "supported", "not-found");
    long[] counts = new long[ranked.size()];
    List<JsonNode> claims = new ArrayList<>();
    long skip = slice.offset();
    for (int i = 0; i < ranked.size(); i++) {
      counts[i] = count(s, Findings.COVERAGE, List.of(ranked.get(i)));
      if (skip >= counts[i]) {
        skip -= counts[i];
      } else if (claims.size() < slice.limit()) {
        claims.addAll(rows(s, Findings.COVERAGE, List.of(ranked.get(i)), (int) skip, slice.limit() - claims.size()));
        skip = 0;
      }
    }
    Pages.ids(s, Pages.documentsIn(claims), ids);
    for (JsonNode c : claims) {
      List<Quote> evidence = new ArrayList<>();
      for (JsonNode ev : c.path("evidence")) {
        evidence.add(quote(s, ev, labels, ids));
      }
      out.add(new CoverageRow(quote(s, c, labels, ids), c.path("status").asText(), c.path("value").path("normalized").asText(""),
          evidence));
    }
    Pages.html(ctx, "coverage.jte", new CoveragePage(s.key(), out, counts[1], counts[0], counts[2],
        slice.pager(ctx, out.size(), counts[0] + counts[1] + counts[2])));
  }

  private void entities(Context ctx) throws SQLException {
    Workbench.Served s = bench.served(ctx);
    String type = Optional.ofNullable(ctx.queryParam("type")).orElse("");
    Optional<EntityType> t;
    try {
      t = type.isEmpty() ? Optional.empty() : Optional.of(EntityType.fromCode(type));
    } catch (IllegalArgumentException e) {
      throw new Workbench.BadRequest("no entity type '" + type + "'");
    }
    List<EntityRow> out = new ArrayList<>();
    List<EntitySummary> entities = s.folder().store().entities().entities(t, 500);
    Map<String, String> ids = new HashMap<>();
    List<String> named = new ArrayList<>();
    entities.forEach(e -> named.addAll(e.documents().subList(0, Math.min(DOCUMENTS_SHOWN, e.documents().size()))));
    Pages.ids(s, named, ids); // one read for the page
    for (EntitySummary e : entities) {
      List<Models.Link> docs = new ArrayList<>();
      for (String d : e.documents().subList(0, Math.min(DOCUMENTS_SHOWN, e.documents().size()))) {
        String id = Pages.id(s, d, ids);
        docs.add(new Models.Link(d, id.isEmpty() ? "" : Pages.documentUrl(s.key(), id, -1, -1)));
      }
      out.add(new EntityRow(e.name(), e.type().code(), e.aliases(), e.mentions(), e.documents().size(),
          Pages.searchUrl(s.key(), "\"" + e.name().replace("\"", "") + "\"", 0), Judgement.entity(e.type(), e.name()), docs));
    }
    List<String> types = new ArrayList<>();
    for (EntityType et : EntityType.values()) {
      types.add(et.code());
    }
    Pages.html(ctx, "entities.jte", new EntitiesPage(s.key(), type, types, out, Pages.form(bench, ctx, s),
        judged(s, Judgement::bearsOnEntities)));
  }

  /** Documents named under each entity on its page; the rest are a search away. */
  static final int DOCUMENTS_SHOWN = 5;

  /** The analyst's judgements in force of a kind, the latest first. */
  private static List<JudgementRow> judged(Workbench.Served s, java.util.function.Predicate<Judgement> which) throws SQLException {
    List<JudgementRow> out = new ArrayList<>();
    for (Judgement j : Judgement.active(s.folder().store().judgements().all())) {
      if (which.test(j)) {
        out.add(Pages.row(s, j, true));
      }
    }
    java.util.Collections.reverse(out);
    return out;
  }
}
