package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dossier.core.Document;
import org.dossier.core.Stage;
import org.dossier.store.PathState;
import org.dossier.store.CaseStore;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-world files from ../shared/corpus, read in place and never copied: Apache Tika's own test
 * documents, and the five press reports of the first user's case. Skipped when absent.
 */
class SharedCorpusTest {
  private static final Path CORPUS = Path.of("..", "shared", "corpus").toAbsolutePath().normalize();

  @TempDir Path dir;

  private static Path corpus(String name) {
    Path p = CORPUS.resolve(name);
    Assumptions.assumeTrue(Files.isDirectory(p), "skipped: " + p + " is not here (shared corpus absent)");
    return p;
  }

  @Test
  void tikaTestDocumentsNeverAbortTheRunAndAllGetAStatus() throws Exception {
    Path docs = corpus("tika-testdocs");
    Path caseDir = dir.resolve("case");
    Cli.Result run = Cli.run("--case", caseDir.toString(), "ingest", "--json", docs.toString());
    assertEquals(0, run.exit(), run.toString());
    List<Path> files;
    try (Stream<Path> s = Files.list(docs)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    assertTrue(files.size() > 400, "expected about 500 files, found " + files.size());
    List<String> missing = new ArrayList<>();
    try (CaseStore store = CaseStore.open(caseDir.resolve("dossier.db"), Clock.systemUTC())) {
      for (Path f : files) {
        Optional<PathState> path = store.documents().path(docs.toString(), f.getFileName().toString());
        if (path.isEmpty()) {
          missing.add(f.getFileName() + " (no path)");
          continue;
        }
        if (path.get().document().isPresent()) {
          Document d = store.documents().document(path.get().document().get()).orElseThrow();
          if (d.stage() != Stage.INDEXED || d.status().code().equals("pending")) {
            missing.add(f.getFileName() + " (" + d.stage() + ", " + d.status() + ")");
          }
        }
      }
      assertEquals(store.documents().countByStage(), java.util.Map.of("indexed", store.documents().documentCount()));
    }
    assertEquals(List.of(), missing);
    JsonNode status = Cli.run("--case", caseDir.toString(), "status", "--json").json();
    assertEquals(status.get("documents").asLong(), status.get("indexed").asLong());
    for (JsonNode f : status.get("failures")) {
      assertFalse(f.get("reason").asText().isBlank(), f.toString());
    }
  }

  @Test
  void seedReportsAreSearchable() {
    Path seeds = corpus("seeds");
    Path caseDir = dir.resolve("seeds");
    Cli.Result run = Cli.run("--case", caseDir.toString(), "ingest", "--json", seeds.toString());
    assertEquals(0, run.exit(), run.toString());
    assertEquals(5, run.json().get("documents").asInt());
    assertEquals(Set.of("001_1ba999bdf0dbba19.txt", "003_46d4d19b762e61f2.txt", "004_af438e34b73f8d09.txt"),
        hits(caseDir, "\"Black Moon\""));
    Set<String> danylyuk = Set.of("000_57fde631a0ec8060.txt", "001_1ba999bdf0dbba19.txt", "004_af438e34b73f8d09.txt");
    assertEquals(danylyuk, hits(caseDir, "Danylyuk"));
    assertEquals(danylyuk, hits(caseDir, "Данилюк"), "Cyrillic finds the Latin spelling");
    assertEquals(Set.of("004_af438e34b73f8d09.txt"), hits(caseDir, "BMD-4M"));
    assertEquals(Set.of("004_af438e34b73f8d09.txt"), hits(caseDir, "БМД-4М"));
    assertEquals(Set.of("000_57fde631a0ec8060.txt", "003_46d4d19b762e61f2.txt", "004_af438e34b73f8d09.txt"),
        hits(caseDir, "RUSI"));
    assertEquals(Set.of("002_418d13687bdb8898.txt", "004_af438e34b73f8d09.txt"),
        hits(caseDir, "\"14 joint\" OR \"14 such drills\""));
    assertEquals(Set.of("003_46d4d19b762e61f2.txt", "004_af438e34b73f8d09.txt"),
        hits(caseDir, "\"Washington Post\"~1"));
  }

  private static Set<String> hits(Path caseDir, String query) {
    Cli.Result r = Cli.run("--case", caseDir.toString(), "search", "--json", "--limit", "50", query);
    assertEquals(0, r.exit(), r.toString());
    Set<String> names = new TreeSet<>();
    r.json().get("hits").forEach(h -> names.add(h.get("document").asText()));
    return names;
  }
}
