package org.dossier.analyze;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers as texts write them: digit groups with commas, spaces or dots between
 * thousands, decimal points or commas, scale words in several languages ("million", "m", "bn",
 * "млн", "млрд", "亿", "万", "millions"), and English number words ("eleven", "thirty-seven").
 */
final class Numbers {
  /** A number written in digits, not inside a code such as "BMD-4M", "7/2024" or "No.5". */
  static final Pattern DIGITS =
      Pattern.compile(
          "(?<![\\p{IsLatin}\\p{IsCyrillic}\\p{N}./\\-])(\\d{1,3}(?:(?:,|\\u00A0|\\u202F|\\u2009| )\\d{3})+|\\d+)"
              + "(?:([.,])(\\d+))?(?![\\p{N}]|[./]\\p{N}|-\\p{Lu})");

  /** Scale words, longest first, with their factors. */
  private static final Map<String, BigDecimal> SCALES = new LinkedHashMap<>();

  static {
    scale("万亿", "1000000000000");
    scale("千万", "10000000");
    scale("百万", "1000000");
    scale("亿", "100000000");
    scale("万", "10000");
    scale("千", "1000");
    scale("trillion", "1000000000000");
    scale("billion", "1000000000");
    scale("million", "1000000");
    scale("thousand", "1000");
    scale("milliards", "1000000000");
    scale("milliard", "1000000000");
    scale("millions", "1000000");
    scale("Milliarden", "1000000000");
    scale("Millionen", "1000000");
    scale("mil millones", "1000000000");
    scale("millones", "1000000");
    scale("миллиардов", "1000000000");
    scale("миллиарда", "1000000000");
    scale("миллиард", "1000000000");
    scale("миллионов", "1000000");
    scale("миллиона", "1000000");
    scale("миллион", "1000000");
    scale("тысячи", "1000");
    scale("тысяч", "1000");
    scale("тысяча", "1000");
    scale("трлн", "1000000000000");
    scale("млрд", "1000000000");
    scale("млн", "1000000");
    scale("тыс", "1000");
    scale("mln", "1000000");
    scale("bln", "1000000000");
    scale("bn", "1000000000");
    scale("Mrd", "1000000000");
    scale("Mio", "1000000");
  }

  /** Abbreviations that only count as a scale right after the digits ("$584m", "€2bn", "10k"). */
  private static final Map<String, BigDecimal> ATTACHED =
      Map.of("m", new BigDecimal("1000000"), "bn", new BigDecimal("1000000000"),
          "b", new BigDecimal("1000000000"), "k", new BigDecimal("1000"));

  private static final Map<String, Integer> WORDS = new LinkedHashMap<>();

  static {
    String[] ones = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen"};
    String[] tens = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
      "ninety"};
    for (int i = 0; i < ones.length; i++) {
      WORDS.put(ones[i], i);
    }
    for (int t = 2; t < tens.length; t++) {
      WORDS.put(tens[t], t * 10);
      for (int o = 1; o < 10; o++) {
        WORDS.put(tens[t] + "-" + ones[o], t * 10 + o);
        WORDS.put(tens[t] + " " + ones[o], t * 10 + o);
      }
    }
    WORDS.put("a dozen", 12);
    WORDS.put("dozen", 12);
    WORDS.put("a hundred", 100);
    WORDS.put("one hundred", 100);
  }

  /** English number words from eleven to ninety-nine, and "a dozen"/"a hundred", longest first. */
  static final Pattern WORD_NUMBER;

  static {
    StringBuilder alt = new StringBuilder();
    WORDS.keySet().stream()
        .filter(w -> !w.equals("zero") && !w.equals("one"))
        .sorted((a, b) -> b.length() - a.length())
        .forEach(w -> alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(w)));
    WORD_NUMBER = Pattern.compile("(?i)(?<![\\p{L}-])(" + alt + ")(?![\\p{L}-])");
  }

  private static void scale(String word, String factor) {
    SCALES.put(word, new BigDecimal(factor));
  }

  private Numbers() {}

  /** The value of a digit match, reading a comma as decimal or thousands separator by context. */
  static BigDecimal digits(Matcher m, String language) {
    String whole = m.group(1).replaceAll("[,\\u00A0\\u202F\\u2009 ]", "");
    String sep = m.group(2);
    String frac = m.group(3);
    if (sep == null) {
      return new BigDecimal(whole);
    }
    boolean groupedWhole = m.group(1).length() != whole.length();
    if (sep.equals(",") && !groupedWhole && frac.length() == 3 && !language.equals("ru")) {
      return new BigDecimal(whole + frac); // "1,200" in English: thousands
    }
    if (sep.equals(".") && frac.length() == 3 && language.equals("ru") && !groupedWhole) {
      return new BigDecimal(whole + frac); // "1.200" in Russian: thousands
    }
    return new BigDecimal(whole + "." + frac);
  }

  /** A number word's value. */
  static int word(String w) {
    Integer v = WORDS.get(w.toLowerCase(Locale.ROOT).replace('\u2011', '-'));
    if (v == null) {
      throw new IllegalArgumentException("not a number word: " + w);
    }
    return v;
  }

  /** A scale word at {@code pos} (after optional spaces), with its factor and end. */
  record Scale(BigDecimal factor, int end) {}

  static Optional<Scale> scaleAt(String text, int pos) {
    int i = pos;
    boolean attached = true;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0')) {
      i++;
      attached = false;
    }
    for (Map.Entry<String, BigDecimal> e : SCALES.entrySet()) {
      String w = e.getKey();
      if (text.regionMatches(true, i, w, 0, w.length()) && boundary(text, i + w.length(), w)) {
        int end = i + w.length();
        if (end < text.length() && text.charAt(end) == '.' && w.matches("млн|млрд|тыс|трлн|Mio|Mrd|mln|bn")) {
          end++;
        }
        return Optional.of(new Scale(e.getValue(), end));
      }
    }
    if (attached) {
      for (Map.Entry<String, BigDecimal> e : ATTACHED.entrySet()) {
        String w = e.getKey();
        if (text.regionMatches(false, i, w, 0, w.length()) && boundary(text, i + w.length(), w)) {
          return Optional.of(new Scale(e.getValue(), i + w.length()));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean boundary(String text, int end, String word) {
    if (Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN) {
      return true;
    }
    return end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
  }
}
