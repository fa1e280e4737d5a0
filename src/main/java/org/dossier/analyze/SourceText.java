package org.dossier.analyze;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;

/**
 * The text sources are read from: its words, the names the analysis found in it (indexed by where
 * they start and end), the stop words of its language, and the small word lists every language
 * shares (pronouns, words that are never sources, days and months).
 */
final class SourceText {
  static final String OPEN_QUOTES = "«“„\"‹‘《「";
  static final String CLOSE_QUOTES = "»”“\"›’》」";
  static final String PUNCT = ",.;:!?\"“”«»„()[]—–/|…‹›《》「」，。；：！？（）、";
  static final Set<String> PRONOUNS = Set.of("he", "she", "they", "он", "она", "они", "il", "elle", "ils",
      "elles", "er", "sie", "él", "ella", "ellos", "ellas", "lui", "lei", "loro", "egli", "essa", "esso",
      "他", "她", "他们", "她们");
  static final Set<String> OBJECT_PRONOUNS = Set.of("him", "her", "them", "ним", "ней", "них", "нему",
      "eux", "ihm", "ihr", "ihnen");
  static final Set<String> NOT_SOURCES = Set.of("it", "this", "that", "which", "who", "these", "those",
      "what", "it's", "это", "что", "который", "которая", "которые", "кто", "этом", "cela", "ceci", "ce",
      "on", "qui", "es", "das", "dies", "man", "wer", "esto", "eso", "ello", "quien", "ciò", "questo",
      "questa", "chi", "documents", "the documents");
  static final Set<String> TIME_WORDS = Set.of(("monday tuesday wednesday thursday friday "
      + "saturday sunday january february march april may june july august september october november "
      + "december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tonight tomorrow "
      + "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet "
      + "août septembre octobre novembre décembre hier aujourd'hui montag dienstag mittwoch donnerstag "
      + "freitag samstag sonntag januar februar märz juni juli oktober dezember gestern heute morgen "
      + "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio "
      + "agosto septiembre octubre noviembre diciembre ayer hoy lunedì martedì mercoledì giovedì venerdì "
      + "sabato domenica gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre ieri "
      + "oggi вчера сегодня понедельник вторник среду четверг пятницу субботу воскресенье").split(" "));
  private static final Map<String, CharArraySet> STOP_WORDS = new ConcurrentHashMap<>();

  final Draft draft;
  final String text;
  final AttributionCues cues;
  final CharArraySet stopWords;
  private final EntityMention[] byStart;
  private final Map<Integer, EntityMention> byEnd = new HashMap<>();

  SourceText(Draft draft, AttributionCues cues) {
    this.draft = draft;
    this.text = draft.text();
    this.cues = cues;
    this.stopWords = STOP_WORDS.computeIfAbsent(cues.language, SourceText::loadStopWords);
    byStart = draft.entities().toArray(new EntityMention[0]);
    Arrays.sort(byStart, Comparator.comparingInt(e -> e.span().start()));
    for (EntityMention e : byStart) {
      if (e.type() != EntityType.PLACE && (e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION
          || !e.text().isEmpty() && !Character.isLowerCase(e.text().charAt(0)))) {
        byEnd.merge(e.span().end(), e, (a, b) -> a.span().length() >= b.span().length() ? a : b);
      }
    }
  }

