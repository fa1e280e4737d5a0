package org.dossier.analyze;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.EnumSet;
import java.util.Set;
import org.dossier.core.Span;

/**
 * Sentences with ICU's rules for the document's language, breaking also at blank lines and line
 * ends that close a heading, and not after common abbreviations ("Sept.", "Mr.", "U.S.").
 */
final class SentenceSplitter implements Annotator {
  private static final int MAX_SENTENCE = 2_000;

  @Override
  public Set<Layer> requires() {
    return EnumSet.noneOf(Layer.class);
  }

  @Override
  public Set<Layer> produces() {
    return EnumSet.of(Layer.SENTENCES);
  }

  @Override
  public void annotate(Draft draft) {
    String text = draft.text();
    ULocale locale =
        switch (draft.language()) {
          case "ru" -> new ULocale("ru@ss=standard");
          case "zh" -> ULocale.SIMPLIFIED_CHINESE;
          default -> new ULocale("en@ss=standard");
        };
    BreakIterator it = BreakIterator.getSentenceInstance(locale);
    int lineStart = 0;
    // lines first: a line break inside a paragraph is kept, a blank line or a short heading-like
    // line ends the sentence
    for (int i = 0; i <= text.length(); i++) {
      boolean end = i == text.length() || (text.charAt(i) == '\n' && endsBlock(text, i));
      if (!end) {
        continue;
      }
      split(text, lineStart, i, it, draft);
      lineStart = i + 1;
    }
  }

  /** True when the newline at {@code i} ends a block: a blank line follows or the line is short. */
  private static boolean endsBlock(String text, int i) {
    int next = i + 1;
    while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t' || text.charAt(next) == '\r')) {
      next++;
    }
    if (next >= text.length() || text.charAt(next) == '\n') {
      return true;
    }
    int prevStart = text.lastIndexOf('\n', i - 1) + 1;
    String line = text.substring(prevStart, i).strip();
    // a heading, a dateline or a list line: no closing punctuation
    return line.isEmpty() || !".,;:!?»\"”)".contains(line.substring(line.length() - 1))
        && line.length() < 120;
  }

  private static void split(String text, int from, int to, BreakIterator it, Draft draft) {
    if (to <= from) {
      return;
    }
    String block = text.substring(from, to);
    it.setText(block);
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
      if (end < block.length() && noBreakAfter(block, end)) {
        continue; // "Oleksandr V. Danylyuk", "Sept. 26", "Mr. Rutte": not a sentence end
      }
      add(text, from + start, from + end, draft);
      start = end;
    }
  }

  private static final java.util.regex.Pattern INITIAL = java.util.regex.Pattern.compile(
      "(?:^|[\\s(])\\p{Lu}[\\p{L}'’\\-]*\\s+(?:\\p{Lu}\\.\\s*)*\\p{Lu}\\.\\s*$");
  private static final java.util.regex.Pattern ABBREVIATION = java.util.regex.Pattern.compile(
      "(?:(?:^|[\\s(])(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Maj|Prof|Sen|Rep|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|No|vs|etc|Inc|Corp|Ltd|Co|Jr|Sr|U\\.S|U\\.K|U\\.N|E\\.U|г|гг|им|т|ул|д))\\.\\s*$");

  /** True when the text before {@code end} ends with an initial or a common abbreviation. */
  private static boolean noBreakAfter(String block, int end) {
    int from = Math.max(0, end - 40);
    String before = block.substring(from, end);
    return ABBREVIATION.matcher(before).find() || INITIAL.matcher(before).find()
        || LONE_INITIAL.matcher(before).find()
            && NAME_AFTER_INITIAL.matcher(block).region(end, block.length()).lookingAt();
  }

  /** A lone capital and a dot: "А." of "подписал А. В. Семиренко". */
  private static final java.util.regex.Pattern LONE_INITIAL =
      java.util.regex.Pattern.compile("(?:^|[\\s(])\\p{Lu}\\.\\s*$");
  /** What follows an initial in a name: another initial, or a capitalised surname. */
  private static final java.util.regex.Pattern NAME_AFTER_INITIAL =
      java.util.regex.Pattern.compile("\\s*(?:\\p{Lu}\\.|\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?=[\\s.,;:!?)]|$))");

  private static void add(String text, int start, int end, Draft draft) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    for (int s = start; s < end; s += MAX_SENTENCE) {
      draft.sentences.add(new Span(s, Math.min(end, s + MAX_SENTENCE)));
    }
  }
}
