package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.dossier.core.Annotations;
import org.junit.jupiter.api.Test;

/** Text of any size, languages without models, and OCR garbage. */
class BadTextTest {
  private static final DocumentAnalyzer ANALYZER = new DocumentAnalyzer(Gazetteer.load(List.of()));

  /** A reader that makes {@code chars} characters of prose without holding them. */
  private static Reader generated(long chars) {
    String paragraph = "The ministry said on Monday that 37 BMD-4M vehicles worth more than $270 million"
        + " were delivered to the port in October 2024, according to officials.\n\n";
    return new Reader() {
      long left = chars;
      int pos;

      @Override
      public int read(char[] buf, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        for (int i = 0; i < n; i++) {
          buf[off + i] = paragraph.charAt(pos);
          pos = (pos + 1) % paragraph.length();
        }
        left -= n;
        return n;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void fiftyMegabytesAreAnalysedInBoundedMemory() throws Exception {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    long[] peak = {0};
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    DocumentAnalyzer.Result r = ANALYZER.analyze(generated(50L << 20), "en", Optional.empty());
    sampler.interrupt();
    sampler.join();
    assertTrue(r.chunks() > 1 || r.truncated(), "a long text is read in chunks");
    assertTrue(r.truncated(), "a dump of 50 MB stops at the mention cap rather than filling memory");
    int mentions = r.annotations().entities().size() + r.annotations().values().size()
        + r.annotations().attributions().size();
    assertTrue(mentions <= DocumentAnalyzer.MAX_MENTIONS + 10_000, "mentions are capped: " + mentions);
    long grew = peak[0] - before;
    assertTrue(grew < 1_200L << 20, "heap grew by " + (grew >> 20) + " MB for 50 MB of text");
  }

  @Test
  void aLanguageWithoutNameModelsStillGetsValues() {
    Annotations a = ANALYZER.analyze(
        "Ministerstwo zamówiło 37 BMD-4M za 618 000 000 USD w październiku 2024.", "pl",
        Optional.empty()).annotations();
    assertFalse(a.entitiesAnalysed());
    assertTrue(a.values().stream().anyMatch(v -> v.value().normalized().equals("618000000 USD")), a.values().toString());
    assertTrue(a.entities().stream().allMatch(e -> e.type().code().equals("equipment")), a.entities().toString());
  }

  @Test
  void ocrGarbageDoesNotFloodTheCaseWithNames() {
    Random random = new Random(11);
    StringBuilder garbage = new StringBuilder();
    String alphabet = "AEIOUBCDFGHKLMNPRSTVWXZaeioubcdfghklmnprstvwxz0123456789|/\\_~^#@%&*=+<>";
    for (int line = 0; line < 400; line++) {
      for (int w = 0; w < 10; w++) {
        int len = 1 + random.nextInt(9);
        for (int i = 0; i < len; i++) {
          garbage.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        garbage.append(' ');
      }
      garbage.append('\n');
    }
    Annotations a = ANALYZER.analyze(garbage.toString(), "en", Optional.empty()).annotations();
    assertTrue(a.entities().size() < 20, "spurious names from noise: " + a.entities().size() + " " + a.entities());
  }

  @Test
  void emptyAndOddTextIsFine() {
    for (String text : List.of("", " ", "\n\n\n", "$", "37", "«»", "\u0000\u0001", "a".repeat(10_000))) {
      Annotations a = ANALYZER.analyze(text, "en", Optional.empty()).annotations();
      assertEquals(List.of(), a.entities(), "no names in " + text.length() + " odd characters");
    }
  }
}
