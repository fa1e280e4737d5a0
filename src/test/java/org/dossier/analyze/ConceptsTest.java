package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Content words meet across languages through the concept glossary; names meet across Latin and
 * Cyrillic letters; what the glossary does not know stays in its own language. The sentences are
 * invented.
 */
class ConceptsTest {
  /** A small glossary written for the test, so that the rules, not the bundled data, are tested. */
  private static final Concepts SMALL = new Concepts(List.of(
      "# field: verbs",
      "sign\tsign|signed|signing\tподписать|подписали\t签署|簽署\tsigner|signé\tunterzeichnen|unterzeichnete\tfirmar|firmó\tfirmare|firmato",
      "# field: economy",
      "contract\tcontract|deal|agreement\tконтракт|сделка|соглашение\t合同|协议|協議\tcontrat|accord\tVertrag|Abkommen\tcontrato|acuerdo\tcontratto|accordo",
      "# field: security",
      "security\tsecurity\tбезопасность\t安全\tsécurité\tSicherheit\tseguridad\tsicurezza",
      "scandal\tscandal\tскандал\t丑闻|醜聞\tscandale\tSkandal\tescándalo\tscandalo",
      "take-custody\ttake into custody|taken into custody\tвзять под стражу\t羁押\tplacer en détention\tin Gewahrsam nehmen\tdetener\tfermare",
      "# field: clothing-body",
      "t-shirt\tT-shirt|tee\tфутболка\tT恤\ttee-shirt\tT-Shirt\tcamiseta\tmaglietta"),
      List.of("deal\tsign contract"));

  private static Set<String> keys(Concepts c, String text, String language) {
    Set<String> out = new LinkedHashSet<>();
    c.tokens(text, 0, text.length(), language).forEach(t -> out.add(t.key()));
    return out;
  }

  @Test
  void inflectedWordsOfSevenLanguagesMeetAsOneConcept() {
    assertTrue(keys(SMALL, "The ministries signed the deal.", "en").containsAll(Set.of("c:sign", "c:contract")));
    assertTrue(keys(SMALL, "Министерства подписали контракт.", "ru").containsAll(Set.of("c:sign", "c:contract")));
    assertTrue(keys(SMALL, "两国簽署了协议。", "zh").containsAll(Set.of("c:sign", "c:contract")));
    assertTrue(keys(SMALL, "Les ministères ont signé le contrat.", "fr").containsAll(Set.of("c:sign", "c:contract")));
    assertTrue(keys(SMALL, "Die Ministerien unterzeichneten den Vertrag.", "de").containsAll(Set.of("c:sign", "c:contract")));
    assertTrue(keys(SMALL, "Los ministerios firmaron el contrato.", "es").containsAll(Set.of("c:sign", "c:contract")));
    assertTrue(keys(SMALL, "I ministeri hanno firmato il contratto.", "it").containsAll(Set.of("c:sign", "c:contract")));
  }

  @Test
  void wordsTheGlossaryDoesNotKnowStayInTheirLanguageAndFunctionWordsGo() {
    Set<String> en = keys(SMALL, "The harbour of the town", "en");
    assertEquals(Set.of("w:en:harbor", "w:en:town"), en, "stop words dropped, the rest stemmed, spelt as in America: " + en);
    assertEquals(keys(SMALL, "armoured vehicles", "en"), keys(SMALL, "armored vehicle", "en"));
    Set<String> fr = keys(SMALL, "le port de la ville", "fr");
    assertFalse(fr.contains("w:en:harbour"), "no meeting without the glossary: " + fr);
    assertTrue(fr.contains("w:fr:port"), fr::toString);
  }

  @Test
  void namesMeetAcrossLatinAndCyrillicLetters() {
    Set<String> latin = keys(SMALL, "in Vetrovsk on Monday", "en");
    Set<String> cyrillic = keys(SMALL, "в Ветровске в понедельник", "ru");
    String name = latin.stream().filter(k -> k.startsWith("n:")).findFirst().orElseThrow();
    assertTrue(cyrillic.contains(name), latin + " against " + cyrillic);
    // a common word is no name: lower case
    assertFalse(keys(SMALL, "the vetrovsk road", "en").contains(name));
    // a number with its digit groups is a value, not a name; a code with digits is a name
    assertEquals(Set.of("w:fr:entit"), keys(SMALL, "318'000 entités", "fr"));
    assertTrue(keys(SMALL, "the Kestrel-7 boats", "en").stream().anyMatch(k -> k.startsWith("n:")));
  }

  @Test
  void aGermanCompoundOfTwoKnownWordsIsBothConcepts() {
    assertTrue(keys(SMALL, "der größte Sicherheitsskandal", "de").containsAll(Set.of("c:security", "c:scandal")));
    // one known part is not enough: the compound stays a name-like key
    assertFalse(keys(SMALL, "der Hafenskandal", "de").contains("c:scandal"));
  }

