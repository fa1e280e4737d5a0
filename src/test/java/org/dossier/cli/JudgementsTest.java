package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.dossier.link.FictionalStories;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyst's judgements on a fictional case: a claim marked wrong leaves its fact (a dispute
 * it alone made becomes agreement) and the report; its undoing brings it back; a status set by
 * hand holds through a new link run; each judgement is attributed, listed and in custody.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JudgementsTest {
  @TempDir static Path dir;
  static String caseDir;
  static final String HERALD = "2026-03-04_eastgate-herald.txt";

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

  /** The fact holding the Herald's claim quoting {@code quote}, or null. */
  private static JsonNode factWith(String document, String quote) {
    for (JsonNode f : cli("facts", "--json").json().get("facts")) {
      for (JsonNode c : f.get("claims")) {
        if (c.get("document").asText().equals(document) && c.get("quote").asText().equals(quote)) {
          return f;
        }
      }
    }
    return null;
  }

  private static JsonNode claim(JsonNode fact, String document, String quote) {
    for (JsonNode c : fact.get("claims")) {
      if (c.get("document").asText().equals(document) && c.get("quote").asText().equals(quote)) {
        return c;
      }
    }
    throw new AssertionError(quote);
  }

  @Test
  @Order(1)
  void aWrongClaimLeavesItsFactAndTheDisputeItMadeEnds() throws Exception {
    JsonNode before = factWith(HERALD, "2024");
    assertEquals("conflict", before.get("status").asText(), before::toString);
    JsonNode c = claim(before, HERALD, "2024");
    String report = cli("report").out();
    assertTrue(report.contains("2024"), report);
    Cli.Result marked = cli("mark", "claim", HERALD, c.get("start").asText(), c.get("end").asText(), "--wrong",
        "--reason", "the year of an earlier meeting, not of the agreement", "--user", "ines");
    assertEquals(0, marked.exit(), marked.toString());
    assertTrue(marked.out().contains("formed again"), marked.out());
    assertEquals(null, factWith(HERALD, "2024"), "the claim left the facts");
    // the fact its other claims form agrees now
    String otherDoc = before.get("claims").get(0).get("document").asText();
    String otherQuote = before.get("claims").get(0).get("quote").asText();
    JsonNode after = factWith(otherDoc, otherQuote);
    assertEquals("agree", after.get("status").asText(), after::toString);
    assertFalse(cli("report").out().contains("against \"2024\""));
    // control: a claim of another document is untouched
    assertTrue(factWith("2026-03-03_harbour-ledger.txt", "November 2025") != null);
  }

  @Test
  @Order(2)
  void undoingItBringsTheDisputeBack() {
    JsonNode list = cli("judgements", "--json").json().get("judgements");
    assertEquals(1, list.size());
    assertEquals("ines", list.get(0).get("user").asText());
    assertTrue(list.get(0).get("inForce").asBoolean());
    assertEquals(0, cli("mark", "undo", list.get(0).get("seq").asText(), "--reason", "checked again").exit());
    JsonNode back = factWith(HERALD, "2024");
    assertEquals("conflict", back.get("status").asText(), back::toString);
    JsonNode again = cli("judgements", "--json").json().get("judgements");
    assertEquals(2, again.size());
    assertFalse(again.get(0).get("inForce").asBoolean());
    // undoing it twice is refused
    assertEquals(2, cli("mark", "undo", list.get(0).get("seq").asText()).exit());
  }

  @Test
  @Order(3)
  void aStatusSetByHandHoldsThroughANewLinkRun() {
    JsonNode f = factWith(HERALD, "2024");
    String key = f.get("key").asText();
    assertEquals(0, cli("mark", "fact", key, "--status", "divergent", "--reason", "two stages of one deal").exit());
    JsonNode judged = factWith(HERALD, "2024");
    assertEquals("divergent", judged.get("status").asText());
    assertTrue(judged.get("explanation").asText().startsWith("Set to divergent by "), judged.toString());
    assertTrue(judged.get("explanation").asText().contains("The link stage found it conflict"), judged.toString());
    // a new link run (another judgement elsewhere makes one) keeps it
    assertEquals(0, cli("mark", "document", HERALD, "--tag", "follow-up").exit());
    assertEquals(0, cli("analyze", "--all").exit());
    assertEquals(0, cli("stories").exit()); // a reading command links the re-analysed case again
    assertEquals("divergent", factWith(HERALD, "2024").get("status").asText());
    assertEquals(2, cli("mark", "fact", key, "--status", "maybe").exit());
  }

  @Test
  @Order(4)
  void everyJudgementIsInCustody() {
    Cli.Result r = cli("custody", "verify");
    assertEquals(0, r.exit(), r.toString());
    JsonNode list = cli("judgements", "--json").json().get("judgements");
    assertEquals(4, list.size(), list::toString);
    assertEquals("tag", list.get(3).get("action").asText());
    assertEquals("follow-up", list.get(3).get("value").asText());
    // a claim without a reason, and a tag on no document, are refused
    assertEquals(2, cli("mark", "claim", HERALD, "1", "5", "--wrong").exit());
    assertEquals(2, cli("mark", "document", "no-such.txt", "--star").exit());
  }
}
