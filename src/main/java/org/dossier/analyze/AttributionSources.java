package org.dossier.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;

/**
 * Reads the source an attribution cue names, forwards from the cue ("according to the daily
 * Harlow Courier") or backwards from it ("the ministry's spokeswoman said"): a name the analysis
 * found, a quoted name («Вести Кестрова»), a description ("the daily", "издание", "该报") with the
 * name that follows it, or a run of capitalised words. Every reading looks at a bounded window.
 */
final class AttributionSources {
  /** How a source is written. */
  enum How { NAME, QUOTED, DESCRIPTION, PRONOUN, NOT_A_SOURCE }

  /** A source as read: where it is and its text. */
  record Source(Span span, String text, How how) {}

  private static final int WINDOW = 8;

  private final SourceText t;
  private final String text;
  private final AttributionCues cues;
  private ChineseSources chinese;

  AttributionSources(Draft draft, AttributionCues cues) {
    this.t = new SourceText(draft, cues);
    this.text = draft.text();
    this.cues = cues;
  }

  /** The text and names the sources are read from. */
  SourceText words() {
    return t;
  }

  /** The readers of Chinese sources, over the same text. */
  ChineseSources chinese() {
    if (chinese == null) {
      chinese = new ChineseSources(t);
    }
    return chinese;
  }

  /**
   * The source that starts at {@code from} ("according to |the daily Harlow Courier"), read up to
   * {@code limit}: a pronoun, a name the analysis found, a quoted name, a description (with the
   * name that follows it), or a capitalised name.
   */
  Optional<Source> after(int from, int limit) {
    int p = t.skipSpaces(from, limit);
    if (p >= limit) {
      return Optional.empty();
    }
    Optional<Source> pronoun = pronounAt(p, limit);
    if (pronoun.isPresent()) {
      return pronoun;
    }
    Optional<EntityMention> e = t.mentionAt(p);
    if (e.isPresent() && (e.get().type() == EntityType.PERSON || e.get().type() == EntityType.ORGANIZATION)) {
      return Optional.of(new Source(e.get().span(), e.get().text(), How.NAME));
    }
    Optional<Source> quoted = quotedAt(p, limit);
    if (quoted.isPresent()) {
      return quoted;
    }
    int q = p;
    for (int n = 0; n < 2; n++) {
      int d = t.determinerEnd(q, limit);
      if (d < 0 || Character.isUpperCase(text.charAt(q))) {
        break; // "Le Kestral", "Il Corriere": the article belongs to the name
      }
      q = t.skipSpaces(d, limit);
    }
    // Russian has no articles; "the daily", "le quotidien" keep theirs
    Optional<Source> described = describedAt(cues.language.equals("ru") ? q : p, q, limit);
    return described.isPresent() ? described : nameAt(q, limit);
  }

  /** "according to him": a pronoun standing alone, not "her spokesman". */
  private Optional<Source> pronounAt(int p, int limit) {
    int pe = t.wordEnd(p, limit);
    String w = t.lower(p, pe);
    if (pe > p && (SourceText.PRONOUNS.contains(w) || SourceText.OBJECT_PRONOUNS.contains(w))) {
      int next = t.skipSpaces(pe, limit);
      if (next >= limit || !SourceText.isWordChar(text.charAt(next))) {
        return Optional.of(source(p, pe, How.PRONOUN));
      }
    }
    return Optional.empty();
  }

