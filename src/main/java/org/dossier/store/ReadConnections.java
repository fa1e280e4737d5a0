package org.dossier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The store's read connections: at most {@link #size()} of them, opened when first needed, each
 * used by one thread at a time. Readers do not wait for each other nor for the writer (SQLite in
 * WAL mode, PostgreSQL's snapshots), and each statement sees the last commit. A read inside a read on the same thread
 * (a store calling another) uses the connection its thread already holds, so it cannot wait for
 * itself when every connection is taken.
 */
final class ReadConnections implements AutoCloseable {
  /** How long a read waits for a free connection before it fails (as SQLite's busy timeout). */
  static final long WAIT_MILLIS = 30_000;

  /** Work on a read connection; it must not keep the connection (nor a statement of it) after it returns. */
  @FunctionalInterface
  interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private final StoreLocation where;
  private final Dialect dialect;
  private final int size;
  private final Semaphore free;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final List<Connection> opened = new ArrayList<>();
  private final ThreadLocal<Connection> held = new ThreadLocal<>();
  private volatile boolean closed;

  ReadConnections(StoreLocation where, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a store needs at least one read connection, not " + size);
    }
    this.where = where;
    this.dialect = Dialect.of(where);
    this.size = size;
    // not fair: on a busy machine a connection goes to a thread that is running, not to the one
    // that waited longest and must first be scheduled (while the connection stays idle)
    this.free = new Semaphore(size, false);
  }

  /** Read connections for a machine of this many cores: two per core, at least four. */
  static int sizeFor(int cores) {
    return Math.max(4, 2 * cores);
  }

  StoreLocation where() {
    return where;
  }

  int size() {
    return size;
  }

  /** Connections opened so far (at most {@link #size()}). */
  int opened() {
    synchronized (opened) {
      return opened.size();
    }
  }

  /** Runs {@code work} on a read connection of this thread's own while it runs. */
  <T> T read(Read<T> work) throws SQLException {
    Connection mine = held.get();
    if (mine != null) {
      return work.run(mine);
    }
    // a read on a lost connection is done again on a new one (ConnectionLoss), the lost ones dropped
    return ConnectionLoss.retrying(() -> {
      Connection c = take();
      held.set(c);
      boolean lost = false;
      try {
        return work.run(c);
      } catch (SQLException | RuntimeException e) {
        lost = ConnectionLoss.is(e);
        throw e;
      } finally {
        held.remove();
        if (lost) {
          drop(c);
        } else {
          give(c);
        }
      }
    });
  }

  /**
   * {@code work} on a read connection inside a transaction of its own, rolled back after: PostgreSQL
   * streams a result with a fetch size only there (SQLite streams it anyway), so a reader of a large
   * table holds a page of its rows, not all of them.
   */
  private <T> T streamed(Read<T> work) throws SQLException {
    return read(r -> {
      r.setAutoCommit(false);
      T out;
      try {
        out = work.run(r);
      } catch (SQLException | RuntimeException e) {
        try {
          r.rollback(); // on a lost connection this fails too: the read's own failure is the one to report
          r.setAutoCommit(true);
        } catch (SQLException also) {
          e.addSuppressed(also);
        }
        throw e;
      }
      r.rollback();
      r.setAutoCommit(true);
      return out;
    });
  }

  /** Binds a statement's parameters. */
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Hands one row of a result over to its reader. */
  interface RowReader {
    void row(ResultSet rs) throws SQLException;
  }

  /** A lost connection after rows were handed over: not to be tried again from the start. */
  private static final class HandedOver extends RuntimeException {
    HandedOver(SQLException lost) {
      super(lost);
    }
  }

  /**
   * Each row of {@code sql} handed to {@code row} as it is read, on a {@link #streamed} read that
   * takes {@code fetch} rows at a time. A connection lost before any row was handed over is opened
   * again and the read begun again, as any read's; lost after, the read fails instead, since
   * beginning it again would hand the first rows over twice (a command printing them would print
   * them twice): its caller runs it again whole.
   */
  void streamedRows(String sql, int fetch, Binder bind, RowReader row) throws SQLException {
    long[] handed = {0};
    try {
      streamed(r -> {
        try (PreparedStatement ps = r.prepareStatement(sql)) {
          ps.setFetchSize(fetch);
          bind.bind(ps);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              row.row(rs);
              handed[0]++;
            }
          }
        } catch (SQLException e) {
          if (handed[0] > 0 && ConnectionLoss.is(e)) {
            throw new HandedOver(e); // unchecked: a lost connection is tried again only as an SQLException
          }
          throw e;
        }
        return null;
      });
    } catch (HandedOver e) {
      throw new SQLException("the connection to the database was lost after " + handed[0] + " rows were read;"
          + " the read was not begun again, which would have handed them over twice: " + e.getCause().getMessage());
    }
  }

  /** A connection found lost: closed, and the idle ones with it (the same server went away for them too). */
  private void drop(Connection c) {
    List<Connection> gone = new ArrayList<>(List.of(c));
    for (Connection i = idle.pollFirst(); i != null; i = idle.pollFirst()) {
      gone.add(i); // an idle connection holds no permit
    }
    synchronized (opened) {
      opened.removeAll(gone);
    }
    gone.forEach(ReadConnections::quietly);
    free.release(); // the permit c was taken with
  }

  private Connection take() throws SQLException {
    if (closed) {
      throw new SQLException("the case database is closed");
    }
    try {
      if (!free.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw new SQLException("no read connection of the case database came free in " + WAIT_MILLIS / 1000 + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a read connection", e);
    }
    Connection c = idle.pollFirst();
    if (c != null) {
      return c;
    }
    try {
      return open();
    } catch (SQLException | RuntimeException e) {
      free.release();
      throw e;
    }
  }

  private void give(Connection c) {
    if (closed) {
      quietly(c);
    } else {
      idle.addFirst(c); // the most recently used first: its page cache is warm
    }
    free.release();
  }

  private Connection open() throws SQLException {
    Connection c = dialect.connect(where);
    try {
      dialect.setUpReader(c);
    } catch (SQLException e) {
      quietly(c);
      throw e;
    }
    synchronized (opened) {
      if (closed) {
        quietly(c);
        throw new SQLException("the case database is closed");
      }
      opened.add(c);
    }
    return c;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (opened) {
      opened.forEach(ReadConnections::quietly);
      opened.clear();
    }
    idle.clear();
  }

  private static void quietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a read connection cannot lose data
    }
  }
}
