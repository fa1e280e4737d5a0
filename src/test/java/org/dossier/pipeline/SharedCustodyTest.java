package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dossier.custody.CustodyReport;
import org.dossier.custody.CustodyVerifier;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custody log of a case that several processes write stays one hash chain: two processes
 * that append at once, each through {@link CustodyWrites}, leave a log that verifies with every
 * entry of both, and the store's anchor at its last. The negative control: the same two appending
 * straight to the logs they opened break the chain or write over each other's entries.
 */
class SharedCustodyTest {
  private static final int EACH = 150;

  @TempDir Path dir;

  @Test
  void twoProcessesAppendingThroughTheCustodyLockLeaveOneChain() throws Exception {
    Path c = newCase("serialised");
    run(c, "serialised");
    CustodyReport report = verify(c);
    assertTrue(report.intact(), report.problems().toString());
    assertEquals(1 + 2 * EACH, report.entries(), "every entry of both, after the case's first");
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      assertEquals(Optional.of(report.entries()), folder.custodyAnchor().map(e -> e.seq()), "the store's anchor is the last entry");
    }
  }

  @Test
  void withoutTheLockTheChainBreaksAndVerifySaysSo() throws Exception {
    Path c = newCase("bare");
    run(c, "bare");
    CustodyReport report = verify(c);
    // each wrote from where the log ended when it opened it: interleaved, their lines break the
    // chain; one after the other, the second wrote over the first's lines (a chain that verifies
    // but has lost one writer's entries). Either way the case has not got every entry of both.
    assertFalse(report.intact() && report.entries() == 1 + 2 * EACH,
        "two processes appending each to its own view of the log break the chain or lose entries: " + report.entries()
            + " entries, " + report.problems());
  }

  private Path newCase(String name) throws Exception {
    Path c = dir.resolve(name);
    Workers.sharedCase(c);
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC());
        org.dossier.custody.CustodyLog log = folder.openCustodyLog()) {
      CustodyWrites.append(folder.store(), log, "case-start", Recorder.fields("case", name), tx -> null);
    }
    return c;
  }

  private void run(Path c, String mode) throws Exception {
    Path go = dir.resolve(mode + ".go");
    List<Process> children = new ArrayList<>();
    try {
      for (String who : List.of("a", "b")) {
        children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
            "-cp", System.getProperty("java.class.path"), CustodyAppendChild.class.getName(), c.toString(), go.toString(),
            Integer.toString(EACH), mode, who).redirectError(dir.resolve(mode + "-" + who + ".err").toFile()).start());
      }
      for (Process p : children) {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine());
      }
      Files.createFile(go);
      for (int i = 0; i < children.size(); i++) {
        assertTrue(children.get(i).waitFor(3, TimeUnit.MINUTES), "a child did not finish");
        assertEquals(0, children.get(i).exitValue(), Files.readString(dir.resolve(mode + "-" + List.of("a", "b").get(i) + ".err")));
      }
    } finally {
      for (Process p : children) {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static CustodyReport verify(Path c) throws Exception {
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      return new CustodyVerifier(folder.layout().custodyLog(), folder.layout()::original, folder.layout()::text, 1)
          .verify(folder.custodyAnchor());
    }
  }
}
