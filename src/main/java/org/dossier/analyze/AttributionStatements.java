package org.dossier.analyze;

import java.util.Locale;
import java.util.Optional;
import org.dossier.core.Span;

/**
 * Where an attributed statement lies beside its source and cue, and where it starts and ends:
 * the clause after "that"/"что"/"que"/"dass"/"che", a colon or a quote; else the side of the
 * sentence that holds it; the sentence before for "Об этом ...". Reads a few words around the
 * cue at most.
 */
final class AttributionStatements {
  static final String OPEN = "\"“«„‹‘「《";
  static final String CLOSE = "\"”»“›’」》";
  static final String SEPARATORS = ",;:—–-…，：；、";

  private AttributionStatements() {}

  /**
   * The statement a source and its cue ({@code frameStart..frameEnd}) attribute: the clause after
   * "that"/"что"/"que"/"dass"/"che", a colon or a quote; else the side of the sentence that holds
   * it; the sentence before for "Об этом ...". Empty when a verb that also takes plain objects
   * ({@code strict}: "reported a loss") has no statement.
   */
  static Optional<Span> of(String text, Span sentence, Span previous, int frameStart, int frameEnd,
      boolean strict, boolean leading, AttributionCues cues) {
    if (previous != null && text.regionMatches(true, sentence.start(), "об этом", 0, 7)) {
      return nonEmpty(text, previous.start(), previous.end());
    }
    int clause = clauseAfter(text, frameEnd, sentence.end(), cues);
    if (clause >= 0) {
      return nonEmpty(text, clause, sentence.end());
    }
    Span left = trim(text, sentence.start(), frameStart);
    Span right = trim(text, frameEnd, sentence.end());
    int comma = clauseEnd(text, frameEnd, sentence.end());
    // words are counted only as far as the decisions below need
    int wl = words(text, left.start(), left.end(), 4);
    int wr = words(text, frameEnd, comma, 7);
    int rest = words(text, comma, sentence.end(), 2);
    boolean leftSeparated = wl > 0 && separated(text, left.end(), frameStart);
    if (leading && wl <= 1) {
      // "As the Harlow Courier reported on Monday, the plant ...", "According to two officials
      // familiar with the talks, ..."
      boolean commaFirst = comma < sentence.end() && ",，—–".indexOf(text.charAt(comma)) >= 0;
      return commaFirst && wr <= 6 ? nonEmpty(text, comma, sentence.end()) : nonEmpty(text, right);
    }
    if (strict && !leading) {
      return wr <= 3 && wl >= 2 && leftSeparated ? Optional.of(left) : Optional.empty();
    }
    Span quote = wl >= 1 ? quoted(text, sentence.start(), frameStart) : null;
    if (quote != null) {
      return nonEmpty(text, quote); // "“...,” said Anna Kovač, the mayor"
    }
    if (wl >= 2 && wr <= 3 && leftSeparated) {
      // "The plant, X said, will close": a source inside the sentence attributes all of it; not
      // so "..., said X, the mayor of Stellan"
      return rest >= 2 && !appositive(text, frameEnd, sentence.end(), cues)
          ? nonEmpty(text, sentence.start(), sentence.end()) : Optional.of(left);
    }
    boolean rightWords = wr + rest >= 1;
    if (rightWords && wl <= 3) {
      return nonEmpty(text, right);
    }
    if (wl >= 1 && rightWords) {
      return nonEmpty(text, sentence.start(), sentence.end());
    }
    if (wl >= 1) {
      return Optional.of(left);
    }
    // "Kovač said." after a quote of its own
    if (previous != null) {
      int pe = previous.end();
      while (pe > previous.start() && Character.isWhitespace(text.charAt(pe - 1))) {
        pe--;
      }
      if (pe > previous.start() && (CLOSE.indexOf(text.charAt(pe - 1)) >= 0
          || pe - 1 > previous.start() && CLOSE.indexOf(text.charAt(pe - 2)) >= 0)) {
        return nonEmpty(text, previous.start(), previous.end());
      }
    }
    return Optional.empty();
  }

  /** Where a reported clause starts within a few words after {@code from}, or -1. */
  static int clauseAfter(String text, int from, int limit, AttributionCues cues) {
    int i = skipSpaces(text, from, limit);
    if (i < limit && (text.charAt(i) == ',' || text.charAt(i) == '，')) {
      i = skipSpaces(text, i + 1, limit);
    }
    for (int words = 0; words < 5 && i < limit; words++) {
      char c = text.charAt(i);
      if (c == ':' || c == '：') {
        return i + 1;
      }
      if (OPEN.indexOf(c) >= 0 && c != '《') {
        return i;
      }
      int we = i;
      while (we < limit && SourceText.isWordChar(text.charAt(we))) {
        we++;
      }
      if (we == i) {
        return -1;
      }
      String w = text.substring(i, we).toLowerCase(Locale.ROOT);
      if (cues.complementizers.contains(w)) {
        return we;
      }
      if (w.startsWith("qu'") || w.startsWith("qu’")) {
        return i + 3; // "qu'il"
      }
      if (words == 0 && cues.determiners.contains(w) && !cues.language.equals("ru")) {
        return -1; // "said the plant that ...": a relative clause, not a reported one
      }
      i = skipSpaces(text, we, limit);
      if (i < limit && text.charAt(i) == ',') {
        int next = skipSpaces(text, i + 1, limit);
        int ne = next;
        while (ne < limit && SourceText.isWordChar(text.charAt(ne))) {
          ne++;
        }
        if (!cues.complementizers.contains(text.substring(next, ne).toLowerCase(Locale.ROOT))) {
          return -1;
        }
        i = next;
      }
    }
    return -1;
  }

