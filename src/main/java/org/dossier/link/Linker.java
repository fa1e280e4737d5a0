package org.dossier.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.dossier.core.DocumentId;

/**
 * The link stage: reads claims from every analysed document, groups documents into stories,
 * reconciles the claims of each story into facts, and traces who copied, translated or rewrote
 * whom. Documents are added one at a time and only their {@link Summary} is kept; grouping
 * compares only documents that share a rare feature (an inverted index, never all pairs), so
 * the work grows with the number of documents times the size of the largest posting list.
 */
public final class Linker {
  /** Features in more documents than this say nothing about which story a document is in. */
  static final int MAX_POSTINGS = 100;
  /** Cosine similarity of feature vectors at which two documents are in one story. */
  static final double STORY_SIMILARITY = 0.22;
  /** Shared specific features (names, values) two documents of one story need at least. */
  static final int STORY_SHARED = 2;
  /** Share of the smaller document's sampled shingles found in the other: a copy. */
  static final double COPY_CONTAINMENT = 0.5;

  private final ClaimExtractor extractor = new ClaimExtractor();
  private final List<Summary> docs = new ArrayList<>();

  /** What the stage found. */
  public record Result(List<Story> stories, List<Fact> facts, List<Provenance> sources,
      Map<DocumentId, Genre> genres, Map<DocumentId, String> names, List<Claim> claims) {}

  /** Reads one document; its text is not kept. Safe to call from several threads at once. */
  public void add(LinkDocument d) {
    Genre genre = Genre.of(d.text(), d.mediaType(), d.metadata(), d.annotations());
    List<Claim> claims = extractor.extract(d.id(), d.text(), d.language(), d.annotations(), d.resolvedNames());
    Summary s = new Summary(d, genre, claims);
    synchronized (docs) {
      docs.add(s);
    }
  }

  public Result finish() {
    docs.sort(Comparator.comparing((Summary s) -> s.date.map(Object::toString).orElse("9999"))
        .thenComparing(s -> s.name));
    Map<DocumentId, String> names = new HashMap<>();
    Map<DocumentId, Genre> genres = new LinkedHashMap<>();
    List<Claim> claims = new ArrayList<>();
    for (Summary s : docs) {
      names.put(s.id, s.name);
      genres.put(s.id, s.genre);
      claims.addAll(s.claims);
    }
    List<Story> stories = stories();
    Reconciler reconciler = new Reconciler(id -> names.getOrDefault(id, id.sha256()));
    Map<DocumentId, Summary> byId = new HashMap<>();
    docs.forEach(s -> byId.put(s.id, s));
    List<Fact> facts = new ArrayList<>();
    for (Story story : stories) {
      List<Claim> own = new ArrayList<>();
      for (DocumentId d : story.documents()) {
        own.addAll(byId.get(d).claims);
      }
      facts.addAll(reconciler.facts(story.id(), own, facts.size() + 1));
    }
    List<Provenance> sources = new Propagation(docs, stories).trace();
    return new Result(stories, facts, sources, genres, names, claims);
  }

  // ------------------------------------------------------------------ stories

  private List<Story> stories() {
    int n = docs.size();
    Map<String, Integer> df = new HashMap<>();
    for (Summary s : docs) {
      for (String f : s.features.keySet()) {
        df.merge(f, 1, Integer::sum);
      }
    }
    // tf-idf vectors, normalised
    List<Map<String, Double>> vectors = new ArrayList<>(n);
    for (Summary s : docs) {
      Map<String, Double> v = new HashMap<>();
      double norm = 0;
      for (Map.Entry<String, Integer> e : s.features.entrySet()) {
        int d = df.get(e.getKey());
        if (d < 2 && n > 1) {
          continue; // in no other document: cannot join anything
        }
        double w = (1 + Math.log(e.getValue())) * Math.log(1.0 + (double) n / d);
        v.put(e.getKey(), w);
        norm += w * w;
      }
      double len = Math.sqrt(norm);
      v.replaceAll((k, w) -> w / len);
      vectors.add(v);
    }
    Map<String, List<Integer>> postings = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (String f : vectors.get(i).keySet()) {
        if (df.get(f) <= MAX_POSTINGS && !f.startsWith("w:")) {
          postings.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
        }
      }
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      Map<Integer, Integer> shared = new HashMap<>();
      for (String f : vectors.get(i).keySet()) {
        List<Integer> p = postings.get(f);
        if (p == null) {
          continue;
        }
        for (int j : p) {
          if (j > i) {
            shared.merge(j, 1, Integer::sum);
          }
        }
      }
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        if (e.getValue() < STORY_SHARED) {
          continue;
        }
        int j = e.getKey();
        double cos = cosine(vectors.get(i), vectors.get(j));
        if (cos < STORY_SIMILARITY) {
          continue;
        }
        // a shared place and a shared number are not a story: it takes named actors or items
        long named = vectors.get(i).keySet().stream()
            .filter(f -> (f.startsWith("e:") || f.startsWith("s:")) && vectors.get(j).containsKey(f)).count();
        if (named >= 2 || named == 1 && cos >= 0.35 || cos >= 0.6) {
          union(parent, i, j);
        }
      }
    }
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> ordered = new ArrayList<>(groups.values());
    // the story with the most press first, then by its first document
    ordered.sort(Comparator.comparingInt((List<Integer> g) -> -(int) g.stream().filter(i -> docs.get(i).genre.press()).count())
        .thenComparingInt(g -> g.get(0)));
    List<Story> out = new ArrayList<>();
    for (List<Integer> g : ordered) {
      List<DocumentId> ids = new ArrayList<>();
      g.forEach(i -> ids.add(docs.get(i).id));
      out.add(new Story("S" + (out.size() + 1), title(g), ids));
    }
    return out;
  }

  private String title(List<Integer> group) {
    for (int i : group) {
      if (docs.get(i).genre.press() && !docs.get(i).headline.isEmpty()) {
        return docs.get(i).headline;
      }
    }
    return docs.get(group.get(0)).headline.isEmpty() ? docs.get(group.get(0)).name : docs.get(group.get(0)).headline;
  }

  private static double cosine(Map<String, Double> a, Map<String, Double> b) {
    if (a.size() > b.size()) {
      Map<String, Double> t = a;
      a = b;
      b = t;
    }
    double dot = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double w = b.get(e.getKey());
      if (w != null) {
        dot += e.getValue() * w;
      }
    }
    return dot;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int x = find(parent, a);
    int y = find(parent, b);
    if (x != y) {
      parent[Math.max(x, y)] = Math.min(x, y);
    }
  }

  static <T> Set<T> intersection(Set<T> a, Set<T> b) {
    Set<T> out = new HashSet<>(a);
    out.retainAll(b);
    return out;
  }
}
