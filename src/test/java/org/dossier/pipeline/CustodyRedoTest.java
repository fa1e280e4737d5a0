package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.dossier.custody.CustodyLog;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction cut by a lost connection (SQLState class 08) is rolled back and run again whole
 * by the store; the custody entry its first attempt appended (and synced) is in the log already
 * and is not appended a second time, and the chain still verifies.
 */
class CustodyRedoTest {
  @TempDir Path dir;

  @Test
  void anEntryIsAppendedOnceWhenItsTransactionIsRunAgain() throws Exception {
    try (CaseFolder folder = CaseFolder.open(dir.resolve("case"), Clock.systemUTC());
        CustodyLog log = folder.openCustodyLog()) {
      int[] attempts = {0};
      CustodyWrites.append(folder.store(), log, "note", Recorder.fields("what", "a typed note"), tx -> {
        tx.setSetting("noted", "yes");
        if (attempts[0]++ == 0) {
          throw new SQLException("the connection was lost", "08006");
        }
        return null;
      });
      assertEquals(2, attempts[0], "the transaction ran again");
      // control: a second entry of its own is appended
      CustodyWrites.append(folder.store(), log, "note", Recorder.fields("what", "another note"), tx -> null);
    }
    List<String> notes = Files.readAllLines(dir.resolve("case/custody.jsonl")).stream()
        .filter(l -> l.contains("\"note\"")).toList();
    assertEquals(2, notes.size(), notes::toString);
    assertEquals(1, notes.stream().filter(l -> l.contains("a typed note")).count(), notes::toString);
    Cli.Result verified = Cli.run("--case", dir.resolve("case").toString(), "custody", "verify");
    assertEquals(0, verified.exit(), verified::toString);
  }

  /** The same for a batch of the recorder's events: each event's entry once, the paths all there. */
  @Test
  void aBatchsEntriesAreAppendedOnceWhenItsTransactionIsRunAgain() throws Exception {
    try (CaseFolder folder = CaseFolder.open(dir.resolve("case"), Clock.systemUTC());
        CustodyLog log = folder.openCustodyLog()) {
      long run = folder.store().startRun("test", List.of());
      IngestProgress progress = new IngestProgress();
      Recorder recorder = new Recorder(run, folder, log, null, new java.util.HashSet<>(), progress, 1000);
      List<RecorderEvent> batch = List.of(
          new RecorderEvent.Refused("/in", "locked-a.txt", org.dossier.core.DocumentStatus.UNREADABLE, "denied",
              Recorder.fields("name", "locked-a.txt")),
          new RecorderEvent.Refused("/in", "locked-b.txt", org.dossier.core.DocumentStatus.UNREADABLE, "denied",
              Recorder.fields("name", "locked-b.txt")));
      int[] attempts = {0};
      recorder.record(batch, after(() -> {
        if (attempts[0]++ == 0) { // after the rows, before the entries are appended (CustodyLockTest: after them)
          throw new SQLException("the connection was lost", "08006");
        }
      }));
      assertEquals(2, attempts[0], "the transaction ran again");
      assertEquals(2, folder.store().documents().problems().size(), "both paths are recorded");
      assertEquals(2, progress.problems(), "the problems are counted once, as they were written");
    }
    List<String> refused = Files.readAllLines(dir.resolve("case/custody.jsonl")).stream()
        .filter(l -> l.contains("\"refuse\"")).toList();
    assertEquals(2, refused.size(), refused::toString);
    Cli.Result verified = Cli.run("--case", dir.resolve("case").toString(), "custody", "verify");
    assertEquals(0, verified.exit(), verified::toString);
  }

  /** A transaction that fails (not a lost connection) writes nothing, and counts nothing; the control, the same batch written, counts its problem. */
  @Test
  void aFailedTransactionCountsNothing() throws Exception {
    try (CaseFolder folder = CaseFolder.open(dir.resolve("case"), Clock.systemUTC());
        CustodyLog log = folder.openCustodyLog()) {
      IngestProgress progress = new IngestProgress();
      Recorder recorder = new Recorder(folder.store().startRun("test", List.of()), folder, log, null,
          new java.util.HashSet<>(), progress, 1000);
      List<RecorderEvent> batch = List.of(new RecorderEvent.Refused("/in", "locked-c.txt",
          org.dossier.core.DocumentStatus.UNREADABLE, "denied", Recorder.fields("name", "locked-c.txt")));
      boolean[] fail = {true};
      Recorder.Around around = after(() -> {
        if (fail[0]) {
          throw new SQLException("refused by the store", "23505");
        }
      });
      org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> recorder.record(batch, around));
      assertEquals(0, folder.store().documents().problems().size(), "nothing was written");
      assertEquals(0, progress.problems(), "nor counted");
      fail[0] = false;
      recorder.record(batch, around);
      assertEquals(1, progress.problems());
    }
  }

  /** A step that may fail as the store does. */
  @FunctionalInterface
  private interface Step {
    void run() throws SQLException;
  }

  /** A part's transaction with {@code step} after its rows, before its custody entries are appended. */
  private static Recorder.Around after(Step step) {
    return new Recorder.Around() {
      @Override
      public boolean before(org.dossier.store.CaseStore.Batch tx) {
        return true;
      }

      @Override
      public void after(org.dossier.store.CaseStore.Batch tx, List<org.dossier.core.DocumentId> toIndex)
          throws SQLException {
        step.run();
      }
    };
  }
}