  /**
   * A description within three words of {@code q} ("the local daily", "two senior officials"),
   * or the name that follows it ("the daily Harlow Courier"); its text starts at {@code first}.
   */
  private Optional<Source> describedAt(int first, int q, int limit) {
    int w = q;
    for (int n = 0; n < 3 && w < limit; n++) {
      int end = t.wordEnd(w, limit);
      if (end == w) {
        return Optional.empty();
      }
      // "Radio Stellan" is a name; but every German noun has a capital
      boolean lower = Character.isLowerCase(text.charAt(w));
      if (cues.isDescription(t.lower(w, end)) && (lower || cues.language.equals("de") || cues.language.equals("en"))) {
        int next = t.skipSpaces(end, limit);
        Optional<Source> named = next == end + 1 ? nameAt(next, limit) : Optional.empty();
        if (named.isEmpty() && cues.language.equals("ru")) {
          named = nameAfterGenitives(next, limit);
        }
        if (named.isPresent()) {
          return named;
        }
        if (Set.of("fr", "es", "it").contains(cues.language) && next == end + 1) {
          int adjective = t.wordEnd(next, limit);
          String a = t.lower(next, adjective);
          if (adjective > next && isAdjectiveLike(new int[] {next, adjective}) && !cues.isDescription(a)
              && !COMPLEMENTS.contains(a)) {
            end = adjective; // "fuentes oficiales", "le quotidien régional"
          }
        }
        return Optional.of(description(first, complementEnd(end, limit)));
      }
      if (n == 0 && !lower && !cues.language.equals("de") && !cues.language.equals("en")
          || end >= limit || text.charAt(end) != ' ') {
        return Optional.empty(); // a name, or the end of the phrase
      }
      w = end + 1;
    }
    return Optional.empty();
  }

  /** "пресс-секретарь министерства Иван Петров": the name after up to three genitive words. */
  private Optional<Source> nameAfterGenitives(int g, int limit) {
    for (int k = 0; k < 3 && g < limit && Character.isLowerCase(text.charAt(g)); k++) {
      int ge = t.wordEnd(g, limit);
      if (ge == g || ge + 1 >= limit || text.charAt(ge) != ' ') {
        break;
      }
      g = ge + 1;
      if (Character.isUpperCase(text.charAt(g))) {
        return nameAt(g, limit);
      }
    }
    return Optional.empty();
  }

  /** A quoted or capitalised name at {@code p}. */
  private Optional<Source> nameAt(int p, int limit) {
    Optional<Source> quoted = quotedAt(p, limit);
    if (quoted.isPresent()) {
      return quoted;
    }
    Optional<EntityMention> e = t.mentionAt(p);
    if (e.isPresent() && e.get().span().start() == p && e.get().type() != EntityType.PLACE
        && Character.isUpperCase(text.charAt(p))) {
      return Optional.of(new Source(e.get().span(), e.get().text(), How.NAME));
    }
    int end = t.capitalisedEnd(p, limit);
    if (end <= p) {
      return Optional.empty();
    }
    String first = t.lower(p, t.wordEnd(p, limit));
    boolean one = t.wordEnd(p, limit) >= end;
    if (one && (SourceText.PRONOUNS.contains(first) || SourceText.NOT_SOURCES.contains(first)) || SourceText.TIME_WORDS.contains(first)
        || t.isStopWord(first) && !cues.determiners.contains(first)) {
      return Optional.empty();
    }
    return Optional.of(new Source(new Span(p, end), text.substring(p, end), How.NAME));
  }

  /** A name in quotes at {@code p}: «Вести Кестрова», „Nordbote“, "Radio Stellan", 《北原日报》. */
  private Optional<Source> quotedAt(int p, int limit) {
    if (p >= limit || SourceText.OPEN_QUOTES.indexOf(text.charAt(p)) < 0) {
      return Optional.empty();
    }
    int max = Math.min(limit, p + 60);
    for (int i = p + 1; i < max; i++) {
      char c = text.charAt(i);
      if (SourceText.CLOSE_QUOTES.indexOf(c) >= 0 && i > p + 1) {
        return nameLike(p + 1, i) ? Optional.of(new Source(new Span(p + 1, i), text.substring(p + 1, i), How.QUOTED))
            : Optional.empty();
      }
      if (c == '\n' || ".!?;,".indexOf(c) >= 0 && (i + 1 >= max || text.charAt(i + 1) == ' ')) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Short, starting with a capital, a digit or a Chinese character: a name, not a quoted remark. */
  private boolean nameLike(int start, int end) {
    char c = text.charAt(start);
    if (!Character.isUpperCase(c) && !Character.isDigit(c) && !SourceText.isHan(c)) {
      return false;
    }
    int words = 1;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == ' ') {
        words++;
      }
    }
    return words <= 6;
  }

