package org.dossier.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dossier.core.Qualifier;
import org.dossier.link.FindingStreams;
import org.dossier.link.StoredFindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report on a small invented case: it opens with the disputes, largest first, each stating
 * its values with their sources and attributions and citing every claim; documents are named by
 * outlet, headline and date; values are written as a person writes them.
 */
class ReportTest {
  static final String LEDGER = "press/2026-03-03_harbour-ledger.txt";
  static final String HERALD = "press/2026-03-04_eastgate-herald.txt";
  static final String CONTRACT = "cache/TS-2025-44_contract.txt";

  private static StoredFindings.Source source(String document, Optional<String> outlet, String headline, String date,
      String genre) {
    return new StoredFindings.Source(document, "original", genre, outlet, Optional.of(headline),
        Optional.of(LocalDate.parse(date)), List.of(), List.of());
  }

  private static int offset = 0;

  private static StoredFindings.Claim claim(String document, String kind, String normalized, String quote,
      Optional<Qualifier> q, Optional<String> by) {
    offset += 50;
    return new StoredFindings.Claim(document, offset, offset + quote.length(), quote,
        new StoredFindings.Value(kind, quote, normalized, q, List.of()), by, "Before " + quote + " after.",
        document.equals(CONTRACT) ? "contract" : "article");
  }

  private static StoredFindings.Claim claim(String document, String kind, String normalized, String quote) {
    return claim(document, kind, normalized, quote, Optional.empty(), Optional.empty());
  }

  static final List<StoredFindings.Source> SOURCES = List.of(
      source(LEDGER, Optional.of("Harbour Ledger"), "Tessaly to sell fast attack boats to Marovia, papers show", "2026-03-03", "article"),
      source(HERALD, Optional.of("Eastgate Herald"), "Marovia to buy Tessalian boats in secret deal", "2026-03-04", "article"),
      source(CONTRACT, Optional.empty(), "CONTRACT No. TS-2025/44", "2025-11-14", "contract"));

  static final List<StoredFindings.Fact> FACTS = List.of(
      new StoredFindings.Fact("F1", "S1", "Vetrov-3", "number", "conflict", "different values (18, 20)", List.of(
          claim(LEDGER, "quantity", "18", "18 Vetrov-3 fast attack boats"),
          claim(HERALD, "quantity", "20", "20 Vetrov-3 boats", Optional.empty(), Optional.of("the Harbour Ledger")),
          claim(CONTRACT, "quantity", "18", "18 Vetrov-3 fast attack boats"))),
      new StoredFindings.Fact("F2", "S1", "agreement", "date", "conflict", "different years (2025-11, 2024)", List.of(
          claim(LEDGER, "date", "2025-11", "November 2025"),
          claim(HERALD, "date", "2024", "2024", Optional.empty(), Optional.of("the Ledger")))),
      new StoredFindings.Fact("F3", "S1", "deal", "amount", "divergent", "a bound and a preliminary figure", List.of(
          claim(LEDGER, "money", "400000000 USD", "more than $400 million",
              Optional.of(new Qualifier("more than", Qualifier.Bound.AT_LEAST)), Optional.empty()),
          claim(HERALD, "money", "455000000 USD", "$455 million before it was finalized",
              Optional.of(new Qualifier("before it was finalized", Qualifier.Bound.PRELIMINARY)), Optional.of("the Ledger")),
          claim(CONTRACT, "money", "412000000 USD", "USD 412,000,000"))),
      new StoredFindings.Fact("F4", "S1", "Boris Talin", "named", "agree", "the same person", List.of(
          claim(LEDGER, "name", "Boris Talin", "Boris Talin"), claim(HERALD, "name", "Boris Talin", "Boris Talin"))));

  @TempDir static Path aside;

  private static Report.Input input() {
    return new Report.Input("Report", FindingStreams.of(List.of(), FACTS, SOURCES, List.of(), List.of(), List.of()),
        d -> Optional.empty(), 50);
  }

  private static String markdown() throws IOException {
    return Report.text(input(), "md", aside);
  }

  private static JsonNode json() throws IOException {
    return Report.json(input(), aside);
  }

