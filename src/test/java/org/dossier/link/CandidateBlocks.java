package org.dossier.link;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a case's documents fall into blocks of story candidates: groups between which no rare
 * feature is shared, which the link stage's grouping could take one at a time. Two documents are in one
 * block when a chain of features each in at least 2 and at most the grouping's cap of documents
 * joins them ({@link Linker#MAX_POSTINGS}, or a 25th of the case): the features that make a
 * story a candidate for a document. Prints the number of blocks and the largest ones' shares.
 * Linked one at a time, each with the whole case's feature counts and cap, the blocks would give
 * the stories the whole case gives, but for exact ties of similarity (broken in the order of the
 * stories' numbers in hash maps).
 *
 * <p>{@code ./bench blocks CASE_FOLDER [KINDS]}: reads the readings kept in the case's {@code
 * readings/} (every one there: on a case whose documents changed since its last link, some may
 * be of documents no longer linked); with KINDS (the first letters of features: {@code e} names
 * of actors and items, {@code n} names spelled across scripts, {@code s} precise values and
 * dates, {@code v} other values, {@code p} places, {@code c} glossary concepts, {@code w} words,
 * {@code h} pairs of Chinese characters), only features of those kinds join documents: what a
 * blocking on names, say, would leave.
 */
public final class CandidateBlocks {
  private CandidateBlocks() {}


  public static void main(String[] args) throws IOException {
    List<Summary> docs = new ArrayList<>();
    for (Path f : LightReadingMemory.files(Path.of(args[0]))) {
      docs.add(LightReadingMemory.read(f));
    }
    int[] sizes = sizes(docs, args.length > 1 ? args[1] : null);
    int n = docs.size();
    System.out.printf(Locale.ROOT, "%,d documents, %,d blocks; the largest:", n, sizes.length);
    for (int k = 0; k < Math.min(5, sizes.length); k++) {
      System.out.printf(Locale.ROOT, " %,d (%.1f%%)", sizes[k], 100.0 * sizes[k] / n);
    }
    System.out.println();
  }

  /** The blocks' sizes, largest first, joined by features of the kinds given by their first letters (every kind if null). */
  static int[] sizes(List<Summary> docs, String kinds) {
    int n = docs.size();
    Map<String, Integer> df = new HashMap<>();
    for (Summary s : docs) {
      s.features.keySet().forEach(f -> df.merge(f, 1, Integer::sum));
    }
    int cap = Math.max(Linker.MAX_POSTINGS, n / 25);
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (String f : docs.get(i).features.keySet()) {
        int d = df.get(f);
        if (d >= 2 && d <= cap && (kinds == null || kinds.indexOf(f.charAt(0)) >= 0)) {
          Integer j = first.putIfAbsent(f, i);
          if (j != null) {
            parent[root(parent, i)] = root(parent, j);
          }
        }
      }
    }
    Map<Integer, Integer> count = new HashMap<>();
    for (int i = 0; i < n; i++) {
      count.merge(root(parent, i), 1, Integer::sum);
    }
    return count.values().stream().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray();
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
