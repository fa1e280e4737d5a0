package org.dossier.analyze;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers as texts write them: digit groups with commas, dots, apostrophes or spaces
 * between thousands ("1,200", "380.000", "318'000", "312 400 000"), decimal points or commas
 * ("11,5", "1.5") read by the language and the scale word that follows, and scale words in
 * several languages ("million", "m", "bn", "млн", "млрд", "亿", "億", "millones", "Milliarden",
 * "Mrd.", "miliardi"). Number words of all languages are in {@link NumberWords}.
 */
public final class Numbers {
  /**
   * A number written in digits, not inside a code such as "BMD-4M", "7/2024" or "No.5". Group 1:
   * the whole part; group 2: the separator between its thousands (the same one throughout);
   * groups 3 and 4: a decimal separator other than that one, and the decimals.
   */
  static final Pattern DIGITS =
      Pattern.compile(
          "(?<![\\p{IsLatin}\\p{IsCyrillic}\\p{N}./'’])(?<![\\p{L}\\-]-)(?<!^-)(?<![\\s(]-)"
              + "(\\d{1,3}(?:([,.'’\\u00A0\\u202F\\u2009 ])\\d{3})(?:\\2\\d{3})*|\\d+)"
              + "(?:(?!\\2)([.,])(\\d+))?"
              + "(?![\\p{N}]|[./'’]\\p{N}|-\\p{Lu}(?![\\p{Ll}]))");

  /** A scale word: how it is written, its factor, and the languages it belongs to (null: any). */
  private record ScaleWord(String word, BigDecimal factor, boolean caseSensitive, Set<String> languages) {}

  /** Scale words, longest first within the same start. */
  private static final List<ScaleWord> SCALES = new ArrayList<>();

  static {
    han("万亿", "1000000000000");
    han("萬億", "1000000000000");
    han("千万", "10000000");
    han("千萬", "10000000");
    han("百万", "1000000");
    han("百萬", "1000000");
    han("亿", "100000000");
    han("億", "100000000");
    han("万", "10000");
    han("萬", "10000");
    han("千", "1000");
    // de and fr "Billion" is 10^12, es "billón" too; in English a billion is 10^9
    gated("Billionen", "1000000000000", true, "de");
    gated("Billion", "1000000000000", true, "de");
    gated("billions", "1000000000000", false, "fr");
    gated("billion", "1000000000000", false, "fr");
    scale("billones", "1000000000000");
    scale("billón", "1000000000000");
    scale("trillion", "1000000000000");
    scale("billion", "1000000000");
    scale("millions", "1000000");
    scale("million", "1000000");
    scale("thousand", "1000");
    scale("milliards", "1000000000");
    scale("milliard", "1000000000");
    scale("Milliarden", "1000000000");
    scale("Milliarde", "1000000000");
    scale("Millionen", "1000000");
    scale("mil millones", "1000000000");
    scale("millones", "1000000");
    scale("millón", "1000000");
    scale("miliardi", "1000000000");
    scale("miliardo", "1000000000");
    scale("milioni", "1000000");
    scale("milione", "1000000");
    scale("Tausend", "1000");
    scale("mila", "1000");
    gated("mil", "1000", false, "es");
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
    // "trois dizaines", "cinq centaines de": rarely with a number, but then a scale
    scale("dizaines", "10");
    scale("centaines", "100");
    scale("milliers", "1000");
    scale("centinaia", "100");
    scale("migliaia", "1000");
  }

  /** Scale abbreviations that may end with a dot: "Mio.", "млрд.". */
  private static final Set<String> DOTTED_ABBREVIATIONS =
      Set.of("млн", "млрд", "тыс", "трлн", "Mio", "Mrd", "mln", "bn");

  /** Abbreviations that only count as a scale right after the digits ("$618m", "€2bn", "10k"). */
  private static final List<ScaleWord> ATTACHED = List.of(
      new ScaleWord("m", new BigDecimal("1000000"), true, null),
      new ScaleWord("bn", new BigDecimal("1000000000"), true, null),
      new ScaleWord("b", new BigDecimal("1000000000"), true, null),
      new ScaleWord("k", new BigDecimal("1000"), true, null));

  /** Letters (below U+0500) that some scale word starts with, lower-cased. */
  private static final boolean[] SCALE_FIRST = new boolean[0x500];

  static {
    for (ScaleWord s : SCALES) {
      char c = Character.toLowerCase(s.word().charAt(0));
      if (c < SCALE_FIRST.length) {
        SCALE_FIRST[c] = true;
      }
    }
  }

