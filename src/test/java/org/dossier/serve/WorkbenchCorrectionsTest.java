package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * The analyst's corrections from the workbench's pages: a document's outlet set on its page, a
 * propagation link marked wrong there, a name split off an entity on the entities page; each is
 * shown where it was made, with its undo, and reaches the sources once the case is up to date.
 * What the analyst types is shown as text, never markup.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchCorrectionsTest {
  static final String LEDGER = "2026-03-03_harbour-ledger.txt";
  static final String COASTLINE = "2026-03-04_coastline-daily.txt";
  static final String TIDEWATER = "2026-03-06_tidewater-times.txt";

  @TempDir static Path dir;
  static WorkbenchClient web;
  static String key;

  @BeforeAll
  static void serve() throws Exception {
    web = WorkbenchClient.start(WorkbenchTest.buildCase(dir));
    key = web.key;
  }

  @AfterAll
  static void stop() {
    if (web != null) {
      web.close();
    }
  }

  private static JsonNode source(String document) throws Exception {
    web.settle();
    for (JsonNode s : web.json("/api/v1/cases/" + key + "/sources?limit=500").get("documents")) {
      if (s.get("document").asText().equals(document)) {
        return s;
      }
    }
    throw new AssertionError(document);
  }

  private static String page(String document) throws Exception {
    HttpResponse<String> r = web.get("/cases/" + key + "/documents/" + web.id(document));
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  private static String token(String html) {
    return WorkbenchClient.csrf(html);
  }

  /** The value of the hidden target of the first form after {@code marker}. */
  private static String targetAfter(String html, String marker) {
    int at = html.indexOf(marker);
    assertTrue(at >= 0, marker + " in " + html);
    Matcher m = Pattern.compile("name=\"target\" value=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find(at), html);
    return m.group(1);
  }

  @Test
  @Order(1)
  void anOutletSetOnTheDocumentPageReachesTheSources() throws Exception {
    web.settle();
    String html = page(TIDEWATER);
    assertTrue(html.contains("Where it comes from"), html);
    String target = targetAfter(html, "<th>outlet</th>");
    assertTrue(target.endsWith(":outlet"), target);
    HttpResponse<String> r = web.post("/cases/" + key + "/judgements", "csrf", token(html), "back", "/cases/" + key + "/sources",
        "target", target, "action", "set", "value", "Tidewater <b>Evening</b> Times");
    assertEquals(303, r.statusCode(), r.body());
    assertEquals("Tidewater <b>Evening</b> Times", source(TIDEWATER).get("outlet").asText());
    String after = page(TIDEWATER);
    assertTrue(after.contains("set by hand"), after);
    assertTrue(after.contains("Tidewater &lt;b&gt;Evening&lt;/b&gt; Times"), "shown as text");
    assertFalse(after.contains("<b>Evening</b>"));
    // control: another document's outlet is the stage's reading, not set by hand
    assertFalse(page(LEDGER).contains("set by hand"));
    // a date that is no date is refused, with the reason
    HttpResponse<String> bad = web.post("/cases/" + key + "/judgements", "csrf", token(html), "back", "/",
        "target", target.replace(":outlet", ":date"), "action", "set", "value", "yesterday");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("YYYY-MM-DD"), bad.body());
  }

  @Test
  @Order(2)
  void aLinkMarkedWrongOnTheDocumentPageIsNotDrawnAgain() throws Exception {
    assertTrue(source(COASTLINE).get("links").toString().contains(LEDGER));
    String html = page(COASTLINE);
    assertTrue(html.contains("Not its source"), html);
    String target = targetAfter(html, "class=\"links\"");
    assertTrue(target.startsWith("link:"), target);
    // a reason is required
    assertEquals(400, web.post("/cases/" + key + "/judgements", "csrf", token(html), "back", "/", "target", target,
        "action", "wrong", "reason", "").statusCode());
    assertEquals(303, web.post("/cases/" + key + "/judgements", "csrf", token(html), "back", "/cases/" + key + "/sources",
        "target", target, "action", "wrong", "reason", "agency copy <script>alert(1)</script>").statusCode());
    assertFalse(source(COASTLINE).get("links").toString().contains(LEDGER), source(COASTLINE)::toString);
    String sources = web.get("/cases/" + key + "/sources").body();
    assertTrue(sources.contains("Links you marked wrong"), sources);
    assertTrue(sources.contains("agency copy &lt;script&gt;"), sources);
    assertFalse(sources.contains("<script>alert(1)"));
  }

  @Test
  @Order(3)
  void aNameSplitOffOnTheEntitiesPageIsItsOwnEntity() throws Exception {
    web.settle();
    String html = web.get("/cases/" + key + "/entities?type=equipment").body();
    assertTrue(html.contains("fast attack boats"), html);
    // each entity links the documents that name it (the first five, then a search for all)
    assertTrue(html.contains("<a class=\"doc\" href=\"/cases/" + key + "/documents/" + web.id("2026-03-03_harbour-ledger.txt") + "\">"), html);
    assertTrue(html.contains(">all 6…</a>"), html);
    String target = targetAfter(html, ">Vetrov-3<");
    assertEquals("entity:equipment:Vetrov-3", target);
    HttpResponse<String> r = web.post("/cases/" + key + "/judgements", "csrf", token(html),
        "back", "/cases/" + key + "/entities?type=equipment", "target", target, "action", "split", "value", "fast attack boats");
    assertEquals(303, r.statusCode(), r.body());
    assertEquals("/cases/" + key + "/entities?type=equipment", r.headers().firstValue("Location").orElse(""));
    web.settle();
    String after = web.get("/cases/" + key + "/entities?type=equipment").body();
    assertTrue(after.contains("Names you merged or split"), after);
    // its own row now, named by itself; before, it was only another way to write Vetrov-3
    assertFalse(html.contains(">fast attack boats</a></td><td>equipment</td>"), html);
    assertTrue(after.contains(">fast attack boats</a></td><td>equipment</td>"), after);
    // a merge with a name the case does not hold is refused
    assertEquals(400, web.post("/cases/" + key + "/judgements", "csrf", token(html), "back", "/", "target", target,
        "action", "merge", "value", "No Such Boat").statusCode());
  }
}
