package org.dossier.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dossier.core.Qualifier;
import org.dossier.link.StoredFindings;
import org.junit.jupiter.api.Test;

/**
 * How the transfers register reads a deal's money from facts the link stage grouped: the facts
 * are built by hand here (fictional parties, equipment and outlets), so each rule is tested on
 * its own, each with a control that differs only where the rule looks.
 */
class TransfersReadingTest {
  /** Hand-made findings of one story: texts, and claims placed by their quotes. */
  static final class Story {
    final Map<String, String> texts = new HashMap<>();
    final Map<String, List<StoredFindings.Claim>> facts = new java.util.LinkedHashMap<>();

    Story text(String document, String text) {
      texts.put(document, text);
      return this;
    }

    /** A claim of fact {@code fact}: the {@code nth} occurrence of {@code quote} in the document. */
    Story claim(String fact, String document, String quote, String kind, String normalized,
        Optional<Qualifier> qualifier, Set<String> events, Optional<String> entityType) {
      String text = texts.get(document);
      int start = text.indexOf(quote);
      if (start < 0) {
        throw new IllegalArgumentException(quote + " not in " + document);
      }
      int end = start + quote.length();
      int stop = text.lastIndexOf(". ", start);
      int sentenceStart = Math.max(stop < 0 ? 0 : stop + 2, text.lastIndexOf('\n', start) + 1);
      int dot = text.indexOf(". ", end);
      int sentenceEnd = dot < 0 ? text.length() : dot + 1;
      StoredFindings.Value v = new StoredFindings.Value(kind, quote, normalized, qualifier, List.of());
      StoredFindings.Reading r = new StoredFindings.Reading(sentenceStart, sentenceEnd, events, entityType, false);
      facts.computeIfAbsent(fact, k -> new ArrayList<>()).add(new StoredFindings.Claim(document, start, end, quote, v,
          Optional.empty(), text.substring(sentenceStart, sentenceEnd), "article", r));
      return this;
    }

    Story money(String fact, String document, String quote, String normalized, Set<String> events) {
      return claim(fact, document, quote, "money", normalized, Optional.empty(), events, Optional.empty());
    }

    Story moneyAtLeast(String fact, String document, String quote, String normalized, Set<String> events) {
      return claim(fact, document, quote, "money", normalized, Optional.of(new Qualifier("more than", Qualifier.Bound.AT_LEAST)),
          events, Optional.empty());
    }

    Story name(String fact, String document, String quote, String type) {
      return claim(fact, document, quote, "name", quote, Optional.empty(), Set.of(), Optional.of(type));
    }

    List<Transfer> register() throws java.io.IOException {
      return Transfers.of(new Transfers.Input(streams(List.of()), texts()));
    }

    /** The story as S1's findings, beside another story S2 of {@code others} (whose sources are given). */
    org.dossier.link.FindingStreams streams(List<StoredFindings.Source> sources, String... others) {
      List<StoredFindings.Fact> out = new ArrayList<>();
      facts.forEach((id, claims) -> {
        boolean differ = claims.stream().map(c -> c.value().normalized()).distinct().count() > 1;
        out.add(new StoredFindings.Fact(id, "S1", id, claims.get(0).value().kind().equals("name") ? "name" : "amount",
            differ ? "conflict" : claims.size() > 1 ? "agree" : "single", differ ? "the sources give other values" : "", claims));
      });
      List<StoredFindings.Member> members = texts.keySet().stream().sorted().map(d -> new StoredFindings.Member(d, "article")).toList();
      StoredFindings.Story story = new StoredFindings.Story("S1", "a deal", members);
      StoredFindings.Story other = new StoredFindings.Story("S2", "another",
          java.util.Arrays.stream(others).map(d -> new StoredFindings.Member(d, "article")).toList());
      return org.dossier.link.FindingStreams.of(List.of(story, other), out, sources, List.of(), List.of(), List.of());
    }

    Texts texts() {
      return d -> Optional.ofNullable(texts.get(d)).map(x -> new Texts.Text(x, "en"));
    }
  }

  /** A cell's values, normalized, a bound marked "> ". */
  private static List<String> values(Transfer t, Column c) {
    return t.cell(c).values().stream().map(e -> (e.value().flatMap(StoredFindings.Value::qualifier).isPresent() ? "> " : "")
        + e.text()).toList();
  }

  private static List<String> normalized(Transfer t, Column c) {
    return t.cell(c).values().stream().map(Entry::text).toList();
  }

  private static final Set<String> DEAL = Set.of("deal");

