package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Names in French, German, Spanish and Italian by rules, each with a near miss. */
class LatinNamesTest {
  private static DocumentAnalyzer analyzer;

  @BeforeAll
  static void load() {
    analyzer = new DocumentAnalyzer(Gazetteer.load(List.of()));
  }

  private static List<String> names(String text, String language) {
    return analyzer.analyze(text, language, Optional.empty()).annotations().entities().stream()
        .map(e -> e.text() + "=" + e.type().code()).toList();
  }

  @Test
  void peopleAndOrganisationsInFourLanguages() {
    assertTrue(names("Le ministre a reçu Marten Olvey et la société Varna Holding à Harlow.", "fr")
        .containsAll(List.of("Marten Olvey=person", "Varna Holding=organization")));
    assertTrue(names("In den Unterlagen taucht auch Juan Pedro Dorval auf, wie die Kanzlei Brem Dorval bestätigte.", "de")
        .contains("Juan Pedro Dorval=person"));
    assertTrue(names("El juez citó a Ludo van Herstal y a Amal bin Rashed.", "es")
        .containsAll(List.of("Ludo van Herstal=person", "Amal bin Rashed=person")));
    assertTrue(names("Secondo l'OCRN, Marta Velli era socia della Varna Group.", "it")
        .containsAll(List.of("OCRN=organization", "Marta Velli=person")));
  }

  @Test
  void aParticleJoinedToTheNameMayEndIt() {
    List<String> de = names("Der Minister traf Tamir al-Rashed am Montag in Telmar.", "de");
    assertTrue(de.contains("Tamir al-Rashed=person"), de::toString);
    // near miss: the particle's name alone is no run of a name
    List<String> alone = names("Die Firma gehörte al-Rashed selbst.", "de");
    assertFalse(alone.stream().anyMatch(n -> n.contains("al-Rashed")), alone::toString);
  }

  @Test
  void aPersonWhoseFirstNameIsAPlaceIsAPerson() {
    List<String> es = names("Lo dijo el ministro orvanio, Mauricio Dalmau, que firmó el acuerdo.", "es");
    assertTrue(es.contains("Mauricio Dalmau=person"), es::toString);
    assertFalse(es.contains("Mauricio=place"), es::toString);
    // near misses: the place alone, and a place before an organisation's word, stay as they were
    List<String> place = names("Los barcos salieron de Mauricio, según el puerto.", "es");
    assertTrue(place.contains("Mauricio=place"), place::toString);
    List<String> org = names("El banco Mauricio Holding cerró.", "es");
    assertFalse(org.stream().anyMatch(n -> n.endsWith("=person")), org::toString);
  }

  @Test
  void aWordOfAnOrganisationInLowerCaseEndsAName() {
    List<String> es = names("La investigación, liderada por el OCRN y el diario orvanio Telmar Zeitung, duró un año.", "es");
    assertTrue(es.contains("OCRN=organization"), es::toString);
    assertFalse(es.stream().anyMatch(n -> n.contains("diario")), es::toString);
    // near miss: the same word written as part of a name is the name's
    List<String> named = names("Lo publicó Telmar Diario el lunes.", "es");
    assertTrue(named.contains("Telmar Diario=organization"), named::toString);
  }

  @Test
  void commonWordsWithCapitalsAreNoNames() {
    // German nouns, a sentence's first words, titles before a name, a compound of common words
    List<String> de = names("Der Präsident sprach am Montag. Fußball-Profis wie Marten Olvey fehlten.", "de");
    assertFalse(de.stream().anyMatch(n -> n.startsWith("Der Präsident") || n.startsWith("Fußball")), de::toString);
    assertTrue(de.contains("Marten Olvey=person"), de::toString);
    List<String> fr = names("Le Président de la République est arrivé.", "fr");
    assertFalse(fr.stream().anyMatch(n -> n.contains("Président")), fr::toString);
    // one capitalised word alone is left to the gazetteers
    assertFalse(names("Elle a vu Olvey hier soir.", "fr").stream().anyMatch(n -> n.startsWith("Olvey")));
  }

  @Test
  void countriesAreKnownByTheirNamesInEachLanguage() {
    List<String> fr = names("La Russie et les États-Unis ont signé un accord avec la Suisse.", "fr");
    assertTrue(fr.containsAll(List.of("Russie=place", "États-Unis=place", "Suisse=place")), fr::toString);
    List<String> de = names("Russland und die Vereinigten Staaten verhandeln.", "de");
    assertTrue(de.contains("Russland=place"), de::toString);
    List<String> es = names("Ucrania pidió ayuda a Alemania.", "es");
    assertTrue(es.containsAll(List.of("Ucrania=place", "Alemania=place")), es::toString);
    // near miss: the adjective of a country is no place
    assertFalse(names("Un diplomate russe est arrivé.", "fr").stream().anyMatch(n -> n.endsWith("=place")));
  }
}
