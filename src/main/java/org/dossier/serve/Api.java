package org.dossier.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dossier.core.Document;
import org.dossier.core.SearchRequest;
import org.dossier.core.SearchResult;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import org.dossier.pipeline.Verifying;
import org.dossier.views.CaseViews;

/**
 * The REST API under {@code /api/v1}: JSON, the same read models as the CLI's {@code --json},
 * lists paginated with {@code limit} and {@code offset}. Described by {@code /api/openapi.json}.
 */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Most items one page of a list holds. */
  static final int MAX_LIMIT = 500;
  private static final Pattern ID = Pattern.compile("[0-9a-f]{6,64}");

  /** The finding lists the API serves: path segment, stored kind, the list's key in the answer. */
  record Listing(String path, String kind, String key) {}

  static final List<Listing> LISTINGS = List.of(
      new Listing("facts", Findings.FACT, "facts"),
      new Listing("stories", Findings.STORY, "stories"),
      new Listing("sources", Findings.SOURCE, "documents"),
      new Listing("timeline", Findings.EVENT, "events"),
      new Listing("coverage", Findings.COVERAGE, "claims"),
      new Listing("signals", Verifying.SIGNAL, "signals"),
      new Listing("families", Verifying.FAMILY, "families"));

  private final Workbench bench;

  Api(Workbench bench) {
    this.bench = bench;
  }

  private final List<String> routes = new ArrayList<>();

  void register(Javalin app) {
    app.get("/api/openapi.json", this::openapi);
    get(app, "/api/v1/cases", this::cases);
    get(app, "/api/v1/cases/{case}/search", this::search);
    get(app, "/api/v1/cases/{case}/documents", this::documentByName);
    get(app, "/api/v1/cases/{case}/documents/{id}", this::document);
    get(app, "/api/v1/cases/{case}/documents/{id}/annotated", this::annotated);
    get(app, "/api/v1/cases/{case}/documents/{id}/original", this::original);
    for (Listing l : LISTINGS) {
      get(app, "/api/v1/cases/{case}/" + l.path(), ctx -> listing(ctx, l));
    }
    get(app, "/api/v1/cases/{case}/report", this::report);
    get(app, "/api/v1/cases/{case}/diff", this::diff);
    routes.add("/api/v1/cases/{case}/batch-search");
    app.post("/api/v1/cases/{case}/batch-search", this::batch);
  }

  /** {@code {"queries": [...]}}: each query's total and first hits; with {@code ?format=csv}, the CSV. */
  private void batch(Context ctx) throws IOException {
    Workbench.Served s = bench.served(ctx);
    if (!Optional.ofNullable(ctx.contentType()).orElse("").startsWith("application/json")) {
      throw new Workbench.BadRequest("send {\"queries\": [...]} as JSON (Content-Type: application/json)");
    }
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (IOException e) {
      throw new Workbench.BadRequest("the body is not JSON");
    }
    List<String> queries = new ArrayList<>();
    body.path("queries").forEach(q -> {
      if (!q.asText().isBlank()) {
        queries.add(q.asText().strip());
      }
    });
    if (queries.isEmpty() || queries.size() > BatchSearch.MAX_QUERIES) {
      throw new Workbench.BadRequest("give 1 to " + BatchSearch.MAX_QUERIES + " queries");
    }
    List<BatchSearch.Outcome> outcomes = BatchSearch.search(bench.index(s), queries);
    if ("csv".equals(ctx.queryParam("format"))) {
      download(ctx, "text/csv; charset=utf-8", "batch-search-" + s.key() + ".csv", BatchSearch.csv(outcomes));
    } else {
      ctx.json(BatchSearch.json(outcomes));
    }
  }

  /** Two versions compared, as {@code dossier diff --json}: {@code ?a=ID&b=ID}. */
  private void diff(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    ctx.json(CaseViews.diff(s.folder(), byId(s, Optional.ofNullable(ctx.queryParam("a")).orElse("")),
        byId(s, Optional.ofNullable(ctx.queryParam("b")).orElse(""))));
  }

  /**
   * The report as md, html or json, as {@code dossier report} writes it (a download, except json),
   * made once per run of the stages ({@link ReportFiles}). While the case is stale, 202 with the
   * task that brings it up to date.
   */
  private void report(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
    if (!List.of("md", "html", "json").contains(format)) {
      throw new Workbench.BadRequest("format is md, html or json");
    }
    if (bench.stale(s)) {
      ctx.status(io.javalin.http.HttpStatus.ACCEPTED).json(Map.of("task", bench.refresh(s).json(),
          "message", "the case is being brought up to date for the report; ask again when the task is done"));
      return;
    }
    // made once per run of the stages, written to a file as it is made and sent from there: a
    // large case's report is not held
    Optional<String> story = Optional.ofNullable(ctx.queryParam("story"));
    // (findings formed again while it was made: 409, ask again; an unknown story: 400)
    java.io.InputStream body = ReportFiles.open(s.folder(), format, story,
        (w, aside) -> org.dossier.report.Report.write(report(s, story), format, w, aside));
    switch (format) {
      case "json" -> {
        ctx.contentType("application/json");
        ctx.result(body);
      }
      case "html" -> download(ctx, "text/html; charset=utf-8", "report-" + s.key() + ".html", body);
      default -> download(ctx, "text/markdown; charset=utf-8", "report-" + s.key() + ".md", body);
    }
  }

  /** What the case's report (on one story when asked) is made from; a 400 for a story the case has not. */
  static org.dossier.report.Report.Input report(Workbench.Served s, Optional<String> story) throws IOException {
    try {
      return CaseViews.report(s.folder(), org.dossier.report.Report.SINGLE, org.dossier.report.Report.NOT_FOUND, story);
    } catch (IllegalArgumentException e) {
      throw new Workbench.BadRequest(e.getMessage());
    }
  }

  private static void download(Context ctx, String type, String name, String body) {
    download(ctx, type, name, new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static void download(Context ctx, String type, String name, java.io.InputStream body) {
    ctx.contentType(type);
    ctx.header("Content-Disposition", ContentDisposition.attachment(name));
    ctx.result(body);
  }

  private void get(Javalin app, String path, io.javalin.http.Handler handler) {
    routes.add(path);
    app.get(path, handler);
  }

  /** The API's routes as registered, in Javalin's (and OpenAPI's) path syntax. */
  List<String> routes() {
    return List.copyOf(routes);
  }

  private void openapi(Context ctx) throws IOException {
    byte[] doc = openapi;
    if (doc == null) {
      try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
        doc = JSON.writeValueAsBytes(withErrors(JSON.readTree(in)));
      }
      openapi = doc;
    }
    ctx.contentType("application/json");
    ctx.result(doc);
  }

  /** The OpenAPI document as served, its error answers added once. */
  private volatile byte[] openapi;

  /**
   * The answers other than success each operation may give, added to the described ones from the
   * rules that give them, so the document cannot drift from the server: 400 (a bad request or Host
   * header), 429 (the rate limit) and 500 for every operation; 401 and 404 where a case or an item
   * is named; 403 for changes (token, origin, role); 409 for a judgement another change holds;
   * 503 with Retry-After for the heavy reads that wait their turn ({@link Admission#heavy}).
   */
  static JsonNode withErrors(JsonNode doc) {
    ObjectNode components = (ObjectNode) doc.get("components");
    ObjectNode responses = components.putObject("responses");
    Map<String, String> meaning = new LinkedHashMap<>();
    meaning.put("400", "The request is malformed, or names a Host this server does not answer to.");
    meaning.put("401", "The case has users and the request proves none (log in, or send 'Authorization: Bearer TOKEN').");
    meaning.put("403", "A change without the session's X-CSRF-Token, from another site, or beyond the caller's role.");
    meaning.put("404", "No such case, document or item here.");
    meaning.put("409", "Another change to the same judgement is under way; send it again.");
    meaning.put("429", "Too many requests from this address; wait a second.");
    meaning.put("500", "The request failed; the case's dossier.log says why.");
    meaning.put("503", "The server is busy: this heavy read waited its turn too long, or too many wait already; try again"
        + " after Retry-After seconds.");
    meaning.forEach((code, text) -> {
      ObjectNode r = responses.putObject("E" + code);
      r.put("description", text);
      if (code.equals("503")) {
        r.putObject("headers").putObject("Retry-After").put("description", "Seconds to wait before trying again.")
            .putObject("schema").put("type", "integer");
      }
      r.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
    });
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String method = op.getKey().toUpperCase(Locale.ROOT);
        List<String> codes = new ArrayList<>(List.of("400"));
        if (path.getKey().contains("{")) {
          codes.add("401");
        }
        if (!method.equals("GET")) {
          codes.add("403");
        }
        if (path.getKey().contains("{")) {
          codes.add("404");
        }
        if (!method.equals("GET") && path.getKey().contains("judgements")) {
          codes.add("409");
        }
        codes.add("429");
        codes.add("500");
        if (Admission.heavy(method, concrete)) {
          codes.add("503");
        }
        ObjectNode described = (ObjectNode) op.getValue().get("responses");
        for (String code : codes) {
          if (!described.has(code)) {
            described.putObject(code).put("$ref", "#/components/responses/E" + code);
          }
        }
      }
    }
    return doc;
  }

  private void cases(Context ctx) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Workbench.Served s : bench.readable(ctx)) { // only the cases the caller may read
      out.add(summary(s));
    }
    ctx.json(Map.of("cases", out));
  }

  static Map<String, Object> summary(Workbench.Served s) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("case", s.key());
    m.put("documents", s.folder().store().documents().documentCount());
    m.put("byStatus", s.folder().store().documents().countByStatus());
    m.put("verified", Verifying.current(s.folder().store()));
    return m;
  }

  private void search(Context ctx) throws IOException {
    Workbench.Served s = bench.served(ctx);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    if (q.isEmpty()) {
      throw new Workbench.BadRequest("give a query: ?q=words");
    }
    ctx.json(CaseViews.search(search(bench, s, q, limit(ctx, 20, 100), offset(ctx))));
  }

  static SearchResult search(Workbench bench, Workbench.Served s, String q, int limit, int offset) throws IOException {
    try {
      return bench.index(s).search(new SearchRequest(q, limit, offset));
    } catch (IllegalArgumentException e) {
      throw new Workbench.BadRequest("the query cannot be read: " + e.getMessage());
    }
  }

  private void documentByName(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    String name = Optional.ofNullable(ctx.queryParam("name")).orElseThrow(
        () -> new Workbench.BadRequest("give a document's name or path: ?name=folder/file.pdf"));
    ctx.json(CaseViews.document(s.folder(), find(s, name), maxChars(ctx)));
  }

  private void document(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    ctx.json(CaseViews.document(s.folder(), byId(s, ctx.pathParam("id")), maxChars(ctx)));
  }

  private void annotated(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    ctx.json(CaseViews.annotated(s.folder(), byId(s, ctx.pathParam("id"))));
  }

  /**
   * The original bytes, only ever as a download: a browser never renders a leaked file in the
   * workbench's origin.
   */
  private void original(Context ctx) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    Document d = byId(s, ctx.pathParam("id"));
    Path file = s.folder().layout().original(d.id());
    if (!d.stored() || !Files.isRegularFile(file)) {
      throw new Workbench.NotFound("the original of this document is not in the evidence store (over the size cap)");
    }
    ctx.contentType("application/octet-stream");
    ctx.header("Content-Disposition", ContentDisposition.attachment(d.name()));
    ctx.header("Content-Length", Long.toString(Files.size(file)));
    ctx.result(Files.newInputStream(file));
  }

  private void listing(Context ctx, Listing l) throws SQLException, IOException {
    Workbench.Served s = bench.served(ctx);
    Optional<String> story = Optional.ofNullable(ctx.queryParam("story"));
    List<String> statuses = Optional.ofNullable(ctx.queryParam("status")).map(List::of).orElse(List.of());
    int limit = limit(ctx, 100, MAX_LIMIT);
    int offset = offset(ctx);
    var findings = s.folder().store().findings();
    List<JsonNode> page = new ArrayList<>();
    for (String r : findings.page(l.kind(), story, statuses, offset, limit)) {
      page.add(StoredFindings.tree(r));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", findings.count(l.kind(), story, statuses));
    out.put("offset", offset);
    out.put("limit", limit);
    out.put(l.key(), page);
    ctx.json(out);
  }

  /** A document by id (six or more hex digits of its SHA-256). */
  static Document byId(Workbench.Served s, String id) throws SQLException {
    if (!ID.matcher(id).matches()) {
      throw new Workbench.BadRequest("a document id is 6 to 64 lower-case hex digits of its SHA-256");
    }
    if (id.length() == 64) { // a whole id: one indexed read, not a search of every path's name first
      Optional<Document> d = s.folder().store().documents().document(new org.dossier.core.DocumentId(id));
      if (d.isPresent()) {
        return d.get();
      }
    }
    return find(s, id);
  }

  static Document find(Workbench.Served s, String ref) throws SQLException {
    try {
      return CaseViews.resolve(s.folder().store().documents(), ref);
    } catch (IllegalArgumentException e) {
      throw new Workbench.NotFound(e.getMessage());
    }
  }

  private static long maxChars(Context ctx) {
    long n = number(ctx, "maxChars", 200_000);
    if (n < -1) {
      throw new Workbench.BadRequest("maxChars is -1 (all), 0 (none) or a number of characters");
    }
    return n;
  }

  static int limit(Context ctx, int byDefault, int most) {
    long n = number(ctx, "limit", byDefault);
    if (n < 1 || n > most) {
      throw new Workbench.BadRequest("limit is between 1 and " + most);
    }
    return (int) n;
  }

  static int offset(Context ctx) {
    long n = number(ctx, "offset", 0);
    if (n < 0 || n > 1_000_000) {
      throw new Workbench.BadRequest("offset is between 0 and 1000000");
    }
    return (int) n;
  }

  /** A whole-number query parameter, or {@code byDefault} when absent; a 400 when it is not one. */
  static long number(Context ctx, String name, long byDefault) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return byDefault;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new Workbench.BadRequest(name + " must be a whole number");
    }
  }
}
