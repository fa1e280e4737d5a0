package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
