package org.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dossier.store.TaskQueue.Lease;
import org.dossier.store.TaskQueue.NewTask;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on PostgreSQL carries on after the server restarts under it (stopped, then started on
 * the same port and data folder): its writer and its read connections are found lost and opened
 * again ({@link ConnectionLoss}), a statement sent while the server is away is sent again once it
 * is back, and the rows written before are all there. Errors that are not a lost connection are
 * never sent again.
 */
class PostgresReconnectTest {
  @TempDir Path dir;

  private EmbeddedPostgres start(int port) throws Exception {
    return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir.resolve("data"))
        .setCleanDataDirectory(false).start();
  }

  /** A server on a free port, or the test skipped with the reason when none can start here. */
  private EmbeddedPostgres startOrSkip() {
    try {
      return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setCleanDataDirectory(false).start();
    } catch (Exception e) {
      Assumptions.abort("PostgreSQL could not start here (" + e + ")");
      throw new IllegalStateException(e); // not reached: abort throws
    }
  }

  @Test
  void theStoreCarriesOnAfterTheServerRestarts() throws Exception {
    EmbeddedPostgres pg = startOrSkip();
    int port = pg.getPort();
    StoreLocation where = StoreLocation.Postgres.parse("postgresql://localhost:" + port + "/postgres?user=postgres", "reconnect");
    try (CaseStore store = CaseStore.create(where, Clock.systemUTC())) {
      store.tasks().enqueue(List.of(new NewTask("extract", "a", ""), new NewTask("extract", "b", "")));
      store.write(tx -> {
        tx.setSetting("before", "restart");
        return null;
      });

      pg.close(); // the server stops: every connection of the store is cut
      pg = start(port);
      // the writer and the readers were cut: found lost, opened again, the statements sent again
      List<Lease> got = store.tasks().claim("w", List.of("extract"), 1, Duration.ofMinutes(1));
      assertEquals("a", got.get(0).key());
      assertTrue(store.tasks().complete(got.get(0)));
      assertEquals(Optional.of("restart"), store.setting("before"));

      pg.close(); // and while the server is away, a claim waits for it within the back-off
      CompletableFuture<List<Lease>> claim = CompletableFuture.supplyAsync(() -> {
        try {
          return store.tasks().claim("w", List.of("extract"), 1, Duration.ofMinutes(1));
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      pg = start(port);
      List<Lease> later = claim.get(2, TimeUnit.MINUTES);
      assertEquals("b", later.get(0).key());
      assertTrue(store.tasks().complete(later.get(0)));
      assertEquals(2, store.tasks().counts().get(0).tasks(), "both done, none twice: " + store.tasks().counts());
    } finally {
      pg.close();
    }
  }

  @Test
  void onlyALostConnectionIsTriedAgain() throws Exception {
    assertTrue(ConnectionLoss.is(new SQLException("refused", "08001")));
    assertTrue(ConnectionLoss.is(new SQLException("terminating connection due to administrator command", "57P01")));
    assertTrue(ConnectionLoss.is(new IllegalStateException(new SQLException("i/o", "08006"))));
    assertFalse(ConnectionLoss.is(new SQLException("duplicate key", "23505")));
    assertFalse(ConnectionLoss.is(new SQLException("no state")));
    AtomicInteger tries = new AtomicInteger();
    assertThrows(SQLException.class, () -> ConnectionLoss.retrying(() -> {
      tries.incrementAndGet();
      throw new SQLException("duplicate key", "23505");
    }));
    assertEquals(1, tries.get(), "an error of the statement itself is the caller's at once");
    tries.set(0);
    assertEquals("ok", ConnectionLoss.retrying(() -> {
      if (tries.incrementAndGet() < 3) {
        throw new SQLException("i/o", "08006");
      }
      return "ok";
    }));
    assertEquals(3, tries.get());
  }

  @Test
  void aStreamedReadCutAfterHandingRowsOverFailsRatherThanHandThemOverTwice() throws Exception {
    EmbeddedPostgres pg = startOrSkip();
    StoreLocation where = StoreLocation.Postgres.parse("postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres", "streamed");
    try (CaseStore store = CaseStore.create(where, Clock.systemUTC())) {
      int n = 1_000; // five fetches of a streamed read
      List<FindingRow> facts = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        facts.add(new FindingRow("fact", "f" + i, "S1", "agree", "press/a.txt", "{\"n\":" + i + "}"));
      }
      store.write(tx -> {
        tx.replaceFindings(List.of("fact"), facts);
        return null;
      });
      // every other connection of the server cut while the read is under way, after its first row
      List<String> seen = new java.util.ArrayList<>();
      SQLException e = assertThrows(SQLException.class, () -> store.findings().forEach("fact", Optional.empty(), List.of(), r -> {
        seen.add(r);
        if (seen.size() == 1) {
          cutOthers(pg);
        }
      }));
      assertTrue(e.getMessage().contains("lost after"), e::getMessage);
      assertTrue(seen.size() < n, "cut before the end: " + seen.size());
      assertEquals(seen.size(), new java.util.HashSet<>(seen).size(), "no row handed over twice");
      // the caller runs it again whole; a connection lost before any row is handed over is tried again
      cutOthers(pg);
      List<String> again = new java.util.ArrayList<>();
      store.findings().forEach("fact", Optional.empty(), List.of(), again::add);
      assertEquals(n, again.size());
      assertEquals(n, new java.util.HashSet<>(again).size());
    } finally {
      pg.close();
    }
  }

  /** Ends every client connection of the server but the one asking. */
  private static void cutOthers(EmbeddedPostgres pg) {
    try (java.sql.Connection c = pg.getPostgresDatabase().getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
          + " AND backend_type = 'client backend'");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
