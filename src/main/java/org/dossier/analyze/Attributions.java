package org.dossier.analyze;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.analyze.AttributionCues.Cue;
import org.dossier.analyze.AttributionCues.Form;
import org.dossier.analyze.AttributionSources.How;
import org.dossier.analyze.AttributionSources.Source;
import org.dossier.core.Attribution;
import org.dossier.core.Attribution.Kind;
import org.dossier.core.EntityMention;
import org.dossier.core.Span;

/**
 * Who each statement is attributed to, in English, Russian, Chinese, French, German, Spanish and
 * Italian: "according to X", "X said (that) ...", "..., said X", "X told Y" (Y relays X), "X,
 * citing Y" and "Y, cité par X" (X relays Y), "in an interview with X", "据X报道", "X zufolge",
 * quotes and their speakers (also in interview transcripts, "Name: answer"), and wire datelines
 * ({@link Datelines}). The statement is the attributed clause: what follows "that" or a colon,
 * or the rest of the sentence on the other side of the source; "Об этом сообщил X" attributes the
 * sentence before. A pronoun source ("he said") is the last person named before it, or nothing.
 * The cues of each language are in {@link AttributionCues}, the readers of sources in {@link
 * AttributionSources}.
 */
final class Attributions implements Annotator {
  /** A quote: up to the next quote mark of any kind, so that no opening mark is read past twice. */
  private static final Pattern QUOTE = Pattern.compile("[\"“«„]([^\"”»“«„]{3,600})[\"”»“]");
  private static final Pattern SPEAKER_LINE = Pattern.compile(
      "(?m)^([\\p{Lu}][\\p{L}.’'\\-]*(?:[ /][\\p{Lu}][\\p{L}.’'\\-]*){0,5}):\\s+(?=\\S)");
  private static final Set<String> AS = Set.of("as", "wie", "comme", "come", "como", "как");
  private static final Set<String> SUBJECTIVE = Set.of("he", "she", "him", "her", "он", "она", "il", "elle",
      "lui", "er", "ihm", "él", "ella", "lei", "egli", "essa", "他", "她");

  /** An attribution found in a sentence, before its statement is cut out. */
  private static final class Found {
    int frameStart;
    int frameEnd;
    Span source;
    String sourceText;
    Kind kind;
    Span viaSpan;
    String via;
    boolean strict;
    boolean leading;

    Found(int frameStart, int frameEnd, Source source, Kind kind) {
      this.frameStart = frameStart;
      this.frameEnd = frameEnd;
      this.source = source.span();
      this.sourceText = source.text();
      this.kind = kind;
    }

    void relayedBy(Source relayer) {
      via = relayer.text();
      viaSpan = relayer.span();
    }
  }

  /** "X, citing Y" and the like: {@code relayer} passes on what {@code cited} said. */
  private record Relay(Form form, Source cited, Source relayer, int frameStart, int frameEnd) {}

  @Override
  public Set<Layer> requires() {
    return EnumSet.of(Layer.SENTENCES, Layer.NAMES, Layer.DOMAIN_ENTITIES);
  }

  @Override
  public Set<Layer> produces() {
    return EnumSet.of(Layer.ATTRIBUTIONS);
  }

  @Override
  public void annotate(Draft draft) {
    String text = draft.text();
    Optional<Datelines.Dateline> dateline = Datelines.find(text);
    dateline.ifPresent(d -> draft.attributions.add(d.attribution()));
    int body = dateline.map(Datelines.Dateline::bodyStart).orElse(0);
    AttributionCues cues = AttributionCues.of(draft.language());
    AttributionSources sources = new AttributionSources(draft, cues);
    speakers(draft, sources.words());
    Matcher m = cues.matcher(text);
    List<Span> sentences = draft.sentences();
    for (int i = 0; i < sentences.size(); i++) {
      Span sentence = sentences.get(i);
      if (body > sentence.start() && body < sentence.end()) {
        sentence = new Span(body, sentence.end()); // "KESTROV (NPA) — ...": the credit says nothing
      }
      List<Found> found = new ArrayList<>();
      List<Relay> relays = new ArrayList<>();
      m.region(sentence.start(), sentence.end());
      while (m.find()) {
        read(sources, cues, sentence, m, cues.cue(m), found, relays);
      }
      relay(text, found, relays);
      Span previous = i > 0 ? sentences.get(i - 1) : null;
      List<Attribution> out = new ArrayList<>();
      for (Found f : found) {
        AttributionStatements.of(text, sentence, previous, f.frameStart, f.frameEnd, f.strict, f.leading, cues)
            .ifPresent(s -> out.add(new Attribution(s, f.source, f.sourceText, f.kind, Optional.ofNullable(f.via))));
      }
      quotes(text, sentence, found, out);
      draft.attributions.addAll(out);
    }
  }

