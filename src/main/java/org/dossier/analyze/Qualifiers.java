package org.dossier.analyze;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Qualifier;
import org.dossier.core.Qualifier.Bound;

/**
 * The words just before or after a value that hedge or bound it, in English, Russian, Chinese,
 * French, German, Spanish and Italian ("more than", "plus de", "mehr als", "más de", "più di",
 * "более", "逾", "5000多").
 */
final class Qualifiers {
  /** A qualifier found next to a value: its bound, and where its words start or end. */
  record Found(Qualifier qualifier, int start, int end) {}

  private record Rule(Pattern pattern, Bound bound) {}

  /** Before a number (or its currency sign); each pattern must end right before the value. */
  private static final List<Rule> BEFORE = List.of(
      rule("(?i)(?:more than|greater than|exceeds|exceeded|exceeding|tops|topped|over|above|at least|upwards of|upward of|in excess of|no less than|no fewer than|north of|some \\d+ or more than)", Bound.AT_LEAST),
      rule("(?i)(?:up to|as many as|as much as|less than|fewer than|under|below|at most|no more than|not more than|a maximum of)", Bound.AT_MOST),
      rule("(?i)(?:about|around|approximately|roughly|some|nearly|almost|close to|an estimated|estimated|circa|c\\.|approx\\.|more or less)", Bound.ABOUT),
      rule("(?i)(?:as early as|as soon as|from|starting|beginning|since|after)", Bound.FROM),
      rule("(?i)(?:by the end of|by end of|until the end of|before the end of|no later than the end of|by|before|no later than|until|till|not later than)", Bound.BY),
      rule("(?iu)(?:более чем|более|свыше|больше|не менее|не меньше|по меньшей мере|как минимум|превышает|превысил\\p{L}*|превысит|превышающ\\p{L}*)", Bound.AT_LEAST),
      rule("(?iu)(?:не более|не больше|менее|меньше|максимум)", Bound.AT_MOST),
      rule("(?iu)(?:около|примерно|почти|порядка|приблизительно|почти в|около)", Bound.ABOUT),
      rule("(?iu)(?:не позднее конца|до конца|к концу|не позднее|не позже|к|до)", Bound.BY),
      rule("(?iu)(?:начиная с|с|после)", Bound.FROM),
      rule("(?iu)(?:plus de|plus d'|plus d’|au moins|pas moins de|au-delà de|davantage que)", Bound.AT_LEAST),
      rule("(?iu)(?:jusqu'à|jusqu’à|moins de|moins d'|moins d’|au plus|au maximum|pas plus de)", Bound.AT_MOST),
      rule("(?iu)(?:près de|environ|quelque|autour de|à peu près|approximativement|d'environ|d’environ|presque)", Bound.ABOUT),
      rule("(?u)(?:[Mm]ehr als|[Üü]ber|[Mm]indestens|[Ww]enigstens|[Nn]icht weniger als)", Bound.AT_LEAST),
      rule("(?u)(?:[Bb]is zu|[Ww]eniger als|[Hh]öchstens|[Mm]aximal|[Uu]nter|[Kk]napp unter)", Bound.AT_MOST),
      rule("(?u)(?:[Rr]und|[Ee]twa|[Ff]ast|[Kk]napp|[Uu]ngefähr|[Cc]irca|[Nn]ahezu|[Gg]ut)", Bound.ABOUT),
      rule("(?iu)(?:más de|al menos|por lo menos|no menos de|superior a|mais de|pelo menos)", Bound.AT_LEAST),
      rule("(?iu)(?:hasta|menos de|como máximo|no más de|até|menos de)", Bound.AT_MOST),
      rule("(?iu)(?:casi|alrededor de|unos|unas|cerca de|aproximadamente|en torno a|quase|cerca de)", Bound.ABOUT),
      rule("(?iu)(?:più di|oltre|almeno|non meno di|superiore a)", Bound.AT_LEAST),
      rule("(?iu)(?:fino a|meno di|al massimo|non più di)", Bound.AT_MOST),
      rule("(?iu)(?:circa|quasi|intorno a|all'incirca|pressoché)", Bound.ABOUT),
      rule("(?:超过|超過|逾|多于|多於|至少|不少于|不少於|超)", Bound.AT_LEAST),
      rule("(?:不到|少于|少於|最多|不超过|不超過|高达|高達)", Bound.AT_MOST),
      rule("(?:约|約|大约|大約|近|将近|將近|接近|左右)", Bound.ABOUT));