  /** Scale words whose language settles how the digits before them are read. */
  private static final java.util.Map<String, String> SCALE_LANGUAGE = java.util.Map.ofEntries(
      java.util.Map.entry("milliards", "fr"), java.util.Map.entry("milliard", "fr"),
      java.util.Map.entry("milliarden", "de"),
      java.util.Map.entry("milliarde", "de"), java.util.Map.entry("millionen", "de"),
      java.util.Map.entry("mrd", "de"), java.util.Map.entry("mio", "de"),
      java.util.Map.entry("tausend", "de"), java.util.Map.entry("millones", "es"),
      java.util.Map.entry("millón", "es"), java.util.Map.entry("mil millones", "es"),
      java.util.Map.entry("mil", "es"), java.util.Map.entry("billones", "es"),
      java.util.Map.entry("billón", "es"), java.util.Map.entry("miliardi", "it"),
      java.util.Map.entry("miliardo", "it"), java.util.Map.entry("milioni", "it"),
      java.util.Map.entry("milione", "it"), java.util.Map.entry("mila", "it"));

  private static void scale(String word, String factor) {
    boolean han = Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN;
    SCALES.add(new ScaleWord(word, new BigDecimal(factor), han, null));
  }

  private static void han(String word, String factor) {
    scale(word, factor);
  }

  private static void gated(String word, String factor, boolean caseSensitive, String language) {
    SCALES.add(new ScaleWord(word, new BigDecimal(factor), caseSensitive, Set.of(language)));
  }

  private Numbers() {}

  /** Signs, currency marks and per cent that may stand around a number written alone. */
  private static final Pattern AROUND = Pattern.compile("^[\\s$€£¥₽%]+|[\\s$€£¥₽%]+$");

  /**
   * A number written alone (a spreadsheet cell, a figure in a table), in any of the usual
   * conventions: "1,234.56", "1.234,56", "1 234,56", "1'234.56", "1,5", "-12", "(300)", "€ 1.200".
   * A comma or dot before exactly three digits is read by {@code language} as in running text.
   *
   * @return the number, or empty when the text is not one number
   */
  public static Optional<BigDecimal> read(String text, String language) {
    String t = AROUND.matcher(text).replaceAll("");
    boolean negative = false;
    if (t.startsWith("(") && t.endsWith(")")) {
      negative = true;
      t = AROUND.matcher(t.substring(1, t.length() - 1)).replaceAll("");
    }
    if (t.startsWith("-") || t.startsWith("−")) {
      negative = !negative;
      t = AROUND.matcher(t.substring(1)).replaceAll("");
    }
    Matcher m = DIGITS.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    BigDecimal v = digits(m, language);
    return Optional.of(negative ? v.negate() : v);
  }

  /** Every number written in digits in a running text, read as {@link #read} reads one. */
  public static List<BigDecimal> all(String text, String language) {
    List<BigDecimal> out = new ArrayList<>();
    for (Matcher m = DIGITS.matcher(text); m.find(); ) {
      out.add(digits(m, language));
    }
    return out;
  }

  /**
   * The thousands reading of a number with one comma or dot before three digits ("1,200" is
   * 1200 even where a comma is a decimal one), or null when there is none.
   */
  static BigDecimal otherReading(Matcher m) {
    String group = m.group(2);
    if (group == null || !(group.equals(",") || group.equals(".")) || m.group(3) != null
        || m.group(1).indexOf(group) != m.group(1).lastIndexOf(group)) {
      return null;
    }
    return new BigDecimal(m.group(1).replace(group, ""));
  }

  /** The value of a digit match in a text of {@code language}, before any scale word. */
  static BigDecimal digits(Matcher m, String language) {
    return digits(m, language, null);
  }

  /**
   * The value of a digit match. A comma or dot before exactly three digits is a thousands
   * separator or a decimal one by the language ("1,200" is 1200 in English, 1.2 in German), by
   * the scale word after it ("1,163 млрд" is 1.163 billion, "1.500 Millionen" 1.5 billion) and
   * by what nobody writes ("8,000" is never eight point zero, nor "380.000" 380).
   *
   * @param scale the scale word right after the number, or null
   */
  static BigDecimal digits(Matcher m, String language, String scale) {
    String group = m.group(2);
    String whole = group == null ? m.group(1) : m.group(1).replace(group, "");
    String sep = m.group(3);
    String frac = m.group(4);
    if (group != null && (group.equals(",") || group.equals("."))
        && m.group(1).length() == whole.length() + 1 && sep == null) {
      // one separator and three digits after it: "1,200", "380.000", "1.500"
      String three = m.group(1).substring(m.group(1).length() - 3);
      String head = whole.substring(0, whole.length() - 3);
      return thousandsOrDecimal(head, group, three, language, scale)
          ? new BigDecimal(whole) : new BigDecimal(head + "." + three);
    }
    if (sep == null) {
      return new BigDecimal(whole);
    }
    return new BigDecimal(whole + "." + frac);
  }

