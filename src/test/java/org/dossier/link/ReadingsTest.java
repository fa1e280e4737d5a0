package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.analyze.DocumentAnalyzer;
import org.dossier.analyze.Gazetteer;
import org.dossier.core.Annotations;
import org.dossier.core.EntityMention;
import org.junit.jupiter.api.Test;

/**
 * How the link stage reads a document before it compares it with others: its genre, and the
 * names the rest of the case taught it. Each rule beside its near miss; every text invented.
 */
class ReadingsTest {
  private static final DocumentAnalyzer ANALYZER = new DocumentAnalyzer(Gazetteer.load(List.of()));

  private static Genre genre(String text, String language) {
    Annotations a = ANALYZER.analyze(text, language, Optional.empty()).annotations();
    return Genre.of(text, language, "text/plain", Map.of(), a);
  }

  @Test
  void aNewsArticleAboutAContractIsAnArticleAndTheContractIsNot() {
    String article = "The Telmar shipyard signed a contract with the Orvanian navy on Monday to build 12 patrol boats,"
        + " the ministry said in a statement. The contract is worth about 300 million dollars, officials said.\n"
        + "Under the agreement, the first boat will be delivered in 2033, according to the shipyard's director.\n";
    assertEquals("article", genre(article, "en").kind(), genre(article, "en")::toString);
    String contract = "CONTRACT No. 44/17-TS\n"
        + "Telmar Shipyard (hereinafter the Supplier)\n"
        + "Orvanian Navy (hereinafter the Buyer)\n"
        + "1. Subject: 12 patrol boats\n"
        + "2. Price: 300,000,000 USD\n"
        + "3. Delivery: 2033\n";
    assertFalse(genre(contract, "en").press(), genre(contract, "en")::toString);
  }

  @Test
  void proseIsRunningSentencesNotFieldsOrTables() {
    assertTrue(Genre.prose("Die Werft in Telmar hat am Montag einen Vertrag über zwölf Patrouillenboote unterschrieben, teilte das Ministerium mit.\n"
        + "Das erste Boot soll im Jahr 2033 geliefert werden, sagte der Direktor der Werft am Dienstag in der Hauptstadt."));
    assertFalse(Genre.prose("Item | Quantity | Price\nPatrol boat | 12 | 25,000,000\nSpare parts | 1 | 4,000,000\n"));
  }

  @Test
  void aNameTheCaseKnowsIsFoundInADocumentThatDidNotMarkItAndShortOnesAreNot() {
    Gazetteer names = CaseNames.of(Map.of(
        "organization|Telmar Shipyard|Telmar Shipyard", "Telmar Shipyard",
        "person|Orla Quennet|Orla Quennet", "Orla Quennet",
        "person|Ode|Ode", "Ode"));
    String text = "the new boats of telmar shipyard were shown to Orla Quennet and to Ode on Friday.";
    Annotations none = new Annotations(List.of(), List.of(), List.of(), Optional.empty(), true);
    List<String> found = CaseNames.spot(names, text, none).entities().stream().map(EntityMention::text).toList();
    assertTrue(found.contains("Orla Quennet"), found::toString);
    // near misses: a name written without capitals is not the name; a short one-word name is not trusted
    assertFalse(found.contains("telmar shipyard"), found::toString);
    assertFalse(found.contains("Ode"), found::toString);
  }

  @Test
  void aFormTwoCaseNamesShareNamesTheSameOneWhateverTheOrderTheStoreGaveThem() {
    // "Varek Holdings" is both an organisation and (misread somewhere) a person's canonical form
    String company = "organization|Varek Holdings|Varek Holdings";
    String person = "person|Varek Holdings|Varek Holdings";
    Map<String, String> one = new java.util.LinkedHashMap<>();
    one.put(company, "Varek Holdings");
    one.put(person, "Varek Holdings");
    Map<String, String> other = new java.util.LinkedHashMap<>();
    other.put(person, "Varek Holdings");
    other.put(company, "Varek Holdings");
    String text = "Varek Holdings bought the quarry in May.";
    Annotations none = new Annotations(List.of(), List.of(), List.of(), Optional.empty(), true);
    List<EntityMention> a = CaseNames.spot(CaseNames.of(one), text, none).entities();
    List<EntityMention> b = CaseNames.spot(CaseNames.of(other), text, none).entities();
    assertEquals(1, a.size(), a::toString);
    assertEquals(a, b);
    // control: a form only one name has is that name, in either order
    Map<String, String> single = new java.util.LinkedHashMap<>();
    single.put(person, "Varek Holdings");
    single.put("organization|Tolva Mills|Tolva Mills", "Tolva Mills");
    assertEquals(org.dossier.core.EntityType.PERSON,
        CaseNames.spot(CaseNames.of(single), text, none).entities().get(0).type());
  }