  @Test
  void theReportOpensWithTheDisputesLargestFirst() throws IOException {
    String md = markdown();
    assertTrue(md.indexOf("## Disputes, largest first") < md.indexOf("## Agreements"), md);
    int year = md.indexOf("(F2, story S1)");
    int amount = md.indexOf("(F3, story S1)");
    int boats = md.indexOf("(F1, story S1)");
    assertTrue(year > 0 && year < amount && amount < boats && boats < md.indexOf("## Agreements"), md);
    assertTrue(md.contains("Date of agreement (F2, story S1): sources conflict, 1 year apart \u2014 2025-11 in Harbour Ledger,"
        + " 2026-03-03[^"), md);
    assertTrue(md.contains("; and 2024 in Eastgate Herald, 2026-03-04, attributed to the Ledger[^"), md);
    assertTrue(md.contains("Number of Vetrov-3 (F1, story S1): sources conflict, 11% apart \u2014 18 in Harbour Ledger,"
        + " 2026-03-03[^"), md);
    assertTrue(md.contains("; and 20 in Eastgate Herald, 2026-03-04, attributed to the Harbour Ledger[^"), md);
    assertTrue(md.contains("\"CONTRACT No. TS-2025/44\", 2025-11-14[^"), md);
  }

  @Test
  void disputesWriteMoneyAsAPersonWould() throws IOException {
    String md = markdown();
    assertTrue(md.contains("more than USD 400 million in Harbour Ledger, 2026-03-03[^"), md);
    assertTrue(md.contains("USD 455 million (preliminary) in Eastgate Herald, 2026-03-04, attributed to the Ledger[^"), md);
    assertTrue(md.contains("USD 412 million in \"CONTRACT No. TS-2025/44\", 2025-11-14[^"), md);
    assertTrue(md.contains("Amount of deal (F3, story S1): sources diverge (compatible only under their qualifiers), 14% apart"), md);
  }

  @Test
  void everyDisputeCitesEveryClaimAndEverySentenceIsCited() throws IOException {
    JsonNode json = json();
    JsonNode notes = json.get("footnotes");
    JsonNode disputes = json.get("sections").get(0);
    assertEquals("Disputes, largest first", disputes.get("title").asText());
    for (JsonNode sentence : disputes.get("sentences")) {
      String text = sentence.get("text").asText();
      for (StoredFindings.Fact f : FACTS) {
        if (!text.contains("(" + f.id() + ", story")) {
          continue;
        }
        Set<String> cited = new HashSet<>();
        for (JsonNode n : sentence.get("citations")) {
          JsonNode note = notes.get(n.asInt() - 1);
          cited.add(note.get("document").asText() + "@" + note.get("start").asInt());
        }
        for (StoredFindings.Claim c : f.claims()) {
          assertTrue(cited.contains(c.document() + "@" + c.start()), "uncited claim " + c + " in " + text);
        }
      }
    }
    for (JsonNode s : json.get("sections")) {
      for (JsonNode sentence : s.get("sentences")) {
        assertTrue(sentence.get("citations").size() > 0, "uncited: " + sentence);
      }
    }
  }

