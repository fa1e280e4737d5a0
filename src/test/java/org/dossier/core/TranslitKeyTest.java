package org.dossier.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TranslitKeyTest {

  /** What the analysis chain does before the key: case folding and diacritics removal. */
  private static String folded(String s) {
    String nfkc = Normalizer2.getNFKCCasefoldInstance().normalize(s);
    return com.ibm.icu.text.Normalizer.decompose(nfkc, false).replaceAll("\\p{Mn}", "")
        .toLowerCase(Locale.ROOT);
  }

  private static String key(String s) {
    return TranslitKey.of(folded(s));
  }

  @ParameterizedTest
  @CsvSource({
    "Данилюк, Danylyuk",
    "Данилюк, Danilyuk",
    "Данилюк, Danyliuk",
    "Зеленский, Zelensky",
    "Зеленский, Zelenskyy",
    "Зеленский, Zelenskiy",
    "Юрий, Yuri",
    "Юрий, Iurii",
    "Юрий, Jurij",
    "Евгений, Yevgeny",
    "Евгений, Evgenii",
    "Шойгу, Shoygu",
    "Хабаровск, Khabarovsk",
    "Чечня, Chechnya",
    "Щукин, Shchukin",
    "Цой, Tsoy",
    "Ельцин, Yeltsin",
    "Подмосковье, Podmoskovye",
    "Олександр, Oleksandr",
    "Київ, Kyiv",
    "БМД, BMD",
    "4М, 4M",
    "Спрут, Sprut",
    "СДМ1, SDM1",
  })
  void cyrillicAndCommonLatinSpellingsMeet(String cyrillic, String latin) {
    assertEquals(key(cyrillic), key(latin), cyrillic + " vs " + latin);
  }

  @Test
  void differentNamesStayApart() {
    assertNotEquals(key("Данилюк"), key("Danilov"));
    assertNotEquals(key("BMD"), key("BTR"));
    assertNotEquals(key("Sprut"), key("Sputnik"));
  }

  @Test
  void otherScriptsAndNumbersPassThrough() {
    assertEquals("合同", TranslitKey.of("合同"));
    assertEquals("2024", TranslitKey.of("2024"));
  }

  /**
   * Random Russian words: the key of the word must equal the key of its BGN/PCGN romanisation
   * (ICU's Russian-Latin/BGN), the system most English-language press follows.
   */
  @Test
  void randomWordsMeetTheirBgnRomanisation() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Transliterator bgn = Transliterator.getInstance("Russian-Latin/BGN");
    String consonants = "бвгджзклмнпрстфхцчшщ";
    String vowels = "аеиоуыэюя";
    for (int i = 0; i < 2000; i++) {
      StringBuilder word = new StringBuilder();
      int syllables = 1 + random.nextInt(4);
      for (int s = 0; s < syllables; s++) {
        word.append(consonants.charAt(random.nextInt(consonants.length())));
        word.append(vowels.charAt(random.nextInt(vowels.length())));
        if (random.nextInt(5) == 0) {
          word.append("йь".charAt(random.nextInt(2)));
        }
      }
      String w = word.toString();
      String latin = bgn.transliterate(w);
      assertEquals(key(w), key(latin), "seed " + seed + ": " + w + " vs BGN " + latin);
    }
  }
}