  @Test
  void aLongerNameTheCaseKnowsTakesTheShorterMentionItHolds() {
    Gazetteer names = CaseNames.of(Map.of(
        "organization|Kestrov Coastal Rescue Guard|Kestrov Coastal Rescue Guard", "Kestrov Coastal Rescue Guard"));
    String text = "Er diente bei der Kestrov Coastal Rescue Guard, sagte ein Sprecher in Kestrov.";
    int at = text.indexOf("Kestrov");
    int last = text.lastIndexOf("Kestrov");
    Annotations read = new Annotations(List.of(
        new EntityMention(new org.dossier.core.Span(at, at + 7), "Kestrov", org.dossier.core.EntityType.PLACE, "Kestrov", "gazetteer"),
        new EntityMention(new org.dossier.core.Span(last, last + 7), "Kestrov", org.dossier.core.EntityType.PLACE, "Kestrov", "gazetteer")),
        List.of(), List.of(), Optional.empty(), true);
    List<String> found = CaseNames.spot(names, text, read).entities().stream().map(EntityMention::text).toList();
    assertEquals(List.of("Kestrov Coastal Rescue Guard", "Kestrov"), found, found::toString);
    // near miss: a shorter case name never takes a longer mention the analysis made
    Gazetteer shorter = CaseNames.of(Map.of("organization|Coastal Rescue|Coastal Rescue", "Coastal Rescue"));
    List<String> kept = CaseNames.spot(shorter, "Die Kestrov Coastal Rescue Guard half.", new Annotations(List.of(
        new EntityMention(new org.dossier.core.Span(4, 32), "Kestrov Coastal Rescue Guard", org.dossier.core.EntityType.ORGANIZATION,
            "Kestrov Coastal Rescue Guard", "rules")), List.of(), List.of(), Optional.empty(), true))
        .entities().stream().map(EntityMention::text).toList();
    assertEquals(List.of("Kestrov Coastal Rescue Guard"), kept, kept::toString);
    // near miss: what a model read in its context stays, inside a longer name too
    List<String> model = CaseNames.spot(names, text, new Annotations(List.of(
        new EntityMention(new org.dossier.core.Span(at, at + 7), "Kestrov", org.dossier.core.EntityType.PLACE, "Kestrov", "corenlp")),
        List.of(), List.of(), Optional.empty(), true)).entities().stream().map(EntityMention::text).toList();
    assertEquals(List.of("Kestrov"), model, model::toString);
  }

  @Test
  void theTimelineHoldsWhatHappenedNotWhatIsPlanned() throws Exception {
    Linker.Result r = LinkHarness.link(
        LinkHarness.a("one.txt", "en", "2031-03-02", "Telmar signed the ferry contract in January 2031, the ministry said."
            + " The first ferry is due by June 2033."),
        LinkHarness.a("two.txt", "en", "2031-03-03", "The ferry contract was signed in January 2031, officials said."
            + " Delivery of the first ferry is planned for 2034."));
    List<String> dates = Findings.of(r).stream().filter(row -> row.kind().equals(Findings.EVENT))
        .map(row -> row.json().get("date").asText()).toList();
    assertTrue(dates.contains("2031-01"), dates::toString);
    // near misses: a deadline and a date after the article's own are plans, not events
    assertFalse(dates.stream().anyMatch(d -> d.startsWith("2033") || d.startsWith("2034")), dates::toString);
  }
}
