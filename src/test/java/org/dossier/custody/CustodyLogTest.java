package org.dossier.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.DocumentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustodyLogTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private Path evidence(String content) throws Exception {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String hex = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    Path f = dir.resolve("ev").resolve(hex);
    Files.createDirectories(f.getParent());
    Files.write(f, bytes);
    return f;
  }

  private CustodyVerifier verifier(Path log) {
    return new CustodyVerifier(log, id -> dir.resolve("ev").resolve(id.sha256()), id -> dir.resolve("text").resolve(id.sha256()), 2);
  }

  private Path logWith(String... contents) throws Exception {
    Path log = dir.resolve("custody.jsonl");
    try (CustodyLog c = CustodyLog.open(log, CLOCK)) {
      for (String content : contents) {
        Path f = evidence(content);
        c.append("acquire", Map.of("name", content + ".txt", "sha256", f.getFileName().toString(),
            "stored", true));
      }
    }
    return log;
  }

  @Test
  void entriesChainAndVerify() throws Exception {
    Path log = logWith("alpha", "beta", "gamma");
    List<String> lines = Files.readAllLines(log);
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).contains("\"prev\":\"" + CustodyLog.GENESIS + "\""));
    assertTrue(lines.get(1).contains("\"prev\":\"" + CustodyLog.sha256(lines.get(0).getBytes(StandardCharsets.UTF_8)) + "\""));
    CustodyReport report = verifier(log).verify(Optional.empty());
    assertTrue(report.intact(), report.problems().toString());
    assertEquals(3, report.entries());
    assertEquals(3, report.originalsChecked());
  }

  @Test
  void reopeningContinuesTheChain() throws Exception {
    Path log = logWith("alpha");
    try (CustodyLog c = CustodyLog.open(log, CLOCK)) {
      assertEquals(1, c.lastSeq());
      CustodyLog.Entry e = c.append("run-end", Map.of("run", 1));
      assertEquals(2, e.seq());
    }
    assertTrue(verifier(log).verify(Optional.empty()).intact());
  }

  @Test
  void anEditedLineBreaksTheChain() throws Exception {
    Path log = logWith("alpha", "beta", "gamma");
    String text = Files.readString(log).replace("beta.txt", "bet4.txt");
    Files.writeString(log, text);
    CustodyReport report = verifier(log).verify(Optional.empty());
    assertFalse(report.intact());
    assertTrue(report.problems().get(0).contains("line 3"), report.problems().toString());
  }

  @Test
  void aRemovedLineIsDetected() throws Exception {
    Path log = logWith("alpha", "beta", "gamma");
    List<String> lines = Files.readAllLines(log);
    Files.write(log, List.of(lines.get(0), lines.get(2)));
    assertFalse(verifier(log).verify(Optional.empty()).intact());
  }

  @Test
  void truncationIsDetectedAgainstTheAnchor() throws Exception {
    Path log = logWith("alpha", "beta", "gamma");
    CustodyLog.Entry anchor;
    try (CustodyLog c = CustodyLog.open(log, CLOCK)) {
      anchor = new CustodyLog.Entry(c.lastSeq(), c.head());
    }
    List<String> lines = Files.readAllLines(log);
    Files.write(log, lines.subList(0, 2));
    assertTrue(verifier(log).verify(Optional.empty()).intact(), "a shorter chain is still a chain");
    CustodyReport report = verifier(log).verify(Optional.of(anchor));
    assertFalse(report.intact());
    assertTrue(report.problems().get(0).contains("truncated"), report.problems().toString());
  }

  @Test
  void aModifiedOriginalIsDetected() throws Exception {
    Path log = logWith("alpha", "beta");
    Path original = evidence("beta");
    Files.writeString(original, "beta, altered");
    CustodyReport report = verifier(log).verify(Optional.empty());
    assertFalse(report.intact());
    assertTrue(report.problems().get(0).contains("was modified"), report.problems().toString());
  }

  @Test
  void aTornLastLineIsCutAndRecorded() throws Exception {
    Path log = logWith("alpha");
    Files.write(log, "{\"seq\":2,\"act".getBytes(StandardCharsets.UTF_8),
        java.nio.file.StandardOpenOption.APPEND);
    try (CustodyLog c = CustodyLog.open(log, CLOCK)) {
      assertEquals(2, c.lastSeq(), "the repair entry follows the last whole line");
    }
    List<String> lines = Files.readAllLines(log);
    assertEquals(2, lines.size());
    assertTrue(lines.get(1).contains("\"action\":\"repair\""));
    assertTrue(verifier(log).verify(Optional.empty()).intact());
  }

  @Test
  void keysAfterFindOnlyUncommittedEntries() throws Exception {
    Path log = logWith("alpha", "beta", "gamma");
    var keys = CustodyLog.keysAfter(log, 2);
    assertEquals(1, keys.size());
    DocumentId gamma = new DocumentId(evidence("gamma").getFileName().toString());
    assertTrue(keys.contains(CustodyLog.key("acquire", "gamma.txt", gamma.sha256())));
  }
}
