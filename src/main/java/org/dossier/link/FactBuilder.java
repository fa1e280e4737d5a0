package org.dossier.link;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.dossier.analyze.Concepts;
import org.dossier.core.DocumentId;

/**
 * Joins the claims of one story that are about the same thing into facts, across documents and
 * languages, and gives each fact a status. Two claims of different documents are about the same
 * thing when they are of the same dimension (an amount with an amount, a date with a date, a
 * name with the same entity) and their frames (the words around them as cross-language keys,
 * weighted by closeness and by rarity in the story) are close enough; values that disagree need
 * closer frames than values that agree, since a shared figure is itself evidence. Claims join
 * greedily, best pairs first, and a fact holds at most one claim per document (a document that
 * gives two different values speaks of two things), except a figure a document repeats.
 */
final class FactBuilder {
  /** Frame similarity at which two claims with agreeing values are one fact. */
  static final double AGREEING = 0.25;
  /** Frame similarity at which two claims whose values disagree are one fact (a dispute). */
  static final double DISAGREEING = 0.5;
  /** As {@link #DISAGREEING}, for two values of the same counted thing or dated event. */
  static final double DISAGREEING_SAME_HEAD = 0.3;
  /** As {@link #DISAGREEING}, for two dates of the same event. */
  static final double DISAGREEING_SAME_EVENT = 0.15;
  /** What two documents that each give one amount in the story add to their similarity. */
  static final double ONLY_AMOUNTS = 0.2;
  /** Frame similarity at which two mentions of one entity are one fact. */
  static final double NAMED = 0.3;
  /** As {@link #STATED}, for sentences in two languages. */
  static final double STATED_ACROSS = 0.3;

  /** True when two claims' sentences are written in one language (their keys say so). */
  private static boolean sameLanguage(Claim a, Claim b) {
    return language(a.frame()).equals(language(b.frame()));
  }

  /** The language of a frame's stems ("w:ru:..."), or "" when it has none. */
  private static String language(Frame f) {
    for (String k : f.keys()) {
      if (k.startsWith("w:") && k.indexOf(':', 2) > 2) {
        return k.substring(2, k.indexOf(':', 2));
      }
      if (k.startsWith("h:")) {
        return "zh";
      }
    }
    return "";
  }

  /** Similarity at which two short quotations are the same words. */
  static final double QUOTATION_SIMILARITY = 0.6;

  /** Similarity at which two sentences state the same thing. */
  static final double STATED = 0.42;
  /** Claims compared with each claim at most, by shared keys. */
  static final int CANDIDATES = 200;

  private final Function<DocumentId, String> names;

  FactBuilder(Function<DocumentId, String> names) {
    this.names = names;
  }

  /** A pair of claims and how close they are. */
  private record Pair(int a, int b, double score, boolean agree, double need) {}

  /** The facts of one story: several documents' claims first, then single claims. */
  List<Fact> facts(String story, List<Claim> all, int firstId) {
    List<Claim> claims = withoutRepeats(all);
    Map<String, Double> idf = idf(claims);
    List<List<Claim>> groups = new ArrayList<>();
    Map<String, List<Integer>> families = new LinkedHashMap<>();
    for (int i = 0; i < claims.size(); i++) {
      families.computeIfAbsent(family(claims.get(i)), k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> fam : families.entrySet()) {
      if (fam.getKey().startsWith("name|")) {
        named(claims, fam.getValue(), idf).ifPresent(groups::add);
      } else {
        groups.addAll(cluster(claims, fam.getValue(), idf));
      }
    }
    List<Fact> out = new ArrayList<>();
    List<List<Claim>> multi = new ArrayList<>();
    List<List<Claim>> single = new ArrayList<>();
    for (List<Claim> g : groups) {
      long docs = g.stream().map(Claim::document).distinct().count();
      if (docs > 1) {
        multi.add(g);
      } else if (g.get(0).stated() instanceof Claim.Measure) {
        single.add(g);
      }
    }
    Map<DocumentId, List<Claim>> figures = new HashMap<>();
    for (Claim c : claims) {
      if (figure(c)) {
        figures.computeIfAbsent(c.document(), k -> new ArrayList<>()).add(c);
      }
    }
    List<Fact> several = new ArrayList<>();
    for (List<Claim> g : multi) {
      several.add(fact("", story, g, figures));
    }
    several.addAll(rivals(story, claims, idf));
    // disputes first, then figures, statements and names
    several.sort(Comparator.comparingInt(FactBuilder::rank));
    for (Fact f : several) {
      out.add(new Fact("F" + (firstId + out.size()), f.story(), f.subject(), f.property(), f.status(),
          f.explanation(), f.claims()));
    }
    for (List<Claim> g : single) {
      out.add(fact("F" + (firstId + out.size()), story, g));
    }
    return out;
  }

  /** Claims one document may give of the same value of the same thing: more say nothing new. */
  static final int REPEATS = 3;
  /** Mentions of one name one document may give, for choosing the one that best matches others. */
  static final int NAME_MENTIONS = 20;

  /**
   * The claims without a document's repeats: a text that gives one figure of one thing, one
   * statement or one name over and over (a ledger line repeated 35,000 times, a boilerplate
   * footer) says it a few times for the comparison, so that linking stays linear in its size.
   */
  static List<Claim> withoutRepeats(List<Claim> claims) {
    Map<String, Integer> seen = new HashMap<>();
    List<Claim> out = new ArrayList<>(claims.size());
    for (Claim c : claims) {
      String key = c.document().sha256() + "|" + c.stated().kind() + "|" + c.stated().normalized() + "|"
          + new java.util.TreeSet<>(c.frame().head());
      int cap = c.stated() instanceof Claim.Named ? NAME_MENTIONS : REPEATS;
      if (seen.merge(key, 1, Integer::sum) <= cap) {
        out.add(c);
      }
    }
    return out;
  }

  /** A figure: an amount of money, a number of things, a count or a share. */
  private static boolean figure(Claim c) {
    return c.stated() instanceof Claim.Measure m && FIGURE_KINDS.contains(m.kind());
  }

  static final Set<String> FIGURE_KINDS = Set.of("money", "quantity", "count", "percent");

  /** A figure of a statement and its counterpart in the same statement of another document are within this ratio. */
  static final BigDecimal COUNTERPART = new BigDecimal("1.5");

  /**
   * The same statement made with different figures ("more than 240,000 companies" in one
   * language, "more than 214,000 entities" in another): the figures inside each document's
   * statement, paired with a figure of the same kind and size in the other's that has no equal
   * there, and compared as any two figures are. A figure with an equal counterpart, or with none
   * of its size, says nothing (a statement may give more figures than another).
   */
  private Optional<Fact> otherFigures(String id, String story, Claim head, List<Claim> claims,
      Map<DocumentId, List<Claim>> figures) {
    List<String> conflicts = new ArrayList<>();
    List<String> divergences = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      for (int j = i + 1; j < claims.size(); j++) {
        Claim a = claims.get(i);
        Claim b = claims.get(j);
        if (a.document().equals(b.document())) {
          continue;
        }
        List<Claim> fa = inside(a, figures);
        List<Claim> fb = inside(b, figures);
        for (Claim x : fa) {
          if (fb.stream().anyMatch(y -> same(x, y))) {
            continue;
          }
          Optional<Claim> counterpart = fb.stream()
              .filter(y -> fa.stream().noneMatch(z -> same(z, y)) && sizeOf(x, y))
              .min(Comparator.comparing(y -> ratio(x, y)));
          if (counterpart.isEmpty()) {
            continue;
          }
          Comparison.Result r = Comparison.compare(x, counterpart.get());
          String pair = "\"" + x.stated().text() + "\" (" + names.apply(x.document()) + ") against \""
              + counterpart.get().stated().text() + "\" (" + names.apply(counterpart.get().document()) + "): " + r.why();
          if (r.verdict() == Comparison.Verdict.CONFLICT) {
            conflicts.add(pair);
          } else if (r.verdict() == Comparison.Verdict.DIVERGENT && r.comparable()) {
            divergences.add(pair);
          }
        }
      }
    }
    if (conflicts.isEmpty() && divergences.isEmpty()) {
      return Optional.empty();
    }
    String status = conflicts.isEmpty() ? "divergent" : "conflict";
    List<String> why = conflicts.isEmpty() ? divergences : conflicts;
    return Optional.of(new Fact(id, story, head.subject(), head.property(), status,
        "The same statement with different figures: " + String.join("; ", why) + ".", claims));
  }