  /** The end of "for the ministry", "du ministère", "des Ministeriums", "министерства обороны" after a description. */
  private int complementEnd(int end, int limit) {
    if (end >= limit || text.charAt(end) != ' ') {
      return end;
    }
    int w = end + 1;
    int we = t.wordEnd(w, limit);
    if (we == w) {
      return end;
    }
    String word = t.lower(w, we);
    if (cues.language.equals("ru")) {
      // genitive words up to the clause's end: "представитель министерства обороны,"
      int last = end;
      for (int n = 0; n < 2 && w < limit; n++) {
        we = t.wordEnd(w, limit);
        if (we == w) {
          break;
        }
        last = we;
        if (we >= limit || text.charAt(we) != ' ') {
          break;
        }
        w = we + 1;
      }
      return last < limit && ",.;:!?—–)".indexOf(text.charAt(last)) >= 0 || last == limit ? last : end;
    }
    boolean connector = COMPLEMENTS.contains(word) || word.startsWith("d'") || word.startsWith("d’");
    if (!connector) {
      return end;
    }
    int q = word.startsWith("d'") || word.startsWith("d’") ? w + 2 : t.skipSpaces(we, limit);
    int d = t.determinerEnd(q, limit);
    if (d > 0) {
      q = t.skipSpaces(d, limit);
    }
    int name = t.capitalisedEnd(q, limit);
    if (name > q) {
      return name;
    }
    int noun = t.wordEnd(q, limit);
    // "du ministère", "del comune": a description, or one word that ends the clause
    boolean last = noun >= limit || ",.;:!?»”\")".indexOf(text.charAt(noun)) >= 0;
    return noun > q && (cues.isDescription(t.lower(q, noun)) || last) ? noun : end;
  }

  /**
   * The source that ends just before {@code pos} ("the ministry| said"), not before
   * {@code limit}; {@code skipComma} reads over a comma ("X, citing Y").
   */
  Optional<Source> before(int limit, int pos, boolean skipComma) {
    int end = t.trimBack(pos, limit);
    if (skipComma && end > limit && text.charAt(end - 1) == ',') {
      end = t.trimBack(end - 1, limit);
    }
    if (end <= limit) {
      return Optional.empty();
    }
    char last = text.charAt(end - 1);
    if (last == ',') {
      // "X, who ..., said": back over the clause to the name
      int who = t.lastIndexOfAny(end - 1, limit, ", who ", ", which ", ", который ", ", которая ",
          ", qui ", ", der ", ", die ", ", quien ", ", que ", ", che ");
      if (who < 0) {
        return Optional.empty();
      }
      end = who;
    } else if (SourceText.CLOSE_QUOTES.indexOf(last) >= 0) {
      int open = -1;
      for (int i = end - 2; i >= Math.max(limit, end - 60); i--) {
        if (SourceText.OPEN_QUOTES.indexOf(text.charAt(i)) >= 0) {
          open = i;
          break;
        }
      }
      if (open >= 0 && open + 1 < end - 1 && nameLike(open + 1, end - 1)
          && ".!?,;".indexOf(text.charAt(end - 2)) < 0 && quotedAt(open, end).isPresent()) {
        return Optional.of(new Source(new Span(open + 1, end - 1), text.substring(open + 1, end - 1), How.QUOTED));
      }
      return Optional.empty();
    }
    // "two officials who said", "fuentes que aseguraron", "источники, которые сообщили"
    int rs = end;
    while (rs > limit && SourceText.isWordChar(text.charAt(rs - 1))) {
      rs--;
    }
    if (rs < end && RELATIVES.contains(t.lower(rs, end)) && rs > limit) {
      int before = t.trimBack(rs, limit);
      if (before > limit && text.charAt(before - 1) == ',') {
        before = t.trimBack(before - 1, limit);
      }
      if (before > limit && SourceText.isWordChar(text.charAt(before - 1))) {
        end = before;
      }
    }
    Optional<Source> named = mentionBefore(limit, end);
    if (named.isPresent()) {
      return named;
    }
    return phraseBefore(limit, end);
  }

