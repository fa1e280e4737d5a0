package org.dossier.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the numbered schema migrations that a store has not seen yet. The numbers are the same
 * on both engines; a script whose SQL must differ on PostgreSQL has its version under {@code
 * postgresql/} ({@link Dialect#script}).
 */
final class Migrations {
  /** In order; the number in each name is its schema version. Never edit a released one. */
  static final List<String> SCRIPTS = List.of("V001__initial.sql", "V002__analysis.sql", "V003__findings.sql",
      "V004__judgements.sql", "V005__users.sql", "V006__findings_by_document.sql",
      "V007__saved_searches.sql", "V008__tasks.sql", "V009__verification.sql",
      "V010__findings_by_story.sql", "V011__findings_by_id.sql", "V012__open_tasks.sql",
      "V013__given_back.sql", "V014__tasks_vacuum.sql");

  private Migrations() {}

  static int latest() {
    return SCRIPTS.size();
  }

  /** Brings the schema up to date and returns its version. */
  static int apply(Connection conn, Dialect dialect) throws SQLException {
    boolean autoCommit = conn.getAutoCommit();
    conn.setAutoCommit(false);
    try (Statement st = conn.createStatement()) {
      dialect.lockForMigration(conn);
      st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      conn.commit();
    } catch (SQLException e) {
      conn.rollback();
      throw e;
    } finally {
      conn.setAutoCommit(autoCommit);
    }
    int current = current(conn);
    if (current > latest()) {
      throw new IllegalStateException(
          "the case was written by a newer Dossier: schema version " + current
              + ", this build knows up to " + latest());
    }
    for (int v = current + 1; v <= latest(); v++) {
      String script = dialect.script(SCRIPTS.get(v - 1));
      boolean auto = conn.getAutoCommit();
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        if (dialect.lockForMigration(conn) && current(conn) >= v) {
          conn.commit(); // another process applied it meanwhile
          continue;
        }
        for (String sql : statements(read(script))) {
          st.execute(sql);
        }
        st.execute("DELETE FROM schema_version");
        st.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
        conn.commit();
      } catch (SQLException e) {
        conn.rollback();
        throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
      } finally {
        conn.setAutoCommit(auto);
      }
    }
    return latest();
  }

  static int current(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new IllegalStateException("migration script " + script + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration script " + script, e);
    }
  }

  /** Splits a script into statements; comments start with {@code --}. */
  static List<String> statements(String script) {
    StringBuilder clean = new StringBuilder();
    for (String line : script.split("\n")) {
      int comment = line.indexOf("--");
      clean.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
    }
    List<String> out = new ArrayList<>();
    for (String part : clean.toString().split(";")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }
}