  /** The figures a document states inside a claim's words. */
  private static List<Claim> inside(Claim c, Map<DocumentId, List<Claim>> figures) {
    return figures.getOrDefault(c.document(), List.of()).stream()
        .filter(f -> f.span().start() >= c.span().start() && f.span().end() <= c.span().end()).toList();
  }

  private static boolean same(Claim x, Claim y) {
    return x.stated().kind().equals(y.stated().kind()) && Comparison.compare(x, y).verdict() == Comparison.Verdict.AGREE;
  }

  /** True when two figures are of one kind (a count and a number of things alike) and of one size. */
  private static boolean sizeOf(Claim x, Claim y) {
    String kx = x.stated().kind().equals("quantity") ? "count" : x.stated().kind();
    String ky = y.stated().kind().equals("quantity") ? "count" : y.stated().kind();
    return kx.equals(ky) && currency(x).equals(currency(y)) && ratio(x, y).compareTo(COUNTERPART) <= 0;
  }

  /** The larger figure over the smaller, by their low ends; very large when either is not a positive number. */
  private static BigDecimal ratio(Claim x, Claim y) {
    Optional<BigDecimal> a = number(x);
    Optional<BigDecimal> b = number(y);
    if (a.isEmpty() || b.isEmpty() || a.get().signum() <= 0 || b.get().signum() <= 0) {
      return BigDecimal.valueOf(Long.MAX_VALUE);
    }
    return a.get().max(b.get()).divide(a.get().min(b.get()), 6, java.math.RoundingMode.HALF_UP);
  }

  /** A figure's number: the low end of what it states. */
  private static Optional<BigDecimal> number(Claim c) {
    return c.measure().flatMap(m -> Comparison.number(m.value().value())).map(org.dossier.core.Quantity::low);
  }

  private static Optional<String> currency(Claim c) {
    return c.measure().map(m -> m.value().value()).filter(v -> v instanceof org.dossier.core.Value.Money)
        .map(v -> ((org.dossier.core.Value.Money) v).currency());
  }

  private static int rank(Fact f) {
    Claim c = f.claims().get(0);
    int kind = c.stated() instanceof Claim.Measure ? 0 : c.stated() instanceof Claim.Said ? 1 : 2;
    int status = switch (f.status()) {
      case "conflict" -> 0;
      case "divergent" -> 1;
      default -> 2;
    };
    return status * 3 + kind;
  }

