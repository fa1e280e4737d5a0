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
import org.dossier.core.ValueMention;

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
  /** Stories fully compared with each document: the best by a first, partial score. */
  static final int CANDIDATES = 60;
  /** Cosine similarity of feature vectors at which two documents are in one story. */
  static final double STORY_SIMILARITY = 0.22;
  /** Cosine at which an article sharing only one named actor or item joins a story. */
  static final double ONE_NAME_SIMILARITY = 0.3;
  /** Share of the smaller document's sampled shingles found in the other: a copy. */
  static final double COPY_CONTAINMENT = 0.6;

  private final ClaimExtractor extractor = new ClaimExtractor();
  private final List<Summary> docs = new ArrayList<>();
  private final Set<String> wrongClaims;
  private final Set<String> wrongAttributions;
  private final Set<String> wrongLinks;
  /** Where readings added are kept whole, when they are kept light here; else null. */
  private final Claims kept;

  public Linker() {
    this(Set.of(), Set.of(), Set.of());
  }

  /**
   * @param wrongClaims claims the analyst marked wrong ({@link org.dossier.core.Judgement#claim}
   *     targets): left out of stories and facts
   * @param wrongAttributions claims whose attribution the analyst marked wrong ({@link
   *     org.dossier.core.Judgement#attribution} targets): kept, attributed to no one
   * @param wrongLinks propagation links the analyst marked wrong ({@link SourceLink#target}): never
   *     drawn, so that another reading may find the document's true source
   */
  public Linker(Set<String> wrongClaims, Set<String> wrongAttributions, Set<String> wrongLinks) {
    this(wrongClaims, wrongAttributions, wrongLinks, null);
  }

  /**
   * As {@link #Linker(Set, Set, Set)}, keeping each reading added without the claims the stories
   * are not grouped by ({@link #storyClaims}: most of a reading's room), and taking each story's
   * claims back from {@code kept} when the end comes to it: the end holds the light part of every
   * reading and one story's claims, not every claim of the case.
   *
   * @param kept where each added reading is kept whole, or null to keep every reading whole here
   */
  public Linker(Set<String> wrongClaims, Set<String> wrongAttributions, Set<String> wrongLinks, Claims kept) {
    this.wrongClaims = Set.copyOf(wrongClaims);
    this.wrongAttributions = Set.copyOf(wrongAttributions);
    this.wrongLinks = Set.copyOf(wrongLinks);
    this.kept = kept;
  }

  /** A link run that holds many readings, open: their names, keys and words are shared ({@link #sharing}). */
  public interface Sharing extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Shares names, value keys and frames' words, and the figures and frames of light readings'
   * story claims, between the readings made or taken back in this process until the returned
   * value is closed: a run that holds a case's readings opens it. Runs may overlap; what is shared
   * is let go when the last ends, so a long-lived server or worker does not keep every case's.
   * Only memory differs: outside a run each reading holds equal strings, figures and frames of its
   * own.
   */
  public static Sharing sharing() {
    return Summary.sharing();
  }

  /** What the stage found. */
  public record Result(List<Story> stories, List<Fact> facts, List<Provenance> sources,
      Map<DocumentId, Genre> genres, Map<DocumentId, String> names, List<Claim> claims,
      Map<DocumentId, java.time.LocalDate> dates, Map<DocumentId, String> headlines,
      Map<DocumentId, String> addresses, Map<DocumentId, Set<String>> setByHand) {
    public Result(List<Story> stories, List<Fact> facts, List<Provenance> sources,
        Map<DocumentId, Genre> genres, Map<DocumentId, String> names, List<Claim> claims,
        Map<DocumentId, java.time.LocalDate> dates, Map<DocumentId, String> headlines) {
      this(stories, facts, sources, genres, names, claims, dates, headlines, Map.of(), Map.of());
    }
  }

  /** Reads one document and keeps its reading; its text is not kept. Safe to call from several threads at once. */
  public void add(LinkDocument d) {
    add(read(d));
  }

  /**
   * One document's reading, as {@link #add(Reading)} takes it: what the stage keeps of it
   * (its claims as the analyst judged them, features, shingles, quotes, cited outlets), made from
   * its text. Safe to call from several threads at once.
   */
  public Reading read(LinkDocument d) {
    Genre genre = Genre.of(d.text(), d.language(), d.mediaType(), d.metadata(), d.annotations());
    String givenOutlet = d.given().get("outlet");
    if (givenOutlet != null) {
      genre = genre.withOutlet(givenOutlet);
    }
    List<org.dossier.core.Span> sentences = org.dossier.analyze.Sentences.of(d.text(), d.language());
    Set<String> outlets = new HashSet<>();
    genre.outlet().ifPresent(o -> outlets.add(Lexicon.fold(o)));
    List<Claim> claims = Claim.shared(judged(extractor.extract(d.id(), d.text(), d.language(), sentences,
        d.annotations(), d.resolvedNames(), outlets)));
    return new Reading(new Summary(d, genre, claims, sentences.size()));
  }

  /**
   * Keeps a document's reading, made by {@link #read} here or elsewhere; the reading is the
   * linker's from then on (kept light, it loses claims). Safe to call from several threads at once.
   */
  public void add(Reading r) {
    if (kept != null) {
      r.summary.lighten();
    }
    synchronized (docs) {
      docs.add(r.summary);
    }
  }

  /** The claims as the analyst judged them. */
  private List<Claim> judged(List<Claim> claims) {
    if (wrongClaims.isEmpty() && wrongAttributions.isEmpty()) {
      return claims;
    }
    List<Claim> out = new ArrayList<>(claims.size());
    for (Claim c : claims) {
      if (wrongClaims.contains(org.dossier.core.Judgement.claim(c.document(), c.span().start(), c.span().end()))) {
        continue;
      }
      if (wrongAttributions.contains(org.dossier.core.Judgement.attribution(c.document(), c.span().start(), c.span().end()))) {
        c = new Claim(c.document(), c.span(), c.quote(), c.sentence(), c.context(), c.stated(), Optional.empty(),
            c.subject(), c.property(), c.draftDocument(), c.frame());
      }
      out.add(c);
    }
    return out;
  }

  /**
   * The case's documents and stories, which the end forms before any fact: what every row of the
   * findings names its documents and their stories with.
   */
  public record Documents(List<Story> stories, Map<DocumentId, Genre> genres, Map<DocumentId, String> names,
      Map<DocumentId, java.time.LocalDate> dates, Map<DocumentId, String> headlines,
      Map<DocumentId, String> addresses, Map<DocumentId, Set<String>> setByHand) {}

  /**
   * Takes the findings as the end forms them: the documents and stories, then each story's facts
   * with its documents' claims, in the stories' order, then every document's sources. A sink that
   * writes each story out holds one story's claims at a time.
   */
  public interface Sink {
    void documents(Documents documents) throws java.io.IOException;

    /** One story's facts (numbered on from the stories before it) and its documents' claims, in their order. */
    void story(Story story, List<Fact> facts, List<Claim> claims) throws java.io.IOException;

    void sources(List<Provenance> sources) throws java.io.IOException;
  }

  /** A sink that keeps everything it is handed, as one {@link Result}: every story's claims and facts in memory. */
  static final class Collector implements Sink {
    private Documents documents;
    private final List<Fact> facts = new ArrayList<>();
    private final List<Claim> claims = new ArrayList<>();
    private List<Provenance> sources = List.of();

    @Override
    public void documents(Documents d) {
      documents = d;
    }

    @Override
    public void story(Story story, List<Fact> own, List<Claim> read) {
      facts.addAll(own);
      claims.addAll(read);
    }

    @Override
    public void sources(List<Provenance> found) {
      sources = found;
    }

    Result result() {
      Documents d = documents;
      return new Result(d.stories(), facts, sources, d.genres(), d.names(), claims, d.dates(), d.headlines(),
          d.addresses(), d.setByHand());
    }
  }

  /** The findings as one value, every story's claims and facts in memory: for a small case, or a test. */
  public Result finish() {
    Collector all = new Collector();
    try {
      finish(all);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return all.result();
  }

  /**
   * Forms the findings and hands them to {@code sink} a story at a time. Each story's claims come
   * from the readings added, or, for readings kept light ({@link #Linker(Set, Set, Set, Claims)}),
   * from {@link Claims#of} when the end comes to the story, and are let go after it.
   */
  public void finish(Sink sink) throws java.io.IOException {
    // by date, then by least file name and content: a document's name is its first copy's, which the order
    // of arrival picks, and the stories are grouped in one pass over this order
    docs.sort(Comparator.comparing((Summary s) -> s.date.map(Object::toString).orElse("9999"))
        .thenComparing(s -> s.fileName)
        .thenComparing(s -> s.id.sha256()));
    Map<DocumentId, String> names = new HashMap<>();
    Map<DocumentId, java.time.LocalDate> dates = new HashMap<>();
    Map<DocumentId, String> headlines = new HashMap<>();
    Map<DocumentId, String> addresses = new HashMap<>();
    Map<DocumentId, Set<String>> setByHand = new HashMap<>();
    Map<DocumentId, Genre> genres = new LinkedHashMap<>();
    Map<DocumentId, Summary> byId = new HashMap<>();
    for (Summary s : docs) {
      names.put(s.id, s.name);
      s.date.ifPresent(d -> dates.put(s.id, d));
      if (!s.headline.isEmpty()) {
        headlines.put(s.id, s.headline);
      }
      s.address.ifPresent(a -> addresses.put(s.id, a));
      if (!s.given.isEmpty()) {
        setByHand.put(s.id, new java.util.TreeSet<>(s.given));
      }
      genres.put(s.id, s.genre);
      byId.put(s.id, s);
    }
    List<Story> stories = stories();
    sink.documents(new Documents(stories, genres, names, dates, headlines, addresses, setByHand));
    FactBuilder builder = new FactBuilder(id -> names.getOrDefault(id, id.sha256()));
    Propagation propagation = new Propagation(docs, stories, wrongLinks);
    propagation.begin();
    // each story's claims taken back and its facts formed on every core, a few stories ahead;
    // propagation's passes and the sink take the stories in order here
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, org.dossier.core.Daemons.named("dossier-link-story"));
    try {
      java.util.ArrayDeque<java.util.concurrent.Future<StoryPart>> ahead = new java.util.ArrayDeque<>();
      int next = 0;
      int made = 0;
      for (int k = 0; k < stories.size(); k++) {
        for (; next < stories.size() && next <= k + ahead(); next++) {
          Story s = stories.get(next);
          ahead.add(pool.submit(() -> part(s, byId, builder)));
        }
        StoryPart part = done(ahead.poll());
        List<Fact> facts = new ArrayList<>(part.facts().size());
        for (Fact f : part.facts()) {
          facts.add(new Fact("F" + (++made), f.story(), f.subject(), f.property(), f.status(), f.explanation(), f.claims()));
        }
        propagation.story(k, part.claims());
        sink.story(stories.get(k), facts, part.own());
      }
    } finally {
      pool.shutdownNow();
    }
    sink.sources(propagation.end());
  }

  /** Stories whose claims are taken back and facts formed ahead of the one the end is at: two per core, four at least. */
  static int ahead() {
    return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** One story's claims by document, all of them in its documents' order, and its facts numbered from 1. */
  private record StoryPart(Map<DocumentId, List<Claim>> claims, List<Claim> own, List<Fact> facts) {}

  private StoryPart part(Story story, Map<DocumentId, Summary> byId, FactBuilder builder) throws java.io.IOException {
    Map<DocumentId, List<Claim>> claims = new HashMap<>();
    List<Claim> own = new ArrayList<>();
    for (DocumentId d : story.documents()) {
      List<Claim> read = kept == null ? byId.get(d).claims : kept.of(d);
      claims.put(d, read);
      own.addAll(read);
    }
    return new StoryPart(claims, own, builder.facts(story.id(), own, 1));
  }

  private static StoryPart done(java.util.concurrent.Future<StoryPart> f) throws java.io.IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("the link stage's end was interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof java.io.IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Takes a document's claims back, as its reading had them when {@link #add(Reading)} kept it
   * light: from where the reading was kept.
   */
  @FunctionalInterface
  public interface Claims {
    List<Claim> of(DocumentId document) throws java.io.IOException;
  }

  /**
   * Claims a story's grouping reads of one document: those with a figure and a named head, a few
   * per head, as the grouping reads them and no more: their figures (the value, what qualifies it,
   * the conversions the text states, whether the document is a draft) and heads, one frame per
   * head. Not their words, places, subjects or attributions, nor the other keys of their frames:
   * the end takes each story's claims back whole.
   */
  static List<Claim> storyClaims(List<Claim> claims) {
    Map<String, Integer> per = new HashMap<>();
    Map<String, Frame> frames = new HashMap<>();
    List<Claim> out = new ArrayList<>();
    for (Claim c : claims) {
      Optional<String> key = storyKey(c);
      // a story holds at most four claims per head, the first of each document's: keeping four of
      // each document's keeps every claim the grouping could take
      if (key.isPresent() && per.merge(key.get(), 1, Integer::sum) <= 4) {
        Claim.Measure m = c.measure().get();
        ValueMention v = m.value();
        // a figure and a frame as many documents give them: one copy of each across the case
        Claim.Measure figure = new Claim.Measure(new ValueMention(NOWHERE, "", v.value(), v.qualifier()), m.alternates());
        Frame frame = frames.computeIfAbsent(key.get(), k -> Summary.shared(new StoryFrame(k),
            () -> new Frame(c.frame().dimension(), c.frame().head(), List.of(), new float[0])));
        out.add(new Claim(c.document(), NOWHERE, "", NOWHERE, "", Summary.shared(figure, () -> figure), Optional.empty(),
            "", "", c.draftDocument(), frame));
      }
    }
    return List.copyOf(out);
  }

  /** What a story claim's frame is known by across the case: its dimension and head ({@link #storyKey}). */
  private record StoryFrame(String key) {}

  /** Where a story claim's words were: not kept (the grouping compares figures, not places). */
  private static final org.dossier.core.Span NOWHERE = new org.dossier.core.Span(0, 0);

  // ------------------------------------------------------------------ stories

  /** How much each kind of feature counts: names and precise values most, common words least. */
  private static double weight(String feature) {
    return switch (feature.charAt(0)) {
      case 's' -> 3.0;
      case 'e' -> 2.0;
      case 'v', 'n' -> 1.5;
      case 'p' -> 1.0;
      case 'c' -> CONCEPT_WITHIN;
      default -> 0.25;
    };
  }

  /**
   * A glossary concept's weight when an article is compared with a story in its own language:
   * every story of a topic shares its concepts ("election", "contract"), so within a language
   * they count less than names; across languages they are most of what two retellings share,
   * and the merge pass weighs them {@link #CONCEPT_ACROSS}.
   */
  static final double CONCEPT_WITHIN = 0.5;
  static final double CONCEPT_ACROSS = 1.0;

  /** Cosine of a records-only story's centroid with a press story's at which the records join it. */
  static final double RECORDS_SIMILARITY = 0.12;

  /** Features a story's centroid keeps: the strongest, so that long stories stay cheap. */
  static final int CENTROID_FEATURES = 300;

  /**
   * A document's weighted features, as arrays in the order of the map they were weighed in: the
   * scores are sums over them in that order, and a case's vectors take a fifth of the maps' memory.
   */
  private record Vector(String[] keys, double[] weights) {
    static Vector of(Map<String, Double> v) {
      String[] keys = new String[v.size()];
      double[] weights = new double[v.size()];
      int f = 0;
      for (Map.Entry<String, Double> e : v.entrySet()) {
        keys[f] = e.getKey();
        weights[f++] = e.getValue();
      }
      return new Vector(keys, weights);
    }
  }

  /** A story being formed: the sum of its documents' vectors, and when it was last reported. */
  private static final class Cluster {
    final List<Integer> members = new ArrayList<>();
    final Map<String, Double> sum = new HashMap<>();
    /** A few claims per subject and property, to tell a retelling from another event. */
    final Map<String, List<Claim>> claims = new HashMap<>();
    double norm;
    java.time.LocalDate lastPress;
    /** Whether some document of it names actors or items ({@link #namesActors}), shared with another document or not. */
    boolean named;
    /** The quotations its documents carry (their folded words): a statement retold word for word. */
    final Set<String> quotes = new HashSet<>();

    /** Adds document {@code doc}; {@code namesActors}, whether it does ({@link #namesActors}). */
    void add(int doc, Vector v, Summary s, boolean namesActors) {
      members.add(doc);
      named |= namesActors;
      s.quotes.forEach(q -> quotes.add(q.key()));
      for (Claim c : s.claims) {
        Optional<String> key = storyKey(c);
        if (key.isEmpty()) {
          continue;
        }
        List<Claim> l = claims.computeIfAbsent(key.get(), k -> new ArrayList<>(2));
        if (l.size() < 4) {
          l.add(c);
        }
      }
      for (int f = 0; f < v.keys.length; f++) {
        sum.merge(v.keys[f], v.weights[f], Double::sum);
      }
      if (sum.size() > CENTROID_FEATURES * 2) {
        List<Map.Entry<String, Double>> top = new ArrayList<>(sum.entrySet());
        top.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        sum.clear();
        top.subList(0, CENTROID_FEATURES).forEach(e -> sum.put(e.getKey(), e.getValue()));
      }
      double n = 0;
      for (double w : sum.values()) {
        n += w * w;
      }
      norm = Math.sqrt(n);
      if (s.genre.press() && s.date.isPresent() && (lastPress == null || s.date.get().isAfter(lastPress))) {
        lastPress = s.date.get();
      }
    }
  }

  /**
   * Stories by single-pass clustering, as topic detection and tracking does it: documents in
   * date order each join the story whose centroid they are closest to, when close enough and
   * sharing named actors, items or precise values with it, or start a new one. Candidate stories
   * come from an inverted index over features found in at most {@link #MAX_POSTINGS} documents,
   * and a story last reported more than {@link #STORY_DAYS} days before an article is not one.
   */
  private List<Story> stories() {
    int n = docs.size();
    Map<String, Integer> df = new HashMap<>();
    for (Summary s : docs) {
      for (String f : s.features.keySet()) {
        df.merge(f, 1, Integer::sum);
      }
    }
    List<Vector> vectors = new ArrayList<>(n);
    for (Summary s : docs) {
      Map<String, Double> v = new HashMap<>();
      double norm = 0;
      for (Map.Entry<String, Integer> e : s.features.entrySet()) {
        int d = df.get(e.getKey());
        if (d < 2 && n > 1) {
          continue; // in no other document: cannot join anything
        }
        double w = weight(e.getKey()) * (1 + Math.log(e.getValue())) * Math.log(1.0 + (double) n / d);
        v.put(e.getKey(), w);
        norm += w * w;
      }
      double len = Math.sqrt(norm);
      if (len > 0) {
        v.replaceAll((k, w) -> w / len);
      }
      vectors.add(Vector.of(v));
    }
    List<Cluster> clusters = new ArrayList<>();
    Map<String, List<Integer>> postings = new HashMap<>(); // feature -> clusters holding it
    // in a large case a feature in a few hundred documents still tells stories apart
    int cap = Math.max(MAX_POSTINGS, n / 25);
    // the press first, in date order: stories are the events it covers; then the cache's own
    // records, which join the story they are about or form their own
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (docs.get(i).genre.press()) {
        order.add(i);
      }
    }
    int pressCount = order.size();
    for (int i = 0; i < n; i++) {
      if (!docs.get(i).genre.press()) {
        order.add(i);
      }
    }
    for (int k = 0; k < n; k++) {
      int i = order.get(k);
      boolean record = k >= pressCount;
      Summary s = docs.get(i);
      Vector v = vectors.get(i);
      // a first score from the postings alone (as a search engine ranks), then the best few
      Map<Integer, Double> partial = new HashMap<>();
      for (int f = 0; f < v.keys.length; f++) {
        String key = v.keys[f];
        if (df.get(key) <= cap) {
          List<Integer> p = postings.get(key);
          if (p != null) {
            for (int c : p) {
              Double w = clusters.get(c).sum.get(key);
              partial.merge(c, v.weights[f] * (w == null ? 0 : w) / Math.max(1e-9, clusters.get(c).norm), Double::sum);
            }
          }
        }
      }
      List<Integer> candidates = new ArrayList<>(partial.keySet());
      if (candidates.size() > CANDIDATES) {
        candidates.sort((x, y) -> Double.compare(partial.get(y), partial.get(x)));
        candidates = candidates.subList(0, CANDIDATES);
      }
      int best = -1;
      double bestScore = 0;
      boolean ownActors = namesActors(s);
      for (int c : candidates) {
        Cluster cl = clusters.get(c);
        long days = s.genre.press() ? daysApart(s, cl) : -1;
        double dot = 0;
        int named = 0;
        int actors = 0;
        for (int f = 0; f < v.keys.length; f++) {
          Double w = cl.sum.get(v.keys[f]);
          if (w != null) {
            dot += v.weights[f] * w;
            char kind = v.keys[f].charAt(0);
            if (kind == 'e' || kind == 's' || kind == 'n') {
              named++;
            }
            actors += kind == 'e' ? 1 : 0;
          }
        }
        double cos = cl.norm == 0 ? 0 : dot / cl.norm;
        if (days > STORY_DAYS && cos < SAME_TEXT) {
          continue; // months apart: another event, unless it is nearly the same text (a date misread)
        }
        // a shared place and a shared number are not a story: it takes named actors or items;
        // a record retells nothing, so it joins on its names and figures at a lower similarity
        // nor are like words: a text that names actors or items of its own (not its byline's
        // authors), none of them the story's though the story names its own, and quotes none of its
        // statements, is about someone else (one template, another body's release); the same
        // quotation given to another speaker is a dispute
        boolean strangers = actors == 0 && cl.named && ownActors && s.quotes.stream().noneMatch(q -> cl.quotes.contains(q.key()));
        boolean enough = record
            ? named >= 2 && cos >= RECORDS_SIMILARITY
            : cos >= STORY_SIMILARITY && (named >= 2 || named == 1 && cos >= ONE_NAME_SIMILARITY) || cos >= 0.6 && !strangers;
        // within weeks of the story's articles, a retelling may get several figures wrong;
        // otherwise contradicting most of what the story says makes it another event: months
        // later, nearly the same words with other figures are the next of a recurring event (a
        // vote, a budget, a yearly report), not a retelling (a dateline without its year can rule
        // a story out, not vouch for one)
        boolean close = days >= 0 && days <= STORY_DAYS && s.date.isPresent();
        if (enough && cos > bestScore && (close || consistent(s, cl))) {
          bestScore = cos;
          best = c;
        }
      }
      if (best < 0) {
        best = clusters.size();
        clusters.add(new Cluster());
      }
      Cluster home = clusters.get(best);
      home.add(i, v, s, ownActors);
      if (s.genre.press() && s.date.isEmpty() && s.monthDay.isPresent() && home.lastPress != null) {
        java.time.LocalDate inferred = nearest(s.monthDay.get(), home.lastPress);
        if (inferred.isAfter(home.lastPress)) {
          home.lastPress = inferred;
        }
      }
      for (String f : v.keys) {
        if (df.get(f) <= cap) {
          List<Integer> p = postings.computeIfAbsent(f, x -> new ArrayList<>(2));
          if (!p.contains(best)) {
            p.add(best);
          }
        }
      }
    }
    for (int round = 0; round < MERGE_ROUNDS && merge(clusters, vectors, df, cap); round++) {
      clusters.removeIf(c -> c.members.isEmpty());
    }
    clusters.removeIf(c -> c.members.isEmpty());
    List<List<Integer>> ordered = new ArrayList<>();
    clusters.stream().filter(c -> !c.members.isEmpty()).forEach(c -> {
      c.members.sort(null);
      ordered.add(c.members);
    });
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

  /** Whether a document names actors or items (people, organisations, equipment): a feature of names. */
  private static boolean namesActors(Summary s) {
    for (String f : s.features.keySet()) {
      if (f.charAt(0) == 'e') {
        return true;
      }
    }
    return false;
  }

  /** Cosine at which an article is in a story whatever its date says: it retells the same text. */
  static final double SAME_TEXT = 0.8;

  /** Features that mean the same in every language: concepts, names, values, places. */
  private static boolean crossLingual(String feature) {
    return "cespvn".indexOf(feature.charAt(0)) >= 0;
  }

  /** Cosine of two stories' centroids on what crosses languages at which they are one story. */
  static final double MERGE_SIMILARITY = 0.2;
  /** The same, for two stories that share a language (the first pass compared those texts already). */
  static final double SAME_LANGUAGE_MERGE = 0.4;
  /** Subjects on which two stories sharing a language must agree (and none on which they conflict). */
  static final int SAME_LANGUAGE_AGREEMENT = 3;

  /**
   * A second pass over the stories the first one formed: two stories whose centroids meet on
   * features that cross languages (glossary concepts, names, values) are one story when they
   * share two names or precise values at least and their articles' dates allow it. The first
   * pass compares each document with stories as it reads them, so retellings in another
   * language, which share fewer features, form stories of their own there.
   */
  private boolean merge(List<Cluster> clusters, List<Vector> vectors, Map<String, Integer> df, int cap) {
    boolean merged = false;
    int m = clusters.size();
    // each story's centroid as arrays in its map's order (each score below is a sum in that
    // order), its features numbered: a score looks them up in an array, not a map
    Vector[] centroids = new Vector[m];
    int[][] numbers = new int[m][];
    Map<String, Integer> numbered = new HashMap<>();
    Map<String, List<Integer>> postings = new HashMap<>();
    for (int c = 0; c < m; c++) {
      Map<String, Double> sum = new HashMap<>();
      for (int i : clusters.get(c).members) {
        Vector v = vectors.get(i);
        for (int f = 0; f < v.keys.length; f++) {
          String k = v.keys[f];
          if (crossLingual(k)) {
            double w = v.weights[f];
            sum.merge(k, k.charAt(0) == 'c' ? w * CONCEPT_ACROSS / CONCEPT_WITHIN : w, Double::sum);
          }
        }
      }
      double n = Math.sqrt(sum.values().stream().mapToDouble(w -> w * w).sum());
      if (n > 0) {
        sum.replaceAll((k, w) -> w / n);
      }
      centroids[c] = Vector.of(sum);
      String[] keys = centroids[c].keys;
      numbers[c] = new int[keys.length];
      for (int f = 0; f < keys.length; f++) {
        numbers[c][f] = numbered.computeIfAbsent(keys[f], x -> numbered.size());
        if (df.get(keys[f]) <= cap) {
          postings.computeIfAbsent(keys[f], x -> new ArrayList<>()).add(c);
        }
      }
    }
    postings.values().removeIf(p -> p.size() > MERGE_POSTINGS);
    record Candidate(int a, int b, double cos) {}
    List<Candidate> cands = new ArrayList<>();
    // the weights of the story being compared, by feature number; whose they are, by story
    double[] weightOf = new double[numbered.size()];
    int[] holder = new int[numbered.size()];
    java.util.Arrays.fill(holder, -1);
    for (int a = 0; a < m; a++) {
      Vector x = centroids[a];
      for (int f = 0; f < x.keys.length; f++) {
        weightOf[numbers[a][f]] = x.weights[f];
        holder[numbers[a][f]] = a;
      }
      Map<Integer, Integer> shared = new HashMap<>();
      for (String k : x.keys) {
        for (int b : postings.getOrDefault(k, List.of())) {
          if (b > a) {
            shared.merge(b, "esn".indexOf(k.charAt(0)) >= 0 ? 1 : 0, Integer::sum);
          }
        }
      }
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        int b = e.getKey();
        // the features both have, summed in the order of b's centroid
        double cos = 0;
        Vector y = centroids[b];
        int[] ny = numbers[b];
        for (int f = 0; f < ny.length; f++) {
          if (holder[ny[f]] == a) {
            cos += weightOf[ny[f]] * y.weights[f];
          }
        }
        // two shared names or precise values, or a close match on everything that crosses languages
        boolean evidence = e.getValue() >= 2 || cos >= 1.75 * MERGE_SIMILARITY;
        if (evidence && cos >= MERGE_SIMILARITY) {
          cands.add(new Candidate(a, b, cos));
        }
      }
    }
    cands.sort(Comparator.comparingDouble(Candidate::cos).reversed());
    // each story joins one other per pass, best first, and one in a language it already holds
    // only on a close match: the first pass compared texts of one language already, and joining on
    // what crosses languages alone must not chain one topic's events into one story
    List<Set<String>> languages = new ArrayList<>(m);
    for (Cluster c : clusters) {
      Set<String> l = new java.util.HashSet<>();
      c.members.forEach(i -> l.add(docs.get(i).language));
      languages.add(l);
    }
    boolean[] taken = new boolean[m];
    for (Candidate c : cands) {
      int a = c.a();
      int b = c.b();
      if (taken[a] || taken[b]) {
        continue;
      }
      // stories that share a language were kept apart by the first pass: one only when close and
      // when their claims agree on several subjects and contradict on none
      if (languages.get(a).stream().anyMatch(languages.get(b)::contains)) {
        int[] ac = agreement(clusters.get(a), clusters.get(b));
        if (c.cos() < SAME_LANGUAGE_MERGE || ac[0] < SAME_LANGUAGE_AGREEMENT || ac[1] > 0) {
          continue;
        }
      }
      Cluster x = clusters.get(a);
      Cluster y = clusters.get(b);
      if (x.lastPress != null && y.lastPress != null
          && Math.abs(x.lastPress.toEpochDay() - y.lastPress.toEpochDay()) > STORY_DAYS) {
        continue;
      }
      for (int i : y.members) {
        x.members.add(i);
      }
      y.members.clear();
      if (y.lastPress != null && (x.lastPress == null || y.lastPress.isAfter(x.lastPress))) {
        x.lastPress = y.lastPress;
      }
      taken[a] = true;
      taken[b] = true;
      merged = true;
    }
    return merged;
  }

  /** Passes of merging at most: each compares the stories the previous one formed. */
  static final int MERGE_ROUNDS = 6;

  /**
   * Stories a feature may be held by and still make two of them candidates for one: a name or
   * figure that many stories hold is common to many events, so it says nothing of which two are
   * one (it still counts in their similarity, not among the two names or figures they must share
   * unless they are close on everything). Bounding it keeps a merge pass's candidate pairs in
   * proportion to the stories, not to their square. A case of up to 25 × {@link #MAX_POSTINGS}
   * documents never meets it: there no feature in more documents than that is a candidate's key.
   */
  static final int MERGE_POSTINGS = MAX_POSTINGS;

  /** Days between two articles beyond which they are rarely about the same event. */
  static final int STORY_DAYS = 45;

  /** Days between an article and a story's last article, or -1 when either date is unknown. */
  private static long daysApart(Summary s, Cluster cl) {
    if (cl.lastPress == null) {
      return -1;
    }
    if (s.date.isPresent()) {
      return Math.abs(s.date.get().toEpochDay() - cl.lastPress.toEpochDay());
    }
    if (s.monthDay.isPresent()) {
      return Math.abs(nearest(s.monthDay.get(), cl.lastPress).toEpochDay() - cl.lastPress.toEpochDay());
    }
    return -1;
  }

  /** The date with this day and month nearest to {@code near} (the year a dateline leaves out). */
  private static java.time.LocalDate nearest(java.time.MonthDay md, java.time.LocalDate near) {
    java.time.LocalDate best = null;
    for (int y = near.getYear() - 1; y <= near.getYear() + 1; y++) {
      if (!md.isValidYear(y)) {
        continue;
      }
      java.time.LocalDate d = md.atYear(y);
      if (best == null || Math.abs(d.toEpochDay() - near.toEpochDay()) < Math.abs(best.toEpochDay() - near.toEpochDay())) {
        best = d;
      }
    }
    return best == null ? near : best;
  }

  /** How many of two stories' subjects their claims agree and conflict on. */
  private static int[] agreement(Cluster x, Cluster y) {
    int agree = 0;
    int conflict = 0;
    for (Map.Entry<String, List<Claim>> e : x.claims.entrySet()) {
      List<Claim> theirs = y.claims.get(e.getKey());
      int v = theirs == null ? 0 : verdict(e.getValue(), theirs);
      agree += v > 0 ? 1 : 0;
      conflict += v < 0 ? 1 : 0;
    }
    return new int[] {agree, conflict};
  }

  /** 1 when some pair of the claims about one subject can both be true, -1 when every pair conflicts, else 0. */
  private static int verdict(List<Claim> ours, List<Claim> theirs) {
    boolean conflicts = false;
    for (Claim c : ours) {
      for (Claim t : theirs) {
        if (Comparison.compare(c, t).verdict() != Comparison.Verdict.CONFLICT) {
          return 1;
        }
        conflicts = true;
      }
    }
    return conflicts ? -1 : 0;
  }

  /**
   * False when a document contradicts a story on more of their shared subjects than it agrees
   * on (and on two at least): the same actors and items, another deal. A rewrite that gets a
   * figure or a year wrong still agrees on the rest.
   */
  private static boolean consistent(Summary s, Cluster cl) {
    int agree = 0;
    int conflict = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Claim c : s.claims) {
      Optional<String> key = storyKey(c);
      List<Claim> theirs = key.map(cl.claims::get).orElse(null);
      if (theirs == null || !seen.add(key.get())) {
        continue;
      }
      int v = verdict(List.of(c), theirs);
      agree += v > 0 ? 1 : 0;
      conflict += v < 0 ? 1 : 0;
    }
    return conflict < 2 || conflict <= agree;
  }

  /** A value claim with a named head ("18 Vetrov-3 boats"): what a retelling should agree on. */
  private static Optional<String> storyKey(Claim c) {
    if (c.measure().isEmpty() || c.frame().head().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(c.frame().dimension() + "|" + new java.util.TreeSet<>(c.frame().head()));
  }

  private String title(List<Integer> group) {
    for (int i : group) {
      if (docs.get(i).genre.press() && !docs.get(i).headline.isEmpty()) {
        return docs.get(i).headline;
      }
    }
    return docs.get(group.get(0)).headline.isEmpty() ? docs.get(group.get(0)).name : docs.get(group.get(0)).headline;
  }

  static <T> Set<T> intersection(Set<T> a, Set<T> b) {
    Set<T> out = new HashSet<>(a);
    out.retainAll(b);
    return out;
  }
}
