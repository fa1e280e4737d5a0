package org.dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PassagesTest {
  @Test
  void shortPassagesAreOnlyTidied() {
    assertEquals("a <b>b</b> c", Passages.trim("a  <b>b</b>\n c", 300));
  }

  @Test
  void whitespaceIsFoldedAsTheRegexFoldsIt() {
    java.util.Random r = new java.util.Random(11);
    char[] alphabet = {' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u2029', '\u3000', 'a', 'b', '<', '>', '\u0416'};
    for (int n = 0; n < 2_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int i = r.nextInt(40); i > 0; i--) {
        s.append(alphabet[r.nextInt(alphabet.length)]);
      }
      assertEquals(s.toString().replaceAll("\\s+", " "), Passages.oneSpace(s.toString()), s.toString());
    }
  }

  @Test
  void longPassagesAreCutAroundTheFirstMatch() {
    String before = "word ".repeat(200);
    String after = " tail".repeat(200);
    String cut = Passages.trim(before + "<b>needle</b>" + after, 120);
    assertTrue(cut.contains("<b>needle</b>"), cut);
    assertTrue(cut.startsWith("\u2026 ") && cut.endsWith(" \u2026"), cut);
    assertTrue(cut.length() <= 130, cut.length() + ": " + cut);
  }
}
