package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
  @TempDir static Path dir;
  static Path caseDir;
  static WorkbenchClient web;
  static String key;

  @BeforeAll
  static void serve() throws Exception {
    caseDir = WorkbenchTest.buildCase(dir);
    web = WorkbenchClient.start(caseDir);
    key = web.key;
  }

  @AfterAll
  static void stop() {
    if (web != null) {
      web.close();
    }
  }

  private static JsonNode list() throws Exception {
    return web.json("/api/v1/cases/" + key + "/saved-searches").get("saved");
  }

  @Test
  void aSearchSavedFromTheSearchPageRaisesItsAlertWhenAMatchingDocumentArrives() throws Exception {
    String search = web.get("/cases/" + key + "?q=Sokol-7M").body();
    assertTrue(search.contains("Save this search"), search);
    String form = web.get("/cases/" + key + "/saved?q=Sokol-7M").body();
    assertTrue(form.contains("value=\"Sokol-7M\""), "the query is filled in");
    String token = WorkbenchClient.csrf(form);
    // without the token: refused
    assertEquals(403, web.post("/cases/" + key + "/saved", "name", "radars", "q", "Sokol-7M").statusCode());
    HttpResponse<String> saved = web.post("/cases/" + key + "/saved", "csrf", token, "name", "radars <i>watch</i>", "q", "Sokol-7M");
    assertEquals(303, saved.statusCode(), saved.body());
    JsonNode one = list().get(0);
    assertEquals(0, one.get("new").asLong());
    long total = one.get("total").asLong();
    assertTrue(total > 0);
    String page = web.get("/cases/" + key + "/saved").body();
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
    JsonNode fresh = web.json("/api/v1/cases/" + key + "/saved-searches/" + id + "/new");
    assertEquals(1, fresh.get("total").asLong());
    assertTrue(fresh.get("hits").get(0).get("document").asText().endsWith("radar-invoice.txt"), fresh::toString);
    String opened = web.get("/cases/" + key + "/saved?open=" + id).body();
    assertTrue(opened.contains("1 new"), opened);
    assertTrue(opened.contains("radar-invoice.txt"), opened);
    assertFalse(opened.contains("canteen-menu.txt"), "the new document that does not match is not shown");
    assertEquals(303, web.post("/cases/" + key + "/saved/" + id + "/seen", "csrf", token).statusCode());
    assertEquals(0, list().get(0).get("new").asLong());
    // a saved search that is not there
    assertEquals(404, web.post("/cases/" + key + "/saved/" + (id + 99) + "/seen", "csrf", token).statusCode());
    assertEquals(303, web.post("/cases/" + key + "/saved/" + id + "/delete", "csrf", token).statusCode());
    assertEquals(0, list().size());
  }
}
