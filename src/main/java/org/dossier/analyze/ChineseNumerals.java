package org.dossier.analyze;

import java.math.BigDecimal;
import java.util.List;

/**
 * Chinese numerals: "三", "两", "十七", "一千二百", "一百零五", with 万 亿 萬 億 inside ("五千万",
 * "一亿二千万"), and digit by digit ("一一一億" is 111亿, "二〇一九" is 2019); "五六个" (five or
 * six) is no number, nor are "千万" (by all means), "万一" (in case), "第三" (the third).
 */
final class ChineseNumerals {
  private ChineseNumerals() {}

  private static final String CN_DIGITS = "〇零一二三四五六七八九两兩";
  private static final String CN_UNITS = "十百千";
  private static final String CN_BIG = "万萬亿億";

  static boolean isNumeral(char c) {
    return CN_DIGITS.indexOf(c) >= 0 || CN_UNITS.indexOf(c) >= 0 || CN_BIG.indexOf(c) >= 0;
  }

  private static int cnDigit(char c) {
    return switch (c) {
      case '〇', '零' -> 0;
      case '两', '兩' -> 2;
      default -> "〇一二三四五六七八九".indexOf(c);
    };
  }

  /** Reads a run of Chinese numerals at {@code s}; returns where reading goes on. */
  static int read(String text, int s, List<NumberWords.Found> out) {
    int e = s;
    while (e < text.length() && e - s < 24 && isNumeral(text.charAt(e))) {
      e++;
    }
    char first = text.charAt(s);
    // a number starts with a digit or 十; "千万" (by all means), "万一" (in case) are words
    if (CN_DIGITS.indexOf(first) < 0 && first != '十') {
      return e;
    }
    BigDecimal v = value(text.substring(s, e));
    if (v == null) {
      return e;
    }
    boolean hasUnit = false;
    for (int k = s; k < e; k++) {
      hasUnit |= CN_UNITS.indexOf(text.charAt(k)) >= 0 || CN_BIG.indexOf(text.charAt(k)) >= 0;
    }
    boolean percent = s >= 3 && text.startsWith("百分之", s - 3);
    boolean ordinal = s >= 1 && (text.charAt(s - 1) == '第' || text.charAt(s - 1) == '初');
    boolean single = e - s == 1 && v.compareTo(BigDecimal.valueOf(2)) < 0;
    if (!ordinal && (!single || hasUnit || percent)) {
      out.add(new NumberWords.Found(percent ? s - 3 : s, e, v, percent));
    }
    return e;
  }

  /** The value of Chinese numerals ("一千二百", "两万", "一一一亿", "二〇一九"), or null. */
  static BigDecimal value(String s) {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal big = BigDecimal.ZERO; // what stands before 万 inside a 亿 section
    long section = 0;
    long number = 0;
    int i = 0;
    boolean any = false;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (CN_DIGITS.indexOf(c) >= 0) {
        // digits one after another ("一一一", "二〇一九") are read as positional digits
        int j = i;
        long run = 0;
        while (j < s.length() && CN_DIGITS.indexOf(s.charAt(j)) >= 0) {
          run = run * 10 + cnDigit(s.charAt(j));
          j++;
        }
        if (j - i == 2 && cnDigit(s.charAt(i + 1)) == cnDigit(s.charAt(i)) + 1) {
          return null; // "五六个": five or six
        }
        if (j - i > 1 && s.charAt(i) != '零' && !(j - i == 2 && s.charAt(i + 1) == '零')) {
          number = run;
        } else {
          number = cnDigit(s.charAt(j - 1));
        }
        i = j;
        any = true;
        continue;
      }
      switch (c) {
        case '十' -> section += (number == 0 ? 1 : number) * 10;
        case '百' -> section += number * 100;
        case '千' -> section += number * 1000;
        case '万', '萬' -> big = big.add(BigDecimal.valueOf(section + number).multiply(BigDecimal.valueOf(10000)));
        case '亿', '億' -> {
          total = total.add(big.add(BigDecimal.valueOf(section + number)).multiply(BigDecimal.valueOf(100000000)));
          big = BigDecimal.ZERO;
        }
        default -> {
          return null;
        }
      }
      if (c == '万' || c == '萬' || c == '亿' || c == '億') {
        section = 0;
      }
      number = 0;
      any = true;
      i++;
    }
    if (!any) {
      return null;
    }
    return total.add(big).add(BigDecimal.valueOf(section + number));
  }
}
