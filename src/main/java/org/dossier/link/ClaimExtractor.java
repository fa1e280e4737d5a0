package org.dossier.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.analyze.Ages;
import org.dossier.analyze.Concepts;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.DocumentId;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;

/**
 * Reads what a document states, sentence by sentence: every value with the words around it
 * (the noun it counts, the thing it prices, the event it dates), every name of a person,
 * organisation, place or item with the words around it, and every sentence as a statement.
 * Each claim carries a {@link Frame}: its neighbouring words as keys that meet across languages,
 * weighted by closeness, so that a later step can tell which claims of other documents are
 * about the same thing without a word list per story. Who the clause attributes the claim to
 * comes from the analyze stage's attributions, claim by claim.
 */
public final class ClaimExtractor {
  private static final Pattern DRAFT_MARK =
      Pattern.compile("(?<![\\p{L}])(?:DRAFT|ПРОЕКТ|Проект договора|Draft contract|BORRADOR|PROJET|ENTWURF|BOZZA)(?![\\p{L}])|草案|草稿");
  /** Between an amount and its conversion: "$618m (€587m)", "$618m, or about €587m". */
  private static final Pattern CONVERSION_GAP =
      Pattern.compile("(?iu)^\\s*(?:\\(|,?\\s*or\\s+(?:about\\s+)?|—\\s*|–\\s*|/\\s*|,?\\s*или\\s+|（)\\s*(?:about\\s+|около\\s+|约)?$");
  /** Words of a sentence beyond which a neighbour says little about a claim. */
  static final int REACH = 12;
  /** Content words a clause needs to be compared as a statement of its own. */
  static final int CLAUSE_WORDS = 4;
  /** Content words a sentence needs to be compared as a statement. */
  static final int STATEMENT_WORDS = 5;
  /** Age nouns: "21-year-old", "aged", "años", "ans", "Jährige", "-летний", "岁". */
  private final Concepts concepts;

  public ClaimExtractor() {
    this(Concepts.shared());
  }

  ClaimExtractor(Concepts concepts) {
    this.concepts = concepts;
  }

  /** True when the document marks itself as a draft near its top ("ПРОЕКТ", "DRAFT"). */
  public static boolean isDraft(String text) {
    return draftMark(text).isPresent();
  }

  /** The draft mark near the top of a text, with where it is. */
  public static Optional<java.util.regex.MatchResult> draftMark(String text) {
    Matcher m = DRAFT_MARK.matcher(text.substring(0, Math.min(text.length(), 1_500)));
    return m.find() ? Optional.of(m.toMatchResult()) : Optional.empty();
  }

  /** Glossary concepts that are colours. */
  static final Set<String> COLOURS = Set.of("red", "green", "blue", "grey", "black", "white", "yellow", "brown",
      "orange-colour", "pink", "purple");
  /** Things whose colour a claim gives: clothes and vehicles, as a witness or an image tells them. */
  private static final Set<String> TRAIT_THINGS = Set.of("clothes", "shirt", "t-shirt", "sweater", "shorts", "trousers",
      "jacket", "suit", "dress", "uniform", "shoes", "hat", "mask", "bag", "car", "vehicle", "truck", "bus", "train",
      "ship", "plane", "bicycle");
  /** Languages whose colour adjectives follow the noun. */
  private static final Set<String> POSTNOMINAL = Set.of("fr", "es", "it", "pt");
  /** What may stand between a colour and its thing. */
  private static final Pattern TRAIT_GAP = Pattern.compile("[\\s\\-]{0,3}|\\s*的\\s*");

  /** A key and where it is in the text. */
  private record Key(int start, int end, String key) {}