  /** All the rules before a value in one pattern, group k + 1 for rule k. */
  private static final Pattern BEFORE_ALL = Pattern.compile(String.join("|",
      BEFORE.stream().map(r -> "(" + r.pattern().pattern() + ")").toList()));

  /** After a value; each pattern must start right after it. */
  private static final List<Rule> AFTER = List.of(
      ruleAfter("(?i)(?:or more|and more|plus|\\+|or over|at least)", Bound.AT_LEAST),
      ruleAfter("(?i)(?:or less|or fewer|at most|at the most)", Bound.AT_MOST),
      ruleAfter("(?i)(?:or so|more or less|approximately|roughly)", Bound.ABOUT),
      ruleAfter("(?i)(?:before (?:it|the (?:deal|contract|agreement)) was (?:finalized|finalised|signed|completed)|before being (?:finalized|finalised)|in an earlier draft|in the draft|\\(?preliminary\\)?|\\(?provisional\\)?)", Bound.PRELIMINARY),
      ruleAfter("(?iu)(?:\\(?предварительно\\)?|в проекте|до подписания)", Bound.PRELIMINARY),
      ruleAfter("(?iu)(?:с лишним|с небольшим|и более)", Bound.AT_LEAST),
      ruleAfter("(?iu)(?:(?:et|ou) plus(?! d)|(?:y|o) más(?! de| que)|und mehr(?! als)|(?:e|o) più(?! di))", Bound.AT_LEAST),
      ruleAfter("(?:以上|多|余|餘)", Bound.AT_LEAST),
      ruleAfter("(?:左右)", Bound.ABOUT));

  /** A rule before a value: its words must fill a window from a word start to the value. */
  private static Rule rule(String regex, Bound bound) {
    return new Rule(Pattern.compile("(?:" + regex + ")"), bound);
  }

  /** Where a qualifier may start: after a space, bracket or quote, or anywhere in Chinese. */
  private static boolean startsWord(String window, int k) {
    if (Character.isWhitespace(window.charAt(k))) {
      return false;
    }
    if (k == 0) {
      return true;
    }
    char c = window.charAt(k - 1);
    return Character.isWhitespace(c) || "([«\"“'’".indexOf(c) >= 0
        || NumberWords.isHan(c) && window.length() - k <= 4;
  }

  private static Rule ruleAfter(String regex, Bound bound) {
    return new Rule(Pattern.compile("^(?:" + regex + ")"), bound);
  }

  private Qualifiers() {}

  /** A qualifier ending at {@code valueStart} (spaces between allowed). */
  static Optional<Found> before(String text, int valueStart, int lineStart) {
    int end = valueStart;
    while (end > lineStart && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int from = Math.max(lineStart, end - 40);
    String window = text.substring(from, end);
    if (window.isEmpty()) {
      return Optional.empty();
    }
    char last = window.charAt(window.length() - 1);
    if (!Character.isLetter(last) && last != '.') {
      return Optional.empty(); // every qualifier ends with a letter or an abbreviation's dot
    }
    int[] starts = new int[window.length()];
    int n = 0;
    for (int k = 0; k < window.length(); k++) {
      if (startsWord(window, k)) {
        starts[n++] = k;
      }
    }
    // one pattern of all the rules, tried from the earliest word start: the longest phrase wins
    Matcher m = BEFORE_ALL.matcher(window);
    for (int k = 0; k < n; k++) {
      if (m.region(starts[k], window.length()).matches()) {
        for (int g = 1; g <= BEFORE.size(); g++) {
          if (m.start(g) >= 0) {
            String words = window.substring(starts[k]).strip();
            return Optional.of(new Found(new Qualifier(words, BEFORE.get(g - 1).bound()), from + starts[k], end));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A qualifier starting at {@code valueEnd} (spaces between allowed). */
  static Optional<Found> after(String text, int valueEnd, int lineEnd) {
    int start = valueEnd;
    while (start < lineEnd && text.charAt(start) == ' ') {
      start++;
    }
    String window = text.substring(start, Math.min(lineEnd, start + 60));
    for (Rule r : AFTER) {
      Matcher m = r.pattern().matcher(window);
      if (m.find() && m.end() > 0) {
        int end = start + m.end();
        if (end < text.length() && Character.isLetter(text.charAt(end))
            && Character.isLetter(text.charAt(end - 1)) && !NumberWords.isHan(text.charAt(end - 1))) {
          continue; // "plus" in "plush"
        }
        return Optional.of(new Found(new Qualifier(window.substring(0, m.end()).strip(), r.bound()), start, end));
      }
    }
    return Optional.empty();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
