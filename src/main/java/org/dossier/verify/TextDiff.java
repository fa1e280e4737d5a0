package org.dossier.verify;

import java.util.List;
import java.util.Set;

/** The diff and number comparison the verify stage uses, for the {@code diff} command. */
public final class TextDiff {
  private TextDiff() {}

  public static List<String> lines(String a, String b, int max) {
    return Diff.lines(a, b, max);
  }

  public static Set<String> numbers(String text) {
    return PdfChecks.numbers(text);
  }
}
