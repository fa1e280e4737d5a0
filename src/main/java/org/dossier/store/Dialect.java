package org.dossier.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the engines a case store runs on. The stores' SQL is one text for both
 * (upserts as {@code INSERT ... ON CONFLICT}, the reserved words {@code "end"} and {@code "user"}
 * quoted, generated keys through JDBC); the differences are here: how a connection is set up, the
 * migration scripts where their SQL must differ, the locks that make a replace or a migration safe
 * with several writers, and what text an engine cannot hold.
 */
enum Dialect {
  /**
   * The embedded default: one file, one writer at a time (the case's lock file and SQLite's own),
   * readers in WAL mode that never wait for it.
   */
  SQLITE("") {
    @Override
    Connection connect(StoreLocation where) throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + ((StoreLocation.Sqlite) where).file().toAbsolutePath());
    }

    @Override
    void setUpWriter(Connection c) throws SQLException {
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=NORMAL");
        st.execute("PRAGMA busy_timeout=30000");
      }
    }

    @Override
    void setUpReader(Connection c) throws SQLException {
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA busy_timeout=30000");
        st.execute("PRAGMA query_only=ON"); // a read connection never writes
      }
    }

    @Override
    boolean lockForMigration(Connection c) {
      return false; // one file: SQLite's write lock serialises the migration's transaction
    }

    @Override
    void lockForReplace(Connection c, String... tables) {
      // one writer at a time holds the whole database
    }

    @Override
    String text(String s) {
      return s;
    }

    @Override
    String nowMillis() {
      return "CAST(unixepoch('subsec') * 1000 AS INTEGER)";
    }

    @Override
    String clockMicros() {
      return "CAST(unixepoch('subsec') * 1000000 AS INTEGER)"; // this machine's: the one that writes the case
    }

    @Override
    String forUpdate() {
      return ""; // the transaction holds the only write lock
    }

    @Override
    void lockCustody(Connection c) {
      // one writer at a time holds the whole database (and only one process writes a SQLite case)
    }

    @Override
    String skipLocked() {
      return ""; // the claim's transaction holds the only write lock: no other claimer runs meanwhile
    }
  },

  /**
   * A server that many processes write at once: each case in its own schema; a replace of a whole
   * table and a migration take a lock first, so that two writers never interleave them.
   */
  POSTGRESQL("postgresql/") {
    @Override
    Connection connect(StoreLocation where) throws SQLException {
      StoreLocation.Postgres pg = (StoreLocation.Postgres) where;
      return DriverManager.getConnection(pg.url(), pg.properties());
    }

    @Override
    void setUpWriter(Connection c) {
      // the schema comes with the connection's properties (currentSchema)
    }

    @Override
    void setUpReader(Connection c) throws SQLException {
      c.setReadOnly(true); // a read connection never writes
    }

    @Override
    boolean lockForMigration(Connection c) throws SQLException {
      // held to the end of the migration's transaction: a second process opening the case waits,
      // then finds the version applied
      try (Statement st = c.createStatement()) {
        st.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema()))");
      }
      return true;
    }

    @Override
    void lockForReplace(Connection c, String... tables) throws SQLException {
      // readers go on reading the committed rows; a second replace waits for this one to commit
      try (Statement st = c.createStatement()) {
        st.execute("LOCK TABLE " + String.join(", ", tables) + " IN EXCLUSIVE MODE");
      }
    }

    @Override
    String text(String s) {
      // PostgreSQL's text cannot hold U+0000, which a hostile file's metadata or text may carry
      return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }

    @Override
    String nowMillis() {
      return "CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT)"; // the transaction's start on the server
    }

    @Override
    String clockMicros() {
      return "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)"; // the server's, when read
    }

    @Override
    String forUpdate() {
      return " FOR UPDATE";
    }

    @Override
    void lockCustody(Connection c) throws SQLException {
      // a lock of the case's own, apart from the migrations' (hashtext of the schema alone)
      try (Statement st = c.createStatement()) {
        st.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/custody'))");
      }
    }

    @Override
    String skipLocked() {
      return " FOR UPDATE SKIP LOCKED"; // rows another claimer holds are passed over, never waited for
    }
  };

  private final String scripts;

  Dialect(String scripts) {
    this.scripts = scripts;
  }

  /** The engine of a location. */
  static Dialect of(StoreLocation where) {
    return where instanceof StoreLocation.Postgres ? POSTGRESQL : SQLITE;
  }

  /** A new connection to the store at {@code where} (of this engine). */
  abstract Connection connect(StoreLocation where) throws SQLException;

  /** Sets up the connection that writes. */
  abstract void setUpWriter(Connection c) throws SQLException;

  /** Sets up a connection of {@link ReadConnections}. */
  abstract void setUpReader(Connection c) throws SQLException;

  /**
   * Called first in each migration's transaction.
   *
   * @return true when another process may have migrated meanwhile, so the version is read again
   *     under the lock
   */
  abstract boolean lockForMigration(Connection c) throws SQLException;

  /** Called in a write's transaction before it deletes and rewrites every row of these tables. */
  abstract void lockForReplace(Connection c, String... tables) throws SQLException;

  /**
   * Called in a write's transaction before it appends to the case's custody log: held to its
   * commit, so that the processes writing one case append one at a time, each after the others'
   * lines and anchoring its head in the store before the next appends.
   */
  abstract void lockCustody(Connection c) throws SQLException;

  /** Appended to a select whose rows the transaction then holds against other writers until it ends. */
  abstract String forUpdate();

  /** Text as this engine can store it (hostile text goes through here). */
  abstract String text(String s);

  /**
   * The database's clock in milliseconds since 1970, as SQL: the one clock of the work queue's
   * leases, so that machines whose own clocks differ agree on when a lease runs out.
   */
  abstract String nowMillis();

  /**
   * The database's clock in microseconds since 1970 as it is when the statement reads it (not when
   * its transaction began), as SQL: {@link CaseStore#clockMicros}.
   */
  abstract String clockMicros();

  /**
   * Appended to the select of the rows a claim takes: on PostgreSQL it locks them and skips those
   * another transaction has locked, so two claimers never take one task.
   */
  abstract String skipLocked();

  /**
   * The resource of a migration: this engine's own version beside the shared one when its SQL
   * must differ ({@code postgresql/V001__initial.sql}), else the shared one.
   */
  String script(String name) {
    if (!scripts.isEmpty() && Migrations.class.getResource(scripts + name) != null) {
      return scripts + name;
    }
    return name;
  }
}
