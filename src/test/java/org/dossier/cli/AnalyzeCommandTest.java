package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.dossier.pipeline.CaseFolder;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyze stage through the command line: entities, annotated text, facets, gazetteers. */
class AnalyzeCommandTest {
  @TempDir static Path dir;
  static Path caseDir;
  static Path input;

  @BeforeAll
  static void ingest() throws Exception {
    input = dir.resolve("news");
    Fixtures.text(input.resolve("en.txt"),
        "Valmora buys drones\n\nThe Harbour Ledger reported that Meridian Arms sold 240 drones to Valmora"
            + " for more than $96 million. Analyst Oleksandr Danylyuk of the Nordvik Institute for"
            + " Strategic Studies (NISS) said the deal was signed in October 2024.");
    Fixtures.text(input.resolve("ru.txt"),
        "По словам аналитика Олександр Данилюк, сделка была подписана в октябре 2024 года."
            + " НИСС оценивает её более чем в 100 млн долларов.");
    Fixtures.docx(input.resolve("memo.docx"), "Memo", "NISS staff met the Harbour Ledger on 3 March 2025.");
    caseDir = dir.resolve("case");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "ingest", "--quiet", input.toString());
    assertEquals(0, r.exit(), r.toString());
  }

  private static Cli.Result cli(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--case";
    all[1] = caseDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.run(all);
  }

  private static JsonNode entity(JsonNode entities, String name) {
    for (JsonNode e : entities.get("entities")) {
      if (e.get("name").asText().equals(name)) {
        return e;
      }
    }
    throw new AssertionError(name + " not among " + entities.toPrettyString());
  }

  @Test
  void entitiesFollowTheirJsonContractAndJoinAcrossScripts() {
    Cli.Result r = cli("entities", "--json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode j = r.json();
    JsonNode person = null;
    for (JsonNode e : j.get("entities")) {
      assertTrue(e.has("name") && e.has("type") && e.has("aliases") && e.has("documents") && e.has("mentions"));
      Set<String> names = new HashSet<>();
      names.add(e.get("name").asText());
      e.get("aliases").forEach(a -> names.add(a.asText()));
      if (names.contains("Oleksandr Danylyuk")) {
        person = e;
        assertTrue(names.contains("Олександр Данилюк"), e.toString());
        assertEquals("person", e.get("type").asText());
      }
    }
    assertTrue(person != null, j.toPrettyString());
    assertEquals(2, person.get("documents").size(), person.toString());
    JsonNode institute = entity(j, "Nordvik Institute for Strategic Studies");
    Set<String> aliases = new HashSet<>();
    institute.get("aliases").forEach(a -> aliases.add(a.asText()));
    assertTrue(aliases.contains("NISS"), institute.toString());
    assertTrue(institute.get("documents").toString().contains("memo.docx"),
        "the acronym alone is recognised in the memo: " + institute);
  }

  @Test
  void typesFilter() {
    JsonNode j = cli("entities", "--json", "--type", "person").json();
    j.get("entities").forEach(e -> assertEquals("person", e.get("type").asText()));
    assertEquals(2, cli("entities", "--type", "nonsense").exit());
  }

  @Test
  void showAnnotatedMarksNamesValuesAndSources() {
    Cli.Result r = cli("show", "--annotated", "--json", "en.txt");
    assertEquals(0, r.exit(), r.toString());
    JsonNode j = r.json();
    String text = j.get("text").asText();
    boolean money = false;
    for (JsonNode v : j.get("values")) {
      assertEquals(v.get("text").asText(), text.substring(v.get("start").asInt(), v.get("end").asInt()));
      if (v.get("kind").asText().equals("money")) {
        money = true;
        assertEquals("96000000 USD", v.get("normalized").asText());
        assertEquals("at_least", v.get("qualifier").get("bound").asText());
      }
    }
    assertTrue(money, j.toPrettyString());
    for (JsonNode e : j.get("entities")) {
      assertEquals(e.get("text").asText(), text.substring(e.get("start").asInt(), e.get("end").asInt()));
    }
    Set<String> sources = new HashSet<>();
    j.get("attributions").forEach(a -> sources.add(a.get("kind").asText() + ":" + a.get("source").get("text").asText()));
    assertTrue(sources.contains("reported:The Harbour Ledger"), sources.toString());
    assertTrue(sources.contains("said:Oleksandr Danylyuk"), sources.toString());
    Cli.Result human = cli("show", "--annotated", "en.txt");
    assertTrue(human.out().contains("[more than $96 million]{money=96000000 USD; more than}"), human.out());
  }

  @Test
  void mentionsAreSearchableAndFaceted() {
    JsonNode j = cli("search", "--json", "person:Danylyuk").json();
    assertEquals(2, j.get("total").asInt(), j.toPrettyString());
    JsonNode all = cli("search", "--json", "NISS OR Danylyuk OR Данилюк").json();
    assertTrue(all.get("facets").has("person"), all.get("facets").toString());
  }

  @Test
  void aGazetteerAddedLaterReanalysesTheCase() throws Exception {
    Path g = Fixtures.text(dir.resolve("mine.tsv"), "equipment\tSparrow-3\tdrones|Воробей-3\n");
    Cli.Result r = cli("ingest", "--quiet", "--json", "--gazetteer", g.toString(), input.toString());
    assertEquals(0, r.exit(), r.toString());
    JsonNode j = cli("entities", "--json", "--type", "equipment").json();
    assertEquals("Sparrow-3", j.get("entities").get(0).get("name").asText(), j.toPrettyString());
    Path bad = Fixtures.text(dir.resolve("bad.tsv"), "weapon-ish\tno tabs here\n");
    assertEquals(2, cli("ingest", "--quiet", "--gazetteer", bad.toString(), input.toString()).exit());
  }

  @Test
  void readingCommandsBringThePendingAnalysisUpToDate() throws Exception {
    try (CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC())) {
      org.dossier.core.DocumentId ru = folder.store().documents().documentByName("ru.txt").orElseThrow().id();
      folder.store().write(tx -> {
        tx.resetAnalysis(ru);
        return null;
      });
    }
    Cli.Result r = cli("entities", "--json", "--type", "person");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.err().contains("up to date"), r.err());
    assertTrue(r.out().contains("Олександр Данилюк"), r.out());
    assertTrue(Files.exists(caseDir.resolve("dossier.db")));
  }
}
