package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dossier.store.CaseStore;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real ingest with SIGKILL part-way, runs the same command again, and checks that every
 * file was ingested exactly once, the index and the store agree, and custody is intact.
 */
class CrashResumeTest {
  private static final int FILES = 300;
  private static final int ZIP_ENTRIES = 20;

  @TempDir Path dir;

  @Test
  void killedMidRunThenResumedIngestsEverythingExactlyOnce() throws Exception {
    Path input = dir.resolve("cache");
    for (int i = 0; i < FILES; i++) {
      String text = "Document " + i + " token" + i + "x about the convoy schedule and payments.";
      Path f = input.resolve("batch-" + (i % 7)).resolve("doc-" + i + (i % 3 == 0 ? ".docx" : ".txt"));
      if (i % 3 == 0) {
        Fixtures.docx(f, "Doc " + i, text);
      } else {
        Fixtures.text(f, text);
      }
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < ZIP_ENTRIES; i++) {
      entries.put("entry-" + i + ".txt", Fixtures.utf8("zip entry " + i + " ztoken" + i + "z"));
    }
    Fixtures.zip(input.resolve("bundle.zip"), entries);
    Path caseDir = dir.resolve("case");
    List<String> command = Cli.javaCommand("--case", caseDir.toString(), "ingest", "--no-ocr", "--quiet", input.toString());

    Process first = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("first.log").toFile()).start();
    Path texts = caseDir.resolve("text");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (countFiles(texts) < 25 && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(first.isAlive(), "the first run must still be working when it is killed: " + Files.readString(dir.resolve("first.log")));
    List<ProcessHandle> workers = first.descendants().toList();
    first.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
    assertTrue(first.waitFor(30, TimeUnit.SECONDS));
    for (ProcessHandle w : workers) {
      w.onExit().get(60, TimeUnit.SECONDS); // workers exit on their own when their input closes
    }
    long partial;
    try (CaseStore store = CaseStore.open(caseDir.resolve("dossier.db"), Clock.systemUTC())) {
      partial = store.documents().countByStage().getOrDefault("indexed", 0L);
    }
    assertTrue(partial < FILES + ZIP_ENTRIES, "the kill came before the end: " + partial + " indexed");

    Process second = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("second.log").toFile()).start();
    assertTrue(second.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, second.exitValue(), Files.readString(dir.resolve("second.log")));

    int expected = FILES + 1 + ZIP_ENTRIES;
    JsonNode status = Cli.run("--case", caseDir.toString(), "status", "--json").json();
    assertEquals(expected, status.get("documents").asInt(), status.toPrettyString());
    assertEquals(expected, status.get("indexed").asInt(), "the index holds each document once");
    assertEquals(Map.of("indexed", expected), toMap(status.get("byStage")));
    assertEquals(0, status.get("failures").size(), status.toPrettyString());

    Cli.Result verify = Cli.run("--case", caseDir.toString(), "custody", "verify");
    assertEquals(0, verify.exit(), verify.toString());
    Map<String, Integer> logged = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(caseDir.resolve("custody.jsonl"))) {
      JsonNode e = json.readTree(line);
      String action = e.get("action").asText();
      if (action.equals("acquire") || action.equals("unpack")) {
        logged.merge(e.get("name").asText(), 1, Integer::sum);
      }
    }
    assertEquals(expected, logged.size(), "every file and entry is in the custody log");
    assertTrue(logged.values().stream().allMatch(n -> n == 1), "and only once: " + logged);

    for (String token : List.of("token0x", "token150x", "token299x", "ztoken7z")) {
      JsonNode hits = Cli.run("--case", caseDir.toString(), "search", "--json", token).json();
      assertEquals(1, hits.get("total").asInt(), token);
    }
  }

  private static Map<String, Integer> toMap(JsonNode node) {
    Map<String, Integer> out = new HashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
    return out;
  }

  private static long countFiles(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }
}