  private static final Set<String> RELATIVES = Set.of("who", "qui", "que", "che", "quien", "quienes",
      "который", "которая", "которые", "которое");

  /** A name the analysis found, ending at {@code end}, with "the"/"The" in front. */
  private Optional<Source> mentionBefore(int limit, int end) {
    EntityMention e = t.endingAt(end);
    // "the Nordvik Institute (NISS) said": the name before the bracketed acronym
    if (text.charAt(end - 1) == ')') {
      int open = t.lastIndexOf('(', end - 1, limit, 20);
      if (open > limit && end - open < 20) {
        EntityMention named = t.endingAt(t.trimBack(open, limit));
        if (named != null) {
          e = named;
        }
      }
    }
    if (e == null || e.span().start() < limit) {
      return Optional.empty();
    }
    // "Miriam Okafor-Lind of the Halden Institute told ...": the person speaks, not the institute
    int s = e.span().start();
    if (e.type() != EntityType.PERSON) {
      for (String of : new String[] {" of the ", " at the ", " from the ", " of ", " at ", " from ", " из "}) {
        if (s - of.length() > limit && text.startsWith(of, s - of.length())) {
          EntityMention person = t.endingAt(s - of.length());
          if (person != null && person.type() == EntityType.PERSON) {
            return Optional.of(new Source(person.span(), person.text(), How.NAME));
          }
        }
      }
    }
    for (String article : new String[] {"the ", "The "}) {
      if (s - article.length() >= limit && text.startsWith(article, s - article.length())) {
        Span span = new Span(s - article.length(), e.span().end());
        return Optional.of(new Source(span, text.substring(span.start(), span.end()), How.NAME));
      }
    }
    return Optional.of(new Source(e.span(), text.substring(s, e.span().end()), How.NAME));
  }

  /** A pronoun, a capitalised name or a description ending at {@code end}, back to the clause's start. */
  private Optional<Source> phraseBefore(int limit, int end) {
    List<int[]> words = wordsBefore(limit, end);
    int n = words.size();
    if (n == 0) {
      return Optional.empty();
    }
    String lastWord = word(words, n - 1);
    if (SourceText.PRONOUNS.contains(lastWord)) {
      return Optional.of(source(words.get(n - 1)[0], end, How.PRONOUN));
    }
    if (SourceText.NOT_SOURCES.contains(lastWord)) {
      return Optional.of(source(words.get(n - 1)[0], end, How.NOT_A_SOURCE));
    }
    // leading words that cannot start a source: "In", "Am Montag", "Hier", "Вчера", "18"
    int from = 0;
    while (from < n) {
      String w = word(words, from);
      if (SourceText.TIME_WORDS.contains(w) || t.isStopWord(w) && !cues.determiners.contains(w)
          || Character.isDigit(w.charAt(0))) {
        from++;
      } else {
        break;
      }
    }
    if (from >= n) {
      return Optional.empty();
    }
    int noun = -1;
    if (cues.isDescription(lastWord)) {
      noun = n - 1;
    } else if (Set.of("fr", "es", "it").contains(cues.language) && n - 2 >= from
        && cues.isDescription(word(words, n - 2)) && !capitalised(words.get(n - 1)) && isAdjectiveLike(words.get(n - 1))) {
      noun = n - 2; // "le quotidien régional"
    }
    return noun >= 0 ? Optional.of(descriptionBefore(words, from, noun, end)) : nameBefore(words, from, end);
  }

  /** Up to {@link #WINDOW} words ending at {@code end}, back to punctuation or a word like "and", "что". */
  private List<int[]> wordsBefore(int limit, int end) {
    List<int[]> words = new ArrayList<>();
    int i = end;
    while (words.size() < WINDOW) {
      int w = i;
      while (w > limit && SourceText.isWordChar(text.charAt(w - 1))) {
        w--;
      }
      if (w == i || cues.stops.contains(t.lower(w, i))) {
        break;
      }
      words.add(0, new int[] {w, i});
      if (w - 1 <= limit || text.charAt(w - 1) != ' ') {
        break;
      }
      i = w - 1;
    }
    return words;
  }

