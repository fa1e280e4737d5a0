package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link stage end to end on a fictional case ({@link FictionalStories}): stories, facts and
 * their statuses, propagation, timeline, coverage and the report, through their JSON contracts.
 */
class LinkCommandsTest {
  @TempDir static Path dir;
  static Path caseDir;

  static final String LEDGER = "2026-03-03_harbour-ledger.txt";
  static final String HERALD = "2026-03-04_eastgate-herald.txt";
  static final String VESTNIK = "2026-03-05_morskoy-vestnik_ru.txt";
  static final String COASTLINE = "2026-03-04_coastline-daily.txt";
  static final String TIDEWATER = "2026-03-06_tidewater-times.txt";
  static final String STORM = "2026-03-07_eastgate-herald_storm.txt";
  static final String CONTRACT = "TS-2025-44_contract.txt";

  @BeforeAll
  static void ingest() throws Exception {
    FictionalStories.write(dir);
    caseDir = dir.resolve("case");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "ingest", "--quiet",
        "--gazetteer", dir.resolve("gazetteer.tsv").toString(),
        dir.resolve("press").toString(), dir.resolve("cache").toString());
    assertEquals(0, r.exit(), r.toString());
  }

  private static JsonNode json(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "--case";
    all[1] = caseDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    all[all.length - 1] = "--json";
    Cli.Result r = Cli.run(all);
    assertEquals(0, r.exit(), r.toString());
    return r.json();
  }

  private static String text(String document) throws Exception {
    Path p = dir.resolve(document.startsWith("TS-") ? "cache" : "press").resolve(document);
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  /** The fact whose claims include one from {@code document} quoting {@code quote}. */
  private static JsonNode factWith(JsonNode facts, String document, String quote) {
    for (JsonNode f : facts.get("facts")) {
      for (JsonNode c : f.get("claims")) {
        if (c.get("document").asText().equals(document) && c.get("quote").asText().contains(quote)) {
          return f;
        }
      }
    }
    throw new AssertionError("no fact quotes \"" + quote + "\" from " + document + " in " + facts.toPrettyString());
  }

  private static Set<String> documents(JsonNode fact) {
    Set<String> out = new HashSet<>();
    fact.get("claims").forEach(c -> out.add(c.get("document").asText()));
    return out;
  }

  @Test
  void unrelatedStoriesStaySeparateThoughTheyShareACountryAnOutletAndANumber() {
    JsonNode stories = json("stories").get("stories");
    String arms = null;
    String storm = null;
    for (JsonNode s : stories) {
      List<String> docs = new ArrayList<>();
      s.get("documents").forEach(d -> docs.add(d.asText()));
      assertNotNull(s.get("id"));
      assertNotNull(s.get("title"));
      if (docs.contains(LEDGER)) {
        arms = s.get("id").asText();
        assertTrue(docs.containsAll(List.of(HERALD, VESTNIK, COASTLINE, CONTRACT)), docs::toString);
      }
      if (docs.contains(STORM)) {
        storm = s.get("id").asText();
      }
    }
    assertNotNull(arms);
    assertNotNull(storm);
    assertFalse(arms.equals(storm), "the storm article was merged into the arms story");
  }

  @Test
  void factsFollowTheirJsonContractAndQuoteTheTextVerbatim() throws Exception {
    JsonNode facts = json("facts");
    assertTrue(facts.get("facts").size() > 5, facts::toPrettyString);
    Set<String> statuses = Set.of("agree", "conflict", "divergent", "single");
    Set<String> kinds = Set.of("money", "quantity", "count", "date", "percent", "name", "statement");
    for (JsonNode f : facts.get("facts")) {
      for (String field : List.of("id", "story", "subject", "property", "status", "explanation", "claims")) {
        assertTrue(f.has(field), field + " missing in " + f);
      }
      assertTrue(statuses.contains(f.get("status").asText()), f::toString);
      for (JsonNode c : f.get("claims")) {
        String doc = c.get("document").asText();
        int start = c.get("start").asInt();
        int end = c.get("end").asInt();
        assertEquals(c.get("quote").asText(), text(doc).substring(start, end), "quote not verbatim: " + c);
        JsonNode v = c.get("value");
        assertTrue(kinds.contains(v.get("kind").asText()), v::toString);
        assertTrue(v.has("text") && v.has("normalized") && v.has("qualifier"), v::toString);
        assertTrue(c.has("attributedTo"), c::toString);
      }
    }
  }

  @Test
  void theFactsListTheDisputesFirstThenEveryOtherFactOnceInItsOrder() {
    JsonNode facts = json("facts");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "facts");
    assertEquals(0, r.exit(), r.toString());
    // each fact's first line: "F12 S1 [conflict] subject: property"
    List<String> listed = new java.util.ArrayList<>();
    for (String line : r.out().split("\n")) {
      if (line.matches("F\\d+ \\S+ \\[\\w+\\] .*")) {
        listed.add(line.substring(0, line.indexOf(' ')));
      }
    }
    List<String> ids = new java.util.ArrayList<>();
    facts.get("facts").forEach(f -> ids.add(f.get("id").asText()));
    assertEquals(new HashSet<>(ids), new HashSet<>(listed), r.out());
    assertEquals(ids.size(), listed.size(), "each fact once: " + listed);
    int disputes = r.out().indexOf("Disputes, largest first:");
    int others = r.out().indexOf("Other facts:");
    assertTrue(disputes == 0 && others > disputes, r.out());
    // after the disputes, the others in the order --json gives them
    List<String> after = listed.subList(listed.size() - (int) r.out().substring(others).lines()
        .filter(l -> l.matches("F\\d+ .*")).count(), listed.size());
    List<String> inOrder = new java.util.ArrayList<>(ids);
    inOrder.retainAll(after);
    assertEquals(inOrder, after);
    // near miss: agreements alone have no disputes to put first
    Cli.Result agree = Cli.run("--case", caseDir.toString(), "facts", "--status", "agree");
    assertFalse(agree.out().contains("Disputes, largest first:") || agree.out().contains("Other facts:"), agree.out());
    assertTrue(agree.out().startsWith("F"), agree.out());
  }

  @Test
  void theStoriesTimelineAndCoverageListEachFindingOnceInItsOrderAndSayWhenThereIsNone() throws Exception {
    // each story's first line "S1  title  (N documents)", in the order --json gives them
    List<String> ids = new java.util.ArrayList<>();
    json("stories").get("stories").forEach(st -> ids.add(st.get("id").asText()));
    Cli.Result stories = Cli.run("--case", caseDir.toString(), "stories");
    assertEquals(0, stories.exit(), stories.toString());
    List<String> listed = stories.out().lines().filter(l -> l.matches("S\\d+  .*  \\(\\d+ documents\\)"))
        .map(l -> l.substring(0, l.indexOf(' '))).toList();
    assertEquals(ids, listed, stories.out());
    assertFalse(stories.out().contains("No stories yet"), "control: a case with stories does not say it has none");
    // each event's date line, in order; each press claim's status line, in order
    List<String> dates = new java.util.ArrayList<>();
    json("timeline").get("events").forEach(e -> dates.add(e.get("date").asText()));
    List<String> printed = Cli.run("--case", caseDir.toString(), "timeline").out().lines()
        .filter(l -> !l.startsWith(" ")).map(l -> l.substring(0, l.indexOf(' '))).toList();
    assertEquals(dates, printed);
    List<String> statuses = new java.util.ArrayList<>();
    json("coverage").get("claims").forEach(c -> statuses.add("[" + c.get("status").asText() + "]"));
    Cli.Result coverage = Cli.run("--case", caseDir.toString(), "coverage");
    assertEquals(statuses, coverage.out().lines().filter(l -> l.startsWith("[")).map(l -> l.substring(0, l.indexOf(' ')))
        .toList());
    assertFalse(coverage.out().contains("No press claims"), coverage.out());
    // a case with no documents says so, and a filter nothing matches says so
    Path empty = dir.resolve("empty-case");
    assertEquals(0, Cli.run("--case", empty.toString(), "init").exit());
    assertEquals("No stories yet. Ingest documents first: dossier ingest PATH\n",
        Cli.run("--case", empty.toString(), "stories").out().replace("\r", ""));
    assertTrue(Cli.run("--case", empty.toString(), "coverage").out().startsWith("No press claims to check (the case"));
    assertEquals("No signals.\n", Cli.run("--case", empty.toString(), "verify").out().replace("\r", ""));
    assertEquals("", Cli.run("--case", caseDir.toString(), "timeline", "--story", "S999").out());
  }

  @Test
  void aDifferentNumberOfTheSameItemIsAConflictWithBothQuotes() {
    JsonNode f = factWith(json("facts"), HERALD, "20 Vetrov-3");
    assertEquals("conflict", f.get("status").asText(), f::toPrettyString);
    assertTrue(documents(f).containsAll(Set.of(LEDGER, HERALD, CONTRACT)), f::toPrettyString);
    assertEquals("Vetrov-3", f.get("subject").asText());
  }

  @Test
  void aDifferentYearForTheSameAgreementIsAConflictAndTheInitialAgreementIsAnotherFact() {
    JsonNode facts = json("facts");
    JsonNode agreed = factWith(facts, HERALD, "2024");
    assertEquals("conflict", agreed.get("status").asText(), agreed::toPrettyString);
    assertTrue(documents(agreed).containsAll(Set.of(LEDGER, VESTNIK, CONTRACT)), agreed::toPrettyString);
    JsonNode initial = factWith(facts, LEDGER, "May 2022");
    assertFalse(initial.get("id").equals(agreed.get("id")), "the initial agreement was merged: " + initial);
    assertEquals("agree", initial.get("status").asText(), initial::toPrettyString);
  }

  @Test
  void aBoundAgainstAPreliminaryFigureIsDivergentAndSaysWhy() {
    JsonNode f = factWith(json("facts"), HERALD, "$455 million");
    assertEquals("divergent", f.get("status").asText(), f::toPrettyString);
    assertTrue(documents(f).contains(LEDGER), f::toPrettyString);
    assertTrue(f.get("explanation").asText().contains("preliminary"), f::toPrettyString);
    JsonNode herald = null;
    for (JsonNode c : f.get("claims")) {
      if (c.get("document").asText().equals(HERALD)) {
        herald = c;
      }
    }
    assertNotNull(herald);
    assertEquals("455000000 USD", herald.get("value").get("normalized").asText());
    assertEquals("before it was finalized", herald.get("value").get("qualifier").asText());
    assertEquals("money", herald.get("value").get("kind").asText());
  }

  @Test
  void roundedAndExactCountsAgreeAcrossLanguages() {
    JsonNode f = factWith(json("facts"), HERALD, "900 pages");
    assertEquals("agree", f.get("status").asText(), f::toPrettyString);
    assertTrue(documents(f).containsAll(Set.of(LEDGER, HERALD, VESTNIK)), f::toPrettyString);
  }

  @Test
  void theStormStoryHasNoConflict() {
    JsonNode stories = json("stories").get("stories");
    String storm = null;
    for (JsonNode s : stories) {
      for (JsonNode d : s.get("documents")) {
        if (d.asText().equals(STORM)) {
          storm = s.get("id").asText();
        }
      }
    }
    JsonNode facts = json("facts", "--story", storm, "--status", "conflict");
    assertEquals(0, facts.get("facts").size(), facts::toPrettyString);
  }

  private static JsonNode source(JsonNode sources, String document) {
    for (JsonNode d : sources.get("documents")) {
      if (d.get("document").asText().equals(document)) {
        return d;
      }
    }
    throw new AssertionError(document + " not in " + sources.toPrettyString());
  }

  private static boolean links(JsonNode doc, String to, String relation) {
    for (JsonNode l : doc.get("links")) {
      if (l.get("to").asText().equals(to) && l.get("relation").asText().equals(relation)) {
        assertTrue(l.get("evidence").size() > 0, "a link without evidence: " + l);
        return true;
      }
    }
    return false;
  }

  @Test
  void propagationNamesOriginalsRepostsTranslationsAndRewritesWithEvidence() {
    JsonNode sources = json("sources");
    assertEquals("original", source(sources, LEDGER).get("kind").asText(), sources::toPrettyString);
    JsonNode repost = source(sources, COASTLINE);
    assertEquals("repost", repost.get("kind").asText(), repost::toPrettyString);
    assertTrue(links(repost, LEDGER, "copies"), repost::toPrettyString);
    JsonNode translation = source(sources, VESTNIK);
    assertEquals("translation", translation.get("kind").asText(), translation::toPrettyString);
    assertTrue(links(translation, LEDGER, "translates"), translation::toPrettyString);
    JsonNode rewrite = source(sources, HERALD);
    assertEquals("rewrite", rewrite.get("kind").asText(), rewrite::toPrettyString);
    assertTrue(links(rewrite, LEDGER, "rewrites"), rewrite::toPrettyString);
    // both cite Radio Stellan, which has no article in the case
    assertTrue(links(rewrite, TIDEWATER, "shares-source"), rewrite::toPrettyString);
    assertTrue(links(source(sources, TIDEWATER), HERALD, "shares-source"), sources::toPrettyString);
    assertEquals("original", source(sources, CONTRACT).get("kind").asText());
    assertEquals("contract", source(sources, CONTRACT).get("genre").asText());
  }

  @Test
  void theTimelineShowsConflictingDatesSideBySide() {
    JsonNode events = json("timeline").get("events");
    boolean sideBySide = false;
    String last = "";
    for (JsonNode e : events) {
      assertTrue(e.has("date") && e.has("what") && e.has("claims"), e::toString);
      assertTrue(e.get("date").asText().compareTo(last) >= 0, "not in order: " + events);
      last = e.get("date").asText();
      if (e.get("date").asText().equals("2024") && e.has("alongside")) {
        sideBySide = e.get("alongside").toString().contains("2025-11");
      }
    }
    assertTrue(sideBySide, events::toPrettyString);
  }

  @Test
  void pressClaimsAreSupportedOrContradictedByTheCache() {
    JsonNode claims = json("coverage").get("claims");
    Predicate<JsonNode> herald20 = c -> c.get("document").asText().equals(HERALD) && c.get("quote").asText().contains("20 Vetrov-3");
    Predicate<JsonNode> ledger18 = c -> c.get("document").asText().equals(LEDGER) && c.get("quote").asText().contains("18 Vetrov-3");
    boolean contradicted = false;
    boolean supported = false;
    for (JsonNode c : claims) {
      for (String field : List.of("document", "quote", "start", "end", "status", "evidence")) {
        assertTrue(c.has(field), field + " missing in " + c);
      }
      if (herald20.test(c)) {
        assertEquals("contradicted", c.get("status").asText(), c::toPrettyString);
        assertEquals(CONTRACT, c.get("evidence").get(0).get("document").asText());
        contradicted = true;
      }
      if (ledger18.test(c)) {
        assertEquals("supported", c.get("status").asText(), c::toPrettyString);
        supported = true;
      }
      assertFalse(c.get("document").asText().equals(CONTRACT), "the contract is not press: " + c);
    }
    assertTrue(contradicted && supported, claims::toPrettyString);
  }

  @Test
  void everySentenceOfTheReportCitesItsSources() throws Exception {
    Path md = dir.resolve("report.md");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "report", "--format", "md", "--output", md.toString());
    assertEquals(0, r.exit(), r.toString());
    // the report never leaves verification out: a case not verified yet is verified first
    assertTrue(Cli.run("--case", caseDir.toString(), "status", "--json").json().get("verified").asBoolean(), r.err());
    String report = Files.readString(md, StandardCharsets.UTF_8);
    assertTrue(report.indexOf("## Disputes, largest first") >= 0
        && report.indexOf("## Disputes, largest first") < report.indexOf("## Agreements"), report);
    int sentences = 0;
    for (String line : report.split("\n")) {
      if (line.startsWith("- ")) {
        sentences++;
        assertTrue(line.matches(".*\\[\\^\\d+\\].*"), "a sentence without a citation: " + line);
      }
    }
    assertTrue(sentences > 5, report);
    JsonNode json = Cli.run("--case", caseDir.toString(), "report", "--format", "json").json();
    for (JsonNode note : json.get("footnotes")) {
      String quote = note.get("quote").asText();
      if (!quote.isEmpty()) {
        String doc = note.get("document").asText();
        String passage = text(doc).substring(note.get("start").asInt(), note.get("end").asInt()).strip();
        if (quote.endsWith("...")) {
          assertTrue(passage.startsWith(quote.substring(0, quote.length() - 3)), note::toString);
        } else {
          assertEquals(quote, passage, note::toString);
        }
      }
    }
    for (JsonNode s : json.get("sections")) {
      for (JsonNode sentence : s.get("sentences")) {
        if (sentence.get("citations").size() == 0) {
          fail("uncited: " + sentence);
        }
      }
    }
    String html = Cli.run("--case", caseDir.toString(), "report", "--format", "html").out();
    assertTrue(html.contains("<sup><a href=\"#fn1\""), html);
  }

  @Test
  void theFactsListOpensWithTheDisputesLargestFirstInReadableWords() {
    Cli.Result r = Cli.run("--case", caseDir.toString(), "facts");
    assertEquals(0, r.exit(), r.toString());
    String out = r.out();
    assertTrue(out.startsWith("Disputes, largest first:\n"), out);
    JsonNode facts = json("facts");
    String year = factWith(facts, HERALD, "2024").get("id").asText();
    String boats = factWith(facts, HERALD, "20 Vetrov-3").get("id").asText();
    int yearAt = out.indexOf("\n" + year + " ");
    int boatsAt = out.indexOf("\n" + boats + " ");
    assertTrue(yearAt > 0 && yearAt < boatsAt && boatsAt < out.indexOf("Other facts:"), out);
    assertTrue(out.contains("year apart)") || out.contains("years apart)"), out);
    assertTrue(out.contains("Harbour Ledger, 2026-03-03: \"18 Vetrov-3"), out);
    assertTrue(out.contains("USD 412 million"), out);
    // the filters still apply
    String conflicts = Cli.run("--case", caseDir.toString(), "facts", "--status", "conflict").out();
    assertFalse(conflicts.contains("[agree]"), conflicts);
    assertTrue(conflicts.indexOf("\n" + year + " ") < conflicts.indexOf("\n" + boats + " "), conflicts);
  }
}
