package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users and access on a fictional case with an owner, an editor and a reader, served beside a case
 * without users: pages ask for a login, the API for a session or a token; a reader reads and cannot
 * judge; an editor judges with the session's token; a second case without users stays open.
 */
class WorkbenchAccessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  static final String HERALD = "2026-03-04_eastgate-herald.txt";
  static final String OWNER_PASSWORD = "lantern quay 2031";
  static final String EDITOR_PASSWORD = "copper kettle north";
  static final String READER_PASSWORD = "slow river morning";

  @TempDir static Path dir;
  static Path locked;
  static Path open;
  static Workbench bench;
  static String base;
  static String key;
  static String openKey;
  static String editorToken;
  static String readerToken;

  @BeforeAll
  static void serve() throws Exception {
    locked = WorkbenchTest.buildCase(dir.resolve("locked"));
    String c = locked.toString();
    assertEquals(0, Cli.runWithInput(OWNER_PASSWORD + "\n", "--case", c, "user", "add", "olga", "--role", "owner").exit());
    assertEquals(0, Cli.runWithInput(EDITOR_PASSWORD + "\n", "--case", c, "user", "add", "emil", "--role", "editor").exit());
    assertEquals(0, Cli.runWithInput(READER_PASSWORD + "\n", "--case", c, "user", "add", "rita", "--role", "reader").exit());
    editorToken = Cli.run("--case", c, "user", "token", "emil", "--label", "script", "--json").json().get("token").asText();
    readerToken = Cli.run("--case", c, "user", "token", "rita", "--json").json().get("token").asText();
    // a second case, without users
    Path docs = dir.resolve("open-docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("note.txt"), "The Marlow depot closed on Fridays.\n", StandardCharsets.UTF_8);
    open = dir.resolve("open");
    assertEquals(0, Cli.run("--case", open.toString(), "ingest", "--quiet", docs.toString()).exit());
    bench = Workbench.start(List.of(locked, open), "127.0.0.1", 0, "ines");
    base = "http://127.0.0.1:" + bench.port();
    key = Workbench.key(locked);
    openKey = Workbench.key(open);
    assertEquals(List.of(openKey), bench.singleUserCases());
  }

  @AfterAll
  static void stop() {
    if (bench != null) {
      bench.close();
    }
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String form(String... fields) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&").append(fields[i]).append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }

  /** A form POST, with a cookie when given. */
  private static HttpResponse<String> post(String path, String cookie, String... fields) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON POST with the given headers. */
  private static HttpResponse<String> postJson(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String csrf(String page) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page);
    assertTrue(m.find(), page);
    return m.group(1);
  }

  /** Logs in and returns the response. */
  private static HttpResponse<String> login(String name, String password) throws Exception {
    String page = get("/login?case=" + key).body();
    return post("/login", null, "csrf", csrf(page), "case", key, "back", "/cases/" + key + "/facts", "name", name,
        "password", password);
  }

  /** The session cookie ({@code name=value}) a successful login sets. */
  private static String session(String name, String password) throws Exception {
    HttpResponse<String> r = login(name, password);
    assertEquals(303, r.statusCode(), r.body());
    String set = r.headers().firstValue("Set-Cookie").orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  private static List<String> cases(String... headers) throws Exception {
    HttpResponse<String> r = get("/api/v1/cases", headers);
    assertEquals(200, r.statusCode(), r.body());
    List<String> out = new ArrayList<>();
    JSON.readTree(r.body()).get("cases").forEach(n -> out.add(n.get("case").asText()));
    return out;
  }

  private static String heraldId(String... headers) throws Exception {
    HttpResponse<String> r = get("/api/v1/cases/" + key + "/documents?name=" + HERALD + "&maxChars=0", headers);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("id").asText();
  }

  @Test
  void withoutALoginPagesGoToTheLoginAndTheApiAnswers401() throws Exception {
    HttpResponse<String> page = get("/cases/" + key + "/facts?status=conflict");
    assertEquals(303, page.statusCode());
    assertEquals("/login?case=" + key + "&back=" + URLEncoder.encode("/cases/" + key + "/facts?status=conflict",
        StandardCharsets.UTF_8), page.headers().firstValue("Location").orElse(""));
    for (String p : List.of("/cases/" + key, "/cases/" + key + "/report", "/cases/" + key + "/batch")) {
      assertEquals(303, get(p).statusCode(), p);
    }
    HttpResponse<String> api = get("/api/v1/cases/" + key + "/facts");
    assertEquals(401, api.statusCode());
    assertTrue(JSON.readTree(api.body()).has("error"), api.body());
    assertTrue(api.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(401, get("/api/v1/cases/" + key + "/documents/" + "a".repeat(64) + "/original").statusCode());
    assertEquals(401, postJson("/api/v1/cases/" + key + "/batch-search", "{\"queries\":[\"Vetrov\"]}").statusCode());
    // a traversal attempt learns nothing either: refused before and after the login
    assertEquals(401, get("/api/v1/cases/" + key + "/documents/..%2F..%2Fetc%2Fpasswd").statusCode());
    assertEquals(400, get("/api/v1/cases/" + key + "/documents/..%2F..%2Fetc%2Fpasswd", "Authorization",
        "Bearer " + readerToken).statusCode());
    // only the open case is listed, and the index does not name the other
    assertEquals(List.of(openKey), cases());
    String index = get("/").body();
    assertFalse(index.contains("/cases/" + key + "\""), index);
    assertTrue(index.contains("1 other case asks for a login"), index);
    // control: the case without users stays open, as before
    assertEquals(200, get("/cases/" + openKey).statusCode());
    assertEquals(200, get("/api/v1/cases/" + openKey + "/facts").statusCode());
    assertEquals(200, get("/api/v1/cases/" + openKey + "/search?q=Marlow").statusCode());
  }

  @Test
  void aWrongPasswordIsRefusedAndALoginSetsAStrictHttpOnlyCookie() throws Exception {
    long before = System.nanoTime();
    HttpResponse<String> wrong = login("rita", "slow river evening");
    assertTrue((System.nanoTime() - before) / 1_000_000 >= 900, "a failed login waits");
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("wrong name or password"), wrong.body());
    assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
    HttpResponse<String> unknown = login("nobody", READER_PASSWORD);
    assertEquals(401, unknown.statusCode());
    assertTrue(unknown.body().contains("wrong name or password"), "the same words for an unknown name");
    // a login form without the server's token, or from another site, is refused
    assertEquals(403, post("/login", null, "case", key, "name", "rita", "password", READER_PASSWORD).statusCode());
    HttpResponse<String> foreign = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString(form("csrf", bench.token(), "case", key, "name", "rita", "password",
            READER_PASSWORD))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, foreign.statusCode());
    // the right password: a cookie that scripts cannot read and other sites do not send
    HttpResponse<String> ok = login("rita", READER_PASSWORD);
    assertEquals(303, ok.statusCode(), ok.body());
    assertEquals("/cases/" + key + "/facts", ok.headers().firstValue("Location").orElse(""));
    String set = ok.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(set.matches("dossier_session=[0-9a-f]{64}; .*"), set);
    assertTrue(set.contains("; HttpOnly"), set);
    assertTrue(set.contains("; SameSite=Strict"), set);
    assertTrue(set.contains("; Path=/"), set);
    String cookie = set.substring(0, set.indexOf(';'));
    assertEquals(200, get("/cases/" + key + "/facts", "Cookie", cookie).statusCode());
    // a forged session id is no session
    assertEquals(303, get("/cases/" + key + "/facts", "Cookie", "dossier_session=" + "0".repeat(64)).statusCode());
    // logged out: the session is gone
    HttpResponse<String> out = post("/logout", cookie);
    assertEquals(303, out.statusCode());
    assertTrue(out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
    assertEquals(303, get("/cases/" + key + "/facts", "Cookie", cookie).statusCode());
  }

  @Test
  void aReaderReadsButCannotJudge() throws Exception {
    String cookie = session("rita", READER_PASSWORD);
    String facts = get("/cases/" + key + "/facts", "Cookie", cookie).body();
    assertTrue(facts.contains("Disputes, largest first"), facts);
    assertEquals(List.of(key, openKey), cases("Cookie", cookie));
    String id = heraldId("Cookie", cookie);
    HttpResponse<String> judged = post("/cases/" + key + "/judgements", cookie, "csrf", csrf(facts), "target",
        "document:" + id, "action", "star", "back", "/cases/" + key);
    assertEquals(403, judged.statusCode(), judged.body());
    HttpResponse<String> byToken = postJson("/api/v1/cases/" + key + "/judgements",
        "{\"target\":\"document:" + id + "\",\"action\":\"star\"}", "Authorization", "Bearer " + readerToken);
    assertEquals(403, byToken.statusCode(), byToken.body());
    // the reader may still search with a batch (a read), with the session's token
    String batch = get("/cases/" + key + "/batch", "Cookie", cookie).body();
    assertEquals(200, post("/cases/" + key + "/batch", cookie, "csrf", csrf(batch), "queries", "Vetrov").statusCode());
    JsonNode list = JSON.readTree(get("/api/v1/cases/" + key + "/judgements", "Cookie", cookie).body());
    assertTrue(list.get("judgements").toString().indexOf("\"star\"") < 0, "nothing was starred");
  }

  @Test
  void anEditorJudgesWithTheSessionsTokenAttributedToTheEditor() throws Exception {
    String cookie = session("emil", EDITOR_PASSWORD);
    String id = heraldId("Cookie", cookie);
    String page = get("/cases/" + key + "/documents/" + id, "Cookie", cookie).body();
    String token = csrf(page);
    assertFalse(token.equals(bench.token()), "a session has its own token");
    String[] tag = {"target", "document:" + id, "action", "tag", "value", "emil-checked", "back", "/cases/" + key};
    // refused: no token; the server's token instead of the session's
    assertEquals(403, post("/cases/" + key + "/judgements", cookie, tag).statusCode());
    List<String> withServerToken = new ArrayList<>(List.of("csrf", bench.token()));
    withServerToken.addAll(List.of(tag));
    assertEquals(403, post("/cases/" + key + "/judgements", cookie, withServerToken.toArray(String[]::new)).statusCode());
    // without a session, the form goes to the login
    List<String> withToken = new ArrayList<>(List.of("csrf", token));
    withToken.addAll(List.of(tag));
    assertEquals(303, post("/cases/" + key + "/judgements", null, withToken.toArray(String[]::new)).statusCode());
    assertTrue(JSON.readTree(get("/api/v1/cases/" + key + "/judgements", "Cookie", cookie).body()).get("judgements")
        .toString().indexOf("emil-checked") < 0, "nothing recorded so far");
    // made
    HttpResponse<String> made = post("/cases/" + key + "/judgements", cookie, withToken.toArray(String[]::new));
    assertEquals(303, made.statusCode(), made.body());
    assertEquals("/cases/" + key, made.headers().firstValue("Location").orElse(""));
    JsonNode list = JSON.readTree(get("/api/v1/cases/" + key + "/judgements", "Cookie", cookie).body()).get("judgements");
    JsonNode last = list.get(list.size() - 1);
    assertEquals("emil-checked", last.get("value").asText());
    assertEquals("emil", last.get("user").asText(), "attributed to the editor, not to the server's --user");
  }

  @Test
  void aTokenOpensTheApiAndAWrongOneDoesNot() throws Exception {
    assertEquals(200, get("/api/v1/cases/" + key + "/facts", "Authorization", "Bearer " + editorToken).statusCode());
    assertEquals(List.of(key, openKey), cases("Authorization", "Bearer " + editorToken));
    String wrong = editorToken.substring(0, 63) + (editorToken.endsWith("0") ? "1" : "0");
    assertEquals(401, get("/api/v1/cases/" + key + "/facts", "Authorization", "Bearer " + wrong).statusCode());
    assertEquals(401, get("/api/v1/cases/" + key + "/facts", "Authorization", "Basic " + editorToken).statusCode());
    assertEquals(List.of(openKey), cases("Authorization", "Bearer " + wrong));
    // a script judges with its token and no CSRF token (no browser sends a token by itself)
    String id = heraldId("Authorization", "Bearer " + editorToken);
    HttpResponse<String> made = postJson("/api/v1/cases/" + key + "/judgements",
        "{\"target\":\"document:" + id + "\",\"action\":\"tag\",\"value\":\"script-tag\"}",
        "Authorization", "Bearer " + editorToken);
    assertEquals(201, made.statusCode(), made.body());
    assertEquals("emil", JSON.readTree(made.body()).get("judgement").get("user").asText());
    assertEquals(401, postJson("/api/v1/cases/" + key + "/judgements",
        "{\"target\":\"document:" + id + "\",\"action\":\"star\"}", "Authorization", "Bearer " + wrong).statusCode());
    // the open case's server token still guards its changes (control: a script with no token at all)
    String openId = JSON.readTree(get("/api/v1/cases/" + openKey + "/documents?name=note.txt&maxChars=0").body())
        .get("id").asText();
    String star = "{\"target\":\"document:" + openId + "\",\"action\":\"star\"}";
    assertEquals(403, postJson("/api/v1/cases/" + openKey + "/judgements", star).statusCode());
    HttpResponse<String> open = postJson("/api/v1/cases/" + openKey + "/judgements", star, "X-CSRF-Token", bench.token());
    assertEquals(201, open.statusCode(), open.body());
    assertEquals("ines", JSON.readTree(open.body()).get("judgement").get("user").asText());
  }

  @Test
  void passwordsAreBcryptHashesAndCustodyStaysIntact() throws Exception {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + locked.resolve("dossier.db"));
        java.sql.ResultSet rs = db.createStatement().executeQuery("SELECT name, hash FROM users ORDER BY name")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
        assertTrue(rs.getString(2).startsWith("$2"), rs.getString(2));
      }
      assertEquals(List.of("emil", "olga", "rita"), names);
    }
    Cli.Result list = Cli.run("--case", locked.toString(), "user", "list", "--json");
    assertNotNull(list.json().get("users"));
    assertFalse(list.out().contains("$2"), list.out());
    Cli.Result verify = Cli.run("--case", locked.toString(), "custody", "verify");
    assertEquals(0, verify.exit(), verify.toString());
  }

  @Test
  void theLoginPageTellsNoOneWhichCasesExist() throws Exception {
    HttpResponse<String> real = get("/login?case=" + key);
    HttpResponse<String> made = get("/login?case=no-such-case");
    assertEquals(200, real.statusCode());
    assertEquals(200, made.statusCode(), "a login page for a case that is not served, as for one that is");
    String other = "no-such-case";
    assertEquals(real.body().replace("Log in to case " + key, "Log in to case " + other)
        .replace("name=\"case\" value=\"" + key + "\"", "name=\"case\" value=\"" + other + "\"")
        .replace("value=\"/cases/" + key + "\"", "value=\"/cases/" + other + "\""), made.body());
    HttpResponse<String> tried = post("/login", null, "csrf", csrf(made.body()), "case", "no-such-case", "back", "/",
        "name", "rita", "password", READER_PASSWORD);
    assertEquals(401, tried.statusCode());
    assertTrue(tried.body().contains("wrong name or password"), tried.body());
    // control: the same password logs in to the case that has the user
    assertEquals(303, login("rita", READER_PASSWORD).statusCode());
    assertEquals(400, get("/login?case=..%2Fetc").statusCode());
  }

  @Test
  void aCaseWithoutUsersIsNotServedBeyondThisMachine() throws Exception {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Workbench.start(List.of(open, locked), "0.0.0.0", 0, "ines"));
    assertTrue(e.getMessage().contains(openKey), e.getMessage());
    assertFalse(e.getMessage().contains(key + ","), "the case with users is not named");
    // control: the case with users alone is served on any address
    try (Workbench w = Workbench.start(List.of(locked), "0.0.0.0", 0, "ines")) {
      assertTrue(w.port() > 0);
    }
  }
}
