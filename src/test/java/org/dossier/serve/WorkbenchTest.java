package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.link.FictionalStories;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench over HTTP on a loopback port: the API gives what the CLI's --json gives; the facts
 * page links each claim to its passage; hostile names, titles and texts never become markup;
 * originals are downloads; nothing outside the case is reachable.
 */
class WorkbenchTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>.txt";

  @TempDir static Path dir;
  static Path caseDir;
  static Workbench bench;
  static String base;
  static String key;

  /** The fictional case of {@link FictionalStories}, with hostile documents beside it, ingested and verified. */
  static Path buildCase(Path dir) throws Exception {
    FictionalStories.write(dir);
    Path cache = dir.resolve("cache");
    Files.writeString(cache.resolve(HOSTILE_NAME),
        "Memo on the Korvane tugs <script>alert('text')</script> and javascript:alert(2) in the margin.\n");
    Files.writeString(cache.resolve("hostile.html"), "<html><head><title><script>alert(\"title\")</script>Korvane"
        + " memo</title></head><body><p>The Korvane yard <b>repaired</b> four tugs.</p>"
        + "<svg><script>alert(3)</script></svg></body></html>\n");
    Path caseDir = dir.resolve("case");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "ingest", "--quiet", "--gazetteer",
        dir.resolve("gazetteer.tsv").toString(), dir.resolve("press").toString(), cache.toString());
    assertEquals(0, r.exit(), r.toString());
    assertEquals(0, Cli.run("--case", caseDir.toString(), "verify").exit());
    return caseDir;
  }

  @BeforeAll
  static void serve() throws Exception {
    caseDir = buildCase(dir);
    bench = Workbench.start(List.of(caseDir), "127.0.0.1", 0);
    base = "http://127.0.0.1:" + bench.port();
    key = Workbench.key(caseDir);
  }

  @AfterAll
  static void stop() {
    if (bench != null) {
      bench.close();
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return JSON.readTree(r.body());
  }

  private static String page(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(Workbench.CSP, r.headers().firstValue("Content-Security-Policy").orElse(""));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    return r.body();
  }

  private static String id(String name) {
    return Cli.run("--case", caseDir.toString(), "show", "--json", "--no-text", name).json().get("id").asText();
  }

  @Test
  void theApiGivesWhatTheCliGives() throws Exception {
    JsonNode api = json("/api/v1/cases/" + key + "/search?q=Vetrov&limit=20");
    JsonNode cli = Cli.run("--case", caseDir.toString(), "search", "--json", "--limit", "20", "Vetrov").json();
    assertTrue(cli.get("total").asInt() > 0, cli::toString);
    assertEquals(cli, api);
    String ledger = "2026-03-03_harbour-ledger.txt";
    JsonNode doc = json("/api/v1/cases/" + key + "/documents/" + id(ledger) + "?maxChars=20000");
    assertEquals(Cli.run("--case", caseDir.toString(), "show", "--json", ledger).json(), doc);
    JsonNode facts = json("/api/v1/cases/" + key + "/facts?limit=500");
    JsonNode cliFacts = Cli.run("--case", caseDir.toString(), "facts", "--json").json().get("facts");
    assertEquals(cliFacts, facts.get("facts"));
    assertEquals(cliFacts.size(), facts.get("total").asInt());
    // every list under the key its command prints
    for (String[] c : new String[][] {{"stories", "stories"}, {"sources", "documents"}, {"timeline", "events"},
        {"coverage", "claims"}}) {
      JsonNode cliRows = Cli.run("--case", caseDir.toString(), c[0], "--json").json().get(c[1]);
      assertEquals(cliRows, json("/api/v1/cases/" + key + "/" + c[0] + "?limit=500").get(c[1]), c[0]);
    }
    // a status filter pages in the store
    JsonNode conflicts = json("/api/v1/cases/" + key + "/facts?status=conflict&limit=500");
    assertTrue(conflicts.get("total").asInt() > 0);
    conflicts.get("facts").forEach(f -> assertEquals("conflict", f.get("status").asText()));
    // the facts page: the disagreements, disputes largest first, in the order the facts listing
    // gives them, and the other facts in theirs, paged together
    List<String> listed = new ArrayList<>();
    for (String line : Cli.run("--case", caseDir.toString(), "facts").out().split("\n")) {
      java.util.regex.Matcher m = Pattern.compile("^(F\\d+) S\\d+ \\[(conflict|divergent)\\]").matcher(line);
      if (m.find()) {
        listed.add(m.group(1));
      }
    }
    assertTrue(listed.size() >= 2, "control: the case has disagreements to page through");
    List<String> paged = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      String one = page("/cases/" + key + "/facts?limit=1&offset=" + i);
      java.util.regex.Matcher m = Pattern.compile("<section class=\"fact status-(?:conflict|divergent)\" id=\"(F\\d+)\"")
          .matcher(one);
      assertTrue(m.find(), one);
      paged.add(m.group(1));
      assertFalse(m.find(), "one disagreement a page");
      assertTrue(one.contains("(" + (i + 1) + "–" + (i + 1) + " of " + listed.size() + ")"), one);
    }
    assertEquals(listed, paged);
    String later = page("/cases/" + key + "/facts?offset=1");
    assertTrue(later.contains("Other facts (2–"), later);
        // paging: the second page starts where the first ended
    JsonNode second = json("/api/v1/cases/" + key + "/facts?limit=1&offset=1");
    assertEquals(cliFacts.get(1), second.get("facts").get(0));
  }

  @Test
  void eachClaimOnTheFactsPageOpensItsHighlightedPassage() throws Exception {
    String facts = page("/cases/" + key + "/facts");
    assertTrue(facts.contains("Disputes, largest first"), facts);
    Matcher m = Pattern.compile("<a href=\"(/cases/[^\"]+)#passage\">“([^”]*)”</a>").matcher(facts);
    int followed = 0;
    while (m.find() && followed < 5) {
      String quote = unescape(m.group(2));
      String doc = page(unescape(m.group(1)));
      Matcher passage = Pattern.compile("<span class=\"[^\"]*passage\" id=\"passage\"[^>]*>([^<]*)</span>").matcher(doc);
      assertTrue(passage.find(), doc);
      // the passage begins the quote (mentions inside it may cut it into several runs)
      String first = unescape(passage.group(1));
      assertTrue(!first.isEmpty() && quote.startsWith(first), first + " | " + quote);
      followed++;
    }
    assertTrue(followed > 0, facts);
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&#x27;", "'").replace("&amp;", "&");
  }

  @Test
  void hostileNamesTitlesAndTextsNeverBecomeMarkup() throws Exception {
    // control: the hostile strings reach the case as they are (the API gives them raw, as data)
    String hostileHtml = id("hostile.html");
    JsonNode raw = json("/api/v1/cases/" + key + "/documents/" + hostileHtml);
    assertTrue(raw.get("metadata").toString().contains("<script>alert"), raw::toString);
    JsonNode named = json("/api/v1/cases/" + key + "/documents?name=" + java.net.URLEncoder.encode(HOSTILE_NAME,
        StandardCharsets.UTF_8));
    assertTrue(named.get("text").asText().contains("<script>alert('text')</script>"));
    List<String> pages = new ArrayList<>();
    pages.add(page("/cases/" + key + "?q=Korvane"));
    pages.add(page("/cases/" + key + "/documents/" + hostileHtml));
    pages.add(page("/cases/" + key + "/documents/" + named.get("id").asText()));
    pages.add(page("/cases/" + key + "/signals"));
    pages.add(page("/cases/" + key + "/stories"));
    pages.add(page("/cases/" + key + "/timeline"));
    pages.add(page("/cases/" + key + "/sources"));
    pages.add(page("/cases/" + key + "/coverage"));
    pages.add(page("/cases/" + key + "/entities"));
    pages.add(page("/cases/" + key + "/report"));
    pages.add(page("/cases/" + key + "/judgements"));
    assertTrue(pages.get(0).contains("&lt;img src=x onerror=alert(1)&gt;.txt"), pages.get(0));
    assertTrue(pages.get(2).contains("&lt;script&gt;alert("), pages.get(2));
    // the handler check reads tags as a browser does: a handler counts, text in a quoted value does not
    assertEquals(1, handlers("<p><img src=x onerror=alert(1)></p>").size());
    assertEquals(0, handlers("<a title=\"&lt;img onerror=alert(1)>\">t</a> onload=x").size());
    for (String p : pages) {
      assertFalse(p.contains("<script"), p);
      assertFalse(p.contains("<img"), p);
      assertFalse(Pattern.compile("<svg(?! class=\"(chart|graph)\")").matcher(p).find(), p); // only the pages' own charts
      assertEquals(List.of(), handlers(p), "no tag with an event handler");
      assertFalse(p.contains("href=\"javascript"), p);
    }
  }

  /** Each list page's rows, in order, each by what tells it apart. */
  private static List<String> rows(String listPage, String html) {
    Pattern row = switch (listPage) {
      case "stories" -> Pattern.compile("<span class=\"fid\">([^<]+)</span>");
      case "sources" -> Pattern.compile("<tr><td>(.*?)</td>");
      default -> Pattern.compile("(<tr class=\"(?:ev|cov|sev)-.*?</tr>)", Pattern.DOTALL);
    };
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = row.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theListPagesComeAPageAtATimeEveryRowOnOnePageInItsOrder() throws Exception {
    for (String list : List.of("stories", "timeline", "sources", "coverage")) {
      String whole = page("/cases/" + key + "/" + list);
      List<String> all = rows(list, whole);
      assertTrue(all.size() >= 2, "control: the case has rows on the " + list + " page to page through: " + whole);
      assertFalse(whole.contains("class=\"pager\""), "one page holds them all: no pager");
      List<String> paged = new ArrayList<>();
      String next = "/cases/" + key + "/" + list + "?limit=1";
      for (int i = 1; !next.isEmpty(); i++) {
        String one = page(next);
        assertEquals(1, rows(list, one).size(), next + ": " + one);
        paged.addAll(rows(list, one));
        assertTrue(one.contains(i + "–" + i + " of " + all.size()), next + ": " + one);
        java.util.regex.Matcher m = Pattern.compile("<a href=\"([^\"]+)\">next →</a>").matcher(one);
        next = m.find() ? m.group(1).replace("&amp;", "&") : "";
        assertTrue(i <= all.size(), "the pages end: " + next);
      }
      assertEquals(all, paged, list + ": every row once, in the whole page's order");
    }
    assertEquals(400, get("/cases/" + key + "/stories?limit=0").statusCode());
  }

  @Test
  void aStorysReportIsAPageAndADownloadAndAnUnknownStoryIsRefused() throws Exception {
    String stories = page("/cases/" + key + "/stories");
    assertTrue(stories.contains("/cases/" + key + "/report?story=S1\">its report</a>"), stories);
    String one = page("/cases/" + key + "/report?story=S1");
    assertTrue(one.contains(", story S1: "), one);
    assertTrue(one.contains("report?format=md&amp;story=S1"), one);
    assertFalse(one.contains(", story S2)"), "no fact of another story: " + one);
    JsonNode api = json("/api/v1/cases/" + key + "/report?story=S1");
    assertTrue(api.get("title").asText().contains(", story S1: "), api.get("title").asText());
    assertEquals(400, get("/api/v1/cases/" + key + "/report?story=S999").statusCode());
    assertEquals(400, get("/cases/" + key + "/report?story=S999").statusCode());
  }

  @Test
  void originalsAreOnlyDownloads() throws Exception {
    String id = id("hostile.html");
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + key + "/documents/" + id
        + "/original")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(""));
    assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"hostile.html\""));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("<svg><script>"));
    String name = ContentDisposition.attachment("cache/" + HOSTILE_NAME);
    assertEquals("attachment; filename=\"<img src=x onerror=alert(1)>.txt\"; filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.txt", name);
    assertEquals("attachment; filename=\"______.txt\"; filename*=UTF-8''%D0%BF%D0%B8%D1%81%D1%8C%D0%BC%D0%BE.txt",
        ContentDisposition.attachment("a/письмо.txt"));
  }

  @Test
  void nothingOutsideTheCaseIsReachable() throws Exception {
    assertEquals(404, get("/api/v1/cases/nosuch/facts").statusCode());
    assertTrue(get("/api/v1/cases/nosuch/facts").body().contains("\"error\""));
    assertEquals(404, get("/api/v1/cases/..%2F..%2Fetc/facts").statusCode());
    assertEquals(400, get("/api/v1/cases/" + key + "/documents/..%2F..%2Fetc%2Fpasswd").statusCode());
    assertEquals(404, get("/api/v1/cases/" + key + "/documents/0123456789abcdef").statusCode());
    for (String p : List.of("/static/..%2F..%2F..%2Fetc%2Fpasswd", "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd")) {
      HttpResponse<String> r = get(p);
      assertFalse(r.body().contains("root:"), p);
      assertTrue(r.statusCode() >= 400, p + " " + r.statusCode());
    }
    assertEquals(400, get("/api/v1/cases/" + key + "/facts?limit=100000").statusCode());
    assertEquals(400, get("/api/v1/cases/" + key + "/search?q=").statusCode());
    // a page for another host name (DNS rebinding) is refused; the server's own name is answered
    assertTrue(raw("evil.example").startsWith("HTTP/1.1 400"));
    assertTrue(raw("127.0.0.1:" + bench.port()).startsWith("HTTP/1.1 200"));
    assertTrue(raw("localhost:" + bench.port()).startsWith("HTTP/1.1 200"));
  }

  /** The status line of GET /api/v1/cases sent with this Host header. */
  private static String raw(String host) throws Exception {
    try (Socket s = new Socket("127.0.0.1", bench.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET /api/v1/cases HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return response;
    }
  }

  @Test
  void theOpenApiDocumentDescribesEveryApiRoute() throws Exception {
    JsonNode doc = json("/api/openapi.json");
    Set<String> described = new TreeSet<>();
    for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
      described.add(it.next());
    }
    assertEquals(new TreeSet<>(bench.apiRoutes()), described);
    // the error answers: every operation names the rate limit and a failure; the heavy reads that
    // wait their turn name 503 with Retry-After, the search (which never waits) does not; changes 403
    JsonNode paths = doc.get("paths");
    for (String path : described) {
      for (Iterator<Map.Entry<String, JsonNode>> ops = paths.get(path).fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        JsonNode answers = op.getValue().get("responses");
        assertTrue(answers.has("429") && answers.has("500"), path + " " + op.getKey());
        assertEquals(!op.getKey().equals("get"), answers.has("403"), path + " " + op.getKey());
      }
    }
    String facts = "/api/v1/cases/{case}/facts";
    assertEquals("#/components/responses/E503", paths.get(facts).get("get").get("responses").get("503").get("$ref").asText());
    assertTrue(doc.get("components").get("responses").get("E503").get("headers").has("Retry-After"));
    assertFalse(paths.get("/api/v1/cases/{case}/search").get("get").get("responses").has("503"));
    assertTrue(paths.get(facts).get("get").get("responses").has("401"));
    // every described list answers
    for (String path : described) {
      if (!path.contains("{id}") && doc.get("paths").get(path).has("get")) {
        String p = path.replace("{case}", key);
        String ledger = id("2026-03-03_harbour-ledger.txt");
        int status = get(p + (p.endsWith("/search") ? "?q=Vetrov" : p.endsWith("/documents") ? "?name=hostile.html"
            : p.endsWith("/diff") ? "?a=" + ledger + "&b=" + ledger : "")).statusCode();
        assertTrue(status == 200 || p.endsWith("/report") && status == 202, p + " " + status);
      }
    }
  }

  @Test
  void theAnalysisPagesDrawTheFindingsWithTheirPassages() throws Exception {
    JsonNode sources = json("/api/v1/cases/" + key + "/sources?limit=500").get("documents");
    int links = 0;
    for (JsonNode d : sources) {
      links += d.get("links").size();
    }
    assertTrue(links > 0, "the fictional case has propagation");
    String graph = page("/cases/" + key + "/sources");
    assertEquals(links, count(graph, "<line class=\"edge"), "one edge per link the graph can draw");
    assertTrue(graph.contains("marker-end=\"url(#arrow)\""));
    String timeline = page("/cases/" + key + "/timeline");
    int events = json("/api/v1/cases/" + key + "/timeline?limit=500").get("total").asInt();
    assertTrue(events > 0);
    assertEquals(events, count(timeline, "<tr class=\"ev-"), "one row per event");
    assertTrue(count(timeline, "<circle class=\"ev-") > 0, "dated events on the chart");
    assertTrue(timeline.contains("#passage"), "each claim opens its passage");
    String coverage = page("/cases/" + key + "/coverage");
    JsonNode claims = json("/api/v1/cases/" + key + "/coverage?limit=500").get("claims");
    assertEquals(claims.size(), count(coverage, "<tr class=\"cov-"));
    String entities = page("/cases/" + key + "/entities?type=equipment");
    assertTrue(entities.contains("Vetrov-3"), entities);
    assertTrue(entities.contains("Ветров-3"), "an entity with its name in another script");
    assertEquals(400, get("/cases/" + key + "/entities?type=spaceship").statusCode());
  }

  @Test
  void aBatchOfQueriesRunsAtOnceAndItsCsvReadsBack() throws Exception {
    String body = "{\"queries\": [\"Vetrov\", \"\\\"Sokol-7M\\\"\", \"Ветров\", \"nothing-like-this-word\", \"a AND (\"]}";
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + key + "/batch-search"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    JsonNode results = JSON.readTree(r.body()).get("results");
    assertEquals(5, results.size());
    // each query as the search API answers it alone
    JsonNode alone = json("/api/v1/cases/" + key + "/search?q=Vetrov");
    assertEquals(alone.get("total").asInt(), results.get(0).get("total").asInt());
    assertTrue(results.get(2).get("total").asInt() > 0, "Cyrillic finds the Latin spelling too");
    assertEquals(0, results.get(3).get("total").asInt());
    assertFalse(results.get(4).get("error").asText().isEmpty(), "a query that does not parse says so");
    HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + key
        + "/batch-search?format=csv")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder()
        .setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.body())).getRecords();
    int hits = 0;
    for (JsonNode res : results) {
      hits += Math.max(1, res.get("hits").size());
    }
    assertEquals(hits, rows.size(), "one row per hit, one for a query without");
    assertTrue(rows.stream().anyMatch(x -> x.get("query").equals("\"Sokol-7M\"")), "quotes survive the CSV");
    assertTrue(rows.stream().anyMatch(x -> x.get("query").equals("Ветров")), "Cyrillic survives the CSV");
    // the page: a form with the token
    String form = page("/cases/" + key + "/batch");
    Matcher token = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(form);
    assertTrue(token.find());
    HttpResponse<String> ran = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cases/" + key + "/batch"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token.group(1) + "&queries="
            + java.net.URLEncoder.encode("Vetrov\nnothing-like-this-word", StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ran.statusCode(), ran.body());
    assertTrue(ran.body().contains("1 of 2 queries match"), ran.body());
    HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cases/" + key + "/batch"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("queries=Vetrov")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, refused.statusCode());
  }

  @Test
  void aClientOverTheRateWaitsAndMalformedRequestsLeaveTheServerStanding() throws Exception {
    try (Workbench limited = Workbench.start(List.of(caseDir), "127.0.0.1", 0, "ines", 3)) {
      String url = "http://127.0.0.1:" + limited.port() + "/api/v1/cases";
      List<Integer> codes = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        codes.add(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
      }
      assertTrue(codes.contains(429), codes::toString);
      assertEquals(200, codes.get(0));
      HttpResponse<String> over = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(429, over.statusCode());
      assertEquals("1", over.headers().firstValue("Retry-After").orElse(""));
      Thread.sleep(1_500);
      assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode(), "after a wait the client is served again");
    }
    // control: the default server on this machine's address does not limit
    for (int i = 0; i < 30; i++) {
      assertEquals(200, get("/api/v1/cases").statusCode());
    }
    // malformed requests get an error, and the server goes on answering
    for (String garbage : List.of("GARBAGE\r\n\r\n", "GET /\u0000\u0001 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n", "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\n\r\n")) {
      try (java.net.Socket sock = new java.net.Socket("127.0.0.1", bench.port())) {
        sock.setSoTimeout(10_000);
        sock.getOutputStream().write(garbage.getBytes(StandardCharsets.ISO_8859_1));
        sock.getOutputStream().flush();
        String reply = new String(sock.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
        assertTrue(reply.isEmpty() || reply.startsWith("HTTP/1.1 4"), reply);
      } catch (java.net.SocketException e) {
        // the server may also just close the connection
      }
    }
    assertEquals(200, get("/api/v1/cases").statusCode());
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static final Pattern TAG = Pattern.compile(
      "<([a-zA-Z][\\w:-]*)((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*/?>");
  private static final Pattern ATTRIBUTE = Pattern.compile(
      "\\s+([^\\s=>/]+)(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?");

  /** The event-handler attributes of the page's tags (attribute values skipped, as a browser reads them). */
  static List<String> handlers(String html) {
    List<String> out = new ArrayList<>();
    Matcher tag = TAG.matcher(html);
    while (tag.find()) {
      Matcher a = ATTRIBUTE.matcher(tag.group(2));
      while (a.find()) {
        if (a.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("on")) {
          out.add(tag.group());
        }
      }
    }
    return out;
  }
}