  /** Reads one cue's source (and relay) into {@code found} and {@code relays}. */
  private static void read(AttributionSources sources, AttributionCues cues, Span sentence, Matcher m, Cue cue,
      List<Found> found, List<Relay> relays) {
    String text = sources.words().text;
    int start = m.start();
    int end = m.end();
    int limit = sentence.start();
    switch (cue.form()) {
      case PREP -> sources.after(end, sentence.end()).flatMap(s -> resolve(sources, s)).ifPresent(s -> {
        Found f = new Found(start, s.span().end(), s, cue.kind());
        f.leading = true; // "According to two officials familiar with the talks, ..."
        add(found, f);
      });
      case POST -> sources.before(limit, start, false).flatMap(s -> resolve(sources, s))
          .ifPresent(s -> add(found, new Found(s.span().start(), end, s, cue.kind())));
      case SO -> {
        int comma = sources.words().trimBack(start, limit);
        Optional<Source> s = sources.after(end, sentence.end());
        if (comma > limit && text.charAt(comma - 1) == ',' && s.isPresent()
            && text.substring(s.get().span().end(), sentence.end()).strip().replaceAll("[.!?»”\"]", "").isEmpty()) {
          add(found, new Found(start, s.get().span().end(), s.get(), cue.kind()));
        }
      }
      case VERB -> verb(sources, cues, sentence, start, end, cue, found, relays);
      case CITING -> sources.after(end, sentence.end()).ifPresent(cited -> {
        Source relayer = sources.before(limit, start, true).filter(s -> s.how() != How.PRONOUN
            && s.how() != How.NOT_A_SOURCE).orElse(null);
        relays.add(new Relay(Form.CITING, cited, relayer, relayer == null ? start : relayer.span().start(),
            cited.span().end()));
      });
      case CITED_BY -> sources.after(end, sentence.end()).ifPresent(relayer -> {
        Source cited = sources.before(limit, start, true).orElse(null);
        relays.add(new Relay(Form.CITED_BY, cited, relayer, cited == null ? start : cited.span().start(),
            relayer.span().end()));
      });
      case CITES -> {
        int from = end;
        for (String a : new String[] {" a ", " al "}) {
          if (text.startsWith(a, end)) {
            from = end + a.length() - 1;
          }
        }
        Optional<Source> relayer = sources.before(limit, start, false).filter(s -> s.how() != How.PRONOUN
            && s.how() != How.NOT_A_SOURCE);
        sources.after(from, sentence.end()).ifPresent(cited -> relays.add(new Relay(Form.CITES, cited,
            relayer.orElse(null), relayer.map(r -> r.span().start()).orElse(start), cited.span().end())));
      }
      case INTERVIEW -> sources.after(end, sentence.end()).ifPresent(outlet ->
          relays.add(new Relay(Form.INTERVIEW, outlet, null, start, outlet.span().end())));
      case JU, GENJU -> {
        int[] cueEnd = {end};
        sources.chinese().afterZh(end, sentence.end(), cue.form() == Form.GENJU, cueEnd)
            .ifPresent(s -> add(found, new Found(start, cueEnd[0], s, cue.kind())));
      }
      default -> throw new IllegalStateException(cue.form().toString());
    }
  }