  /**
   * The mentions of one entity across the story's documents as one fact: from each document the
   * mention whose surroundings are most like the other documents' mentions, and the role the
   * documents agree on (the concept most often near the name: "arrest", "sign", "leak").
   */
  private Optional<List<Claim>> named(List<Claim> claims, List<Integer> fam, Map<String, Double> idf) {
    Map<DocumentId, List<Claim>> byDoc = new LinkedHashMap<>();
    for (int i : fam) {
      byDoc.computeIfAbsent(claims.get(i).document(), d -> new ArrayList<>()).add(claims.get(i));
    }
    if (byDoc.size() < 2) {
      return Optional.empty();
    }
    List<Claim> chosen = new ArrayList<>();
    for (Map.Entry<DocumentId, List<Claim>> e : byDoc.entrySet()) {
      Claim best = null;
      double bestScore = -1;
      for (Claim c : e.getValue()) {
        double score = 0;
        Frame.Weighed wc = Frame.weighed(c.frame(), idf, false);
        for (Map.Entry<DocumentId, List<Claim>> o : byDoc.entrySet()) {
          if (o.getKey().equals(e.getKey())) {
            continue;
          }
          double top = 0;
          for (Claim d : o.getValue()) {
            top = Math.max(top, Frame.similarity(wc, d.frame(), idf, false));
          }
          score += top;
        }
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      chosen.add(best);
    }
    return Optional.of(chosen);
  }

  /** Claims compared with each other: the same dimension, and for names the same entity. */
  private static String family(Claim c) {
    if (c.stated() instanceof Claim.Named) {
      return "name|" + c.frame().head();
    }
    return c.frame().dimension();
  }

  /** How rare each key is among the story's sentences: rare keys tell things apart. */
  static Map<String, Double> idf(List<Claim> claims) {
    Map<String, Set<String>> bySentence = new HashMap<>();
    for (Claim c : claims) {
      Set<String> keys = bySentence.computeIfAbsent(c.document().sha256() + ":" + c.sentence().start(), k -> new HashSet<>());
      keys.addAll(c.frame().keys());
      keys.addAll(c.frame().head());
    }
    Map<String, Integer> df = new HashMap<>();
    for (Set<String> keys : bySentence.values()) {
      keys.forEach(k -> df.merge(k, 1, Integer::sum));
    }
    // at least a dozen sentences' worth: in a story of two short articles every shared word
    // would otherwise look common
    int n = Math.max(MIN_SENTENCES, bySentence.size());
    Map<String, Double> idf = new HashMap<>();
    df.forEach((k, d) -> idf.put(k, Math.log(1.0 + (double) n / d)));
    return idf;
  }

  private List<List<Claim>> cluster(List<Claim> claims, List<Integer> fam, Map<String, Double> idf) {
    // how many claims of each document give each value: a value a document gives once is telling
    Map<String, Integer> perDocument = new HashMap<>();
    Map<String, Set<String>> figures = new HashMap<>();
    for (int i : fam) {
      Claim c = claims.get(i);
      figures.computeIfAbsent(c.document().sha256(), d -> new HashSet<>()).add(c.stated().normalized());
    }
    figures.forEach((d, v) -> perDocument.put(d + "|figures", v.size()));
    for (int i : fam) {
      Claim c = claims.get(i);
      perDocument.merge(c.document().sha256() + "|" + c.stated().normalized(), 1, Integer::sum);
      for (String h : c.frame().head()) {
        perDocument.merge(c.document().sha256() + "|head|" + h, 1, Integer::sum);
      }
    }
    // candidates: claims of other documents sharing a key near them (an inverted index)
    Map<String, List<Integer>> postings = new HashMap<>();
    for (int i : fam) {
      Frame f = claims.get(i).frame();
      for (String k : f.head()) {
        postings.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
      }
      List<String> keys = f.keys();
      for (int j = 0; j < keys.size() && j < 10; j++) {
        postings.computeIfAbsent(keys.get(j), x -> new ArrayList<>()).add(i);
      }
    }
    List<Pair> pairs = new ArrayList<>();
    for (int i : fam) {
      Claim a = claims.get(i);
      Set<Integer> cands = new LinkedHashSet<>();
      Frame f = a.frame();
      List<String> keys = new ArrayList<>(f.head());
      keys.addAll(f.keys().subList(0, Math.min(10, f.keys().size())));
      if (fam.size() <= CANDIDATES) {
        // a small family: every claim of another document is a candidate
        for (int j : fam) {
          if (j > i && !claims.get(j).document().equals(a.document())) {
            cands.add(j);
          }
        }
      }
      for (String k : keys) {
        for (int j : postings.getOrDefault(k, List.of())) {
          if (j > i && !claims.get(j).document().equals(a.document())) {
            cands.add(j);
          }
          if (cands.size() >= CANDIDATES) {
            break;
          }
        }
      }
      Frame.Weighed[] weighed = new Frame.Weighed[2]; // a's frame, within its language and across
      for (int j : cands) {
        Pair p = score(i, j, claims.get(i), claims.get(j), idf, perDocument, weighed);
        if (p != null) {
          pairs.add(p);
        }
      }
    }
    pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
    // competitive linking: between two documents, each claim links to at most one claim, the
    // best pairs first, so that a claim takes its best counterpart, not every similar one
    Set<String> linked = new HashSet<>();
    List<Pair> links = new ArrayList<>();
    for (Pair p : pairs) {
      Claim a = claims.get(p.a());
      Claim b = claims.get(p.b());
      // a figure a document repeats (headline and text) takes one counterpart, not one per repeat
      String la = unit(a) + ">" + b.document().sha256();
      String lb = unit(b) + ">" + a.document().sha256();
      if (linked.contains(la) || linked.contains(lb)) {
        continue;
      }
      linked.add(la);
      linked.add(lb);
      links.add(p);
    }
    Map<Integer, Integer> groupOf = new HashMap<>();
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i : fam) {
      groupOf.put(i, i);
      members.put(i, new ArrayList<>(List.of(i)));
    }
    for (Pair p : links) {
      int ga = groupOf.get(p.a());
      int gb = groupOf.get(p.b());
      if (ga == gb || !compatible(claims, members.get(ga), members.get(gb))) {
        continue;
      }
      if (!p.agree() && average(claims, members.get(ga), members.get(gb), idf) < p.need() * 0.6) {
        continue; // a dispute needs the two groups to be about the same thing, not one pair
      }
      List<Integer> into = members.get(ga);
      for (int m : members.remove(gb)) {
        groupOf.put(m, ga);
        into.add(m);
      }
    }
    List<List<Claim>> out = new ArrayList<>();
    for (List<Integer> g : members.values()) {
      g.sort(null);
      List<Claim> cs = new ArrayList<>();
      g.forEach(i -> cs.add(claims.get(i)));
      out.add(cs);
    }
    out.sort(Comparator.comparingInt(g -> claims.indexOf(g.get(0))));
    return out;
  }

