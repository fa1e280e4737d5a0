package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dossier.link.FictionalStories;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyst's corrections beyond claims and facts, on a fictional case: a propagation link
 * marked wrong is never drawn again (its undoing draws it back); a document's outlet, headline,
 * date and address set by hand replace the stage's reading in sources, facts and the report; two
 * names split apart become two entities and merged become one. Each leaves the rest as it was.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorrectionsTest {
  @TempDir static Path dir;
  static String caseDir;
  static final String LEDGER = "2026-03-03_harbour-ledger.txt";
  static final String COASTLINE = "2026-03-04_coastline-daily.txt";
  static final String HERALD = "2026-03-04_eastgate-herald.txt";
  static final String TIDEWATER = "2026-03-06_tidewater-times.txt";

  @BeforeAll
  static void ingest() throws Exception {
    FictionalStories.write(dir);
    caseDir = dir.resolve("case").toString();
    Cli.Result r = Cli.run("--case", caseDir, "ingest", "--quiet", "--gazetteer", dir.resolve("gazetteer.tsv").toString(),
        dir.resolve("press").toString(), dir.resolve("cache").toString());
    assertEquals(0, r.exit(), r.toString());
  }

  private static Cli.Result cli(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--case";
    all[1] = caseDir;
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.run(all);
  }

  private static JsonNode source(String document) {
    for (JsonNode s : cli("sources", "--json").json().get("documents")) {
      if (s.get("document").asText().equals(document)) {
        return s;
      }
    }
    throw new AssertionError("no source row for " + document);
  }

  private static List<String> linkedTo(String document) {
    List<String> out = new ArrayList<>();
    source(document).get("links").forEach(l -> out.add(l.get("to").asText() + " " + l.get("relation").asText()));
    return out;
  }

  private static long lastSeq() {
    JsonNode list = cli("judgements", "--json").json().get("judgements");
    return list.get(list.size() - 1).get("seq").asLong();
  }

  @Test
  @Order(1)
  void aLinkMarkedWrongIsNotDrawnAgainUntilUndone() {
    List<String> before = linkedTo(COASTLINE);
    assertTrue(before.stream().anyMatch(l -> l.startsWith(LEDGER)), before::toString);
    assertEquals("repost", source(COASTLINE).get("kind").asText());
    List<String> herald = linkedTo(HERALD);
    Cli.Result marked = cli("mark", "link", COASTLINE, LEDGER, "--wrong", "--reason", "syndicated from the agency, not the Ledger");
    assertEquals(0, marked.exit(), marked.toString());
    List<String> after = linkedTo(COASTLINE);
    assertFalse(after.stream().anyMatch(l -> l.startsWith(LEDGER)), after::toString);
    // no longer a repost of the Ledger (the stage may read another source instead)
    assertFalse(source(COASTLINE).get("kind").asText().equals("repost"), source(COASTLINE)::toString);
    // control: another document's links are as they were
    assertEquals(herald, linkedTo(HERALD));
    // a link the findings do not hold is refused
    assertEquals(2, cli("mark", "link", TIDEWATER, LEDGER, "--wrong", "--reason", "x").exit());
    assertEquals(0, cli("mark", "undo", Long.toString(lastSeq()), "--reason", "the credit line holds").exit());
    assertEquals(before, linkedTo(COASTLINE));
  }

  @Test
  @Order(2)
  void aDocumentsFieldsSetByHandReplaceTheStagesReading() {
    JsonNode before = source(TIDEWATER);
    assertEquals("Tidewater Times", before.path("outlet").asText(), before::toString);
    assertEquals(0, cli("mark", "document", TIDEWATER, "--outlet", "Tidewater Evening Times", "--reason", "masthead").exit());
    assertEquals(0, cli("mark", "document", TIDEWATER, "--headline", "New boats for the navy").exit());
    assertEquals(0, cli("mark", "document", TIDEWATER, "--date", "2026-03-05").exit());
    assertEquals(0, cli("mark", "document", TIDEWATER, "--address", "https://tidewater.example/navy-boats").exit());
    JsonNode after = source(TIDEWATER);
    assertEquals("Tidewater Evening Times", after.get("outlet").asText(), after::toString);
    assertEquals("New boats for the navy", after.get("headline").asText());
    assertEquals("2026-03-05", after.get("date").asText());
    assertEquals("https://tidewater.example/navy-boats", after.get("address").asText());
    assertEquals(4, after.get("setByHand").size());
    // the facts and the report name it by the outlet and date set
    String facts = cli("facts").out();
    assertTrue(facts.contains("Tidewater Evening Times"), facts);
    assertTrue(cli("report").out().contains("Tidewater Evening Times"));
    // control: another document keeps the stage's reading
    JsonNode ledger = source(LEDGER);
    assertEquals("Harbour Ledger", ledger.get("outlet").asText());
    assertFalse(ledger.has("setByHand"));
    // refused: a date that is no date, an address that is no web address, an unknown document
    assertEquals(2, cli("mark", "document", TIDEWATER, "--date", "5 March").exit());
    assertEquals(2, cli("mark", "document", TIDEWATER, "--address", "javascript:alert(1)").exit());
    assertEquals(2, cli("mark", "document", "no-such.txt", "--outlet", "X").exit());
    // undoing the outlet gives the stage's reading back, the rest stays
    long outletSeq = 0;
    for (JsonNode j : cli("judgements", "--json").json().get("judgements")) {
      if (j.get("target").asText().endsWith(":outlet")) {
        outletSeq = j.get("seq").asLong();
      }
    }
    assertEquals(0, cli("mark", "undo", Long.toString(outletSeq)).exit());
    JsonNode undone = source(TIDEWATER);
    assertEquals("Tidewater Times", undone.get("outlet").asText());
    assertEquals("2026-03-05", undone.get("date").asText());
  }

  private static JsonNode entity(String name) {
    for (JsonNode e : cli("entities", "--json").json().get("entities")) {
      if (e.get("name").asText().equals(name)) {
        return e;
      }
      for (JsonNode a : e.get("aliases")) {
        if (a.asText().equals(name)) {
          return e;
        }
      }
    }
    throw new AssertionError("no entity named " + name);
  }

  @Test
  @Order(3)
  void namesSplitApartAreTwoEntitiesAndMergedOne() {
    assertEquals(entity("Vetrov-3"), entity("fast attack boats"), "the gazetteer joins the two");
    Cli.Result split = cli("mark", "entity", "equipment", "Vetrov-3", "--split", "fast attack boats", "--reason", "another class");
    assertEquals(0, split.exit(), split.toString());
    assertFalse(entity("Vetrov-3").equals(entity("fast attack boats")));
    assertEquals("fast attack boats", entity("fast attack boats").get("name").asText());
    // control: the other names the gazetteer gave it stay with it
    assertEquals(entity("Vetrov-3"), entity("Ветров-3"));
    assertFalse(entity("Marovian").equals(entity("Marovia")));
    assertEquals(0, cli("mark", "entity", "place", "Marovian", "--merge", "Marovia", "--reason", "the country").exit());
    assertEquals(entity("Marovian"), entity("Marovia"));
    // control: an entity not judged is unchanged
    assertEquals(entity("Boris Talin"), entity("Борис Талин"));
    // refused: a name the case does not hold, a name merged with itself, one name in two scripts
    // (the resolver cannot tell them apart by name), an unknown type
    assertEquals(2, cli("mark", "entity", "person", "Boris Talin", "--merge", "Nobody Known").exit());
    assertEquals(2, cli("mark", "entity", "person", "Boris Talin", "--split", "Boris Talin").exit());
    Cli.Result sameName = cli("mark", "entity", "person", "Boris Talin", "--split", "Борис Талин");
    assertEquals(2, sameName.exit(), sameName.toString());
    assertTrue(sameName.err().contains("one name"), sameName.err());
    assertEquals(2, cli("mark", "entity", "vessel", "Boris Talin", "--split", "Anna Petrova").exit());
    // the facts still hold the boats' claims, and every judgement is in custody
    assertTrue(cli("facts").out().contains("Vetrov-3"));
    Cli.Result custody = cli("custody", "verify");
    assertEquals(0, custody.exit(), custody.toString());
  }
}