  private static void verb(AttributionSources sources, AttributionCues cues, Span sentence, int start,
      int verbEnd, Cue cue, List<Found> found, List<Relay> relays) {
    String text = sources.words().text;
    int end = verbEnd;
    int limit = sentence.start();
    if (cues.language.equals("zh")) {
      String[] interviewer = {null};
      sources.chinese().beforeZh(limit, start, interviewer).flatMap(s -> resolve(sources, s)).ifPresent(s -> {
        Found f = new Found(s.span().start(), verbEnd, s, cue.kind());
        f.via = interviewer[0];
        add(found, f);
      });
      return;
    }
    if (cues.language.equals("de") && text.regionMatches(true, start, "teil", 0, 4)) {
      // "teilte ... mit": the particle closes the verb
      int mit = separableParticle(text, end, sentence.end());
      if (mit < 0) {
        return;
      }
      end = mit;
    }
    Optional<Source> before = sources.before(limit, start, false);
    for (Relay r : relays) {
      if (r.form() != Form.CITING || r.frameEnd() > start) {
        continue;
      }
      // "The Harlow Courier, citing two officials, reported", "Citing a source, Radio Stellan said",
      // "«X» со ссылкой на Y в министерстве сообщают"
      boolean subjectAfter = before.isPresent() && before.get().span().start() >= r.frameEnd();
      int gapEnd = subjectAfter ? before.get().span().start() : start;
      if (AttributionStatements.words(text, r.frameEnd(), gapEnd, 3) > 2
          || text.substring(r.frameEnd(), start).chars().anyMatch(c -> ".;:!?—".indexOf(c) >= 0)) {
        continue;
      }
      Source relayer = r.relayer() != null ? r.relayer() : subjectAfter ? before.get() : null;
      Found f = new Found(r.frameStart(), end, r.cited(), cue.kind());
      if (relayer != null && relayer.how() != How.PRONOUN && relayer.how() != How.NOT_A_SOURCE) {
        f.relayedBy(relayer);
      }
      relays.remove(r);
      add(found, f);
      return;
    }
    if (before.isPresent() && before.get().how() == How.NOT_A_SOURCE) {
      if (!cues.language.equals("de") && !cues.language.equals("ru")) {
        return; // "It said", "which said"
      }
      before = Optional.empty(); // "Das sagte X", "Об этом сообщил X"
    }
    if (before.isPresent() && before.get().how() == How.PRONOUN) {
      Optional<Source> person = resolve(sources, before.get());
      if (person.isEmpty()) {
        return; // a pronoun that names nobody
      }
      before = person;
    }
    if (before.isEmpty()) {
      sources.after(end, sentence.end()).filter(s -> s.how() != How.PRONOUN && s.how() != How.NOT_A_SOURCE)
          .ifPresent(s -> add(found, new Found(start, s.span().end(), s, cue.kind())));
      return;
    }
    Source source = before.get();
    Found f = new Found(source.span().start(), end, source, cue.kind());
    f.strict = cue.strict();
    Optional<Source> after = cue.kind() == Kind.TOLD || cues.language.equals("ru")
        ? sources.after(end, sentence.end()) : Optional.empty();
    int dative = dative(text, end, sentence.end(), cues.language);
    if (dative > end && cue.kind() == Kind.SAID) {
      // "sagte der Zeitung", "a déclaré à Radio Stellan", "dijo al diario", "ha detto ai giornalisti"
      Optional<Source> to = sources.after(dative, sentence.end())
          .filter(s -> s.how() != How.PRONOUN && s.how() != How.NOT_A_SOURCE);
      if (to.isPresent()) {
        f.kind = Kind.TOLD;
        f.relayedBy(to.get());
        f.frameEnd = to.get().span().end();
      }
    }
    if (cue.kind() == Kind.TOLD && after.isPresent()) {
      f.relayedBy(after.get()); // "X told the Harlow Courier"
      f.frameEnd = after.get().span().end();
    } else if (after.isPresent() && source.how() == How.QUOTED && after.get().how() != How.QUOTED) {
      // "Об этом «Вестям Кестрова» сообщил Y": Y told the outlet
      f = new Found(source.span().start(), after.get().span().end(), after.get(), Kind.TOLD);
      f.relayedBy(source);
    } else if (after.isPresent() && after.get().how() == How.QUOTED && source.how() != How.QUOTED) {
      f.kind = Kind.TOLD; // "Y рассказал «Вестям Кестрова», что ..."
      f.relayedBy(after.get());
      f.frameEnd = after.get().span().end();
    }
    // "as the Harlow Courier reported", "wie die Zeitung berichtete", "wie unter anderem das
    // Magazin berichtete": "as" opens the clause, a few lower-case words may stand between
    int w = sources.words().trimBack(source.span().start(), limit);
    for (int k = 0; k < 4 && w > limit; k++) {
      int ws = w;
      while (ws > limit && SourceText.isWordChar(text.charAt(ws - 1))) {
        ws--;
      }
      if (ws == w || !Character.isLowerCase(text.charAt(ws)) && !AS.contains(sources.words().lower(ws, w))) {
        break;
      }
      int prev = sources.words().trimBack(ws, limit);
      boolean opens = prev <= limit || ",;:—–(".indexOf(text.charAt(prev - 1)) >= 0;
      if (AS.contains(sources.words().lower(ws, w))) {
        if (opens) {
          f.frameStart = ws;
          f.leading = true;
        }
        break;
      }
      if (opens) {
        break;
      }
      w = prev;
    }
    add(found, f);
  }

