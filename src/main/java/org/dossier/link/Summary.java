package org.dossier.link;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Attribution;
import org.dossier.core.DocumentId;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;

/**
 * What the link stage keeps of one document once its text is read: its claims, its features for
 * grouping stories, a sample of its word shingles (an article's: only articles copy each other),
 * its quotes, the outlets it cites and the marks of copying or translation. The text itself is not
 * kept, so memory grows with the number of documents, not with their size.
 */
final class Summary {
  /** A cited outlet: who, how, and the sentence that cites it. */
  record Cite(String outlet, String how, Evidence evidence, boolean outletLike) {
    Cite(String outlet, String how, Evidence evidence) {
      this(outlet, how, evidence, true);
    }
  }

  /** A sampled shingle: where it is and its words. */
  record Shingle(long hash, int start, int end, String words) {}

  /** A quoted passage of at least {@link #QUOTE_WORDS} words: its folded words, and where. */
  record Quote(String key, Evidence evidence) {}

  static final int SHINGLE = 5;
  /** One shingle in this many is sampled (by hash, so all documents sample the same ones). */
  static final int SAMPLE = 4;
  static final int QUOTE_WORDS = 6;
  /** Sampled shingles whose words are kept for evidence; the rest keep hash and offsets only. */
  static final int SHINGLE_WORDS_KEPT = 40;

  /**
   * One copy of each feature name, entity name and value key across the case while a link run
   * holds the case's readings ({@link #sharing}): most are shared by many documents; and of each
   * figure and frame the stories are grouped by ({@link #shared}). Emptied when the last run open
   * in this process ends, so a long-lived server or worker does not keep the names of every case
   * it linked.
   */
  private static final java.util.concurrent.ConcurrentHashMap<Object, Object> NAMES = new java.util.concurrent.ConcurrentHashMap<>();
  /** Link runs open in this process that share names ({@link #sharing}); changed under {@link #NAMES}' lock. */
  private static volatile int sharingRuns;

  static String intern(String feature) {
    if (!sharingNow()) {
      return feature;
    }
    Object known = NAMES.putIfAbsent(feature, feature);
    return known == null ? feature : (String) known;
  }

  /**
   * One copy across the case, while a link run is open, of what {@code make} makes for {@code
   * key}; outside a run, what {@code make} makes. A value that is its own key (a record of
   * immutable parts: a figure, what qualifies it) is shared as {@code shared(v, () -> v)}.
   *
   * @param key what the value is known by: equal keys must mean interchangeable values; a record,
   *     never a string, so that it stays apart from the names {@link #intern} shares
   */
  static <T> T shared(Record key, java.util.function.Supplier<T> make) {
    if (!sharingNow()) {
      return make.get();
    }
    // made outside the map's own update: making a frame shares its names through this map too,
    // which a computeIfAbsent must not do
    Object known = NAMES.get(key);
    if (known == null) {
      T made = make.get();
      known = NAMES.putIfAbsent(key, made);
      if (known == null) {
        return made;
      }
    }
    @SuppressWarnings("unchecked")
    T same = (T) known;
    return same;
  }

  /** Whether to share now: not outside a run, nor in a pathological case (no sharing rather than growth without bound). */
  private static boolean sharingNow() {
    return sharingRuns > 0 && NAMES.size() <= 5_000_000;
  }

  /** {@link Linker#sharing}. */
  static Linker.Sharing sharing() {
    synchronized (NAMES) {
      sharingRuns++;
    }
    boolean[] closed = {false};
    return () -> {
      synchronized (NAMES) {
        if (closed[0]) {
          return;
        }
        closed[0] = true;
        if (--sharingRuns == 0) {
          NAMES.clear();
        }
      }
    };
  }

  /** Names shared now: for tests. */
  static int shared() {
    return NAMES.size();
  }