  /** The claims of one analysed document. */
  public List<Claim> extract(DocumentId id, String text, String language, List<Span> sentences, Annotations a,
      List<String> resolvedNames, Set<String> outlets) {
    boolean draft = isDraft(text);
    List<Claim> out = new ArrayList<>();
    Set<Span> datelineSources = new HashSet<>();
    for (Attribution at : a.attributions()) {
      if (at.kind() == Attribution.Kind.DATELINE) {
        datelineSources.add(at.source());
      }
    }
    List<ValueMention> values = a.values();
    List<EntityMention> entities = a.entities();
    int vi = 0;
    int ei = 0;
    Set<Integer> consumed = new HashSet<>();
    for (Span sentence : sentences) {
      List<Integer> own = new ArrayList<>();
      while (vi < values.size() && values.get(vi).span().start() < sentence.end()) {
        if (values.get(vi).span().start() >= sentence.start()) {
          own.add(vi);
        }
        vi++;
      }
      List<Integer> names = new ArrayList<>();
      while (ei < entities.size() && entities.get(ei).span().start() < sentence.end()) {
        if (entities.get(ei).span().start() >= sentence.start()) {
          names.add(ei);
        }
        ei++;
      }
      List<Key> keys = keys(text, sentence, language, a, own, names, resolvedNames);
      Reader r = new Reader(id, text, sentence, a, draft, keys, resolvedNames, names);
      for (int k : own) {
        if (consumed.contains(k)) {
          continue;
        }
        ValueMention v = values.get(k);
        if (datelineSources.stream().anyMatch(s -> s.overlaps(v.span()) || Math.abs(s.start() - v.span().end()) < 4)
            || ownDate(v, a)) {
          continue; // "Sept. 26 (UPI) --", a byline's date: the document's own date, not a claim
        }
        List<Value> alternates = new ArrayList<>();
        if (v.value() instanceof Value.Money m) {
          for (int next = k + 1; next < values.size(); next++) {
            ValueMention w = values.get(next);
            if (!(w.value() instanceof Value.Money wm) || wm.currency().equals(m.currency())
                || w.span().start() - v.span().end() > 20 || w.span().start() < v.span().end()
                || !CONVERSION_GAP.matcher(text.substring(v.span().end(), w.span().start())).find()) {
              break;
            }
            alternates.add(wm);
            consumed.add(next);
          }
        }
        Period period = period(text, values, own, k);
        r.period = period == null ? null : period.end();
        r.otherEnd = period == null ? null : period.other();
        r.measure(v, alternates, language).ifPresent(out::add);
      }
      out.addAll(r.traits(language));
      Set<String> seen = new HashSet<>();
      for (int k : names) {
        EntityMention e = entities.get(k);
        String resolved = resolvedNames.get(k);
        if (e.type() == EntityType.OTHER || outlets.contains(Lexicon.fold(resolved)) || isSource(a, e.span())
            || reporting(text, sentence, a, e, resolved) || !seen.add(entityKey(resolved))) {
          continue; // the document's outlet or a source cited says who reports, not what happened
        }
        out.add(r.named(e, resolved));
      }
      out.addAll(r.countries(seen));
      r.statement().ifPresent(out::add);
      out.addAll(r.clauses());
      out.addAll(r.quotations());
    }
    return out;
  }

  /** Characters at the top of a text where a byline or a time stamp gives its own date. */
  static final int TOP = 400;

  /** The document's own date written at its top (a byline, a time stamp), not a dated event. */
  private static boolean ownDate(ValueMention v, Annotations a) {
    return v.span().start() < TOP && v.value() instanceof Value.Date d && !d.relative()
        && a.documentDate().map(x -> x.toString().equals(d.iso())).orElse(false);
  }

