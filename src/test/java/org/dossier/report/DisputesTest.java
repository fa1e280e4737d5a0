package org.dossier.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.dossier.core.Qualifier;
import org.dossier.link.StoredFindings;
import org.junit.jupiter.api.Test;

/** Disputes ranked by size: years apart, then large ratios, then small differences. */
class DisputesTest {
  private static StoredFindings.Claim claim(String document, String kind, String normalized, Optional<Qualifier> q) {
    return new StoredFindings.Claim(document, 0, 4, "text", new StoredFindings.Value(kind, "text", normalized, q, List.of()),
        Optional.empty(), "", "article");
  }

  private static StoredFindings.Claim claim(String document, String kind, String normalized) {
    return claim(document, kind, normalized, Optional.empty());
  }

  private static StoredFindings.Fact fact(String id, String status, StoredFindings.Claim... claims) {
    return new StoredFindings.Fact(id, "S1", "the sale", "value", status, "why", List.of(claims));
  }

  /** A 5% difference, a 2-year date dispute, a 2.8x bound-against-figure gap, and facts that are no dispute. */
  private static final List<StoredFindings.Fact> FACTS = List.of(
      fact("F1", "conflict", claim("a.txt", "quantity", "20"), claim("b.txt", "quantity", "21")),
      fact("F2", "agree", claim("a.txt", "money", "5 USD"), claim("b.txt", "money", "5 USD")),
      fact("F3", "conflict", claim("a.txt", "date", "2024-03-03"), claim("c.txt", "date", "2026-03-03"),
          claim("d.txt", "date", "2026")),
      fact("F4", "divergent", claim("a.txt", "money", "270000000 USD", Optional.of(new Qualifier("more than", Qualifier.Bound.AT_LEAST))),
          claim("b.txt", "money", "756000000 USD")),
      fact("F5", "conflict", claim("a.txt", "name", "Ilse Marrow"), claim("b.txt", "name", "Ivo Marrow")),
      fact("F6", "single", claim("a.txt", "count", "3")));

  private static List<Disputes.Dispute> ranked(List<StoredFindings.Fact> facts) throws java.io.IOException {
    List<Disputes.Dispute> out = new java.util.ArrayList<>();
    Disputes.ranked(org.dossier.link.FindingStreams.of(List.of(), facts, List.of(), List.of(), List.of(), List.of()),
        Optional.empty(), List.of(), out::add);
    return out;
  }

  @Test
  void yearsApartComeBeforeA28TimesGapWhichComesBeforeFivePercent() throws java.io.IOException {
    List<Disputes.Dispute> ranked = ranked(FACTS);
    assertEquals(List.of("F3", "F4", "F1"), ranked.stream().map(d -> d.fact().id()).toList());
    assertEquals(new Disputes.Apart(Period.ofYears(2)), ranked.get(0).size());
    assertEquals("2 years apart", ranked.get(0).size().words());
    assertEquals("the largest is 2.8 times the smallest", ranked.get(1).size().words());
    assertEquals("5% apart", ranked.get(2).size().words());
  }

