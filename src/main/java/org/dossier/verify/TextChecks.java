package org.dossier.verify;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Qualifier;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;
import org.dossier.link.ClaimExtractor;

/**
 * Checks on the text: draft marks, Russian INN and OGRN check digits, weekdays that do not fit
 * their dates, and dated past events later than the file itself.
 */
final class TextChecks {
  private TextChecks() {}

  private static final Pattern INN = Pattern.compile("(?iu)(?<![\\p{L}\\d])ИНН\\s*[:№]?\\s*(\\d{10}|\\d{12})(?!\\d)");
  private static final Pattern OGRN = Pattern.compile("(?iu)(?<![\\p{L}\\d])ОГРН(?:ИП)?\\s*[:№]?\\s*(\\d{13}|\\d{15})(?!\\d)");
  private static final List<String> EN_DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
  private static final List<String> RU_DAYS = List.of("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье");
  private static final List<String> EN_MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december");
  private static final List<String> RU_MONTHS = List.of("января", "февраля", "марта", "апреля", "мая", "июня", "июля",
      "августа", "сентября", "октября", "ноября", "декабря");
  /** "Monday, 5 October 2024", "Monday, October 5, 2024", "понедельник, 5 октября 2024". */
  private static final Pattern WEEKDAY = Pattern.compile(
      "(?iu)\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье),?\\s+"
          + "(?:(\\d{1,2})\\s+(\\p{L}+)|(\\p{L}+)\\s+(\\d{1,2}),?)\\s+(\\d{4})");

  static void run(Subject s, List<Signal> out) {
    ClaimExtractor.draftMark(s.text()).ifPresent(m -> out.add(Signal.of(s.id(), "draft_marking",
        "The document marks itself as a draft.", Map.of("mark", m.group(), "start", m.start(), "end", m.end()))));
    identifiers(s, INN, "inn_checksum_invalid", "INN", TextChecks::innValid, out);
    identifiers(s, OGRN, "ogrn_checksum_invalid", "OGRN", TextChecks::ogrnValid, out);
    weekdays(s, out);
    laterThanFile(s, out);
  }

  private static void identifiers(Subject s, Pattern p, String kind, String label,
      java.util.function.Predicate<String> valid, List<Signal> out) {
    Matcher m = p.matcher(s.text());
    while (m.find()) {
      String number = m.group(1);
      if (!valid.test(number)) {
        out.add(Signal.of(s.id(), kind, "The " + label + " " + number + " fails its check digit.",
            Map.of("value", number, "start", m.start(1), "end", m.end(1))));
      }
    }
  }

  /** INN check digits: 10 digits (organisations) or 12 (people), per the tax service's weights. */
  static boolean innValid(String inn) {
    int[] d = inn.chars().map(c -> c - '0').toArray();
    if (d.length == 10) {
      return checksum(d, new int[] {2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[9];
    }
    if (d.length == 12) {
      return checksum(d, new int[] {7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[10]
          && checksum(d, new int[] {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[11];
    }
    return false;
  }

  private static int checksum(int[] d, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += d[i] * weights[i];
    }
    return sum % 11 % 10;
  }

  /** OGRN: the first 12 digits mod 11 (13 digits) or the first 14 mod 13 (OGRNIP, 15), last digit. */
  static boolean ogrnValid(String ogrn) {
    java.math.BigInteger body = new java.math.BigInteger(ogrn.substring(0, ogrn.length() - 1));
    int mod = ogrn.length() == 13 ? 11 : 13;
    int check = body.mod(java.math.BigInteger.valueOf(mod)).intValue() % 10;
    return check == ogrn.charAt(ogrn.length() - 1) - '0';
  }

  private static void weekdays(Subject s, List<Signal> out) {
    Matcher m = WEEKDAY.matcher(s.text());
    while (m.find()) {
      String dayWord = m.group(1).toLowerCase(Locale.ROOT);
      int day;
      String month;
      if (m.group(2) != null) {
        day = Integer.parseInt(m.group(2));
        month = m.group(3).toLowerCase(Locale.ROOT);
      } else {
        day = Integer.parseInt(m.group(5));
        month = m.group(4).toLowerCase(Locale.ROOT);
      }
      int mi = EN_MONTHS.indexOf(month);
      if (mi < 0) {
        mi = RU_MONTHS.indexOf(month);
      }
      if (mi < 0) {
        continue;
      }
      int said = weekdayIndex(dayWord);
      LocalDate date;
      try {
        date = LocalDate.of(Integer.parseInt(m.group(6)), mi + 1, day);
      } catch (java.time.DateTimeException e) {
        continue;
      }
      if (said >= 0 && date.getDayOfWeek() != DayOfWeek.of(said + 1)) {
        out.add(Signal.of(s.id(), "weekday_mismatch", "\"" + m.group() + "\": " + date + " was a "
            + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ".",
            Map.of("quote", m.group(), "start", m.start(), "end", m.end(), "date", date.toString(),
                "weekday", date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))));
      }
    }
  }

  private static int weekdayIndex(String w) {
    int i = EN_DAYS.indexOf(w);
    if (i >= 0) {
      return i;
    }
    for (int k = 0; k < RU_DAYS.size(); k++) {
      String r = RU_DAYS.get(k);
      if (w.equals(r) || w.length() >= 4 && r.startsWith(w.substring(0, w.length() - 1))) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Days the text gives that are later than the file's own modification date: a letter that
   * mentions an event after it was last saved. Deadlines and plans ("by", "no later than") are
   * left out; they are meant to be later.
   */
  private static void laterThanFile(Subject s, List<Signal> out) {
    java.util.Optional<java.time.Instant> modified = Dates.parse(s.meta("dcterms:modified").orElse(""));
    if (modified.isEmpty()) {
      return;
    }
    LocalDate fileDay = modified.get().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    List<Map<String, Object>> later = new ArrayList<>();
    for (ValueMention v : s.annotations().values()) {
      if (!(v.value() instanceof Value.Date d) || d.relative() || d.iso().length() != 10) {
        continue;
      }
      if (v.qualifier().map(Qualifier::bound).filter(b -> b == Qualifier.Bound.BY || b == Qualifier.Bound.FROM).isPresent()) {
        continue;
      }
      LocalDate day = LocalDate.parse(d.iso());
      if (day.isAfter(fileDay.plusDays(1))) {
        later.add(Map.of("text", v.text(), "date", d.iso(), "start", v.span().start(), "end", v.span().end()));
      }
    }
    if (!later.isEmpty()) {
      out.add(Signal.of(s.id(), "date_after_file_modified", later.size() + " date(s) in the text fall after the file was"
          + " last modified (" + fileDay + "), such as " + later.get(0).get("text") + ".",
          Map.of("fileModified", fileDay.toString(), "dates", later.subList(0, Math.min(10, later.size())))));
    }
  }
}
