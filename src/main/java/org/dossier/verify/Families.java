package org.dossier.verify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Near-duplicates and versions by MinHash over word shingles with locality-sensitive hashing:
 * each document gets {@link #HASHES} minimum hashes; documents that agree on all rows of any
 * of {@link #BANDS} bands are candidates, and a candidate pair whose estimated Jaccard
 * similarity reaches the threshold is in one family. No pair is compared unless a band brings
 * it together, so the work grows with the number of documents, not its square.
 *
 * <p>The work comes in parts that need not share a process: a document's signature and its band
 * hashes ({@link #bandHashes}); the candidates of a range of bands from those band hashes alone
 * ({@link #candidates}), one bucket at a time; and the candidates confirmed by their estimated
 * similarity ({@link #confirm}). The verify stage runs them in one process, or as tasks of the
 * work queue.
 */
public final class Families {
  public static final int HASHES = 128;
  public static final int BANDS = 32;
  static final int ROWS = HASHES / BANDS;
  static final int SHINGLE = 5;
  /** A bucket of more documents than this is boilerplate, not versions: it brings no candidates. */
  static final int MAX_BUCKET = 200;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final long[] SEEDS_A = new long[HASHES];
  private static final long[] SEEDS_B = new long[HASHES];

  static {
    Random r = new Random(20_241_014L);
    for (int i = 0; i < HASHES; i++) {
      SEEDS_A[i] = r.nextLong() | 1;
      SEEDS_B[i] = r.nextLong();
    }
  }

  /** Two documents a band brought together, {@code a} before {@code b} (their content hashes). */
  public record Pair(String a, String b) {
    public Pair {
      if (a.compareTo(b) > 0) {
        String t = a;
        a = b;
        b = t;
      }
    }
  }

  /** A candidate pair confirmed, with its estimated similarity. */
  public record Similar(Pair pair, double similarity) {}

  /** One document's hash in one band. */
  public record BandHash(int band, long hash, String document) {}

  /**
   * The band hashes of a range of bands, each band's in order of hash so that a bucket's rows come
   * together: the store's, or those held in memory.
   */
  @FunctionalInterface
  public interface BandRows {
    void forEach(int band, java.util.function.Consumer<BandHash> visitor) throws Exception;
  }

  private final List<String> documents = new ArrayList<>();
  private final List<long[]> signatures = new ArrayList<>();
  private final Map<String, Integer> indexOf = new HashMap<>();

  /** The MinHash signature of a text, or null when it has too few words to compare. */
  static long[] signature(String text) {
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
        long x = (h * SEEDS_A[i] + SEEDS_B[i]);
        x ^= x >>> 31;
        if (x < sig[i]) {
          sig[i] = x;
        }
      }
    }
    return shingles < 8 ? null : sig;
  }

  /** A signature's hash in each band: documents with the same hash in a band are candidates. */
  public static long[] bandHashes(long[] signature) {
    long[] out = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long h = band;
      for (int r = 0; r < ROWS; r++) {
        h = h * 31 + signature[band * ROWS + r];
      }
      out[band] = h;
    }
    return out;
  }

  /** Adds a document's signature (null when its text is too short to compare), in memory. */
  synchronized void add(String document, long[] signature) {
    indexOf.put(document, documents.size());
    documents.add(document);
    signatures.add(signature);
  }

  /** The signature of a document added here, or null. */
  synchronized long[] get(String document) {
    Integer i = indexOf.get(document);
    return i == null ? null : signatures.get(i);
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

  /**
   * The candidate pairs of bands {@code from} (inclusive) to {@code to} (exclusive) from their band
   * hashes: what one partition of the bands finds. Only one bucket's rows are held at a time.
   */
  public static Set<Pair> candidates(int from, int to, BandRows rows) throws Exception {
    Set<Pair> out = new LinkedHashSet<>();
    for (int band = from; band < to; band++) {
      List<String> bucket = new ArrayList<>();
      long[] hash = {0};
      rows.forEach(band, r -> {
        if (!bucket.isEmpty() && r.hash() != hash[0]) {
          pairs(bucket, out);
          bucket.clear();
        }
        hash[0] = r.hash();
        bucket.add(r.document());
      });
      pairs(bucket, out);
    }
    return out;
  }

  private static void pairs(List<String> bucket, Set<Pair> out) {
    if (bucket.size() < 2 || bucket.size() > MAX_BUCKET) {
      return;
    }
    for (int x = 0; x < bucket.size(); x++) {
      for (int y = x + 1; y < bucket.size(); y++) {
        out.add(new Pair(bucket.get(x), bucket.get(y)));
      }
    }
  }

  /** The candidates whose estimated similarity reaches {@code threshold}, given their documents' signatures. */
  public static List<Similar> confirm(Collection<Pair> candidates, Map<String, long[]> signatures, double threshold) {
    List<Similar> out = new ArrayList<>();
    for (Pair p : candidates) {
      double sim = similarity(signatures.get(p.a()), signatures.get(p.b()));
      if (sim >= threshold) {
        out.add(new Similar(p, sim));
      }
    }
    return out;
  }

  /** The confirmed pairs of the signatures added here, by the same parts the work queue runs. */
  synchronized List<Similar> pairs(double threshold) {
    Map<String, long[]> byDocument = new HashMap<>();
    List<BandHash> rows = new ArrayList<>();
    for (int d = 0; d < documents.size(); d++) {
      long[] s = signatures.get(d);
      if (s == null) {
        continue;
      }
      byDocument.put(documents.get(d), s);
      long[] bands = bandHashes(s);
      for (int band = 0; band < BANDS; band++) {
        rows.add(new BandHash(band, bands[band], documents.get(d)));
      }
    }
    rows.sort(java.util.Comparator.comparingInt(BandHash::band).thenComparingLong(BandHash::hash)
        .thenComparing(BandHash::document));
    Map<Integer, List<BandHash>> byBand = new HashMap<>();
    for (BandHash r : rows) {
      byBand.computeIfAbsent(r.band(), k -> new ArrayList<>()).add(r);
    }
    try {
      Set<Pair> candidates = candidates(0, BANDS, (band, visitor) -> byBand.getOrDefault(band, List.of()).forEach(visitor));
      return confirm(candidates, byDocument, threshold);
    } catch (Exception e) {
      throw new IllegalStateException("in-memory band rows cannot fail", e);
    }
  }
}