  /** How close two claims are, or null when they cannot be one fact. */
  private static Pair score(int i, int j, Claim a, Claim b, Map<String, Double> idf, Map<String, Integer> perDocument,
      Frame.Weighed[] weighed) {
    boolean across = !sameLanguage(a, b);
    int way = across ? 1 : 0;
    if (weighed[way] == null) {
      weighed[way] = Frame.weighed(a.frame(), idf, across);
    }
    double sim = Frame.similarity(weighed[way], b.frame(), idf, across);
    if (a.stated() instanceof Claim.Measure ma && b.stated() instanceof Claim.Measure mb) {
      Comparison.Result r = Comparison.compare(a, b);
      // values that can both be true link as readily as equal ones, but for a deadline against
      // a date ("by June 2025", "October 2024"): a limit and an event are rarely one fact
      // two figures a rounding apart link as readily as equal ones: one figure told twice
      boolean agree = r.verdict() == Comparison.Verdict.AGREE
          || r.verdict() == Comparison.Verdict.DIVERGENT && r.comparable() && !timeBound(a) && !timeBound(b)
          || r.verdict() == Comparison.Verdict.CONFLICT && Comparison.close(a, b);
      Set<String> ha = a.frame().head();
      Set<String> hb = b.frame().head();
      if (!ha.isEmpty() && !hb.isEmpty()) {
        boolean shared = ha.stream().anyMatch(hb::contains);
        if (!agree && !sameThing(a.frame(), b.frame(), idf)) {
          return null; // different numbers of different things ("60 howitzer systems", "8 weapons systems")
        }
        // a shared noun is evidence; a different one is not against, as nouns are read loosely
        // ("14 current and former ministers", "14 ministros")
        sim += shared ? 0.15 : 0;
      }
      // two documents that each give one amount of money in the story speak of the same one,
      // unless the amounts are far apart
      boolean onlyAmounts = a.frame().dimension().equals("money")
          && perDocument.getOrDefault(a.document().sha256() + "|figures", 0) == 1
          && perDocument.getOrDefault(b.document().sha256() + "|figures", 0) == 1;
      if (!agree && !onlyAmounts && sharedEvidence(a.frame(), b.frame(), idf) < 2) {
        return null; // a dispute needs two things in common besides the kind of value
      }
      boolean near = r.verdict() == Comparison.Verdict.CONFLICT && agree;
      if (r.verdict() == Comparison.Verdict.AGREE || near) {
        // the same figure in two texts is evidence of the same fact, more so when each text
        // gives it once and it is not a small number (as much a figure a rounding away, which
        // disputes it: "$5.43 bn", "$5.5 bn"); a date and its coarser form, a little less
        boolean coarser = r.why().contains("coarser");
        sim += coarser ? 0.06 : 0.12;
        if (once(a, perDocument) && once(b, perDocument) && telling(ma) && telling(mb)) {
          sim += coarser ? 0.08 : 0.15;
        }
      }
      boolean pa = ha.contains("x:period-start") || ha.contains("x:period-end");
      boolean pb = hb.contains("x:period-start") || hb.contains("x:period-end");
      if (ha.contains("x:period-start") && hb.contains("x:period-end") || ha.contains("x:period-end") && hb.contains("x:period-start")
          || pa != pb && !agree) {
        return null; // where a period begins and where it ends are two facts; an end is no rival for one date
      }
      if (!ordinalsAgree(a.frame(), b.frame())) {
        return null; // "the initial agreement" and "the agreement", "the second batch" and "the first"
      }
      boolean sameHead = !ha.isEmpty() && ha.stream().anyMatch(hb::contains);
      // two dates of the same event (agreed, signed, delivered ...), two amounts of the same
      // thing (the deal, the advance), each the only one its document gives, or named by a word
      // rare in the story: the same event, unless an ordinal tells them apart (checked above)
      boolean sameEvent = (a.frame().dimension().equals("date") || a.frame().dimension().equals("money"))
          && ha.stream().anyMatch(k -> hb.contains(k) && (idf.getOrDefault(k, 0.0) >= RARE
              || perDocument.getOrDefault(a.document().sha256() + "|head|" + k, 0) == 1
                  && perDocument.getOrDefault(b.document().sha256() + "|head|" + k, 0) == 1));
      if (!agree && (timeBound(a) || timeBound(b)) && !sameEvent) {
        return null; // a deadline against a date of another event
      }
      if (a.frame().dimension().equals("money") && r.verdict() != Comparison.Verdict.AGREE && farApart(ma, mb)) {
        return null; // an amount four times another is rarely the same one misreported
      }
      if (onlyAmounts) {
        return new Pair(i, j, sim + ONLY_AMOUNTS, agree, 0);
      }
      double need = agree ? AGREEING : sameEvent ? DISAGREEING_SAME_EVENT : sameHead ? DISAGREEING_SAME_HEAD : DISAGREEING;
      return sim >= need ? new Pair(i, j, sim, agree, need) : null;
    }
    if (a.stated() instanceof Claim.Named) {
      return sim >= NAMED ? new Pair(i, j, sim, true, NAMED) : null;
    }
    if (a.stated() instanceof Claim.Trait ta && b.stated() instanceof Claim.Trait tb) {
      if (a.frame().head().stream().noneMatch(b.frame().head()::contains)) {
        return null; // the colour of one thing is no rival for another's
      }
      boolean agree = ta.value().equals(tb.value());
      double need = agree ? AGREEING : DISAGREEING_SAME_HEAD;
      return sim >= need ? new Pair(i, j, sim, agree, need) : null;
    }
    // a translated or retold sentence shares fewer words with its source than a copied one; a
    // short quotation has few words, and needs most of them, and two at least, in common
    boolean quotation = a.frame().dimension().equals(ClaimExtractor.QUOTATION_DIMENSION);
    if (quotation && a.frame().keys().stream().filter(b.frame().keys()::contains).count() < 2) {
      return null;
    }
    double need = quotation ? QUOTATION_SIMILARITY : sameLanguage(a, b) ? STATED : STATED_ACROSS;
    return sim >= need ? new Pair(i, j, sim, true, need) : null;
  }