  final DocumentId id;
  final String name;
  /** Its least file name: its place among the documents of its date (see {@link LinkDocument#fileName}). */
  final String fileName;
  final String language;
  final Optional<LocalDate> date;
  final Genre genre;
  /**
   * Its claims: all of them, or after {@link #lighten} only those the stories are formed from (the
   * end takes the rest back a story at a time).
   */
  List<Claim> claims;
  final String headline;
  /** Its web address: the analyst's, or one its metadata gives. */
  final Optional<String> address;
  /** The fields the analyst set by hand. */
  final Set<String> given;
  /** Its features and their counts; after {@link #lighten}, in a compact copy iterating in the same order. */
  Map<String, Integer> features = new HashMap<>();
  /** Its entities' names and its values' keys; after {@link #lighten}, compact copies iterating in the same order. */
  Set<String> entityNames = new LinkedHashSet<>();
  Set<String> valueKeys = new LinkedHashSet<>();
  /** Its sampled shingles (an article's); after {@link #lighten}, a compact copy. */
  List<Shingle> shingles = new ArrayList<>();
  int shingleTotal;
  final List<Quote> quotes = new ArrayList<>();
  final List<Cite> cites = new ArrayList<>();
  /** The wire agency whose dateline the text carries ("WASHINGTON (AP) —"), if any. */
  Optional<Cite> wire = Optional.empty();
  /** Credit lines and interview marks that name where the text was first published. */
  final List<Cite> credits = new ArrayList<>();
  final List<Evidence> translationMarks = new ArrayList<>();
  /**
   * A web address the text gives whose words name its story in English while the text is in
   * another language: the page it was translated from.
   */
  Optional<Cite> translatedFrom = Optional.empty();
  /** How strongly the marks say translation: an acronym in another word order 2, a decimal comma 1. */
  int translationWeight;
  final int sentences;
  /** The day and month of a dateline without a year ("March 9 (Kestwick Post) --"). */
  final Optional<java.time.MonthDay> monthDay;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern QUOTED = Pattern.compile("[\"“«„]([^\"”»“„]{20,600})[\"”»“]");

  // ------------------------------------------------------------------ credits and markers
  /** "X spoke to Y", "in an interview with Y", "told Y". */
  private static final Pattern SPOKE_TO = Pattern.compile(
      "(?iu)(?:spoke (?:to|with)|in an interview (?:to|with)|interviewed by|рассказал\\p{L}* (?:в интервью )?|в интервью)\\s+(?:the\\s+)?"
          + "([\\p{Lu}][\\p{L}\\p{N}&'’./\\- ]{1,60}?)(?=\\s+(?:about|on|that|in|what|о|об)\\b|[.,;:\\n])");
  private static final Pattern SPEAKER_LABEL = Pattern.compile(
      "(?m)^([\\p{Lu}][\\p{L}\\p{N}.’'&/\\-]*(?:[ /][\\p{Lu}][\\p{L}\\p{N}.’'&/\\-]*){0,6}):\\s+[^\\n]*\\?\\s*$");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("\\b\\d{1,3},\\d{1,2}\\s+(?:million|billion|thousand)\\b");

