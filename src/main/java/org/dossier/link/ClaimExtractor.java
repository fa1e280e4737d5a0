package org.dossier.link;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.DocumentId;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;

/**
 * Reads claims from an analysed document: for each value, what it is about (the equipment it
 * counts, the event a date belongs to, the role an amount plays, the noun a count counts) and who
 * the document attributes it to. A value whose subject cannot be read is left out: a claim about
 * an unknown thing would be compared with claims about other things.
 */
public final class ClaimExtractor {
  /** Words before or after a value that it is read with; a sentence further away is not. */
  private static final int WINDOW = 8;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*|\\p{IsHan}+");
  private static final Pattern DRAFT_MARK =
      Pattern.compile("(?<![\\p{L}])(?:DRAFT|ПРОЕКТ|Проект договора|Draft contract)(?![\\p{L}])|草案");
  /** Between an amount and its conversion: "$584m (€555m)", "$584m, or about €555m". */
  private static final Pattern CONVERSION_GAP =
      Pattern.compile("(?iu)^\\s*(?:\\(|,?\\s*or\\s+(?:about\\s+)?|—\\s*|–\\s*|/\\s*|,?\\s*или\\s+|（)\\s*(?:about\\s+|около\\s+|约)?$");

  private record Token(int start, int end, String folded) {}