  /**
   * True when two heads name the same thing, so that different values of it dispute: the same
   * named item ("18 Vetrov-3 fast attack boats", "20 Vetrov-3 boats"), or the same words but for
   * ones common in the story; for dates, one shared event word is enough.
   */
  private static boolean sameThing(Frame a, Frame b, Map<String, Double> idf) {
    Set<String> ha = a.head();
    Set<String> hb = b.head();
    if (a.dimension().equals("date") || a.dimension().equals("money")) {
      return ha.stream().anyMatch(hb::contains);
    }
    if (ha.stream().anyMatch(k -> k.startsWith("e:") && hb.contains(k))) {
      return true;
    }
    Set<String> both = new HashSet<>(ha);
    both.retainAll(hb);
    for (String k : ha) {
      if (!hb.contains(k) && idf.getOrDefault(k, RARE) >= RARE && !otherReading(k, both)) {
        return false;
      }
    }
    for (String k : hb) {
      if (!ha.contains(k) && idf.getOrDefault(k, RARE) >= RARE && !otherReading(k, both)) {
        return false;
      }
    }
    return !both.isEmpty();
  }

  /**
   * True when a head's concept is another reading of a word whose reading both heads share: the
   * word that gave "politics" gave "policy" too, and is one word, not a second thing counted.
   */
  private static boolean otherReading(String key, Set<String> shared) {
    if (!key.startsWith("c:")) {
      return false;
    }
    Concepts concepts = Concepts.shared();
    for (String s : shared) {
      if (s.startsWith("c:") && concepts.confusable(key.substring(2), s.substring(2))) {
        return true;
      }
    }
    return false;
  }

  /** What competitive linking counts as one: a claim, or every repeat of a figure in its document. */
  private static String unit(Claim c) {
    if (c.stated() instanceof Claim.Measure m) {
      // the same figure of the same thing: two counts of 11 of different things are two units
      return c.document().sha256() + "|" + m.kind() + "|" + m.normalized() + "|"
          + m.value().qualifier().map(q -> q.bound().name()).orElse("") + "|" + new java.util.TreeSet<>(c.frame().head());
    }
    return c.document().sha256() + "@" + c.span().start();
  }

  /** A date given as a limit: "by", "no later than", "from". */
  private static boolean timeBound(Claim c) {
    return c.measure().filter(m -> m.value().value() instanceof org.dossier.core.Value.Date).isPresent()
        && c.qualifier().filter(q -> q.bound() == org.dossier.core.Qualifier.Bound.BY
            || q.bound() == org.dossier.core.Qualifier.Bound.FROM).isPresent();
  }

  /** Two amounts or counts more than four times apart. */
  private static boolean farApart(Claim.Measure a, Claim.Measure b) {
    java.math.BigDecimal x = number(a.value().value());
    java.math.BigDecimal y = number(b.value().value());
    if (x == null || y == null || x.signum() <= 0 || y.signum() <= 0) {
      return false;
    }
    java.math.BigDecimal hi = x.max(y);
    java.math.BigDecimal lo = x.min(y);
    return hi.compareTo(lo.multiply(java.math.BigDecimal.valueOf(4))) > 0;
  }

  private static java.math.BigDecimal number(org.dossier.core.Value v) {
    if (v instanceof org.dossier.core.Value.Money m) {
      return m.amount().low();
    }
    if (v instanceof org.dossier.core.Value.Count c) {
      return c.number().low();
    }
    if (v instanceof org.dossier.core.Value.Things t) {
      return t.number().low();
    }
    return null;
  }

  /** Concepts that tell one of several of a kind apart: the first, second, final, a draft. */
  static final Set<String> ORDINALS = Set.of("c:first", "c:second-ordinal", "c:third", "c:last-final");

  /** False when one claim's near words give an ordinal the other's do not. */
  private static boolean ordinalsAgree(Frame a, Frame b) {
    for (String o : ORDINALS) {
      boolean x = a.weight(o) >= ClaimExtractor.EVENT_WEIGHT;
      boolean y = b.weight(o) >= ClaimExtractor.EVENT_WEIGHT;
      if (x != y && (x ? b.weight(o) : a.weight(o)) == 0f) {
        return false;
      }
    }
    return true;
  }

  private static boolean once(Claim c, Map<String, Integer> perDocument) {
    return perDocument.getOrDefault(c.document().sha256() + "|" + c.stated().normalized(), 0) == 1;
  }

