package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document's page shows its versions (a draft and its final) and opens what changed between them. */
class WorkbenchVersionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  static Workbench bench;
  static String base;
  static String key;
  static Path caseDir;

  @BeforeAll
  static void serve() throws Exception {
    Path in = dir.resolve("in");
    Fixtures.text(in.resolve("draft.txt"), "DRAFT\nCONTRACT No. KV-2031/7\nThe Orvane yard shall deliver 12 harbour tugs"
        + " to the port of Lisk by March 2032 for 4,500,000 crowns.\nPayment in three parts.\n");
    Fixtures.text(in.resolve("final.txt"), "CONTRACT № KV-2031-7\nThe Orvane yard shall deliver 14 harbour tugs to the"
        + " port of Lisk by March 2032 for 5,100,000 crowns.\nPayment in three parts.\nSigned\n");
    Fixtures.text(in.resolve("other.txt"), "Minutes of the harbour board: the quay lights were repaired.\n");
    caseDir = dir.resolve("case");
    assertEquals(0, Cli.run("--case", caseDir.toString(), "ingest", "--quiet", in.toString()).exit());
    assertEquals(0, Cli.run("--case", caseDir.toString(), "verify").exit());
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
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String id(String name) {
    return Cli.run("--case", caseDir.toString(), "show", "--json", "--no-text", name).json().get("id").asText();
  }

  @Test
  void aDraftShowsItsFinalAndWhatChanged() throws Exception {
    String page = get("/cases/" + key + "/documents/" + id("draft.txt")).body();
    assertTrue(page.contains("Versions of this document"), page);
    Matcher diff = Pattern.compile("<a href=\"(/cases/[^\"]+/diff\\?a=[0-9a-f]+&amp;b=[0-9a-f]+)\">what changed</a>").matcher(page);
    assertTrue(diff.find(), page);
    String changed = get(diff.group(1).replace("&amp;", "&")).body();
    assertTrue(changed.contains("4,500,000") && changed.contains("5,100,000"), changed);
    assertTrue(changed.contains("class=\"added\"") && changed.contains("class=\"removed\""), changed);
    // the API gives what 'dossier diff --json' gives
    JsonNode api = JSON.readTree(get("/api/v1/cases/" + key + "/diff?a=" + id("draft.txt") + "&b=" + id("final.txt")).body());
    assertEquals(Cli.run("--case", caseDir.toString(), "diff", "--json", "draft.txt", "final.txt").json(), api);
    assertTrue(api.get("numbersOnlyInB").toString().contains("14"), api.toString());
    // control: a document of no family shows none
    String other = get("/cases/" + key + "/documents/" + id("other.txt")).body();
    assertTrue(!other.contains("Versions of this document"), other);
    assertEquals(400, get("/api/v1/cases/" + key + "/diff?a=zz&b=" + id("final.txt")).statusCode());
  }
}
