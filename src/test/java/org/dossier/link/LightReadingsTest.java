package org.dossier.link;

import static org.dossier.link.LinkHarness.a;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dossier.core.DocumentId;
import org.junit.jupiter.api.Test;

/**
 * The link stage's end on light readings ({@link Linker#Linker(Set, Set, Set, Linker.Claims)}):
 * each reading kept without the claims the stories are not grouped by, each story's claims taken
 * back from where the readings are kept when the end reaches it. The findings, and the rows the
 * store is given, are those of whole readings; the end asks for each document's claims once, a
 * few stories ahead of the one it hands over at most, so that it holds a few stories' claims at
 * a time. On invented cases.
 */
class LightReadingsTest {
  private static final LinkHarness.Article[] TESSALY = FictionalStories.ARTICLES;

  /**
   * Undated pages on one shipyard's boats: two retell one order, the third gives other figures for
   * the same boats and buyer (another order). Without a date to place them, the figures decide.
   */
  private static final LinkHarness.Article[] UNDATED = {
    a("order.txt", "en", "", "The Orvanian navy ordered 12 Kestrel-7 patrol boats from the Dunmore shipyard for "
        + "$480 million, Admiral Telsa Varrow said. The 12 Kestrel-7 patrol boats will be delivered in 2033."),
    a("order-again.txt", "en", "", "Admiral Telsa Varrow said the Orvanian navy ordered 12 Kestrel-7 patrol boats "
        + "from the Dunmore shipyard for $480 million. The 12 Kestrel-7 patrol boats will be delivered in 2033."),
    a("second-order.txt", "en", "", "The Orvanian navy ordered 30 Kestrel-7 patrol boats from the Dunmore shipyard "
        + "for $1.1 billion, Admiral Telsa Varrow said. The 30 Kestrel-7 patrol boats will be delivered in 2037."),
  };

  /** What the end on light readings did: its findings, its rows, and the order of its requests for claims and its stories. */
  private record Light(Linker.Result result, List<Findings.Row> rows, List<String> steps, List<Reading> kept) {}

