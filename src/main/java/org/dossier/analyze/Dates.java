package org.dossier.analyze;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Span;
import org.dossier.core.Value;

/**
 * Dates and periods as precise as the text, in English, Russian, Chinese, French, German, Spanish,
 * Italian and Portuguese: "26 September 2024", "Sept. 26", "am 13. April 2023", "el 5 de
 * octubre de 2018", "5 ottobre", "26 сентября 2024 г.", "2024年10月14日", "十二月十七日", "17日";
 * years ("in 2023", "im Jahr 2019", "nel 2014", "В 2017-м", and a bare 1983 that a caller may
 * still read as a count); weekdays ("on Thursday", "jeudi", "в четверг", "周四", "本周三") and
 * relative dates ("last week", "yesterday", "в прошлом году", "去年") resolved against the
 * document's own date. A day or month given without a year takes the year that puts it closest
 * before the document's date. Month and weekday words are found in one pass over the text.
 */
final class Dates {
  /** What a hit is: a date; a bare year that may still count something; a day with no year to place it. */
  enum Kind { DATE, BARE_YEAR, UNPLACED }

  /** A date found: where, its value (null when unplaced), and its kind. */
  record Hit(Span span, Value.Date date, Kind kind) {
    Hit(Span span, Value.Date date) {
      this(span, date, Kind.DATE);
    }
  }

  private static final String YEAR = "((?:1[89]|20)\\d{2})";