  @Test
  void footnotesNameTheDocumentByOutletHeadlineDateAndFile() throws IOException {
    String md = markdown();
    assertTrue(md.contains("]: Harbour Ledger, \"Tessaly to sell fast attack boats to\u2026\", 2026-03-03 ("
        + LEDGER + "), characters "), md);
    JsonNode note = json().get("footnotes").get(0);
    assertEquals(LEDGER, note.get("document").asText());
    assertTrue(note.get("label").asText().startsWith("Harbour Ledger, "), note::toString);
  }
  @Test
  void footnotesAreNumberedInTheOrderAReaderMeetsThem() throws IOException {
    // stored in the order: a disagreement on a name, an agreement, another disagreement; the
    // report writes both disagreements before the agreement, and numbers as it writes
    List<StoredFindings.Fact> facts = List.of(
        new StoredFindings.Fact("F5", "S2", "the yard", "named", "conflict", "different names", List.of(
            claim(LEDGER, "name", "Karst Yard", "Karst Yard"), claim(HERALD, "name", "Karsk Yard", "Karsk Yard"))),
        new StoredFindings.Fact("F6", "S2", "the refit", "date", "agree", "the same month", List.of(
            claim(LEDGER, "date", "2026-05", "May 2026"), claim(HERALD, "date", "2026-05", "May 2026"))),
        new StoredFindings.Fact("F7", "S2", "the captain", "named", "conflict", "different names", List.of(
            claim(LEDGER, "name", "Ilya Marn", "Ilya Marn"), claim(HERALD, "name", "Ilia Marn", "Ilia Marn"))));
    String md = Report.text(new Report.Input("Report", FindingStreams.of(List.of(), facts, SOURCES, List.of(), List.of(),
        List.of()), d -> Optional.empty(), 50), "md", aside);
    assertTrue(md.indexOf("(F7, story S2)") < md.indexOf("## Agreements"), md);
    int expected = 1;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[\\^(\\d+)\\](?!:)").matcher(md);
    Set<Integer> met = new HashSet<>();
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      if (met.add(n)) {
        assertEquals(expected++, n, "footnote " + n + " met before " + (expected - 1) + " in\n" + md);
      }
    }
    assertEquals(6, met.size(), md);
    assertTrue(md.contains("\n[^6]: "), md);
  }

  @Test
  void aPageOfTheReportHoldsItsFirstSentencesWithTheirFootnotesNumberedAsInTheWholeReport() throws IOException {
    JsonNode whole = json();
    JsonNode page = Report.json(input(), aside, 1);
    JsonNode disputes = page.get("sections").get(0);
    assertEquals(1, disputes.get("sentences").size(), disputes::toString);
    assertEquals(whole.get("sections").get(0).get("sentences").size() - 1, disputes.get("omitted").asInt());
    assertEquals(whole.get("sections").get(0).get("sentences").get(0), disputes.get("sentences").get(0),
        "the first sentence, cited by the numbers of the whole report");
    Set<Integer> cited = new HashSet<>();
    page.get("sections").forEach(sec -> sec.get("sentences").forEach(st -> st.get("citations").forEach(n -> cited.add(n.asInt()))));
    Set<Integer> notes = new HashSet<>();
    for (JsonNode n : page.get("footnotes")) {
      notes.add(n.get("number").asInt());
      assertEquals(whole.get("footnotes").get(n.get("number").asInt() - 1), n, "a footnote as the whole report numbers it");
    }
    assertEquals(cited, notes, "the footnotes of the sentences shown, no other");
    assertTrue(notes.size() < whole.get("footnotes").size(), "control: the whole report has more");
    assertTrue(whole.get("sections").get(0).path("omitted").isMissingNode(), "the whole report leaves nothing out");
  }

  @Test
  void aReportLeavesNothingAsideWhetherItEndsOrFails() throws IOException {
    Path own = Files.createDirectories(aside.resolve("own"));
    Report.text(input(), "html", own);
    try (java.util.stream.Stream<Path> left = Files.list(own)) {
      assertEquals(0, left.count(), "control: a report that ends removes its footnotes' file");
    }
    FindingStreams failing = new FindingStreams() {
      final FindingStreams listed = FindingStreams.of(List.of(), FACTS, SOURCES, List.of(), List.of(), List.of());

      @Override
      public void stories(Each<StoredFindings.Story> each) throws IOException {
        listed.stories(each);
      }

      @Override
      public void facts(Optional<String> story, List<String> statuses, Each<StoredFindings.Fact> each) throws IOException {
        listed.facts(story, statuses, each);
      }

      @Override
      public void factsById(List<String> ids, Each<StoredFindings.Fact> each) throws IOException {
        listed.factsById(ids, each);
      }

      @Override
      public void sources(Each<StoredFindings.Source> each) throws IOException {
        listed.sources(each);
      }

      @Override
      public void events(Each<StoredFindings.Event> each) throws IOException {
        throw new IOException("the case database failed: disk I/O error");
      }

      @Override
      public void coverage(List<String> statuses, Each<StoredFindings.Coverage> each) throws IOException {
        listed.coverage(statuses, each);
      }

      @Override
      public void signals(Each<JsonNode> each) throws IOException {
        listed.signals(each);
      }

      @Override
      public long factCount() throws IOException {
        return listed.factCount();
      }

      @Override
      public FindingStreams story(String id) {
        return this;
      }
    };
    java.io.StringWriter half = new java.io.StringWriter();
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> Report.write(new Report.Input("Report", failing, d -> Optional.empty(), 50), "md", half, own));
    assertTrue(e.getMessage().contains("disk I/O error"), e::toString);
    assertTrue(half.toString().contains("## Disputes, largest first"), "it failed half-way, after the facts");
    try (java.util.stream.Stream<Path> left = Files.list(own)) {
      assertEquals(0, left.count(), "a report that fails removes its footnotes' file");
    }
  }

  /** A capped list says how many it left out and which listing holds them all; a list within its cap says nothing more. */
  @Test
  void aCappedListSaysHowManyItLeftOutAndWhereTheyAre() throws IOException {
    List<StoredFindings.Fact> singles = List.of(
        new StoredFindings.Fact("F8", "S3", "the tug", "count", "single", "one source", List.of(
            claim(LEDGER, "count", "4", "4 tugs"))),
        new StoredFindings.Fact("F9", "S3", "the dock", "date", "single", "one source", List.of(
            claim(LEDGER, "date", "2026-06", "June 2026"))),
        new StoredFindings.Fact("F10", "S3", "the pier", "count", "single", "one source", List.of(
            claim(HERALD, "count", "2", "2 piers"))));
    List<StoredFindings.Coverage> coverage = List.of(
        new StoredFindings.Coverage(claim(HERALD, "count", "20", "20 boats"), "the boats", "count", "not-found",
            Optional.empty(), List.of()),
        new StoredFindings.Coverage(claim(HERALD, "count", "3", "3 cranes"), "the cranes", "count", "not-found",
            Optional.empty(), List.of()),
        new StoredFindings.Coverage(claim(LEDGER, "count", "7", "7 barges"), "the barges", "count", "not-found",
            Optional.empty(), List.of()));
    FindingStreams in = FindingStreams.of(List.of(), singles, SOURCES, List.of(), coverage, List.of());
    String capped = Report.text(new Report.Input("Report", in, d -> Optional.empty(), 2, 1, Optional.empty()), "md", aside);
    assertTrue(capped.contains("1 more fact stated by one source only is not listed here; 'dossier facts --status single'"
        + " lists them all."), capped);
    assertTrue(capped.contains("2 more press claims no document of the cache states are not listed here;"
        + " 'dossier coverage --status not-found' lists them all."), capped);
    assertTrue(capped.contains("4 tugs") && !capped.contains("2 piers"), capped);
    assertTrue(capped.contains("20 boats") && !capped.contains("3 cranes"), capped);
    // control: within the caps, every one is listed and nothing is said to be left out
    String whole = Report.text(new Report.Input("Report", in, d -> Optional.empty(), 3, 3, Optional.empty()), "md", aside);
    assertTrue(whole.contains("2 piers") && whole.contains("7 barges"), whole);
    assertTrue(!whole.contains("not listed here"), whole);
    // a page of one sentence a section: the note is shown, and not counted among the sentences left out
    JsonNode page = Report.json(new Report.Input("Report", in, d -> Optional.empty(), 2, 1, Optional.empty()), aside, 1);
    int found = 0;
    for (JsonNode section : page.path("sections")) {
      if (section.path("title").asText().equals("Stated by one source only")) {
        found++;
        assertEquals(2, section.path("sentences").size(), section::toString);
        assertTrue(section.path("sentences").get(1).path("text").asText().startsWith("1 more fact"), section::toString);
        assertEquals(1, section.path("omitted").asInt(), "the one fact listed in the download, not the note");
      }
    }
    assertEquals(1, found, page::toString);
    // on one story's report, the listing named is the story's
    String story = Report.text(new Report.Input("Report", in, d -> Optional.empty(), 2, 1, Optional.of("S3")), "md", aside);
    assertTrue(story.contains("'dossier facts --status single --story S3' lists them all."), story);
  }
}