  private static Light light(List<Reading> readings) throws Exception {
    Map<DocumentId, String> store = new HashMap<>();
    readings.forEach(r -> store.put(r.document(), r.encode()));
    List<String> steps = java.util.Collections.synchronizedList(new ArrayList<>());
    Linker linker = new Linker(Set.of(), Set.of(), Set.of(), id -> {
      steps.add("claims " + id.sha256());
      return Reading.decode(store.get(id)).claims();
    });
    List<Reading> kept = new ArrayList<>();
    for (Reading r : readings) {
      Reading taken = Reading.decode(store.get(r.document()));
      linker.add(taken);
      kept.add(taken);
    }
    List<Findings.Row> rows = new ArrayList<>();
    Linker.Sink written = Findings.writer(rows::add);
    Linker.Collector all = new Linker.Collector();
    linker.finish(new Linker.Sink() {
      @Override
      public void documents(Linker.Documents d) throws java.io.IOException {
        all.documents(d);
        written.documents(d);
      }

      @Override
      public void story(Story story, List<Fact> own, List<Claim> read) throws java.io.IOException {
        steps.add("story " + story.id());
        try {
          Thread.sleep(20); // a slow sink: the stories ahead are read meanwhile, as far as the end lets them
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        all.story(story, own, read);
        written.story(story, own, read);
      }

      @Override
      public void sources(List<Provenance> found) throws java.io.IOException {
        all.sources(found);
        written.sources(found);
      }
    });
    return new Light(all.result(), rows, steps, kept);
  }

  private static Linker.Result whole(List<Reading> readings) {
    Linker linker = new Linker();
    readings.forEach(r -> linker.add(Reading.decode(r.encode())));
    return linker.finish();
  }

  private static void assertSameFindings(Linker.Result whole, Light light) {
    Linker.Result r = light.result();
    assertEquals(whole.stories(), r.stories());
    assertEquals(whole.facts(), r.facts());
    assertEquals(whole.sources(), r.sources());
    assertEquals(whole.claims(), r.claims());
    assertEquals(whole.genres(), r.genres());
    assertEquals(whole.names(), r.names());
    assertEquals(whole.dates(), r.dates());
    assertEquals(whole.headlines(), r.headlines());
    List<String> expected = Findings.of(whole).stream().map(x -> x.kind() + " " + x.id() + " " + x.json()).sorted().toList();
    List<String> written = light.rows().stream().map(x -> x.kind() + " " + x.id() + " " + x.json()).sorted().toList();
    assertEquals(expected, written);
    for (String kind : Findings.KINDS) {
      assertEquals(Findings.of(whole).stream().filter(x -> x.kind().equals(kind)).map(Findings.Row::id).toList(),
          light.rows().stream().filter(x -> x.kind().equals(kind)).map(Findings.Row::id).toList(), kind + " rows in order");
    }
  }

  @Test
  void lightReadingsGiveTheFindingsAndRowsOfWholeOnes() throws Exception {
    List<Reading> readings = LinkHarness.read(TESSALY);
    Linker.Result whole = whole(readings);
    assertTrue(whole.sources().stream().anyMatch(p -> p.kind().equals("translation")), "the case has a translation");
    assertTrue(Findings.of(whole).stream().anyMatch(x -> x.kind().equals(Findings.COVERAGE)), "the case has coverage");
    assertTrue(Findings.of(whole).stream().anyMatch(x -> x.kind().equals(Findings.EVENT)), "the case has a timeline");
    assertSameFindings(whole, light(readings));
    // and so with the figures and frames shared across the case, as a link run shares them
    try (Linker.Sharing run = Linker.sharing()) {
      assertSameFindings(whole, light(readings));
    }
  }

  @Test
  void theFiguresOfLightReadingsStillTellTwoOrdersApart() throws Exception {
    List<Reading> readings = LinkHarness.read(UNDATED);
    Linker.Result whole = whole(readings);
    Light light = light(readings);
    assertSameFindings(whole, light);
    Map<String, String> storyOf = new HashMap<>();
    for (Story s : light.result().stories()) {
      s.documents().forEach(d -> storyOf.put(light.result().names().get(d), s.id()));
    }
    assertEquals(storyOf.get("order.txt"), storyOf.get("order-again.txt"), light.result().stories()::toString);
    assertNotEquals(storyOf.get("order.txt"), storyOf.get("second-order.txt"), light.result().stories()::toString);
  }

  /** The same entity name's string in each reading that names it. */
  private static List<String> namesOf(List<Reading> readings, String name) {
    List<String> out = new ArrayList<>();
    for (Reading r : readings) {
      for (String n : r.summary.entityNames) {
        if (n.endsWith(":" + name)) {
          out.add(n);
        }
      }
    }
    return out;
  }

  @Test
  void readingsShareNamesOnlyWhileARunIsOpenAndTheLastRunLetsThemGo() throws Exception {
    LinkHarness.Article[] two = {
      a("dues.txt", "en", "2031-04-02", "The Orlin harbour board raised ferry dues by 12 percent, chairman Tobin Marlowe said."),
      a("dues-again.txt", "en", "2031-04-03", "Chairman Tobin Marlowe defended the dues on Wednesday."),
    };
    // outside a run each reading holds its own copy (control: the same name, two strings)
    List<String> apart = namesOf(LinkHarness.read(two), "tobin marlowe");
    assertEquals(2, apart.size(), apart::toString);
    assertNotSame(apart.get(0), apart.get(1));
    assertEquals(0, Summary.shared());
    Linker.Sharing first = Linker.sharing();
    Linker.Sharing second = Linker.sharing(); // runs overlap
    List<String> shared = namesOf(LinkHarness.read(two), "tobin marlowe");
    assertEquals(apart, shared);
    assertSame(shared.get(0), shared.get(1));
    first.close();
    first.close(); // closed twice, counted once
    assertTrue(Summary.shared() > 0, "another run is still open");
    assertSame(shared.get(0), Summary.intern(new String(shared.get(0))));
    second.close();
    assertEquals(0, Summary.shared(), "the last run let the names go");
    assertNotSame(shared.get(0), Summary.intern(new String(shared.get(0))));
  }

  /** Ten invented events of ten months, one article each: ten stories. */
  private static LinkHarness.Article[] tenEvents() {
    String[] texts = {
      "The Orlin harbour board raised ferry dues by 12 percent on Tuesday, its chairman Tobin Marlowe said.",
      "Kestrel Yard will rebuild the hulls of four ferries for 18 million crowns, the yard said on Thursday.",
      "The pilots of the Varne estuary, led by Ismay Corrow, stopped work on Monday over night shifts.",
      "A fire destroyed a grain warehouse at the Tessmouth docks on Sunday; nobody was hurt, fire chief Ansel Brice said.",
      "The Calder council approved a bus depot costing 6.2 million crowns, mayor Dara Holt announced.",
      "Brisk Airways will fly from Morrow to Ellin from June, its chief executive Emmet Rusk said.",
      "Floods closed the Vessmark railway for three days after 140 millimetres of rain fell, its operator said.",
      "Harlow University received 9 million crowns for a marine laboratory, its rector Fenna Lisle said.",
      "Quenby police arrested two men suspected of stealing 30 outboard engines, inspector Gideon Pell said.",
      "The Orvanian navy commissioned the survey ship Lumen at Port Ellin, Commodore Jarel Ostin said.",
    };
    LinkHarness.Article[] out = new LinkHarness.Article[texts.length];
    for (int i = 0; i < texts.length; i++) {
      out[i] = a("event-" + i + ".txt", "en", String.format(java.util.Locale.ROOT, "2031-%02d-03", i + 1), texts[i]);
    }
    return out;
  }

  @Test
  void theEndAsksForEachDocumentsClaimsOnceAFewStoriesAheadAtMost() throws Exception {
    Light light = light(LinkHarness.read(tenEvents()));
    List<Story> stories = light.result().stories();
    int ahead = Linker.ahead();
    assertTrue(stories.size() > ahead + 1, stories::toString);
    Map<String, Integer> storyOf = new HashMap<>();
    for (int k = 0; k < stories.size(); k++) {
      for (DocumentId d : stories.get(k).documents()) {
        storyOf.put(d.sha256(), k);
      }
    }
    List<String> asked = new ArrayList<>();
    int at = 0; // the story the end hands over next
    for (String step : light.steps()) {
      if (step.startsWith("claims ")) {
        String doc = step.substring("claims ".length());
        asked.add(doc);
        assertTrue(storyOf.get(doc) <= at + ahead, "asked for " + doc + " of story " + storyOf.get(doc) + " at " + at);
      } else {
        assertEquals("story " + stories.get(at).id(), step);
        for (DocumentId d : stories.get(at).documents()) {
          assertTrue(asked.contains(d.sha256()), "the claims of " + d.sha256() + " before its story");
        }
        at++;
      }
    }
    assertEquals(stories.size(), at);
    assertEquals(new java.util.TreeSet<>(storyOf.keySet()), new java.util.TreeSet<>(asked));
    assertEquals(storyOf.size(), asked.size(), "each document's claims asked for once");
  }

  @Test
  void aLightReadingKeepsOnlyTheFiguresOfNamedHeads() throws Exception {
    List<Reading> readings = LinkHarness.read(TESSALY);
    Light light = light(readings);
    int whole = 0;
    int kept = 0;
    for (int i = 0; i < readings.size(); i++) {
      whole += readings.get(i).claims().size();
      kept += light.kept().get(i).claims().size();
      for (Claim c : light.kept().get(i).claims()) {
        assertTrue(c.measure().isPresent() && !c.frame().head().isEmpty(), c::toString);
        // as the grouping reads them: the figure and head, not the words (the end takes those back),
        // nor where they are, what they are about or whom they are given to
        assertTrue(c.context().isEmpty() && c.quote().isEmpty() && c.frame().keys().isEmpty(), c::toString);
        assertTrue(c.measure().get().text().isEmpty() && c.subject().isEmpty() && c.property().isEmpty()
            && c.attributedTo().isEmpty() && c.span().end() == 0 && c.sentence().end() == 0
            && c.measure().get().value().span().end() == 0, c::toString);
      }
    }
    assertFalse(light.kept().stream().allMatch(r -> r.claims().isEmpty()), "the grouping keeps some figures");
    assertTrue(kept * 3 < whole, kept + " of " + whole + " claims kept");
  }

  /**
   * Only articles copy or are copied, so a record's reading keeps no shingles: a long record costs
   * its names and figures, not its length. A light reading's shingles, features, names and value keys are
   * the whole one's, in the same order (the stories' scores are sums in that order).
   */
  @Test
  void aRecordKeepsNoShinglesAndALightReadingItsFeaturesInOrder() throws Exception {
    List<Reading> readings = LinkHarness.read(TESSALY);
    assertTrue(readings.stream().anyMatch(r -> !r.summary.genre.press()), "the contract is a record");
    for (Reading r : readings) {
      Summary s = r.summary;
      assertEquals(!s.genre.press(), s.shingles.isEmpty(), s.name + ": " + s.shingles.size() + " shingles");
      List<Map.Entry<String, Integer>> whole = new ArrayList<>(s.features.entrySet());
      Summary light = Reading.decode(r.encode()).summary;
      light.lighten();
      assertEquals(whole, new ArrayList<>(light.features.entrySet()), s.name);
      assertFalse(whole.isEmpty(), s.name);
      assertEquals(s.shingles, light.shingles, s.name);
      assertEquals(new ArrayList<>(s.entityNames), new ArrayList<>(light.entityNames), s.name);
      assertEquals(new ArrayList<>(s.valueKeys), new ArrayList<>(light.valueKeys), s.name);
      for (String v : s.valueKeys) {
        assertTrue(light.valueKeys.contains(v), v);
        assertFalse(light.valueKeys.contains(v + "0"), v);
      }
    }
  }

  /**
   * The same figure about the same head in two documents is one copy while a link run is open,
   * and one frame serves the claims of a head; the grouping's verdicts are the whole claims'.
   * Control: outside a run, equal copies of their own.
   */
  @Test
  void equalFiguresOfStoriesAreOneCopyAcrossTheCaseWhileARunIsOpen() {
    List<Claim> first = List.of(barges("a1", "12", "the harbour office"), barges("a1", "12", "the harbour office"));
    List<Claim> second = List.of(barges("b2", "12", "a shipbroker"), barges("b2", "14", "a shipbroker"));
    try (Linker.Sharing run = Linker.sharing()) {
      List<Claim> a = Linker.storyClaims(first);
      List<Claim> b = Linker.storyClaims(second);
      assertSame(a.get(0).stated(), b.get(0).stated(), "twelve barges, one copy");
      assertNotEquals(a.get(0).stated(), b.get(1).stated(), "fourteen are another figure");
      assertSame(a.get(0).frame(), b.get(1).frame(), "one frame for the barges' number");
    }
    List<Claim> a = Linker.storyClaims(first);
    List<Claim> b = Linker.storyClaims(second);
    assertEquals(a.get(0).stated(), b.get(0).stated());
    assertNotSame(a.get(0).stated(), b.get(0).stated());
    assertNotSame(a.get(0).frame(), b.get(0).frame());
  }

  private static Claim barges(String document, String number, String source) {
    org.dossier.core.Quantity n = org.dossier.core.Quantity.of(new java.math.BigDecimal(number));
    org.dossier.core.ValueMention v = new org.dossier.core.ValueMention(new org.dossier.core.Span(16, 32),
        number + " Korrin barges", new org.dossier.core.Value.Things(n, "barge"), java.util.Optional.empty());
    return new Claim(new DocumentId(document.repeat(32)), new org.dossier.core.Span(16, 32), number + " Korrin barges",
        new org.dossier.core.Span(0, 48), "The port of Selvan bought " + number + " Korrin barges.",
        new Claim.Measure(v, List.of()), java.util.Optional.of(source), "Korrin barges", "number", false,
        new Frame("number", Set.of("korrin barges"), List.of("w:port"), new float[] {1f}));
  }

  /**
   * A light claim's verdict against another is the whole one's, whatever the figures: qualified,
   * in a draft, read relative to the document's date, converted as the text states, ranges.
   */
  @Test
  void lightClaimsCompareAsWholeOnes() {
    List<Claim> whole = new ArrayList<>();
    for (boolean draft : List.of(false, true)) {
      whole.add(figure(things("12", "12"), null, List.of(), draft));
      whole.add(figure(things("12.0", "12.0"), new org.dossier.core.Qualifier("about", org.dossier.core.Qualifier.Bound.ABOUT), List.of(), draft));
      whole.add(figure(things("14", "14"), new org.dossier.core.Qualifier("more than", org.dossier.core.Qualifier.Bound.AT_LEAST), List.of(), draft));
      whole.add(figure(things("10", "15"), null, List.of(), draft));
      whole.add(figure(things("12", "12"), new org.dossier.core.Qualifier("before it was signed", org.dossier.core.Qualifier.Bound.PRELIMINARY), List.of(), draft));
      whole.add(figure(money("210000000", "USD"), null, List.of(money("200000000", "EUR")), draft));
      whole.add(figure(money("200000000", "EUR"), null, List.of(), draft));
      whole.add(figure(money("584000000", "USD"), new org.dossier.core.Qualifier("up to", org.dossier.core.Qualifier.Bound.AT_MOST), List.of(), draft));
      whole.add(figure(new org.dossier.core.Value.Date("2024-10", true), null, List.of(), draft));
      whole.add(figure(new org.dossier.core.Value.Date("2023", false), new org.dossier.core.Qualifier("by", org.dossier.core.Qualifier.Bound.BY), List.of(), draft));
    }
    try (Linker.Sharing run = Linker.sharing()) {
      List<Claim> light = new ArrayList<>();
      for (Claim c : whole) {
        light.addAll(Linker.storyClaims(List.of(c)));
      }
      assertEquals(whole.size(), light.size());
      java.util.Set<Comparison.Verdict> seen = new java.util.HashSet<>();
      for (int i = 0; i < whole.size(); i++) {
        for (int j = 0; j < whole.size(); j++) {
          Comparison.Verdict expected = Comparison.compare(whole.get(i), whole.get(j)).verdict();
          assertEquals(expected, Comparison.compare(light.get(i), light.get(j)).verdict(), whole.get(i) + " against " + whole.get(j));
          seen.add(expected);
        }
      }
      assertEquals(java.util.EnumSet.allOf(Comparison.Verdict.class), seen, "every verdict met");
    }
  }

  /**
   * Frames made before a run opens, whose heads the run has not shared yet: lightening them shares
   * each head's words while the frame is made, which must not happen inside the shared map's own
   * update (a recursive update there throws).
   */
  @Test
  void framesWhoseWordsAreNewToTheRunAreSharedToo() {
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      claims.add(new Claim(new DocumentId("c3".repeat(32)), new org.dossier.core.Span(0, 9), "9 barges", new org.dossier.core.Span(0, 9),
          "9 barges.", new Claim.Measure(new org.dossier.core.ValueMention(new org.dossier.core.Span(0, 9), "9 barges", things("9", "9"),
          java.util.Optional.empty()), List.of()), java.util.Optional.empty(), "barges", "number", false,
          new Frame("number", Set.of("pier " + i + " barges"), List.of(), new float[0])));
    }
    try (Linker.Sharing run = Linker.sharing()) {
      List<Claim> light = new ArrayList<>();
      for (int k = 0; k < claims.size(); k += 1000) {
        light.addAll(Linker.storyClaims(claims.subList(k, k + 1000)));
      }
      assertEquals(20_000, light.stream().map(Claim::frame).distinct().count(), "a frame of its own per head");
      assertSame(light.get(0).stated(), light.get(19_999).stated(), "nine barges, one copy");
    }
  }

  private static org.dossier.core.Value things(String low, String high) {
    return new org.dossier.core.Value.Things(new org.dossier.core.Quantity(new java.math.BigDecimal(low), new java.math.BigDecimal(high)), "barge");
  }

  private static org.dossier.core.Value money(String amount, String currency) {
    return new org.dossier.core.Value.Money(org.dossier.core.Quantity.of(new java.math.BigDecimal(amount)), currency);
  }

  private static Claim figure(org.dossier.core.Value value, org.dossier.core.Qualifier qualifier, List<org.dossier.core.Value> alternates,
      boolean draft) {
    org.dossier.core.ValueMention v = new org.dossier.core.ValueMention(new org.dossier.core.Span(3, 20), "the figure as written",
        value, java.util.Optional.ofNullable(qualifier));
    return new Claim(new DocumentId("d4".repeat(32)), new org.dossier.core.Span(3, 20), "the figure as written",
        new org.dossier.core.Span(0, 60), "The harbour office gave the figure as written.", new Claim.Measure(v, alternates),
        java.util.Optional.of("the harbour office"), "Korrin barges", "number", draft,
        new Frame(value.kind(), Set.of("korrin barges"), List.of("w:harbour"), new float[] {0.5f}));
  }
}
