package org.dossier.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dossier.core.DocumentId;

/**
 * Who copied, translated or rewrote whom, among the press articles of a case, and which articles
 * share an upstream source:
 * <ul>
 *   <li>a <b>repost</b> holds most of another article's sampled word shingles, or credits where it
 *       was first published (a credit line, a wire agency's dateline, an interview whose questions a
 *       named outlet puts);
 *   <li>a <b>translation</b> gives the numbers and names of an earlier article of the story in
 *       another language, or carries the marks of translation (an acronym in another language's
 *       word order, a decimal comma);
 *   <li>a <b>rewrite</b> retells what it attributes to another outlet ("the Courier reported");
 *   <li>articles <b>share a source</b> when they attribute statements to the same third outlet or
 *       carry the same verbatim quote without copying each other.
 * </ul>
 * Copies are found with an inverted index over sampled shingles; translations and shared
 * sources are looked for within stories.
 */
final class Propagation {
  private final List<Summary> docs;
  private final List<Story> stories;
  private final Map<DocumentId, Integer> index = new HashMap<>();
  private final Map<Integer, Map<String, SourceLink>> links = new HashMap<>();

  /** The articles of each outlet of the case, earliest first (docs are in date order). */
  private final Map<String, List<Integer>> byOutlet = new LinkedHashMap<>();
  /** Every outlet name a text cites, as written. */
  private final Set<String> citedNames = new java.util.LinkedHashSet<>();
  private final Map<String, List<Integer>> articlesMemo = new HashMap<>();
  private final Map<String, String> canonicalMemo = new HashMap<>();

  /** Each document's story, by index. */
  private final Map<Integer, Integer> storyOf = new HashMap<>();

  /** Links the analyst marked wrong ({@link SourceLink#target}): never drawn. */
  private final Set<String> wrongLinks;

  Propagation(List<Summary> docs, List<Story> stories) {
    this(docs, stories, Set.of());
  }

  Propagation(List<Summary> docs, List<Story> stories, Set<String> wrongLinks) {
    this.wrongLinks = wrongLinks;
    this.docs = docs;
    this.stories = stories;
    for (int i = 0; i < docs.size(); i++) {
      Summary s = docs.get(i);
      index.put(s.id, i);
      if (s.genre.press() && s.genre.outlet().isPresent()) {
        byOutlet.computeIfAbsent(s.genre.outlet().get(), k -> new ArrayList<>()).add(i);
      }
    }
    for (int k = 0; k < stories.size(); k++) {
      for (DocumentId d : stories.get(k).documents()) {
        storyOf.put(index.get(d), k);
      }
    }
  }

  /** The article of this outlet in the same story as {@code doc}, published before it. */
  private Optional<Integer> articleInStory(String outlet, int doc) {
    Summary s = docs.get(doc);
    for (int j : articles(outlet)) {
      Summary o = docs.get(j);
      if (j != doc && storyOf.get(j).equals(storyOf.get(doc))
          && (o.date.isEmpty() || s.date.isEmpty() || !o.date.get().isAfter(s.date.get()))) {
        return Optional.of(j);
      }
    }
    return Optional.empty();
  }

  /** The articles of the case published by an outlet of this name, earliest first. */
  private List<Integer> articles(String outlet) {
    return articlesMemo.computeIfAbsent(outlet, o -> {
      List<Integer> out = new ArrayList<>();
      for (Map.Entry<String, List<Integer>> e : byOutlet.entrySet()) {
        if (Summary.sameOutlet(e.getKey(), o)) {
          out.addAll(e.getValue());
        }
      }
      out.sort(null);
      return out;
    });
  }

  /** Wire agencies whose datelines the case's texts carry. */
  private final Set<String> wires = new java.util.HashSet<>();

  /**
   * True when a cited source is a news outlet: by how the text names or cites it, as the outlet of
   * an article here, or as a wire agency whose dateline some text of the case carries.
   */
  private boolean outlet(Summary.Cite c) {
    return c.outletLike() || !articles(c.outlet()).isEmpty() || wires.contains(Lexicon.fold(c.outlet()))
        || knownOutlets.contains(outletKey(c.outlet()));
  }

  /** Names some text of the case cites as an outlet ("Y reported"), by {@link #outletKey}. */
  private final Set<String> knownOutlets = new java.util.HashSet<>();

  /** A name's key across its case forms and scripts: "Коммерсант", "«Коммерсанта»". */
  static String outletKey(String name) {
    StringBuilder b = new StringBuilder();
    for (String w : name.replaceAll("[«»\"“”„]", " ").strip().split("\\s+")) {
      if (!w.isEmpty()) {
        b.append(b.length() == 0 ? "" : " ").append(org.dossier.analyze.Sentences.key(w));
      }
    }
    return b.toString();
  }

  /** The claims of the story {@link #story} is tracing, by document. */
  private Map<DocumentId, List<Claim>> storyClaims = Map.of();

  /** A document's claims: those of the story being traced, the only ones a pass reads. */
  private List<Claim> claims(int doc) {
    List<Claim> own = storyClaims.get(docs.get(doc).id);
    if (own == null) {
      throw new IllegalStateException("the claims of " + docs.get(doc).name + " are read outside its story");
    }
    return own;
  }

  /**
   * The case-wide passes, before the stories' ({@link #story}): the outlets and wires the texts
   * cite, copies by shared shingles, credit lines, addresses of translated pages. None reads claims.
   */
  void begin() {
    for (Summary s : docs) {
      s.wire.ifPresent(w -> wires.add(Lexicon.fold(w.outlet())));
      s.cites.stream().filter(Summary.Cite::outletLike).forEach(c -> knownOutlets.add(outletKey(c.outlet())));
    }
    for (Summary s : docs) {
      s.cites.removeIf(c -> !outlet(c));
      s.cites.forEach(c -> citedNames.add(c.outlet().replaceFirst("(?i)^the\\s+", "")));
    }
    copies();
    credits();
    translatedFrom();
  }

