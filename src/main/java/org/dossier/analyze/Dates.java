package org.dossier.analyze;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Span;
import org.dossier.core.Value;

/**
 * Dates and periods in English, Russian and Chinese, as precise as the text: "26 September
 * 2024", "Sept. 26", "in October 2024", "2024", "26 сентября 2024 г.", "в октябре 2024 года",
 * "2024年10月14日"; relative ones ("last week", "earlier this month", "yesterday", "three months
 * ago", "в прошлом году", "去年") resolved against the document's own date. A day or month given
 * without a year takes the year that puts it closest before the document's date.
 */
final class Dates {
  /** A date found: where, and its value. */
  record Hit(Span span, Value.Date date) {}

  private static final Map<String, Integer> MONTHS = new HashMap<>();

  static {
    String[][] en = {
      {"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may"},
      {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sept", "sep"},
      {"october", "oct"}, {"november", "nov"}, {"december", "dec"}
    };
    String[][] ru = {
      {"январь", "января", "январе"}, {"февраль", "февраля", "феврале"}, {"март", "марта", "марте"},
      {"апрель", "апреля", "апреле"}, {"май", "мая", "мае"}, {"июнь", "июня", "июне"},
      {"июль", "июля", "июле"}, {"август", "августа", "августе"},
      {"сентябрь", "сентября", "сентябре"}, {"октябрь", "октября", "октябре"},
      {"ноябрь", "ноября", "ноябре"}, {"декабрь", "декабря", "декабре"}
    };
    for (int m = 0; m < 12; m++) {
      for (String w : en[m]) {
        MONTHS.put(w, m + 1);
      }
      for (String w : ru[m]) {
        MONTHS.put(w, m + 1);
      }
    }
  }

  private static final String EN_MONTH =
      "(January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?"
          + "|Nov\\.?|Dec\\.?)";
  private static final String RU_MONTH =
      "(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
          + "|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  private static final String YEAR = "((?:1[89]|20)\\d{2})";
  private static final String RU_YEAR_WORD = "(?:\\s*(?:г\\.|гг\\.|года|году|год)(?![\\p{L}]))?";

  private static final Pattern ISO = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");
  private static final Pattern DOTTED = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d|\\.\\d)");
  private static final Pattern EN_DMY = Pattern.compile("(?<![\\p{L}\\d])" + DAY + "\\s+" + EN_MONTH + ",?\\s+" + YEAR + "(?!\\d)");
  private static final Pattern EN_MDY = Pattern.compile("(?<![\\p{L}])" + EN_MONTH + "\\s+" + DAY + ",?\\s+" + YEAR + "(?!\\d)");
  private static final Pattern EN_MY = Pattern.compile("(?<![\\p{L}])" + EN_MONTH + ",?\\s+(?:of\\s+)?" + YEAR + "(?!\\d)");
  private static final Pattern EN_MD = Pattern.compile("(?<![\\p{L}])" + EN_MONTH + "\\s+" + DAY + "(?![\\d\\p{L}]|,?\\s+\\d{4})");
  private static final Pattern EN_DM = Pattern.compile("(?<![\\p{L}\\d])" + DAY + "\\s+(?:of\\s+)?" + EN_MONTH + "(?![\\p{L}])");
  private static final Pattern EN_M = Pattern.compile("(?i)(?<![\\p{L}])(?:in|since|until|by|from|during|early|late|mid|earlier in|later in)\\s+" + "(January|February|March|April|May|June|July|August|September|October|November|December)(?![\\p{L}])(?!\\s+\\d)");
  private static final Pattern RU_DMY = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,2})\\s+" + RU_MONTH + "\\s+" + YEAR + RU_YEAR_WORD);
  private static final Pattern RU_DM = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,2})\\s+" + RU_MONTH + "(?![\\p{L}])(?!\\s+\\d{4})");
  private static final Pattern RU_MY = Pattern.compile("(?iu)(?<![\\p{L}])" + RU_MONTH + "\\s+" + YEAR + RU_YEAR_WORD);
  private static final Pattern RU_Y = Pattern.compile("(?<![\\p{L}\\d])" + YEAR + "\\s*(?:г\\.|года|году|год)(?![\\p{L}])");
  private static final Pattern ZH_YMD = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");
  private static final Pattern ZH_YM = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月(?!\\s*\\d)");
  private static final Pattern ZH_MD = Pattern.compile("(?<![\\d年])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");
  private static final Pattern ZH_Y = Pattern.compile("(\\d{4})\\s*年(?!\\s*\\d{1,2}\\s*月)");
  /** A bare year after a word that makes it one: "in 2023", "by 2027", "since 2014". */
  private static final Pattern EN_YEAR = Pattern.compile("(?i)(?<![\\p{L}])(?:in|by|since|until|from|before|after|of|early|late|mid|during|through|to|and|or|as early as|no later than|around|circa|year)\\s+" + YEAR + "(?![\\d\\p{L}%])(?!\\s*(?:-|–|to)\\s*\\d)");

  private static final Pattern REL_EN = Pattern.compile(
      "(?i)(?<![\\p{L}])(yesterday|today|tomorrow|(?:last|this|next|past)\\s+(?:week|month|year)"
          + "|(?:earlier|later)\\s+this\\s+(?:week|month|year)"
          + "|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})\\s+"
          + "(?:days?|weeks?|months?|years?)\\s+ago)(?![\\p{L}])");
  private static final Pattern WEEKDAY_EN = Pattern.compile(
      "(?<![\\p{L}])(?:on|last)\\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\\p{L}])");
  private static final Pattern REL_RU = Pattern.compile(
      "(?iu)(?<![\\p{L}])(вчера|сегодня|завтра|на прошлой неделе|на этой неделе|на следующей неделе"
          + "|в прошлом месяце|в этом месяце|в следующем месяце|в прошлом году|в этом году"
          + "|в следующем году|в начале месяца|ранее в этом месяце)(?![\\p{L}])");
  private static final Pattern REL_ZH = Pattern.compile("(昨天|今天|明天|上周|本周|下周|上个月|本月|下个月|去年|今年|明年)");

  private Dates() {}

  static List<Hit> find(String text, Optional<LocalDate> anchor) {
    List<Hit> hits = new ArrayList<>();
    for (Matcher m = ISO.matcher(text); m.find(); ) {
      day(hits, m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), false);
    }
    for (Matcher m = DOTTED.matcher(text); m.find(); ) {
      day(hits, m, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), false);
    }
    for (Matcher m = EN_DMY.matcher(text); m.find(); ) {
      day(hits, m, year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)), false);
    }
    for (Matcher m = EN_MDY.matcher(text); m.find(); ) {
      day(hits, m, year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)), false);
    }
    for (Matcher m = RU_DMY.matcher(text); m.find(); ) {
      day(hits, m, year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)), false);
    }
    for (Matcher m = ZH_YMD.matcher(text); m.find(); ) {
      day(hits, m, year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), false);
    }
    for (Matcher m = EN_MY.matcher(text); m.find(); ) {
      month(hits, m, year(m.group(2)), month(m.group(1)), false);
    }
    for (Matcher m = RU_MY.matcher(text); m.find(); ) {
      month(hits, m, year(m.group(2)), month(m.group(1)), false);
    }
    for (Matcher m = ZH_YM.matcher(text); m.find(); ) {
      month(hits, m, year(m.group(1)), Integer.parseInt(m.group(2)), false);
    }
    for (Matcher m = RU_Y.matcher(text); m.find(); ) {
      add(hits, m.start(), m.end(), m.group(1), false);
    }
    for (Matcher m = ZH_Y.matcher(text); m.find(); ) {
      add(hits, m.start(), m.end(), m.group(1), false);
    }
    for (Matcher m = EN_YEAR.matcher(text); m.find(); ) {
      add(hits, m.start(1), m.end(1), m.group(1), false);
    }
    if (anchor.isPresent()) {
      LocalDate a = anchor.get();
      for (Matcher m = EN_MD.matcher(text); m.find(); ) {
        inferYear(hits, m, a, month(m.group(1)), Integer.parseInt(m.group(2)));
      }
      for (Matcher m = EN_DM.matcher(text); m.find(); ) {
        inferYear(hits, m, a, month(m.group(2)), Integer.parseInt(m.group(1)));
      }
      for (Matcher m = RU_DM.matcher(text); m.find(); ) {
        inferYear(hits, m, a, month(m.group(2)), Integer.parseInt(m.group(1)));
      }
      for (Matcher m = ZH_MD.matcher(text); m.find(); ) {
        inferYear(hits, m, a, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      for (Matcher m = EN_M.matcher(text); m.find(); ) {
        int month = month(m.group(1));
        YearMonth ym = YearMonth.of(a.getYear(), month);
        if (ym.isAfter(YearMonth.from(a).plusMonths(1))) {
          ym = ym.minusYears(1);
        }
        add(hits, m.start(1), m.end(1), ym.toString(), true);
      }
      for (Matcher m = REL_EN.matcher(text); m.find(); ) {
        relative(hits, m, a, m.group(1).toLowerCase(Locale.ROOT));
      }
      for (Matcher m = WEEKDAY_EN.matcher(text); m.find(); ) {
        DayOfWeek d = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        add(hits, m.start(1), m.end(1), a.with(TemporalAdjusters.previousOrSame(d)).toString(), true);
      }
      for (Matcher m = REL_RU.matcher(text); m.find(); ) {
        relative(hits, m, a, russianToEnglish(m.group(1).toLowerCase(Locale.ROOT)));
      }
      for (Matcher m = REL_ZH.matcher(text); m.find(); ) {
        relative(hits, m, a, chineseToEnglish(m.group(1)));
      }
    }
    hits.sort((x, y) -> x.span().compareTo(y.span()));
    return dropOverlaps(hits);
  }

  private static void relative(List<Hit> hits, Matcher m, LocalDate a, String what) {
    String iso;
    switch (what) {
      case "yesterday" -> iso = a.minusDays(1).toString();
      case "today" -> iso = a.toString();
      case "tomorrow" -> iso = a.plusDays(1).toString();
      case "last week", "past week" -> iso = YearMonth.from(a.minusWeeks(1)).toString();
      case "this week", "earlier this week", "later this week" -> iso = YearMonth.from(a).toString();
      case "next week" -> iso = YearMonth.from(a.plusWeeks(1)).toString();
      case "last month", "past month" -> iso = YearMonth.from(a).minusMonths(1).toString();
      case "this month", "earlier this month", "later this month" -> iso = YearMonth.from(a).toString();
      case "next month" -> iso = YearMonth.from(a).plusMonths(1).toString();
      case "last year", "past year" -> iso = Integer.toString(a.getYear() - 1);
      case "this year", "earlier this year", "later this year" -> iso = Integer.toString(a.getYear());
      case "next year" -> iso = Integer.toString(a.getYear() + 1);
      default -> {
        Matcher ago = Pattern.compile("(\\S+)\\s+(day|week|month|year)s?\\s+ago").matcher(what);
        if (!ago.matches()) {
          return;
        }
        String n = ago.group(1);
        int count = n.matches("\\d+") ? Integer.parseInt(n) : n.equals("a") || n.equals("an") ? 1 : Numbers.word(n);
        iso = switch (ago.group(2)) {
          case "day" -> a.minusDays(count).toString();
          case "week" -> YearMonth.from(a.minusWeeks(count)).toString();
          case "month" -> YearMonth.from(a).minusMonths(count).toString();
          default -> Integer.toString(a.getYear() - count);
        };
      }
    }
    add(hits, m.start(1), m.end(1), iso, true);
  }

  private static String russianToEnglish(String s) {
    return switch (s) {
      case "вчера" -> "yesterday";
      case "сегодня" -> "today";
      case "завтра" -> "tomorrow";
      case "на прошлой неделе" -> "last week";
      case "на этой неделе" -> "this week";
      case "на следующей неделе" -> "next week";
      case "в прошлом месяце" -> "last month";
      case "в этом месяце", "в начале месяца", "ранее в этом месяце" -> "this month";
      case "в следующем месяце" -> "next month";
      case "в прошлом году" -> "last year";
      case "в этом году" -> "this year";
      default -> "next year";
    };
  }

  private static String chineseToEnglish(String s) {
    return switch (s) {
      case "昨天" -> "yesterday";
      case "今天" -> "today";
      case "明天" -> "tomorrow";
      case "上周" -> "last week";
      case "本周" -> "this week";
      case "下周" -> "next week";
      case "上个月" -> "last month";
      case "本月" -> "this month";
      case "下个月" -> "next month";
      case "去年" -> "last year";
      case "今年" -> "this year";
      default -> "next year";
    };
  }

  private static void inferYear(List<Hit> hits, Matcher m, LocalDate anchor, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return;
    }
    int year = anchor.getYear();
    LocalDate d = safe(year, month, day);
    if (d == null) {
      return;
    }
    if (d.isAfter(anchor.plusDays(60))) {
      d = safe(year - 1, month, day);
      if (d == null) {
        return;
      }
    }
    add(hits, m.start(), m.end(), d.toString(), true);
  }

  private static LocalDate safe(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static void day(List<Hit> hits, Matcher m, int y, int mo, int d, boolean relative) {
    LocalDate date = safe(y, mo, d);
    if (date != null) {
      add(hits, m.start(), m.end(), date.toString(), relative);
    }
  }

  private static void month(List<Hit> hits, Matcher m, int y, int mo, boolean relative) {
    if (mo >= 1 && mo <= 12) {
      add(hits, m.start(), m.end(), YearMonth.of(y, mo).toString(), relative);
    }
  }

  private static void add(List<Hit> hits, int start, int end, String iso, boolean relative) {
    hits.add(new Hit(new Span(start, end), new Value.Date(iso, relative)));
  }

  private static int year(String s) {
    return Integer.parseInt(s);
  }

  static int month(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace(".", "");
    Integer m = MONTHS.get(w);
    if (m == null && w.length() >= 3) {
      m = MONTHS.get(w.substring(0, Math.min(w.length(), 4)));
      if (m == null) {
        m = MONTHS.get(w.substring(0, 3));
      }
    }
    return m == null ? -1 : m;
  }

  /** Keeps the longest of overlapping hits (the most precise reading of the same words). */
  static List<Hit> dropOverlaps(List<Hit> sorted) {
    List<Hit> out = new ArrayList<>();
    for (Hit h : sorted) {
      if (!out.isEmpty() && out.get(out.size() - 1).span().overlaps(h.span())) {
        Hit prev = out.get(out.size() - 1);
        if (h.span().length() > prev.span().length()) {
          out.set(out.size() - 1, h);
        }
        continue;
      }
      out.add(h);
    }
    return out;
  }
}