  private static final Pattern STOP = Pattern.compile("[.;!?](?:\\s|$)|\\n\\s*\\n");
  private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "no", "gen",
      "col", "lt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
      "u", "s", "inc", "corp", "ltd", "co", "vs", "т", "ул", "им", "исх", "вх");

  /**
   * True when the text between two words ({@code from} to {@code to}) ends a clause: a full stop
   * not after an abbreviation, a blank line, or a line break after a full stop (also one that
   * ends a value: "30 июня 2025 г. Обучение").
   */
  private static boolean stops(String text, int from, int to, String wordBefore) {
    String between = text.substring(from, to);
    if (STOP.matcher(between).find() && !(between.startsWith(".") && ABBREVIATIONS.contains(wordBefore))) {
      return true;
    }
    // the character before the gap is a full stop that the previous word or value ends with
    if (from > 0 && ".;".indexOf(text.charAt(from - 1)) >= 0 && !between.isEmpty()
        && Character.isWhitespace(between.charAt(0)) && !ABBREVIATIONS.contains(wordBefore)) {
      int next = to < text.length() ? text.codePointAt(to) : ' ';
      return Character.isUpperCase(next) || Character.isDigit(next) || between.indexOf('\n') >= 0;
    }
    return false;
  }

  public List<Claim> extract(DocumentId id, String text, String language, Annotations a,
      List<String> resolvedNames) {
    return extract(id, text, org.dossier.analyze.Sentences.of(text, language), a, resolvedNames);
  }

  /** As above, with the text's sentences already split. */
  public List<Claim> extract(DocumentId id, String text, List<Span> sentences, Annotations a,
      List<String> resolvedNames) {
    boolean draft = isDraft(text);
    Set<Span> datelineSources = new HashSet<>();
    for (Attribution at : a.attributions()) {
      if (at.kind() == Attribution.Kind.DATELINE) {
        datelineSources.add(at.source());
      }
    }
    List<ValueMention> values = a.values();
    Set<Integer> consumed = new HashSet<>();
    List<Claim> out = new ArrayList<>();
    int si = 0;
    for (int vi = 0; vi < values.size(); vi++) {
      if (consumed.contains(vi)) {
        continue;
      }
      ValueMention v = values.get(vi);
      while (si < sentences.size() && sentences.get(si).end() <= v.span().start()) {
        si++;
      }
      Span sentence = si < sentences.size() && sentences.get(si).start() <= v.span().start()
          ? sentences.get(si) : new Span(v.span().start(), v.span().end());
      Context c = new Context(id, text, sentence, v, vi, a, resolvedNames, draft);
      List<Value> alternates = new ArrayList<>();
      if (v.value() instanceof Value.Money m) {
        for (int next = vi + 1; next < values.size(); next++) {
          ValueMention w = values.get(next);
          if (!(w.value() instanceof Value.Money wm) || wm.currency().equals(m.currency())
              || w.span().start() - v.span().end() > 20
              || !CONVERSION_GAP.matcher(text.substring(v.span().end(), w.span().start())).find()) {
            break;
          }
          alternates.add(wm);
          consumed.add(next);
        }
      }
      if (datelineSources.stream().anyMatch(s -> s.overlaps(v.span()) || Math.abs(s.start() - v.span().end()) < 4)) {
        continue; // "Sept. 26 (UPI) --": the document's own date, not a claim
      }
      Value value = v.value();
      Optional<Claim> claim;
      if (value instanceof Value.Things t) {
        claim = things(c, t);
      } else if (value instanceof Value.Count n) {
        claim = count(c, n);
      } else if (value instanceof Value.Money) {
        claim = money(c, alternates);
      } else if (value instanceof Value.Date) {
        claim = date(c);
      } else {
        claim = percent(c);
      }
      claim.ifPresent(out::add);
    }
    return out;
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

  /** A value in its sentence, with the document's names. */
  private final class Context {
    final DocumentId id;
    final String text;
    final Span sentence;
    final ValueMention v;
    final int index;
    final Annotations a;
    final List<String> names;
    final boolean draft;
    final List<Token> tokens = new ArrayList<>();
    /** Tokens before the value end at {@code before - 1}; tokens after it start at {@code after}. */
    int before;
    int after;

    Context(DocumentId id, String text, Span sentence, ValueMention v, int index, Annotations a,
        List<String> names, boolean draft) {
      this.id = id;
      this.text = text;
      this.sentence = sentence;
      this.v = v;
      this.index = index;
      this.a = a;
      this.names = names;
      this.draft = draft;
      Matcher m = WORD.matcher(text).region(sentence.start(), sentence.end());
      before = -1;
      // words inside a name are not context: "Analysis" of "Halden Institute for Strategic Analysis"
      List<Span> inNames = new ArrayList<>();
      for (EntityMention e : a.entities()) {
        if (sentence.contains(e.span()) && e.type() != EntityType.EQUIPMENT && e.span().length() > 0
            && e.text().contains(" ")) {
          inNames.add(e.span());
        }
      }
      while (m.find()) {
        int ms = m.start();
        int me = m.end();
        if (inNames.stream().anyMatch(sp -> sp.start() <= ms && me <= sp.end())) {
          continue;
        }
        if (m.end() <= v.span().start()) {
          tokens.add(new Token(m.start(), m.end(), Lexicon.fold(m.group())));
        } else if (m.start() >= v.span().end()) {
          if (before < 0) {
            before = tokens.size();
          }
          tokens.add(new Token(m.start(), m.end(), Lexicon.fold(m.group())));
        } else if (before < 0) {
          // inside the value: its words are not context
          continue;
        }
      }
      if (before < 0) {
        before = tokens.size();
      }
      after = before;
      clause();
    }

    /** Keeps only the tokens of the value's clause: no sentence-like stop between them and it. */
    private void clause() {
      int first = 0;
      for (int i = before - 1; i >= 0; i--) {
        int gapEnd = i + 1 < before ? tokens.get(i + 1).start : v.span().start();
        if (stops(text, tokens.get(i).end, gapEnd, tokens.get(i).folded)) {
          first = i + 1;
          break;
        }
      }
      int last = tokens.size();
      for (int i = before; i < tokens.size(); i++) {
        int gapStart = i == before ? v.span().end() : tokens.get(i - 1).end;
        String prev = i == before ? "" : tokens.get(i - 1).folded;
        if (stops(text, gapStart, tokens.get(i).start, prev)) {
          last = i;
          break;
        }
      }
      List<Token> kept = new ArrayList<>(tokens.subList(first, last));
      before -= first;
      after = before;
      tokens.clear();
      tokens.addAll(kept);
    }

    /** The nearest token naming one of {@code entries}, within the window on either side. */
    Optional<Hit> nearest(List<Lexicon.Entry> entries, int window) {
      return nearest(entries, window, window);
    }

    /** The nearest, looking up to {@code back} words before the value and {@code ahead} after. */
    Optional<Hit> nearest(List<Lexicon.Entry> entries, int back, int ahead) {
      Hit best = null;
      for (int d = 1; d <= Math.max(back, ahead); d++) {
        int b = before - d;
        if (b >= 0 && d <= back) {
          Optional<Lexicon.Entry> e = Lexicon.find(entries, tokens.get(b).folded);
          if (e.isPresent()) {
            best = new Hit(e.get(), b, d);
            break;
          }
        }
        int f = after + d - 1;
        if (f < tokens.size() && d <= ahead) {
          Optional<Lexicon.Entry> e = Lexicon.find(entries, tokens.get(f).folded);
          if (e.isPresent()) {
            best = new Hit(e.get(), f, d);
            break;
          }
        }
      }
      return Optional.ofNullable(best);
    }

    /** An ordinal among the {@code span} tokens before token {@code at} (and right after it). */
    Optional<String> ordinalNear(int at, int span) {
      for (int i = at - 1; i >= Math.max(0, at - span); i--) {
        Optional<Lexicon.Entry> e = Lexicon.find(Lexicon.ORDINALS, tokens.get(i).folded);
        if (e.isPresent()) {
          return Optional.of(e.get().concept());
        }
      }
      if (at + 2 < tokens.size() && Lexicon.PARTS.matches(tokens.get(at + 2).folded)) {
        Optional<Lexicon.Entry> e = Lexicon.find(Lexicon.ORDINALS, tokens.get(at + 1).folded);
        if (e.isPresent()) {
          return Optional.of(e.get().concept());
        }
      }
      if (at + 1 < tokens.size()) {
        Optional<String> n = Lexicon.ordinalAfter(tokens.get(at + 1).folded);
        if (n.isPresent()) {
          return n;
        }
        Optional<Lexicon.Entry> e = Lexicon.find(Lexicon.ORDINALS, tokens.get(at + 1).folded);
        if (e.isPresent() && Lexicon.isHan(tokens.get(at).folded)) {
          return Optional.of(e.get().concept());
        }
      }
      // Chinese writes the ordinal in the same run: "第二阶段"
      String t = tokens.get(at).folded;
      if (Lexicon.isHan(t)) {
        for (Lexicon.Entry e : Lexicon.ORDINALS) {
          if (e.matches(t)) {
            return Optional.of(e.concept());
          }
        }
      }
      return Optional.empty();
    }

    /** A part of the whole named next to the value: "first batch", "stage two", "第二批". */
    Optional<String> part() {
      for (int d = 1; d <= 10; d++) {
        for (int i : d <= 4 ? new int[] {before - d, after + d - 1} : new int[] {before - d}) {
          if (i >= 0 && i < tokens.size() && Lexicon.PARTS.matches(tokens.get(i).folded)) {
            Optional<String> o = ordinalNear(i, 2);
            if (o.isPresent() && !o.get().equals("draft")) {
              return o;
            }
          }
        }
      }
      return Optional.empty();
    }

    Optional<String> attributedTo() {
      Attribution best = null;
      for (Attribution at : a.attributions()) {
        if (at.statement().contains(v.span()) && !at.source().overlaps(v.span())
            && (best == null || at.statement().length() < best.statement().length())) {
          best = at;
        }
      }
      if (best == null) {
        return Optional.empty();
      }
      return Optional.of(best.sourceText() + best.via().map(w -> " (via " + w + ")").orElse(""));
    }

    /** The equipment this value counts: named in it, right after it, or right before it. */
    Optional<Integer> equipment() {
      List<EntityMention> es = a.entities();
      Integer best = null;
      int bestGap = Integer.MAX_VALUE;
      int nextValue = index + 1 < a.values().size() ? a.values().get(index + 1).span().start() : Integer.MAX_VALUE;
      int prevValue = index > 0 ? a.values().get(index - 1).span().end() : -1;
      for (int i = 0; i < es.size(); i++) {
        EntityMention e = es.get(i);
        if (e.type() != EntityType.EQUIPMENT || !sentence.contains(e.span())) {
          continue;
        }
        int gap;
        if (e.span().overlaps(v.span())) {
          gap = 0;
        } else if (e.span().start() >= v.span().end() && e.span().start() < nextValue) {
          gap = e.span().start() - v.span().end();
          if (gap > 60 || !text.substring(v.span().end(), e.span().start()).matches("[\\p{L}\\s«»\"“”'’\\-]*")) {
            continue;
          }
        } else if (e.span().end() <= v.span().start() && e.span().end() > prevValue) {
          gap = v.span().start() - e.span().end();
          if (gap > 12 || !text.substring(e.span().end(), v.span().start()).matches("[\\s:—–\\-,()\\p{L}]*")) {
            continue;
          }
          gap += 30; // after is the usual order
        } else {
          continue;
        }
        if (gap < bestGap) {
          bestGap = gap;
          best = i;
        }
      }
      return Optional.ofNullable(best);
    }

    Claim claim(Span span, String subject, String subjectKey, String property, String propertyKey,
        List<Value> alternates) {
      String context = text.substring(sentence.start(), sentence.end()).strip();
      if (context.length() > Claim.CONTEXT) {
        context = context.substring(0, Claim.CONTEXT - 3) + "...";
      }
      return new Claim(id, span, text.substring(span.start(), span.end()), sentence, context, v, alternates,
          attributedTo(), subject, subjectKey, property, propertyKey, draft);
    }

    Claim claim(String subject, String subjectKey, String property, String propertyKey) {
      return claim(v.span(), subject, subjectKey, property, propertyKey, List.of());
    }
  }

  private record Hit(Lexicon.Entry entry, int token, int distance) {}

  private static final Pattern DATED = Pattern.compile("dated|датирован\\p{L}*|от|日期为");
  private static final Pattern SMALL_WORDS = Pattern.compile("(?iu)(?:one|two|three|both|a|an|один|одна|два|две|три|оба|обе)\\b");
  private static final Pattern UNITS = Pattern.compile("(?iu)(?:ед|единиц\\p{L}*|шт|штук\\p{L}*|компл\\p{L}*|units?|pcs|pieces?|sets?|items?|辆|台|套|件)\\.?");

  private Optional<Claim> things(Context c, Value.Things t) {
    Optional<String> part = c.part();
    String property = part.map(p -> "quantity, " + p + " part").orElse("quantity");
    String propertyKey = part.map(p -> "quantity:" + p).orElse("quantity");
    Optional<Integer> eq = c.equipment();
    if (eq.isPresent()) {
      EntityMention e = c.a.entities().get(eq.get());
      String name = c.names.get(eq.get());
      Span span = new Span(Math.min(e.span().start(), c.v.span().start()), Math.max(e.span().end(), c.v.span().end()));
      return Optional.of(c.claim(span, name, "equipment:" + Lexicon.fold(name), property, propertyKey, List.of()));
    }
    String thing = t.thing().strip();
    if (thing.isEmpty() || UNITS.matcher(thing).matches()) {
      return Optional.empty(); // "8 ед.", "16 компл.": a count of an item the text names elsewhere
    }
    String concept = concept(thing);
    return Optional.of(c.claim(thing, "thing:" + concept, property, propertyKey));
  }

  private Optional<Claim> count(Context c, Value.Count n) {
    String noun = n.noun().strip();
    if (noun.isEmpty() || SMALL_WORDS.matcher(c.v.text()).lookingAt()) {
      return Optional.empty(); // "the two sides": a number word, rarely a figure anyone disputes
    }
    String concept = concept(noun);
    if (Lexicon.TIME_UNITS.contains(concept)) {
      if (Lexicon.AGO.matcher(c.text.substring(c.v.span().end(), Math.min(c.text.length(), c.v.span().end() + 14))).find()) {
        return Optional.empty(); // "ten years ago": a date, loosely
      }
      Optional<Hit> event = c.nearest(Lexicon.EVENTS, WINDOW);
      if (event.isEmpty()) {
        return Optional.empty();
      }
      String ev = event.get().entry().concept();
      return Optional.of(c.claim(ev, "event:" + ev, "duration in " + concept, "duration:" + concept));
    }
    // "14 joint exercises in 2024": a date next to the count is its period
    Optional<String> period = period(c);
    String property = period.map(p -> "count in " + p).orElse("count");
    String propertyKey = period.map(p -> "count:" + p).orElse("count");
    return Optional.of(c.claim(noun, "count:" + concept, property, propertyKey));
  }

  /** The year of a date mention in the same sentence close to the value, with no event nearer it. */
  private Optional<String> period(Context c) {
    for (ValueMention w : c.a.values()) {
      if (!(w.value() instanceof Value.Date d) || !c.sentence.contains(w.span())) {
        continue;
      }
      int gap = w.span().start() >= c.v.span().end() ? w.span().start() - c.v.span().end()
          : c.v.span().start() - w.span().end();
      if (gap >= 0 && gap <= 45) {
        return Optional.of(d.iso().substring(0, 4));
      }
    }
    return Optional.empty();
  }

  private Optional<Claim> money(Context c, List<Value> alternates) {
    Optional<Hit> role = c.nearest(Lexicon.MONEY_ROLES, WINDOW);
    if (role.isEmpty()) {
      return Optional.empty();
    }
    String r = role.get().entry().concept();
    switch (r) {
      case "unit price" -> {
        Optional<Integer> eq = nearestEquipment(c);
        if (eq.isEmpty()) {
          return Optional.empty();
        }
        String name = c.names.get(eq.get());
        return Optional.of(c.claim(c.v.span(), name, "equipment:" + Lexicon.fold(name), "unit price", "unit-price", alternates));
      }
      case "payment" -> {
        String t = c.tokens.get(role.get().token()).folded;
        Optional<String> ord = t.startsWith("advance") || t.startsWith("аванс") || t.contains("预付")
            ? Optional.of("advance") : c.ordinalNear(role.get().token(), 3).filter(o -> !o.equals("draft"));
        String property = ord.map(o -> o + " payment").orElse("payment");
        return Optional.of(c.claim(c.v.span(), "the contract", "deal", property, "payment:" + ord.orElse(""), alternates));
      }
      default -> {
        return Optional.of(c.claim(c.v.span(), "the contract", "deal", "value", "value", alternates));
      }
    }
  }

  private Optional<Integer> nearestEquipment(Context c) {
    List<EntityMention> es = c.a.entities();
    Integer best = null;
    int bestGap = Integer.MAX_VALUE;
    for (int i = 0; i < es.size(); i++) {
      EntityMention e = es.get(i);
      if (e.type() == EntityType.EQUIPMENT && c.sentence.contains(e.span())) {
        int gap = Math.abs(e.span().start() - c.v.span().start());
        if (gap < bestGap) {
          bestGap = gap;
          best = i;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private Optional<Claim> percent(Context c) {
    Optional<Hit> role = c.nearest(Lexicon.MONEY_ROLES, 5);
    if (role.isEmpty() || !role.get().entry().concept().equals("payment")) {
      return Optional.empty();
    }
    String t = c.tokens.get(role.get().token()).folded;
    Optional<String> ord = t.startsWith("advance") || t.startsWith("аванс") || t.contains("预付")
        ? Optional.of("advance") : c.ordinalNear(role.get().token(), 3).filter(o -> !o.equals("draft"));
    return Optional.of(c.claim("the contract", "deal", ord.map(o -> o + " payment share").orElse("payment share"),
        "payment-share:" + ord.orElse("")));
  }

  private Optional<Claim> date(Context c) {
    // events are named before their date more often than after it ("agreed in", "due by")
    Optional<Hit> hit = c.nearest(Lexicon.EVENTS, WINDOW + 2, WINDOW - 3);
    // "due": a delivery when things come before it, a payment otherwise
    Optional<Hit> due = dueWord(c);
    if (due.isPresent() && (hit.isEmpty() || due.get().distance() < hit.get().distance())) {
      hit = due;
    }
    Optional<Hit> contract = contractNext(c);
    if (contract.isPresent()) {
      hit = contract;
    } else if (c.before > 0 && DATED.matcher(c.tokens.get(c.before - 1).folded).matches()) {
      return Optional.empty(); // "a document dated September 2024": which document, the text may not say
    }
    if (hit.isEmpty() || hit.get().distance() > 4) {
      // "stage two ... USD 62,480,000 ... by 15.03.2025": a part of a payment
      Optional<String> part = c.part();
      if (part.isPresent() && moneyInSentence(c)) {
        return Optional.of(c.claim(part.get() + " payment", "event:payment:" + part.get(), "date", "date"));
      }
    }
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    // a count next to the date, nearer than the event, takes the date as its period
    if (countNearer(c, hit.get().distance())) {
      return Optional.empty();
    }
    int at = hit.get().token();
    String event = hit.get().entry().concept();
    // "agreed to supply ... in 2023": the agreeing is the event
    if (!event.equals("agreement") && at >= 2 && c.tokens.get(at - 1).folded.equals("to")
        && Lexicon.find(Lexicon.EVENTS, c.tokens.get(at - 2).folded).filter(e -> e.concept().equals("agreement")).isPresent()) {
      event = "agreement";
      at -= 2;
    }
    Optional<String> ord = c.ordinalNear(at, 5);
    if (ord.isEmpty()) {
      Optional<String> part = c.part();
      ord = part;
    }
    String ev = event;
    String subject = ord.map(o -> o + " " + ev).orElse(ev);
    return Optional.of(c.claim(subject, "event:" + ev + ord.map(o -> ":" + o).orElse(""), "date", "date"));
  }

  /** "the contract of 14 October 2024", "договора от 14.10.2024", "the October 2024 contract". */
  private Optional<Hit> contractNext(Context c) {
    int i = c.before - 1;
    int d = 1;
    while (i >= 0 && d <= 3 && Lexicon.CONTRACT_LINK.contains(c.tokens.get(i).folded)) {
      i--;
      d++;
    }
    // "the contract by March 15": a deadline under the contract, not the contract's date
    boolean linked = d > 1 || c.v.qualifier().isEmpty();
    if (i >= 0 && d <= 3 && linked && Lexicon.CONTRACT.matches(c.tokens.get(i).folded)) {
      return Optional.of(new Hit(Lexicon.CONTRACT, i, d));
    }
    if (c.after < c.tokens.size() && Lexicon.CONTRACT.matches(c.tokens.get(c.after).folded)
        && c.text.substring(c.v.span().end(), c.tokens.get(c.after).start).isBlank()) {
      return Optional.of(new Hit(Lexicon.CONTRACT, c.after, 1));
    }
    return Optional.empty();
  }

  private static boolean moneyInSentence(Context c) {
    return c.a.values().stream().anyMatch(w -> w.value() instanceof Value.Money && c.sentence.contains(w.span()));
  }

  private Optional<Hit> dueWord(Context c) {
    for (int d = 1; d <= WINDOW; d++) {
      for (int i : new int[] {c.before - d, c.after + d - 1}) {
        if (i < 0 || i >= c.tokens.size() || !c.tokens.get(i).folded.equals("due")) {
          continue;
        }
        for (int j = Math.max(0, i - 4); j < i; j++) {
          String w = c.tokens.get(j).folded;
          if (w.startsWith("vehicl") || w.startsWith("batch") || w.startsWith("deliver")
              || w.startsWith("shipment") || w.startsWith("equipment")) {
            return Optional.of(new Hit(Lexicon.EVENTS.get(1), i, d));
          }
        }
        return Optional.of(new Hit(Lexicon.EVENTS.get(2), i, d));
      }
    }
    return Optional.empty();
  }

  private boolean countNearer(Context c, int eventDistance) {
    for (ValueMention w : c.a.values()) {
      if (!(w.value() instanceof Value.Count n) || !c.sentence.contains(w.span())
          || Lexicon.TIME_UNITS.contains(concept(n.noun()))) {
        continue;
      }
      int gap = w.span().start() >= c.v.span().end() ? w.span().start() - c.v.span().end()
          : c.v.span().start() - w.span().end();
      if (gap >= 0 && gap <= 45) {
        // words between the count and the date, against words between the date and its event
        String between = w.span().start() >= c.v.span().end()
            ? c.text.substring(c.v.span().end(), w.span().start())
            : c.text.substring(w.span().end(), c.v.span().start());
        long words = WORD.matcher(between).results().count();
        if (words < eventDistance) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The concept a noun phrase counts: a shared concept across languages when the lexicon knows
   * one of its words, else the key of its head word.
   */
  static String concept(String noun) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(noun);
    while (m.find()) {
      words.add(m.group());
    }
    if (words.isEmpty()) {
      return Lexicon.fold(noun);
    }
    // the head: last word in English and Chinese, first in Russian ("страниц документов")
    boolean cyrillic = words.get(0).codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC);
    List<String> order = new ArrayList<>(words);
    if (!cyrillic) {
      java.util.Collections.reverse(order);
    }
    for (String w : order) {
      Optional<Lexicon.Entry> e = Lexicon.find(Lexicon.COUNT_CONCEPTS, Lexicon.fold(w));
      if (e.isPresent()) {
        return e.get().concept();
      }
    }
    return org.dossier.analyze.Sentences.key(order.get(0));
  }
}