  /** After "said": where the one told is named, past "à", "a", "al", "dem", "der" (kept for "der"), or -1. */
  private static int dative(String text, int end, int limit, String language) {
    String[] markers = switch (language) {
      case "fr" -> new String[] {" à ", " au ", " aux "};
      case "es" -> new String[] {" a ", " al "};
      case "it" -> new String[] {" a ", " al ", " alla ", " allo ", " ai ", " agli ", " alle "};
      case "de" -> new String[] {" dem ", " der "};
      default -> new String[0];
    };
    for (String m : markers) {
      if (text.startsWith(m, end) && end + m.length() < limit) {
        return m.equals(" der ") || m.equals(" dem ") ? end + 1 : end + m.length();
      }
    }
    return -1;
  }

  /** Where "mit" closes "teilte ... mit" in the same clause, or -1. */
  private static int separableParticle(String text, int from, int limit) {
    int max = Math.min(limit, from + 80);
    for (int i = from; i + 4 <= max; i++) {
      char c = text.charAt(i);
      if (",.;:!?".indexOf(c) >= 0) {
        return -1;
      }
      if (c == ' ' && text.startsWith("mit", i + 1)
          && (i + 4 == limit || !Character.isLetter(text.charAt(i + 4)))) {
        return i + 4;
      }
    }
    return -1;
  }

  /** A pronoun as the person it stands for; plural and neuter pronouns name nobody. */
  private static Optional<Source> resolve(AttributionSources sources, Source s) {
    if (s.how() == How.NOT_A_SOURCE) {
      return Optional.empty();
    }
    if (s.how() != How.PRONOUN && !SUBJECTIVE.contains(s.text().toLowerCase(java.util.Locale.ROOT))) {
      return Optional.of(s);
    }
    if (!SUBJECTIVE.contains(s.text().toLowerCase(java.util.Locale.ROOT))) {
      return Optional.empty();
    }
    return sources.words().lastPersonBefore(s.span().start())
        .map(EntityMention::canonical).map(name -> new Source(s.span(), name, How.NAME));
  }

  private static void add(List<Found> found, Found f) {
    for (Found g : found) {
      if (g.source.overlaps(f.source)) {
        return;
      }
    }
    found.add(f);
  }

  /**
   * Applies "citing", "cité par", "in an interview with": the attribution of the relaying source
   * becomes the cited source's, relayed; else the cited source's gets the relay; else the cited
   * source gets an attribution of its own.
   */
  private static void relay(String text, List<Found> found, List<Relay> relays) {
    for (Relay r : relays) {
      if (r.form() == Form.INTERVIEW) {
        for (Found f : found) {
          if (!f.source.overlaps(r.cited().span()) && f.via == null) {
            f.relayedBy(r.cited());
            if (r.frameEnd() <= f.frameStart && AttributionStatements.words(text, r.frameEnd(), f.frameStart, 1) == 0) {
              f.frameStart = r.frameStart(); // "In an interview with X, Y said ..."
            } else if (r.frameStart() >= f.frameEnd && AttributionStatements.words(text, f.frameEnd, r.frameStart(), 4) <= 3) {
              f.frameEnd = r.frameEnd(); // "Y said on Monday in an interview with X that ..."
            }
            break;
          }
        }
        continue;
      }
      if (r.cited() == null) {
        continue;
      }
      Found target = null;
      Source relayer = r.relayer();
      for (Found f : found) {
        if (relayer != null && f.source.overlaps(relayer.span())) {
          target = f;
          break;
        }
      }
      if (target == null && relayer == null && r.form() != Form.CITED_BY) {
        // "the Harlow Courier reported, citing officials": the sentence's source relays
        for (Found f : found) {
          if (!f.source.overlaps(r.cited().span())) {
            target = f;
            relayer = new Source(f.source, f.sourceText, How.NAME);
            break;
          }
        }
      }
      if (target != null) {
        target.source = r.cited().span();
        target.sourceText = r.cited().text();
        target.relayedBy(relayer);
        widen(text, target, r);
        continue;
      }
      for (Found f : found) {
        if (f.source.overlaps(r.cited().span())) {
          target = f;
        }
      }
      if (target != null) {
        if (relayer != null && target.via == null) {
          target.relayedBy(relayer);
          widen(text, target, r);
        }
        continue;
      }
      Found f = new Found(r.frameStart(), r.frameEnd(), r.cited(), Kind.ACCORDING_TO);
      if (relayer != null) {
        f.relayedBy(relayer);
      }
      found.add(f);
    }
  }