  /** A value rarely shared by chance: an amount, a month or a day, a count of ten or more. */
  private static boolean telling(Claim.Measure m) {
    org.dossier.core.Value v = m.value().value();
    if (v instanceof org.dossier.core.Value.Date d) {
      return d.iso().length() >= 7;
    }
    if (v instanceof org.dossier.core.Value.Money) {
      return true;
    }
    if (v instanceof org.dossier.core.Value.Count c) {
      return c.number().low().compareTo(java.math.BigDecimal.TEN) >= 0;
    }
    if (v instanceof org.dossier.core.Value.Things t) {
      return t.number().low().compareTo(java.math.BigDecimal.TEN) >= 0;
    }
    return false;
  }

  /** Keys near both claims that are not common in the story (idf above the median's). */
  private static int sharedEvidence(Frame a, Frame b, Map<String, Double> idf) {
    int n = 0;
    // which end of a period a date is says nothing of what the period is of
    for (String k : a.keys()) {
      if (k.startsWith("x:")) {
        continue;
      }
      if (a.weight(k) >= 0.3f && b.weight(k) >= 0.3f && idf.getOrDefault(k, 1.0) >= RARE) {
        n++;
      }
    }
    for (String k : a.head()) {
      if (b.head().contains(k)) {
        n++;
      }
    }
    return n;
  }

  /** Sentences a story is taken to have at least when weighing how rare its words are. */
  static final int MIN_SENTENCES = 12;

  /** An idf at which a key is in a third of a story's sentences or fewer. */
  static final double RARE = Math.log(1.0 + 3.0);

