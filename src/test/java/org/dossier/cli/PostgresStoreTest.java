package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.dossier.link.FictionalStories;
import org.dossier.testing.Cli;
import org.dossier.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init --store postgresql://...}: the case keeps its store in a schema of its own on the
 * server, and every command answers as it does on the same case in SQLite; a server that cannot
 * be reached, a password in the URL and a schema of another case are refused with nothing created.
 */
class PostgresStoreTest {
  @TempDir Path dir;

  private static Connection server() throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + TestPostgres.port() + "/postgres?user=postgres");
  }

  private static Cli.Result ok(Cli.Result r) {
    assertEquals(0, r.exit(), r::toString);
    return r;
  }

  @Test
  void aCaseOnPostgresqlAnswersAsTheSameCaseOnSqlite() throws Exception {
    String url = TestPostgres.storeUrl();
    FictionalStories.write(dir);
    Path pg = dir.resolve("pg-case");
    Path lite = dir.resolve("sqlite-case");
    JsonNode init = ok(Cli.run("--case", pg.toString(), "init", "--json", "--store", url)).json();
    assertEquals("postgresql", init.get("store").asText());
    assertFalse(Files.exists(pg.resolve("dossier.db")), "the store is on the server");
    String schema = "dossier_" + init.get("id").asText();
    assertTrue(Files.readString(pg.resolve("case.properties")).contains("store.schema=" + schema));

    for (Path c : new Path[] {pg, lite}) { // the store is not named again
      ok(Cli.run("--case", c.toString(), "ingest", "--quiet", "--gazetteer", dir.resolve("gazetteer.tsv").toString(),
          dir.resolve("press").toString(), dir.resolve("cache").toString()));
    }
    assertFalse(Files.exists(pg.resolve("dossier.db")));
    assertTrue(Files.exists(lite.resolve("dossier.db")));

    for (String[] command : new String[][] {{"search", "--json", "Vetrov-3"}, {"search", "--json", "\"Harbour Ledger\""},
        {"facts", "--json"}, {"status", "--json"}, {"entities", "--json"}, {"stories", "--json"}}) {
      JsonNode onPg = ok(Cli.run(concat(pg, command))).json();
      JsonNode onSqlite = ok(Cli.run(concat(lite, command))).json();
      assertEquals(onSqlite, onPg, String.join(" ", command));
    }
    JsonNode facts = ok(Cli.run("--case", pg.toString(), "facts", "--json")).json().get("facts");
    assertTrue(facts.size() > 0, "the PostgreSQL case has facts");
    assertTrue(ok(Cli.run("--case", pg.toString(), "search", "--json", "Vetrov-3")).json().get("total").asLong() >= 4);
    assertTrue(ok(Cli.run("--case", pg.toString(), "status")).out().contains("schema " + schema));

    // the rows are on the server, in the case's schema
    try (Connection c = server(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + schema + ".documents")) {
      rs.next();
      assertEquals(7, rs.getLong(1));
    }
  }

  private static String[] concat(Path caseDir, String[] command) {
    String[] out = new String[command.length + 2];
    out[0] = "--case";
    out[1] = caseDir.toString();
    System.arraycopy(command, 0, out, 2, command.length);
    return out;
  }

  @Test
  void initRefusesWhatItCannotKeepAndCreatesNothing() throws Exception {
    TestPostgres.port(); // skipped without a server
    // no server there: exit 1, no folder
    Path unreachable = dir.resolve("unreachable");
    Cli.Result r = Cli.run("--case", unreachable.toString(), "init", "--store", "postgresql://127.0.0.1:1/cases?user=x");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("cannot create the case's store"), r.err());
    assertFalse(Files.exists(unreachable));

    // a password on the command line: a usage error, before anything is tried
    Path withPassword = dir.resolve("with-password");
    r = Cli.run("--case", withPassword.toString(), "init", "--store", TestPostgres.storeUrl() + "&password=secret");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("DOSSIER_PG_PASSWORD"), r.err());
    assertFalse(r.err().contains("secret"), r.err());
    r = Cli.run("--case", withPassword.toString(), "init", "--store",
        "postgresql://postgres:secret@localhost:" + TestPostgres.port() + "/postgres");
    assertEquals(2, r.exit(), r::toString);
    assertFalse(Files.exists(withPassword));

    // a store Dossier does not know
    r = Cli.run("--case", dir.resolve("other-engine").toString(), "init", "--store", "mysql://localhost/cases");
    assertEquals(2, r.exit(), r::toString);
    assertFalse(Files.exists(dir.resolve("other-engine")));

    // a schema another case holds: refused, and that case still opens
    String shared = "shared_" + TestPostgres.newCaseId();
    Path first = dir.resolve("first");
    ok(Cli.run("--case", first.toString(), "init", "--store", TestPostgres.storeUrl() + "&currentSchema=" + shared));
    Path second = dir.resolve("second");
    r = Cli.run("--case", second.toString(), "init", "--store", TestPostgres.storeUrl() + "&currentSchema=" + shared);
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("belongs to another case"), r.err());
    assertFalse(Files.exists(second));
    ok(Cli.run("--case", first.toString(), "status"));

    // a schema with tables of something else
    String foreign = "foreign_" + TestPostgres.newCaseId();
    try (Connection c = server(); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + foreign);
      st.execute("CREATE TABLE " + foreign + ".invoices (id INTEGER)");
    }
    r = Cli.run("--case", second.toString(), "init", "--store", TestPostgres.storeUrl() + "&currentSchema=" + foreign);
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("not a Dossier case's"), r.err());
    assertFalse(Files.exists(second));

    // a case is created once: its store is not chosen again
    r = Cli.run("--case", first.toString(), "init");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("exists"), r.err());

    // a case whose schema is gone says so
    try (Connection c = server(); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA " + shared + " CASCADE");
    }
    r = Cli.run("--case", first.toString(), "status");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("is not on the server"), r.err());
  }

  @Test
  void initWithoutAStoreMakesTheSqliteCaseIngestWouldHave() throws Exception {
    Path c = dir.resolve("lite");
    JsonNode init = ok(Cli.run("--case", c.toString(), "init", "--json")).json();
    assertEquals("sqlite", init.get("store").asText());
    assertTrue(Files.exists(c.resolve("dossier.db")));
    Files.writeString(dir.resolve("in.txt"), "A note about the Harbour Ledger.");
    ok(Cli.run("--case", c.toString(), "ingest", "--quiet", "--no-analysis", dir.resolve("in.txt").toString()));
    assertEquals(1, ok(Cli.run("--case", c.toString(), "search", "--json", "Ledger")).json().get("total").asLong());
  }
}
