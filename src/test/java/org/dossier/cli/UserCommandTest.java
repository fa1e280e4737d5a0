package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dossier user}: users added with a password from standard input and a role, listed without
 * hashes, given tokens shown once; passwords kept only as bcrypt hashes, tokens as SHA-256; every
 * change in the custody log, which stays intact. Fictional names throughout.
 */
class UserCommandTest {
  @TempDir Path dir;

  private String ingest() throws Exception {
    Path docs = dir.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("memo.txt"), "The Harrowgate ferry office kept its ledgers in the basement.\n",
        StandardCharsets.UTF_8);
    String caseDir = dir.resolve("case").toString();
    Cli.Result r = Cli.run("--case", caseDir, "ingest", "--quiet", docs.toString());
    assertEquals(0, r.exit(), r.toString());
    return caseDir;
  }

  @Test
  void usersAreAddedListedWithoutHashesAndGivenTokens() throws Exception {
    String c = ingest();
    // control: no users yet, single-user mode
    Cli.Result none = Cli.run("--case", c, "user", "list", "--json");
    assertEquals(0, none.exit(), none.toString());
    assertEquals(0, none.json().get("users").size());
    // usage errors: exit 2, nothing added
    assertEquals(2, Cli.runWithInput("short\n", "--case", c, "user", "add", "marta", "--role", "editor").exit());
    assertEquals(2, Cli.runWithInput("\n", "--case", c, "user", "add", "marta", "--role", "editor").exit());
    assertEquals(2, Cli.runWithInput("", "--case", c, "user", "add", "marta", "--role", "editor").exit());
    assertEquals(2, Cli.runWithInput("long enough password\n", "--case", c, "user", "add", "Marta!", "--role", "editor")
        .exit());
    assertEquals(2, Cli.runWithInput("long enough password\n", "--case", c, "user", "add", "marta", "--role", "admin")
        .exit());
    assertEquals(2, Cli.run("--case", c, "user", "token", "nobody").exit(), "no token for a user who does not exist");
    assertEquals(0, Cli.run("--case", c, "user", "list", "--json").json().get("users").size());
    // added
    Cli.Result added = Cli.runWithInput("harbour lights 1984\n", "--case", c, "user", "add", "marta", "--role", "editor");
    assertEquals(0, added.exit(), added.toString());
    assertEquals(0, Cli.runWithInput("quiet ledger room\n", "--case", c, "user", "add", "olek.v", "--role", "owner").exit());
    assertEquals(2, Cli.runWithInput("another password\n", "--case", c, "user", "add", "marta", "--role", "reader").exit(),
        "a name is added once");
    Cli.Result token = Cli.run("--case", c, "user", "token", "marta", "--label", "nightly export");
    assertEquals(0, token.exit(), token.toString());
    String t = token.out().strip();
    assertTrue(t.matches("[0-9a-f]{64}"), t);
    assertTrue(token.err().contains("shown once"), token.err());
    assertEquals(0, Cli.run("--case", c, "user", "role", "marta", "--role", "reader").exit());
    // listed: names, roles, token counts, never a hash
    Cli.Result list = Cli.run("--case", c, "user", "list", "--json");
    assertEquals(0, list.exit(), list.toString());
    JsonNode users = list.json().get("users");
    assertEquals(2, users.size());
    assertEquals("marta", users.get(0).get("name").asText());
    assertEquals("reader", users.get(0).get("role").asText());
    assertEquals(1, users.get(0).get("tokens").asInt());
    assertEquals("owner", users.get(1).get("role").asText());
    assertEquals(0, users.get(1).get("tokens").asInt());
    assertFalse(list.out().contains("$2"), list.out());
    assertFalse(list.out().contains("hash"), list.out());
    assertFalse(list.out().contains(t), list.out());
    Cli.Result human = Cli.run("--case", c, "user", "list");
    assertTrue(human.out().contains("marta") && !human.out().contains("$2"), human.out());
    // stored: bcrypt hashes of the passwords, SHA-256 of the token
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + Path.of(c, "dossier.db"));
        Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT hash FROM users")) {
        int n = 0;
        while (rs.next()) {
          assertTrue(rs.getString(1).startsWith("$2"), rs.getString(1));
          assertFalse(rs.getString(1).contains("harbour lights"));
          n++;
        }
        assertEquals(2, n);
      }
      try (ResultSet rs = st.executeQuery("SELECT hash FROM tokens")) {
        assertTrue(rs.next());
        assertTrue(rs.getString(1).matches("[0-9a-f]{64}"));
        assertFalse(rs.getString(1).equals(t), "the token itself is not stored");
      }
    }
    // in custody, without secrets; the log verifies
    String custody = Files.readString(Path.of(c, "custody.jsonl"), StandardCharsets.UTF_8);
    assertTrue(custody.contains("\"user-add\"") && custody.contains("\"user-token\"") && custody.contains("\"user-role\""));
    assertFalse(custody.contains("harbour lights") || custody.contains("$2") || custody.contains(t), "no secret in custody");
    Cli.Result verify = Cli.run("--case", c, "custody", "verify");
    assertEquals(0, verify.exit(), verify.toString());
  }
}
