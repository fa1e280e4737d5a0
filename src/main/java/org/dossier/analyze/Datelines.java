package org.dossier.analyze;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Attribution;
import org.dossier.core.Attribution.Kind;
import org.dossier.core.Span;

/**
 * Wire datelines: a line that starts with an agency credit in brackets, with or without a place
 * and a date before it ("KESTROV (NPA) —", "Kestrov, Dec 18 (NPA) -", "(NPA) -"); Chinese
 * credits ("（北原社记者王明北原18日电）", "【北原社北原5日电】", "北原社北原5月5日电"); and a line that
 * is only a credit ("(vpa)", "– vpa"). The whole text is the agency's. A credit in brackets
 * counts only when a dash follows it or when it comes right after a place in capitals or a place
 * and a date, so that "(NPA photo)" under a picture or "(Velm News: Name)" are not datelines.
 */
final class Datelines {
  /** Where a dateline may start: near the top. */
  static final int TOP = 2_000;

  private static final String PLACE = "\\p{Lu}[\\p{L}'’.\\-]*(?:[ \\t]\\p{Lu}[\\p{L}'’.\\-]*){0,3}";
  private static final String DATE =
      "(?:\\d{1,2}\\.?[ \\t]+\\p{L}{3,10}\\.?|\\p{L}{3,10}\\.?[ \\t]+\\d{1,2})(?:,?[ \\t]+\\d{4})?";
  private static final Pattern WIRE = Pattern.compile(
      "(?m)^[ \\t]*(?:(" + PLACE + ")(?:,[ \\t]*" + PLACE + ")?(?:(?:,[ \\t]*|[ \\t]+)(" + DATE + "))?[ \\t]*"
          + "|(" + DATE + ")[ \\t]+)?[(（]([\\p{L}][^()（）\\n:]{0,40})[)）][ \\t]*(--|[-–—])?");
  private static final Pattern CHINESE = Pattern.compile(
      "(?m)^[ \\t\\u3000]*(?:[（(【]([^（）()【】\\n]{3,30})[）)】]|(\\p{IsHan}{2,8}社)\\p{IsHan}{1,10}(?:\\d{1,2}月)?\\d{1,2}日[电電])");
  private static final Pattern CHINESE_DATE = Pattern.compile("\\d{1,2}日[电電讯訊]$");
  private static final Pattern CREDIT_LINE = Pattern.compile(
      "(?m)^[ \\t]*(?:[-–—][ \\t]*([\\p{L}]{2,12}(?:/[\\p{L}]{2,12})?)|\\(([\\p{L}]{2,12}(?:/[\\p{L}]{2,12})?)\\))[ \\t]*$");
  private static final Pattern NOT_A_CREDIT = Pattern.compile(
      "(?iu)photo|foto|фото|image|file|video|pictured|illustration|graphic|(?<!\\p{L})(?:map|left|right|"
          + "cent(?:re|er)|above|below|top|bottom)(?!\\p{L})");

  private Datelines() {}

  /**
   * A dateline found.
   *
   * @param attribution the whole text, attributed to the agency
   * @param bodyStart where the text after the credit (and its dash) starts
   */
  record Dateline(Attribution attribution, int bodyStart) {}

  /** The text's dateline, if it has one near its top or a credit line at its end. */
  static Optional<Dateline> find(String text) {
    int best = Integer.MAX_VALUE;
    int body = 0;
    Span source = null;
    Matcher m = WIRE.matcher(text);
    while (m.find() && m.start() < TOP) {
      String agency = m.group(4).strip();
      boolean dash = m.group(5) != null;
      String place = m.group(1);
      boolean capitals = place != null && place.length() >= 2 && place.equals(place.toUpperCase(Locale.ROOT))
          && place.chars().anyMatch(Character::isLetter);
      boolean placeAndDate = place != null && m.group(2) != null;
      // "Kestrow (vpa) -", not "Max Berger (Radio Stellan) —": a place in small letters takes one
      // word or a wire code
      boolean plain = place == null || capitals || placeAndDate || place.split("[ \\t]+").length == 1
          || wireLike(agency);
      if ((dash && plain || capitals || placeAndDate) && credit(agency) && !acronymOf(agency, place)) {
        best = m.start();
        body = m.end();
        source = new Span(m.start(4), m.start(4) + agency.length());
        break;
      }
    }
    Matcher c = CHINESE.matcher(text);
    while (c.find() && c.start() < Math.min(best, TOP)) {
      Span agency = c.group(2) != null ? new Span(c.start(2), c.end(2)) : chineseAgency(text, c.start(1), c.end(1));
      if (agency != null) {
        best = c.start();
        body = c.end();
        source = agency;
        break;
      }
    }
    // a line that is only a credit: near the top, or the last line
    int top = text.indexOf('\n', Math.min(text.length(), TOP));
    int lastLine = text.stripTrailing().lastIndexOf('\n') + 1;
    Matcher l = CREDIT_LINE.matcher(text);
    for (int[] region : new int[][] {{0, top < 0 ? text.length() : top}, {lastLine, text.length()}}) {
      l.region(region[0], region[1]);
      while (source == null && l.find()) {
        int g = l.group(1) != null ? 1 : 2;
        if (credit(l.group(g)) && wireLike(l.group(g))) {
          best = l.start();
          body = l.end();
          source = new Span(l.start(g), l.end(g));
        }
      }
    }
    if (source == null) {
      return Optional.empty();
    }
    return Optional.of(new Dateline(new Attribution(new Span(0, text.length()), source,
        text.substring(source.start(), source.end()), Kind.DATELINE, Optional.empty()), body));
  }

  /** An agency's name: a few words, not a picture credit. */
  private static boolean credit(String agency) {
    return !agency.isBlank() && agency.split("\\s+").length <= 4 && !NOT_A_CREDIT.matcher(agency).find();
  }

  /** "vpa", "NPA", "vpa/NPA": a short code all in capitals or all in small letters. */
  private static boolean wireLike(String agency) {
    return agency.length() <= 12 && (agency.equals(agency.toUpperCase(Locale.ROOT))
        || agency.equals(agency.toLowerCase(Locale.ROOT)));
  }

  /** "Radio Stellan (RS) —", "Ministry of Defence (MoD) -": the brackets spell the name before them. */
  private static boolean acronymOf(String agency, String place) {
    if (place == null) {
      return false;
    }
    StringBuilder capitals = new StringBuilder();
    agency.chars().filter(Character::isUpperCase).forEach(capitals::appendCodePoint);
    StringBuilder initials = new StringBuilder();
    for (String w : place.split("[ \\t\\-]+")) {
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
        initials.append(w.charAt(0));
      }
    }
    return capitals.length() >= 2 && initials.toString().equals(capitals.toString());
  }

  /** The agency of "（北原社记者王明北原18日电）": before 记者, else up to 社, 网, 台 or 报. */
  private static Span chineseAgency(String text, int start, int end) {
    String credit = text.substring(start, end);
    if (!CHINESE_DATE.matcher(credit).find()) {
      return null;
    }
    int reporter = Math.max(credit.indexOf("记者"), credit.indexOf("記者"));
    if (reporter >= 2) {
      return new Span(start, start + reporter);
    }
    for (int i = 1; i < Math.min(credit.length(), 10); i++) {
      if ("社网網台报報".indexOf(credit.charAt(i)) >= 0) {
        return new Span(start, start + i + 1);
      }
    }
    return null;
  }
}