  /** Two outlets tell a boat sale; one also gives what the boats in service cost to run. */
  private static Story boats(String running) {
    String a = "Kestrel Arms will sell 12 Harrow-9 patrol boats to Ostrava for $240 million. "
        + "Ostrava buys the boats from Kestrel Arms while its old fleet costs $3 million " + running + " to keep afloat.";
    String b = "Ostrava agreed to buy patrol boats from Kestrel Arms for $250 million. "
        + "Kestrel Arms sells Ostrava boats as its old fleet costs $3 million " + running + " to keep afloat.";
    String c = "Kestrel Arms sells new boats to Ostrava because the old fleet costs $3 million " + running + " to keep afloat.";
    return new Story().text("a.txt", a).text("b.txt", b).text("c.txt", c)
        .name("N1", "a.txt", "Kestrel Arms", "organization").name("N1", "b.txt", "Kestrel Arms", "organization")
        .name("N1", "c.txt", "Kestrel Arms", "organization")
        .name("N2", "a.txt", "Ostrava", "place").name("N2", "b.txt", "Ostrava", "place").name("N2", "c.txt", "Ostrava", "place")
        .money("price", "a.txt", "$240 million", "240000000 USD", DEAL)
        .money("price", "b.txt", "$250 million", "250000000 USD", DEAL)
        .money("running", "a.txt", "$3 million", "3000000 USD", Set.of())
        .money("running", "b.txt", "$3 million", "3000000 USD", Set.of())
        .money("running", "c.txt", "$3 million", "3000000 USD", Set.of());
  }

  @Test
  void anAmountPerMonthIsARateNotThePrice() throws java.io.IOException {
    Transfer t = boats("per month").register().get(0);
    assertEquals(List.of("240000000 USD", "250000000 USD"), normalized(t, Column.VALUE), t.toString());
    assertEquals("conflict", t.cell(Column.VALUE).status());
    Transfer yearly = boats("annually").register().get(0);
    assertEquals(List.of("240000000 USD", "250000000 USD"), normalized(yearly, Column.VALUE), yearly.toString());
  }

  @Test
  void controlTheSameAmountWithoutAPeriodIsReadAsAnotherPrice() throws java.io.IOException {
    // the running cost is then an amount of the deal's sentences like any other, and the one
    // most documents give: what the rate rule keeps out
    Transfer t = boats("in all").register().get(0);
    assertEquals(List.of("3000000 USD"), normalized(t, Column.VALUE), t.toString());
  }

  /** A package's total, and a comparison with what the same supplier sold the same buyer before. */
  private static Story pack(String earlierFact) {
    String a = "Kestrel Arms will sell Ostrava arms worth $11 billion. "
        + "Kestrel Arms sold Ostrava $9 billion over the previous decade.";
    String b = "Ostrava buys arms from Kestrel Arms for more than $10 billion.";
    String c = "Kestrel Arms sells Ostrava a package of $11 billion.";
    return new Story().text("a.txt", a).text("b.txt", b).text("c.txt", c)
        .name("N1", "a.txt", "Kestrel Arms", "organization").name("N1", "b.txt", "Kestrel Arms", "organization")
        .name("N1", "c.txt", "Kestrel Arms", "organization")
        .name("N2", "a.txt", "Ostrava", "place").name("N2", "b.txt", "Ostrava", "place").name("N2", "c.txt", "Ostrava", "place")
        .money("total", "a.txt", "$11 billion", "11000000000 USD", DEAL)
        .moneyAtLeast("total", "b.txt", "more than $10 billion", "10000000000 USD", DEAL)
        .money("other", "c.txt", "$11 billion", "11000000000 USD", DEAL)
        .money(earlierFact, "a.txt", "$9 billion", "9000000000 USD", DEAL);
  }

  @Test
  void anAmountOfAnotherSizeInAFactBesideThePriceIsNotThePrice() throws java.io.IOException {
    Transfer t = pack("other").register().get(0);
    List<String> v = values(t, Column.VALUE);
    assertEquals(List.of("11000000000 USD", "> 10000000000 USD"), v, t.toString());
    // the same amount in the other fact is the price again: its citation joins
    long cited = t.cell(Column.VALUE).values().get(0).citations().stream().map(Citation::document).distinct().count();
    assertEquals(2, cited, t.toString());
  }

  @Test
  void controlTheSameAmountInThePricesOwnFactIsAReadingOfThePrice() throws java.io.IOException {
    // the link stage put it with the price: another outlet's reading of it, shown as disputed
    Transfer t = pack("total").register().get(0);
    assertEquals(List.of("11000000000 USD", "> 10000000000 USD", "9000000000 USD"), values(t, Column.VALUE), t.toString());
  }

  @Test
  void anAmountOfThePricesSizeInAFactAboutTheContractIsAReadingOfThePrice() throws java.io.IOException {
    // the other fact is about the contract itself ("the contract's sum"): another outlet's figure
    Transfer t = pack("contract").register().get(0);
    assertEquals(List.of("11000000000 USD", "> 10000000000 USD", "9000000000 USD"), values(t, Column.VALUE), t.toString());
  }

