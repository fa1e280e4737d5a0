package org.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.dossier.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The work queue on PostgreSQL: each case a new schema on the test server (skipped, with the
 * reason, where no server can start); claimers at once on connections of their own.
 */
class PostgresTaskQueueTest extends TaskQueueContract {
  private static final int DONE = 20_000;

  @Override
  StoreLocation newLocation() {
    return TestPostgres.newCase();
  }

  @Override
  int claimers() {
    return 6;
  }

  @Test
  void aClaimReadsTheTasksItTakesNotTheDoneOnesNorEveryQueuedOne() throws Exception {
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      JdbcTaskQueue q = (JdbcTaskQueue) store.tasks();
      List<String> kinds = List.of("extract", "analyze", "verify-document");
      fill(store);
      long read = store.transaction(w -> {
        List<JdbcTaskQueue.Share> shares = q.shares(w, kinds, 8);
        assertEquals(List.of(new JdbcTaskQueue.Share("extract", false, 8)), shares);
        try (PreparedStatement plan = q.sharesStatement(w, "EXPLAIN (ANALYZE, FORMAT JSON) ", kinds, 8);
            PreparedStatement claim = q.claimStatement(w, "EXPLAIN (ANALYZE, FORMAT JSON) ", shares, 8, "w", 60_000)) {
          return rowsRead(plan) + rowsRead(claim);
        }
      });
      assertTrue(read < 200, "the claim of 8 read " + read + " rows");
      assertEquals(8, q.claim("w", kinds, 8, java.time.Duration.ofMinutes(1)).size());

      // control: a claim as one read of every kind in id order reads past the done tasks or
      // through every queued one, and the measure sees it
      long whole = store.transaction(w -> {
        try (PreparedStatement ps = w.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM tasks"
            + " WHERE kind IN ('extract', 'analyze', 'verify-document') AND (state = 'queued'"
            + " OR (state = 'leased' AND lease_until < 0 AND attempts < max_attempts)) ORDER BY id LIMIT 8"
            + " FOR UPDATE SKIP LOCKED")) {
          return rowsRead(ps);
        }
      });
      assertTrue(whole >= DONE, "one read in id order read " + whole + " rows");
    }
  }

  @Test
  void theTasksAreVacuumedAfterAFixedNumberOfDeadRowsNotAShareOfTheTable() throws Exception {
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      String tasks = store.transaction(w -> settings(w, "tasks"));
      assertEquals(java.util.Set.of("autovacuum_vacuum_scale_factor=0", "autovacuum_vacuum_threshold=20000"),
          tasks == null ? java.util.Set.of() : java.util.Set.of(tasks.split(",")), "the tasks table's settings");
      // control: a table that churns little keeps PostgreSQL's default, and the query tells them apart
      String documents = store.transaction(w -> settings(w, "documents"));
      assertEquals(null, documents);
    }
  }

  /** A table's own storage settings in the case's schema, or null when it has none. */
  private static String settings(java.sql.Connection w, String table) throws SQLException {
    try (PreparedStatement ps = w.prepareStatement("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = ?::regclass")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void anIdleWorkersQuestionsReadTheIndexsEndForEachKindAndState() throws Exception {
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      JdbcTaskQueue q = (JdbcTaskQueue) store.tasks();
      List<String> kinds = List.of("extract", "analyze", "index", "link", "link-read", "link-finish", "verify",
          "verify-document", "verify-bands", "verify-families");
      List<TaskQueue.State> states = List.of(TaskQueue.State.values());
      fill(store);
      long read = store.transaction(w -> {
        try (PreparedStatement ps = q.newestStatement(w, "EXPLAIN (ANALYZE, FORMAT JSON) ", kinds, states)) {
          return rowsRead(ps);
        }
      });
      assertTrue(read < 100, "the probes read " + read + " rows");
      assertEquals(java.util.Set.of("extract"), q.open(kinds));

      // control: the poll before, every task counted by kind and state, reads them all
      long counted = store.transaction(w -> {
        try (PreparedStatement ps = w.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON)"
            + " SELECT kind, state, count(*) FROM tasks GROUP BY kind, state")) {
          return rowsRead(ps);
        }
      });
      assertTrue(counted >= 3 * DONE, "counting read " + counted + " rows");
    }
  }

  @Test
  void aClaimLocksOnlyTheTasksItTakes() throws Exception {
    // the first claimer takes the older task of both kinds and holds its transaction open while
    // another claims the other kind
    List<String> taken = claimedWhileAnotherClaims(List.of(new TaskQueue.NewTask("extract", "e1", ""),
        new TaskQueue.NewTask("analyze", "a1", "")), List.of("extract", "analyze"), 1, b -> {
          List<TaskQueue.Lease> other = b.tasks().claim("b", List.of("analyze"), 1, java.time.Duration.ofMinutes(1));
          assertEquals(List.of("a1"), other.stream().map(TaskQueue.Lease::key).toList(),
              "the task the first claim does not take is not held from the second");
        }, b -> assertEquals(List.of(), b.tasks().claim("b", List.of("extract", "analyze"), 2, java.time.Duration.ofMinutes(1))));
    assertEquals(List.of("e1"), taken);
  }

  @Test
  void twoClaimersAtOnceTakeTheNextTasksOfAKindRatherThanNothing() throws Exception {
    // the second claimer plans on the same oldest two, held by the first: it takes the next
    List<String> taken = claimedWhileAnotherClaims(List.of(new TaskQueue.NewTask("extract", "e1", ""),
        new TaskQueue.NewTask("extract", "e2", ""), new TaskQueue.NewTask("extract", "e3", "")), List.of("extract"), 2, b -> {
          List<TaskQueue.Lease> other = b.tasks().claim("b", List.of("extract"), 2, java.time.Duration.ofMinutes(1));
          assertEquals(List.of("e3"), other.stream().map(TaskQueue.Lease::key).toList());
        }, b -> { });
    assertEquals(List.of("e1", "e2"), taken);
  }

  @Test
  void aClaimWhosePlannedTasksAnotherHoldsTakesWhatIsLeftOfItsOtherKinds() throws Exception {
    // the second claimer's plan counts the extraction the first holds (read without locks)
    List<String> taken = claimedWhileAnotherClaims(List.of(new TaskQueue.NewTask("extract", "e1", ""),
        new TaskQueue.NewTask("analyze", "a1", "")), List.of("extract"), 1, b -> {
          List<TaskQueue.Lease> other = b.tasks().claim("b", List.of("extract", "analyze"), 1, java.time.Duration.ofMinutes(1));
          assertEquals(List.of("a1"), other.stream().map(TaskQueue.Lease::key).toList(), "the free task, not nothing");
        }, b -> { });
    assertEquals(List.of("e1"), taken);
  }

  /** What the other claimer, on a store of its own, does. */
  @FunctionalInterface
  private interface Other {
    void run(CaseStore b) throws Exception;
  }

  /**
   * A new case with {@code tasks} queued and two stores on it: the keys of the tasks the first
   * store's claim of {@code max} of {@code kinds} takes, its transaction held open while {@code
   * meanwhile} runs on the second; then {@code after} on the second.
   */
  private List<String> claimedWhileAnotherClaims(List<TaskQueue.NewTask> tasks, List<String> kinds, int max,
      Other meanwhile, Other after) throws Exception {
    StoreLocation where = newLocation();
    try (CaseStore a = CaseStore.create(where, Clock.systemUTC());
        CaseStore b = CaseStore.open(where, Clock.systemUTC())) {
      a.tasks().enqueue(tasks);
      List<String> taken = claimedWhileHeld(a, kinds, max, () -> meanwhile.run(b));
      after.run(b);
      return taken;
    }
  }

  /** Something another claimer does while it waits. */
  @FunctionalInterface
  private interface Meanwhile {
    void run() throws Exception;
  }

  /**
   * The keys of the tasks {@code store}'s claim of {@code max} of {@code kinds} takes, with its
   * transaction held open (its locks held) while {@code meanwhile} runs.
   */
  private static List<String> claimedWhileHeld(CaseStore store, List<String> kinds, int max, Meanwhile meanwhile)
      throws Exception {
    JdbcTaskQueue q = (JdbcTaskQueue) store.tasks();
    return store.transaction(w -> {
      List<String> mine = new java.util.ArrayList<>();
      try (PreparedStatement ps = q.claimStatement(w, "", q.shares(w, kinds, max), max, "a", 60_000);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          mine.add(rs.getString(3));
        }
      }
      try {
        meanwhile.run();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      return mine;
    });
  }

  /** A large case part way: its tasks done first, then as many extractions queued; its statistics taken. */
  private static void fill(CaseStore store) throws SQLException {
    store.transaction(w -> {
      try (PreparedStatement ps = w.prepareStatement("INSERT INTO tasks (kind, key, payload, state, attempts,"
          + " max_attempts, created, updated) SELECT kind, state || '-' || n, '', state, 1, 3, 0, 0"
          + " FROM generate_series(1, " + DONE + ") n,"
          + " (VALUES ('extract', 'done', 1), ('analyze', 'done', 2), ('extract', 'queued', 3)) AS k(kind, state, o)"
          + " ORDER BY o, n")) {
        ps.executeUpdate();
      }
      return null;
    });
    store.transaction(w -> {
      try (PreparedStatement ps = w.prepareStatement("ANALYZE tasks")) {
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Rows the plan's scans returned or filtered out, summed over the plan run. */
  private static long rowsRead(PreparedStatement explain) throws SQLException {
    try (ResultSet rs = explain.executeQuery()) {
      rs.next();
      JsonNode plan = new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
      return scanned(plan);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static long scanned(JsonNode node) {
    long n = 0;
    if (node.path("Node Type").asText().endsWith("Scan") && !node.path("Node Type").asText().equals("CTE Scan")) {
      n += node.path("Actual Rows").asLong() * Math.max(1, node.path("Actual Loops").asLong())
          + node.path("Rows Removed by Filter").asLong();
    }
    for (JsonNode child : node.path("Plans")) {
      n += scanned(child);
    }
    return n;
  }

}
