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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved searches in the workbench: saved from the search page's form, listed with their alert,
 * which a document ingested later raises; the new hits shown on the page and through the API; a
 * change without the page's token refused; what the user typed shown as text.
 */
class WorkbenchSavedTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir static Path dir;
  static Path caseDir;
  static Workbench bench;
  static String base;
  static String key;

  @BeforeAll
  static void serve() throws Exception {
    caseDir = WorkbenchTest.buildCase(dir);
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

  private static HttpResponse<String> post(String path, String... fields) throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&").append(fields[i]).append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode list() throws Exception {
    return JSON.readTree(get("/api/v1/cases/" + key + "/saved-searches").body()).get("saved");
  }

  @Test
  void aSearchSavedFromTheSearchPageRaisesItsAlertWhenAMatchingDocumentArrives() throws Exception {
    String search = get("/cases/" + key + "?q=Sokol-7M").body();
    assertTrue(search.contains("Save this search"), search);
    String form = get("/cases/" + key + "/saved?q=Sokol-7M").body();
    assertTrue(form.contains("value=\"Sokol-7M\""), "the query is filled in");
    Matcher token = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(form);
    assertTrue(token.find(), form);
    // without the token: refused
    assertEquals(403, post("/cases/" + key + "/saved", "name", "radars", "q", "Sokol-7M").statusCode());
    HttpResponse<String> saved = post("/cases/" + key + "/saved", "csrf", token.group(1), "name", "radars <i>watch</i>", "q", "Sokol-7M");
    assertEquals(303, saved.statusCode(), saved.body());
    JsonNode one = list().get(0);
    assertEquals(0, one.get("new").asLong());
    long total = one.get("total").asLong();
    assertTrue(total > 0);
    String page = get("/cases/" + key + "/saved").body();
    assertTrue(page.contains("radars &lt;i&gt;watch&lt;/i&gt;"), page);
    assertFalse(page.contains("<i>watch</i>"));

    Path more = dir.resolve("more");
    Files.createDirectories(more);
    Files.writeString(more.resolve("radar-invoice.txt"), "Invoice 7: two Sokol-7M coastal radars, spare parts.\n");
    Files.writeString(more.resolve("canteen-menu.txt"), "Canteen menu: fish soup, bread, tea.\n");
    assertEquals(0, Cli.run("--case", caseDir.toString(), "ingest", "--quiet", more.toString()).exit());
    JsonNode after = null;
    for (int i = 0; i < 20; i++) { // the served index refreshes within a second
      after = list().get(0);
      if (after.get("new").asLong() > 0) {
        break;
      }
      Thread.sleep(300);
    }
    assertEquals(1, after.get("new").asLong(), after::toString);
    assertEquals(total + 1, after.get("total").asLong());
    long id = after.get("id").asLong();
    JsonNode fresh = JSON.readTree(get("/api/v1/cases/" + key + "/saved-searches/" + id + "/new").body());
    assertEquals(1, fresh.get("total").asLong());
    assertTrue(fresh.get("hits").get(0).get("document").asText().endsWith("radar-invoice.txt"), fresh::toString);
    String opened = get("/cases/" + key + "/saved?open=" + id).body();
    assertTrue(opened.contains("1 new"), opened);
    assertTrue(opened.contains("radar-invoice.txt"), opened);
    assertFalse(opened.contains("canteen-menu.txt"), "the new document that does not match is not shown");
    assertEquals(303, post("/cases/" + key + "/saved/" + id + "/seen", "csrf", token.group(1)).statusCode());
    assertEquals(0, list().get(0).get("new").asLong());
    // a saved search that is not there
    assertEquals(404, post("/cases/" + key + "/saved/" + (id + 99) + "/seen", "csrf", token.group(1)).statusCode());
    assertEquals(303, post("/cases/" + key + "/saved/" + id + "/delete", "csrf", token.group(1)).statusCode());
    assertEquals(0, list().size());
  }
}
