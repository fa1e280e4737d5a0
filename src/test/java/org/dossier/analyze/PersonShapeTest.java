package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dossier.core.Span;
import org.junit.jupiter.api.Test;

/** What a model calls a person is kept only when the text writes it as a person's name. */
class PersonShapeTest {
  private static boolean person(String text, String name) {
    int at = text.indexOf(name);
    return EnglishNames.personLike(text, new Span(at, at + name.length()), name);
  }

  @Test
  void particlesAreNamesButOtherLowerCaseWordsAreNot() {
    assertTrue(person("The paper quotes Ludo van Herstal, a shipping lawyer.", "Ludo van Herstal"));
    assertTrue(person("Officials said Amal bin Rashed had left.", "Amal bin Rashed"));
    assertFalse(person("Postuar nga Redaksia\nThe ministry said on Monday it had signed.", "Postuar nga Redaksia"));
  }

  @Test
  void aParticleJoinedToANameIsPartOfThePersonsName() {
    assertTrue(person("The files name the cousins of Tamir al-Rashed, the harbour minister.", "Tamir al-Rashed"));
    assertTrue(person("Nadia el-Amin ’s brother held the accounts.", "Nadia el-Amin"));
    // near misses: a lower-case word joined to a lower-case one, or a word that is no particle
    assertFalse(person("Posted by al-redaksia\nThe ministry said on Monday it had signed.", "Posted by al-redaksia"));
    assertFalse(person("Tamir pro-Telmar said nothing.", "Tamir pro-Telmar"));
  }

  @Test
  void oneWordAloneOnAShortLineIsNoPerson() {
    assertFalse(person("Thanks for reading.\nKomento tani\n", "Komento"));
    assertTrue(person("The deal was confirmed by Varga on Tuesday after a long meeting.", "Varga"));
    assertTrue(person("Asked about it, Varga smiled.", "Varga"));
  }
}
