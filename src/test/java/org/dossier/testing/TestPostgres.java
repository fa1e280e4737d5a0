package org.dossier.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.dossier.store.StoreLocation;
import org.junit.jupiter.api.Assumptions;

/**
 * One PostgreSQL server for the tests of a run: zonky's embedded PostgreSQL (its binaries come
 * from Maven Central), started on first use on a free port of this machine and stopped when the
 * JVM ends. Where it cannot start, each test that needs it is skipped with the reason.
 */
public final class TestPostgres {
  private static EmbeddedPostgres server;
  private static String failure;

  private TestPostgres() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null && failure == null) {
      try {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            pg.close();
          } catch (java.io.IOException ignored) {
            // the JVM is ending; its temporary data folder goes with zonky's own clean-up
          }
        }));
        server = pg;
      } catch (java.io.IOException | RuntimeException e) {
        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }
    Assumptions.assumeTrue(server != null,
        () -> "PostgreSQL could not start here (" + failure + "): the PostgreSQL store's tests are skipped");
    return server;
  }

  /** The server's port on this machine (the test is skipped when there is no server). */
  public static int port() {
    return server().getPort();
  }

  /** The URL of the server's database as a user gives it to {@code init --store}. */
  public static String storeUrl() {
    return "postgresql://localhost:" + port() + "/postgres?user=postgres";
  }

  /** A new case id, so that every test has a schema of its own on the shared server. */
  public static String newCaseId() {
    return "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE).toLowerCase(Locale.ROOT);
  }

  /** A new case's store on the server. */
  public static StoreLocation.Postgres newCase() {
    return StoreLocation.Postgres.parse(storeUrl(), newCaseId());
  }
}
