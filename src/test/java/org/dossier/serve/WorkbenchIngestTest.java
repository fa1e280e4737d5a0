package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir static Path dir;
  static Path caseDir;
  static Path drop;
  static Workbench bench;
  static String base;
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
    bench = Workbench.start(List.of(caseDir), "127.0.0.1", 0, "ines", 0, Optional.of(drop));
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

  private static HttpResponse<String> ingest(Workbench w, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + w.port() + "/api/v1/cases/" + key + "/ingest"))
        .header("Content-Type", "application/json").header("X-CSRF-Token", w.token())
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("path", path)))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aFolderOnTheServerIsIngestedAsATaskWithItsProgress() throws Exception {
    assertEquals(0, JSON.readTree(get("/api/v1/cases/" + key + "/search?q=invoice").body()).get("total").asLong());
    long entries = JSON.readTree(get("/api/v1/cases/" + key + "/custody").body()).get("entries").asLong();
    HttpResponse<String> started = ingest(bench, "batch-2");
    assertEquals(202, started.statusCode(), started.body());
    long id = JSON.readTree(started.body()).get("id").asLong();
    JsonNode task = null;
    for (int i = 0; i < 240; i++) {
      task = JSON.readTree(get("/api/v1/tasks/" + id).body());
      if (task.get("state").asText().matches("done|failed")) {
        break;
      }
      Thread.sleep(250);
    }
    assertEquals("done", task.get("state").asText(), task::toString);
    assertEquals(2, task.get("progress").get("done").asLong(), task::toString);
    assertEquals(2, task.get("progress").get("total").asLong());
    for (int i = 0; i < 20 && JSON.readTree(get("/api/v1/cases/" + key + "/search?q=invoice").body()).get("total").asLong() == 0; i++) {
      Thread.sleep(200); // the served index refreshes within a second
    }
    assertEquals(1, JSON.readTree(get("/api/v1/cases/" + key + "/search?q=invoice").body()).get("total").asLong());
    JsonNode custody = JSON.readTree(get("/api/v1/cases/" + key + "/custody").body());
    assertTrue(custody.get("entries").asLong() > entries, custody::toString);
    assertEquals(3, custody.get("documents").asLong());
    assertTrue(get("/api/v1/cases/" + key + "/entities").body().contains("\"entities\""));
  }

  @Test
  void aPathOutsideTheIngestFolderIsRefused() throws Exception {
    for (String bad : List.of("../secret.txt", dir.resolve("secret.txt").toString(), "escape/secret.txt", "no-such", "")) {
      HttpResponse<String> r = ingest(bench, bad);
      assertEquals(400, r.statusCode(), bad + ": " + r.body());
    }
    // without the token, refused before anything
    assertEquals(403, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + key + "/ingest"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"batch-2\"}"))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    try (Workbench none = Workbench.start(List.of(caseDir), "127.0.0.1", 0, "ines")) {
      HttpResponse<String> r = ingest(none, "batch-2");
      assertEquals(404, r.statusCode());
      assertTrue(r.body().contains("--ingest-from"), r.body());
    }
  }
}
