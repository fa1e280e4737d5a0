package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers in words in seven languages, and Chinese numerals. */
class NumberWordsTest {
  /** The numbers found, as "value@text" joined by " | ". */
  private static String found(String text, String language) {
    return NumberWords.find(text, language).stream()
        .map(f -> f.value().toPlainString() + (f.percent() ? "%" : "") + "@" + text.substring(f.start(), f.end()))
        .collect(Collectors.joining(" | "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "eleven agents and thirty-seven crates;en;11@eleven | 37@thirty-seven",
    "a dozen boxes, a hundred files, two hundred and five pages;en;12@a dozen | 100@a hundred | 205@two hundred and five",
    "командование пяти полков и двух вертолетоносцев;ru;5@пяти | 2@двух",
    "трех бригад, двадцать пять машин, сто двадцать человек;ru;3@трех | 25@двадцать пять | 120@сто двадцать",
    "vingt et un journalistes, quatre-vingt-dix-sept pages, soixante-dix comptes;fr;21@vingt et un | 97@quatre-vingt-dix-sept | 70@soixante-dix",
    "deux cents sociétés et trois mille comptes;fr;200@deux cents | 3000@trois mille",
    "treinta y dos periodistas, doscientos documentos, ciento veinte cuentas;es;32@treinta y dos | 200@doscientos | 120@ciento veinte",
    "dos mil trescientos correos;es;2300@dos mil trescientos",
    "einundzwanzig Journalisten und zweihundert Dokumente, dreißig Konten;de;21@einundzwanzig | 200@zweihundert | 30@dreißig",
    "ventuno giornalisti, trentotto conti, duemila pagine, cento file;it;21@ventuno | 38@trentotto | 2000@duemila | 100@cento",
    "逾一一一億美元;zh;11100000000@一一一億",
    "七億美元, 两万人, 一千二百名, 一百零五名, 十七日;zh;700000000@七億 | 20000@两万 | 1200@一千二百 | 105@一百零五 | 17@十七",
    "二〇一九年;zh;2019@二〇一九",
    "百分之五十五的选民;zh;55%@百分之五十五",
  })
  void readsNumberWords(String text, String language, String expected) {
    assertEquals(expected, found(text, language), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    // articles and words that only look like numbers
    "one of the agents and a firm;en",
    "un journaliste et une société;fr",
    "ein Journalist und eine Firma;de",
    "uno de los periodistas;es",
    "один журналист;ru",
    "Ocean's Eleven was shown;en",
    "the Cinque Terre trail;it",
    "neuf documents;en",
    "sei persone;fr",
    "五六个人，第三次，一些人，统一，千万不要，万一;zh",
  })
  void nearMissesAreNotNumbers(String text, String language) {
    assertEquals("", found(text, language), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "一一一億;11100000000", "七億;700000000", "十七;17", "三十一;31", "二〇一九;2019",
    "一千零二十;1020", "五千万;50000000", "一亿二千万;120000000", "一万亿;1000000000000", "两;2",
  })
  void readsChineseNumerals(String numerals, String expected) {
    assertEquals(new BigDecimal(expected), ChineseNumerals.value(numerals), numerals);
  }
}
