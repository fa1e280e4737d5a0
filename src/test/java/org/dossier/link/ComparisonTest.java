package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.dossier.core.DocumentId;
import org.dossier.core.Qualifier;
import org.dossier.core.Qualifier.Bound;
import org.dossier.core.Quantity;
import org.dossier.core.Span;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;
import org.dossier.link.Comparison.Verdict;
import org.junit.jupiter.api.Test;

/** The rules by which two claims about the same thing agree, diverge or conflict. */
class ComparisonTest {
  private static final DocumentId DOC = new DocumentId("a".repeat(64));

  private static Claim claim(Value v, Bound bound, String qualifier, List<Value> alternates, boolean draft) {
    Optional<Qualifier> q = bound == null ? Optional.empty() : Optional.of(new Qualifier(qualifier, bound));
    ValueMention m = new ValueMention(new Span(0, 1), v.normalized(), v, q);
    return new Claim(DOC, new Span(0, 1), "x", new Span(0, 1), "x", new Claim.Measure(m, alternates), Optional.empty(),
        "s", "p", draft, Frame.of(v.kind(), java.util.Set.of(), java.util.Map.of()));
  }

  private static Claim claim(Value v) {
    return claim(v, null, "", List.of(), false);
  }

  private static Value count(String n) {
    return new Value.Count(Quantity.of(new BigDecimal(n)), "pages");
  }

  private static Value usd(String n) {
    return new Value.Money(Quantity.of(new BigDecimal(n)), "USD");
  }

  private static Value date(String iso) {
    return new Value.Date(iso, false);
  }

  private static Verdict verdict(Claim a, Claim b) {
    Verdict v = Comparison.compare(a, b).verdict();
    assertEquals(v, Comparison.compare(b, a).verdict(), "the comparison is not symmetric");
    return v;
  }

  @Test
  void roundingAgrees() {
    assertEquals(Verdict.AGREE, verdict(claim(count("800"), Bound.ABOUT, "about", List.of(), false), claim(count("800"))));
    assertEquals(Verdict.AGREE, verdict(claim(count("800"), Bound.ABOUT, "about", List.of(), false), claim(count("830"))));
    assertEquals(Verdict.AGREE, verdict(claim(usd("210000000")), claim(usd("212000000"))));
    assertEquals(Verdict.CONFLICT, verdict(claim(count("24")), claim(count("26"))));
    assertEquals(Verdict.CONFLICT, verdict(claim(count("600"), Bound.ABOUT, "about", List.of(), false), claim(count("800"))));
  }

  @Test
  void aRoundedFigureIsTheExactOneRoundedAtItsLastDigit() {
    // to the nearest, or down
    assertEquals(Verdict.AGREE, verdict(claim(usd("5430000000")), claim(usd("5400000000"))));
    assertEquals(Verdict.AGREE, verdict(claim(usd("5460000000")), claim(usd("5500000000"))));
    assertEquals(Verdict.AGREE, verdict(claim(usd("5460000000")), claim(usd("5400000000"))));
    assertEquals(Verdict.AGREE, verdict(claim(usd("214000000")), claim(usd("210000000"))));
    // near misses: close, but no rounding of the other (5.43 is 5.4, not 5.5), and two exact figures
    assertEquals(Verdict.CONFLICT, verdict(claim(usd("5430000000")), claim(usd("5500000000"))));
    assertEquals(Verdict.CONFLICT, verdict(claim(usd("5430000000")), claim(usd("5410000000"))));
  }

  @Test
  void boundsAndPreliminaryValuesAreDivergent() {
    Claim moreThan = claim(usd("210000000"), Bound.AT_LEAST, "more than", List.of(), false);
    assertEquals(Verdict.DIVERGENT, verdict(moreThan, claim(usd("584000000"), Bound.PRELIMINARY, "before it was finalized", List.of(), false)));
    assertEquals(Verdict.DIVERGENT, verdict(moreThan, claim(usd("312000000"))));
    assertEquals(Verdict.CONFLICT, verdict(moreThan, claim(usd("150000000"))));
    assertEquals(Verdict.DIVERGENT, verdict(claim(count("26"), null, "", List.of(), true), claim(count("24"))));
    assertEquals(Verdict.AGREE, verdict(claim(count("26"), null, "", List.of(), true), claim(count("26"))));
  }

  @Test
  void aStatedConversionIsTheSameValue() {
    Value eur = new Value.Money(Quantity.of(new BigDecimal("555000000")), "EUR");
    assertEquals(Verdict.AGREE, verdict(claim(usd("584000000"), null, "", List.of(eur), false), claim(eur)));
    assertEquals(Verdict.DIVERGENT, verdict(claim(usd("584000000")), claim(eur)));
  }

  @Test
  void dateGranularity() {
    assertEquals(Verdict.CONFLICT, verdict(claim(date("2023")), claim(date("2024-10"))));
    assertEquals(Verdict.AGREE, verdict(claim(date("2025-09")), claim(date("2025-09-26"))));
    assertEquals(Verdict.CONFLICT, verdict(claim(date("2025-09-12")), claim(date("2025-09-26"))));
    assertEquals(Verdict.DIVERGENT, verdict(claim(date("2027"), Bound.BY, "by", List.of(), false), claim(date("2026"))));
    assertEquals(Verdict.CONFLICT, verdict(claim(date("2027"), Bound.BY, "by", List.of(), false), claim(date("2028"))));
    assertEquals(Verdict.AGREE, verdict(claim(date("2025-06"), Bound.BY, "by the end of", List.of(), false),
        claim(date("2025-06-30"), Bound.BY, "by", List.of(), false)));
  }

  @Test
  void aDecadeHoldsItsYears() {
    assertEquals(Verdict.AGREE, verdict(claim(date("1960s")), claim(date("1964"))));
    assertEquals(Verdict.AGREE, verdict(claim(date("1960s")), claim(date("1969-11-02"))));
    assertEquals(Verdict.CONFLICT, verdict(claim(date("1960s")), claim(date("1970"))));
    assertEquals(Verdict.CONFLICT, verdict(claim(date("1960s")), claim(date("1950s"))));
    assertEquals(Verdict.DIVERGENT, verdict(claim(date("1960s"), Bound.FROM, "since", List.of(), false), claim(date("1975"))));
    assertEquals(Verdict.CONFLICT, verdict(claim(date("1960s"), Bound.BY, "until", List.of(), false), claim(date("1975"))));
  }
}
