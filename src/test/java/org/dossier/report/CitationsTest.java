package org.dossier.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The footnotes' numbers by digest: each digest its own number through the table's growth, none for an unknown one. */
class CitationsTest {
  @Test
  void everyDigestKeepsItsNumberAndAnUnknownOneHasNone() {
    Citations.Numbers numbers = new Citations.Numbers();
    SplittableRandom r = new SplittableRandom(7);
    int n = 50_000;
    long[] hi = new long[n];
    long[] lo = new long[n];
    for (int i = 0; i < n; i++) {
      // every fourth digest shares its first half with the one before: only the second tells them apart
      hi[i] = i % 4 == 3 ? hi[i - 1] : r.nextLong();
      lo[i] = r.nextLong();
      assertEquals(0, numbers.get(hi[i], lo[i]), "not numbered yet: " + i);
      numbers.put(hi[i], lo[i], i + 1);
    }
    for (int i = 0; i < n; i++) {
      assertEquals(i + 1, numbers.get(hi[i], lo[i]), "digest " + i);
    }
    assertEquals(0, numbers.get(hi[5], lo[5] + 1), "the same first half, another second");
    assertEquals(0, numbers.get(r.nextLong(), r.nextLong()));
  }
}
