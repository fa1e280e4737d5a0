package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Qualifiers before and after a value, in every language, with near-misses that must not fire. */
class QualifiersTest {
  /** The qualifier ending right before the first digit of {@code text}: "bound:words", or "". */
  private static String before(String text) {
    int digit = 0;
    while (!Character.isDigit(text.charAt(digit)) && "一二三四五六七八九十".indexOf(text.charAt(digit)) < 0) {
      digit++;
    }
    Optional<Qualifiers.Found> f = Qualifiers.before(text, digit, 0);
    return f.map(q -> q.qualifier().bound() + ":" + q.qualifier().text()).orElse("");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "Plus de 200 employés;AT_LEAST:Plus de",
    "au moins 40 sociétés;AT_LEAST:au moins",
    "jusqu'à 40 navires;AT_MOST:jusqu'à",
    "moins de 10 avions;AT_MOST:moins de",
    "près de 200 soldats;ABOUT:près de",
    "environ 300 chars;ABOUT:environ",
    "mehr als 200 Soldaten;AT_LEAST:mehr als",
    "über 200 Soldaten;AT_LEAST:über",
    "mindestens 3 Firmen;AT_LEAST:mindestens",
    "bis zu 40 Schiffe;AT_MOST:bis zu",
    "rund 300 Panzer;ABOUT:rund",
    "etwa 30 Konten;ABOUT:etwa",
    "fast 30 Konten;ABOUT:fast",
    "knapp 30 Konten;ABOUT:knapp",
    "más de 700 documentos;AT_LEAST:más de",
    "al menos 7 bancos;AT_LEAST:al menos",
    "hasta 40 buques;AT_MOST:hasta",
    "menos de 10 aviones;AT_MOST:menos de",
    "casi 200 soldados;ABOUT:casi",
    "alrededor de 300 tanques;ABOUT:alrededor de",
    "unos 50 periodistas;ABOUT:unos",
    "più di 200 soldati;AT_LEAST:più di",
    "oltre 200 soldati;AT_LEAST:oltre",
    "almeno 3 società;AT_LEAST:almeno",
    "fino a 40 navi;AT_MOST:fino a",
    "meno di 10 aerei;AT_MOST:meno di",
    "circa 300 carri;ABOUT:circa",
    "quasi 300 carri;ABOUT:quasi",
    "逾5000张照片;AT_LEAST:逾",
    "超2000名员工;AT_LEAST:超",
    "近300名员工;ABOUT:近",
    "约300名员工;ABOUT:约",
    "более 300 человек;AT_LEAST:более",
  })
  void readsQualifiersBeforeAValue(String text, String expected) {
    assertEquals(expected, before(text), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    // near-misses: the words are there but do not bound the number
    "Pluton 200 employés",
    "Mehrals 200 Soldaten",
    "Casino 200 mesas",
    "presumibilmente 300 carri",
    "Neuer 300 Panzer",
  })
  void nearMissesAreNotQualifiers(String text) {
    assertEquals("", before(text), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "3000多张照片;4;多",
    "200 soldats et plus.;11;et plus",
    "200 soldados o más.;12;o más",
    "200 Soldaten und mehr.;12;und mehr",
  })
  void readsQualifiersAfterAValue(String text, int valueEnd, String words) {
    Optional<Qualifiers.Found> f = Qualifiers.after(text, valueEnd, text.length());
    assertTrue(f.isPresent(), text);
    assertEquals(words, f.get().qualifier().text());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    // "y más de 700": the next value's qualifier, not this one's
    "240 empresas y más de 700 documentos;12",
    "200 soldats et plus de 300 chars;11",
  })
  void aQualifierOfTheNextValueIsNotThisOnes(String text, int nounEnd) {
    assertTrue(Qualifiers.after(text, nounEnd, text.length()).isEmpty(), text);
  }
}
