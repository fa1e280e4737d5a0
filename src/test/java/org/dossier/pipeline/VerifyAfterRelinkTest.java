package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.testing.Cli;
import org.dossier.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify stage reads the link stage's facts: findings it formed from a link run that another
 * replaced while it ran (a worker's verify task beside a later round's link task) are not kept,
 * or they would name facts that are gone, and the case would count as verified.
 */
class VerifyAfterRelinkTest {
  @TempDir Path dir;

  @Test
  void findingsFromFactsALaterLinkReplacedAreNotKept() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("note.txt"), "The Harwick depot received 40 crates of lamp oil on 3 May 2031.\n",
        StandardCharsets.UTF_8);
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", in.toString()).exit());
    Verifier.Result nothing = new Verifier.Result(List.of(), List.of(), Map.of());
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      Optional<String> linked = folder.store().setting(Linking.SETTING);
      assertTrue(linked.isPresent());
      // a link run ends while the checks run: a new setting, the stage's own cleared
      folder.store().write(tx -> {
        tx.setSetting(Linking.SETTING, Linking.VERSION + " later");
        tx.deleteSetting(Verifying.SETTING);
        return null;
      });
      boolean kept = folder.store().write(tx -> Verifying.keepResult(folder, tx, nothing, linked));
      assertFalse(kept);
      assertTrue(Verifying.pending(folder), "the case must not count as verified");
      // control: checks of the link run in force are kept
      Optional<String> now = folder.store().setting(Linking.SETTING);
      boolean keptNow = folder.store().write(tx -> Verifying.keepResult(folder, tx, nothing, now));
      assertTrue(keptNow);
      assertFalse(Verifying.pending(folder));
    }
  }

  @Test
  void findingsOfAnEarlierVersionOfTheChecksAreFormedAgain() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in2"));
    Files.writeString(in.resolve("note.txt"), "The Harwick depot received 40 crates of lamp oil on 3 May 2031.\n",
        StandardCharsets.UTF_8);
    Path c = dir.resolve("case2");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", in.toString()).exit());
    assertEquals(0, Cli.run("verify", "--case", c.toString()).exit());
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      assertFalse(Verifying.pending(folder), "verified by these checks");
      // a case verified before the checks' version was written in the setting (or by an older version)
      folder.store().write(tx -> {
        tx.setSetting(Verifying.SETTING, "2030-01-01T00:00:00Z");
        return null;
      });
      assertTrue(Verifying.pending(folder));
      assertFalse(Verifying.current(folder.store()));
    }
    assertEquals(0, Cli.run("verify", "--case", c.toString()).exit());
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      assertFalse(Verifying.pending(folder), "verified again by these checks");
    }
  }
}