  /** Takes a relay's words into an attribution's frame when they are next to it. */
  private static void widen(String text, Found f, Relay r) {
    if (r.frameEnd() <= f.frameStart && AttributionStatements.words(text, r.frameEnd(), f.frameStart, 4) <= 3
        || r.frameStart() >= f.frameEnd && AttributionStatements.words(text, f.frameEnd, r.frameStart(), 4) <= 3
        || r.frameStart() < f.frameEnd && f.frameStart < r.frameEnd()) {
      f.frameStart = Math.min(f.frameStart, r.frameStart());
      f.frameEnd = Math.max(f.frameEnd, r.frameEnd());
    }
  }

  /** The quotes in a sentence go to its first source; a quoted name is not a quote. */
  private static void quotes(String text, Span sentence, List<Found> found, List<Attribution> out) {
    if (out.isEmpty()) {
      return;
    }
    Attribution main = out.get(0);
    for (Matcher q = QUOTE.matcher(text).region(sentence.start(), sentence.end()); q.find(); ) {
      Span quote = AttributionStatements.trim(text, q.start(1), q.end(1));
      boolean named = found.stream().anyMatch(f -> f.source.overlaps(quote) || f.viaSpan != null && f.viaSpan.overlaps(quote));
      if (!named && !nameLike(q.group(1))) {
        out.add(new Attribution(quote, main.source(), main.sourceText(), Kind.QUOTE, main.via()));
      }
    }
  }

  /** "«Нордстрой»", "“Harlow Courier”": every word capitalised, or one word. */
  private static boolean nameLike(String quoted) {
    String[] words = quoted.strip().split("\\s+");
    if (quoted.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      return quoted.length() < 4;
    }
    if (words.length < 2) {
      return true;
    }
    for (String w : words) {
      if (!w.isEmpty() && !Character.isUpperCase(w.charAt(0)) && !Character.isDigit(w.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  /** Interview transcripts: "Oleksandr V. Danylyuk: So, in short, ..." until the next speaker. */
  private static void speakers(Draft draft, SourceText words) {
    String text = draft.text();
    List<int[]> turns = new ArrayList<>();
    for (Matcher m = SPEAKER_LINE.matcher(text); m.find(); ) {
      if (m.group(1).split("\\s+").length >= 2 || words.mentionAt(m.start(1)).isPresent()) {
        turns.add(new int[] {m.start(1), m.end(1), m.end()});
      }
    }
    for (int i = 0; i < turns.size(); i++) {
      int[] t = turns.get(i);
      int end = i + 1 < turns.size() ? turns.get(i + 1)[0] : paragraphEnd(text, t[2]);
      end = Math.max(t[2], trimEnd(text, end));
      Span source = new Span(t[0], t[1]);
      draft.attributions.add(new Attribution(new Span(t[2], end), source, text.substring(t[0], t[1]),
          Kind.QUOTE, Optional.empty()));
    }
  }

  private static int paragraphEnd(String text, int from) {
    int i = text.indexOf("\n\n", from);
    return i < 0 ? text.length() : i;
  }

  private static int trimEnd(String text, int end) {
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
