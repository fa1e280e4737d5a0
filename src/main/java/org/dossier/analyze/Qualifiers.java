package org.dossier.analyze;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Qualifier;
import org.dossier.core.Qualifier.Bound;

/** The words just before or after a value that hedge or bound it, in English, Russian, Chinese. */
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
      rule("(?:超过|逾|多于|至少|不少于)", Bound.AT_LEAST),
      rule("(?:不到|少于|最多|不超过|高达)", Bound.AT_MOST),
      rule("(?:约|大约|近|将近|接近|左右)", Bound.ABOUT));

  /** After a value; each pattern must start right after it. */
  private static final List<Rule> AFTER = List.of(
      ruleAfter("(?i)(?:or more|and more|plus|\\+|or over|at least)", Bound.AT_LEAST),
      ruleAfter("(?i)(?:or less|or fewer|at most|at the most)", Bound.AT_MOST),
      ruleAfter("(?i)(?:or so|more or less|approximately|roughly)", Bound.ABOUT),
      ruleAfter("(?i)(?:before (?:it|the (?:deal|contract|agreement)) was (?:finalized|finalised|signed|completed)|before being (?:finalized|finalised)|in an earlier draft|in the draft|\\(?preliminary\\)?|\\(?provisional\\)?)", Bound.PRELIMINARY),
      ruleAfter("(?iu)(?:\\(?предварительно\\)?|в проекте|до подписания)", Bound.PRELIMINARY),
      ruleAfter("(?iu)(?:с лишним|с небольшим|и более)", Bound.AT_LEAST),
      ruleAfter("(?:以上|多)", Bound.AT_LEAST),
      ruleAfter("(?:左右)", Bound.ABOUT));

  private static Rule rule(String regex, Bound bound) {
    return new Rule(Pattern.compile("(?:^|(?<=[\\s(\\[«\"“\\p{IsHan}]))(?:" + regex + ")$"), bound);
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
    for (Rule r : BEFORE) {
      Matcher m = r.pattern().matcher(window);
      if (m.find()) {
        String words = window.substring(m.start(), m.end()).strip();
        if (words.isEmpty()) {
          continue;
        }
        return Optional.of(new Found(new Qualifier(words, r.bound()), from + m.start(), end));
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
            && Character.isLetter(text.charAt(end - 1))) {
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
