package org.dossier.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a claim is about, as the link stage compares it across documents and languages: the
 * words around it as keys that meet across languages (concepts, names, other values), each
 * weighted by its closeness to the claim, and its head: the noun a number counts, the entity a
 * mention names. Two claims about the same thing have frames whose near keys overlap.
 *
 *
 * <p>The dimension says what kind of claim this is, for comparing like with like: {@code
 * money}, {@code date}, {@code count}, {@code percent}, {@code age}, {@code duration}, {@code
 * name:person} ..., {@code statement}. The head holds the keys of the counted noun or the named
 * entity, and is empty when the text gives none.
 */
public final class Frame {
  /** Keys kept per claim at most: the nearest. */
  static final int MAX_KEYS = 24;

  private final String dimension;
  private final Set<String> head;
  private final List<String> keys;
  /** Compact (a frame per claim of every document is kept): one weight per key. */
  private final float[] weights;

  Frame(String dimension, Set<String> head, List<String> keys, float[] weights) {
    this.dimension = Summary.intern(Objects.requireNonNull(dimension, "dimension"));
    // the same names and concepts frame many claims of many documents: one copy of each
    this.head = Set.copyOf(head.stream().map(Summary::intern).toList());
    this.keys = keys.stream().map(Summary::intern).toList();
    this.weights = weights.clone();
    if (weights.length != keys.size()) {
      throw new IllegalArgumentException("one weight per key: " + keys.size() + " keys, " + weights.length + " weights");
    }
  }

  public String dimension() {
    return dimension;
  }

  public Set<String> head() {
    return head;
  }

  public List<String> keys() {
    return keys;
  }

  /** The weight of {@code key}, or 0. */
  float weight(String key) {
    int i = keys.indexOf(key);
    return i < 0 ? 0f : weights[i];
  }

  /** Builds a frame from weighted keys, keeping the heaviest {@link #MAX_KEYS}. */
  static Frame of(String dimension, Set<String> head, Map<String, Float> weighted) {
    List<Map.Entry<String, Float>> es = new ArrayList<>(weighted.entrySet());
    es.sort(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    if (es.size() > MAX_KEYS) {
      es = es.subList(0, MAX_KEYS);
    }
    List<String> keys = new ArrayList<>(es.size());
    float[] w = new float[es.size()];
    for (int i = 0; i < es.size(); i++) {
      keys.add(Summary.intern(es.get(i).getKey()));
      w[i] = es.get(i).getValue();
    }
    return new Frame(dimension, head, keys, w);
  }

  /**
   * A frame's keys as {@link #similarity} compares them: each key's weight times how rare it is in
   * the story ({@code idf}, default 1). Made once for a frame compared with many.
   */
  static final class Weighed {
    private final Map<String, Double> weights;
    private final double norm2;

    private Weighed(Map<String, Double> weights, double norm2) {
      this.weights = weights;
      this.norm2 = norm2;
    }
  }

  /** {@code a}'s keys weighted by rarity; when {@code across}, only those that can meet across languages. */
  static Weighed weighed(Frame a, Map<String, Double> idf, boolean across) {
    Map<String, Double> x = new HashMap<>();
    for (int i = 0; i < a.keys.size(); i++) {
      if (across && !crossesLanguages(a.keys.get(i))) {
        continue;
      }
      x.put(a.keys.get(i), a.weights[i] * idf.getOrDefault(a.keys.get(i), 1.0));
    }
    double na = 0;
    for (double w : x.values()) {
      na += w * w;
    }
    return new Weighed(x, na);
  }

  /**
   * Cosine similarity of two frames' weighted keys, the first {@link #weighed} already, each key
   * also weighted by how rare it is in the story ({@code idf}, default 1). For frames of two
   * languages, when {@code across} (the first weighed so too): only the keys that can meet across
   * languages count (concepts, names, values), since a stem or a pair of Chinese characters of one
   * language can never match the other's and would only dilute the score.
   */
  static double similarity(Weighed x, Frame b, Map<String, Double> idf, boolean across) {
    double dot = 0;
    double nb = 0;
    for (int i = 0; i < b.keys.size(); i++) {
      if (across && !crossesLanguages(b.keys.get(i))) {
        continue;
      }
      double w = b.weights[i] * idf.getOrDefault(b.keys.get(i), 1.0);
      nb += w * w;
      Double o = x.weights.get(b.keys.get(i));
      if (o != null) {
        dot += o * w;
      }
    }
    return x.norm2 == 0 || nb == 0 ? 0 : dot / Math.sqrt(x.norm2 * nb);
  }

  /** Keys in one language only: Snowball stems ("w:fr:...") and Chinese character pairs ("h:..."). */
  static boolean crossesLanguages(String key) {
    return !key.startsWith("w:") && !key.startsWith("h:");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frame f && f.dimension.equals(dimension) && f.head.equals(head) && f.keys.equals(keys)
        && Arrays.equals(f.weights, weights);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimension, head, keys, Arrays.hashCode(weights));
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(dimension).append(head).append('{');
    for (int i = 0; i < keys.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(keys.get(i)).append('=').append(String.format(java.util.Locale.ROOT, "%.2f", weights[i]));
    }
    return b.append('}').toString();
  }
}
