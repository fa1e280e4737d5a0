package org.dossier.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./bench queue [DOCUMENTS...]}: the work queue on PostgreSQL (zonky's embedded server, its
 * default settings) as a large case's tasks pile up done. For each size, a case whose documents'
 * tasks are done (an extract, an analyze and a verify-document task each), then 20,000 extract
 * tasks queued; measured on one connection, the mean of many runs:
 *
 * <ul>
 *   <li>a claim of 8 of the documents' kinds and the completion of each task, per task;
 *   <li>what an idle worker asks on every poll: the kinds with open tasks and the newest
 *       document task ({@link TaskQueue#open}, {@link TaskQueue#newest}), against counting every
 *       task by kind and state ({@link TaskQueue#counts}), as workers did before;
 *   <li>the open tasks counted ({@link TaskQueue#openCounts}, what a reading command asks);
 *   <li>beside them the bare library: the textbook queue of one kind on a table of its own, the
 *       same rows, claimed with {@code FOR UPDATE SKIP LOCKED} from an index on (state, id);
 *   <li>and the claim as one read of every kind in id order, as Dossier claimed before.
 * </ul>
 *
 * <p>{@code ./bench queue --churn N}: tasks claimed and completed through the queue, with the
 * dead rows they leave until autovacuum clears them ({@link #churn}).
 */
public final class QueueBenchmark {
  private static final int QUEUED = 20_000;
  private static final List<String> DOCUMENT_KINDS = List.of("extract", "analyze", "verify-document");
  private static final List<String> ALL_KINDS = List.of("extract", "analyze", "index", "link", "link-read",
      "link-finish", "verify", "verify-document", "verify-bands", "verify-families");

  private QueueBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--churn")) {
      int n = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 200_000;
      int done = 0;
      String autovacuum = null;
      for (int i = 1; i + 1 < args.length; i++) {
        if (args[i].equals("--done")) {
          done = Integer.parseInt(args[i + 1]);
        } else if (args[i].equals("--autovacuum")) {
          autovacuum = args[i + 1];
        }
      }
      churn(n, done, autovacuum);
      return;
    }
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Integer.parseInt(a));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(0, 100_000, 1_000_000);
    }
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = "postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
      String jdbc = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
      System.out.printf(Locale.ROOT, "%,d extract tasks queued after the done ones; times in ms, mean of each%n", QUEUED);
      System.out.printf(Locale.ROOT, "%12s %10s %12s %12s %12s %12s %12s %12s%n", "documents", "tasks",
          "claim/task", "bare/task", "idle poll", "counts()", "openCounts", "one read");
      for (int docs : sizes) {
        StoreLocation.Postgres where = StoreLocation.Postgres.parse(url, "q" + docs);
        try (CaseStore store = CaseStore.create(where, Clock.systemUTC());
            Connection c = DriverManager.getConnection(jdbc)) {
          fill(store, docs, QUEUED);
          bare(c, docs);
          try (Statement st = c.createStatement()) {
            st.execute("ANALYZE " + where.schema() + ".tasks");
            st.execute("ANALYZE bare_jobs");
          }
          TaskQueue q = store.tasks();
          double claim = perTask(() -> {
            for (TaskQueue.Lease l : q.claim("bench", DOCUMENT_KINDS, 8, Duration.ofMinutes(5))) {
              q.complete(l);
            }
          }, 2_000);
          double bareClaim = perTask(() -> bareClaim(c), 2_000);
          double idle = mean(() -> {
            q.open(ALL_KINDS);
            q.newest(List.of("analyze"));
            q.newest(List.of("extract", "analyze"));
          }, 200);
          double counts = mean(q::counts, docs >= 1_000_000 ? 5 : 20);
          double open = mean(q::openCounts, 20);
          double oneRead = mean(() -> oneRead(c, where.schema()), docs >= 1_000_000 ? 5 : 20);
          System.out.printf(Locale.ROOT, "%,12d %,10d %12.3f %12.3f %12.3f %12.1f %12.1f %12.1f%n", docs,
              3L * docs + QUEUED, claim, bareClaim, idle, counts, open, oneRead);
          try (Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + where.schema() + " CASCADE");
            st.execute("DROP TABLE bare_jobs");
          }
        }
      }
    }
  }

  /**
   * {@code --churn N}: N extractions queued, then claimed 8 at a time and completed through the
   * queue on one connection, as a worker's thread does, while autovacuum runs as the case's
   * table sets it (schema 14): the claim's time per task for each twentieth, with the dead rows the
   * claims and completions leave and the times autovacuum has cleared them; each vacuum's own
   * report is in the server's log lines ({@code automatic vacuum of table}). With {@code --done M},
   * M documents' three tasks are done first: a large case's table. With {@code --autovacuum
   * SETTINGS}, the table's settings are those instead of the case's ({@code ALTER TABLE tasks
   * RESET} the case's, then {@code SET (SETTINGS)}); {@code --autovacuum default} leaves
   * PostgreSQL's own, which vacuum a table once a fifth of it is dead.
   */
  private static void churn(int n, int documentsDone, String autovacuum) throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("log_autovacuum_min_duration", "0").start()) {
      String url = "postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
      String jdbc = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
      StoreLocation.Postgres where = StoreLocation.Postgres.parse(url, "churn");
      try (CaseStore store = CaseStore.create(where, Clock.systemUTC());
          Connection c = DriverManager.getConnection(jdbc)) {
        if (documentsDone > 0) {
          fill(store, documentsDone, 0);
        }
        try (Statement st = c.createStatement()) {
          st.execute("INSERT INTO " + where.schema() + ".tasks (kind, key, payload, state, attempts, max_attempts,"
              + " created, updated) SELECT 'extract', 'churn-' || n, '{}', 'queued', 0, 3, 0, 0"
              + " FROM generate_series(1, " + n + ") n");
          if (autovacuum != null) {
            st.execute("ALTER TABLE " + where.schema() + ".tasks RESET (autovacuum_vacuum_scale_factor,"
                + " autovacuum_vacuum_threshold)");
            if (!autovacuum.equals("default")) {
              st.execute("ALTER TABLE " + where.schema() + ".tasks SET (" + autovacuum + ")");
            }
          }
          st.execute("VACUUM ANALYZE " + where.schema() + ".tasks");
          try (ResultSet rs = st.executeQuery("SELECT reloptions FROM pg_class WHERE oid = '" + where.schema()
              + ".tasks'::regclass")) {
            rs.next();
            String set = rs.getString(1);
            System.out.println("the table's settings: " + (set == null ? "PostgreSQL's defaults" : set));
          }
        }
        System.out.printf(Locale.ROOT, "%,d tasks claimed and completed after %,d done%n", n, 3L * documentsDone);
        System.out.printf(Locale.ROOT, "%10s %12s %12s %14s%n", "done", "claim/task", "dead rows", "autovacuums");
        TaskQueue q = store.tasks();
        int done = 0;
        for (int part = 1; part <= 20; part++) {
          long t = System.nanoTime();
          int start = done;
          while (done < (long) n * part / 20) {
            List<TaskQueue.Lease> got = q.claim("bench", DOCUMENT_KINDS, 8, Duration.ofMinutes(5));
            if (got.isEmpty()) {
              break;
            }
            for (TaskQueue.Lease l : got) {
              q.complete(l);
            }
            done += got.size();
          }
          double ms = (System.nanoTime() - t) / 1e6 / Math.max(1, done - start);
          long[] dead = deadRows(c, where.schema());
          System.out.printf(Locale.ROOT, "%,10d %12.3f %,12d %14d%n", done, ms, dead[0], dead[1]);
        }
        // what a vacuum of the table costs: one by hand, without autovacuum's pauses between pages
        try (Statement st = c.createStatement()) {
          long dead = deadRows(c, where.schema())[0];
          long t = System.nanoTime();
          st.execute("VACUUM " + where.schema() + ".tasks");
          System.out.printf(Locale.ROOT, "a VACUUM of the table by hand, %,d dead rows: %.2f s%n", dead,
              (System.nanoTime() - t) / 1e9);
        }
      }
    }
  }

  /** The tasks table's dead rows and the autovacuums it has had, as PostgreSQL counts them. */
  private static long[] deadRows(Connection c, String schema) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT n_dead_tup, autovacuum_count FROM pg_stat_user_tables"
            + " WHERE schemaname = '" + schema + "' AND relname = 'tasks'")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  /** The case's tasks: {@code docs} documents' three tasks done, then {@code queued} extractions queued. */
  private static void fill(CaseStore store, int docs, int queued) throws SQLException {
    store.transaction(w -> {
      try (PreparedStatement ps = w.prepareStatement("INSERT INTO tasks (kind, key, payload, state, attempts,"
          + " max_attempts, created, updated) SELECT kind, md5(n::text) || '/1', '{}', 'done', 1, 3, 0, 0"
          + " FROM generate_series(1, ?) n, (VALUES ('extract', 1), ('analyze', 2), ('verify-document', 3)) k(kind, o)"
          + " ORDER BY n, o")) {
        ps.setInt(1, docs);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = w.prepareStatement("INSERT INTO tasks (kind, key, payload, state, attempts,"
          + " max_attempts, created, updated) SELECT 'extract', 'new-' || n, '{}', 'queued', 0, 3, 0, 0"
          + " FROM generate_series(1, ?) n ORDER BY n")) {
        ps.setInt(1, queued);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** The bare queue: the same numbers of rows done and queued, one kind, in the public schema. */
  private static void bare(Connection c, int docs) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE bare_jobs (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
          + " state TEXT NOT NULL, payload TEXT NOT NULL)");
      st.execute("CREATE INDEX bare_jobs_open ON bare_jobs (state, id)");
      st.execute("INSERT INTO bare_jobs (state, payload) SELECT 'done', '{}' FROM generate_series(1, " + 3L * docs + ")");
      st.execute("INSERT INTO bare_jobs (state, payload) SELECT 'queued', '{}' FROM generate_series(1, " + QUEUED + ")");
    }
  }

  /** The textbook claim of 8 and their completions, each in a transaction of its own as Dossier's. */
  private static int bareClaim(Connection c) throws SQLException {
    List<Long> got = new ArrayList<>();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("UPDATE bare_jobs SET state = 'leased' WHERE id IN"
        + " (SELECT id FROM bare_jobs WHERE state = 'queued' ORDER BY id LIMIT 8 FOR UPDATE SKIP LOCKED) RETURNING id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        got.add(rs.getLong(1));
      }
    }
    c.commit();
    for (long id : got) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE bare_jobs SET state = 'done' WHERE id = ? AND state = 'leased'")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
      c.commit();
    }
    c.setAutoCommit(true);
    return got.size();
  }

  /** The claim's read as one read of every kind in id order (Dossier's before), rolled back. */
  private static void oneRead(Connection c, String schema) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + schema + ".tasks WHERE kind IN"
        + " ('extract', 'analyze', 'verify-document') AND (state = 'queued' OR (state = 'leased'"
        + " AND lease_until < 0 AND attempts < max_attempts)) ORDER BY id LIMIT 8 FOR UPDATE SKIP LOCKED");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rs.getLong(1);
      }
    }
    c.rollback();
    c.setAutoCommit(true);
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  /** Mean ms per task over claims of up to 8 until {@code tasks} are done (after a warm-up). */
  private static double perTask(Work claim, int tasks) throws Exception {
    for (int i = 0; i < 20; i++) {
      claim.run();
    }
    long t = System.nanoTime();
    for (int i = 0; i < tasks / 8; i++) {
      claim.run();
    }
    return (System.nanoTime() - t) / 1e6 / tasks;
  }

  /** Mean ms of {@code work} over {@code times} runs (after one). */
  private static double mean(Work work, int times) throws Exception {
    work.run();
    long t = System.nanoTime();
    for (int i = 0; i < times; i++) {
      work.run();
    }
    return (System.nanoTime() - t) / 1e6 / times;
  }
}
