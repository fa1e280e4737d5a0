package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judgements through the workbench: a claim marked wrong from the facts page leaves the facts and
 * the report once the task that forms them again is done; every change needs the server's token
 * and a page of its own origin; a form never redirects off the case.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchJudgementsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  static final String HERALD = "2026-03-04_eastgate-herald.txt";

  @TempDir static Path dir;
  static Workbench bench;
  static String base;
  static String key;

  @BeforeAll
  static void serve() throws Exception {
    Path caseDir = WorkbenchTest.buildCase(dir);
    bench = Workbench.start(List.of(caseDir), "127.0.0.1", 0, "ines");
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
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postForm(String path, String origin, String... fields) throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&").append(fields[i]).append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (origin != null) {
      b.header("Origin", origin);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The JSON of a GET, waiting out a 202 (the case being brought up to date). */
  private static JsonNode ready(String path) throws Exception {
    for (int i = 0; i < 240; i++) {
      HttpResponse<String> r = get(path);
      if (r.statusCode() == 200) {
        return JSON.readTree(r.body());
      }
      assertEquals(202, r.statusCode(), r.body());
      Thread.sleep(500);
    }
    throw new AssertionError("never ready: " + path);
  }

  private static void settle() throws Exception {
    for (int i = 0; i < 240 && !(bench.tasks().open(key).isEmpty() && !bench.stale(bench.served(key))); i++) {
      Thread.sleep(500);
    }
    assertFalse(bench.stale(bench.served(key)), "the case came up to date");
  }

  private static boolean heraldSays(JsonNode facts, String quote) {
    for (JsonNode f : facts) {
      for (JsonNode c : f.get("claims")) {
        if (c.get("document").asText().equals(HERALD) && c.get("quote").asText().equals(quote)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  @Order(1)
  void aClaimMarkedWrongOnTheFactsPageLeavesTheFactsAndTheReport() throws Exception {
    JsonNode report = ready("/api/v1/cases/" + key + "/report");
    assertTrue(report.toString().contains("\"quote\":\"2024\""), "the report cites the Herald's year before");
    String page = get("/cases/" + key + "/facts").body();
    Matcher token = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page);
    assertTrue(token.find(), page);
    // the form of the Herald's "2024" claim: its target names the Herald's document and the quote's span
    JsonNode facts = JSON.readTree(get("/api/v1/cases/" + key + "/facts?limit=500").body()).get("facts");
    assertTrue(heraldSays(facts, "2024"));
    String target = null;
    for (JsonNode f : facts) {
      for (JsonNode c : f.get("claims")) {
        if (c.get("document").asText().equals(HERALD) && c.get("quote").asText().equals("2024")) {
          String id = JSON.readTree(get("/api/v1/cases/" + key + "/documents?name=" + HERALD + "&maxChars=0").body())
              .get("id").asText();
          target = "claim:" + id + ":" + c.get("start").asInt() + "-" + c.get("end").asInt();
        }
      }
    }
    assertTrue(page.contains("value=\"" + target + "\""), "the facts page offers to mark that claim");
    String back = "/cases/" + key + "/facts";
    // refused: no token; a page of another site
    assertEquals(403, postForm("/cases/" + key + "/judgements", null, "target", target, "action", "wrong", "reason",
        "misread", "back", back).statusCode());
    assertEquals(403, postForm("/cases/" + key + "/judgements", "http://evil.example", "csrf", token.group(1), "target",
        target, "action", "wrong", "reason", "misread", "back", back).statusCode());
    assertEquals(0, JSON.readTree(get("/api/v1/cases/" + key + "/judgements").body()).get("judgements").size());
    // made: back to the page, and the facts are formed again
    HttpResponse<String> made = postForm("/cases/" + key + "/judgements", base, "csrf", token.group(1), "target", target,
        "action", "wrong", "reason", "the year of an earlier meeting", "back", back);
    assertEquals(303, made.statusCode(), made.body());
    assertEquals(back, made.headers().firstValue("Location").orElse(""));
    settle();
    JsonNode after = JSON.readTree(get("/api/v1/cases/" + key + "/facts?limit=500").body()).get("facts");
    assertFalse(heraldSays(after, "2024"), "the claim left the facts");
    // and the facts page, which keeps its ranking of the disputes until the link stage runs again
    assertFalse(get("/cases/" + key + "/facts").body().contains("value=\"" + target + "\""), "and the facts page");
    JsonNode reportAfter = ready("/api/v1/cases/" + key + "/report");
    assertFalse(reportAfter.toString().contains("\"quote\":\"2024\""), "and the report");
    JsonNode list = JSON.readTree(get("/api/v1/cases/" + key + "/judgements").body()).get("judgements");
    assertEquals(1, list.size());
    assertEquals("ines", list.get(0).get("user").asText());
    assertEquals(target, list.get(0).get("target").asText());
  }

  @Test
  @Order(2)
  void scriptsJudgeWithTheTokenAndJson() throws Exception {
    String id = JSON.readTree(get("/api/v1/cases/" + key + "/documents?name=" + HERALD + "&maxChars=0").body())
        .get("id").asText();
    String body = "{\"target\":\"document:" + id + "\",\"action\":\"tag\",\"value\":\"<b>follow-up</b>\"}";
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + key + "/judgements"))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    assertEquals(403, HTTP.send(req.header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
    HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + key + "/judgements"))
        .header("X-CSRF-Token", bench.token()).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, plain.statusCode());
    HttpResponse<String> made = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + key + "/judgements"))
        .header("X-CSRF-Token", bench.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, made.statusCode(), made.body());
    JsonNode j = JSON.readTree(made.body());
    assertTrue(j.get("task").isNull(), "a tag forms no facts again");
    String doc = get("/cases/" + key + "/documents/" + id).body();
    assertTrue(doc.contains("&lt;b&gt;follow-up&lt;/b&gt;"), doc);
    // a judgement that does not fit its target, and one on a document of no case, are refused
    HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + key + "/judgements"))
        .header("X-CSRF-Token", bench.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"document:" + id + "\",\"action\":\"wrong\",\"reason\":\"x\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, bad.statusCode(), bad.body());
    HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + key + "/judgements"))
        .header("X-CSRF-Token", bench.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"document:" + "0".repeat(64) + "\",\"action\":\"star\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(404, none.statusCode(), none.body());
  }

  @Test
  @Order(3)
  void aFormNeverRedirectsOffTheCaseAndUndoingRestoresTheClaim() throws Exception {
    JsonNode list = JSON.readTree(get("/api/v1/cases/" + key + "/judgements").body()).get("judgements");
    JsonNode wrong = list.get(0);
    HttpResponse<String> undone = postForm("/cases/" + key + "/judgements", null, "csrf", bench.token(), "target",
        wrong.get("target").asText(), "action", "undo", "undoes", wrong.get("seq").asText(), "back", "//evil.example/x");
    assertEquals(303, undone.statusCode(), undone.body());
    assertEquals("/cases/" + key, undone.headers().firstValue("Location").orElse(""));
    settle();
    JsonNode facts = JSON.readTree(get("/api/v1/cases/" + key + "/facts?limit=500").body()).get("facts");
    assertTrue(heraldSays(facts, "2024"), "the claim is back");
    String judgements = get("/cases/" + key + "/judgements").body();
    assertTrue(judgements.contains("class=\"undone\""), judgements);
  }
}
