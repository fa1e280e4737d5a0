package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.dossier.link.FictionalStories;
import org.dossier.pipeline.CaseFolder;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest --no-analysis}: the case is searchable at once and holds no names, facts or
 * stories yet, its documents' analysis pending; {@code analyze} then does the rest, and the
 * findings are those of an ingest that analysed in the same run.
 */
class NoAnalysisIngestTest {
  @TempDir Path dir;

  private static long pending(Path caseDir) throws Exception {
    try (CaseFolder f = CaseFolder.open(caseDir, java.time.Clock.systemUTC())) {
      return f.store().annotations().analysisPending();
    }
  }

  private static long entities(Path caseDir) throws Exception {
    try (CaseFolder f = CaseFolder.open(caseDir, java.time.Clock.systemUTC())) {
      return f.store().entities().entities(java.util.Optional.empty(), 1000).size();
    }
  }

  @Test
  void aCaseIngestedWithoutAnalysisIsSearchableAndAnalyzeDoesTheRest() throws Exception {
    FictionalStories.write(dir);
    Path fast = dir.resolve("fast");
    Cli.Result r = Cli.run("--case", fast.toString(), "ingest", "--no-analysis", "--quiet",
        dir.resolve("press").toString(), dir.resolve("cache").toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("dossier analyze"), r.out());
    JsonNode hits = Cli.run("--case", fast.toString(), "search", "--json", "Vetrov-3").json();
    assertTrue(hits.get("total").asLong() >= 4, hits::toString);
    assertEquals(7, pending(fast), "every document's analysis is pending");
    assertEquals(0, entities(fast));

    Cli.Result analysed = Cli.run("--case", fast.toString(), "analyze");
    assertEquals(0, analysed.exit(), analysed.toString());
    assertEquals(0, pending(fast));
    assertTrue(entities(fast) > 0);

    // control: the same files ingested with analysis give the same facts
    Path full = dir.resolve("full");
    assertEquals(0, Cli.run("--case", full.toString(), "ingest", "--quiet", dir.resolve("press").toString(),
        dir.resolve("cache").toString()).exit());
    assertEquals(0, pending(full));
    JsonNode a = Cli.run("--case", fast.toString(), "facts", "--json").json().get("facts");
    JsonNode b = Cli.run("--case", full.toString(), "facts", "--json").json().get("facts");
    assertTrue(a.size() > 0);
    assertEquals(b.size(), a.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(b.get(i).get("key").asText(), a.get(i).get("key").asText(), "fact " + i);
      assertEquals(b.get(i).get("status").asText(), a.get(i).get("status").asText(), "fact " + i);
    }
  }
}
