package org.dossier.analyze;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Attribution;
import org.dossier.core.Attribution.Kind;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;

/**
 * Who each statement is attributed to: "according to X", "X said", "said X", "X, who ..., said",
 * "X reported", "X told Y" (Y relays X), quotes and their speakers (also in interview transcripts,
 * "Name: answer"), and wire datelines ({@link Datelines}), in English, Russian and Chinese. A
 * pronoun source ("he said") is the last person named before it.
 */
final class Attributions implements Annotator {
  private static final String EN_VERBS =
      "said|says|say|reported|told|tells|added|adds|noted|notes|wrote|writes|"
          + "stated|states|warned|warns|claimed|claims|argued|argues|suggested|suggests|explained|"
          + "explains|confirmed|confirms|estimated|estimates|announced|announces|believes|believed|"
          + "concluded|concludes|found|finds|revealed|reveals|showed|shows|cited|cites|insisted";
  private static final Pattern EN_VERB = Pattern.compile(
      "(?<![\\p{L}])(?:(?:has|have|had)\\s+)?(" + EN_VERBS + ")(?![\\p{L}])");
  private static final Pattern RU_VERB = Pattern.compile(
      "(?iu)(?<![\\p{L}])(заявил[аио]?|сообщил[аио]?|сообщает|сообщают|сказал[аио]?|отметил[аио]?|"
          + "добавил[аио]?|пишет|пишут|подчеркнул[аио]?|считает|считают|уточнил[аио]?|признал[аио]?|"
          + "рассказал[аио]?|говорится)(?![\\p{L}])");
  private static final Pattern ZH_VERB = Pattern.compile("(表示|说|称|指出|报道|透露|强调|认为)");
  private static final Pattern ACCORDING_TO = Pattern.compile(
      "(?iu)(?<![\\p{L}])(according to|citing|по словам|по данным|по информации|согласно|как сообщает|"
          + "как сообщил[аио]?|как пишет|как отметил[аио]?|据)\\s*");
  private static final Pattern TOLD = Pattern.compile("(?<![\\p{L}])(told|tells)\\s+");
  private static final Pattern QUOTE = Pattern.compile("[\"“«„]([^\"”»“]{3,})[\"”»“]");
  private static final Pattern SPEAKER_LINE = Pattern.compile(
      "(?m)^([\\p{Lu}][\\p{L}.’'\\-]*(?:[ /][\\p{Lu}][\\p{L}.’'\\-]*){0,5}):\\s+(?=\\S)");
  private static final Pattern OF_AFFILIATION = Pattern.compile("\\s(?:of|at|from|из)\\s(?:the\\s)?$");
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "He", "She", "They",
      "он", "она", "они", "Он", "Она", "Они", "他", "她", "他们");
  private static final Set<String> NOT_SOURCES = Set.of("it", "It", "this", "This", "that",
      "which", "who", "documents", "the documents", "The documents", "they", "They");

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
    speakers(draft);
    for (Span whole : draft.sentences()) {
      // "KESTROV (NPA) — ...": the credit says nothing
      Span sentence = body > whole.start() && body < whole.end() ? new Span(body, whole.end()) : whole;
      String s = text.substring(sentence.start(), sentence.end());
      List<Attribution> found = new ArrayList<>();
      accordingTo(draft, sentence, s, found);
      verbs(draft, sentence, s, EN_VERB, found, true);
      verbs(draft, sentence, s, RU_VERB, found, false);
      if (draft.language().equals("zh")) {
        verbs(draft, sentence, s, ZH_VERB, found, false);
      }
      // the quotes in a sentence go to its speaker
      if (!found.isEmpty()) {
        Attribution main = found.get(0);
        for (Matcher q = QUOTE.matcher(s); q.find(); ) {
          Span quote = new Span(sentence.start() + q.start(1), sentence.start() + q.end(1));
          if (!quote.overlaps(main.source())) {
            found.add(new Attribution(quote, main.source(), main.sourceText(), Kind.QUOTE, main.via()));
          }
        }
      }
      draft.attributions.addAll(found);
    }
  }

  /** Interview transcripts: "Oleksandr V. Danylyuk: So, in short, ..." until the next speaker. */
  private static void speakers(Draft draft) {
    String text = draft.text();
    List<int[]> turns = new ArrayList<>();
    for (Matcher m = SPEAKER_LINE.matcher(text); m.find(); ) {
      String name = m.group(1);
      if (name.split("\\s+").length >= 2 || mentionAt(draft, m.start(1), m.end(1)).isPresent()) {
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

  private static void accordingTo(Draft draft, Span sentence, String s, List<Attribution> out) {
    for (Matcher m = ACCORDING_TO.matcher(s); m.find(); ) {
      int from = sentence.start() + m.end();
      Optional<EntityMention> e = mentionAt(draft, from, from + 1);
      Span source;
      if (e.isPresent()) {
        source = e.get().span();
      } else {
        int end = phraseEnd(draft.text(), from, sentence.end());
        if (end <= from) {
          continue;
        }
        source = new Span(from, end);
      }
      out.add(new Attribution(sentence, source, draft.cover(source), Kind.ACCORDING_TO,
          Optional.empty()));
    }
  }

  private static void verbs(
      Draft draft, Span sentence, String s, Pattern verbs, List<Attribution> out, boolean english) {
    String text = draft.text();
    for (Matcher m = verbs.matcher(s); m.find(); ) {
      int verbStart = sentence.start() + m.start();
      int verbEnd = sentence.start() + m.end();
      String verb = m.group(1).toLowerCase(java.util.Locale.ROOT);
      Kind kind = verb.startsWith("report") || verb.startsWith("сообща") || verb.startsWith("пиш")
          || verb.equals("报道") ? Kind.REPORTED
          : verb.startsWith("told") || verb.startsWith("tell") ? Kind.TOLD : Kind.SAID;
      Optional<Span> source = before(draft, sentence, verbStart);
      if (source.isEmpty()) {
        source = after(draft, sentence, verbEnd);
      }
      if (source.isEmpty()) {
        continue;
      }
      String sourceText = draft.cover(source.get());
      if (NOT_SOURCES.contains(sourceText)) {
        continue;
      }
      if (PRONOUNS.contains(sourceText)) {
        Optional<EntityMention> person = lastPersonBefore(draft, sentence.start(), source.get().start());
        if (person.isEmpty()) {
          continue;
        }
        sourceText = person.get().canonical();
      }
      Optional<String> via = Optional.empty();
      if (kind == Kind.TOLD && english) {
        Matcher told = TOLD.matcher(text.substring(verbStart, sentence.end()));
        if (told.lookingAt()) {
          int from = verbStart + told.end();
          Optional<EntityMention> e = mentionAt(draft, from, from + 1);
          int end = e.map(x -> x.span().end()).orElse(phraseEnd(text, from, sentence.end()));
          if (end > from) {
            via = Optional.of(text.substring(from, end));
          }
        }
      }
      final Span src = source.get();
      if (out.stream().noneMatch(a -> a.source().overlaps(src))) {
        out.add(new Attribution(sentence, src, sourceText, kind, via));
      }
    }
  }

  /** The source just before a verb: a name, a name with a "who ..." clause, a pronoun, or a noun phrase. */
  private static Optional<Span> before(Draft draft, Span sentence, int verbStart) {
    String text = draft.text();
    int end = verbStart;
    while (end > sentence.start() && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end <= sentence.start()) {
      return Optional.empty();
    }
    // "X, who ..., said": skip back over the clause to the name
    if (text.charAt(end - 1) == ',') {
      int who = lastIndexOfAny(text, end - 1, sentence.start(), ", who ", ", which ", ", который ", ", которая ");
      if (who < 0) {
        return Optional.empty(); // '", Watling added' is handled as a name after the quote
      }
      end = who;
    }
    Optional<EntityMention> e = mentionEndingAt(draft, end);
    // "the Nordvik Institute (NISS) said": the name before the bracketed acronym
    if (e.isPresent() && end < text.length() && e.get().span().start() > 0
        && text.charAt(e.get().span().start() - 1) == '(' && text.charAt(end - 1) != ')'
        || e.isEmpty() && end > 0 && text.charAt(end - 1) == ')') {
      int open = text.lastIndexOf('(', end - 1);
      if (open > sentence.start()) {
        int before = open;
        while (before > sentence.start() && text.charAt(before - 1) == ' ') {
          before--;
        }
        Optional<EntityMention> named = mentionEndingAt(draft, before);
        if (named.isPresent()) {
          e = named;
        }
      }
    }
    if (e.isPresent()) {
      // "Miriam Okafor-Lind of the Halden Institute told ...": the person speaks, not the institute
      Matcher of = OF_AFFILIATION.matcher(text.substring(Math.max(sentence.start(), e.get().span().start() - 10), e.get().span().start()));
      if (e.get().type() != EntityType.PERSON && of.find()) {
        int before = e.get().span().start() - (of.end() - of.start());
        Optional<EntityMention> person = mentionEndingAt(draft, before);
        if (person.isPresent() && person.get().type() == EntityType.PERSON) {
          return Optional.of(person.get().span());
        }
      }
      return Optional.of(e.get().span());
    }
    // a pronoun or a noun phrase of up to eight words back to punctuation
    int start = end;
    int words = 0;
    while (start > sentence.start() && words < 8) {
      int i = start;
      while (i > sentence.start() && text.charAt(i - 1) == ' ') {
        i--;
      }
      int w = i;
      while (w > sentence.start() && !Character.isWhitespace(text.charAt(w - 1))
          && ",.;:!?\"”“«»()".indexOf(text.charAt(w - 1)) < 0) {
        w--;
      }
      if (w == i) {
        break;
      }
      String word = text.substring(w, i);
      if (Set.of("and", "but", "that", "while", "as", "if", "и", "но", "что", "а").contains(word)) {
        break;
      }
      start = w;
      words++;
    }
    if (start >= end) {
      return Optional.empty();
    }
    String phrase = text.substring(start, end);
    boolean nounish = PRONOUNS.contains(phrase)
        || phrase.matches("(?iu)(?:the|a|an|an unnamed|one|some|several|two|three|senior|other|этот|эта|эти)?.*"
            + "(official|officials|analyst|analysts|expert|experts|spokesman|spokeswoman|spokesperson|"
            + "minister|ministry|authors|researchers|institute|group|report|analysis|document|"
            + "documents|sources?|diplomat|diplomats|commentator|officer|officers|agency|newspaper|"
            + "post|times|journal|service|committee|government|statement|study|paper|person|people|"
            + "chief|head|president|general|colonel|director|secretary|эксперт|эксперты|аналитик|"
            + "аналитики|источник|представитель|министерство|ведомство|издание|газета|агентство|"
            + "институт|отчёт|доклад|анализе|анализ|документ|документах|все)")
        || phrase.matches("\\p{Lu}[\\p{L}.’'\\-]*(?:\\s\\p{Lu}[\\p{L}.’'\\-]*){0,4}");
    return nounish ? Optional.of(new Span(start, end)) : Optional.empty();
  }

  /** The source just after a verb (", said Jack Watling", "— сказала Мириам Окафор-Линд"). */
  private static Optional<Span> after(Draft draft, Span sentence, int verbEnd) {
    String text = draft.text();
    int i = verbEnd;
    while (i < sentence.end() && text.charAt(i) == ' ') {
      i++;
    }
    Optional<EntityMention> e = mentionAt(draft, i, i + 1);
    if (e.isPresent() && (e.get().type() == EntityType.PERSON || e.get().type() == EntityType.ORGANIZATION)) {
      return Optional.of(e.get().span());
    }
    return Optional.empty();
  }

  private static Optional<EntityMention> mentionEndingAt(Draft draft, int end) {
    EntityMention best = null;
    for (EntityMention e : draft.entities) {
      int start = e.span().start();
      // "the Washington Post" / "The Post": an article in front belongs to the source
      if (e.span().end() == end && e.type() != EntityType.PLACE) {
        if (best == null || e.span().length() > best.span().length()) {
          best = e;
        }
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String text = draft.text();
    int start = best.span().start();
    for (String article : new String[] {"the ", "The "}) {
      if (start >= article.length() && text.startsWith(article, start - article.length())) {
        return Optional.of(new EntityMention(new Span(start - article.length(), best.span().end()),
            text.substring(start - article.length(), best.span().end()), best.type(),
            best.canonical(), best.source()));
      }
    }
    return Optional.of(best);
  }

  private static Optional<EntityMention> mentionAt(Draft draft, int start, int end) {
    Span probe = new Span(start, Math.max(start, end));
    EntityMention best = null;
    for (EntityMention e : draft.entities) {
      if (e.span().start() <= start && e.span().end() > start || e.span().overlaps(probe) && e.span().start() >= start && e.span().start() <= start + 4) {
        if (best == null || e.span().length() > best.span().length()) {
          best = e;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static Optional<EntityMention> lastPersonBefore(Draft draft, int sentenceStart, int pos) {
    EntityMention best = null;
    for (EntityMention e : draft.entities) {
      if (e.type() == EntityType.PERSON && e.span().end() <= pos
          && (best == null || e.span().start() > best.span().start())) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int phraseEnd(String text, int from, int limit) {
    int i = from;
    int words = 0;
    while (i < limit && words < 14) {
      char c = text.charAt(i);
      if (",;:.!?\n".indexOf(c) >= 0 && !(c == '.' && i + 1 < limit && text.charAt(i + 1) != ' ')
          && !(c == '.' && i + 2 < limit && !Character.isUpperCase(text.charAt(i + 2)))) {
        break;
      }
      if (text.startsWith(" that ", i) || text.startsWith(" which ", i) || text.startsWith(" что ", i)) {
        break;
      }
      if (c == ' ') {
        words++;
      }
      i++;
    }
    while (i > from && text.charAt(i - 1) == ' ') {
      i--;
    }
    return i;
  }

  private static int lastIndexOfAny(String text, int from, int limit, String... needles) {
    int best = -1;
    for (String n : needles) {
      int i = text.lastIndexOf(n, from);
      if (i >= limit && i > best) {
        best = i;
      }
    }
    return best;
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
