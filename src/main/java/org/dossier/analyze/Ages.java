package org.dossier.analyze;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ages: "a 23-year-old engineer", "aged 23", "23 years old", "de 23 años", "der 23-Jährige", "un
 * jeune homme de 23 ans", "23-летний", "23岁". The extractor reads them as a {@link
 * org.dossier.core.Value.Count} whose noun is the age word as written; {@link #isAgeNoun} tells
 * later stages that such a count is an age, not a number of things.
 */
public final class Ages {
  private static final Set<String> NOUNS = Set.of(
      "year-old", "years-old", "year old", "years old", "aged", "yr-old",
      "ans", "años", "anni", "enne",
      "jährige", "jähriger", "jährigen", "jähriges", "jahre alt",
      "лет", "летний", "летняя", "летнее", "летнего", "летней", "летнему",
      "летним", "летнем", "летние", "летних", "летними", "летнюю",
      "岁", "歲", "周岁", "週歲");

  /** Hyphen-joined age words after a number: "-year-old", "-Jährige", "-летний", "-enne". */
  private static final Pattern JOINED = Pattern.compile(
      "(?iu)(?:years?-old|yr-old|jährig\\p{L}*|летн\\p{L}*|enne)");

  private Ages() {}

  /** True when a count's noun, as written, states an age in any of the seven languages. */
  public static boolean isAgeNoun(String noun) {
    if (noun == null) {
      return false;
    }
    String n = noun.strip().toLowerCase(Locale.ROOT);
    return NOUNS.contains(n) || JOINED.matcher(n).matches();
  }

  /** True for a hyphen-joined age word, kept whole as the noun ("year-old", not "year"). */
  static boolean isJoinedAge(String chain) {
    return JOINED.matcher(chain).matches();
  }

  /** Where "aged " starts right before {@code numberStart}, or -1. */
  static int agedBefore(String text, int numberStart) {
    int i = numberStart;
    while (i > 0 && text.charAt(i - 1) == ' ') {
      i--;
    }
    if (i == numberStart || i < 4 || !text.regionMatches(true, i - 4, "aged", 0, 4)) {
      return -1;
    }
    return i - 4 > 0 && Character.isLetter(text.charAt(i - 5)) ? -1 : i - 4;
  }

  /** The end of " old" after "years" ("23 years old") or " alt" after "Jahre", or -1. */
  static int oldAfter(String text, String noun, int nounEnd) {
    String old = noun.equalsIgnoreCase("years") || noun.equalsIgnoreCase("year") ? " old"
        : noun.equals("Jahre") ? " alt" : null;
    if (old != null && text.regionMatches(true, nounEnd, old, 0, 4)
        && (nounEnd + 4 >= text.length() || !Character.isLetter(text.charAt(nounEnd + 4)))) {
      return nounEnd + 4;
    }
    return -1;
  }
}
