package org.dossier.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Near-duplicates and versions by MinHash over word shingles with locality-sensitive hashing:
 * each document gets {@link #HASHES} minimum hashes; documents that agree on all rows of any
 * of {@link #BANDS} bands are candidates, and a candidate pair whose estimated Jaccard
 * similarity reaches the threshold is in one family. No pair is compared unless a band brings
 * it together, so the work grows with the number of documents, not its square.
 */
final class Families {
  static final int HASHES = 128;
  static final int BANDS = 32;
  static final int ROWS = HASHES / BANDS;
  static final int SHINGLE = 5;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final long[] seedsA = new long[HASHES];
  private final long[] seedsB = new long[HASHES];
  private final List<long[]> signatures = new ArrayList<>();

  Families() {
    Random r = new Random(20_241_014L);
    for (int i = 0; i < HASHES; i++) {
      seedsA[i] = r.nextLong() | 1;
      seedsB[i] = r.nextLong();
    }
  }

  /** The MinHash signature of a text, or null when it has too few words to compare. */
  long[] signature(String text) {
    Matcher m = WORD.matcher(text);
    long[] window = new long[SHINGLE];
    int n = 0;
    long[] sig = new long[HASHES];
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    int shingles = 0;
    while (m.find()) {
      window[n++ % SHINGLE] = m.group().toLowerCase(java.util.Locale.ROOT).hashCode();
      if (n < SHINGLE) {
        continue;
      }
      long h = 1469598103934665603L;
      for (int k = 0; k < SHINGLE; k++) {
        h = (h ^ window[(n - SHINGLE + k) % SHINGLE]) * 1099511628211L;
      }
      shingles++;
      for (int i = 0; i < HASHES; i++) {
        long x = (h * seedsA[i] + seedsB[i]);
        x ^= x >>> 31;
        if (x < sig[i]) {
          sig[i] = x;
        }
      }
    }
    return shingles < 8 ? null : sig;
  }

  /** Adds a document's signature; returns its index. */
  int add(long[] signature) {
    signatures.add(signature);
    return signatures.size() - 1;
  }

  long[] get(int i) {
    return signatures.get(i);
  }

  static double similarity(long[] a, long[] b) {
    if (a == null || b == null) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / HASHES;
  }

  /** Candidate pairs from the bands, with their estimated similarity at or above the threshold. */
  List<double[]> pairs(double threshold) {
    List<double[]> out = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int band = 0; band < BANDS; band++) {
      Map<Long, List<Integer>> buckets = new HashMap<>();
      for (int d = 0; d < signatures.size(); d++) {
        long[] s = signatures.get(d);
        if (s == null) {
          continue;
        }
        long h = band;
        for (int r = 0; r < ROWS; r++) {
          h = h * 31 + s[band * ROWS + r];
        }
        buckets.computeIfAbsent(h, k -> new ArrayList<>(2)).add(d);
      }
      for (List<Integer> b : buckets.values()) {
        if (b.size() < 2 || b.size() > 200) {
          continue; // a bucket of hundreds is boilerplate, not versions
        }
        for (int x = 0; x < b.size(); x++) {
          for (int y = x + 1; y < b.size(); y++) {
            long key = (long) b.get(x) * signatures.size() + b.get(y);
            if (!seen.add(key)) {
              continue;
            }
            double sim = similarity(signatures.get(b.get(x)), signatures.get(b.get(y)));
            if (sim >= threshold) {
              out.add(new double[] {b.get(x), b.get(y), sim});
            }
          }
        }
      }
    }
    return out;
  }
}
