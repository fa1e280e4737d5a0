package org.dossier.analyze;

import java.util.List;
import java.util.Optional;
import org.dossier.core.Span;

/** The sentences of a text, split as the analyze stage splits them (for later stages). */
public final class Sentences {
  private Sentences() {}

  /**
   * The sentences of {@code text} in order, with offsets into it.
   *
   * @param language ISO 639-1 code, or {@code und}
   */
  public static List<Span> of(String text, String language) {
    Draft draft = new Draft(text, language, Optional.empty());
    new SentenceSplitter().annotate(draft);
    return List.copyOf(draft.sentences);
  }

  /** A word folded as the analyze stage folds it: NFKC case folding, marks removed, й kept. */
  public static String fold(String word) {
    return MatchKeys.fold(word);
  }

  /** A word's matching key: stemmed when common, transliteration-keyed when a Cyrillic name. */
  public static String key(String word) {
    return MatchKeys.key(word);
  }
}