  /** True when the name is the source of an attribution ("according to X", "X said"). */
  private static boolean isSource(Annotations a, Span name) {
    for (Attribution at : a.attributions()) {
      if (at.kind() != Attribution.Kind.QUOTE && at.source().overlaps(name)
          && (at.kind() == Attribution.Kind.ACCORDING_TO || at.kind() == Attribution.Kind.REPORTED)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a news outlet named in a text is there as a reporter: a source of any attribution
   * ("the BBC said", "(Reuters)", "told Le Monde"), or the outlet a credit line names ("first
   * published by"). Named otherwise, an outlet takes part in what happened ("the newspaper X
   * obtained the files", "led by X and Y") and is a name like any other.
   */
  static boolean reporting(String text, Span sentence, Annotations a, EntityMention e, String resolved) {
    if (e.type() != EntityType.ORGANIZATION || !Lexicon.isOutletName(resolved)) {
      return false;
    }
    for (Attribution at : a.attributions()) {
      if (at.kind() != Attribution.Kind.QUOTE && at.source().overlaps(e.span())) {
        return true;
      }
    }
    Matcher credit = Lexicon.CREDIT.matcher(text).region(sentence.start(), sentence.end());
    while (credit.find()) {
      if (credit.start() <= e.span().start() && e.span().start() < credit.end()) {
        return true;
      }
    }
    return false;
  }

  static String entityKey(String resolvedName) {
    return "e:" + org.dossier.core.TranslitKey.of(Lexicon.fold(resolvedName));
  }

  /** The keys of a sentence in order: entities by their resolved names, values, other words. */
  private List<Key> keys(String text, Span sentence, String language, Annotations a, List<Integer> values,
      List<Integer> names, List<String> resolvedNames) {
    List<Key> out = new ArrayList<>();
    List<Span> covered = new ArrayList<>();
    for (int k : names) {
      EntityMention e = a.entities().get(k);
      out.add(new Key(e.span().start(), e.span().end(), entityKey(resolvedNames.get(k))));
      covered.add(e.span());
    }
    for (int k : values) {
      ValueMention v = a.values().get(k);
      out.add(new Key(v.span().start(), v.span().end(), "v:" + v.value().kind() + ":" + v.value().normalized()));
    }
    for (Concepts.Token t : concepts.tokens(text, sentence.start(), sentence.end(), language)) {
      boolean inName = false;
      for (Span s : covered) {
        if (t.start() >= s.start() && t.end() <= s.end()) {
          inName = true;
          break;
        }
      }
      if (!inName) {
        out.add(new Key(t.start(), t.end(), t.key()));
      }
    }
    out.sort((x, y) -> x.start != y.start ? Integer.compare(x.start, y.start) : Integer.compare(y.end, x.end));
    return out;
  }

  /** Reads the claims of one sentence. */
  private final class Reader {
    final DocumentId id;
    final String text;
    final Span sentence;
    final Annotations a;
    final boolean draft;
    final List<Key> keys;
    final List<String> resolvedNames;
    /** The indices of the sentence's entity mentions. */
    final List<Integer> names;

    Reader(DocumentId id, String text, Span sentence, Annotations a, boolean draft, List<Key> keys,
        List<String> resolvedNames, List<Integer> names) {
      this.resolvedNames = resolvedNames;
      this.names = names;
      this.id = id;
      this.text = text;
      this.sentence = sentence;
      this.a = a;
      this.draft = draft;
      this.keys = keys;
    }

    /** The keys around {@code target}, weighted by how many keys lie between. */
    Map<String, Float> around(Span target) {
      return around(target, "");
    }

    /**
     * As {@link #around(Span)}; words beyond another value of the same kind ({@code sameKind},
     * a key prefix such as {@code v:money:}) weigh a quarter: in "$96m for spare parts and $91m
     * for refits", "spare parts" are the first amount's, not the second's.
     */
    Map<String, Float> around(Span target, String sameKind) {
      return around(target, sameKind, true, true);
    }

    /** As {@link #around(Span, String)}, on the sides asked for only. */
    private Map<String, Float> around(Span target, String sameKind, boolean left, boolean right) {
      int before = 0;
      while (before < keys.size() && keys.get(before).end <= target.start()) {
        before++;
      }
      int after = before;
      while (after < keys.size() && keys.get(after).start < target.end()) {
        after++;
      }
      // distance in words: the several concepts of one word are at the same distance
      // a comma, a semicolon or a dash between halves the weight of what lies beyond it: in a
      // list ("radars worth $640m, spare parts worth $72m") the next item's words are its own
      Map<String, Float> w = new HashMap<>();
      int d = 0;
      int lastStart = -1;
      float beyond = 1f;
      int edge = target.start();
      for (int i = before - 1; left && i >= 0 && d <= REACH * 2; i--) {
        Key k = keys.get(i);
        if (k.start != lastStart) {
          d++;
          lastStart = k.start;
          if (k.end <= edge && punctuated(k.end, edge)) {
            beyond = Math.max(0.25f, beyond * PAST_PUNCTUATION);
          }
          edge = Math.min(edge, k.start);
        }
        w.merge(k.key, weight(d) * beyond, Math::max);
        if (!sameKind.isEmpty() && k.key.startsWith(sameKind)) {
          beyond = 0.25f;
        }
      }
      d = 0;
      lastStart = -1;
      beyond = 1f;
      edge = target.end();
      for (int i = after; right && i < keys.size() && d <= REACH * 2; i++) {
        Key k = keys.get(i);
        if (k.start != lastStart) {
          d++;
          lastStart = k.start;
          if (k.start >= edge && punctuated(edge, k.start)) {
            beyond = Math.max(0.25f, beyond * PAST_PUNCTUATION);
          }
          edge = Math.max(edge, k.end);
        }
        if (!sameKind.isEmpty() && (k.key.startsWith(sameKind) || introducesNext(i, sameKind))) {
          beyond = 0.25f;
        }
        w.merge(k.key, weight(d) * beyond, Math::max);
      }
      return w;
    }

    /**
     * True when the key at {@code i} names what the next value of the same kind is for: the value
     * follows it, alone or after a word of worth ("and training worth $40m", "training, $40m").
     */
    private boolean introducesNext(int i, String sameKind) {
      int j = i + 1;
      while (j < keys.size() && keys.get(j).start == keys.get(i).start) {
        j++;
      }
      if (j < keys.size() && keys.get(j).key.startsWith("c:") && MONEY_WORDS.contains(keys.get(j).key.substring(2))) {
        int start = keys.get(j).start;
        while (j < keys.size() && keys.get(j).start == start) {
          j++;
        }
      }
      return j < keys.size() && keys.get(j).key.startsWith(sameKind) && !keys.get(i).key.startsWith("v:");
    }

    /** The keys on one side of a target (after it, or before it), weighted as {@link #around}. */
    Map<String, Float> side(Span target, boolean after) {
      return around(target, "", !after, after);
    }

    /** The events named among some keys, verbs of speech aside. */
    private Set<String> eventsIn(Map<String, Float> keys) {
      Set<String> out = new HashSet<>();
      keys.forEach((k, w) -> {
        if (isEvent(k) && w >= EVENT_WEIGHT && !isSpeech(k)) {
          out.add(k);
        }
      });
      return out;
    }

    /** A concept of saying or reporting ("said", "added", "according to"). */
    private boolean isSpeech(String k) {
      return k.startsWith("c:") && "reporting".equals(concepts.field(k.substring(2)));
    }

    /** A concept that may name what a date dates or an amount prices. */
    private boolean isEvent(String k) {
      return k.startsWith("c:") && !QUANTITY_WORDS.contains(k.substring(2)) && !MONEY_WORDS.contains(k.substring(2))
          && !PART_WORDS.contains(k.substring(2)) && !NOT_EVENTS.contains(concepts.field(k.substring(2)));
    }

    /** True when the text between two offsets holds a comma, a semicolon, a colon or a dash. */
    private boolean punctuated(int from, int to) {
      for (int i = from; i < to && i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == ',' || c == ';' || c == ':' || c == '–' || c == '—' || c == '，' || c == '；' || c == '、') {
          return true;
        }
      }
      return false;
    }

    /** The keys inside {@code target}, which name what it is. */
    Set<String> inside(Span target) {
      Set<String> out = new LinkedHashSet<>();
      for (Key k : keys) {
        if (k.start >= target.start() && k.end <= target.end() && !k.key.startsWith("v:")) {
          out.add(k.key);
        }
      }
      return out;
    }

    /** "start" or "end" when the value opens or closes a period ("between March and June 2030"). */
    String period;
    /** The period's other end when the text gives it as a date, else null. */
    Value.Date otherEnd;

    Optional<Claim> measure(ValueMention v, List<Value> alternates, String language) {
      Value value = v.value();
      String dimension = value.kind().equals("quantity") ? "count" : value.kind();
      String noun = value instanceof Value.Count c ? c.noun().strip() : value instanceof Value.Things t ? t.thing().strip() : "";
      // what a count counts is named inside it; a date, an amount or a share names nothing
      Set<String> head = new LinkedHashSet<>(dimension.equals("count") ? inside(v.span()) : Set.of());
      if (dimension.equals("count") && !noun.isEmpty() && noun.indexOf(' ') < 0) {
        // a unit joined to its number ("two-day", "двухдневного", "zweitägig", "800-page") is one
        // word of the text, which holds the number too: what it counts is the noun the extractor
        // read from it, not the word (two lengths told in two languages meet on the unit)
        Optional<String> unit = concepts.concept(noun, language);
        Optional<Key> joined = keys.stream().filter(k -> k.start == v.span().start() && k.end == v.span().end()
            && !k.key.startsWith("c:") && !k.key.startsWith("v:")).findFirst();
        if (unit.isPresent() && joined.isPresent()) {
          head.remove(joined.get().key);
          head.add("c:" + unit.get());
        }
      }
      head.removeIf(k -> k.startsWith("c:") && QUANTITY_WORDS.contains(k.substring(2)));
      if (dimension.equals("count")) {
        if (noun.codePoints().filter(Character::isLetter).count() < 2 && !isHanNoun(noun) && head.isEmpty()) {
          return Optional.empty(); // "Count of л": a number with no noun is no claim
        }
        if (Ages.readsAsAge(text, v.span().start(), v.span().end(), noun)) {
          dimension = "age";
          head.clear();
        } else if (head.stream().anyMatch(k -> TIME_UNITS.contains(k))) {
          dimension = "duration";
          // a length is one of its unit, whatever bounds or spells its number ("almost 35 years",
          // "casi treinta y cinco años")
          head.retainAll(TIME_UNITS);
        }
      }
      Map<String, Float> around = around(v.span(), "v:" + value.kind() + ":");
      around.remove("v:" + value.kind() + ":" + value.normalized());
      if (dimension.equals("date") || dimension.equals("money")) {
        // what a date dates, what an amount prices: the words right before and after it
        // ("agreed in 2024", "подписали 5 октября", "a $3 billion deal", "сумма сделки", "the
        // advance payment of $410 million"), but for words of quantity and of money itself
        // a date dates the event named before it in most languages ("agreed in October 2024 to
        // deliver"), after it where the verb follows (Chinese "17日宣布", German "im Mai unterzeichnet")
        // A verb of speech ("adding that Russia in 2023 agreed") dates the saying, not the
        // event, and is the head only when nothing else is near.
        boolean verbAfter = language.equals("zh") || language.equals("de") || language.equals("ja");
        Map<String, Float> near = around;
        boolean speech = true;
        if (dimension.equals("date")) {
          near = side(v.span(), verbAfter);
          if (eventsIn(near).isEmpty()) {
            near = side(v.span(), !verbAfter);
          }
          speech = eventsIn(near).isEmpty();
          if (speech) {
            near = around;
          }
        }
        boolean withSpeech = speech;
        near.forEach((k, w) -> {
          if (isEvent(k) && w >= EVENT_WEIGHT && (withSpeech || !isSpeech(k))) {
            head.add(k);
            concepts.eventKind(k.substring(2)).ifPresent(e -> head.add("x:" + e));
          }
        });
      }
      if (period != null && dimension.equals("date")) {
        head.add("x:period-" + period); // a period's start and its end are two facts
        if (otherEnd != null) {
          // a period is told apart by its other end: two ends of periods that begin in the same
          // decade are likely one period's, though they differ ("1983 to 2019", "the 1980s to 2021")
          around.merge("p:" + (period.equals("end") ? "start" : "end") + ":" + otherEnd.iso().substring(0, 3), 1f, Math::max);
        }
      }
      for (String h : head) {
        around.merge(h, 1.5f, Math::max);
      }
      Frame frame = Frame.of(dimension, head, around);
      String subject = subject(v.span(), noun, dimension, head);
      String property = property(dimension);
      if (value instanceof Value.Date d && later(d, a.documentDate())) {
        property = "expected date"; // after the document's own date: a plan, a deadline or a forecast
      }
      return Optional.of(claim(v.span(), new Claim.Measure(v, alternates), subject, property, frame));
    }

    /** What a value is about, in the text's own words: its noun, or the nearest content word. */
    private String subject(Span value, String noun, String dimension, Set<String> head) {
      if (dimension.equals("count")) {
        // "18 Vetrov-3 fast attack boats": what is counted is the item the count names
        for (int i : names) {
          EntityMention e = a.entities().get(i);
          if (value.contains(e.span()) && (e.type() == EntityType.EQUIPMENT || e.type() == EntityType.UNIT)) {
            return resolvedNames.get(i);
          }
        }
      }
      if (!noun.isBlank() && !dimension.equals("age")) {
        return noun;
      }
      // the word that names what the value is about (its event, what it prices), else the nearest
      Key best = null;
      int bestGap = Integer.MAX_VALUE;
      boolean named = head.stream().anyMatch(h -> h.startsWith("c:"));
      for (Key k : keys) {
        if (k.key.startsWith("v:") || k.start >= value.start() && k.end <= value.end()
            || named && !head.contains(k.key) && !(k.key.startsWith("c:") && MONEY_WORDS.contains(k.key.substring(2)))) {
          continue;
        }
        int gap = k.end <= value.start() ? value.start() - k.end + 8 : k.start - value.end();
        if (gap >= 0 && gap < bestGap) {
          bestGap = gap;
          best = k;
        }
      }
      return best == null ? dimension : text.substring(best.start, best.end);
    }

    Claim named(EntityMention e, String resolved) {
      Map<String, Float> around = around(e.span());
      String key = entityKey(resolved);
      around.remove(key);
      Frame frame = Frame.of("name:" + e.type().code(), Set.of(key), around);
      return claim(e.span(), new Claim.Named(resolved, e.type(), e.text()), resolved, "named", frame);
    }

    /**
     * The countries the sentence names by their adjective in an office ("el presidente argentino",
     * "der isländische Premierminister", "the Orvanian king"): an adjective of a country right
     * before or after a word of office says whose office it is, as "the president of Argentina"
     * does, so the country is named in that role as by its name. The adjective elsewhere ("Russian
     * equipment", "la presse argentine") names no country. A country the sentence already names
     * ({@code seen}) is not named twice.
     */
    List<Claim> countries(Set<String> seen) {
      List<Claim> out = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        Key k = keys.get(i);
        if (!k.key.startsWith("c:")) {
          continue;
        }
        Optional<String> place = concepts.place(k.key.substring(2));
        if (place.isEmpty() || !nextToOffice(i)) {
          continue;
        }
        String key = entityKey(place.get());
        if (!seen.add(key)) {
          continue;
        }
        Span span = new Span(k.start, k.end);
        Map<String, Float> around = around(span);
        around.remove(key);
        Frame frame = Frame.of("name:" + EntityType.PLACE.code(), Set.of(key), around);
        out.add(claim(span, new Claim.Named(place.get(), EntityType.PLACE, text.substring(k.start, k.end)), place.get(),
            "named", frame));
      }
      return out;
    }

    /** True when the word of key {@code i} has a word of office right before or after it, nothing but a space or a hyphen between. */
    private boolean nextToOffice(int i) {
      Key k = keys.get(i);
      for (Key o : keys) {
        if (o.start == k.start || !o.key.startsWith("c:") || !OFFICES.contains(o.key.substring(2))) {
          continue;
        }
        String gap = o.end <= k.start ? text.substring(o.end, k.start) : o.start >= k.end ? text.substring(k.end, o.start) : null;
        if (gap != null && OFFICE_GAP.matcher(gap).matches()) {
          return true;
        }
      }
      return false;
    }

    /**
     * The colours the sentence gives things: a colour word right before the thing it describes
     * ("a green jacket", "grüne Jacke", "зелёная куртка", "绿色的外套"), right after it in French,
     * Spanish, Italian and Portuguese ("une veste verte"), with nothing but a space, a hyphen or
     * 的 between. Only clothes and vehicles, whose colour a witness or an image tells ("green
     * energy", "a white paper" are no colours of things). A name ("White House", "Blue Bus Lines")
     * is read as a name, not as its words.
     */
    List<Claim> traits(String language) {
      List<Claim> out = new ArrayList<>();
      boolean after = POSTNOMINAL.contains(language);
      for (int i = 0; i < keys.size(); i++) {
        Key k = keys.get(i);
        if (!k.key.startsWith("c:") || !COLOURS.contains(k.key.substring(2))) {
          continue;
        }
        // the next word (the one before, after the noun): every concept of it that is a thing
        Key thing = null;
        Set<String> head = new LinkedHashSet<>();
        for (int j = after ? i - 1 : i + 1; j >= 0 && j < keys.size(); j += after ? -1 : 1) {
          Key o = keys.get(j);
          if (o.start == k.start) {
            continue; // another concept of the same word
          }
          if (thing != null && o.start != thing.start) {
            break;
          }
          String gap = after ? text.substring(o.end, k.start) : text.substring(k.end, o.start);
          if (!TRAIT_GAP.matcher(gap).matches()) {
            break;
          }
          thing = o;
          if (o.key.startsWith("c:") && TRAIT_THINGS.contains(o.key.substring(2))) {
            head.add(o.key);
          }
        }
        if (head.isEmpty()) {
          continue;
        }
        Span span = new Span(Math.min(k.start, thing.start), Math.max(k.end, thing.end));
        Map<String, Float> around = around(span);
        around.remove(k.key);
        head.forEach(h -> around.merge(h, 1.5f, Math::max));
        Frame frame = Frame.of("colour", head, around);
        out.add(claim(span, new Claim.Trait("colour", k.key.substring(2), text.substring(k.start, k.end)),
            text.substring(thing.start, thing.end), "colour", frame));
      }
      return out;
    }

    Optional<Claim> statement() {
      Map<String, Float> all = new HashMap<>();
      int words = 0;
      for (Key k : keys) {
        all.merge(k.key, 1f, Math::max);
        if (!k.key.startsWith("v:")) {
          words++;
        }
      }
      if (words < STATEMENT_WORDS) {
        return Optional.empty();
      }
      Span s = trimmed(sentence);
      Frame frame = Frame.of("statement", Set.of(), all);
      String said = text.substring(s.start(), s.end());
      return Optional.of(claim(s, new Claim.Said(said), first(said), "statement", frame));
    }

    /**
     * The clauses of a long sentence as statements of their own: a sentence that lists several
     * things ("the leak names the prime ministers of A and B, the king of C, the father of D")
     * says each of them, and another text may say only one. Clauses are cut at commas,
     * semicolons, colons and dashes; each needs {@link #CLAUSE_WORDS} content words.
     */
    List<Claim> clauses() {
      List<Claim> out = new ArrayList<>();
      Span s = trimmed(sentence);
      List<int[]> cuts = new ArrayList<>();
      int from = s.start();
      for (int i = s.start(); i < s.end(); i++) {
        char c = text.charAt(i);
        if (c == ',' || c == ';' || c == ':' || c == '–' || c == '—' || c == '，' || c == '；' || c == '：') {
          if (i + 1 < s.end() && Character.isDigit(text.charAt(i + 1)) && i > 0 && Character.isDigit(text.charAt(i - 1))) {
            continue; // "1,200"
          }
          cuts.add(new int[] {from, i});
          from = i + 1;
        }
      }
      if (cuts.isEmpty()) {
        return out;
      }
      cuts.add(new int[] {from, s.end()});
      for (int[] c : cuts) {
        Map<String, Float> own = new HashMap<>();
        int words = 0;
        for (Key k : keys) {
          if (k.start >= c[0] && k.end <= c[1]) {
            own.merge(k.key, 1f, Math::max);
            if (!k.key.startsWith("v:")) {
              words++;
            }
          }
        }
        if (words < CLAUSE_WORDS) {
          continue;
        }
        Span cs = trimmed(new Span(c[0], c[1]));
        String said = text.substring(cs.start(), cs.end());
        out.add(claim(cs, new Claim.Said(said), first(said), "statement", Frame.of("statement", Set.of(), own)));
      }
      return out.size() > 1 ? out : List.of();
    }

    /**
     * The short quotations inside a sentence as statements of their own: words a text puts in
     * quotation marks ("call the levy “a toll on every tide”", « une taxe sur chaque marée ») are
     * someone's words, which another text quotes too, inflected or translated, inside a sentence
     * of its own making. A quotation is compared with quotations only (its frame's dimension is
     * {@code quotation}), by its words alone; one of the whole sentence, or of fewer than two
     * content words or more than {@link #QUOTATION_WORDS}, is not one.
     */
    List<Claim> quotations() {
      List<Claim> out = new ArrayList<>();
      Span s = trimmed(sentence);
      Matcher m = QUOTATION.matcher(text).region(s.start(), s.end());
      int sentenceWords = 0;
      for (Key k : keys) {
        if (!k.key.startsWith("v:")) {
          sentenceWords++;
        }
      }
      while (m.find()) {
        int g = m.group(1) != null ? 1 : m.group(2) != null ? 2 : m.group(3) != null ? 3 : m.group(4) != null ? 4 : 5;
        Span q = trimmed(new Span(m.start(g), m.end(g)));
        Map<String, Float> own = new HashMap<>();
        int words = 0;
        int last = -1;
        for (Key k : keys) {
          if (k.start >= q.start() && k.end <= q.end()) {
            own.merge(k.key, 1f, Math::max);
            if (!k.key.startsWith("v:") && k.start != last) {
              words++;
              last = k.start;
            }
          }
        }
        if (words < 2 || words > QUOTATION_WORDS || words >= sentenceWords - 1) {
          continue;
        }
        String said = text.substring(q.start(), q.end());
        out.add(claim(q, new Claim.Said(said), first(said), "statement", Frame.of(QUOTATION_DIMENSION, Set.of(), own)));
      }
      return out;
    }

    private Span trimmed(Span s) {
      int st = s.start();
      int en = s.end();
      while (st < en && Character.isWhitespace(text.charAt(st))) {
        st++;
      }
      while (en > st && Character.isWhitespace(text.charAt(en - 1))) {
        en--;
      }
      return new Span(st, en);
    }

    Claim claim(Span span, Claim.Stated stated, String subject, String property, Frame frame) {
      String context = text.substring(sentence.start(), sentence.end()).strip();
      if (context.length() > Claim.CONTEXT) {
        context = context.substring(0, Claim.CONTEXT - 3) + "...";
      }
      return new Claim(id, span, text.substring(span.start(), span.end()), sentence, context, stated,
          attributedTo(span), subject, property, draft, frame);
    }

    /** The source of the narrowest attribution whose statement holds the claim. */
    Optional<String> attributedTo(Span span) {
      Attribution best = null;
      boolean sentence = span.equals(trimmed(this.sentence));
      for (Attribution at : a.attributions()) {
        // a name is not attributed to itself; a whole sentence holds its own source ("X said ...")
        if (at.kind() == Attribution.Kind.DATELINE || at.source().overlaps(span) && !sentence) {
          continue;
        }
        boolean holds = at.statement().contains(span)
            || span.length() > 40 && overlap(at.statement(), span) * 2 > span.length();
        if (holds && (best == null || at.statement().length() < best.statement().length())) {
          best = at;
        }
      }
      if (best == null) {
        return Optional.empty();
      }
      return Optional.of(best.sourceText() + best.via().map(w -> " (via " + w + ")").orElse(""));
    }
  }

  private static int overlap(Span a, Span b) {
    return Math.max(0, Math.min(a.end(), b.end()) - Math.max(a.start(), b.start()));
  }

  /** Words between the two dates of a period, and the words that open one, in the seven languages. */
  private static final Pattern PERIOD_JOIN = Pattern.compile(
      "(?iu)^\\s*(?:-|–|—|~|to|until|till|through|and|à|au|et|jusqu['’]\\s*(?:à|au|en)|bis|und|a|al|y|hasta|e|fino\\s+a"
          + "|по|до|и|至|到)\\s*$");
  private static final Pattern PERIOD_OPEN = Pattern.compile(
      "(?iu)(?:^|[^\\p{L}])(?:between|from|entre|de|du|depuis|zwischen|von|vom|desde|del|tra|fra|dal|dall['’]|da|между|с|от)"
          + "(?:\\s+(?:the|les|la|le|den|der|dem|los|las|el|gli|i))?\\s*$|(?:在|从|從|自)\\s*$");

  /**
   * Which end of a period a date is.
   *
   * @param end "start" or "end"
   * @param other the date at the other end when the text joins the two, else null
   */
  private record Period(String end, Value.Date other) {}

  /** Whether value {@code k} opens or closes a period ("between March and June 2030", "until 2029"), else null. */
  private static Period period(String text, List<ValueMention> values, List<Integer> own, int k) {
    ValueMention v = values.get(k);
    if (!(v.value() instanceof Value.Date)) {
      return null;
    }
    int at = own.indexOf(k);
    if (at + 1 < own.size()) {
      ValueMention next = values.get(own.get(at + 1));
      if (next.value() instanceof Value.Date d && joins(text, v, next)) {
        return new Period("start", d);
      }
    }
    if (at > 0) {
      ValueMention prev = values.get(own.get(at - 1));
      if (prev.value() instanceof Value.Date d && joins(text, prev, v)) {
        return new Period("end", d);
      }
    }
    // the other end written without its year: "2030年3月到6月", "between March and June 2030"
    String after = text.substring(v.span().end(), Math.min(text.length(), v.span().end() + 12));
    if (HAN_MONTH_AFTER.matcher(after).find()) {
      return new Period("start", null);
    }
    String before = text.substring(Math.max(0, v.span().start() - 40), v.span().start());
    if (WORD_BEFORE.matcher(before).find()) {
      return new Period("end", null);
    }
    // one end given alone: "until 2029", "jusqu'à fin 2029", "bis Ende 2030"; "since 2024"
    if (UNTIL_BEFORE.matcher(before).find()) {
      return new Period("end", null);
    }
    if (SINCE_BEFORE.matcher(before).find()) {
      return new Period("start", null);
    }
    return null;
  }

  /** A word that closes a period, then at most three short words (a season, "the end of"), before its date. */
  private static final Pattern UNTIL_BEFORE = Pattern.compile(
      "(?iu)(?:^|[^\\p{L}])(?:until|till|up\\s+to|jusqu['’]\\s*(?:à|au|aux|en)|bis|hasta|fino\\s+al?|до|вплоть\\s+до)"
          + "(?:\\s+\\p{L}{1,10}){0,3}\\s*$|(?:直到|一直到|至|到)\\s*$");
  /** A word that opens a period with no end given: "since 2014", "seit 2014", "с 2014 года", "自2014年". */
  private static final Pattern SINCE_BEFORE = Pattern.compile(
      "(?iu)(?:^|[^\\p{L}])(?:since|seit|depuis|desde|с|начиная\\s+с)(?:\\s+\\p{L}{1,10}){0,1}\\s*$|(?:自|从|從)\\s*$");

  private static final Pattern HAN_MONTH_AFTER = Pattern.compile("^\\s*(?:至|到|-|–|—|~)\\s*\\d{1,2}\\s*月");
  private static final Pattern WORD_BEFORE = Pattern.compile(
      "(?iu)(?:between|from|entre|de|du|zwischen|von|vom|desde|tra|fra|da|dal|между|с)\\s+\\p{L}+\\.?\\s+"
          + "(?:and|to|until|à|au|et|bis|und|a|y|hasta|e|al|fino\\s+a|по|и|до)\\s*$");

  private static boolean joins(String text, ValueMention first, ValueMention second) {
    if (second.span().start() < first.span().end() || second.span().start() - first.span().end() > 30) {
      return false;
    }
    String gap = text.substring(first.span().end(), second.span().start());
    String before = text.substring(Math.max(0, first.span().start() - 12), first.span().start());
    // a dash or 至/到 joins alone; "to", "and", "bis" need the opening word ("from", "between", "von")
    if (PERIOD_JOIN.matcher(gap).matches()) {
      return gap.strip().matches("[-–—~至到]") || gap.strip().isEmpty() || PERIOD_OPEN.matcher(before).find();
    }
    // a closing word and a few short words ("to the end of", "bis zum Sommer") after an opening one
    return PERIOD_JOIN_WORDS.matcher(gap).matches() && PERIOD_OPEN.matcher(before).find();
  }

  /** A closing word of {@link #PERIOD_JOIN} then at most three short words, before the second date. */
  private static final Pattern PERIOD_JOIN_WORDS = Pattern.compile(
      "(?iu)^\\s*(?:to|until|till|through|and|jusqu['’]\\s*(?:à|au|en)|à|au|et|bis|und|hasta|a|al|y|fino\\s+a|по|до)"
          + "(?:\\s+\\p{L}{1,10}){1,3}\\s*$");

  private static boolean isHanNoun(String noun) {
    return !noun.isEmpty() && Character.UnicodeScript.of(noun.codePointAt(0)) == Character.UnicodeScript.HAN;
  }

  /** True when a date is after the document's own date, at the date's own precision. */
  static boolean later(Value.Date d, Optional<java.time.LocalDate> documentDate) {
    if (documentDate.isEmpty()) {
      return false;
    }
    String own = documentDate.get().toString().substring(0, d.prefix().length());
    return d.prefix().compareTo(own) > 0;
  }

  /** The first words of a statement, as its label. */
  private static String first(String said) {
    String s = said.replaceAll("\\s+", " ").strip();
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  /** What the property of a dimension is called. */
  static String property(String dimension) {
    return switch (dimension) {
      case "money" -> "amount";
      case "count" -> "number";
      case "percent" -> "share";
      default -> dimension;
    };
  }

  /** Content words a short quotation holds at most: a longer one is a statement read as the sentence is. */
  static final int QUOTATION_WORDS = 10;
  /** The dimension of a short quotation's frame: compared with other quotations only. */
  static final String QUOTATION_DIMENSION = "quotation";
  /** Words between quotation marks: “…”, «…», „…“, "…", 「…」 or 『…』, on one line. */
  private static final Pattern QUOTATION = Pattern.compile(
      "“([^“”\\n]{3,200})”|«([^«»\\n]{3,200})»|„([^„“”\\n]{3,200})[“”]|\"([^\"\\n]{3,200})\"|[「『]([^「」『』\\n]{2,100})[」』]");

  /** Offices a country's adjective may say whose they are: "the Orvanian president", "le Premier ministre orvanien". */
  static final Set<String> OFFICES = Set.of("president", "prime-minister", "minister", "foreign-minister", "king",
      "queen", "head-of-state", "leader", "ambassador");
  /** What may stand between a country's adjective and its office: a space or a hyphen. */
  private static final Pattern OFFICE_GAP = Pattern.compile("[\\s\\-]{1,2}");

  /** Concepts of scale and quantity words, which name how much, not what. */
  static final Set<String> QUANTITY_WORDS = Set.of("million", "billion", "thousand", "ten-thousand", "hundred",
      "trillion", "dozen", "percent", "number", "total", "about", "more-than", "less-than", "nearly", "at-least",
      "at-most", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "fifty",
      "both", "half", "several", "many", "few", "more", "less", "only", "additional", "estimate-number", "most");
  /** Fields of the glossary whose concepts say who, where or when, never what happened. */
  static final Set<String> NOT_EVENTS = Set.of("countries", "people", "places", "time", "quantities", "media",
      "clothing-body", "adjectives");

  /**
   * Concepts that make a value a part of another ("a $10bn package that includes $4bn of
   * missiles"): they say how two values relate, not what either is of.
   */
  static final Set<String> PART_WORDS = Set.of("include");

  /** Concepts of money as such, which say that a value is an amount, not what it is for. */
  static final Set<String> MONEY_WORDS = Set.of("money", "price", "cost", "value", "amount", "total", "dollar",
      "euro", "currency", "ruble", "yuan", "pound-sterling");
  /** Concepts of time units: a count of them is a duration. */
  static final Set<String> TIME_UNITS = Set.of("c:day", "c:week", "c:month", "c:year", "c:hour", "c:minute", "c:decade");

  /** What a comma, a semicolon or a dash between a word and a claim leaves of the word's weight. */
  static final float PAST_PUNCTUATION = 0.4f;

  /** Closeness of a concept to a date at which it names what the date dates: three keys away. */
  static final float EVENT_WEIGHT = 0.5f;

  /** Closeness weight of a key {@code d} keys away from the claim. */
  static float weight(int d) {
    return d <= REACH ? 1f / (1f + (d - 1) / 2f) : 0.05f;
  }
}
