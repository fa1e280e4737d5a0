package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dossier.core.DocumentId;
import org.dossier.core.EntityType;
import org.dossier.core.Qualifier;
import org.dossier.core.Quantity;
import org.dossier.core.Span;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;
import org.junit.jupiter.api.Test;

/**
 * The decoder is the encoder's inverse: a small link result built in code (invented outlets,
 * documents and people), encoded by {@link Findings#of}, and every stored row decoded back into
 * {@link StoredFindings} records that carry the same values as the result they came from.
 */
class StoredFindingsTest {
  private static final DocumentId LEDGER = id('a');
  private static final DocumentId HERALD = id('b');
  private static final DocumentId CONTRACT = id('c');
  private static final DocumentId DRAFT = id('d');

  private static DocumentId id(char c) {
    return new DocumentId(String.valueOf(c).repeat(64));
  }

  private static final Frame FRAME = new Frame("money", Set.of(), List.of(), new float[0]);

  private static Claim claim(DocumentId doc, int start, String quote, Claim.Stated stated, Optional<String> by,
      String subject, String property, boolean draft) {
    return new Claim(doc, new Span(start, start + quote.length()), quote, new Span(0, start + quote.length() + 10),
        "In context: " + quote + ".", stated, by, subject, property, draft, FRAME);
  }

  private static Claim.Measure money(String amount, String currency, String text, Optional<Qualifier> q, Value... alternates) {
    return new Claim.Measure(new ValueMention(new Span(0, text.length()), text,
        new Value.Money(Quantity.of(new BigDecimal(amount)), currency), q), List.of(alternates));
  }

  private static Claim.Measure date(String iso, String text, Optional<Qualifier> q) {
    return new Claim.Measure(new ValueMention(new Span(0, text.length()), text, new Value.Date(iso, false), q), List.of());
  }

  private static Claim.Measure count(String n, String text) {
    return new Claim.Measure(new ValueMention(new Span(0, text.length()), text,
        new Value.Things(Quantity.of(new BigDecimal(n)), "boats"), Optional.empty()), List.of());
  }

