package org.dossier.analyze;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Span;

/**
 * Chinese dates, in digits or Chinese numerals: "2024年10月14日", "二〇一九年十二月十七日",
 * "12月17日", a day alone ("17日", "十七日": the document's month, or the one before when the
 * day would fall well after the document), weekdays ("周四", "星期四", "週四", "本周三", "上周五")
 * and relative words ("去年", "上周"), resolved against the document's date by {@link Dates}.
 */
final class ChineseDates {
  private static final String ZH_N = "(\\d{1,2}|[〇零一二三四五六七八九十两]{1,3})";
  private static final String ZH_YEAR = "(\\d{4}|[〇零一二三四五六七八九]{4})";
  private static final Pattern ZH_YMD = Pattern.compile(ZH_YEAR + "\\s*年\\s*" + ZH_N + "\\s*月\\s*" + ZH_N + "\\s*[日号]");
  private static final Pattern ZH_YM = Pattern.compile(ZH_YEAR + "\\s*年\\s*" + ZH_N + "\\s*月(?!\\s*[\\d〇零一二三四五六七八九十])");
  private static final Pattern ZH_MD = Pattern.compile("(?<![\\d年〇零一二三四五六七八九十])" + ZH_N + "\\s*月\\s*" + ZH_N + "\\s*[日号]");
  private static final Pattern ZH_Y = Pattern.compile(ZH_YEAR + "\\s*年(?!\\s*[\\d〇零一二三四五六七八九十]{1,3}\\s*月)");
  /** A day of the month alone: "17日", "十七日"; not "3日内" (within three days). */
  private static final Pattern ZH_D = Pattern.compile("(?<![\\d月〇零一二三四五六七八九十第每])" + ZH_N + "日(?![内間间])");
  private static final Pattern ZH_WEEKDAY = Pattern.compile(
      "(?<![〇零一二三四五六七八九十两几每个個])(上|本|这|這|下)?(?:个|個)?(?:星期|礼拜|禮拜|周|週)([一二三四五六日天])");
  private static final Pattern REL_ZH = Pattern.compile("(昨天|今天|明天|上周|本周|下周|上週|本週|下週|上个月|上個月|本月|下个月|下個月|去年|今年|明年)");

  private ChineseDates() {}

  /** Adds the Chinese dates, weekdays and relative words of {@code text} to {@code hits}. */
  static void find(List<Dates.Hit> hits, String text, Optional<LocalDate> anchor) {
    for (Matcher m = ZH_YMD.matcher(text); m.find(); ) {
      Dates.day(hits, m.start(), m.end(), num(m.group(1)), num(m.group(2)), num(m.group(3)));
    }
    for (Matcher m = ZH_YM.matcher(text); m.find(); ) {
      int mo = num(m.group(2));
      if (mo >= 1 && mo <= 12) {
        Dates.add(hits, m.start(), m.end(), YearMonth.of(num(m.group(1)), mo).toString(), false);
      }
    }
    for (Matcher m = ZH_Y.matcher(text); m.find(); ) {
      Dates.add(hits, m.start(), m.end(), Integer.toString(num(m.group(1))), false);
    }
    for (Matcher m = ZH_MD.matcher(text); m.find(); ) {
      Dates.dayWithoutYear(hits, m.start(), m.end(), anchor, num(m.group(1)), num(m.group(2)));
    }
    for (Matcher m = ZH_D.matcher(text); m.find(); ) {
      int d = num(m.group(1));
      if (d < 1 || d > 31 || m.group(1).equals("一")) {
        continue;
      }
      if (anchor.isEmpty()) {
        hits.add(new Dates.Hit(new Span(m.start(), m.end()), null, Dates.Kind.UNPLACED));
        continue;
      }
      LocalDate a = anchor.get();
      // the document's month, or the one before when the day would fall well after the document
      YearMonth ym = YearMonth.from(a);
      if (d > ym.lengthOfMonth() || LocalDate.of(a.getYear(), a.getMonth(), d).isAfter(a.plusDays(7))) {
        ym = ym.minusMonths(1);
      }
      if (d <= ym.lengthOfMonth()) {
        Dates.add(hits, m.start(), m.end(), ym.atDay(d).toString(), true);
      }
    }
    if (anchor.isEmpty()) {
      return;
    }
    LocalDate a = anchor.get();
    for (Matcher m = ZH_WEEKDAY.matcher(text); m.find(); ) {
      int k = "一二三四五六".indexOf(m.group(2).charAt(0));
      DayOfWeek dow = k < 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(k + 1);
      String prefix = m.group(1) == null ? "" : m.group(1);
      LocalDate monday = a.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      LocalDate d = switch (prefix) {
        case "上" -> monday.minusWeeks(1).plusDays(dow.getValue() - 1L);
        case "下" -> monday.plusWeeks(1).plusDays(dow.getValue() - 1L);
        default -> a.with(TemporalAdjusters.previousOrSame(dow));
      };
      Dates.add(hits, m.start(), m.end(), d.toString(), true);
    }
    for (Matcher m = REL_ZH.matcher(text); m.find(); ) {
      Dates.relative(hits, m, a, chineseToEnglish(m.group(1)));
    }
  }

  /** A number in digits or Chinese numerals. */
  private static int num(String s) {
    if (Character.isDigit(s.charAt(0))) {
      return Integer.parseInt(s);
    }
    java.math.BigDecimal v = ChineseNumerals.value(s);
    return v == null ? -1 : v.intValue();
  }

  private static String chineseToEnglish(String s) {
    return switch (s) {
      case "昨天" -> "yesterday";
      case "今天" -> "today";
      case "明天" -> "tomorrow";
      case "上周", "上週" -> "last week";
      case "本周", "本週" -> "this week";
      case "下周", "下週" -> "next week";
      case "上个月", "上個月" -> "last month";
      case "本月" -> "this month";
      case "下个月", "下個月" -> "next month";
      case "去年" -> "last year";
      case "今年" -> "this year";
      default -> "next year";
    };
  }
}