  @Test
  void phrasesAndChineseLongestWordsFirst() {
    assertTrue(keys(SMALL, "He was taken into custody on Friday.", "en").contains("c:take-custody"));
    assertFalse(keys(SMALL, "He was taken to the custody suite.", "en").contains("c:take-custody"));
    Set<String> zh = keys(SMALL, "报道称两国签署合同", "zh");
    assertTrue(zh.containsAll(Set.of("c:sign", "c:contract")), zh::toString);
    assertTrue(zh.contains("h:报道"), "unknown Chinese text becomes character pairs: " + zh);
  }

  @Test
  void aHyphenatedWordMeetsItsGlossaryFormWholeOrInParts() {
    assertTrue(keys(SMALL, "in a grey T-shirt", "en").contains("c:t-shirt"));
    assertTrue(keys(SMALL, "in a grey T shirt", "en").contains("c:t-shirt"));
    assertTrue(keys(SMALL, "un tee-shirt gris", "fr").contains("c:t-shirt"));
    assertTrue(keys(SMALL, "ein graues T-Shirt", "de").contains("c:t-shirt"));
    // near miss: a shirt is no T-shirt
    assertFalse(keys(SMALL, "in a grey shirt", "en").contains("c:t-shirt"));
  }

  @Test
  void fieldsAndKindsOfEvents() {
    assertEquals("verbs", SMALL.field("sign"));
    assertEquals("economy", SMALL.field("contract"));
    assertEquals("deal", SMALL.eventKind("sign").orElseThrow());
    assertTrue(SMALL.eventKind("scandal").isEmpty());
  }

  @Test
  void theBundledGlossaryIsWellFormedAndCoversEveryLanguage() {
    Concepts c = Concepts.shared();
    assertTrue(c.size() > 1_000, "the bundled glossary is missing or small: " + c.size());
    for (String language : List.of("en", "ru", "zh", "fr", "de", "es", "it")) {
      assertTrue(c.concepts(language).size() > 800, language + ": " + c.concepts(language).size());
    }
    assertTrue(keys(c, "Министерство подписало контракт", "ru").contains("c:sign"));
    // a unit written as two words meets its one-word spelling and its other languages
    assertTrue(keys(c, "plus de 4,1 téra octets", "fr").contains("c:storage-unit"));
    assertTrue(keys(c, "4,1 Terabyte", "de").contains("c:storage-unit"));
    assertFalse(keys(c, "un octet de plus", "fr").contains("c:storage-unit"));
  }

  @Test
  void aCountrysConceptNamesThePlaceTheGazetteerKnowsAndALanguageNone() {
    Concepts c = Concepts.shared();
    assertEquals(java.util.Optional.of("Uruguay"), c.place(c.concept("uruguayo", "es").orElseThrow()));
    assertEquals(java.util.Optional.of("Uruguay"), c.place(c.concept("uruguayischen", "de").orElseThrow()));
    // near misses: "Russian" the language, a people, and a word of another field name no place
    assertEquals(java.util.Optional.empty(), c.place("russian-language"));
    assertEquals(java.util.Optional.empty(), c.place("kurd"));
    assertEquals(java.util.Optional.empty(), c.place("president"));
  }

  @Test
  void internationalMediaAreOneConceptInEveryLanguageAsInEnglish() {
    Concepts c = Concepts.shared();
    for (String[] t : new String[][] {{"The scholar shared the files with international media.", "en"},
        {"Der Forscher gab die Akten an internationale Medien weiter.", "de"},
        {"Le chercheur a transmis les fichiers aux médias internationaux.", "fr"},
        {"El investigador compartió los archivos con medios internacionales.", "es"},
        {"Исследователь передал файлы в международные СМИ.", "ru"},
        {"这位学者与国际媒体分享了文件。", "zh"}}) {
      assertTrue(keys(c, t[0], t[1]).contains("c:correspondent-foreign"), t[1] + ": " + keys(c, t[0], t[1]));
    }
    // near miss: the international community is no press
    assertFalse(keys(c, "Die internationale Gemeinschaft schwieg.", "de").contains("c:correspondent-foreign"));
  }

  @Test
  void frenchEteAfterAvoirIsTheVerbNotTheSeason() {
    Concepts c = Concepts.shared();
    assertFalse(keys(c, "Le capitaine de Telmar a été arrêté jeudi.", "fr").contains("c:summer"));
    assertFalse(keys(c, "Les fichiers n'ont pas été publiés.", "fr").contains("c:summer"));
    assertFalse(keys(c, "Le navire avait déjà été vendu.", "fr").contains("c:summer"));
    // near misses: the season, with its article or a demonstrative
    assertTrue(keys(c, "En été, le port de Telmar a fermé.", "fr").contains("c:summer"));
    assertTrue(keys(c, "Cet été, le port a fermé.", "fr").contains("c:summer"));
  }
}