  @Test
  void disputesRankedFromAStreamHoldingTheirIdsComeLargestFirstTiesInTheirStoredOrder() throws java.io.IOException {
    // more disputes than are read back at once, many of the same size (in their stored order then)
    List<StoredFindings.Fact> facts = new java.util.ArrayList<>();
    for (int i = 0; i < 700; i++) {
      facts.add(i % 5 == 4 ? fact("G" + i, "agree", claim("a.txt", "quantity", "7"), claim("b.txt", "quantity", "7"))
          : fact("G" + i, "conflict", claim("a.txt", "quantity", "100"), claim("b.txt", "quantity", Integer.toString(101 + i % 9))));
    }
    org.dossier.link.FindingStreams in = org.dossier.link.FindingStreams.of(List.of(), facts, List.of(), List.of(), List.of(),
        List.of());
    List<String> streamed = new java.util.ArrayList<>();
    List<String> sizes = new java.util.ArrayList<>();
    Disputes.ranked(in, Optional.empty(), List.of("conflict", "divergent"), d -> {
      streamed.add(d.fact().id());
      sizes.add(d.size().words());
    });
    // the expected order: by how far apart (101..109 against 100), largest first; ties as stored
    List<String> expected = new java.util.ArrayList<>();
    for (int apart = 8; apart >= 0; apart--) {
      for (int i = 0; i < 700; i++) {
        if (i % 5 != 4 && i % 9 == apart) {
          expected.add("G" + i);
        }
      }
    }
    assertEquals(560, streamed.size());
    assertEquals(expected, streamed);
    assertEquals("9% apart", sizes.get(0));
    assertEquals("1% apart", sizes.get(sizes.size() - 1));
    assertEquals("G8", streamed.get(0), "the largest (9% apart) first, the first stored of them first");
    assertEquals(List.of(), collect(in, Optional.of("S2")), "another story's: none");
  }

  private static List<String> collect(org.dossier.link.FindingStreams in, Optional<String> story) throws java.io.IOException {
    List<String> out = new java.util.ArrayList<>();
    Disputes.ranked(in, story, List.of(), d -> out.add(d.fact().id()));
    return out;
  }

  @Test
  void factsPrintDisputesFirstThenTheRestInOrder() throws java.io.IOException {
    assertEquals(List.of("F3", "F4", "F1", "F2", "F5", "F6"), Disputes.disputesFirst(
        org.dossier.link.FindingStreams.of(List.of(), FACTS, List.of(), List.of(), List.of(), List.of()), Optional.empty(),
        List.of()));
  }

  @Test
  void datesCompareAtThePrecisionBothGive() {
    Disputes.Dispute d = Disputes.of(fact("F1", "conflict", claim("a.txt", "date", "2023"),
        claim("b.txt", "date", "2024-10"), claim("c.txt", "date", "2024-10-14"))).orElseThrow();
    assertEquals("1 year apart", d.size().words()); // 2023 against 2024; 2024-10 and 2024-10-14 agree
    Disputes.Dispute days = Disputes.of(fact("F2", "conflict", claim("a.txt", "date", "2024-09-02"),
        claim("b.txt", "date", "2025-10-14"))).orElseThrow();
    assertEquals("1 year, 1 month and 12 days apart", days.size().words());
  }

  @Test
  void sizesAtTheEdges() {
    assertEquals("the same figure", Disputes.of(fact("F1", "divergent",
        claim("a.txt", "count", "600", Optional.of(new Qualifier("more than", Qualifier.Bound.AT_LEAST))),
        claim("b.txt", "count", "600", Optional.of(new Qualifier("about", Qualifier.Bound.ABOUT))))).orElseThrow().size().words());
    assertEquals("one figure is zero", Disputes.of(fact("F2", "conflict", claim("a.txt", "count", "0"),
        claim("b.txt", "count", "12"))).orElseThrow().size().words());
    // different currencies with no stated conversion: nothing to set against each other
    assertTrue(Disputes.of(fact("F3", "divergent", claim("a.txt", "money", "5 USD"), claim("b.txt", "money", "5 EUR"))).isEmpty());
    // a stated conversion makes them comparable
    StoredFindings.Claim converted = new StoredFindings.Claim("c.txt", 0, 4, "text", new StoredFindings.Value("money", "text",
        "587000000 EUR", Optional.empty(), List.of("618000000 USD")), Optional.empty(), "", "article");
    Disputes.Dispute d = Disputes.of(fact("F4", "conflict", claim("a.txt", "money", "309000000 USD"), converted)).orElseThrow();
    assertEquals(new Disputes.Ratio(new BigDecimal("618000000"), new BigDecimal("309000000")), d.size());
    assertEquals("the largest is 2 times the smallest", d.size().words());
    assertEquals("the largest is 12 times the smallest", new Disputes.Ratio(new BigDecimal("120"), BigDecimal.TEN).words());
  }
}