  /** The first clause punctuation at or after {@code from}, or {@code limit}; 400 characters on at most. */
  private static int clauseEnd(String text, int from, int limit) {
    int i = skipSpaces(text, from, limit);
    if (i < limit && SEPARATORS.indexOf(text.charAt(i)) >= 0) {
      return i;
    }
    limit = Math.min(limit, from + 400);
    for (; i < limit; i++) {
      if (",;:!?—–，。；：！？".indexOf(text.charAt(i)) >= 0
          || text.charAt(i) == '.' && (i + 1 == limit || text.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    return limit;
  }

  /** True when what follows the source describes it: ", the mayor of Stellan", ", 54, a lawyer". */
  private static boolean appositive(String text, int frameEnd, int limit, AttributionCues cues) {
    int i = skipSpaces(text, frameEnd, limit);
    if (i >= limit || text.charAt(i) != ',') {
      return false;
    }
    i = skipSpaces(text, i + 1, limit);
    int we = i;
    while (we < limit && SourceText.isWordChar(text.charAt(we))) {
      we++;
    }
    if (we == i) {
      return false;
    }
    String w = text.substring(i, we).toLowerCase(Locale.ROOT);
    return cues.determiners.contains(w) || cues.isDescription(w) || Character.isUpperCase(text.charAt(i))
        || Character.isDigit(text.charAt(i));
  }

  /**
   * The quote that is all the text before a source, but for a title or two: "“The plant will
   * close,” said X", "“We spent 40 million,” mayor X told"; or null.
   */
  private static Span quoted(String text, int start, int frameStart) {
    int e = frameStart;
    for (int titles = 0; titles <= 2; titles++) {
      while (e > start && (Character.isWhitespace(text.charAt(e - 1)) || SEPARATORS.indexOf(text.charAt(e - 1)) >= 0)) {
        e--;
      }
      if (e > start && CLOSE.indexOf(text.charAt(e - 1)) >= 0 || titles == 2) {
        break;
      }
      int w = e;
      while (w > start && Character.isLetter(text.charAt(w - 1))) {
        w--;
      }
      if (w == e || !Character.isLowerCase(text.charAt(w))) {
        return null;
      }
      e = w;
    }
    int b = skipSpaces(text, start, e);
    return e - b >= 2 && OPEN.indexOf(text.charAt(b)) >= 0 && CLOSE.indexOf(text.charAt(e - 1)) >= 0
        && noQuotes(text, b + 1, e - 1) ? trim(text, b, e) : null;
  }

  private static boolean separated(String text, int leftEnd, int frameStart) {
    for (int i = Math.max(0, leftEnd - 1); i < frameStart; i++) {
      char c = text.charAt(i);
      if (SEPARATORS.indexOf(c) >= 0 || CLOSE.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Words in a stretch, counted up to {@code cap}: Latin and Cyrillic words, Chinese characters two to a word. */
  static int words(String text, int start, int end, int cap) {
    int n = 0;
    int han = 0;
    boolean in = false;
    for (int i = start; i < end && n + (han + 1) / 2 < cap; i++) {
      char c = text.charAt(i);
      if (SourceText.isHan(c)) {
        han++;
        in = false;
      } else if (Character.isLetterOrDigit(c)) {
        if (!in) {
          n++;
        }
        in = true;
      } else {
        in = false;
      }
    }
    return n + (han + 1) / 2;
  }

  private static Optional<Span> nonEmpty(String text, int start, int end) {
    return nonEmpty(text, trim(text, start, end));
  }

  private static Optional<Span> nonEmpty(String text, Span s) {
    return words(text, s.start(), s.end(), 1) > 0 ? Optional.of(s) : Optional.empty();
  }

  /** Without spaces, separators, final punctuation, or quote marks around the whole. */
  static Span trim(String text, int start, int end) {
    boolean changed = true;
    while (changed && start < end) {
      changed = false;
      while (start < end && (Character.isWhitespace(text.charAt(start)) || SEPARATORS.indexOf(text.charAt(start)) >= 0)) {
        start++;
        changed = true;
      }
      while (end > start && (Character.isWhitespace(text.charAt(end - 1))
          || (SEPARATORS + ".!?。！？").indexOf(text.charAt(end - 1)) >= 0)) {
        end--;
        changed = true;
      }
      if (end - start >= 2 && OPEN.indexOf(text.charAt(start)) >= 0 && CLOSE.indexOf(text.charAt(end - 1)) >= 0
          && noQuotes(text, start + 1, end - 1)) {
        start++;
        end--;
        changed = true;
      }
    }
    return new Span(start, Math.max(start, end));
  }

  private static boolean noQuotes(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (OPEN.indexOf(text.charAt(i)) >= 0 || CLOSE.indexOf(text.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static int skipSpaces(String text, int i, int limit) {
    while (i < limit && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
