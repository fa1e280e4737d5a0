package org.dossier.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dossier.link.FictionalStories;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registers on a fictional case: the boat deal of {@link FictionalStories} (a contract in the
 * cache, press that gets the number and the price wrong), a second deal of other parties in a
 * story of its own, and a storm story with no deal.
 */
class RegisterTest {
  @TempDir static Path dir;
  static String caseDir;
  static JsonNode rows;
  static final ObjectMapper JSON = new ObjectMapper();

  /** A second, unrelated deal, told by two outlets: other parties, another item, another year. */
  static final String SECOND = String.join("\n",
      "Dravonia buys Kortan armoured trucks",
      "",
      "By Petra Lind, Valley Gazette, 12 May 2026",
      "",
      "The Republic of Dravonia has agreed to buy 40 Brannok-6 armoured trucks from Kortan Motor Works, officials said.",
      "",
      "Kortan Motor Works will deliver the Brannok-6 trucks to the Republic of Dravonia under a contract signed in April 2026.",
      "",
      "The deal is worth $96 million, the defence ministry said.",
      "");

  static final String SECOND_RETOLD = String.join("\n",
      "Kortan to sell trucks to Dravonia",
      "",
      "By Omar Velt, Upland Courier, 13 May 2026",
      "",
      "Kortan Motor Works will sell 40 Brannok-6 armoured trucks to the Republic of Dravonia, the Valley Gazette reported.",
      "",
      "The contract, signed in April 2026, is worth $96 million.",
      "");

  @BeforeAll
  static void ingest() throws Exception {
    FictionalStories.write(dir);
    Fixtures.text(dir.resolve("press/2026-05-12_valley-gazette.txt"), SECOND);
    Fixtures.text(dir.resolve("press/2026-05-13_upland-courier.txt"), SECOND_RETOLD);
    Fixtures.text(dir.resolve("gazetteer.tsv"), String.join("\n",
        "equipment\tVetrov-3\tВетров-3|fast attack boat|быстроходный ракетный катер",
        "equipment\tSokol-7M\tСокол-7М|coastal radar|береговая РЛС",
        "equipment\tBrannok-6\tБраннок-6",
        ""));
    caseDir = dir.resolve("case").toString();
    Cli.Result r = Cli.run("--case", caseDir, "ingest", "--quiet", "--gazetteer", dir.resolve("gazetteer.tsv").toString(),
        dir.resolve("press").toString(), dir.resolve("cache").toString());
    assertEquals(0, r.exit(), r.toString());
    Cli.Result t = Cli.run("--case", caseDir, "register", "transfers", "--json");
    assertEquals(0, t.exit(), t.toString());
    rows = JSON.readTree(t.out()).get("rows");
  }

  private static List<String> values(JsonNode row, String column) {
    List<String> out = new ArrayList<>();
    row.get(column).get("values").forEach(v -> out.add(v.get("value").asText()));
    return out;
  }

  private static JsonNode rowWith(String designation) {
    for (JsonNode r : rows) {
      if (values(r, "designation").contains(designation)) {
        return r;
      }
    }
    throw new AssertionError("no row for " + designation + " in " + rows);
  }

  @Test
  void twoDealsAreTwoRowsAndTheStoryWithoutADealIsNone() {
    assertEquals(2, rows.size(), rows.toString());
    JsonNode boats = rowWith("Vetrov-3");
    JsonNode trucks = rowWith("Brannok-6");
    assertFalse(values(boats, "designation").contains("Brannok-6"));
    assertFalse(values(trucks, "designation").contains("Vetrov-3"));
    for (JsonNode r : rows) {
      assertFalse(r.get("title").asText().contains("Storm"), r.toString());
    }
  }

  @Test
  void partiesComeFromTheVerbsOfTransfer() {
    JsonNode trucks = rowWith("Brannok-6");
    assertEquals(List.of("Kortan Motor Works"), values(trucks, "supplier"), trucks.toString());
    assertFalse(values(trucks, "recipient").isEmpty(), trucks.toString());
    assertTrue(values(trucks, "recipient").stream().allMatch(v -> v.contains("Dravonia")), trucks.toString());
    JsonNode boats = rowWith("Vetrov-3");
    assertTrue(values(boats, "supplier").stream().anyMatch(v -> v.contains("Tessal")), boats.toString());
    assertFalse(values(boats, "recipient").stream().anyMatch(v -> v.contains("Tessal")), boats.toString());
  }

  @Test
  void aConflictingNumberShowsEveryValueWithItsSources() {
    JsonNode number = rowWith("Vetrov-3").get("numberOrdered");
    assertEquals("conflict", number.get("status").asText(), number.toString());
    List<String> vs = new ArrayList<>();
    for (JsonNode v : number.get("values")) {
      vs.add(v.get("value").asText());
      assertTrue(v.get("claims").size() > 0, v.toString());
      for (JsonNode c : v.get("claims")) {
        assertTrue(c.get("end").asInt() > c.get("start").asInt(), c.toString());
        assertFalse(c.get("quote").asText().isEmpty(), c.toString());
      }
    }
    assertTrue(vs.contains("18") && vs.contains("20"), vs.toString());
    assertFalse(number.get("explanation").asText().isEmpty());
  }

  @Test
  void aValueKnownOnlyFromThePressSaysSoAndARecordDoesNot() {
    JsonNode number = rowWith("Vetrov-3").get("numberOrdered");
    for (JsonNode v : number.get("values")) {
      String expected = v.get("value").asText().equals("20") ? "press" : "record";
      assertEquals(expected, v.get("status").asText(), v.toString());
    }
    assertTrue(number.get("explanation").asText().contains("only from the press"), number.toString());
    JsonNode value = rowWith("Vetrov-3").get("value");
    boolean record = false;
    for (JsonNode v : value.get("values")) {
      record |= v.get("value").asText().equals("412000000 USD") && v.get("status").asText().equals("record");
    }
    assertTrue(record, value.toString());
  }

  @Test
  void anAgreedCellIsOneValue() {
    JsonNode trucks = rowWith("Brannok-6");
    assertEquals(List.of("40"), values(trucks, "numberOrdered"), trucks.toString());
    assertEquals("agree", trucks.get("numberOrdered").get("status").asText());
    assertEquals(List.of("2026"), values(trucks, "yearOfOrder"), trucks.toString());
  }

  @Test
  void csvReadsBackOneRowPerDeal() throws Exception {
    Cli.Result r = Cli.run("--case", caseDir, "register", "transfers", "--csv");
    assertEquals(0, r.exit(), r.toString());
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(r.out())).getRecords();
    assertEquals(2, records.size());
    assertTrue(records.stream().anyMatch(c -> c.get("designation").contains("Brannok-6")));
  }

  @Test
  void eventsCarryKindsAndSources() throws Exception {
    Cli.Result r = Cli.run("--case", caseDir, "register", "events", "--json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode events = JSON.readTree(r.out()).get("events");
    assertTrue(events.size() > 0);
    boolean deal = false;
    for (JsonNode e : events) {
      assertTrue(e.get("claims").size() > 0, e.toString());
      for (JsonNode k : e.get("kinds")) {
        deal |= k.asText().equals("deal");
      }
    }
    assertTrue(deal, events.toString());
  }

  @Test
  void theReportHoldsTheRegistersFootnoted() {
    Cli.Result r = Cli.run("--case", caseDir, "report");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("## Register of transfers"), r.out());
    String table = r.out().substring(r.out().indexOf("## Register of transfers"));
    assertTrue(table.lines().skip(4).findFirst().orElse("").contains("[^"), table);
  }
}
