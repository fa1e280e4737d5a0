package org.dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The boundaries found once answer every call as the JDK's sentence iterator does. */
class SentenceBoundariesTest {
  private static final String[] PIECES = {
    "The contract was signed.", " ", "  ", "\n", "\n\n", "Mr. Halvorsen paid USD 3.5 million", "!", "?", "...",
    " \"It is done.\" ", "Контракт подписан.", " Поставка в 2024 г. ", "合同已签署。", "交付延迟了", "(see annex 3.)",
    "no full stop here and the sentence goes on", "e.g. this", "U.S.", "¿Qué?", "\u2029", "\t", "1.", "2)", "a"};

  @Test
  void everyCallAnswersAsTheJdksIteratorDoes() {
    Random r = new Random(3);
    int calls = 0;
    for (int n = 0; n < 400; n++) {
      StringBuilder b = new StringBuilder();
      int pieces = r.nextInt(n % 10 == 0 ? 2_000 : 60);
      for (int i = 0; i < pieces; i++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String text = b.toString();
      BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
      SentenceBoundaries ours = new SentenceBoundaries();
      jdk.setText(text);
      ours.setText(text);
      assertEquals(jdk.current(), ours.current());
      int at = 0;
      for (int c = 0; c < 300; c++, calls++) {
        // mostly forward with small steps, as the highlighter asks; sometimes far jumps and back
        at = switch (r.nextInt(6)) {
          case 0 -> r.nextInt(text.length() + 1);
          case 1 -> Math.max(0, at - r.nextInt(50));
          default -> Math.min(text.length(), at + r.nextInt(r.nextBoolean() ? 40 : SentenceBoundaries.WALK * 2));
        };
        String what;
        int expected;
        int actual;
        switch (r.nextInt(8)) {
          case 0, 1, 2 -> {
            what = "following(" + at + ")";
            expected = jdk.following(at);
            actual = ours.following(at);
          }
          case 3, 4, 5 -> {
            what = "preceding(" + at + ")";
            expected = jdk.preceding(at);
            actual = ours.preceding(at);
          }
          case 6 -> {
            what = "next()";
            expected = jdk.next();
            actual = ours.next();
          }
          default -> {
            boolean last = r.nextBoolean();
            what = last ? "last()" : "first()";
            expected = last ? jdk.last() : jdk.first();
            actual = last ? ours.last() : ours.first();
          }
        }
        assertEquals(expected, actual, what + " in a text of " + text.length());
        assertEquals(jdk.current(), ours.current(), "current() after " + what);
      }
    }
    assertTrue(calls > 100_000);
  }

  @Test
  void offsetsOutsideTheTextAreRefusedAsTheJdkRefusesThem() {
    SentenceBoundaries ours = new SentenceBoundaries();
    ours.setText("One. Two.");
    assertThrows(IllegalArgumentException.class, () -> ours.following(10));
    assertThrows(IllegalArgumentException.class, () -> ours.preceding(-1));
    assertEquals(BreakIterator.DONE, ours.following(9));
    assertEquals(BreakIterator.DONE, ours.preceding(0));
  }
}
