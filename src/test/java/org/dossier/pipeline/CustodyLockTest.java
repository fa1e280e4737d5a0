package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.custody.CustodyLog;
import org.dossier.custody.CustodyReport;
import org.dossier.custody.CustodyVerifier;
import org.dossier.store.CaseStore;
import org.dossier.testing.TestPostgres;
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

  private static Connection other(String schema) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + TestPostgres.port() + "/postgres?user=postgres&currentSchema=" + schema);
  }

  /** Whether another session could take the case's custody lock now (it lets it go at once). */
  private static boolean lockFree(String schema) throws SQLException {
    try (Connection c = other(schema); Statement st = c.createStatement();
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
    // the server ends the writer's session once, as the anchor (written after the batch's
    // appends) goes into the settings: a lost connection between the log's sync and the commit
    try (Connection other = other(schema); Statement st = other.createStatement()) {
      st.execute("CREATE SEQUENCE lose_once");
      st.execute("CREATE FUNCTION lose_connection() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
          + " IF NEW.key = '" + CaseFolder.CUSTODY_SEQ + "' AND nextval('lose_once') = 1 THEN"
          + " PERFORM pg_terminate_backend(pg_backend_pid()); END IF; RETURN NEW; END $$");
      st.execute("CREATE TRIGGER lose BEFORE INSERT ON settings FOR EACH ROW EXECUTE FUNCTION lose_connection()");
    }
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC()); CustodyLog log = folder.openCustodyLog()) {
      long run = folder.store().startRun("test", List.of());
      Recorder recorder = new Recorder(run, folder, log, null, new HashSet<>(), new IngestProgress(), 1000);
      recorder.record(refusals("sealed-a.bin", "sealed-b.bin"), Recorder.Around.NOTHING);
      assertEquals(2, folder.store().documents().problems().size(), "both paths are recorded");
    }
    try (Connection other = other(schema); Statement st = other.createStatement();
        ResultSet rs = st.executeQuery("SELECT last_value FROM lose_once")) {
      rs.next();
      assertEquals(2, rs.getLong(1), "the session was ended once, and the batch ran again");
    }
    List<String> refused = Files.readAllLines(c.resolve("custody.jsonl")).stream()
        .filter(l -> l.contains("\"refuse\"")).toList();
    assertEquals(2, refused.size(), refused::toString);
    CustodyReport report = verify(c);
    assertTrue(report.intact(), report.problems().toString());
  }

  private static CustodyReport verify(Path c) throws Exception {
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      return new CustodyVerifier(folder.layout().custodyLog(), folder.layout()::original, folder.layout()::text, 1)
          .verify(folder.custodyAnchor());
    }
  }
}
