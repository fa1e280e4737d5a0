package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heavy pages take turns and searches do not: with one place for heavy requests, held as a
 * heavy request holds it, a search answers while a heavy page waits; the page answers when the
 * place comes free, gets 503 with Retry-After when it does not within the bound, and is refused
 * at once when the waiting is full; a heavy request that fails gives its place back. A heavy page
 * with its place waits while searches run and starts when they are done. Controls: without a
 * limit the same page answers at once; without searches first it does not wait for them.
 */
class WorkbenchAdmissionTest {
  @TempDir static Path dir;
  static Path caseDir;

  @BeforeAll
  static void build() throws Exception {
    caseDir = WorkbenchTest.buildCase(dir);
  }

  @Test
  void aSearchAnswersWhileAHeavyPageWaitsForItsTurn() throws Exception {
    Admission gate = new Admission(1, Duration.ofSeconds(30), 1, 2);
    try (WorkbenchClient web = WorkbenchClient.start(caseDir, gate)) {
      String facts = "/cases/" + web.key + "/facts";
      assertEquals(200, web.get(facts).statusCode());
      Admission.Pass held = gate.take(); // the one place, as a heavy request holds it
      CompletableFuture<HttpResponse<String>> waiting;
      try {
        waiting = web.getLater(facts);
        awaitWaiting(gate, 1);

        HttpResponse<String> api = web.get("/api/v1/cases/" + web.key + "/search?q=Sokol-7M");
        assertEquals(200, api.statusCode(), api.body());
        assertTrue(WorkbenchClient.JSON.readTree(api.body()).get("total").asLong() > 0, api.body());
        HttpResponse<String> page = web.get("/cases/" + web.key + "?q=Sokol-7M");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Sokol-7M"), page.body());
        assertEquals(200, web.get("/api/v1/cases").statusCode());
        assertFalse(waiting.isDone(), "the facts page still waits for its turn");
        assertEquals(1, gate.waiting());

        // the waiting is full (one): the next heavy request is refused at once, not queued
        long t0 = System.nanoTime();
        HttpResponse<String> refused = web.get("/api/v1/cases/" + web.key + "/stories");
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "refused without waiting its 30 s");
        assertEquals("15", refused.headers().firstValue("Retry-After").orElse(""));
        assertFalse(waiting.isDone());
      } finally {
        held.close();
      }
      HttpResponse<String> served = waiting.get(30, TimeUnit.SECONDS);
      assertEquals(200, served.statusCode(), "the place came free: the facts page is served");
      assertTrue(served.body().contains("<h1>Facts</h1>"), served.body());
    }
  }

  @Test
  void aHeavyRequestThatWaitsPastTheBoundGets503WithRetryAfter() throws Exception {
    Admission gate = new Admission(1, Duration.ofMillis(700));
    try (WorkbenchClient web = WorkbenchClient.start(caseDir, gate)) {
      try (Admission.Pass held = gate.take()) {
        long t0 = System.nanoTime();
        HttpResponse<String> api = web.get("/api/v1/cases/" + web.key + "/facts");
        long waited = System.nanoTime() - t0;
        assertEquals(503, api.statusCode(), api.body());
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(700), "it waited its turn first: " + waited / 1_000_000 + " ms");
        assertEquals("1", api.headers().firstValue("Retry-After").orElse(""));
        JsonNode error = WorkbenchClient.JSON.readTree(api.body());
        assertEquals(503, error.get("status").asInt());
        assertTrue(error.get("error").asText().contains("busy"), api.body());
        HttpResponse<String> page = web.get("/cases/" + web.key + "/timeline");
        assertEquals(503, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.body());
        assertEquals(0, gate.waiting(), "no request is left waiting");
      }
      // the place given back: served again
      assertEquals(200, web.get("/api/v1/cases/" + web.key + "/facts").statusCode());
    }
  }

  @Test
  void aHeavyRequestThatFailsGivesItsPlaceBack() throws Exception {
    Admission gate = new Admission(1, Duration.ofMillis(500));
    try (WorkbenchClient web = WorkbenchClient.start(caseDir, gate)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(404, web.get("/cases/" + web.key + "/documents/" + "ab".repeat(32)).statusCode());
        assertEquals(400, web.get("/api/v1/cases/" + web.key + "/report?format=pdf").statusCode());
      }
      try (Admission.Pass p = gate.take()) { // free: taken without waiting for the bound
        assertEquals(0, gate.waiting());
      }
      // control: a place never given back is not taken again
      Admission.Pass kept = gate.take();
      assertThrows(Admission.Overloaded.class, gate::take);
      kept.close();
      kept.close(); // given back once only
      Admission.Pass again = gate.take();
      assertThrows(Admission.Overloaded.class, gate::take, "closing twice did not make two places");
      again.close();
    }
  }

  @Test
  void aHeavyPageWithItsPlaceWaitsWhileSearchesRun() throws Exception {
    Admission gate = new Admission(2, Duration.ofSeconds(30), 100, 1);
    try (WorkbenchClient web = WorkbenchClient.start(caseDir, gate)) {
      String facts = "/api/v1/cases/" + web.key + "/facts";
      CompletableFuture<HttpResponse<String>> waiting;
      Admission.Pass search = gate.cheap(); // a search running, counted as a request is
      try {
        waiting = web.getLater(facts);
        for (int i = 0; i < 1_000 && gate.waitingForSearches() < 1; i++) {
          Thread.sleep(10);
        }
        assertEquals(1, gate.waitingForSearches(), "the facts page has its place and waits for the search");
        HttpResponse<String> api = web.get("/api/v1/cases/" + web.key + "/search?q=Sokol-7M");
        assertEquals(200, api.statusCode(), "a search never waits");
        assertFalse(waiting.isDone());
      } finally {
        search.close();
      }
      assertEquals(200, waiting.get(30, TimeUnit.SECONDS).statusCode(), "the search done, the page is served");
      assertEquals(0, gate.waitingForSearches());
    }
    // past the bound while a search still runs: 503, and the place is given back
    Admission brief = new Admission(1, Duration.ofMillis(700), 100, 1);
    try (WorkbenchClient web = WorkbenchClient.start(caseDir, brief)) {
      try (Admission.Pass search = brief.cheap()) {
        long t0 = System.nanoTime();
        HttpResponse<String> refused = web.get("/api/v1/cases/" + web.key + "/facts");
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(700));
        assertTrue(refused.body().contains("busy with searches"), refused.body());
      }
      assertEquals(200, web.get("/api/v1/cases/" + web.key + "/facts").statusCode());
    }
    // control: without searches first a running search does not hold the page back
    Admission plain = new Admission(1, Duration.ofMillis(700), 100, 0);
    try (WorkbenchClient web = WorkbenchClient.start(caseDir, plain)) {
      try (Admission.Pass search = plain.cheap()) {
        assertEquals(200, web.get("/api/v1/cases/" + web.key + "/facts").statusCode());
      }
    }
  }

  @Test
  void everyRequestIsCountedOutWhenItEnds() throws Exception {
    Admission gate = new Admission(1, Duration.ofMillis(700), 100, 1);
    try (WorkbenchClient web = WorkbenchClient.start(caseDir, gate)) {
      String k = web.key;
      for (String path : new String[] {"/", "/static/dossier.css", "/login", "/api/v1/cases", "/no-such-page",
          "/cases/" + k + "?q=Sokol-7M", "/api/v1/cases/" + k + "/search?q=Sokol-7M",
          "/api/v1/cases/" + k + "/search?q=%22unclosed", "/api/v1/cases/" + k + "/search", "/cases/no-such-case",
          "/cases/" + k + "/facts", "/cases/" + k + "/documents/" + "ab".repeat(32)}) {
        int status = web.get(path).statusCode();
        assertEquals(0, gate.cheapRunning(), path + " (" + status + ") was counted out");
      }
      try (java.net.Socket sock = new java.net.Socket("127.0.0.1", web.bench.port())) { // another Host: refused first
        sock.getOutputStream().write(("GET /cases/" + k + "?q=x HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String answer = new String(sock.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
      }
      assertEquals(0, gate.cheapRunning(), "refused by the server's own checks, never counted");
      // with nothing running, a heavy page does not wait
      long t0 = System.nanoTime();
      assertEquals(200, web.get("/cases/" + k + "/timeline").statusCode());
      assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(700));
    }
  }

  @Test
  void withoutALimitTheSamePageAnswersAtOnce() throws Exception {
    Admission none = new Admission(0, Duration.ofMillis(700));
    try (WorkbenchClient web = WorkbenchClient.start(caseDir, none)) {
      try (Admission.Pass held = none.take()) {
        // with one place held this is 503 after 700 ms (above); without a limit it is served
        HttpResponse<String> facts = web.get("/api/v1/cases/" + web.key + "/facts");
        assertEquals(200, facts.statusCode(), facts.body());
        assertEquals(0, none.waiting());
        assertEquals(200, web.get("/cases/" + web.key + "/timeline").statusCode());
      }
    }
  }

  @Test
  void searchesCheapReadsAndChangesNeverWaitPagesAndReadsDo() {
    for (String cheap : new String[] {"/", "/login", "/static/dossier.css", "/api/openapi.json", "/api/v1/cases",
        "/api/v1/tasks/7", "/cases/leak", "/cases/leak/", "/api/v1/cases/leak/search"}) {
      assertFalse(Admission.heavy("GET", cheap), cheap);
    }
    for (String heavy : new String[] {"/cases/leak/facts", "/cases/leak/documents/ab12", "/cases/leak/report",
        "/cases/leak/timeline", "/cases/leak/sources", "/cases/leak/coverage", "/cases/leak/entities",
        "/cases/leak/stories", "/cases/leak/documents/ab12/pages/2", "/api/v1/cases/leak/facts",
        "/api/v1/cases/leak/documents/ab12/original", "/api/v1/cases/leak/report", "/cases/leak/saved"}) {
      assertTrue(Admission.heavy("GET", heavy), heavy);
    }
    assertTrue(Admission.heavy("POST", "/cases/leak/batch"));
    assertTrue(Admission.heavy("POST", "/api/v1/cases/leak/batch-search"));
    assertFalse(Admission.heavy("POST", "/cases/leak/judgements"));
    assertFalse(Admission.heavy("POST", "/api/v1/cases/leak/judgements"));
    assertFalse(Admission.heavy("POST", "/login"));
  }

  @Test
  void aCallerWhoMayNotReadIsRefusedBeforeWaitingForATurn() throws Exception {
    Path locked = WorkbenchTest.buildCase(dir.resolve("locked"));
    String c = locked.toString();
    assertEquals(0, Cli.runWithInput("amber gate sixty\n", "--case", c, "user", "add", "nadia", "--role", "reader").exit());
    String token = Cli.run("--case", c, "user", "token", "nadia", "--json").json().get("token").asText();
    Admission gate = new Admission(1, Duration.ofSeconds(30), 1, 2);
    try (WorkbenchClient web = WorkbenchClient.start(locked, gate)) {
      String facts = "/api/v1/cases/" + web.key + "/facts";
      try (Admission.Pass held = gate.take()) {
        // no login, a wrong token, a case not served: answered at once, without a waiting place
        long t0 = System.nanoTime();
        assertEquals(401, web.get(facts).statusCode());
        assertEquals(401, web.get(facts, "Authorization", "Bearer 0123456789abcdef").statusCode());
        assertEquals(404, web.get("/api/v1/cases/no-such-case/facts").statusCode());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "refused without waiting for a turn");
        assertEquals(0, gate.waiting());

        // control: the reader's token passes the check and waits for the held place
        CompletableFuture<HttpResponse<String>> reader = web.getLater(facts, "Authorization", "Bearer " + token);
        awaitWaiting(gate, 1);
        assertFalse(reader.isDone(), "the reader's request waits for its turn");
        held.close();
        assertEquals(200, reader.get(30, TimeUnit.SECONDS).statusCode());
      }
    }
  }

  private static void awaitWaiting(Admission gate, int n) throws InterruptedException {
    for (int i = 0; i < 1_000 && gate.waiting() < n; i++) {
      Thread.sleep(10);
    }
    assertEquals(n, gate.waiting(), "the heavy request is waiting for its turn");
  }
}
