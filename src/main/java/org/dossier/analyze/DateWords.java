package org.dossier.analyze;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of dates in English, Russian, French, German, Spanish, Italian and Portuguese:
 * month names and their common abbreviations, weekdays, and the words before a month or a year
 * that make it one ("en avril", "im Jahr 2019", "nel 2014"). Looked up word by word, so one pass
 * over a text finds them all.
 */
final class DateWords {
  /**
   * A month or weekday word. {@code capital}: only when written with a capital (English and German
   * "May", "März", "Montag"; "may" is a verb); {@code languages}: only in those (null: any), for
   * abbreviations that are other words elsewhere ("set", "gen", "ago").
   */
  record Word(int month, DayOfWeek weekday, String language, boolean capital, Set<String> languages,
      boolean abbreviation) {}

  private static final Map<String, Word> WORDS = new HashMap<>();

  static {
    String[][] en = {{"january"}, {"february"}, {"march"}, {"april"}, {"may"}, {"june"}, {"july"},
      {"august"}, {"september"}, {"october"}, {"november"}, {"december"}};
    String[][] enShort = {{"jan"}, {"feb"}, {"mar"}, {"apr"}, {}, {"jun"}, {"jul"}, {"aug"},
      {"sep", "sept"}, {"oct"}, {"nov"}, {"dec"}};
    String[][] de = {{"januar", "jänner"}, {"februar"}, {"märz", "maerz"}, {"april"}, {"mai"},
      {"juni"}, {"juli"}, {"august"}, {"september"}, {"oktober"}, {"november"}, {"dezember"}};
    String[][] deShort = {{}, {}, {"mär"}, {}, {}, {}, {}, {}, {}, {"okt"}, {}, {"dez"}};
    String[][] fr = {{"janvier"}, {"février", "fevrier"}, {"mars"}, {"avril"}, {"mai"}, {"juin"},
      {"juillet"}, {"août", "aout"}, {"septembre"}, {"octobre"}, {"novembre"}, {"décembre", "decembre"}};
    String[][] frShort = {{"janv"}, {"févr", "fevr"}, {}, {"avr"}, {}, {}, {"juil"}, {}, {},
      {}, {}, {"déc"}};
    String[][] es = {{"enero"}, {"febrero"}, {"marzo"}, {"abril"}, {"mayo"}, {"junio"}, {"julio"},
      {"agosto"}, {"septiembre", "setiembre"}, {"octubre"}, {"noviembre"}, {"diciembre"}};
    String[][] esShort = {{"ene"}, {}, {}, {"abr"}, {}, {}, {}, {}, {}, {}, {}, {"dic"}};
    String[][] it = {{"gennaio"}, {"febbraio"}, {"marzo"}, {"aprile"}, {"maggio"}, {"giugno"},
      {"luglio"}, {"agosto"}, {"settembre"}, {"ottobre"}, {"novembre"}, {"dicembre"}};
    String[][] itShort = {{}, {}, {}, {}, {}, {"giu"}, {"lug"}, {}, {}, {"ott"}, {}, {}};
    String[][] pt = {{"janeiro"}, {"fevereiro"}, {"março"}, {"abril"}, {"maio"}, {"junho"},
      {"julho"}, {"agosto"}, {"setembro"}, {"outubro"}, {"novembro"}, {"dezembro"}};
    String[][] ru = {
      {"январь", "января", "январе"}, {"февраль", "февраля", "феврале"}, {"март", "марта", "марте"},
      {"апрель", "апреля", "апреле"}, {"май", "мая", "мае"}, {"июнь", "июня", "июне"},
      {"июль", "июля", "июле"}, {"август", "августа", "августе"},
      {"сентябрь", "сентября", "сентябре"}, {"октябрь", "октября", "октябре"},
      {"ноябрь", "ноября", "ноябре"}, {"декабрь", "декабря", "декабре"}
    };
    for (int m = 0; m < 12; m++) {
      // lower-case forms first, so that a word shared by languages keeps the laxest rule
      months(ru[m], m + 1, "ru", false, false);
      months(pt[m], m + 1, "pt", false, false);
      months(it[m], m + 1, "it", false, false);
      months(itShort[m], m + 1, "it", false, true);
      months(es[m], m + 1, "es", false, false);
      months(esShort[m], m + 1, "es", false, true);
      months(fr[m], m + 1, "fr", false, false);
      months(frShort[m], m + 1, "fr", false, true);
      months(en[m], m + 1, "en", true, false);
      months(enShort[m], m + 1, "en", true, true);
      months(de[m], m + 1, "de", true, false);
      months(deShort[m], m + 1, "de", true, true);
    }
    // abbreviations that are words of their own elsewhere: only in their language, after a day
    WORDS.put("set", new Word(9, null, "it", false, Set.of("it"), true));
    WORDS.put("gen", new Word(1, null, "it", false, Set.of("it"), true));
    WORDS.put("mag", new Word(5, null, "it", false, Set.of("it"), true));
    WORDS.put("ago", new Word(8, null, "es", false, Set.of("es", "it"), true));
    WORDS.put("may", new Word(5, null, "en", true, null, false));
    // "mars" is the planet in English; "Mai" is May in German and French alike
    WORDS.put("mars", new Word(3, null, "fr", false, Set.of("fr"), false));
    for (String lower : new String[] {"mar", "oct", "nov", "feb", "jun", "jul", "sep", "sept"}) {
      WORDS.put(lower, new Word(WORDS.get(lower).month(), null, "en", false, null, true));
    }
    weekdays("en", true, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    weekdays("de", true, "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag");
    WORDS.put("sonnabend", new Word(0, DayOfWeek.SATURDAY, "de", true, null, false));
    weekdays("fr", false, "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche");
    weekdays("es", false, "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo");
    weekdays("it", false, "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica");
    weekdays("it", false, "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica");
    weekdays("ru", false, "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье");
  }

  private static void months(String[] words, int month, String language, boolean capital, boolean abbreviation) {
    for (String w : words) {
      Word had = WORDS.get(w);
      if (had == null || had.capital() && !capital) {
        WORDS.put(w, new Word(month, null, language, capital, null, abbreviation));
      }
    }
  }

  private static void weekdays(String language, boolean capital, String... days) {
    for (int d = 0; d < 7; d++) {
      WORDS.put(days[d], new Word(0, DayOfWeek.of(d + 1), language, capital, null, false));
    }
  }

  /** Letters (below U+0500) that some month or weekday word starts with. */
  private static final boolean[] FIRST = new boolean[0x500];

  static {
    for (String w : WORDS.keySet()) {
      if (w.charAt(0) < FIRST.length) {
        FIRST[w.charAt(0)] = true;
      }
    }
  }

  private DateWords() {}

  /** False when no month or weekday word starts with {@code c}: the word needs no look-up. */
  static boolean mayStart(char c) {
    char f = Character.toLowerCase(c);
    return f >= FIRST.length || FIRST[f];
  }

  /** The month or weekday a word names in a text of {@code language}, or null. */
  static Word lookup(String word, String language) {
    if (word.length() < 3 || word.length() > 12) {
      return null;
    }
    Word w = WORDS.get(word.toLowerCase(Locale.ROOT));
    if (w == null || w.capital() && !Character.isUpperCase(word.charAt(0))) {
      return null;
    }
    if (w.languages() != null && !w.languages().contains(language)) {
      return null;
    }
    return w;
  }

  /**
   * Words before a month alone that make it a date: "in April", "en avril", "im April", "a
   * maggio", "в октябре"; by the month word's language.
   */
  static final Map<String, Set<String>> BEFORE_MONTH = Map.of(
      "en", Set.of("in", "since", "until", "by", "from", "during", "early", "late", "mid",
          "earlier in", "later in", "end of", "beginning of"),
      "fr", Set.of("en", "depuis", "dès", "début", "fin", "mi", "jusqu'en", "courant", "d'ici"),
      "de", Set.of("im", "seit", "anfang", "ende", "mitte", "bis"),
      "es", Set.of("en", "desde", "hasta", "finales de", "principios de", "mediados de"),
      "it", Set.of("a", "ad", "in", "da", "entro", "fine", "inizio", "metà", "dal", "nel mese di"),
      "pt", Set.of("em", "desde", "até"),
      "ru", Set.of("в", "с", "до", "к", "в начале", "в конце", "в середине"));
}
