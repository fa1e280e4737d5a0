package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.custody.CustodyLog;
import org.dossier.custody.CustodyReport;
import org.dossier.custody.CustodyVerifier;
import org.dossier.store.CaseStore;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a case whose store is PostgreSQL, where the custody lock makes every other writer of the case
 * wait: a batch of the recorder's writes its rows and follow-on tasks without the lock and takes
 * it only for its custody entries at the end; and a connection lost after those entries were
 * appended runs the transaction again without appending them twice.
 */
class CustodyLockTest {
  @TempDir Path dir;

  private static List<RecorderEvent> refusals(String... names) {
    List<RecorderEvent> out = new ArrayList<>();
    for (String n : names) {
      out.add(new RecorderEvent.Refused("/in", n, DocumentStatus.UNREADABLE, "denied", Recorder.fields("name", n)));
    }
    return out;
  }

  /** Whether another session could take the case's custody lock now (it lets it go at once). */
  private static boolean lockFree(String schema) throws SQLException {
    try (Connection c = Workers.connect(schema); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(hashtext(current_schema() || '/custody'))")) {
      rs.next();
      boolean free = rs.getBoolean(1);
      if (free) {
        st.execute("SELECT pg_advisory_unlock(hashtext(current_schema() || '/custody'))");
      }
      return free;
    }
  }

  @Test
  void aBatchWritesItsRowsAndFollowOnsWithoutTheCustodyLock() throws Exception {
    Path c = dir.resolve("case");
    String schema = Workers.sharedCase(c);
    // as the anchor is written (after the entries), the writer's session is seen to hold an
    // advisory lock: the custody lock, taken for the entries
    Workers.update(schema, "CREATE TABLE locks_at_anchor (advisory BIGINT)");
    Workers.onCustodyAnchor(schema, "note_locks", "INSERT INTO locks_at_anchor SELECT count(*) FROM pg_locks"
        + " WHERE locktype = 'advisory' AND pid = pg_backend_pid();");
    boolean[] freeDuringRows = new boolean[1];
    boolean[] freeUnderAnEntry = {true};
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC()); CustodyLog log = folder.openCustodyLog()) {
      long run = folder.store().startRun("test", List.of());
      Recorder recorder = new Recorder(run, folder, log, null, new HashSet<>(), new IngestProgress(), 1000);
      recorder.record(refusals("sealed-a.bin", "sealed-b.bin"), new Recorder.Around() {
        @Override
        public boolean before(CaseStore.Batch tx) {
          return true;
        }

        @Override
        public void after(CaseStore.Batch tx, List<DocumentId> toIndex) throws SQLException {
          // the batch's rows are written (its refused paths) and its follow-ons would be now
          freeDuringRows[0] = lockFree(schema);
        }
      });
      // control: the probe sees the lock where a writer holds it, inside a single entry's transaction
      CustodyWrites.append(folder.store(), log, "note", Recorder.fields("what", "a probe"), tx -> {
        freeUnderAnEntry[0] = lockFree(schema);
        return null;
      });
      assertEquals(2, folder.store().documents().problems().size(), "both paths are recorded");
    }
    assertTrue(freeDuringRows[0], "the custody lock was held while the batch wrote its rows and follow-ons");
    String least = Workers.scalar(schema, "SELECT min(advisory) FROM locks_at_anchor");
    assertTrue(least != null && Long.parseLong(least) >= 1, "an anchor was written without the custody lock");
    assertFalse(freeUnderAnEntry[0], "the probe could not see the lock held by a writer");
    List<String> refused = Files.readAllLines(c.resolve("custody.jsonl")).stream()
        .filter(l -> l.contains("\"refuse\"")).toList();
    assertEquals(2, refused.size(), refused::toString);
    assertTrue(verify(c).intact(), "the chain verifies");
  }

  @Test
  void aConnectionLostAfterTheAppendsRunsTheBatchAgainWithoutAppendingTwice() throws Exception {
    Path c = dir.resolve("case");
    String schema = Workers.sharedCase(c);
    loseTheSessionOnceAtTheAnchor(schema);
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC()); CustodyLog log = folder.openCustodyLog()) {
      long run = folder.store().startRun("test", List.of());
      Recorder recorder = new Recorder(run, folder, log, null, new HashSet<>(), new IngestProgress(), 1000);
      recorder.record(refusals("sealed-a.bin", "sealed-b.bin"), Recorder.Around.NOTHING);
      assertEquals(2, folder.store().documents().problems().size(), "both paths are recorded");
    }
    assertEquals(2, sessionsEnded(schema), "the session was ended once, and the batch ran again");
    List<String> refused = Files.readAllLines(c.resolve("custody.jsonl")).stream()
        .filter(l -> l.contains("\"refuse\"")).toList();
    assertEquals(2, refused.size(), refused::toString);
    CustodyReport report = verify(c);
    assertTrue(report.intact(), report.problems().toString());
  }

  /**
   * An entry a stopped run left in the log (its store change never committed) is not appended
   * again by the resumed run that meets its event, even when that run's transaction is cut after
   * its appends and run again.
   */
  @Test
  void anEntryAStoppedRunLeftIsNotAppendedAgainByARedo() throws Exception {
    Path c = dir.resolve("case");
    String schema = Workers.sharedCase(c);
    loseTheSessionOnceAtTheAnchor(schema);
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC()); CustodyLog log = folder.openCustodyLog()) {
      // the stopped run's entry, synced, its path never recorded
      log.catchUp();
      log.append("refuse", Recorder.fields("name", "sealed-a.bin"));
      log.sync();
      long run = folder.store().startRun("test", List.of());
      Set<String> orphans = new HashSet<>(Set.of(CustodyLog.key("refuse", "sealed-a.bin", "")));
      Recorder recorder = new Recorder(run, folder, log, null, orphans, new IngestProgress(), 1000);
      recorder.record(refusals("sealed-a.bin", "sealed-b.bin"), Recorder.Around.NOTHING);
      assertEquals(2, folder.store().documents().problems().size(), "both paths are recorded");
    }
    assertEquals(2, sessionsEnded(schema), "the session was ended once, and the batch ran again");
    List<String> refused = Files.readAllLines(c.resolve("custody.jsonl")).stream()
        .filter(l -> l.contains("\"refuse\"")).toList();
    assertEquals(1, refused.stream().filter(l -> l.contains("sealed-a.bin")).count(), refused::toString);
    assertEquals(1, refused.stream().filter(l -> l.contains("sealed-b.bin")).count(), refused::toString);
    assertTrue(verify(c).intact(), "the chain verifies");
  }

  /**
   * The server ends the writer's session once, as the anchor (written after a batch's appends)
   * goes into the settings: a lost connection between the log's sync and the commit.
   */
  private static void loseTheSessionOnceAtTheAnchor(String schema) throws Exception {
    Workers.update(schema, "CREATE SEQUENCE lose_once");
    Workers.onCustodyAnchor(schema, "lose_connection",
        "IF nextval('lose_once') = 1 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;");
  }

  /** How many anchors the trigger of {@link #loseTheSessionOnceAtTheAnchor} has seen (the first ended its session). */
  private static long sessionsEnded(String schema) throws Exception {
    return Long.parseLong(Workers.scalar(schema, "SELECT last_value FROM lose_once"));
  }

  private static CustodyReport verify(Path c) throws Exception {
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      return new CustodyVerifier(folder.layout().custodyLog(), folder.layout()::original, folder.layout()::text, 1)
          .verify(folder.custodyAnchor());
    }
  }
}
