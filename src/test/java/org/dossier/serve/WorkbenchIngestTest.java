package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest of a folder on the server through the API: a task whose progress counts the documents,
 * after which they are searchable and in custody; a path that leaves the server's ingest folder
 * (by {@code ..}, an absolute path or a link) is refused; a server started without one takes no
 * ingest. The case's entities and custody answer too.
 */
class WorkbenchIngestTest {
  @TempDir static Path dir;
  static Path caseDir;
  static Path drop;
  static WorkbenchClient web;
  static String key;

  @BeforeAll
  static void serve() throws Exception {
    Path first = dir.resolve("first");
    Files.createDirectories(first);
    Files.writeString(first.resolve("memo.txt"), "A memo of the Korvane yard on four tugs for Marlow Shipping.\n");
    caseDir = dir.resolve("case");
    assertEquals(0, Cli.run("--case", caseDir.toString(), "ingest", "--quiet", first.toString()).exit());
    drop = dir.resolve("drop");
    Files.createDirectories(drop.resolve("batch-2"));
    Files.writeString(drop.resolve("batch-2/invoice.txt"), "Invoice 12 of the Korvane yard: tug engines, paid in May.\n");
    Files.writeString(drop.resolve("batch-2/letter.txt"), "A letter from Marlow Shipping about the tugs.\n");
    Files.writeString(dir.resolve("secret.txt"), "Outside the ingest folder.\n");
    Files.createSymbolicLink(drop.resolve("escape"), dir);
    web = WorkbenchClient.start(caseDir, Optional.of(drop));
    key = web.key;
  }

  @AfterAll
  static void stop() {
    if (web != null) {
      web.close();
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return web.get(path);
  }

  private static JsonNode json(String path) throws Exception {
    return web.json(path);
  }

  private static HttpResponse<String> ingest(WorkbenchClient w, String path) throws Exception {
    return w.postJson("/api/v1/cases/" + key + "/ingest", java.util.Map.of("path", path));
  }

  @Test
  void aFolderOnTheServerIsIngestedAsATaskWithItsProgress() throws Exception {
    assertEquals(0, json("/api/v1/cases/" + key + "/search?q=invoice").get("total").asLong());
    long entries = json("/api/v1/cases/" + key + "/custody").get("entries").asLong();
    HttpResponse<String> started = ingest(web, "batch-2");
    assertEquals(202, started.statusCode(), started.body());
    long id = WorkbenchClient.JSON.readTree(started.body()).get("id").asLong();
    JsonNode task = null;
    for (int i = 0; i < 240; i++) {
      task = json("/api/v1/tasks/" + id);
      if (task.get("state").asText().matches("done|failed")) {
        break;
      }
      Thread.sleep(250);
    }
    assertEquals("done", task.get("state").asText(), task::toString);
    assertEquals(2, task.get("progress").get("done").asLong(), task::toString);
    assertEquals(2, task.get("progress").get("total").asLong());
    for (int i = 0; i < 20 && json("/api/v1/cases/" + key + "/search?q=invoice").get("total").asLong() == 0; i++) {
      Thread.sleep(200); // the served index refreshes within a second
    }
    assertEquals(1, json("/api/v1/cases/" + key + "/search?q=invoice").get("total").asLong());
    JsonNode custody = json("/api/v1/cases/" + key + "/custody");
    assertTrue(custody.get("entries").asLong() > entries, custody::toString);
    assertEquals(3, custody.get("documents").asLong());
    assertTrue(get("/api/v1/cases/" + key + "/entities").body().contains("\"entities\""));
  }

  @Test
  void aPathOutsideTheIngestFolderIsRefused() throws Exception {
    for (String bad : List.of("../secret.txt", dir.resolve("secret.txt").toString(), "escape/secret.txt", "no-such", "")) {
      HttpResponse<String> r = ingest(web, bad);
      assertEquals(400, r.statusCode(), bad + ": " + r.body());
    }
    // without the token, refused before anything
    assertEquals(403, web.post("/api/v1/cases/" + key + "/ingest", "path", "batch-2").statusCode());
    try (WorkbenchClient none = WorkbenchClient.start(caseDir)) {
      HttpResponse<String> r = ingest(none, "batch-2");
      assertEquals(404, r.statusCode());
      assertTrue(r.body().contains("--ingest-from"), r.body());
    }
  }
}
