package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Text made of attribution cues, unclosed quotes and long words: reading it takes time in
 * proportion to its length (the bound here is ten times what it takes on a loaded machine).
 */
class AttributionsHostileTextTest {

  private static long millis(String language, String seed, int size) {
    String text = seed.repeat(size / seed.length() + 1).substring(0, size);
    Draft d = new Draft(text, language, Optional.empty());
    new SentenceSplitter().annotate(d);
    long t0 = System.nanoTime();
    new Attributions().annotate(d);
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void cuesQuotesAndCommasCostLinearTime() {
    String[][] seeds = {
        {"en", "Edda Varsh, who said, said, "}, {"en", "«««« said Anna "}, {"en", ", who , who , who said "},
        {"en", "a".repeat(300) + " said "}, {"ru", "Об этом «Вести» сообщил, со ссылкой на "},
        {"zh", "据据据北原日报报道称表示说"}, {"fr", "Le quotidien, cité par Le Kestral, a déclaré "},
        {"de", "Laut der Zeitung, so Max, teilte "}, {"es", "citó a citado por según "},
        {"en", "KESTROV (NPA) (NPA) (NPA) — \n"}};
    for (String[] s : seeds) {
      millis(s[0], s[1], 20_000); // warm up
      long ms = millis(s[0], s[1], 100_000);
      assertTrue(ms < 3_000, s[0] + " «" + s[1] + "»: " + ms + " ms for 100,000 characters");
    }
  }
}