  Summary(LinkDocument d, Genre genre, List<Claim> claims, int sentences) {
    this.id = d.id();
    this.name = d.name();
    this.fileName = d.fileName();
    this.language = d.language();
    this.date = d.date();
    this.genre = genre;
    this.claims = List.copyOf(claims);
    String text = d.text();
    this.headline = d.given().containsKey("headline") ? d.given().get("headline") : headline(text);
    this.address = d.given().containsKey("address")
        ? Optional.of(d.given().get("address")).filter(a -> !a.isEmpty()) : address(d.metadata());
    this.given = Set.copyOf(d.given().keySet());
    this.monthDay = d.date().isPresent() ? Optional.empty() : monthDay(text);
    this.sentences = Math.max(1, sentences);
    String ownOutlet = genre.outlet().map(Lexicon::fold).orElse("");
    Optional<org.dossier.core.Span> byline = genre.press() ? Genre.byline(text) : Optional.empty();
    List<EntityMention> es = d.annotations().entities();
    for (int i = 0; i < es.size(); i++) {
      EntityMention e = es.get(i);
      if (byline.isPresent() && e.span().start() >= byline.get().start() && e.span().end() <= byline.get().end()) {
        continue; // its authors: who wrote it says nothing about which event it reports
      }
      String resolved = d.resolvedNames().get(i);
      String folded = Lexicon.fold(resolved);
      if (!ownOutlet.isEmpty() && (folded.equals(ownOutlet) || ownOutlet.contains(folded))
          || e.type() == EntityType.ORGANIZATION && Lexicon.isOutletName(resolved)) {
        continue; // outlets, its own or cited, say nothing about which event it reports
      }
      entityNames.add(intern(e.type().code() + ":" + folded));
      features.merge(intern((e.type() == EntityType.PLACE ? "p:" : "e:") + folded), e.type() == EntityType.PLACE ? 1 : 2, Integer::sum);
    }
    for (ValueMention v : d.annotations().values()) {
      if (v.value() instanceof Value.Date dt) {
        // a day other than the document's own: as telling as a name ("due by 15 March 2025")
        if (dt.iso().length() == 10 && !dt.relative()
            && !d.date().map(x -> x.toString().equals(dt.iso())).orElse(false)) {
          features.merge(intern("s:date:" + dt.iso()), 2, Integer::sum);
        }
        continue;
      }
      String key = v.value().kind() + ":" + v.value().normalized();
      valueKeys.add(intern(key));
      features.merge(intern((precise(v.value()) ? "s:" : "v:") + key), 2, Integer::sum);
    }
    for (Claim c : claims) {
      if (c.measure().isPresent() && c.measure().get().value().value() instanceof Value.Date dt) {
        valueKeys.add(intern("date:" + dt.iso()));
      }
    }
    if (genre.press()) {
      words(text); // only articles are copies or copied (Propagation): a long record's shingles would be its bulk
    }
    concepts(d, text);
    quotes(text);
    cites(d);
    credits(text);
    translationMarks(d);
  }

  /**
   * Counts by name, read only, in the order of the map they were copied from (the stories' scores
   * are sums in that order): two arrays, a quarter of a hash map's memory.
   */
  private static final class Counts extends java.util.AbstractMap<String, Integer> {
    private final String[] keys;
    private final int[] counts;

    Counts(Map<String, Integer> from) {
      keys = new String[from.size()];
      counts = new int[from.size()];
      int i = 0;
      for (Map.Entry<String, Integer> e : from.entrySet()) {
        keys[i] = e.getKey();
        counts[i++] = e.getValue();
      }
    }

    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public Set<Map.Entry<String, Integer>> entrySet() {
      return new java.util.AbstractSet<>() {
        @Override
        public int size() {
          return keys.length;
        }

        @Override
        public java.util.Iterator<Map.Entry<String, Integer>> iterator() {
          return java.util.stream.IntStream.range(0, keys.length)
              .<Map.Entry<String, Integer>>mapToObj(i -> new java.util.AbstractMap.SimpleImmutableEntry<>(keys[i], counts[i]))
              .iterator();
        }
      };
    }
  }

  /**
   * A set of strings, read only, in the order of the set it was copied from, and sorted beside it
   * to be searched: two arrays, a fifth of a linked hash set's memory.
   */
  private static final class Strings extends java.util.AbstractSet<String> {
    private final String[] inOrder;
    private final String[] sorted;

    Strings(Set<String> from) {
      inOrder = from.toArray(new String[0]);
      sorted = inOrder.clone();
      java.util.Arrays.sort(sorted);
    }

    @Override
    public boolean contains(Object o) {
      return o instanceof String x && java.util.Arrays.binarySearch(sorted, x) >= 0;
    }

    @Override
    public int size() {
      return inOrder.length;
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.asList(inOrder).iterator();
    }
  }

  /**
   * Shingles, read only, as arrays: hashes, offsets and the words kept joined in one string; each
   * shingle is made again when asked for. Under half the memory of the records and their strings.
   */
  private static final class Shingles extends java.util.AbstractList<Shingle> implements java.util.RandomAccess {
    private final long[] hashes;
    private final int[] starts;
    private final int[] ends;
    /** The words of the shingles up to the last that has words, one after the other. */
    private final String words;
    /** Where the words of each of those shingles end in {@link #words}. */
    private final int[] wordEnds;