  /** Another supplier's sale to the same buyer in the story; a sentence citing it. */
  private static Story rival(String cited) {
    return new Story()
        .text("a.txt", "Kestrel Arms will sell boats to Ostrava for $240 million.")
        .text("b.txt", "Kestrel Arms will sell boats to Ostrava.")
        .text("c.txt", "Vantor Group will sell trucks to Ostrava.")
        .text("d.txt", cited)
        .name("N1", "a.txt", "Kestrel Arms", "organization").name("N1", "b.txt", "Kestrel Arms", "organization")
        .name("N2", "a.txt", "Ostrava", "place").name("N2", "b.txt", "Ostrava", "place").name("N2", "c.txt", "Ostrava", "place")
        .name("N3", "c.txt", "Vantor Group", "organization").name("N3", "d.txt", "Vantor Group", "organization")
        .money("price", "a.txt", "$240 million", "240000000 USD", DEAL)
        .money("price", "d.txt", "$250 million", "250000000 USD", DEAL);
  }

  @Test
  void aSentenceNamingAnotherSupplierAndThisDealsPartiesByAnySpellingIsThisDeals() throws java.io.IOException {
    // only Vantor Group is read as a name in d.txt; the deal's parties are spelled there all the same
    Transfer t = rival("Vantor Group says the contract of Kestrel Arms with Ostrava is worth $250 million.").register().get(0);
    assertEquals(List.of("240000000 USD", "250000000 USD"), normalized(t, Column.VALUE), t.toString());
  }

  @Test
  void controlASentenceNamingOnlyAnotherSupplierGivesNothing() throws java.io.IOException {
    Transfer t = rival("Vantor Group says the contract is worth $250 million.").register().get(0);
    assertEquals(List.of("240000000 USD"), normalized(t, Column.VALUE), t.toString());
  }

  /** A contract for deliveries whose sum the link stage read beside "delivery"; a payment beside it. */
  @Test
  void aSumReadBesideADeliveryIsThePriceAPaymentIsNot() throws java.io.IOException {
    String a = "Kestrel Arms signed a contract with Ostrava for the delivery of boats worth $70 million. "
        + "Kestrel Arms will sell Ostrava the boats after Ostrava pays $5 million.";
    Transfer t = new Story().text("a.txt", a)
        .name("N1", "a.txt", "Kestrel Arms", "organization").name("N2", "a.txt", "Ostrava", "place")
        .money("price", "a.txt", "$70 million", "70000000 USD", Set.of("delivery"))
        .money("paid", "a.txt", "$5 million", "5000000 USD", Set.of("payment"))
        .register().get(0);
    assertEquals(List.of("70000000 USD"), normalized(t, Column.VALUE), t.toString());
    assertEquals(List.of("5000000 USD"), normalized(t, Column.COMMENTS), t.toString());
  }

  /** Payments: an advance under the contract, and a court's award to other people. */
  @Test
  void aPaymentOnlyAContractMakesIsTheDealsACourtsAwardIsNot() throws java.io.IOException {
    String a = "Kestrel Arms will sell boats to Ostrava for $30 million. "
        + "Ostrava made an advance payment of $8 million. "
        + "A court required Ostrava to pay $2 billion to former shareholders of a mine.";
    Transfer t = new Story().text("a.txt", a)
        .name("N1", "a.txt", "Kestrel Arms", "organization").name("N2", "a.txt", "Ostrava", "place")
        .money("price", "a.txt", "$30 million", "30000000 USD", DEAL)
        .money("advance", "a.txt", "$8 million", "8000000 USD", Set.of("payment"))
        .money("award", "a.txt", "$2 billion", "2000000000 USD", Set.of("payment"))
        .register().get(0);
    assertEquals(List.of("8000000 USD"), normalized(t, Column.COMMENTS), t.toString());
  }

  /** A story's row alone (report --story) is the row of the whole case's register: an outlet of another story's document is no party. */
  @Test
  void aStorysRowAloneWeighsItsNamesAgainstTheWholeCasesOutlets() throws java.io.IOException {
    Story st = new Story().text("a.txt", "Kestrel Arms will sell boats to Gull Wire and Ostrava for $240 million.")
        .name("N1", "a.txt", "Kestrel Arms", "organization").name("N2", "a.txt", "Ostrava", "place")
        .name("N3", "a.txt", "Gull Wire", "organization")
        .money("price", "a.txt", "$240 million", "240000000 USD", DEAL);
    // Gull Wire is the outlet of a document of another story
    org.dossier.link.FindingStreams whole = st.streams(List.of(new StoredFindings.Source("z.txt", "original", "article",
        Optional.of("Gull Wire"), Optional.empty(), Optional.empty(), List.of(), List.of())), "z.txt");
    Transfer all = Transfers.of(new Transfers.Input(whole, st.texts())).get(0);
    Transfer one = Transfers.of(new Transfers.Input(whole, st.texts(), Optional.of("S1"))).get(0);
    assertEquals(List.of("Ostrava"), normalized(all, Column.RECIPIENT), all.toString());
    assertEquals(all, one, "the story's row alone, as in the whole register");
    Transfer blind = Transfers.of(new Transfers.Input(whole.story("S1"), st.texts())).get(0);
    assertEquals(List.of("Gull Wire"), normalized(blind, Column.RECIPIENT),
        "control: read against the story's own sources only, the outlet passes for the recipient");
  }
}