  /** The name the analysis found at {@code start}, or starting a few characters after it ("the "). */
  Optional<EntityMention> mentionAt(int start) {
    int lo = 0;
    int hi = byStart.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (byStart[mid].span().start() <= start + 4) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    EntityMention best = null;
    for (int k = lo - 1; k >= 0 && k >= lo - 12; k--) {
      EntityMention e = byStart[k];
      boolean covers = e.span().start() <= start && e.span().end() > start;
      boolean soon = e.span().start() >= start && e.span().start() <= start + 4
          && text.substring(start, e.span().start()).matches("(?i)(?:the |)");
      if ((covers || soon) && (best == null || e.span().length() > best.span().length())) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The last person named before {@code pos}, for a pronoun. */
  Optional<EntityMention> lastPersonBefore(int pos) {
    EntityMention best = null;
    for (EntityMention e : byStart) {
      if (e.span().start() >= pos) {
        break;
      }
      if (e.type() == EntityType.PERSON && e.span().end() <= pos) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The end of a capitalised run from {@code p}: "Anna Kovač", "Ministry of Defence", "Radio Stellan". */
  int capitalisedEnd(int p, int limit) {
    int end = p;
    int i = p;
    for (int words = 0; words < 6 && i < limit; words++) {
      int we = wordEnd(i, limit);
      if (we == i) {
        break;
      }
      boolean upper = Character.isUpperCase(text.charAt(i)) && !TIME_WORDS.contains(lower(i, we));
      if (upper) {
        end = we;
        // an initial: "Anna V. Kovač"
        if (we - i == 1 && we < limit && text.charAt(we) == '.') {
          end = we + 1;
          we = we + 1;
        }
      } else if (!(end > p && cues.connectors.contains(lower(i, we)) && we + 1 < limit
          && Character.isUpperCase(text.charAt(we + 1)))) {
        break;
      }
      if (we >= limit || text.charAt(we) != ' ') {
        break;
      }
      i = we + 1;
    }
    return end;
  }

  int determinerEnd(int q, int limit) {
    int end = wordEnd(q, limit);
    if (end == q) {
      return -1;
    }
    String w = lower(q, end);
    if (cues.determiners.contains(w)) {
      return end;
    }
    // elision: "l'agence", "dell'agenzia"
    for (String el : new String[] {"l'", "l’"}) {
      if (w.startsWith(el) && w.length() > 2 && cues.determiners.contains(el)) {
        return q + 2;
      }
    }
    return -1;
  }

  int wordEnd(int i, int limit) {
    while (i < limit && isWordChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) && !isHan(c) || c == '-' || c == '\'' || c == '’' || c == '&';
  }

  static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  String lower(int start, int end) {
    return text.substring(start, end).toLowerCase(Locale.ROOT);
  }

  int skipSpaces(int i, int limit) {
    while (i < limit && (text.charAt(i) == ' ' || text.charAt(i) == '\u00a0')) {
      i++;
    }
    return i;
  }

  int trimBack(int end, int limit) {
    while (end > limit && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** The last of {@code needles} that starts at or before {@code from}, no further back than {@code limit} or 200 characters. */
  int lastIndexOfAny(int from, int limit, String... needles) {
    for (int i = from; i >= Math.max(limit, from - 200); i--) {
      for (String n : needles) {
        if (text.startsWith(n, i)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The last {@code c} at or before {@code from}, no further back than {@code limit} or {@code window} characters. */
  int lastIndexOf(char c, int from, int limit, int window) {
    for (int i = Math.min(from, text.length() - 1); i >= Math.max(limit, from - window); i--) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }


  private static CharArraySet loadStopWords(String language) {
    String file = switch (language) {
      case "ru" -> "russian_stop.txt";
      case "fr" -> "french_stop.txt";
      case "de" -> "german_stop.txt";
      case "es" -> "spanish_stop.txt";
      case "it" -> "italian_stop.txt";
      case "zh" -> "";
      default -> "english_stop.txt";
    };
    if (file.isEmpty()) {
      return CharArraySet.EMPTY_SET;
    }
    try (InputStream in = org.apache.lucene.analysis.snowball.SnowballFilter.class.getResourceAsStream(file)) {
      return in == null ? CharArraySet.EMPTY_SET
          : WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return CharArraySet.EMPTY_SET;
    }
  }

  /** The name the analysis found that ends at {@code end} (persons, organisations, capitalised others). */
  EntityMention endingAt(int end) {
    return byEnd.get(end);
  }

  /** A stop word of the text's language (Snowball's lists). */
  boolean isStopWord(String lowerCaseWord) {
    return stopWords.contains(lowerCaseWord);
  }
}