  /** Two articles, a contract and its draft, about an invented sale of boats. */
  static Linker.Result result() {
    Claim ledgerPrice = claim(LEDGER, 120, "more than $210 million ($195m)",
        money("210000000", "USD", "more than $210 million ($195m)", Optional.of(new Qualifier("more than", Qualifier.Bound.AT_LEAST)),
            new Value.Money(Quantity.of(new BigDecimal("195000000")), "EUR")),
        Optional.of("the ministry"), "the sale", "amount", false);
    Claim contractPrice = claim(CONTRACT, 300, "USD 584,000,000", money("584000000", "USD", "USD 584,000,000", Optional.empty()),
        Optional.empty(), "the sale", "amount", false);
    Claim draftPrice = claim(DRAFT, 310, "USD 600,000,000", money("600000000", "USD", "USD 600,000,000", Optional.empty()),
        Optional.empty(), "the sale", "amount", true);
    Claim ledgerSigned = claim(LEDGER, 40, "in 2024", date("2024", "in 2024", Optional.empty()), Optional.empty(),
        "agreement", "date", false);
    Claim contractSigned = claim(CONTRACT, 50, "3 March 2026", date("2026-03-03", "3 March 2026", Optional.empty()),
        Optional.empty(), "agreement", "date", false);
    Claim heraldBoats = claim(HERALD, 70, "20 fast attack boats", count("20", "20 fast attack boats"),
        Optional.of("Ilse Marrow"), "Vesta-class", "number", false);
    Claim contractBoats = claim(CONTRACT, 90, "18 boats", count("18", "18 boats"), Optional.empty(), "Vesta-class", "number", false);
    Claim named = claim(HERALD, 10, "Ilse Marrow", new Claim.Named("Ilse Marrow", EntityType.PERSON, "Ilse Marrow"),
        Optional.empty(), "Ilse Marrow", "named", false);
    Claim said = claim(LEDGER, 200, "The boats will sail in spring.", new Claim.Said("The boats will sail in spring."),
        Optional.of("Ilse Marrow"), "The boats will sail in spring.", "statement", false);

    List<Fact> facts = List.of(
        new Fact("F1", "S1", "the sale", "amount", "divergent", "compatible only under the qualifier \"more than\"",
            List.of(ledgerPrice, contractPrice, draftPrice)),
        new Fact("F2", "S1", "agreement", "date", "conflict", "different years (2024, 2026-03-03)",
            List.of(ledgerSigned, contractSigned)),
        new Fact("F3", "S1", "Vesta-class", "number", "conflict", "different values (20, 18)", List.of(heraldBoats, contractBoats)),
        new Fact("F4", "S1", "Ilse Marrow", "named", "single", "one source", List.of(named)),
        new Fact("F5", "S1", "The boats will sail in spring.", "statement", "single", "one source", List.of(said)));

    Map<DocumentId, Genre> genres = new LinkedHashMap<>();
    genres.put(LEDGER, new Genre("article", Optional.of("Harbour Ledger"), List.of("byline")));
    genres.put(HERALD, new Genre("article", Optional.empty(), List.of("attributed statements")));
    genres.put(CONTRACT, new Genre("contract", Optional.empty(), List.of("the parties agree")));
    genres.put(DRAFT, new Genre("contract", Optional.empty(), List.of("the parties agree")));
    Map<DocumentId, String> names = Map.of(LEDGER, "press/2026-03-03_harbour-ledger.txt", HERALD, "press/herald.txt",
        CONTRACT, "cache/contract.txt", DRAFT, "cache/contract_draft.txt");
    Map<DocumentId, LocalDate> dates = Map.of(LEDGER, LocalDate.parse("2026-03-03"), CONTRACT, LocalDate.parse("2026-03-03"));
    Map<DocumentId, String> headlines = Map.of(LEDGER, "Tessaly to sell fast attack boats to Ostrava", CONTRACT, "CONTRACT No. 44");
    Evidence credit = new Evidence("press/herald.txt", 0, 22, "(Harbour Ledger) — The", "");
    Evidence shared = new Evidence("press/herald.txt", 70, 90, "20 fast attack boats", "the same figure as press/2026-03-03_harbour-ledger.txt");
    List<Provenance> sources = List.of(
        new Provenance(LEDGER, "original", genres.get(LEDGER), List.of(), List.of()),
        new Provenance(HERALD, "rewrite", genres.get(HERALD), List.of(
            new SourceLink("press/2026-03-03_harbour-ledger.txt", Optional.of(LEDGER), "rewrites", List.of(shared)),
            new SourceLink("Radio Kestrel", Optional.empty(), "shares-source", List.of())), List.of(credit)),
        new Provenance(CONTRACT, "original", genres.get(CONTRACT), List.of(), List.of()),
        new Provenance(DRAFT, "original", genres.get(DRAFT), List.of(), List.of()));
    List<Story> stories = List.of(new Story("S1", "Tessaly to sell fast attack boats to Ostrava", List.of(LEDGER, HERALD, CONTRACT, DRAFT)));
    List<Claim> claims = new ArrayList<>();
    facts.forEach(f -> claims.addAll(f.claims()));
    return new Linker.Result(stories, facts, sources, genres, names, claims, new HashMap<>(dates), new HashMap<>(headlines));
  }

