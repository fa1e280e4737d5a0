package org.dossier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores what the link stage printed ({@code stories --json}, {@code facts --json}, {@code sources
 * --json}) against a {@link StoryGold}. Pairwise scores count pairs per cluster intersection, so
 * they never enumerate all pairs of a large cluster.
 */
final class LinkScore {
  private LinkScore() {}

  /** Statuses and kinds in the order they are printed. */
  static final List<String> STATUSES = List.of("agree", "conflict", "divergent", "single", "other", "missing");
  static final List<String> KINDS = List.of("original", "repost", "translation", "rewrite", "other", "missing");
  static final List<String> RELATIONS = List.of("copies", "translates", "rewrites", "shares-source");

  /** Precision and recall from counts: true positives, system positives, gold positives. */
  record Prf(long tp, long system, long gold) {
    double precision() {
      return system == 0 ? (gold == 0 ? 1 : 0) : tp / (double) system;
    }

    double recall() {
      return gold == 0 ? 1 : tp / (double) gold;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "P %.3f  R %.3f  F1 %.3f  (%d of %d system, %d gold)",
          precision(), recall(), f1(), tp, system, gold);
    }
  }

  /** A confusion matrix of gold label × system label. */
  static final class Confusion {
    final Map<String, Map<String, Integer>> cells = new TreeMap<>();

    void add(String gold, String system) {
      cells.computeIfAbsent(gold, k -> new TreeMap<>()).merge(system, 1, Integer::sum);
    }

    int get(String gold, String system) {
      return cells.getOrDefault(gold, Map.of()).getOrDefault(system, 0);
    }

    int total(String gold) {
      return cells.getOrDefault(gold, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    int correct() {
      int n = 0;
      for (var e : cells.entrySet()) {
        n += e.getValue().getOrDefault(e.getKey(), 0);
      }
      return n;
    }

    int total() {
      return cells.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    double accuracy() {
      int t = total();
      return t == 0 ? 1 : correct() / (double) t;
    }

    /** Rows and columns in {@code order}; labels outside it are counted as "other". */
    String table(List<String> order, String corner) {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "    %-14s", corner));
      for (String c : order) {
        out.append(String.format(Locale.ROOT, " %11s", c));
      }
      out.append('\n');
      for (String g : order) {
        if (total(g) == 0) {
          continue;
        }
        out.append(String.format(Locale.ROOT, "    %-14s", g));
        for (String c : order) {
          out.append(String.format(Locale.ROOT, " %11d", get(g, c)));
        }
        out.append('\n');
      }
      return out.toString();
    }
  }

  /** A label from {@code order}, or "other". */
  static String label(String value, List<String> order) {
    return order.contains(value) ? value : "other";
  }

  // ------------------------------------------------------------------------------------ stories

  /** Pairwise "same story" over the gold documents; a document is in its first system story. */
  record StoryScore(Prf pairs, int documents, int unplaced, int unknown, int systemStories) {}

  static StoryScore stories(StoryGold gold, JsonNode json) {
    Map<String, Integer> goldOf = new HashMap<>();
    for (int i = 0; i < gold.stories().size(); i++) {
      for (String d : gold.stories().get(i).documents()) {
        goldOf.put(d, i);
      }
    }
    Map<String, Integer> systemOf = new HashMap<>();
    int unknown = 0;
    int count = 0;
    for (JsonNode s : json.path("stories")) {
      for (JsonNode d : s.path("documents")) {
        String name = d.asText();
        if (!goldOf.containsKey(name)) {
          unknown++;
        } else {
          systemOf.putIfAbsent(name, count);
        }
      }
      count++;
    }
    Map<Integer, Long> goldSizes = new HashMap<>();
    Map<Integer, Long> systemSizes = new HashMap<>();
    Map<Long, Long> both = new HashMap<>();
    int unplaced = 0;
    for (Map.Entry<String, Integer> e : goldOf.entrySet()) {
      goldSizes.merge(e.getValue(), 1L, Long::sum);
      Integer s = systemOf.get(e.getKey());
      if (s == null) {
        unplaced++;
        continue;
      }
      systemSizes.merge(s, 1L, Long::sum);
      both.merge(((long) e.getValue() << 32) | s, 1L, Long::sum);
    }
    return new StoryScore(new Prf(pairs(both), pairs(systemSizes), pairs(goldSizes)),
        goldOf.size(), unplaced, unknown, count);
  }

  private static long pairs(Map<?, Long> sizes) {
    long n = 0;
    for (long s : sizes.values()) {
      n += s * (s - 1) / 2;
    }
    return n;
  }

  // -------------------------------------------------------------------------------------- facts

  /**
   * Pairwise "same fact" over gold claims, claim recall, and the status of the system fact that
   * holds most of each gold fact's claims.
   *
   * @param systemClaims every claim the system printed
   * @param unmatched system claims that matched no gold claim (values the gold does not record,
   *     or misplaced)
   */
  record FactScore(Prf pairs, int goldClaims, int found, int systemFacts, int systemClaims,
      int unmatched, Confusion status) {
    double claimRecall() {
      return goldClaims == 0 ? 1 : found / (double) goldClaims;
    }
  }

  private record GoldRef(int fact, StoryGold.Claim claim) {}

  private record Hit(int fact, int textMatch, int overlap, int distance) {
    boolean betterThan(Hit o) {
      if (o == null) {
        return true;
      }
      if (textMatch != o.textMatch) {
        return textMatch > o.textMatch;
      }
      if (overlap != o.overlap) {
        return overlap > o.overlap;
      }
      return distance < o.distance;
    }
  }

  /**
   * @param texts the text of a document by name (to place system claims whose offsets do not fit
   *     the file, by their quote), or null when unknown
   */
  static FactScore facts(StoryGold gold, JsonNode json, Function<String, String> texts) {
    try {
      return facts(gold, json.path("facts")::forEach, texts);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a tree in memory is not read
    }
  }

  /** Hands over a system's facts one at a time, as {@code facts --json} lists them. */
  interface FactRows {
    void forEach(java.util.function.Consumer<JsonNode> fact) throws IOException;
  }

  /** The same, over facts handed over one at a time: a large case's facts are never one tree. */
  static FactScore facts(StoryGold gold, FactRows facts, Function<String, String> texts) throws IOException {
    Map<String, List<GoldRef>> byDocument = new HashMap<>();
    int goldClaims = 0;
    for (int i = 0; i < gold.facts().size(); i++) {
      for (StoryGold.Claim c : gold.facts().get(i).claims()) {
        byDocument.computeIfAbsent(c.document(), k -> new ArrayList<>()).add(new GoldRef(i, c));
        goldClaims++;
      }
    }
    Map<StoryGold.Claim, Hit> assigned = new HashMap<>();
    List<String> systemStatus = new ArrayList<>();
    Map<String, String> textCache = new HashMap<>();
    int[] counts = new int[3]; // system claims, unmatched, facts
    facts.forEach(fact -> {
      int f = counts[2];
      systemStatus.add(fact.path("status").asText(""));
      for (JsonNode c : fact.path("claims")) {
        counts[0]++;
        String doc = c.path("document").asText();
        List<GoldRef> candidates = byDocument.getOrDefault(doc, List.of());
        String text = texts == null ? null : textCache.computeIfAbsent(doc, d -> {
          String t = texts.apply(d);
          return t == null ? "" : t;
        });
        int[] span = span(c, text == null || text.isEmpty() ? null : text);
        String valueText = norm(c.path("value").path("text").asText(""));
        String quote = norm(c.path("quote").asText(""));
        Hit best = null;
        StoryGold.Claim bestClaim = null;
        for (GoldRef g : candidates) {
          String gt = norm(g.claim().text());
          int match = !valueText.isEmpty() && valueText.equals(gt) ? 2
              : !valueText.isEmpty() && (valueText.contains(gt) || gt.contains(valueText)) ? 1 : 0;
          int overlap;
          int distance;
          if (span != null) {
            overlap = Math.min(span[1], g.claim().end()) - Math.max(span[0], g.claim().start());
            if (overlap <= 0) {
              continue;
            }
            distance = Math.abs(span[0] - g.claim().start());
          } else {
            if (match == 0 && !quote.contains(gt)) {
              continue;
            }
            overlap = 0;
            distance = 0;
          }
          Hit h = new Hit(f, match, overlap, distance);
          if (h.betterThan(best)) {
            best = h;
            bestClaim = g.claim();
          }
        }
        if (best == null) {
          counts[1]++;
        } else if (best.betterThan(assigned.get(bestClaim))) {
          assigned.put(bestClaim, best);
        }
      }
      counts[2]++;
    });
    long tp = 0;
    long goldPairs = 0;
    Map<Integer, Long> systemSizes = new HashMap<>();
    Confusion status = new Confusion();
    for (StoryGold.FactRow g : gold.facts()) {
      long n = g.claims().size();
      goldPairs += n * (n - 1) / 2;
      Map<Integer, Long> in = new LinkedHashMap<>();
      for (StoryGold.Claim c : g.claims()) {
        Hit h = assigned.get(c);
        if (h != null) {
          in.merge(h.fact(), 1L, Long::sum);
          systemSizes.merge(h.fact(), 1L, Long::sum);
        }
      }
      tp += pairs(in);
      if (n >= 2) {
        int holder = -1;
        long most = 0;
        for (Map.Entry<Integer, Long> e : in.entrySet()) {
          if (e.getValue() > most || e.getValue() == most && e.getKey() < holder) {
            most = e.getValue();
            holder = e.getKey();
          }
        }
        status.add(g.status(), holder < 0 ? "missing" : label(systemStatus.get(holder), STATUSES));
      }
    }
    return new FactScore(new Prf(tp, pairs(systemSizes), goldPairs), goldClaims, assigned.size(),
        counts[2], counts[0], counts[1], status);
  }

  /**
   * Where a system claim sits in the document's text: its {@code start..end} when they fit the
   * text (the substring is the quote, the value's text or a part of the quote), else where its
   * value text or quote occurs nearest to {@code start}; null if it cannot be placed.
   */
  static int[] span(JsonNode c, String text) {
    int s = c.path("start").asInt(-1);
    int e = c.path("end").asInt(-1);
    String quote = c.path("quote").asText("");
    String value = c.path("value").path("text").asText("");
    boolean ok = s >= 0 && e > s && (text == null || e <= text.length());
    if (text == null) {
      return ok ? new int[] {s, e} : null;
    }
    if (ok) {
      String sub = text.substring(s, e);
      if (quote.isEmpty() && value.isEmpty() || sub.equals(quote) || sub.equals(value)
          || !quote.isEmpty() && quote.contains(sub)) {
        return new int[] {s, e};
      }
    }
    for (String probe : new String[] {value, quote}) {
      if (probe.isBlank()) {
        continue;
      }
      int at = nearest(text, probe, Math.max(s, 0));
      if (at >= 0) {
        return new int[] {at, at + probe.length()};
      }
    }
    return ok ? new int[] {s, e} : null;
  }

  private static int nearest(String text, String probe, int around) {
    int best = -1;
    for (int at = text.indexOf(probe); at >= 0; at = text.indexOf(probe, at + 1)) {
      if (best < 0 || Math.abs(at - around) < Math.abs(best - around)) {
        best = at;
      }
    }
    return best;
  }

  private static String norm(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------------------------ sources

  /**
   * Document kinds (gold × system) and links as (document, target, relation); a shares-source link
   * is the same either way round. {@code anyRelation} ignores the relation.
   */
  record SourceScore(Confusion kinds, Prf links, Prf anyRelation, Map<String, Prf> byRelation,
      int documents, int missing) {}

  static SourceScore sources(StoryGold gold, JsonNode json) {
    Set<String> names = new HashSet<>();
    gold.documents().forEach(d -> names.add(d.document()));
    Map<String, JsonNode> system = new HashMap<>();
    for (JsonNode d : json.path("documents")) {
      system.putIfAbsent(d.path("document").asText(), d);
    }
    Confusion kinds = new Confusion();
    int missing = 0;
    Set<String> goldLinks = new HashSet<>();
    Set<String> goldAny = new HashSet<>();
    for (StoryGold.Doc d : gold.documents()) {
      JsonNode s = system.get(d.document());
      if (s == null) {
        missing++;
      }
      kinds.add(d.kind(), s == null ? "missing" : label(s.path("kind").asText(""), KINDS));
      for (StoryGold.Link l : d.links()) {
        goldLinks.add(key(d.document(), l.to(), l.relation(), names));
        goldAny.add(key(d.document(), l.to(), "", names));
      }
    }
    Set<String> systemLinks = new HashSet<>();
    Set<String> systemAny = new HashSet<>();
    for (JsonNode d : json.path("documents")) {
      String doc = d.path("document").asText();
      if (!names.contains(doc)) {
        continue;
      }
      for (JsonNode l : d.path("links")) {
        systemLinks.add(key(doc, l.path("to").asText(), l.path("relation").asText(), names));
        systemAny.add(key(doc, l.path("to").asText(), "", names));
      }
    }
    Map<String, Prf> byRelation = new LinkedHashMap<>();
    for (String r : RELATIONS) {
      Set<String> g = filter(goldLinks, r);
      Set<String> s = filter(systemLinks, r);
      byRelation.put(r, new Prf(intersection(g, s), s.size(), g.size()));
    }
    return new SourceScore(kinds, new Prf(intersection(goldLinks, systemLinks), systemLinks.size(), goldLinks.size()),
        new Prf(intersection(goldAny, systemAny), systemAny.size(), goldAny.size()), byRelation,
        gold.documents().size(), missing);
  }

  /** "relation|from|to"; the target normalized when it is an outlet's name, not a document. */
  private static String key(String from, String to, String relation, Set<String> names) {
    String target = names.contains(to) ? to : outlet(to);
    String a = from;
    String b = target;
    if (relation.equals("shares-source") || relation.isEmpty()) {
      if (a.compareTo(b) > 0) {
        String t = a;
        a = b;
        b = t;
      }
    }
    return relation + "|" + a + "|" + b;
  }

  /** An outlet's name folded: no quotes, no leading "the", case and spaces folded. */
  static String outlet(String name) {
    String s = name.replaceAll("[«»\"“”]", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (s.startsWith("the ")) {
      s = s.substring(4);
    }
    return s.replaceAll("[.,;:]+$", "");
  }

  private static Set<String> filter(Set<String> keys, String relation) {
    Set<String> out = new HashSet<>();
    for (String k : keys) {
      if (k.startsWith(relation + "|")) {
        out.add(k);
      }
    }
    return out;
  }

  private static long intersection(Set<String> a, Set<String> b) {
    long n = 0;
    for (String x : a) {
      if (b.contains(x)) {
        n++;
      }
    }
    return n;
  }
}
