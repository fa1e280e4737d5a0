package org.dossier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the tests of {@code dossier worker} share: worker processes started and waited for, a
 * query on a case's schema, the custody log's extraction entries.
 */
public final class Workers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Workers() {}

  /**
   * Creates a case at {@code caseDir} whose store is a schema of its own on the tests' PostgreSQL
   * (the test is skipped when there is none), asserting it was made.
   *
   * @return the schema's name, for {@link #scalar} and {@link #update}
   */
  public static String sharedCase(java.nio.file.Path caseDir) {
    JsonNode init = ok(Cli.run("--case", caseDir.toString(), "init", "--json", "--store", TestPostgres.storeUrl())).json();
    return "dossier_" + init.get("id").asText();
  }

  /** Asserts the command succeeded. */
  public static Cli.Result ok(Cli.Result r) {
    assertEquals(0, r.exit(), r::toString);
    return r;
  }

  /** {@code --case caseDir} and then {@code command}. */
  public static String[] on(Path caseDir, String... command) {
    String[] out = new String[command.length + 2];
    out[0] = "--case";
    out[1] = caseDir.toString();
    System.arraycopy(command, 0, out, 2, command.length);
    return out;
  }

  /**
   * Starts {@code n} worker processes ({@code worker --until-idle --json --threads 1 --no-ocr}),
   * waits for all (ten minutes each), asserts each exited 0, and returns their JSON summaries. Their
   * output goes to {@code worker-I.out} and {@code worker-I.err} beside the case folder.
   */
  public static List<JsonNode> run(Path caseDir, int n, int leaseSeconds, String... more) throws Exception {
    List<Process> ps = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ps.add(start(caseDir, i, leaseSeconds, more));
      }
      List<JsonNode> summaries = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        summaries.add(finish(caseDir, i, ps.get(i)));
      }
      return summaries;
    } finally {
      for (Process p : ps) {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Starts worker process {@code i} with --until-idle; {@link #finish} waits for it. */
  public static Process start(Path caseDir, int i, int leaseSeconds, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("--case", caseDir.toString(), "worker", "--until-idle", "--json",
        "--threads", "1", "--no-ocr", "--lease", Integer.toString(leaseSeconds)));
    args.addAll(List.of(more));
    return new ProcessBuilder(Cli.javaCommand(args.toArray(String[]::new)))
        .redirectOutput(caseDir.resolveSibling("worker-" + i + ".out").toFile())
        .redirectError(caseDir.resolveSibling("worker-" + i + ".err").toFile()).start();
  }

  /** Waits (ten minutes) for worker process {@code i}, asserts it exited 0, and returns its JSON summary. */
  public static JsonNode finish(Path caseDir, int i, Process p) throws Exception {
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "worker " + i + " did not finish");
    String err = Files.readString(caseDir.resolveSibling("worker-" + i + ".err"));
    assertEquals(0, p.exitValue(), "worker " + i + ": " + err);
    return JSON.readTree(Files.readString(caseDir.resolveSibling("worker-" + i + ".out")));
  }

  /** The first column of the first row of a query on the case's schema of the tests' server, or null. */
  public static String scalar(String schema, String sql) throws Exception {
    return scalar(TestPostgres.port(), schema, sql);
  }

  public static String scalar(int port, String schema, String sql) throws Exception {
    try (java.sql.Connection c = connect(port, schema);
        java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Runs an update on the case's schema of the tests' server; the rows changed. */
  public static int update(String schema, String sql) throws Exception {
    try (java.sql.Connection c = connect(TestPostgres.port(), schema); java.sql.Statement st = c.createStatement()) {
      return st.executeUpdate(sql);
    }
  }

  /** A connection of its own to the case's schema on the tests' server. */
  public static java.sql.Connection connect(String schema) throws java.sql.SQLException {
    return connect(TestPostgres.port(), schema);
  }

  /**
   * Has the server run {@code plpgsql} (statements) inside the writer's transaction each time it
   * writes the case's custody anchor ({@code CaseFolder.CUSTODY_SEQ}), through a trigger named
   * {@code name} on the settings.
   */
  public static void onCustodyAnchor(String schema, String name, String plpgsql) throws Exception {
    update(schema, "CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.key = '"
        + org.dossier.pipeline.CaseFolder.CUSTODY_SEQ + "' THEN " + plpgsql + " END IF; RETURN NEW; END $$");
    update(schema, "CREATE TRIGGER " + name + " BEFORE INSERT ON settings FOR EACH ROW EXECUTE FUNCTION " + name + "()");
  }

  private static java.sql.Connection connect(int port, String schema) throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&currentSchema=" + schema);
  }

  /** The custody log's extraction entries ("derive"), by document. */
  public static Map<String, Integer> derives(Path caseDir) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    for (String line : Files.readAllLines(caseDir.resolve("custody.jsonl"))) {
      JsonNode e = JSON.readTree(line);
      if (e.get("action").asText().equals("derive")) {
        out.merge(e.get("sha256").asText(), 1, Integer::sum);
      }
    }
    return out;
  }
}
