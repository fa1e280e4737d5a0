package org.dossier.store;

import java.sql.SQLException;

/**
 * What the store does when its connection to the server is lost (the server restarted or went
 * away a moment, the network dropped): the failed statement's transaction was rolled back with
 * the connection, so the work is done again on a new connection, a few times with a growing pause
 * (in all about half a minute) before the failure is the caller's. A loss is SQLState class 08
 * (connection exception) or 57P01-57P03 (the server shut down, crashed, or cannot connect yet).
 * Both the writer ({@link CaseStore}) and the read connections ({@link ReadConnections}) go
 * through here; nothing else retries.
 */
final class ConnectionLoss {
  /** Tries in all, the first included. */
  static final int ATTEMPTS = 8;
  private static final long FIRST_PAUSE_MILLIS = 250;
  private static final long MAX_PAUSE_MILLIS = 8_000;

  private ConnectionLoss() {}

  /** Work that may be done again whole on a new connection. */
  @FunctionalInterface
  interface Attempt<T> {
    T run() throws SQLException;
  }

  /** True when {@code e} (or an exception it chains) says the connection is gone. */
  static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          String state = n.getSQLState();
          if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
              || state.equals("57P03"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Runs {@code attempt}; when it fails with a lost connection, pauses and runs it again, up to
   * {@link #ATTEMPTS} in all. The attempt itself replaces its connection (the caller knows which).
   */
  static <T> T retrying(Attempt<T> attempt) throws SQLException {
    long pause = FIRST_PAUSE_MILLIS;
    for (int i = 1; ; i++) {
      try {
        return attempt.run();
      } catch (SQLException e) {
        if (!is(e) || i >= ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(pause); // a back-off before reconnecting, not a wait for another thread
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
      }
    }
  }
}