  private static final Pattern ISO = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");
  private static final Pattern DOTTED = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d|\\.\\d)");
  private static final Pattern RU_Y = Pattern.compile("(?<![\\p{L}\\d])" + YEAR + "\\s*(?:г\\.|года|году|год)(?![\\p{L}])");
  /** A four-digit number that may be a year; not in a code ("KDE-2024/117"), nor "1,999". */
  private static final Pattern YEAR_CANDIDATE = Pattern.compile(
      "(?:(?<![\\p{L}\\p{N}.,/'’\\-–])|(?<=\\d{4}[-–]))" + YEAR + "(?![\\p{N}\\p{IsLatin}\\p{IsCyrillic}]|[.,'’/]\\p{N}|-\\p{IsLatin})");
  /** Words before a year that make it one whatever follows: "in 2023", "im Jahr 2019", "nel 2014". */
  private static final Pattern YEAR_WORD_BEFORE = Pattern.compile(
      "(?iu)(?<![\\p{L}'’])(?:in|by|since|until|before|after|early|late|mid|during|through|as early as"
          + "|no later than|around|circa|year|en|depuis|dès|jusqu'en|avant|après|l'année|année|fin|début"
          + "|im jahr|im jahre|seit|anfang|ende|mitte|desde|hasta|año|nel|dal|entro il|fino al|anno"
          + "|nell'anno|в|к|the|les|los|las|die|der|das|den|dem|gli|il|le|la|el|lo)\\s{1,3}$");
  /** Words before a number that name it rather than count or date it: "No. 2019", "page 2019". */
  static final Pattern NAMING_WORD_BEFORE = Pattern.compile(
      "(?iu)(?:No\\.|№|#|Nr\\.|Art\\.|§|(?<![\\p{L}])(?:page|p\\.|pp\\.|number|numéro|nummer|numero|номер"
          + "|flight|route|room|model|vol\\.|seite|página|pagina|страница))\\s{0,3}$");
  private static final Pattern DAY_BEFORE = Pattern.compile(
      "(?<![\\p{L}\\p{N}.,:/])(\\d{1,2})(?:\\.|er|st|nd|rd|th|º|°|-го|-е)?\\s{1,3}(?:de\\s{1,3}|of\\s{1,3})?$");
  private static final Pattern YEAR_AFTER = Pattern.compile(
      ",?\\s{1,3}(?:de\\s{1,3}|del\\s{1,3}|of\\s{1,3})?" + YEAR + "(?![\\d\\p{L}])(?:\\s{0,2}(?:г\\.|гг\\.|года|году|год)(?![\\p{L}]))?");
  private static final Pattern DAY_AFTER = Pattern.compile(
      "\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?![\\d\\p{L}])(?:,?\\s{1,3}" + YEAR + "(?![\\d\\p{L}]))?");

  /**
   * A decade written as a year and a plural or decade ending: "1970s", "1970's", "1970er-Jahre",
   * "1970ern", "1970-е годы", "1970-х".
   */
  private static final Pattern DECADE_AFTER = Pattern.compile(
      "(?<![\\p{L}\\p{N}.,'’/-])((?:1[89]|20)\\d)0(?:['’]?s|er(?:n|(?:-|\\s)?Jahren?)?"
          + "|\\s?-\\s?(?:е|х|ые|ых|ми|м)(?:\\s+(?:годы|годов|годах|гг\\.))?)(?![\\p{L}\\p{N}])");
  /** A decade after the word for one: "années 1970", "anni '70", "años 70", "década de 1970". */
  private static final Pattern DECADE_BEFORE = Pattern.compile(
      "(?iu)(?<![\\p{L}])(?:années|anni|años|década\\s+de(?:\\s+los)?|decade\\s+of\\s+the|jahrzehnt)"
          + "\\s+(?:['’]\\s?)?(?:((?:1[89]|20)\\d)0|([3-9])0)(?![\\p{L}\\p{N}])");
  /** A decade in Chinese: "1970年代", "70年代", "上世纪七十年代", "二十世纪70年代". */
  private static final Pattern DECADE_ZH = Pattern.compile(
      "(?<!\\p{N})(?:((?:1[89]|20)\\d)0|(?:(?:上|二十|20)世[纪紀])?([3-9])0|(?:上|二十|20)世[纪紀]([三四五六七八九])十)年代");

  private static final Pattern REL_EN = Pattern.compile(
      "(?i)(?<![\\p{L}])(yesterday|today|tomorrow|(?:last|this|next|past)\\s+(?:week|month|year)"
          + "|(?:earlier|later)\\s+this\\s+(?:week|month|year)"
          + "|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})\\s+"
          + "(?:days?|weeks?|months?|years?)\\s+ago)(?![\\p{L}])");
  private static final Pattern REL_RU = Pattern.compile(
      "(?iu)(?<![\\p{L}])(вчера|сегодня|завтра|на прошлой неделе|на этой неделе|на следующей неделе"
          + "|в прошлом месяце|в этом месяце|в следующем месяце|в прошлом году|в этом году"
          + "|в следующем году|в начале месяца|ранее в этом месяце)(?![\\p{L}])");

  private Dates() {}

  static List<Hit> find(String text, Optional<LocalDate> anchor) {
    return find(text, anchor, "und");
  }

  /** The dates in {@code text} of {@code language}, in order, without overlaps. */
  static List<Hit> find(String text, Optional<LocalDate> anchor, String language) {
    List<Hit> hits = new ArrayList<>();
    for (Matcher m = ISO.matcher(text); m.find(); ) {
      day(hits, m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), false);
    }
    for (Matcher m = DOTTED.matcher(text); m.find(); ) {
      day(hits, m, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), false);
    }
    for (Matcher m = RU_Y.matcher(text); m.find(); ) {
      add(hits, m.start(), m.end(), m.group(1), false);
    }
    years(hits, text);
    decades(hits, text);
    words(hits, text, anchor, language);
    if (hasHan(text)) {
      ChineseDates.find(hits, text, anchor);
    }
    if (anchor.isPresent()) {
      LocalDate a = anchor.get();
      for (Matcher m = REL_EN.matcher(text); m.find(); ) {
        relative(hits, m, a, m.group(1).toLowerCase(Locale.ROOT));
      }
      for (Matcher m = REL_RU.matcher(text); m.find(); ) {
        relative(hits, m, a, russianToEnglish(m.group(1).toLowerCase(Locale.ROOT)));
      }
    }
    hits.sort((x, y) -> x.span().compareTo(y.span()));
    return dropOverlaps(hits);
  }

  private static boolean hasHan(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (NumberWords.isHan(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Four-digit years: after a word that makes them one, with "-м" ("В 2017-м"), or bare. */
  private static void years(List<Hit> hits, String text) {
    for (Matcher m = YEAR_CANDIDATE.matcher(text); m.find(); ) {
      int s = m.start(1);
      String before = text.substring(Math.max(0, s - 16), s);
      if (NAMING_WORD_BEFORE.matcher(before).find()) {
        continue;
      }
      int e = m.end(1);
      boolean suffix = e + 1 < text.length() && text.charAt(e) == '-'
          && Character.UnicodeScript.of(text.charAt(e + 1)) == Character.UnicodeScript.CYRILLIC;
      boolean strong = suffix || YEAR_WORD_BEFORE.matcher(before).find();
      Value.Date d = new Value.Date(m.group(1), false);
      hits.add(new Hit(new Span(s, e), d, strong ? Kind.DATE : Kind.BARE_YEAR));
    }
  }

  /** Decades: "the 1970s", "1970er-Jahre", "années 70", "1970-е годы", "七十年代" after 世纪. */
  private static void decades(List<Hit> hits, String text) {
    for (Matcher m = DECADE_AFTER.matcher(text); m.find(); ) {
      add(hits, m.start(), m.end(), m.group(1) + "0s", false);
    }
    for (Matcher m = DECADE_BEFORE.matcher(text); m.find(); ) {
      add(hits, m.start(), m.end(), (m.group(1) != null ? m.group(1) : "19" + m.group(2)) + "0s", false);
    }
    for (Matcher m = DECADE_ZH.matcher(text); m.find(); ) {
      String century = m.group(1);
      String digit = m.group(2) != null ? m.group(2) : m.group(3) != null ? String.valueOf("一二三四五六七八九".indexOf(m.group(3)) + 1) : null;
      add(hits, m.start(), m.end(), (century != null ? century : "19" + digit) + "0s", false);
    }
  }

  /** Month and weekday words, read with the day and year around them. */
  private static void words(List<Hit> hits, String text, Optional<LocalDate> anchor, String language) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!NumberWords.isWordLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && NumberWords.isWordLetter(text.charAt(i))) {
        i++;
      }
      if (i - s < 3 || i - s > 12 || s > 0 && Character.isLetterOrDigit(text.charAt(s - 1))
          || !DateWords.mayStart(text.charAt(s))) {
        continue;
      }
      DateWords.Word w = DateWords.lookup(text.substring(s, i), language);
      if (w == null) {
        continue;
      }
      if (w.weekday() != null) {
        anchor.ifPresent(a -> weekday(hits, text, s, a, w));
      } else {
        month(hits, text, s, i, w, anchor, language);
      }
    }
  }

  private static void month(List<Hit> hits, String text, int s, int e, DateWords.Word w,
      Optional<LocalDate> anchor, String language) {
    int n = text.length();
    int me = e < n && text.charAt(e) == '.' && w.abbreviation() ? e + 1 : e;
    Matcher day = DAY_BEFORE.matcher(text).region(Math.max(0, s - 12), s).useTransparentBounds(true);
    Matcher year = YEAR_AFTER.matcher(text).region(me, Math.min(n, me + 24)).useTransparentBounds(true);
    boolean hasYear = year.lookingAt();
    if (day.find()) {
      int d = Integer.parseInt(day.group(1));
      int start = weekdayBefore(text, day.start(1), language);
      if (hasYear) {
        day(hits, start, year.end(), Integer.parseInt(year.group(1)), w.month(), d);
      } else {
        dayWithoutYear(hits, start, me, anchor, w.month(), d);
      }
      return;
    }
    if (w.abbreviation() && w.languages() != null) {
      return; // "set", "gen", "ago" only right after a day
    }
    if (w.language().equals("en")) {
      Matcher after = DAY_AFTER.matcher(text).region(me, Math.min(n, me + 16)).useTransparentBounds(true);
      if (after.lookingAt()) {
        int d = Integer.parseInt(after.group(1));
        int start = weekdayBefore(text, s, language);
        if (after.group(2) != null) {
          day(hits, start, after.end(), Integer.parseInt(after.group(2)), w.month(), d);
        } else {
          dayWithoutYear(hits, start, after.end(1), anchor, w.month(), d);
        }
        return;
      }
    }
    if (hasYear) {
      int y = Integer.parseInt(year.group(1));
      hits.add(new Hit(new Span(s, year.end()), new Value.Date(YearMonth.of(y, w.month()).toString(), false)));
      return;
    }
    if (anchor.isPresent() && !w.abbreviation()
        && (monthWordBefore(text, s, w.language()) || monthWordBefore(text, s, language))
        && !(me + 1 < n && text.charAt(me) == ' ' && Character.isDigit(text.charAt(me + 1)))) {
      LocalDate a = anchor.get();
      YearMonth ym = YearMonth.of(a.getYear(), w.month());
      if (ym.isAfter(YearMonth.from(a).plusMonths(1))) {
        ym = ym.minusYears(1);
      }
      add(hits, s, e, ym.toString(), true);
    }
  }

  /** "in April", "en avril", "im April", "a maggio", "в октябре": a month alone that is a date. */
  private static boolean monthWordBefore(String text, int s, String language) {
    java.util.Set<String> words = DateWords.BEFORE_MONTH.get(language);
    if (words == null) {
      return false;
    }
    String before = text.substring(Math.max(0, s - 16), s).toLowerCase(Locale.ROOT);
    int end = before.length();
    while (end > 0 && (before.charAt(end - 1) == ' ' || before.charAt(end - 1) == '-')) {
      end--;
    }
    if (end == before.length()) {
      return false;
    }
    for (String w : words) {
      if (before.startsWith(w, end - w.length()) && (end - w.length() == 0
          || !Character.isLetter(before.charAt(end - w.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** Where a date starts when a weekday stands before its day: "jeudi 13 avril", "Thursday, April 13". */
  private static int weekdayBefore(String text, int start, String language) {
    int i = start;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == ',')) {
      i--;
    }
    int e = i;
    while (i > 0 && NumberWords.isWordLetter(text.charAt(i - 1))) {
      i--;
    }
    if (e == start || e - i < 3) {
      return start;
    }
    DateWords.Word w = DateWords.lookup(text.substring(i, e), language);
    return w != null && w.weekday() != null ? i : start;
  }

  private static final java.util.Set<String> NEXT_BEFORE = java.util.Set.of(
      "next", "coming", "nächsten", "kommenden", "próximo", "prossimo", "следующий", "следующую");
  private static final java.util.Set<String> NEXT_AFTER = java.util.Set.of(
      "prochain", "próximo", "prossimo", "que");

  /** A weekday: the latest such day on or before the document's date, or the next one if said so. */
  private static void weekday(List<Hit> hits, String text, int s, LocalDate a, DateWords.Word w) {
    int e = s;
    while (e < text.length() && NumberWords.isWordLetter(text.charAt(e))) {
      e++;
    }
    String prev = previousWord(text, s);
    if (w.language().equals("ru") && !prev.equals("в") && !prev.equals("во")) {
      return;
    }
    if (!w.capital() && Character.isUpperCase(text.charAt(s)) && !sentenceStart(text, s)) {
      return; // "Domingo", "Martes": a name
    }
    String next = nextWord(text, e);
    if (!w.language().equals("de") && !next.isEmpty() && Character.isUpperCase(next.charAt(0))
        && text.charAt(e) == ' ' && !nextWord(text, e).equals(next.toLowerCase(Locale.ROOT))) {
      return; // "Domingo Pérez", "Friday Okafor": a name
    }
    boolean ahead = NEXT_BEFORE.contains(prev) || NEXT_AFTER.contains(next.toLowerCase(Locale.ROOT));
    LocalDate d = ahead ? a.with(TemporalAdjusters.next(w.weekday()))
        : a.with(TemporalAdjusters.previousOrSame(w.weekday()));
    add(hits, s, e, d.toString(), true);
  }

  private static String previousWord(String text, int s) {
    int i = s;
    while (i > 0 && text.charAt(i - 1) == ' ') {
      i--;
    }
    int e = i;
    while (i > 0 && NumberWords.isWordLetter(text.charAt(i - 1))) {
      i--;
    }
    return text.substring(i, e).toLowerCase(Locale.ROOT);
  }

  private static String nextWord(String text, int e) {
    int i = e;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    int s = i;
    while (i < text.length() && NumberWords.isWordLetter(text.charAt(i))) {
      i++;
    }
    return text.substring(s, i);
  }

  private static boolean sentenceStart(String text, int pos) {
    int i = pos - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    return i < 0 || ".!?\n\"«“(—–-:".indexOf(text.charAt(i)) >= 0;
  }

  static void relative(List<Hit> hits, Matcher m, LocalDate a, String what) {
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
        int count = n.matches("\\d+") ? Integer.parseInt(n) : n.equals("a") || n.equals("an") ? 1 : NumberWords.english(n);
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

  /** A day and month without a year: placed by the document's date, or only kept from counting. */
  static void dayWithoutYear(List<Hit> hits, int start, int end, Optional<LocalDate> anchor,
      int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return;
    }
    if (anchor.isEmpty()) {
      hits.add(new Hit(new Span(start, end), null, Kind.UNPLACED));
      return;
    }
    LocalDate a = anchor.get();
    LocalDate d = safe(a.getYear(), month, day);
    if (d != null && d.isAfter(a.plusDays(60))) {
      d = safe(a.getYear() - 1, month, day);
    }
    if (d != null) {
      add(hits, start, end, d.toString(), true);
    }
  }

  static LocalDate safe(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static void day(List<Hit> hits, Matcher m, int y, int mo, int d, boolean relative) {
    day(hits, m.start(), m.end(), y, mo, d);
  }

  static void day(List<Hit> hits, int start, int end, int y, int mo, int d) {
    LocalDate date = safe(y, mo, d);
    if (date != null) {
      add(hits, start, end, date.toString(), false);
    }
  }

  static void add(List<Hit> hits, int start, int end, String iso, boolean relative) {
    hits.add(new Hit(new Span(start, end), new Value.Date(iso, relative)));
  }

  private static int year(String s) {
    return Integer.parseInt(s);
  }

  /** Keeps the longest of overlapping hits (the most precise reading of the same words). */
  static List<Hit> dropOverlaps(List<Hit> sorted) {
    List<Hit> out = new ArrayList<>();
    for (Hit h : sorted) {
      if (!out.isEmpty() && out.get(out.size() - 1).span().overlaps(h.span())) {
        Hit prev = out.get(out.size() - 1);
        if (h.span().length() > prev.span().length()
            || h.span().length() == prev.span().length() && prev.kind() != Kind.DATE && h.kind() == Kind.DATE) {
          out.set(out.size() - 1, h);
        }
        continue;
      }
      out.add(h);
    }
    return out;
  }
}
