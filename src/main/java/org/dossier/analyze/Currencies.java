package org.dossier.analyze;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Currency signs, codes and words, before or after an amount, in English, Russian, Chinese,
 * French, German, Spanish and Italian, with their ISO 4217 codes.
 */
final class Currencies {
  /** Currency signs and codes written before the number. */
  static final Pattern PREFIX = Pattern.compile(
      "(US\\$|U\\.S\\.\\s?\\$|A\\$|C\\$|HK\\$|NT\\$|\\$|USD|EUR|GBP|CNY|RMB|RUB|JPY|CHF|UAH|TWD|HKD|€|£|¥|₽|₴)\\s?$");

  /** A currency word after an amount and the code it stands for. */
  record Word(String word, String code) {}

  /** Currency words written after the number (and its scale), longest first where they share a start. */
  static final List<Word> SUFFIX = List.of(
      w("US dollars", "USD"), w("U.S. dollars", "USD"), w("US-Dollar", "USD"),
      w("долларов США", "USD"), w("доллара США", "USD"),
      w("de dollars", "USD"), w("de dólares", "USD"), w("di dollari", "USD"),
      w("d'euros", "EUR"), w("d’euros", "EUR"), w("d'euro", "EUR"), w("de euros", "EUR"),
      w("di euro", "EUR"), w("de francs suisses", "CHF"), w("francs suisses", "CHF"), w("Swiss francs", "CHF"),
      w("de livres sterling", "GBP"), w("livres sterling", "GBP"), w("di sterline", "GBP"),
      w("de rublos", "RUB"), w("de roubles", "RUB"), w("di rubli", "RUB"), w("de yuans", "CNY"),
      w("dollars", "USD"), w("dollar", "USD"), w("dólares", "USD"), w("dollari", "USD"),
      w("USD", "USD"), w("euros", "EUR"), w("euro", "EUR"), w("EUR", "EUR"),
      w("pounds sterling", "GBP"), w("pounds", "GBP"), w("GBP", "GBP"), w("Pfund", "GBP"),
      w("sterline", "GBP"), w("Franken", "CHF"), w("CHF", "CHF"),
      w("yuans", "CNY"), w("yuan", "CNY"), w("renminbi", "CNY"), w("RMB", "CNY"),
      w("CNY", "CNY"), w("roubles", "RUB"), w("rubles", "RUB"), w("rublos", "RUB"),
      w("rubli", "RUB"), w("Rubel", "RUB"), w("RUB", "RUB"), w("hryvnias", "UAH"),
      w("долларов", "USD"), w("доллара", "USD"), w("доллар", "USD"),
      w("евро", "EUR"), w("рублей", "RUB"), w("рубля", "RUB"),
      w("руб.", "RUB"), w("юаней", "CNY"), w("юаня", "CNY"),
      w("美元", "USD"), w("美金", "USD"), w("欧元", "EUR"), w("歐元", "EUR"), w("英镑", "GBP"),
      w("英鎊", "GBP"), w("人民币", "CNY"), w("人民幣", "CNY"), w("卢布", "RUB"), w("盧布", "RUB"),
      w("新台币", "TWD"), w("新台幣", "TWD"), w("台币", "TWD"), w("台幣", "TWD"),
      w("港元", "HKD"), w("港币", "HKD"), w("港幣", "HKD"), w("日元", "JPY"), w("日圓", "JPY"),
      w("元", "CNY"));

  /** Letters (below U+0500) that some currency word starts with, lower-cased. */
  private static final boolean[] FIRST = new boolean[0x500];

  static {
    for (Word c : SUFFIX) {
      char f = Character.toLowerCase(c.word().charAt(0));
      if (f < FIRST.length) {
        FIRST[f] = true;
      }
    }
  }

  private static Word w(String word, String code) {
    return new Word(word, code);
  }

  private Currencies() {}

  /** The ISO code of a sign or code written before an amount. */
  static String code(String sign) {
    return switch (sign.replaceAll("\\s", "")) {
      case "€", "EUR" -> "EUR";
      case "£", "GBP" -> "GBP";
      case "¥", "CNY", "RMB" -> "CNY";
      case "JPY" -> "JPY";
      case "₽", "RUB" -> "RUB";
      case "₴", "UAH" -> "UAH";
      case "CHF" -> "CHF";
      case "A$" -> "AUD";
      case "C$" -> "CAD";
      case "HK$", "HKD" -> "HKD";
      case "NT$", "TWD" -> "TWD";
      default -> "USD";
    };
  }

  /** The currency word at {@code i} (after spaces), or null; its end is {@code i + word.length()}. */
  static Word at(String text, int i, int lineEnd) {
    i = start(text, i, lineEnd);
    if (i >= lineEnd) {
      return null;
    }
    char first = Character.toLowerCase(text.charAt(i));
    if (first < FIRST.length && !FIRST[first]) {
      return null;
    }
    for (Word c : SUFFIX) {
      String w = c.word();
      if (text.regionMatches(true, i, w, 0, w.length())
          && (i + w.length() >= text.length() || !Character.isLetter(text.charAt(i + w.length()))
              || NumberWords.isHan(w.charAt(0)))) {
        return c;
      }
    }
    return null;
  }

  /** Where the currency word found by {@link #at} starts. */
  static int start(String text, int i, int lineEnd) {
    if (i < lineEnd && Numbers.hyphenBeforeWord(text, i)) {
      return i + 1; // "a 40-million-euro fine", "the 1.1 billion-euro compensation"
    }
    while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0')) {
      i++;
    }
    return i;
  }
}
