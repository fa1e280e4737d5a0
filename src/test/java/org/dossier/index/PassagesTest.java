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
  void longPassagesAreCutAroundTheFirstMatch() {
    String before = "word ".repeat(200);
    String after = " tail".repeat(200);
    String cut = Passages.trim(before + "<b>needle</b>" + after, 120);
    assertTrue(cut.contains("<b>needle</b>"), cut);
    assertTrue(cut.startsWith("\u2026 ") && cut.endsWith(" \u2026"), cut);
    assertTrue(cut.length() <= 130, cut.length() + ": " + cut);
  }
}