  /** True when two groups share no document, save a document repeating the same figure. */
  private static boolean compatible(List<Claim> claims, List<Integer> x, List<Integer> y) {
    for (int i : x) {
      for (int j : y) {
        Claim a = claims.get(i);
        Claim b = claims.get(j);
        if (a.document().equals(b.document())) {
          boolean same = a.stated() instanceof Claim.Measure && b.stated() instanceof Claim.Measure
              && Comparison.compare(a, b).verdict() == Comparison.Verdict.AGREE;
          if (!same) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The average frame similarity between two groups' claims. */
  private static double average(List<Claim> claims, List<Integer> x, List<Integer> y, Map<String, Double> idf) {
    double sum = 0;
    int n = 0;
    for (int i : x) {
      Frame.Weighed wi = Frame.weighed(claims.get(i).frame(), idf, false);
      for (int j : y) {
        sum += Frame.similarity(wi, claims.get(j).frame(), idf, false);
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** A value as several claims give it. */
  private static final class Rep {
    final Claim first;
    final Set<DocumentId> documents = new LinkedHashSet<>();

    Rep(Claim first) {
      this.first = first;
    }

    String label() {
      return "\"" + first.stated().text() + "\"";
    }
  }

  private Fact fact(String id, String story, List<Claim> claims) {
    return fact(id, story, claims, Map.of());
  }

  /**
   * The fact of a group of claims and its status.
   *
   * @param figures the figures each document states, for reading the figures inside statements
   */
  private Fact fact(String id, String story, List<Claim> claims, Map<DocumentId, List<Claim>> figures) {
    Claim head = claims.get(0);
    Set<DocumentId> documents = new LinkedHashSet<>();
    claims.forEach(c -> documents.add(c.document()));
    if (documents.size() == 1) {
      return new Fact(id, story, head.subject(), head.property(), "single",
          "Only " + names.apply(head.document()) + " states this.", claims);
    }
    if (head.stated() instanceof Claim.Named n) {
      Optional<String> role = role(claims);
      return new Fact(id, story, n.name(), role.map(r -> "named: " + r).orElse("named"), "agree",
          documents.size() + " documents name " + n.name() + role.map(r -> " with \"" + r + "\"").orElse("") + ".", claims);
    }
    if (head.stated() instanceof Claim.Trait) {
      Map<String, List<String>> byValue = new LinkedHashMap<>();
      for (Claim c : claims) {
        byValue.computeIfAbsent(c.stated().normalized(), v -> new ArrayList<>()).add(names.apply(c.document()));
      }
      if (byValue.size() > 1) {
        List<String> sides = new ArrayList<>();
        byValue.forEach((v, ds) -> sides.add(v.replace("-colour", "") + " (" + String.join(", ", ds) + ")"));
        return new Fact(id, story, head.subject(), head.property(), "conflict",
            "Sources give the " + head.subject() + " different colours: " + String.join(" against ", sides) + ".", claims);
      }
      return new Fact(id, story, head.subject(), head.property(), "agree",
          documents.size() + " documents give the " + head.subject() + " the same colour.", claims);
    }
    if (!(head.stated() instanceof Claim.Measure)) {
      // the same words given to different speakers: who said it is in dispute
      List<String> speakers = new ArrayList<>();
      for (Claim c : claims) {
        c.attributedTo().map(FactBuilder::speaker).filter(x -> !x.isEmpty())
            .filter(x -> speakers.stream().noneMatch(y -> sameSpeaker(x, y))).ifPresent(speakers::add);
      }
      if (speakers.size() > 1 && verbatim(claims)) {
        return new Fact(id, story, head.subject(), "speaker", "conflict",
            "The same words are given to different speakers: " + String.join("; ", speakers) + ".", claims);
      }
      Optional<Fact> disputed = otherFigures(id, story, head, claims, figures);
      if (disputed.isPresent()) {
        return disputed.get();
      }
      return new Fact(id, story, head.subject(), head.property(), "agree",
          documents.size() + " documents make the same statement.", claims);
    }
    List<Rep> reps = new ArrayList<>();
    for (Claim c : claims) {
      Rep home = null;
      for (Rep r : reps) {
        if (r.first.stated().kind().equals(c.stated().kind())
            && r.first.stated().normalized().equals(c.stated().normalized())
            && r.first.qualifier().map(q -> q.bound()).equals(c.qualifier().map(q -> q.bound()))) {
          home = r;
          break;
        }
      }
      if (home == null) {
        home = new Rep(c);
        reps.add(home);
      }
      home.documents.add(c.document());
    }
    List<String> conflicts = new ArrayList<>();
    List<String> divergences = new ArrayList<>();
    List<String> agreements = new ArrayList<>();
    for (int i = 0; i < reps.size(); i++) {
      for (int j = i + 1; j < reps.size(); j++) {
        Rep a = reps.get(i);
        Rep b = reps.get(j);
        Comparison.Result r = Comparison.compare(a.first, b.first);
        String pair = a.label() + " (" + docs(a) + ") against " + b.label() + " (" + docs(b) + "): " + r.why();
        switch (r.verdict()) {
          case CONFLICT -> conflicts.add(pair);
          case DIVERGENT -> divergences.add(pair);
          case AGREE -> agreements.add(a.label() + " and " + b.label() + ": " + r.why());
        }
      }
    }
    if (!conflicts.isEmpty()) {
      List<String> all = new ArrayList<>(conflicts);
      all.addAll(divergences);
      return new Fact(id, story, head.subject(), head.property(), "conflict",
          "Sources disagree: " + String.join("; ", all) + ".", claims);
    }
    if (!divergences.isEmpty()) {
      return new Fact(id, story, head.subject(), head.property(), "divergent",
          "Compatible only under qualifiers: " + String.join("; ", divergences) + ".", claims);
    }
    String how = agreements.isEmpty() ? "the same value" : String.join("; ", agreements);
    return new Fact(id, story, head.subject(), head.property(), "agree",
        documents.size() + " documents agree (" + how + ").", claims);
  }

  /** Fields of the glossary whose acts put a place or a body in a role two texts can dispute. */
  static final Set<String> RIVAL_FIELDS = Set.of("law-crime", "politics", "economy", "military", "intelligence-data", "diplomacy");

  /** Closeness (next word or the one after) at which a role word and a name are read together. */
  static final float ROLE_NEAR = 0.6f;

  /**
   * Documents that put different places or bodies in the same role, each naming its own and never
   * the other's: "deployed to Camp Ardel" against "deployed to Fort Lisk". Two names that stand
   * next to each other in some text ("Camp Ardel in Verrin", a list), or share a word, may be one
   * place inside another or one body's two names, and are no rivals.
   */
  private List<Fact> rivals(String story, List<Claim> claims, Map<String, Double> idf) {
    Concepts concepts = Concepts.shared();
    Map<DocumentId, Set<String>> namedIn = new HashMap<>();
    Set<String> beside = new HashSet<>();
    Map<String, List<Claim>> byRole = new LinkedHashMap<>();
    for (Claim c : claims) {
      if (!(c.stated() instanceof Claim.Named) || c.frame().head().size() != 1) {
        continue;
      }
      String e = c.frame().head().iterator().next();
      namedIn.computeIfAbsent(c.document(), d -> new HashSet<>()).add(e);
      for (String k : c.frame().keys()) {
        if (k.startsWith("e:") && c.frame().weight(k) >= ROLE_NEAR) {
          beside.add(e + "|" + k);
          beside.add(k + "|" + e);
        }
      }
      String dim = c.frame().dimension();
      if (!dim.equals("name:place") && !dim.equals("name:organization")) {
        continue;
      }
      roleBefore(c, concepts).filter(k -> idf.getOrDefault(k, 0.0) >= RARE)
          .ifPresent(k -> byRole.computeIfAbsent(dim + "|" + k, x -> new ArrayList<>()).add(c));
    }
    List<Fact> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (Map.Entry<String, List<Claim>> role : byRole.entrySet()) {
      // per entity, its claims in this role, one per document
      Map<String, Map<DocumentId, Claim>> byEntity = new LinkedHashMap<>();
      for (Claim c : role.getValue()) {
        byEntity.computeIfAbsent(c.frame().head().iterator().next(), x -> new LinkedHashMap<>()).putIfAbsent(c.document(), c);
      }
      List<String> entities = new ArrayList<>(byEntity.keySet());
      for (int i = 0; i < entities.size(); i++) {
        for (int j = i + 1; j < entities.size(); j++) {
          String x = entities.get(i);
          String y = entities.get(j);
          if (beside.contains(x + "|" + y) || done.contains(x + "|" + y)) {
            continue;
          }
          List<Claim> xs = exclusive(byEntity.get(x), y, namedIn);
          List<Claim> ys = exclusive(byEntity.get(y), x, namedIn);
          if (xs.isEmpty() || ys.isEmpty() || shareAWord(xs.get(0), ys.get(0))) {
            continue;
          }
          done.add(x + "|" + y);
          done.add(y + "|" + x);
          List<Claim> both = new ArrayList<>(xs);
          both.addAll(ys);
          String what = role.getKey().substring(role.getKey().indexOf("|c:") + 3).replace('-', ' ');
          out.add(new Fact("", story, what, "named: " + what, "conflict", "Different names in the same role (\""
              + what + "\"): " + ((Claim.Named) xs.get(0).stated()).name() + " (" + docNames(xs) + ") against "
              + ((Claim.Named) ys.get(0).stated()).name() + " (" + docNames(ys) + ").", both));
        }
      }
    }
    return out;
  }

  /**
   * A word right before a preposition and the name, and the preposition one of place or agent
   * ("deployed to the", "arrested in", "détenu à", "verhaftet in", "detenido en", "задержан в"):
   * the role the name fills, when the glossary files the word under a field of acts. Not "of"
   * ("the chairman of X" names an office, not an act) and no bare lists.
   */
  private static Optional<String> roleBefore(Claim c, org.dossier.analyze.Concepts concepts) {
    int at = c.span().start() - c.sentence().start();
    if (at <= 0 || at > c.context().length()) {
      return Optional.empty();
    }
    java.util.regex.Matcher m = ROLE_BEFORE.matcher(c.context().substring(Math.max(0, at - 60), at));
    if (!m.find()) {
      return Optional.empty();
    }
    String lang = language(c.frame());
    return concepts.concept(m.group(1), lang.isEmpty() ? "en" : lang)
        .filter(k -> RIVAL_FIELDS.contains(concepts.field(k))).map(k -> "c:" + k);
  }

  /** A word, a preposition of place or agent, perhaps an article, and nothing else before a name. */
  private static final java.util.regex.Pattern ROLE_BEFORE = java.util.regex.Pattern.compile(
      "(?iu)(\\p{L}{3,})\\s+(?:at|in|on|to|from|by|near|inside|à|au|aux|en|dans|par|près\\s+de|im|bei|nach|auf|durch"
          + "|a|al|por|desde|ad|nel|nella|presso|dal|dalla|da|в|во|на|под|у|из)\\s+"
          + "(?:(?:the|la|le|les|l['’]|der|die|das|den|dem|el|los|las|il|lo|gli|i)\\s*)?$");

  /** The claims of documents that never name {@code other}. */
  private static List<Claim> exclusive(Map<DocumentId, Claim> claims, String other, Map<DocumentId, Set<String>> namedIn) {
    List<Claim> out = new ArrayList<>();
    claims.forEach((d, c) -> {
      if (!namedIn.getOrDefault(d, Set.of()).contains(other)) {
        out.add(c);
      }
    });
    return out;
  }

  /** True when two names share a word of three letters or more ("Base of Ardel", "Ardel Base"). */
  private static boolean shareAWord(Claim a, Claim b) {
    Set<String> x = new HashSet<>();
    for (String w : Lexicon.fold(((Claim.Named) a.stated()).name()).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 3) {
        x.add(w);
      }
    }
    for (String w : Lexicon.fold(((Claim.Named) b.stated()).name()).split("[^\\p{L}\\p{N}]+")) {
      if (x.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private String docNames(List<Claim> claims) {
    List<String> n = new ArrayList<>();
    claims.forEach(c -> n.add(names.apply(c.document())));
    return String.join(", ", n);
  }

  /** Fields of the glossary whose concepts say what a named one did or is: acts, offices, roles. */
  static final Set<String> ROLE_FIELDS = Set.of("verbs", "reporting", "law-crime", "politics", "economy",
      "military", "intelligence-data", "diplomacy", "people", "society-health", "disasters-environment");

  /** Who a statement is attributed to, without whom it was said to ("X (via Y)" is X). */
  static String speaker(String attributedTo) {
    int via = attributedTo.indexOf(" (via ");
    return (via < 0 ? attributedTo : attributedTo.substring(0, via)).strip();
  }

  /** Two speakers are one when one's words hold the other's ("Garland", "Merrick Garland"). */
  private static boolean sameSpeaker(String x, String y) {
    String a = Lexicon.fold(x).replaceFirst("^the ", "");
    String b = Lexicon.fold(y).replaceFirst("^the ", "");
    return a.contains(b) || b.contains(a) || !Lexicon.isOutletName(x) && !java.util.Collections.disjoint(
        java.util.Set.of(a.split("\\s+")), java.util.Set.of(b.split("\\s+")));
  }

  /** True when the statements of a fact quote nearly the same words. */
  private static boolean verbatim(List<Claim> claims) {
    Set<String> first = quotedWords(claims.get(0).quote());
    if (first.size() < 5) {
      return false;
    }
    for (int i = 1; i < claims.size(); i++) {
      Set<String> other = quotedWords(claims.get(i).quote());
      Set<String> both = new HashSet<>(first);
      both.retainAll(other);
      Set<String> either = new HashSet<>(first);
      either.addAll(other);
      if (either.isEmpty() || (double) both.size() / either.size() < VERBATIM_STATEMENT) {
        return false;
      }
    }
    return true;
  }

  private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("[\"“«„]([^\"”»“„]{10,600})[\"”»“]");

  /** The words of the longest quotation in a sentence, folded. */
  private static Set<String> quotedWords(String sentence) {
    java.util.regex.Matcher m = QUOTED.matcher(sentence);
    String best = "";
    while (m.find()) {
      if (m.group(1).length() > best.length()) {
        best = m.group(1);
      }
    }
    Set<String> out = new HashSet<>();
    for (String w : best.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(Lexicon.fold(w));
      }
    }
    return out;
  }

  /** Share of words two quotations have in common when they are nearly the same words. */
  static final double VERBATIM_STATEMENT = 0.8;

  /** The concept most documents have near a name (in two at least), as a role: "arrest". */
  private static Optional<String> role(List<Claim> claims) {
    Map<String, Double> weight = new HashMap<>();
    Map<String, Set<DocumentId>> docs = new HashMap<>();
    Concepts concepts = Concepts.shared();
    for (Claim c : claims) {
      List<String> keys = c.frame().keys();
      for (String k : keys) {
        if (k.startsWith("c:") && ROLE_FIELDS.contains(concepts.field(k.substring(2)))) {
          weight.merge(k, (double) c.frame().weight(k), Double::sum);
          docs.computeIfAbsent(k, x -> new HashSet<>()).add(c.document());
        }
      }
    }
    return weight.entrySet().stream().filter(e -> docs.get(e.getKey()).size() >= 2)
        .max(Map.Entry.comparingByValue()).map(e -> e.getKey().substring(2).replace('-', ' '));
  }

  private String docs(Rep r) {
    List<String> n = new ArrayList<>();
    for (DocumentId d : r.documents) {
      n.add(names.apply(d));
      if (n.size() == 3 && r.documents.size() > 3) {
        n.add("and " + (r.documents.size() - 3) + " more");
        break;
      }
    }
    return String.join(", ", n);
  }
}