  /** True when "{@code head}{@code sep}{@code three}" is a number of thousands. */
  private static boolean thousandsOrDecimal(String head, String sep, String three, String language,
      String scale) {
    String scaleLanguage = scaleLanguage(scale);
    String lang = scaleLanguage != null ? scaleLanguage : language;
    boolean decimalComma = lang.equals("ru") || lang.equals("fr") || lang.equals("de")
        || lang.equals("it") || lang.equals("uk") || lang.equals("pt");
    if (sep.equals(",")) {
      if (lang.equals("es")) {
        return true; // "8,000 habitantes", "2,500 millones": the American Spanish way
      }
      if (!decimalComma) {
        return true; // "1,200" in English
      }
      // "1,163 млрд" is 1.163 billion; "8,000" is never eight point zero
      return scale == null && three.equals("000");
    }
    // a dot before three digits
    if (decimalComma || lang.equals("es")) {
      return true; // "380.000", "1.500 Millionen"
    }
    // English and the rest: a decimal point, but nobody writes "380.000" for 380
    return three.equals("000") && !head.equals("0");
  }

  /** The language a scale word settles the separators by, or null when it is shared. */
  private static String scaleLanguage(String scale) {
    if (scale == null) {
      return null;
    }
    String s = scale.toLowerCase(Locale.ROOT);
    if (Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.CYRILLIC) {
      return "ru";
    }
    return SCALE_LANGUAGE.get(s);
  }

  /** A scale word at {@code pos} (after optional spaces), with its factor, end and spelling. */
  record Scale(BigDecimal factor, int end, String word) {}

  static Optional<Scale> scaleAt(String text, int pos) {
    return scaleAt(text, pos, "und");
  }

  static Optional<Scale> scaleAt(String text, int pos, String language) {
    int i = pos;
    boolean attached = true;
    // joined by a hyphen as an adjective: "a $1.1-billion deal", "a 500-million-dollar contract"
    if (hyphenBeforeWord(text, i)) {
      i++;
      attached = false;
    }
    while (i < text.length() && i - pos < 3 && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0'
        || text.charAt(i) == '\u202F')) {
      i++;
      attached = false;
    }
    if (i >= text.length()) {
      return Optional.empty();
    }
    char first = Character.toLowerCase(text.charAt(i));
    if (first < SCALE_FIRST.length && !SCALE_FIRST[first]) {
      return attached ? attachedAt(text, i) : Optional.empty();
    }
    for (ScaleWord s : SCALES) {
      String w = s.word();
      if (s.languages() != null && !s.languages().contains(language)) {
        continue;
      }
      if (text.regionMatches(!s.caseSensitive(), i, w, 0, w.length()) && boundary(text, i + w.length(), w)) {
        int end = i + w.length();
        if (end < text.length() && text.charAt(end) == '.'
            && DOTTED_ABBREVIATIONS.contains(w)) {
          end++;
        }
        return Optional.of(new Scale(s.factor(), end, w));
      }
    }
    return attached ? attachedAt(text, i) : Optional.empty();
  }

  /** A hyphen at {@code i} with a letter after it (not a range: "3-5 million"). */
  static boolean hyphenBeforeWord(String text, int i) {
    return i + 1 < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '\u2011')
        && Character.isLetter(text.charAt(i + 1));
  }

  private static Optional<Scale> attachedAt(String text, int i) {
    for (ScaleWord s : ATTACHED) {
      String w = s.word();
      if (text.regionMatches(false, i, w, 0, w.length()) && boundary(text, i + w.length(), w)) {
        return Optional.of(new Scale(s.factor(), i + w.length(), w));
      }
    }
    return Optional.empty();
  }

  /** The scale word's spelling at {@code pos}, or null; for reading the digits before it. */
  static String scaleWordAt(String text, int pos, String language) {
    return scaleAt(text, pos, language).map(Scale::word).orElse(null);
  }

  private static boolean boundary(String text, int end, String word) {
    if (Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN) {
      return true;
    }
    return end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
  }
}
