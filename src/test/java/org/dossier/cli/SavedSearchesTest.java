package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dossier.link.FictionalStories;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved searches and their alerts on a fictional case: a search saved now has no new hits; a
 * later ingest that adds a matching document raises its alert by one (a document that does not
 * match does not); "new" lists just that document; "seen" clears the alert; another user's list
 * is their own; a query that cannot run is refused when saved.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SavedSearchesTest {
  @TempDir static Path dir;
  static String caseDir;

  @BeforeAll
  static void ingest() throws Exception {
    FictionalStories.write(dir);
    caseDir = dir.resolve("case").toString();
    Cli.Result r = Cli.run("--case", caseDir, "ingest", "--quiet", dir.resolve("press").toString(), dir.resolve("cache").toString());
    assertEquals(0, r.exit(), r.toString());
  }

  private static Cli.Result cli(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--case";
    all[1] = caseDir;
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.run(all);
  }

  private static JsonNode saved(String user, String name) {
    for (JsonNode s : cli("saved", "--json", "--user", user).json().get("saved")) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no saved search " + name);
  }

  @Test
  @Order(1)
  void aSearchSavedNowHasNoNewHits() {
    Cli.Result r = cli("saved", "add", "--user", "ines", "radars", "Sokol-7M");
    assertEquals(0, r.exit(), r.toString());
    assertEquals(0, cli("saved", "add", "--user", "ines", "storms", "storm").exit());
    JsonNode radars = saved("ines", "radars");
    assertTrue(radars.get("total").asLong() >= 4, radars::toString);
    assertEquals(0, radars.get("new").asLong());
    // refused: a query the index cannot read, and a blank name
    assertEquals(2, cli("saved", "add", "--user", "ines", "broken", "\"unclosed").exit());
    assertEquals(2, cli("saved", "add", "--user", "ines", " ", "boats").exit());
    // another user's searches are their own
    assertEquals(0, cli("saved", "--json", "--user", "omar").json().get("saved").size());
  }

  @Test
  @Order(2)
  void aMatchingDocumentAddedLaterIsTheAlert() throws Exception {
    long before = saved("ines", "radars").get("total").asLong();
    Path more = dir.resolve("more");
    Files.createDirectories(more);
    Files.writeString(more.resolve("radar-invoice.txt"), "Invoice 7: two Sokol-7M coastal radars, spare parts and training.\n");
    Files.writeString(more.resolve("canteen-menu.txt"), "Canteen menu for the week: fish soup, bread, tea.\n");
    assertEquals(0, cli("ingest", "--quiet", more.toString()).exit());
    JsonNode radars = saved("ines", "radars");
    assertEquals(before + 1, radars.get("total").asLong());
    assertEquals(1, radars.get("new").asLong(), radars::toString);
    // control: a saved search the new documents do not match has no alert
    assertEquals(0, saved("ines", "storms").get("new").asLong());
    Cli.Result fresh = cli("saved", "new", "--user", "ines", "radars");
    assertEquals(0, fresh.exit(), fresh.toString());
    assertTrue(fresh.out().startsWith("1 new document match"), fresh.out());
    assertTrue(fresh.out().contains("radar-invoice.txt"), fresh.out());
    assertTrue(cli("saved", "--user", "ines").out().contains("1 new"));
    assertEquals(0, cli("saved", "seen", "--user", "ines", "radars").exit());
    assertEquals(0, saved("ines", "radars").get("new").asLong());
    assertEquals(2, cli("saved", "seen", "--user", "omar", "radars").exit(), "not omar's");
  }

  @Test
  @Order(3)
  void aDeletedSearchIsGone() {
    assertEquals(0, cli("saved", "delete", "--user", "ines", "storms").exit());
    JsonNode list = cli("saved", "--json", "--user", "ines").json().get("saved");
    assertEquals(1, list.size());
    assertEquals("radars", list.get(0).get("name").asText());
  }
}