  /** A capitalised name at the end of {@code words}: "Anna Kovač", "Radio Stellan", "the Harlow Courier". */
  private Optional<Source> nameBefore(List<int[]> words, int from, int end) {
    int n = words.size();
    int start = n;
    for (int k = n - 1; k >= from; k--) {
      String w = word(words, k);
      if (capitalised(words.get(k)) && !SourceText.TIME_WORDS.contains(w)) {
        start = k;
      } else if (!(start == k + 1 && k > from && cues.connectors.contains(w) && capitalised(words.get(k - 1)))) {
        break;
      }
    }
    if (start >= n || n - start > 5) {
      return Optional.empty();
    }
    if (cues.language.equals("de")) {
      for (int k = n - 2; k >= start; k--) {
        if (cues.isDescription(word(words, k))) {
          start = k + 1; // "Sprecher Max Berger"
          break;
        }
      }
    }
    String first = word(words, start);
    if (n - start == 1 && (t.isStopWord(first) || cues.determiners.contains(first))) {
      return Optional.empty();
    }
    int k = start - 1;
    if (k >= from && cues.determiners.contains(word(words, k))) {
      k--;
    }
    if (k > from && COMPLEMENTS.contains(word(words, k)) && cues.isDescription(word(words, k - 1))) {
      // "a spokesman for the Harlow Courier": the spokesman speaks
      return Optional.of(descriptionBefore(words, from, k - 1, end));
    }
    int s = words.get(start)[0];
    if (cues.language.equals("en") && start >= 1 && word(words, start - 1).equals("the")) {
      s = words.get(start - 1)[0];
    }
    return Optional.of(source(s, end, How.NAME));
  }

  /**
   * A description whose noun is {@code words[noun]}, with its determiner, adjectives and what it
   * belongs to: "the ministry", "a spokesman for the ministry", "le porte-parole du ministère".
   */
  private Source descriptionBefore(List<int[]> words, int from, int noun, int end) {
    int start = noun;
    for (int hops = 0; hops < 4 && start > from; hops++) {
      String w = word(words, start - 1);
      if (cues.determiners.contains(w) || COMPLEMENTS.contains(w) || cues.isDescription(w)
          || isAdjectiveLike(words.get(start - 1))) {
        start--;
      } else {
        break;
      }
    }
    while (start < noun && COMPLEMENTS.contains(word(words, start)) && !cues.determiners.contains(word(words, start))) {
      start++;
    }
    return source(words.get(start)[0], end, How.DESCRIPTION);
  }

  /** Words that join a description to what it belongs to: "a spokesman for the ministry". */
  private static final Set<String> COMPLEMENTS = Set.of("of", "for", "at", "from", "du", "des", "de", "d'",
      "d’", "der", "von", "vom", "del", "della", "dello", "dei", "degli", "delle", "di");

  private String word(List<int[]> words, int k) {
    return t.lower(words.get(k)[0], words.get(k)[1]);
  }

  private boolean isAdjectiveLike(int[] word) {
    char c = text.charAt(word[0]);
    String w = t.lower(word[0], word[1]);
    return (Character.isLowerCase(c) || cues.language.equals("en")) && !t.isStopWord(w)
        && !cues.stops.contains(w) && !SourceText.TIME_WORDS.contains(w) && !SourceText.NOT_SOURCES.contains(w);
  }

  private boolean capitalised(int[] word) {
    return Character.isUpperCase(text.charAt(word[0]));
  }

  private Source description(int start, int end) {
    return new Source(new Span(start, end), text.substring(start, end), How.DESCRIPTION);
  }

  private Source source(int start, int end, How how) {
    return new Source(new Span(start, end), text.substring(start, end), how);
  }
}