    Shingles(List<Shingle> from) {
      int n = from.size();
      hashes = new long[n];
      starts = new int[n];
      ends = new int[n];
      int withWords = 0;
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < n; i++) {
        Shingle sh = from.get(i);
        hashes[i] = sh.hash();
        starts[i] = sh.start();
        ends[i] = sh.end();
        if (!sh.words().isEmpty()) {
          withWords = i + 1;
        }
      }
      wordEnds = new int[withWords];
      for (int i = 0; i < withWords; i++) {
        joined.append(from.get(i).words());
        wordEnds[i] = joined.length();
      }
      words = joined.toString();
    }

    @Override
    public Shingle get(int i) {
      java.util.Objects.checkIndex(i, hashes.length);
      String w = i < wordEnds.length ? words.substring(i == 0 ? 0 : wordEnds[i - 1], wordEnds[i]) : "";
      return new Shingle(hashes[i], starts[i], ends[i], w);
    }

    @Override
    public int size() {
      return hashes.length;
    }
  }

  /** A reading taken back ({@link Reading#decode}): the rest of its parts are filled in by the caller. */
  Summary(DocumentId id, String name, String fileName, String language, Optional<LocalDate> date, Genre genre,
      List<Claim> claims, String headline, Optional<String> address, Set<String> given, int sentences,
      Optional<java.time.MonthDay> monthDay) {
    this.id = id;
    this.name = name;
    this.fileName = fileName;
    this.language = language;
    this.date = date;
    this.genre = genre;
    this.claims = List.copyOf(claims);
    this.headline = headline;
    this.address = address;
    this.given = Set.copyOf(given);
    this.sentences = sentences;
    this.monthDay = monthDay;
  }

  /**
   * Keeps only the claims the stories are formed from ({@link Linker#storyClaims}): a few figures
   * per named head, a small part of the whole. The other parts (features, shingles, quotes,
   * cited outlets, marks) stay: the stories and the case-wide part of the sources read them.
   */
  void lighten() {
    claims = Linker.storyClaims(claims);
    features = new Counts(features);
    entityNames = new Strings(entityNames);
    shingles = new Shingles(shingles);
    valueKeys = new Strings(valueKeys);
  }

  private static final Pattern DATELINE_DAY = Pattern.compile(
      "(?imu)^\\s*(?:[\\p{L} ,]{0,40}[,–—-]\\s*)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})\\b"
          + "|(?imu)^[^\\n]{0,80}?\\b(\\d{1,2})\\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\\b");
  private static final List<String> RU_MONTHS = List.of("января", "февраля", "марта", "апреля", "мая",
      "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря");
  private static final List<String> EN_MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec");

  /** A day and month near the top, as a dateline or byline gives it without the year. */
  static Optional<java.time.MonthDay> monthDay(String text) {
    Matcher m = DATELINE_DAY.matcher(text.substring(0, Math.min(text.length(), 600)));
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      if (m.group(1) != null) {
        return Optional.of(java.time.MonthDay.of(EN_MONTHS.indexOf(m.group(1).toLowerCase(java.util.Locale.ROOT)) + 1,
            Integer.parseInt(m.group(2))));
      }
      return Optional.of(java.time.MonthDay.of(RU_MONTHS.indexOf(m.group(4).toLowerCase(java.util.Locale.ROOT)) + 1,
          Integer.parseInt(m.group(3))));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /** An amount with four or more significant digits (62,480,000): rarely shared by chance. */
  private static boolean precise(Value v) {
    if (!(v instanceof Value.Money m) || m.amount().isRange()) {
      return false;
    }
    return m.amount().low().stripTrailingZeros().precision() >= 4;
  }

  /** Metadata keys that hold a page's own web address (HTML's Open Graph and Twitter cards, MIME's Content-Location). */
  private static final List<String> ADDRESS_KEYS = List.of("og:url", "twitter:url", "Content-Location");

  private static Optional<String> address(Map<String, List<String>> metadata) {
    for (String k : ADDRESS_KEYS) {
      for (String v : metadata.getOrDefault(k, List.of())) {
        String a = v.strip();
        if (org.dossier.core.Judgement.webAddress(a)) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }

  private static String headline(String text) {
    for (String line : text.split("\n", 20)) {
      String s = line.strip();
      // a headline has words; a site's section label or a time stamp does not
      if (s.length() >= 12 && s.split("\\s+").length >= 5 && !s.matches(".*\\d{1,2}:\\d{2}.*")) {
        return s.length() > 200 ? s.substring(0, 200) : s;
      }
    }
    return "";
  }

  private void words(String text) {
    Matcher m = WORD.matcher(text);
    long[] window = new long[SHINGLE];
    int[] starts = new int[SHINGLE];
    int n = 0;
    int limit = Math.min(text.length(), 400_000);
    m.region(0, limit);
    while (m.find()) {
      String w = Lexicon.fold(m.group());
      window[n % SHINGLE] = w.hashCode();
      starts[n % SHINGLE] = m.start();
      n++;
      if (n >= SHINGLE) {
        long h = 1125899906842597L;
        for (int k = 0; k < SHINGLE; k++) {
          h = 31 * h + window[(n - SHINGLE + k) % SHINGLE];
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        shingleTotal++;
        if (Math.floorMod(h, SAMPLE) == 0) {
          int start = starts[(n - SHINGLE) % SHINGLE];
          // the words only of the first few: evidence quotes three at most
          shingles.add(new Shingle(h, start, m.end(), shingles.size() < SHINGLE_WORDS_KEPT ? text.substring(start, m.end()) : ""));
        }
      }
    }
  }

  /**
   * The content words as features: glossary concepts (which meet across languages), names
   * written with a capital or digits (which meet across Latin and Cyrillic spellings, and carry
   * names where no name model reads the language), stems and Chinese character pairs.
   */
  private void concepts(LinkDocument d, String text) {
    int limit = Math.min(text.length(), 400_000);
    // names the analysis read are features already; sources and datelines say who reports;
    // the words of a date or an amount are read as its value
    List<org.dossier.core.Span> names = new ArrayList<>();
    d.annotations().entities().forEach(e -> names.add(e.span()));
    d.annotations().attributions().forEach(a -> names.add(a.source()));
    names.sort(null);
    List<org.dossier.core.Span> values = new ArrayList<>();
    for (ValueMention v : d.annotations().values()) {
      if (!(v.value() instanceof Value.Count || v.value() instanceof Value.Things)) {
        values.add(v.span());
      }
    }
    values.sort(null);
    int r = 0;
    int q = 0;
    for (org.dossier.analyze.Concepts.Token t : org.dossier.analyze.Concepts.shared().tokens(text, 0, limit, d.language())) {
      String k = t.key();
      if (k.startsWith("w:") && k.length() < 7) {
        continue; // short stems are mostly function words the stop lists miss
      }
      while (r < names.size() && names.get(r).end() <= t.start()) {
        r++;
      }
      while (q < values.size() && values.get(q).end() <= t.start()) {
        q++;
      }
      if (t.name() && r < names.size() && names.get(r).start() <= t.start()
          || q < values.size() && values.get(q).start() <= t.start()) {
        continue;
      }
      features.merge(intern(k.startsWith("n:") ? "n" + k.substring(1) : k), 1, Integer::sum);
    }
  }

  private void quotes(String text) {
    Matcher m = QUOTED.matcher(text);
    while (m.find()) {
      List<String> ws = new ArrayList<>();
      Matcher w = WORD.matcher(m.group(1));
      while (w.find()) {
        ws.add(Lexicon.fold(w.group()));
      }
      if (ws.size() >= QUOTE_WORDS) {
        quotes.add(new Quote(String.join(" ", ws), evidence(text, m.start(1), m.end(1), "")));
      }
    }
  }

  private void cites(LinkDocument d) {
    String text = d.text();
    for (Attribution at : d.annotations().attributions()) {
      if (at.kind() == Attribution.Kind.DATELINE) {
        if (wire.isEmpty()) {
          wire = Optional.of(new Cite(at.sourceText().strip(), "dateline",
              evidence(text, at.source().start(), at.source().end(), "the wire agency's dateline")));
        }
        continue;
      }
      String how = at.kind().code();
      // every named source, and every description of a news outlet ("the daily"): an outlet by
      // how it is named or cited, or (decided across the case) by being the outlet of an article
      if (!isOwn(at.sourceText()) && at.kind() != Attribution.Kind.QUOTE
          && (proper(at.sourceText()) || Media.described(at.sourceText(), d.language()))) {
        cites.add(new Cite(at.sourceText().replaceFirst("^(?:the|The)\\s+", ""), how,
            evidence(text, at.statement().start(), at.statement().end(), ""), Media.outlet(at, d)));
      }
      // "X told Y", "сообщил «Y»": whom a source speaks to, named, is the outlet that reports it
      at.via().map(Summary::strip).filter(v -> proper(v) || Media.described(v, d.language())).filter(v -> !isOwn(v))
          .ifPresent(v -> cites.add(new Cite(v, "told", evidence(text, at.statement().start(), at.statement().end(), ""),
              !Media.person(v, d))));
    }
    // "Ben Aldous and Mira Kade/NPA": a byline that credits its writers to an agency is that
    // agency's dispatch, as a publication carries it (not a picture credit)
    if (wire.isEmpty()) {
      Matcher by = AGENCY_BYLINE.matcher(text.substring(0, Math.min(text.length(), 800)));
      while (by.find()) {
        if (!PICTURE.matcher(by.group()).find()) {
          wire = Optional.of(new Cite(by.group(1).strip(), "byline",
              evidence(text, by.start(1), by.end(1), "a byline that credits the agency")));
          break;
        }
      }
    }
    // "according to the Post", "the Post reported" also when the name was read as an organisation
    // only, or when its full name is an outlet's ("the NYT report", the New York Times); what
    // airs or broadcasts something is a broadcaster, whatever its name ("video aired by KTV")
    List<EntityMention> es = d.annotations().entities();
    for (int i = 0; i < es.size(); i++) {
      EntityMention e = es.get(i);
      if (e.type() != EntityType.ORGANIZATION || isOwn(e.text())) {
        continue;
      }
      String after = text.substring(e.span().end(), Math.min(text.length(), e.span().end() + 30));
      String before = text.substring(Math.max(0, e.span().start() - 30), e.span().start());
      boolean broadcast = BROADCAST_BY.matcher(before).find();
      if (!broadcast && !Lexicon.isOutletName(e.text()) && !Lexicon.isOutletName(d.resolvedNames().get(i))) {
        continue;
      }
      if (broadcast || after.matches("(?isu)^\\s*(?:reported|reports|wrote|said|published|сообщил\\p{L}*|пишет|написал\\p{L}*).*")
          || before.matches("(?isu).*(?:according to(?: the)?|told(?: the)?|reported by(?: the)?|cited by(?: the)?|по данным|по сообщению|как сообщил\\p{L}*|据)\\s*$")) {
        boolean dup = cites.stream().anyMatch(c -> c.evidence.start() <= e.span().start() && e.span().end() <= c.evidence.end()
            && Lexicon.fold(c.outlet).equals(Lexicon.fold(e.text())));
        if (!dup) {
          int s = Math.max(0, text.lastIndexOf('\n', e.span().start()) + 1);
          int end = text.indexOf('\n', e.span().end());
          cites.add(new Cite(d.resolvedNames().get(i), "reported",
              evidence(text, s, end < 0 ? text.length() : end, "")));
        }
      }
    }
  }

  /** A line of one or two writers' names and "/Agency": "Ben Aldous and Mira Kade/NPA". */
  private static final Pattern AGENCY_BYLINE = Pattern.compile(
      "(?m)^[ \\t]*(?:By[ \\t]+)?\\p{Lu}[\\p{L}.'’\\-]+(?:[ \\t]+\\p{Lu}[\\p{L}.'’\\-]+){1,3}"
          + "(?:(?:[ \\t]+and[ \\t]+|,[ \\t]*)\\p{Lu}[\\p{L}.'’\\-]+(?:[ \\t]+\\p{Lu}[\\p{L}.'’\\-]+){1,3})*"
          + "[ \\t]*/[ \\t]*(\\p{Lu}[\\p{L}&.\\-]*(?:[ \\t]+\\p{Lu}[\\p{L}&.\\-]*){0,3})[ \\t]*$");
  /** Words of a picture credit. */
  private static final Pattern PICTURE = Pattern.compile("(?iu)photo|picture|image|credit|foto|фото|图|圖");

  /** "aired by", "broadcast by", "ausgestrahlt von", "diffusé par", "emitido por", right before a name. */
  private static final Pattern BROADCAST_BY = Pattern.compile(
      "(?iu)(?:aired|broadcast|televised|ausgestrahlt|gesendet|diffusée?s?|emitid[oa]s?|transmitid[oa]s?"
          + "|trasmess[oa]|показан\\p{L}*|транслир\\p{L}*)\\s+(?:by|on|von|vom|im|par|sur|por|en|da|su|по)(?:\\s+the)?\\s*$");

  private static boolean proper(String name) {
    String n = name.strip().replaceFirst("^(?:the|The)\\s+", "");
    return !n.isEmpty() && (Character.isUpperCase(n.codePointAt(0)) || Lexicon.isHan(n));
  }

  private boolean isOwn(String outlet) {
    return genre.outlet().map(o -> sameOutlet(o, outlet)).orElse(false);
  }

  private static String strip(String via) {
    return via.replaceFirst("(?iu)^(?:told|to)\\s+", "").replaceFirst("(?iu)^the\\s+", "").strip();
  }

  private void credits(String text) {
    Matcher m = Lexicon.CREDIT.matcher(text);
    while (m.find()) {
      String outlet = null;
      for (int g = 1; g <= m.groupCount() && outlet == null; g++) {
        outlet = m.group(g);
      }
      if (outlet != null && !outlet.isBlank()) {
        credits.add(new Cite(outlet.strip(), "credit", evidence(text, m.start(), m.end(), "credit line")));
      }
    }
    // an interview transcript whose questions are put by a named outlet
    Map<String, Integer> labels = new HashMap<>();
    Map<String, int[]> firstLabel = new HashMap<>();
    Matcher q = SPEAKER_LABEL.matcher(text);
    while (q.find()) {
      labels.merge(q.group(1), 1, Integer::sum);
      firstLabel.putIfAbsent(q.group(1), new int[] {q.start(), q.end()});
    }
    Matcher spoke = SPOKE_TO.matcher(text);
    while (spoke.find()) {
      String outlet = spoke.group(1).strip();
      if (!Lexicon.isOutletName(outlet)) {
        continue;
      }
      int asked = 0;
      int[] where = null;
      for (Map.Entry<String, Integer> l : labels.entrySet()) {
        if (sameOutlet(l.getKey(), outlet) || Lexicon.isOutletName(l.getKey())) {
          asked += l.getValue();
          where = where == null ? firstLabel.get(l.getKey()) : where;
        }
      }
      if (asked >= 2) {
        credits.add(new Cite(outlet, "interview", evidence(text, spoke.start(), spoke.end(),
            "the text is an interview given to " + outlet)));
        credits.add(new Cite(outlet, "interview", evidence(text, where[0], where[1],
            asked + " questions put by " + outlet)));
      }
    }
  }

  /** "REL" for "Radio Free Europe/Radio Liberty" (Radio Liberty), "RFE/RL" for the whole. */
  static boolean initialsMatch(String outlet, String abbr) {
    String init = initials(outlet);
    String a = abbr.replace("/", "");
    if (init.equals(a) || init.startsWith(a) || init.endsWith(a)) {
      return true;
    }
    for (String part : outlet.split("/")) {
      String pi = initials(part);
      if (pi.equals(a) || pi.length() >= 2 && a.startsWith(pi.substring(0, 2))) {
        return true;
      }
      String w = part.strip();
      if (w.length() >= a.length() && w.toUpperCase(java.util.Locale.ROOT).replace(" ", "").startsWith(a)) {
        return true;
      }
    }
    return false;
  }

  static String initials(String name) {
    StringBuilder b = new StringBuilder();
    for (String w : name.split("[\\s/\\-]+")) {
      if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0))) {
        b.appendCodePoint(w.codePointAt(0));
      }
    }
    return b.toString();
  }

  /** "the Courier" and "Port Ellery Courier", "The Post" and "The Washington Post". */
  static boolean sameOutlet(String a, String b) {
    List<String> x = content(a);
    List<String> y = content(b);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    return y.containsAll(x) || x.containsAll(y);
  }

  private static List<String> content(String name) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(name);
    while (m.find()) {
      String w = Lexicon.fold(m.group());
      if (!w.equals("the")) {
        out.add(w);
      }
    }
    return out;
  }

  /** A web address in the text, with or without its scheme. */
  private static final Pattern WEB_ADDRESS = Pattern.compile(
      "(?iu)\\b(?:https?://)?(?:[a-z0-9-]+\\.)+[a-z]{2,}(?:/[\\w\\-.%]+)+");
  /** A path segment of four words or more joined by hyphens: a page's title in its address. */
  private static final Pattern SLUG = Pattern.compile("(?i)^[a-z]+(?:[-_][a-z0-9]+){3,}$");

  /** A web address in the text, and the English words of its path that name the text's story. */
  record PageAddress(String url, int start, int end, String words) {}

  /**
   * "harbourvoice.example/news/dredging-plan-angers-fishermen/4411" in a text in another language:
   * when most of the concepts of the address's English words are the text's own ({@code own}
   * tells whether a concept is), the address is the page the text renders. Words the glossary
   * does not know (a transliteration) are no such mark.
   */
  static Optional<PageAddress> addressInAnotherLanguage(String text, String language,
      java.util.function.Predicate<String> own) {
    if (language.equals("en") || language.equals("und")) {
      return Optional.empty();
    }
    Matcher m = WEB_ADDRESS.matcher(text.substring(0, Math.min(text.length(), 100_000)));
    while (m.find()) {
      for (String segment : m.group().replaceFirst("(?i)^https?://", "").split("/")) {
        if (!SLUG.matcher(segment).matches()) {
          continue;
        }
        String words = segment.replaceAll("[-_]", " ");
        Set<String> named = new LinkedHashSet<>();
        for (org.dossier.analyze.Concepts.Token t : org.dossier.analyze.Concepts.shared().tokens(words, 0, words.length(), "en")) {
          if (t.key().startsWith("c:")) {
            named.add(t.key());
          }
        }
        long shared = named.stream().filter(own).count();
        if (shared >= 3 && shared * 2 >= named.size()) {
          return Optional.of(new PageAddress(m.group(), m.start(), m.end(), words));
        }
      }
    }
    return Optional.empty();
  }

  /** True when a web address appears in the text (cheap: before reading its concepts). */
  static boolean hasSlugAddress(String text) {
    Matcher m = WEB_ADDRESS.matcher(text.substring(0, Math.min(text.length(), 100_000)));
    while (m.find()) {
      for (String segment : m.group().split("/")) {
        if (SLUG.matcher(segment).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  private void translationMarks(LinkDocument d) {
    String text = d.text();
    // the text's own address is no other page
    addressInAnotherLanguage(text, d.language(), features::containsKey)
        .filter(p -> address.map(a -> !a.contains(p.url().replaceFirst("(?i)^https?://", ""))).orElse(true))
        .ifPresent(p -> translatedFrom = Optional.of(new Cite(p.url(), "address", evidence(text, p.start(), p.end(),
            "the address of a page whose words (" + p.words() + ") name this story in English"))));
    if (!d.language().equals("en")) {
      return;
    }
    for (EntityMention e : d.annotations().entities()) {
      String t = e.text();
      if (t.length() >= 3 && t.length() <= 6 && t.chars().allMatch(Character::isUpperCase) && !e.canonical().equals(t)) {
        String init = initials(e.canonical().replace("'s", ""));
        if (!init.equals(t) && sorted(init).equals(sorted(t))
            && translationMarks.stream().noneMatch(x -> x.quote().equals(t))) {
          translationMarks.add(evidence(text, e.span().start(), e.span().end(),
              "\"" + t + "\" for " + e.canonical() + " (" + init + "): the acronym in another language's word order"));
          translationWeight += 2;
        }
      }
    }
    Matcher m = DECIMAL_COMMA.matcher(text);
    while (m.find()) {
      translationMarks.add(evidence(text, m.start(), m.end(), "a decimal comma in English text"));
      translationWeight++;
    }
  }

  private static String sorted(String s) {
    char[] c = s.toCharArray();
    java.util.Arrays.sort(c);
    return new String(c);
  }

  Evidence evidence(String text, int start, int end, String note) {
    String quote = text.substring(start, end).strip();
    if (quote.length() > 300) {
      quote = quote.substring(0, 297) + "...";
    }
    return new Evidence(name, start, end, quote, note);
  }
}
