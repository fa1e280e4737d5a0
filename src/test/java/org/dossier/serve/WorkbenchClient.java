package org.dossier.serve;

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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workbench started on loopback over one case for a test, and an HTTP client of it that follows
 * no redirect: pages, JSON, forms posted from the workbench's own origin.
 */
final class WorkbenchClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  final Workbench bench;
  final String base;
  final String key;

  private WorkbenchClient(Workbench bench, Path caseDir) {
    this.bench = bench;
    this.base = "http://127.0.0.1:" + bench.port();
    this.key = Workbench.key(caseDir);
  }

  /** Serves {@code caseDir} in single-user mode, judgements attributed to "ines". */
  static WorkbenchClient start(Path caseDir) throws Exception {
    return start(caseDir, Optional.empty());
  }

  /** As {@link #start(Path)}, taking ingest from {@code ingestFrom}. */
  static WorkbenchClient start(Path caseDir, Optional<Path> ingestFrom) throws Exception {
    return start(caseDir, ingestFrom, Admission.defaults());
  }

  /** As {@link #start(Path)}, heavy pages taking turns as {@code admission} says. */
  static WorkbenchClient start(Path caseDir, Admission admission) throws Exception {
    return start(caseDir, Optional.empty(), admission);
  }

  private static WorkbenchClient start(Path caseDir, Optional<Path> ingestFrom, Admission admission) throws Exception {
    return new WorkbenchClient(Workbench.start(List.of(caseDir), "127.0.0.1", 0, "ines", 0, ingestFrom, admission),
        caseDir);
  }

  /** A GET with the headers given as name, value pairs. */
  HttpResponse<String> get(String path, String... headers) throws Exception {
    return HTTP.send(request(path, headers), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET sent without waiting for its answer. */
  java.util.concurrent.CompletableFuture<HttpResponse<String>> getLater(String path, String... headers) {
    return HTTP.sendAsync(request(path, headers), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b.build();
  }

  HttpResponse<byte[]> bytes(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode json(String path) throws Exception {
    return JSON.readTree(get(path).body());
  }

  /** A form posted as a page of the workbench posts it: its origin, the fields as name, value pairs. */
  HttpResponse<String> post(String path, String... fields) throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&").append(fields[i]).append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** JSON posted by a script with the server's token. */
  HttpResponse<String> postJson(String path, Object body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").header("X-CSRF-Token", bench.token())
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The change token of a page's forms. */
  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(html);
    assertTrue(m.find(), html);
    return m.group(1);
  }

  /** A document's id, by its name. */
  String id(String name) throws Exception {
    return json("/api/v1/cases/" + key + "/documents?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&maxChars=0")
        .get("id").asText();
  }

  /** Waits until no task is bringing the case up to date. */
  void settle() throws Exception {
    for (int i = 0; i < 240 && !(bench.tasks().open(key).isEmpty() && !bench.stale(bench.served(key))); i++) {
      Thread.sleep(500);
    }
    assertTrue(!bench.stale(bench.served(key)), "the case came up to date");
  }

  @Override
  public void close() {
    bench.close();
  }
}