  /**
   * The passes within one story, the {@code k}th, in the stories' order after {@link #begin}:
   * with its documents' claims, which it reads and does not keep (so a caller may take them back
   * from elsewhere a story at a time).
   */
  void story(int k, Map<DocumentId, List<Claim>> claims) {
    storyClaims = claims;
    try {
      List<Integer> members = new ArrayList<>();
      for (DocumentId d : stories.get(k).documents()) {
        int i = index.get(d);
        if (docs.get(i).genre.press()) {
          members.add(i);
        }
      }
      if (members.size() > 1 && members.size() <= 400) {
        aligned(members);
        translations(members);
        onlyOriginals(members);
      }
      rewrites(members);
      sharedSources(members);
    } finally {
      storyClaims = Map.of();
    }
  }

  /** The passes after the stories' (passages copied word for word, wire copies), and each document's sources. */
  List<Provenance> end() {
    for (int[] p : passages) {
      passage(p[0], p[1]);
    }
    wireCopies();
    uncreditedWires();
    List<Provenance> out = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Summary s = docs.get(i);
      List<SourceLink> own = new ArrayList<>(links.getOrDefault(i, Map.of()).values());
      String kind = "original";
      List<Evidence> evidence = new ArrayList<>();
      if (s.genre.press()) {
        boolean repost = own.stream().anyMatch(l -> l.relation().equals("copies"));
        boolean translation = own.stream().anyMatch(l -> l.relation().equals("translates"))
            || s.translationWeight >= 2; // one decimal comma may be a slip: it takes two, or an acronym
        boolean rewrite = own.stream().anyMatch(l -> l.relation().equals("rewrites"));
        kind = repost ? "repost" : translation ? "translation" : rewrite ? "rewrite" : "original";
        evidence.addAll(s.translationMarks);
      }
      out.add(new Provenance(s.id, kind, s.genre, own, evidence));
    }
    return out;
  }

  private void add(int from, String to, Optional<DocumentId> toDoc, String relation, List<Evidence> evidence) {
    if (!wrongLinks.isEmpty() && wrongLinks.contains(SourceLink.target(docs.get(from).id, to, toDoc))) {
      return; // the analyst said it is not its source: another reading may still find the true one
    }
    Map<String, SourceLink> own = links.computeIfAbsent(from, k -> new LinkedHashMap<>());
    String key = relation + "|" + to;
    SourceLink before = own.get(key);
    if (before != null) {
      List<Evidence> all = new ArrayList<>(before.evidence());
      for (Evidence e : evidence) {
        if (all.size() < 8 && !all.contains(e)) {
          all.add(e);
        }
      }
      own.put(key, new SourceLink(to, toDoc, relation, all));
    } else {
      own.put(key, new SourceLink(to, toDoc, relation, evidence.size() > 8 ? evidence.subList(0, 8) : evidence));
    }
  }

  private boolean linked(int from, int to) {
    return links.getOrDefault(from, Map.of()).values().stream()
        .anyMatch(l -> l.toDocument().equals(Optional.of(docs.get(to).id)));
  }

  /** True when {@code from} copies, translates or rewrites {@code to}. */
  private boolean derived(int from, int to) {
    return links.getOrDefault(from, Map.of()).values().stream()
        .anyMatch(l -> !l.relation().equals("shares-source") && l.toDocument().equals(Optional.of(docs.get(to).id)));
  }

  // ------------------------------------------------------------------ copies

  /** Pairs of articles that share a few sampled shingles: looked at again once the stories' links are known. */
  private final List<int[]> passages = new ArrayList<>();
  private ShinglePostings postings = new ShinglePostings(List.of());

  /**
   * The articles holding each sampled shingle, in document order, as three arrays (the end keeps
   * them while it passes over every story): a few bytes per shingle, not a boxed map's sixty.
   */
  private static final class ShinglePostings {
    private final long[] hashes;
    private final int[] offsets;
    private final int[] docs;

    ShinglePostings(List<Summary> docs) {
      int total = 0;
      for (Summary s : docs) {
        total += s.genre.press() ? s.shingles.size() : 0;
      }
      long[] all = new long[total];
      int n = 0;
      for (Summary s : docs) {
        if (s.genre.press()) {
          for (Summary.Shingle sh : s.shingles) {
            all[n++] = sh.hash();
          }
        }
      }
      java.util.Arrays.sort(all);
      int distinct = 0;
      for (int k = 0; k < total; k++) {
        if (k == 0 || all[k] != all[k - 1]) {
          all[distinct++] = all[k];
        }
      }
      hashes = java.util.Arrays.copyOf(all, distinct);
      offsets = new int[distinct + 1];
      for (Summary s : docs) {
        if (s.genre.press()) {
          for (Summary.Shingle sh : s.shingles) {
            offsets[java.util.Arrays.binarySearch(hashes, sh.hash()) + 1]++;
          }
        }
      }
      for (int k = 0; k < distinct; k++) {
        offsets[k + 1] += offsets[k];
      }
      int[] filled = java.util.Arrays.copyOf(offsets, distinct);
      this.docs = new int[total];
      for (int i = 0; i < docs.size(); i++) {
        Summary s = docs.get(i);
        if (s.genre.press()) {
          for (Summary.Shingle sh : s.shingles) {
            this.docs[filled[java.util.Arrays.binarySearch(hashes, sh.hash())]++] = i;
          }
        }
      }
    }

    /** The articles holding {@code hash}, in document order (once per time they hold it); none when none does. */
    int[] of(long hash) {
      int k = java.util.Arrays.binarySearch(hashes, hash);
      return k < 0 ? new int[0] : java.util.Arrays.copyOfRange(docs, offsets[k], offsets[k + 1]);
    }
  }

  private void copies() {
    ShinglePostings postings = new ShinglePostings(docs);
    this.postings = postings;
    for (int i = 0; i < docs.size(); i++) {
      Summary a = docs.get(i);
      if (!a.genre.press() || a.shingles.isEmpty()) {
        continue;
      }
      Map<Integer, Integer> shared = new HashMap<>();
      for (Summary.Shingle sh : a.shingles) {
        int[] p = postings.of(sh.hash());
        if (p.length == 0 || p.length > Linker.MAX_POSTINGS) {
          continue;
        }
        int last = -1;
        for (int j : p) {
          if (j > i && j != last) {
            shared.merge(j, 1, Integer::sum);
            last = j;
          }
        }
      }
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        int j = e.getKey();
        Summary b = docs.get(j);
        int common = e.getValue();
        int smaller = Math.min(a.shingles.size(), b.shingles.size());
        double containment = (double) common / smaller;
        if (common < 4) {
          continue;
        }
        if (containment < Linker.COPY_CONTAINMENT) {
          passages.add(new int[] {i, j});
          continue;
        }
        // the copy is the later one; on the same day the one that credits the other, else the shorter
        int copy = direction(i, j);
        int original = copy == i ? j : i;
        Summary c = docs.get(copy);
        Summary o = docs.get(original);
        if (containment < 0.85 && o.genre.outlet().isPresent()
            && c.cites.stream().anyMatch(x -> Summary.sameOutlet(x.outlet(), o.genre.outlet().get()))
            && c.credits.stream().noneMatch(x -> Summary.sameOutlet(x.outlet(), o.genre.outlet().get()))) {
          continue; // it retells what it attributes to the other's outlet: a rewrite, found below
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(c.name, 0, 0, "", String.format(java.util.Locale.ROOT,
            "%d of %d sampled five-word sequences of %s are in %s", common, c.shingles.size(), c.name, o.name)));
        Set<Long> theirs = new java.util.HashSet<>();
        o.shingles.forEach(s -> theirs.add(s.hash()));
        int shown = 0;
        for (Summary.Shingle sh : c.shingles) {
          if (theirs.contains(sh.hash()) && !sh.words().isEmpty() && shown++ < 3) {
            evidence.add(new Evidence(c.name, sh.start(), sh.end(), sh.words(), "also in " + o.name));
          }
        }
        add(copy, o.name, Optional.of(o.id), "copies", evidence);
      }
    }
  }

  /** Sampled shingles a passage taken word for word needs: some thirty words in a row. */
  static final int PASSAGE_SHINGLES = 6;

  /**
   * A passage taken word for word from another article of the story, the rest written anew: a
   * rewrite. Words another text quotes are someone's words, and a run that articles of other
   * stories carry too is a site's or an agency's stock text; neither counts.
   */
  private void passage(int i, int j) {
    if (!storyOf.get(i).equals(storyOf.get(j)) || linked(i, j) || linked(j, i) || commonUpstream(i, j)) {
      return; // two texts taken from the same one share its words because of it
    }
    int copy = direction(i, j);
    Summary c = docs.get(copy);
    Summary o = docs.get(copy == i ? j : i);
    Set<Long> theirs = new java.util.HashSet<>();
    for (Summary.Shingle sh : o.shingles) {
      if (!inQuote(o, sh)) {
        theirs.add(sh.hash());
      }
    }
    List<Summary.Shingle> taken = new ArrayList<>();
    for (Summary.Shingle sh : c.shingles) {
      if (theirs.contains(sh.hash()) && !inQuote(c, sh)
          && java.util.Arrays.stream(postings.of(sh.hash())).allMatch(k -> storyOf.get(k).equals(storyOf.get(i)))) {
        taken.add(sh);
      }
    }
    if (taken.size() < PASSAGE_SHINGLES) {
      return;
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence(c.name, 0, 0, "", String.format(java.util.Locale.ROOT,
        "%d sampled five-word sequences of %s, outside quotation marks, are in %s", taken.size(), c.name, o.name)));
    taken.stream().filter(sh -> !sh.words().isEmpty()).limit(3)
        .forEach(sh -> evidence.add(new Evidence(c.name, sh.start(), sh.end(), sh.words(), "also in " + o.name)));
    add(copy, o.name, Optional.of(o.id), "rewrites", evidence);
  }

  private static boolean inQuote(Summary s, Summary.Shingle sh) {
    return s.quotes.stream().anyMatch(q -> q.evidence().start() <= sh.start() && sh.end() <= q.evidence().end());
  }

  private int direction(int i, int j) {
    Summary a = docs.get(i);
    Summary b = docs.get(j);
    if (a.date.isPresent() && b.date.isPresent() && !a.date.get().equals(b.date.get())) {
      return a.date.get().isAfter(b.date.get()) ? i : j;
    }
    boolean aCredits = credits(a, b);
    boolean bCredits = credits(b, a);
    if (aCredits != bCredits) {
      return aCredits ? i : j;
    }
    if (a.shingleTotal != b.shingleTotal) {
      return a.shingleTotal < b.shingleTotal ? i : j;
    }
    return a.name.compareTo(b.name) > 0 ? i : j;
  }

  private static boolean credits(Summary a, Summary b) {
    return b.genre.outlet().isPresent() && (a.credits.stream().anyMatch(c -> Summary.sameOutlet(c.outlet(), b.genre.outlet().get()))
        || a.cites.stream().anyMatch(c -> Summary.sameOutlet(c.outlet(), b.genre.outlet().get())));
  }

  /** Credit lines and interviews: a repost of the named outlet's piece, in the case or not. */
  private void credits() {
    for (int i = 0; i < docs.size(); i++) {
      Summary s = docs.get(i);
      if (!s.genre.press() || s.credits.isEmpty()) {
        continue;
      }
      Map<String, List<Evidence>> byOutlet = new LinkedHashMap<>();
      for (Summary.Cite c : s.credits) {
        String key = byOutlet.keySet().stream().filter(o -> Summary.sameOutlet(o, c.outlet())).findFirst().orElse(c.outlet());
        byOutlet.computeIfAbsent(key, k -> new ArrayList<>()).add(c.evidence());
      }
      for (Map.Entry<String, List<Evidence>> e : byOutlet.entrySet()) {
        Optional<Integer> inCase = articleInStory(e.getKey(), i);
        if (inCase.isPresent()) {
          add(i, docs.get(inCase.get()).name, Optional.of(docs.get(inCase.get()).id), "copies", e.getValue());
        } else {
          add(i, e.getKey(), Optional.empty(), "copies", e.getValue());
        }
      }
    }
  }

  /** A text in one language that gives the address of its story's page in English translates that page. */
  private void translatedFrom() {
    // the case's addresses, read once when a text gives such an address: no pass over the case per text
    Map<String, Integer> byAddress = new HashMap<>();
    boolean read = false;
    for (int i = 0; i < docs.size(); i++) {
      Summary s = docs.get(i);
      if (!s.genre.press() || s.translatedFrom.isEmpty()) {
        continue;
      }
      for (int j = 0; j < docs.size() && !read; j++) {
        Optional<String> a = docs.get(j).address;
        if (a.isPresent()) {
          byAddress.putIfAbsent(bareAddress(a.get()), j);
        }
      }
      read = true;
      String url = s.translatedFrom.get().outlet();
      Integer at = byAddress.get(bareAddress(url));
      Optional<Integer> inCase = at == null || at == i ? Optional.empty() : Optional.of(at);
      List<Evidence> evidence = List.of(s.translatedFrom.get().evidence());
      if (inCase.isPresent()) {
        add(i, docs.get(inCase.get()).name, Optional.of(docs.get(inCase.get()).id), "translates", evidence);
      } else {
        add(i, url, Optional.empty(), "translates", evidence);
      }
    }
  }

  /** A web address without its scheme and "www.", as two texts may give the same page. */
  private static String bareAddress(String url) {
    return url.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "").toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * A text that carries a wire agency's dateline ("WASHINGTON (AP) —") is that agency's dispatch,
   * as the publication it was found in carries it: a repost of the agency's article of the story
   * when the case holds one, else of the agency's dispatch outside the case.
   */
  private void wireCopies() {
    for (int i = 0; i < docs.size(); i++) {
      Summary s = docs.get(i);
      if (!s.genre.press() || s.wire.isEmpty() || derivesFromAny(i) || Lexicon.isPublicationName(s.wire.get().outlet())) {
        continue; // a newspaper's own dateline ("March 4 (Eastgate Herald) --") is its own article
      }
      Summary.Cite w = s.wire.get();
      Optional<Integer> inCase = Optional.empty();
      for (int j : articles(w.outlet())) {
        Summary o = docs.get(j);
        if (j != i && storyOf.get(j).equals(storyOf.get(i)) && o.wire.isEmpty()
            && (o.date.isEmpty() || s.date.isEmpty() || !o.date.get().isAfter(s.date.get()))) {
          inCase = Optional.of(j);
          break;
        }
      }
      if (inCase.isPresent()) {
        add(i, docs.get(inCase.get()).name, Optional.of(docs.get(inCase.get()).id), "copies", List.of(w.evidence()));
      } else {
        add(i, w.outlet() + " (wire)", Optional.empty(), "copies", List.of(w.evidence()));
      }
    }
  }

  /**
   * A text that says what a wire dispatch of the case says, sentence by sentence, and credits no
   * one is that dispatch too, uncredited: another text carries it under the agency's dateline.
   */
  private void uncreditedWires() {
    for (int i = 0; i < docs.size(); i++) {
      Summary s = docs.get(i);
      if (s.wire.isEmpty() || Lexicon.isPublicationName(s.wire.get().outlet())) {
        continue;
      }
      for (SourceLink l : new ArrayList<>(links.getOrDefault(i, Map.of()).values())) {
        if (l.toDocument().isEmpty() || !(l.relation().equals("translates") || l.relation().equals("copies"))) {
          continue;
        }
        int j = index.get(l.toDocument().get());
        Summary o = docs.get(j);
        if (o.wire.isPresent() || !o.credits.isEmpty() || derivesFromAny(j)) {
          continue;
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(o.name, 0, 0, "", s.name + " " + l.relation() + " it and carries the dateline of "
            + s.wire.get().outlet() + "; " + o.name + " credits no one"));
        evidence.add(s.wire.get().evidence());
        add(j, s.wire.get().outlet() + " (wire)", Optional.empty(), "copies", evidence);
      }
    }
  }

  /** The earliest other press article of the case published by {@code outlet}. */
  private Optional<Integer> articleOf(String outlet, int except) {
    for (int j : articles(outlet)) {
      if (j != except) {
        return Optional.of(j);
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ sentence alignment

  /** Similarity at which two sentences of different documents say the same thing. */
  static final double SAME_SENTENCE = 0.5;
  /** The same, for sentences in two languages, which share fewer words once translated. */
  static final double SAME_SENTENCE_ACROSS = 0.2;
  /** Mean similarity of a translation's sentences in order with its original's. */
  static final double MEAN_ACROSS = 0.3;
  /** The share of the shorter document a translation's sentences in order make at least. */
  static final double ALIGNED_SHARE_ACROSS = 0.35;
  /** A sentence taken nearly word for word, long enough not to be a stock phrase. */
  static final double VERBATIM = 0.85;
  static final int VERBATIM_WORDS = 12;
  /** Aligned sentences a translation or rewrite needs, and the share of its sentences they are. */
  static final int ALIGNED_MIN = 3;
  static final double ALIGNED_SHARE = 0.4;

  /** One sentence of one document aligned with one of another, and how close. */
  private record Aligned(Claim a, Claim b, double sim) {}

  /**
   * Documents of a story that say the same things sentence by sentence: in another language, a
   * translation; in the same language, a rewrite (a copy is found by its shingles already). Each
   * sentence of one document is matched with its closest sentence of the other (by the frames of
   * cross-language keys its statement claim carries); a pair needs {@link #ALIGNED_MIN} matched
   * sentences making {@link #ALIGNED_SHARE} of the shorter document at least.
   */
  private void aligned(List<Integer> members) {
    Map<Integer, List<Claim>> said = new HashMap<>();
    List<Claim> all = new ArrayList<>();
    for (int i : members) {
      List<Claim> own = new ArrayList<>();
      for (Claim c : claims(i)) {
        // whole sentences only: the clauses of a sentence are statements too, but one sentence
        // is one unit of a translation
        if (c.stated() instanceof Claim.Said && c.span().length() * 10L >= c.sentence().length() * 9L) {
          own.add(c);
        }
      }
      said.put(i, own);
      all.addAll(own);
    }
    Map<String, Double> idf = FactBuilder.idf(all);
    for (int x = 0; x < members.size(); x++) {
      for (int y = x + 1; y < members.size(); y++) {
        int i = members.get(x);
        int j = members.get(y);
        boolean across = !docs.get(i).language.equals(docs.get(j).language);
        int fuller = across ? fullerCopy(i, j) : -1;
        int rendering = -1;
        if (linked(i, j) || linked(j, i) || commonUpstream(i, j) && fuller < 0) {
          continue; // two texts taken from the same one say the same things because of it
        }
        List<Claim> si = said.get(i);
        List<Claim> sj = said.get(j);
        if (si.isEmpty() || sj.isEmpty()) {
          continue;
        }
        List<Aligned> pairs = align(si, sj, idf, across ? SAME_SENTENCE_ACROSS : SAME_SENTENCE, across);
        if (across) {
          pairs = inOrder(pairs);
        }
        if (commonUpstream(i, j)) {
          // a translation of an article and a fuller copy of it in the article's language: the
          // translation renders the copy too when more of its sentences are the copy's than the article's
          int translation = fuller == i ? j : i;
          List<Claim> su = said.get(commonSource(i, j));
          if (su == null || su.isEmpty() || pairs.size() <= inOrder(align(said.get(translation), su, idf,
              SAME_SENTENCE_ACROSS, true)).size()) {
            continue;
          }
          fullerCopies.add(translation + ">" + fuller);
          rendering = translation;
        }
        int shorter = Math.min(si.size(), sj.size());
        double mean = pairs.stream().mapToDouble(Aligned::sim).average().orElse(0);
        boolean many = pairs.size() >= ALIGNED_MIN && pairs.size() >= (across ? ALIGNED_SHARE_ACROSS : ALIGNED_SHARE) * shorter
            && (!across || mean >= MEAN_ACROSS);
        // one long sentence taken nearly word for word is a copy too, not a chance likeness
        boolean verbatim = !across && pairs.stream().anyMatch(p -> p.sim() >= VERBATIM
            && p.a().frame().keys().size() >= VERBATIM_WORDS && p.b().frame().keys().size() >= VERBATIM_WORDS
            && !quoted(p.a().quote()) && !quoted(p.b().quote()));
        if (!many && !verbatim) {
          continue;
        }
        Summary a = docs.get(i);
        Summary b = docs.get(j);
        boolean translation = !a.language.equals(b.language);
        // the derived one: the later; on the same day the one more of whose sentences are matched
        int derived;
        if (a.date.isPresent() && b.date.isPresent() && !a.date.get().equals(b.date.get())) {
          derived = a.date.get().isAfter(b.date.get()) ? i : j;
        } else {
          double ci = (double) pairs.size() / si.size();
          double cj = (double) pairs.size() / sj.size();
          derived = ci != cj ? (ci > cj ? i : j) : (a.name.compareTo(b.name) > 0 ? i : j);
        }
        if (rendering >= 0) {
          derived = rendering;
        }
        int source = derived == i ? j : i;
        Summary d = docs.get(derived);
        Summary o = docs.get(source);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(d.name, 0, 0, "", String.format(java.util.Locale.ROOT,
            "%d of %d sentences of %s say what sentences of %s say%s", pairs.size(), said.get(derived).size(),
            d.name, o.name, translation ? " (" + d.language + " and " + o.language + ")" : "")));
        pairs.sort((p, q) -> Double.compare(q.sim(), p.sim()));
        for (Aligned p : pairs.subList(0, Math.min(3, pairs.size()))) {
          Claim mine = p.a().document().equals(d.id) ? p.a() : p.b();
          Claim theirs = mine == p.a() ? p.b() : p.a();
          evidence.add(new Evidence(d.name, mine.span().start(), mine.span().end(), clip(mine.quote()),
              "as " + o.name + " @" + theirs.span().start() + "-" + theirs.span().end() + ": \"" + clip(theirs.quote()) + "\""));
        }
        add(derived, o.name, Optional.of(o.id), translation ? "translates" : "rewrites", evidence);
      }
    }
  }

  /** "t>c": t translates c, a fuller copy of the article t translates, as well as the article. */
  private final Set<String> fullerCopies = new java.util.HashSet<>();

  /**
   * Of two texts in two languages that take from the same article, the one in the article's
   * language (its copy), when the other translates the article; else -1.
   */
  private int fullerCopy(int i, int j) {
    if (!commonUpstream(i, j)) {
      return -1;
    }
    Summary u = docs.get(commonSource(i, j));
    for (int[] p : new int[][] {{i, j}, {j, i}}) {
      if (docs.get(p[0]).language.equals(u.language) && links.getOrDefault(p[1], Map.of()).values().stream()
          .anyMatch(l -> l.relation().equals("translates") && l.toDocument().equals(Optional.of(u.id)))) {
        return p[0];
      }
    }
    return -1;
  }

  /** The first document of the case that both texts take from. */
  private int commonSource(int a, int b) {
    java.util.Set<DocumentId> x = upstream(a);
    x.retainAll(upstream(b));
    return index.get(x.iterator().next());
  }

  /** True when most of a sentence is a quotation: the same words quoted share a source, not a copy. */
  private static boolean quoted(String sentence) {
    int open = -1;
    int inside = 0;
    for (int k = 0; k < sentence.length(); k++) {
      char c = sentence.charAt(k);
      if ("\"“”«»„".indexOf(c) >= 0) {
        if (open < 0) {
          open = k;
        } else {
          inside += k - open;
          open = -1;
        }
      }
    }
    return inside * 2 >= sentence.length();
  }

  private static String clip(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= 160 ? t : t.substring(0, 157) + "...";
  }

  /**
   * The longest run of matched sentences that keeps its order in both documents: a translation
   * renders its original paragraph by paragraph, while chance likenesses fall in any order.
   */
  private static List<Aligned> inOrder(List<Aligned> pairs) {
    List<Aligned> sorted = new ArrayList<>(pairs);
    sorted.sort(java.util.Comparator.comparingInt((Aligned p) -> p.a().span().start()));
    int n = sorted.size();
    int[] len = new int[n];
    int[] prev = new int[n];
    int best = -1;
    for (int k = 0; k < n; k++) {
      len[k] = 1;
      prev[k] = -1;
      for (int m = 0; m < k; m++) {
        if (sorted.get(m).b().span().start() < sorted.get(k).b().span().start() && len[m] + 1 > len[k]) {
          len[k] = len[m] + 1;
          prev[k] = m;
        }
      }
      if (best < 0 || len[k] > len[best]) {
        best = k;
      }
    }
    List<Aligned> out = new ArrayList<>();
    for (int k = best; k >= 0; k = prev[k]) {
      out.add(0, sorted.get(k));
    }
    return out;
  }

  /** Sentences of two documents matched one to one, closest first, above {@code threshold}. */
  private static List<Aligned> align(List<Claim> x, List<Claim> y, Map<String, Double> idf, double threshold,
      boolean across) {
    List<Aligned> cands = new ArrayList<>();
    for (Claim a : x) {
      Frame.Weighed wa = Frame.weighed(a.frame(), idf, across);
      for (Claim b : y) {
        double sim = Frame.similarity(wa, b.frame(), idf, across);
        if (sim >= threshold) {
          cands.add(new Aligned(a, b, sim));
        }
      }
    }
    cands.sort((p, q) -> Double.compare(q.sim(), p.sim()));
    Set<Claim> used = new java.util.HashSet<>();
    List<Aligned> out = new ArrayList<>();
    for (Aligned p : cands) {
      if (!used.contains(p.a()) && !used.contains(p.b())) {
        used.add(p.a());
        used.add(p.b());
        out.add(p);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ translations

  private void translations(List<Integer> members) {
    Map<Integer, double[]> bestScore = new HashMap<>();
    Map<Integer, Object[]> bestLink = new HashMap<>();
    for (int x = 0; x < members.size(); x++) {
      for (int y = x + 1; y < members.size(); y++) {
        int i = members.get(x);
        int j = members.get(y);
        Summary a = docs.get(i);
        Summary b = docs.get(j);
        if (a.language.equals(b.language) || a.language.equals("und") || b.language.equals("und")
            || linked(i, j) || linked(j, i)) {
          continue;
        }
        Set<String> values = Linker.intersection(a.valueKeys, b.valueKeys);
        Set<String> names = Linker.intersection(a.entityNames, b.entityNames);
        int minValues = Math.min(a.valueKeys.size(), b.valueKeys.size());
        int minNames = Math.min(a.entityNames.size(), b.entityNames.size());
        double ratio = (double) Math.min(a.sentences, b.sentences) / Math.max(a.sentences, b.sentences);
        if (values.size() < 3 || values.size() < 0.6 * minValues || names.size() < 2
            || names.size() < 0.5 * minNames || ratio < 0.5) {
          continue;
        }
        int t = a.date.isPresent() && b.date.isPresent() && !a.date.get().equals(b.date.get())
            ? (a.date.get().isAfter(b.date.get()) ? i : j)
            : (!a.language.equals("en") && b.language.equals("en") ? i : !b.language.equals("en") && a.language.equals("en") ? j
                : (a.name.compareTo(b.name) > 0 ? i : j));
        int o = t == i ? j : i;
        List<Evidence> evidence = new ArrayList<>();
        Summary ts = docs.get(t);
        evidence.add(new Evidence(ts.name, 0, 0, "", String.format(java.util.Locale.ROOT,
            "%s (%s) and %s (%s) give the same %d values (%s) and %d names (%s)", ts.name, ts.language,
            docs.get(o).name, docs.get(o).language, values.size(), String.join(", ", limit(values, 8)),
            names.size(), String.join(", ", limit(names, 8)))));
        // the closest one is the original; an original beats its own reposts and rewrites
        double score = values.size() + names.size() + (derivesFromAny(o) ? 0 : 0.5);
        if (!bestScore.containsKey(t) || score > bestScore.get(t)[0]) {
          bestScore.put(t, new double[] {score});
          bestLink.put(t, new Object[] {o, evidence});
        }
      }
    }
    for (Map.Entry<Integer, Object[]> e : bestLink.entrySet()) {
      int o = (Integer) e.getValue()[0];
      @SuppressWarnings("unchecked")
      List<Evidence> evidence = (List<Evidence>) e.getValue()[1];
      add(e.getKey(), docs.get(o).name, Optional.of(docs.get(o).id), "translates", evidence);
    }
  }

  /** True when a document copies, translates or rewrites some other one. */
  private boolean derivesFromAny(int doc) {
    return links.getOrDefault(doc, Map.of()).values().stream().anyMatch(l -> !l.relation().equals("shares-source"));
  }

  /** The documents of the case a document copies, translates or rewrites. */
  private java.util.Set<DocumentId> upstream(int doc) {
    java.util.Set<DocumentId> out = new java.util.HashSet<>();
    links.getOrDefault(doc, Map.of()).values().stream().filter(l -> !l.relation().equals("shares-source"))
        .forEach(l -> l.toDocument().ifPresent(out::add));
    return out;
  }

  /** True when two documents take from the same document of the case: not an upstream beyond it. */
  private boolean commonUpstream(int a, int b) {
    java.util.Set<DocumentId> x = upstream(a);
    x.retainAll(upstream(b));
    return !x.isEmpty();
  }

  /** A text translated from an article and from its repost translates the article. */
  private void onlyOriginals(List<Integer> members) {
    for (int i : members) {
      Map<String, SourceLink> own = links.get(i);
      if (own == null) {
        continue;
      }
      List<String> drop = new ArrayList<>();
      for (Map.Entry<String, SourceLink> e : own.entrySet()) {
        if (!e.getValue().relation().equals("translates") || e.getValue().toDocument().isEmpty()) {
          continue;
        }
        int t = index.get(e.getValue().toDocument().get());
        if (fullerCopies.contains(i + ">" + t)) {
          continue; // it renders what only the copy holds
        }
        for (SourceLink other : own.values()) {
          if (other.relation().equals("translates") && other.toDocument().isPresent()
              && derived(t, index.get(other.toDocument().get()))) {
            drop.add(e.getKey());
            break;
          }
        }
      }
      drop.forEach(own::remove);
    }
  }

  private static List<String> limit(Set<String> s, int n) {
    return s.stream().sorted().limit(n).map(v -> v.substring(v.indexOf(':') + 1)).toList();
  }

  // ------------------------------------------------------------------ rewrites and shared sources

  private void rewrites(List<Integer> members) {
    for (int i : members) {
      Summary s = docs.get(i);
      for (Summary.Cite c : s.cites) {
        if (s.credits.stream().anyMatch(k -> Summary.sameOutlet(k.outlet(), c.outlet()))) {
          continue; // the outlet it reposts: its questions are in the copy, not retold
        }
        Optional<Integer> inCase = Optional.empty();
        for (int j : members) {
          Summary o = docs.get(j);
          if (j != i && o.genre.outlet().isPresent() && Summary.sameOutlet(o.genre.outlet().get(), c.outlet())
              && (o.date.isEmpty() || s.date.isEmpty() || !o.date.get().isAfter(s.date.get()))) {
            inCase = Optional.of(j);
            break;
          }
        }
        if (inCase.isPresent()) {
          Summary o = docs.get(inCase.get());
          List<Evidence> evidence = new ArrayList<>();
          evidence.add(c.evidence());
          for (Summary.Quote q : s.quotes) {
            for (Summary.Quote q2 : o.quotes) {
              if (q.key().equals(q2.key())) {
                evidence.add(new Evidence(s.name, q.evidence().start(), q.evidence().end(), q.evidence().quote(),
                    "the same quote as " + o.name));
              }
            }
          }
          if (!linked(i, inCase.get()) || links.get(i).containsKey("rewrites|" + o.name)) {
            add(i, o.name, Optional.of(o.id), "rewrites", evidence);
          }
        } else {
          add(i, canonicalOutlet(c.outlet()), Optional.empty(), "rewrites", List.of(c.evidence()));
          relayedFrom(i, c, members);
        }
      }
    }
  }

  /**
   * An outlet cited in another language than its article's ("据X报道" for an English wire story):
   * the names cannot be compared across scripts, but what the text attributes to it can. When the
   * figures of the attributed passage are those of one article of the story in another language,
   * and one of them is in no other article of it in another language (one in the text's own
   * language would be cited by a name the text can compare), the text retells that article.
   */
  private void relayedFrom(int i, Summary.Cite c, List<Integer> members) {
    Summary s = docs.get(i);
    Set<String> passage = new java.util.LinkedHashSet<>();
    for (Claim k : claims(i)) {
      if (k.measure().isPresent() && !(k.measure().get().value().value() instanceof org.dossier.core.Value.Date)
          && k.sentence().start() < c.evidence().end() && c.evidence().start() < k.sentence().end()) {
        org.dossier.core.Value v = k.measure().get().value().value();
        passage.add(v.kind() + ":" + v.normalized());
      }
    }
    if (passage.isEmpty()) {
      return;
    }
    int best = -1;
    Set<String> bestShared = Set.of();
    boolean tie = false;
    for (int j : members) {
      Summary o = docs.get(j);
      if (j == i || o.language.equals(s.language) || o.language.equals("und")
          || o.date.isPresent() && s.date.isPresent() && o.date.get().isAfter(s.date.get())) {
        continue;
      }
      // not a text taken from this one or from another of the case, nor one that cites the same
      // outlet: those give the figures because of where they come from
      if (linked(j, i) || !upstream(j).isEmpty() || o.cites.stream().anyMatch(x -> Summary.sameOutlet(x.outlet(), c.outlet())
          || outletKey(x.outlet()).equals(outletKey(c.outlet())))) {
        continue;
      }
      Set<String> shared = Linker.intersection(passage, o.valueKeys);
      if (shared.size() > bestShared.size()) {
        best = j;
        bestShared = shared;
        tie = false;
      } else if (!shared.isEmpty() && shared.size() == bestShared.size()) {
        tie = true;
      }
    }
    if (best < 0 || tie || linked(i, best)) {
      return;
    }
    // a figure of the passage that only this article gives, and a second figure or a telling one
    int only = 0;
    boolean telling = false;
    for (String v : bestShared) {
      int carriers = 0;
      for (int j : members) {
        if (j != i && !docs.get(j).language.equals(s.language) && docs.get(j).valueKeys.contains(v)) {
          carriers++;
        }
      }
      if (carriers == 1) {
        only++;
        telling |= significant(v) >= 3;
      }
    }
    if (only == 0 || bestShared.size() < 2 && !telling) {
      return;
    }
    Summary o = docs.get(best);
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(c.evidence());
    evidence.add(new Evidence(s.name, c.evidence().start(), c.evidence().end(), "", String.format(java.util.Locale.ROOT,
        "what it attributes to %s gives the figures of %s (%s and %s): %s", c.outlet(), o.name, s.language, o.language,
        String.join(", ", limit(bestShared, 6)))));
    add(i, o.name, Optional.of(o.id), "rewrites", evidence);
  }

  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+(?:\\.\\d+)?");

  /** Significant digits of a value key's number ("money:11100000000 USD" has 3). */
  private static int significant(String key) {
    java.util.regex.Matcher m = NUMBER.matcher(key);
    return m.find() ? new java.math.BigDecimal(m.group()).stripTrailingZeros().precision() : 0;
  }

  /** The fullest spelling of an outlet that the cites of the case give. */
  private String canonicalOutlet(String outlet) {
    return canonicalMemo.computeIfAbsent(outlet, x -> {
      String best = x.replaceFirst("(?i)^the\\s+", "");
      for (String o : citedNames) {
        if (o.length() > best.length() && Summary.sameOutlet(o, best)) {
          best = o;
        }
      }
      return best;
    });
  }

  private void sharedSources(List<Integer> members) {
    // the same third outlet cited by two articles
    Map<String, List<int[]>> byOutlet = new LinkedHashMap<>();
    for (int i : members) {
      List<Summary.Cite> cs = docs.get(i).cites;
      for (int k = 0; k < cs.size(); k++) {
        Summary.Cite c = cs.get(k);
        if (articleOf(c.outlet(), -1).isPresent()) {
          continue; // an outlet of the case: a rewrite of that article, not a shared upstream
        }
        String key = canonicalOutlet(c.outlet());
        List<int[]> l = byOutlet.computeIfAbsent(key, x -> new ArrayList<>());
        if (l.stream().noneMatch(p -> p[0] == i) && l.size() < 50) {
          l.add(new int[] {i, k});
        }
      }
    }
    for (Map.Entry<String, List<int[]>> e : byOutlet.entrySet()) {
      List<int[]> l = e.getValue();
      for (int x = 0; x < l.size(); x++) {
        for (int y = 0; y < l.size(); y++) {
          if (x == y) {
            continue;
          }
          if (derived(l.get(x)[0], l.get(y)[0]) || derived(l.get(y)[0], l.get(x)[0])
              || commonUpstream(l.get(x)[0], l.get(y)[0])) {
            continue;
          }
          Summary a = docs.get(l.get(x)[0]);
          Summary b = docs.get(l.get(y)[0]);
          Evidence ea = a.cites.get(l.get(x)[1]).evidence();
          Evidence eb = b.cites.get(l.get(y)[1]).evidence();
          add(l.get(x)[0], b.name, Optional.of(b.id), "shares-source", List.of(
              new Evidence(ea.document(), ea.start(), ea.end(), ea.quote(), "cites " + e.getKey()),
              new Evidence(eb.document(), eb.start(), eb.end(), eb.quote(), "cites " + e.getKey())));
        }
      }
    }
    // the same verbatim quote in two articles that do not copy or rewrite each other
    Map<String, List<int[]>> byQuote = new HashMap<>();
    for (int i : members) {
      List<Summary.Quote> qs = docs.get(i).quotes;
      for (int k = 0; k < qs.size(); k++) {
        byQuote.computeIfAbsent(qs.get(k).key(), x -> new ArrayList<>()).add(new int[] {i, k});
      }
    }
    for (List<int[]> l : byQuote.values()) {
      if (l.size() < 2 || l.size() > 50) {
        continue;
      }
      for (int[] p : l) {
        for (int[] q : l) {
          if (p[0] == q[0] || derived(p[0], q[0]) || derived(q[0], p[0]) || commonUpstream(p[0], q[0])) {
            continue;
          }
          Summary a = docs.get(p[0]);
          Summary b = docs.get(q[0]);
          Evidence ea = a.quotes.get(p[1]).evidence();
          Evidence eb = b.quotes.get(q[1]).evidence();
          add(p[0], b.name, Optional.of(b.id), "shares-source", List.of(
              new Evidence(ea.document(), ea.start(), ea.end(), ea.quote(), "the same quote"),
              new Evidence(eb.document(), eb.start(), eb.end(), eb.quote(), "the same quote")));
        }
      }
    }
  }
}