  /** What the decoder should give for a claim of the result: written out here, not by the encoder. */
  private static StoredFindings.Claim expected(Linker.Result r, Claim c) {
    List<String> alternates = c.measure().map(m -> m.alternates().stream().map(Value::normalized).toList()).orElse(List.of());
    StoredFindings.Value v = new StoredFindings.Value(c.stated().kind(), c.stated().text(), c.stated().normalized(),
        c.qualifier(), alternates);
    java.util.Set<String> events = new java.util.HashSet<>();
    for (String h : c.frame().head()) {
      if (h.startsWith("x:") && !h.startsWith("x:period-")) {
        events.add(h.substring(2));
      }
    }
    StoredFindings.Reading reading = new StoredFindings.Reading(c.sentence().start(), c.sentence().end(), events,
        c.stated() instanceof Claim.Named n ? Optional.of(n.type().code()) : Optional.empty(), c.draftDocument());
    return new StoredFindings.Claim(r.names().get(c.document()), c.span().start(), c.span().end(), c.quote(), v,
        c.attributedTo(), c.context(), r.genres().get(c.document()).kind(), reading);
  }

  private static StoredFindings.Evidence expected(Evidence e) {
    return new StoredFindings.Evidence(e.document(), e.start(), e.end(), e.quote(),
        e.note().isEmpty() ? Optional.empty() : Optional.of(e.note()));
  }

  private static List<Findings.Row> rows(Linker.Result r, String kind) {
    return Findings.of(r).stream().filter(x -> x.kind().equals(kind)).toList();
  }

  /** Each row as the store keeps it: its text, read back. */
  private static JsonNode stored(Findings.Row row) {
    return StoredFindings.tree(row.json().toString());
  }

  @Test
  void storiesComeBackWithTheirDocumentsAndGenres() {
    Linker.Result r = result();
    List<Findings.Row> rows = rows(r, Findings.STORY);
    assertEquals(1, rows.size());
    StoredFindings.Story s = StoredFindings.story(stored(rows.get(0)));
    assertEquals("S1", s.id());
    assertEquals("Tessaly to sell fast attack boats to Ostrava", s.title());
    List<StoredFindings.Member> members = new ArrayList<>();
    for (DocumentId d : r.stories().get(0).documents()) {
      members.add(new StoredFindings.Member(r.names().get(d), r.genres().get(d).kind()));
    }
    assertEquals(members, s.documents());
  }

  @Test
  void factsComeBackWithEveryClaimValueQualifierAndAttribution() {
    Linker.Result r = result();
    List<Findings.Row> rows = rows(r, Findings.FACT);
    assertEquals(r.facts().size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Fact f = r.facts().get(i);
      StoredFindings.Fact d = StoredFindings.fact(stored(rows.get(i)));
      assertEquals(new StoredFindings.Fact(f.id(), f.story(), f.subject(), f.property(), f.status(), f.explanation(),
          f.claims().stream().map(c -> expected(r, c)).toList()), d);
    }
    StoredFindings.Claim price = StoredFindings.fact(stored(rows.get(0))).claims().get(0);
    assertEquals(Optional.of(new Qualifier("more than", Qualifier.Bound.AT_LEAST)), price.value().qualifier());
    assertEquals(List.of("195000000 EUR"), price.value().alternates());
    assertEquals(Optional.of(new BigDecimal("210000000")), price.value().number());
    assertEquals(Optional.of("USD"), price.value().currency());
    assertEquals(Optional.of(new BigDecimal("195000000")), price.value().amountIn("EUR"));
    assertEquals(Optional.of("the ministry"), price.attributedTo());
    assertTrue(price.press());
    StoredFindings.Claim draft = StoredFindings.fact(stored(rows.get(0))).claims().get(2);
    assertEquals(Optional.of(new Qualifier("in a draft", Qualifier.Bound.PRELIMINARY)), draft.value().qualifier());
    assertFalse(draft.press());
    StoredFindings.Claim named = StoredFindings.fact(stored(rows.get(3))).claims().get(0);
    assertEquals("name", named.value().kind());
    assertEquals(Optional.empty(), named.value().number());
  }

