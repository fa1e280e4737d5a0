package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Ingest;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unchanged re-ingest does no work again: an empty file, which the walk marks without
 * extracting, is no reason to resolve the case's entities and link the whole case a second time
 * (on 10,000 documents that made the re-ingest take a minute).
 */
class UnchangedReingestTest {
  @TempDir Path dir;

  @Test
  void anEmptyFileDoesNotMakeTheSecondRunLinkAgain() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Fixtures.text(in.resolve("memo.txt"), "The Velmar yard will deliver 12 patrol boats in May.");
    Path c = dir.resolve("case");
    Cli.Result first = Cli.run("ingest", "--case", c.toString(), in.toString());
    assertEquals(0, first.exit(), first::toString);
    assertTrue(first.out().contains("linked"), first.out());
    Cli.Result again = Cli.run("ingest", "--case", c.toString(), in.toString());
    assertEquals(0, again.exit(), again::toString);
    assertFalse(again.out().contains("linked"), "the unchanged case was linked again: " + again.out());
    // control: a changed file is new work, linked again
    Fixtures.text(in.resolve("note.txt"), "A typed note on the Velmar ferries.");
    Cli.Result changed = Cli.run("ingest", "--case", c.toString(), in.toString());
    assertTrue(changed.out().contains("linked"), changed.out());
  }

  /**
   * An empty file, on its own or inside an archive, is settled when it arrives: its analysis is
   * settled with it ("no-text"), so no reading command finds the case behind and runs an ingest
   * again (with default settings, which would OCR a case ingested with --no-ocr).
   */
  @Test
  void anEmptyFileLeavesNoAnalysisPending() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Fixtures.zip(in.resolve("bundle.zip"), Map.of("blank.txt", new byte[0],
        "inner.txt", "The Orsk depot sent 4 cranes.".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Fixtures.text(in.resolve("memo.txt"), "The Velmar yard will deliver 12 patrol boats in May.");
    Path c = dir.resolve("case");
    Cli.Result first = Cli.run("ingest", "--case", c.toString(), "--no-ocr", in.toString());
    assertEquals(0, first.exit(), first::toString);
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      assertFalse(Ingest.pending(folder), "the ingested case still has work pending");
      var empty = folder.store().documents().documentByName("empty.txt").orElseThrow();
      assertEquals("no-text", folder.store().annotations().analysisState(empty.id()).orElseThrow().status());
    }
    // control: a case ingested without analysis has its texts' analyses pending
    Path c2 = dir.resolve("case2");
    Cli.Result bare = Cli.run("ingest", "--case", c2.toString(), "--no-ocr", "--no-analysis", in.toString());
    assertEquals(0, bare.exit(), bare::toString);
    try (CaseFolder folder = CaseFolder.open(c2, Clock.systemUTC())) {
      assertTrue(Ingest.pending(folder), "a case ingested with --no-analysis has nothing pending");
    }
  }

  /**
   * An ingest empties what earlier runs left in the case's staging folder, but not the folders of
   * workers, which may be at work on a shared case while it runs.
   */
  @Test
  void anIngestLeavesTheWorkersStagingAlone() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Fixtures.text(in.resolve("memo.txt"), "The Velmar yard will deliver 12 patrol boats in May.");
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--no-ocr", in.toString()).exit());
    Path workers = Files.createDirectories(c.resolve("tmp/worker-host-1234/extract"));
    Files.writeString(workers.resolve("part.txt"), "a child being extracted");
    Path left = Files.createDirectories(c.resolve("tmp/work/abc"));
    Files.writeString(left.resolve("part.txt"), "left by a killed run");
    Fixtures.text(in.resolve("note.txt"), "A typed note on the Velmar ferries.");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--no-ocr", in.toString()).exit());
    assertTrue(Files.exists(workers.resolve("part.txt")), "a worker's staging was emptied");
    assertFalse(Files.exists(left.resolve("part.txt")), "what a killed run left is still there"); // control
  }
}
