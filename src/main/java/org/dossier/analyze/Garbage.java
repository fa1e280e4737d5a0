package org.dossier.analyze;

import org.dossier.core.Span;

/**
 * Tells prose from noise (bad OCR, tables of codes, binary turned to text), so that name
 * recognition is not run on it and does not flood the case with spurious entities.
 */
final class Garbage {
  private Garbage() {}

  /** True when under half the words look like words (letters only, with a vowel, 1 to 20 long). */
  static boolean isGarbage(String text, Span sentence) {
    int words = 0;
    int good = 0;
    int i = sentence.start();
    while (i < sentence.end()) {
      while (i < sentence.end() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < sentence.end() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > s) {
        words++;
        if (wordLike(text, s, i)) {
          good++;
        }
      }
    }
    return words >= 3 && good * 2 < words;
  }

  private static boolean wordLike(String text, int s, int e) {
    int letters = 0;
    int vowels = 0;
    int other = 0;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if ("aeiouyAEIOUYаеёиоуыэюяАЕЁИОУЫЭЮЯ".indexOf(c) >= 0
            || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
          vowels++;
        }
      } else if (Character.isDigit(c) || ".,;:!?'\"’”“«»()-–—%$€".indexOf(c) >= 0) {
        continue;
      } else {
        other++;
      }
    }
    return letters > 0 && letters <= 20 && other == 0 && (vowels > 0 || letters <= 3);
  }
}