  @Test
  void sourcesComeBackWithOutletHeadlineDateLinksAndEvidence() {
    Linker.Result r = result();
    List<Findings.Row> rows = rows(r, Findings.SOURCE);
    assertEquals(r.sources().size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Provenance p = r.sources().get(i);
      List<StoredFindings.Link> links = p.links().stream().map(l -> new StoredFindings.Link(l.to(), l.relation(),
          l.toDocument().isPresent(), l.evidence().stream().map(StoredFindingsTest::expected).toList(),
          l.target(p.document()))).toList();
      StoredFindings.Source want = new StoredFindings.Source(r.names().get(p.document()), p.kind(), p.genre().kind(),
          p.genre().outlet(), Optional.ofNullable(r.headlines().get(p.document())),
          Optional.ofNullable(r.dates().get(p.document())), links,
          p.evidence().stream().map(StoredFindingsTest::expected).toList());
      assertEquals(want, StoredFindings.source(stored(rows.get(i))));
    }
    StoredFindings.Source herald = StoredFindings.source(stored(rows.get(1)));
    assertEquals(Optional.empty(), herald.outlet());
    assertEquals(Optional.empty(), herald.date());
    assertTrue(herald.links().get(0).inCase());
    assertFalse(herald.links().get(1).inCase());
    assertEquals(Optional.of("the same figure as press/2026-03-03_harbour-ledger.txt"), herald.links().get(0).evidence().get(0).note());
  }

  @Test
  void timelineEventsComeBackWithTheirDatesSideBySide() {
    Linker.Result r = result();
    List<StoredFindings.Event> events = rows(r, Findings.EVENT).stream().map(x -> StoredFindings.event(stored(x))).toList();
    assertEquals(List.of("2024", "2026-03-03"), events.stream().map(StoredFindings.Event::date).toList());
    Fact agreement = r.facts().get(1);
    for (StoredFindings.Event e : events) {
      assertEquals("agreement", e.what());
      assertEquals("F2", e.fact());
      assertEquals("S1", e.story());
      assertEquals("conflict", e.status());
      assertEquals(1, e.alongside().size());
      assertFalse(e.alongside().contains(e.date()));
      Claim c = agreement.claims().stream().filter(x -> x.stated().normalized().equals(e.date())).findFirst().orElseThrow();
      assertEquals(List.of(expected(r, c)), e.claims());
    }
  }

  @Test
  void coverageClaimsComeBackWithTheCacheClaimsTheyRestOn() {
    Linker.Result r = result();
    List<Findings.Row> rows = rows(r, Findings.COVERAGE);
    assertEquals(3, rows.size(), rows::toString); // the press figures and date, each against the contract
    Map<String, StoredFindings.Coverage> byQuote = new HashMap<>();
    for (Findings.Row row : rows) {
      StoredFindings.Coverage c = StoredFindings.coverage(stored(row));
      byQuote.put(c.claim().quote(), c);
    }
    Claim boats = r.facts().get(2).claims().get(0);
    StoredFindings.Coverage boatsCoverage = byQuote.get(boats.quote());
    assertEquals(expected(r, boats), boatsCoverage.claim());
    assertEquals("contradicted", boatsCoverage.status());
    assertEquals("Vesta-class", boatsCoverage.subject());
    assertEquals("number", boatsCoverage.property());
    assertEquals(List.of(expected(r, r.facts().get(2).claims().get(1))), boatsCoverage.evidence());
    assertTrue(boatsCoverage.explanation().isPresent());
    Claim price = r.facts().get(0).claims().get(0);
    assertEquals(expected(r, price), byQuote.get(price.quote()).claim());
  }

  @Test
  void aRowWithoutARequiredFieldSaysWhichField() {
    JsonNode row = StoredFindings.tree("{\"id\":\"F1\",\"story\":\"S1\",\"subject\":\"x\",\"property\":\"date\","
        + "\"status\":\"single\",\"explanation\":\"\",\"claims\":[{\"document\":\"a.txt\",\"quote\":\"2024\",\"start\":0}]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoredFindings.fact(row));
    assertTrue(e.getMessage().contains("\"end\""), e::getMessage);
    assertThrows(IllegalArgumentException.class, () -> StoredFindings.tree("{not json"));
  }
}
