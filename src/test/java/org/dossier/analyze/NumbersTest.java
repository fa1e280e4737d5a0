package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Digit groups and decimal separators as each language writes them, and scale words. */
class NumbersTest {
  /** The value of the first number in {@code text}, with the scale word after it applied. */
  static BigDecimal read(String text, String language) {
    Matcher m = Numbers.DIGITS.matcher(text);
    assertTrue(m.find(), text);
    String scale = Numbers.scaleWordAt(text, m.end(), language);
    BigDecimal v = Numbers.digits(m, language, scale);
    return Numbers.scaleAt(text, m.end(), language).map(s -> v.multiply(s.factor())).orElse(v)
        .stripTrailingZeros();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "1,234.56;en;1234.56",
    "1.234,56;de;1234.56",
    "1.234,56;en;1234.56",
    "1 234,56;fr;1234.56",
    "1\u00a0234,56;fr;1234.56",
    "1'234.56;de;1234.56",
    "1,5;en;1.5",
    "1,5;und;1.5",
    "-12;en;-12",
    "(300);en;-300",
    "€ 1.200;de;1200",
    "$1,200;en;1200",
    "12 %;en;12",
  })
  void readsANumberWrittenAloneInEveryConvention(String text, String language, String expected) {
    assertEquals(0, new BigDecimal(expected).compareTo(Numbers.read(text.replace("\\u00a0", "\u00a0"), language).orElseThrow()),
        text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"twelve", "12 boats", "1,2,3,4", "KDE-2024", "''", "1.2.3"})
  void notANumberAlone(String text) {
    assertFalse(Numbers.read(text, "en").isPresent(), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "Plus de 318'000 comptes;fr;318000",
    "1’250’000 francs;fr;1250000",
    "380.000 facturas;es;380000",
    "más de 900.000 correos;es;900000",
    "12.345.678 Euro;de;12345678",
    "1.234,56 Euro;de;1234.56",
    "1 234 567,89 euros;fr;1234567.89",
    "1\u202F234 documents;fr;1234",
    "12,5 millones de registros;es;12500000",
    "2,6 Milliarden Euro;de;2600000000",
    "1.500 Millionen Euro;de;1500000000",
    "1,274 млрд евро;ru;1274000000",
    "1,274 млрд евро;en;1274000000",
    "8,000 habitantes;es;8000",
    "1,5 Mio. Euro;de;1500000",
    "3 miliardi di euro;it;3000000000",
    "500 milioni di dollari;it;500000000",
    "4 mil millones de dólares;es;4000000000",
    "3 mil documentos;es;3000",
    "1.5 million;en;1500000",
    "1,500 people;en;1500",
    "1,234,567.5 dollars;en;1234567.5",
    "1.163 billion;en;1163000000",
    "2 Billionen Euro;de;2000000000000",
    "2 billion;de;2000000000",
    "2 billones de pesos;es;2000000000000",
    "2.7亿美元;zh;270000000",
    "3億美元;zh;300000000",
    "5000萬;zh;50000000",
  })
  void readsDigitsAndScales(String text, String language, String expected) {
    assertEquals(new BigDecimal(expected).stripTrailingZeros(), read(text, language), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    // near-misses: the same digits read otherwise
    "1.500 people;en;1.5",
    "1,200 Mitarbeiter;de;1.2",
    "3 mil;en;3",
    "2 Billion;en;2000000000",
    "380.000 documents;en;380000",
  })
  void theLanguageOrTheScaleSettlesTheSeparator(String text, String language, String expected) {
    assertEquals(new BigDecimal(expected).stripTrailingZeros(), read(text, language), text);
  }

  @Test
  void codesAreNotNumbers() {
    for (String code : new String[] {"BMD-4M", "F-16", "KDE-2024/117", "7/2024", "No.5x"}) {
      Matcher m = Numbers.DIGITS.matcher(code);
      boolean found = m.find();
      assertFalse(found && !code.startsWith("No"), code + " → " + (found ? m.group() : ""));
    }
  }

  /** Formats a number as {@code language} writes it: groups of thousands and a decimal sign. */
  private static String format(BigDecimal v, String style) {
    String plain = v.toPlainString();
    String whole = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
    String frac = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
    String group = switch (style) {
      case "en", "zh" -> ",";
      case "de", "es", "it" -> ".";
      case "ch" -> "'";
      default -> "\u00A0"; // fr, ru
    };
    String decimal = style.equals("en") || style.equals("ch") || style.equals("zh") ? "." : ",";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(group);
      }
      out.append(whole.charAt(i));
    }
    return frac.isEmpty() ? out.toString() : out + decimal + frac;
  }

  @Test
  void randomNumbersRoundTripInEveryLanguagesFormat() {
    long seed = Long.getLong("dossier.seed", System.nanoTime());
    System.out.println("NumbersTest round trip seed: " + seed + " (rerun with -Ddossier.seed=" + seed + ")");
    Random r = new Random(seed);
    String[][] styles = {{"en", "en"}, {"de", "de"}, {"es", "es"}, {"it", "it"}, {"fr", "fr"},
      {"ru", "ru"}, {"ch", "fr"}, {"ch", "de"}, {"zh", "zh"}};
    for (int k = 0; k < 2000; k++) {
      String[] style = styles[r.nextInt(styles.length)];
      long whole = switch (r.nextInt(4)) {
        case 0 -> r.nextInt(1000);
        case 1 -> 1000 + r.nextInt(999_000);
        case 2 -> 1_000_000 + r.nextInt(999_000_000);
        default -> Math.abs(r.nextLong() % 1_000_000_000_000L);
      };
      // decimals of one or two digits, never trailing zeros: "1,200" alone stays ambiguous
      BigDecimal v = BigDecimal.valueOf(whole);
      if (r.nextBoolean()) {
        v = v.add(BigDecimal.valueOf(1 + r.nextInt(99)).divide(BigDecimal.valueOf(100), 2, RoundingMode.UNNECESSARY));
      }
      v = v.stripTrailingZeros();
      String text = format(v, style[0]) + " documents";
      assertEquals(v, read(text, style[1]), "seed " + seed + ": " + text + " in " + style[1]);
    }
  }
}
