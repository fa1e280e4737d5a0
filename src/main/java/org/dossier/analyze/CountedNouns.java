package org.dossier.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;

/**
 * The words after a number that name what it counts, in every language the analyzer reads:
 * "14 joint exercises", "12,5 millones de registros", "2000 Soldaten", "700.000 documenti",
 * "пяти полков", "an 800-page dossier", "8000-Seelen-Ort", "a 23-year-old", "36套火箭炮系统";
 * and whether they name materiel. Also tells a year from a count: "2015 révèlent" is a year,
 * "2000 soldats" a count.
 */
final class CountedNouns {
  private static final int NOUN_WORDS = 6;
  /** Han characters kept after a measure word, at most. */
  private static final int HAN_NOUN = 8;

  /** The words after a number naming what is counted, and whether they name materiel. */
  record Noun(String words, boolean materiel, int end) {}

  /** Words that end a noun phrase after a number (function words of all the languages). */
  static final Set<String> STOP = set(
      "and", "or", "to", "for", "in", "on", "by", "with", "from", "that", "which", "who", "were",
      "was", "will", "would", "are", "is", "as", "at", "of", "the", "a", "an", "than", "but",
      "into", "per", "each", "has", "have", "had", "be", "been", "it", "this", "its", "their",
      "и", "или", "в", "во", "на", "для", "с", "со", "по", "за", "от", "к", "что", "которые",
      "который", "также", "а", "но", "из", "до", "о", "об", "при", "не",
      // French
      "de", "des", "du", "d'", "la", "le", "les", "l'", "et", "ou", "en", "dans", "pour", "par",
      "sur", "avec", "qui", "que", "à", "au", "aux", "est", "sont", "ont", "a", "était", "sera",
      "se", "ce", "ces", "son", "sa", "ses", "leur", "leurs", "pas", "ne", "il", "elle", "ils",
      // Spanish, Portuguese
      "y", "e", "el", "los", "las", "del", "al", "con", "por", "para", "es", "son", "fue", "han",
      "ha", "su", "sus", "se", "lo", "un", "una", "o", "no", "em", "os", "as", "do", "da", "dos",
      // German
      "und", "oder", "der", "die", "das", "den", "dem", "des", "im", "mit", "von", "für", "auf",
      "ist", "sind", "war", "waren", "wurde", "wurden", "hat", "haben", "bei", "zu", "zum", "zur",
      "nach", "aus", "ein", "eine", "wie", "nicht", "auch", "bis", "vor", "als", "sich",
      // Italian
      "il", "lo", "gli", "i", "di", "della", "dei", "degli", "delle", "nel", "nella", "per",
      "su", "che", "è", "sono", "era", "ha", "hanno", "con", "tra", "fra", "ed", "ad");

  /** Words that follow a number without naming what it counts. */
  private static final Set<String> NOT_NOUNS = set(
      "ago", "later", "earlier", "more", "less", "times", "percent", "per", "held", "said",
      "were", "are", "almost", "nearly", "about", "only", "alone", "each", "apiece",
      "назад", "раз", "раза", "более", "менее", "fois", "plus", "moins", "environ", "veces", "más",
      "menos", "mal", "mehr", "weniger", "volte", "più", "meno", "circa", "mais");

  /** English verbs that end in -s and may follow a year: "2019 marks", "2020 brings". */
  private static final Set<String> VERBS_S = set(
      "marks", "sees", "brings", "begins", "ends", "remains", "becomes", "looks", "promises",
      "proves", "shows", "means", "was", "is", "has", "does", "goes", "gives", "makes", "takes",
      "seems", "comes", "starts", "follows", "saw", "began");

  /** Head nouns of materiel: what makes a count a quantity of things. */
  private static final Pattern MATERIEL = Pattern.compile(
      "(?iu)^(vehicles?|carriers?|apcs?|ifvs?|guns?|tanks?|howitzers?|mortars?|launchers?|systems?|"
          + "aircraft|planes?|jets?|fighters?|bombers?|helicopters?|drones?|uavs?|missiles?|rockets?|"
          + "rifles?|ships?|boats?|vessels?|submarines?|frigates?|trucks?|radars?|sets?|pieces?|"
          + "rounds?|shells?|munitions?|units?|kits?|machines?|transporters?|stations?|containers?|crates?|"
          + "engines?|parachutes?|terminals?|antennas?|generators?|"
          + "машин[аы]?|единиц[аы]?|орудий|орудия|бронетранспорт[её]р(?:ов|а)?|танк(?:ов|а)?|"
          + "самол[её]т(?:ов|а)?|вертол[её]т(?:ов|а)?|систем[аы]?|комплект(?:ов|а)?|ракет[аы]?|"
          + "штук[аи]?|шт|ед|компл|установ(?:ок|ки|ка)|бмп|бтр|бмд|катер(?:ов|а)?|"
          + "véhicules?|chars?|avions?|hélicoptères?|missiles?|navires?|blindés?|canons?|"
          + "vehículos|tanques|aviones|helicópteros|misiles|buques|lanzacohetes|"
          + "fahrzeuge|panzer|flugzeuge|hubschrauber|raketen|schiffe|haubitzen|"
          + "veicoli|carri|aerei|elicotteri|missili|navi|blindati)$");

  /** A designation such as BMD-4M, Sprut-SDM1, 2S25M, Kestrel-9M, Тайга-СП. */
  static final Pattern DESIGNATION = Pattern.compile(
      "^[«\"“]?(\\p{Lu}[\\p{L}]*-?\\p{N}+[\\p{L}\\p{N}]*|\\p{Lu}{2,}-[\\p{Lu}\\p{N}]+|\\p{Lu}[\\p{Ll}]+-\\p{Lu}{1,4}\\p{N}*|\\p{N}\\p{Lu}\\p{N}+\\p{Lu}?)[»\"”]?$");

  /** Chinese measure words for materiel, then the noun after them. */
  private static final String ZH_MATERIEL = "辆輛门門架艘枚套部台具";
  /** Chinese measure words for other counts, then the noun after them. */
  private static final String ZH_MEASURE = "个個名张張份项項座位场場件条條批支把篇封家所起股块塊本幅首间間";
  /** Chinese counters that are the counted noun themselves. */
  private static final Pattern ZH_COUNTER = Pattern.compile("^(个月|個月|周岁|週歲|次|人|页|頁|年|天|周|週|岁|歲|户|戶|国|國)");
  /** Where a Chinese noun after a measure word ends. */
  private static final String ZH_STOP = "的、，。；：！？（）()「」“”《》和与與及或等也都了在是将將从從向对對把给給于於为為中内內";

  /**
   * The units a Russian or German adjective joins to a number, by the root that follows the
   * numeral, and the unit's word as the glossary knows it: "-дневн-" day, "-недельн-" week,
   * "-tägig" day. Years ("-летн-", "-jährig") are not here: those words are read as ages, the
   * noun kept as written ({@link Ages}).
   */
  private static final Map<String, Map<String, String>> JOINED_UNITS = Map.of(
      "ru", Map.ofEntries(Map.entry("дневн", "день"), Map.entry("суточн", "сутки"), Map.entry("недельн", "неделя"),
          Map.entry("месячн", "месяц"), Map.entry("годичн", "год"),
          Map.entry("часов", "час"), Map.entry("минутн", "минута"), Map.entry("километров", "километр"),
          Map.entry("тонн", "тонна"), Map.entry("этажн", "этаж"), Map.entry("местн", "место"),
          Map.entry("томн", "том"), Map.entry("моторн", "мотор")),
      "de", Map.ofEntries(Map.entry("tägig", "Tag"), Map.entry("wöchig", "Woche"), Map.entry("monatig", "Monat"),
          Map.entry("stündig", "Stunde"), Map.entry("minütig", "Minute"),
          Map.entry("seitig", "Seite"), Map.entry("köpfig", "Kopf"), Map.entry("stöckig", "Stock"),
          Map.entry("motorig", "Motor"), Map.entry("sitzig", "Sitz")));
  /** The endings an adjective on one of those roots takes (none: "-tägig" alone). */
  private static final Pattern ADJECTIVE_ENDING = Pattern.compile(
      "|ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими|e|en|er|es|em");

  private CountedNouns() {}

  /**
   * The unit an adjective's rest names after a number joined to it ("дневного" in
   * "двухдневного", "-летний" in "5-летний", "tägigen" in "zweitägigen"): the unit's word in the
   * glossary, or null when the rest is not a unit root with an adjective's ending ("летие",
   * "нар").
   */
  static String joinedUnit(String rest, String language) {
    Map<String, String> roots = JOINED_UNITS.get(language);
    if (roots == null) {
      return null;
    }
    String r = rest.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : roots.entrySet()) {
      if (r.startsWith(e.getKey()) && ADJECTIVE_ENDING.matcher(r.substring(e.getKey().length())).matches()) {
        return e.getValue();
      }
    }
    return null;
  }

  /** True for a Chinese measure word ("45辆电动公交车": 辆 is the measure, not the noun). */
  static boolean isMeasureWord(char c) {
    return ZH_MATERIEL.indexOf(c) >= 0 || ZH_MEASURE.indexOf(c) >= 0;
  }

  /** A set of words that may repeat across languages. */
  private static Set<String> set(String... words) {
    return Set.copyOf(new java.util.HashSet<>(java.util.Arrays.asList(words)));
  }

  /**
   * The noun after a number ending at {@code from}.
   *
   * @param afterScale a scale word stands between ("12,5 millones de registros"): "de", "di",
   *     "of" may come before the noun
   */
  static Noun noun(Draft draft, int from, int lineEnd, boolean afterScale) {
    String text = draft.text();
    String language = draft.language();
    int i = from;
    // "an 800-page dossier", "a 23-year-old", "8000-Seelen-Ort": the noun is joined to the number
    if (i < lineEnd && (text.charAt(i) == '-' || text.charAt(i) == '\u2011')) {
      int e = i + 1;
      int first = -1;
      while (e < lineEnd && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '-'
          && e + 1 < lineEnd && Character.isLetter(text.charAt(e + 1)))) {
        if (text.charAt(e) == '-' && first < 0) {
          first = e;
        }
        e++;
      }
      if (e > i + 1 && !NumberWords.isHan(text.charAt(i + 1))) {
        String chain = text.substring(i + 1, e);
        if (!Ages.isJoinedAge(chain) && first > 0) {
          e = first; // "8000-Seelen-Ort" counts Seelen
        }
        String w = text.substring(i + 1, e);
        int old = Ages.oldAfter(text, w, e);
        if (old > 0) {
          return new Noun(text.substring(i + 1, old), false, old); // "the 21-year old": an age
        }
        String unit = Ages.isJoinedAge(w) ? null : joinedUnit(w, language);
        if (unit != null) {
          return new Noun(unit, false, e); // "5-летний": 5 of год, as "пятилетний"
        }
        return new Noun(w, MATERIEL.matcher(w).matches(), e);
      }
    }
    while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0')) {
      i++;
    }
    i = skipWrittenOut(text, i, lineEnd);
    if (i < lineEnd && NumberWords.isHan(text.charAt(i))) {
      return chinese(text, i, lineEnd);
    }
    if (afterScale) {
      i = skipLinkWord(text, i, lineEnd);
    }
    List<int[]> words = new ArrayList<>();
    int j = i;
    while (words.size() < NOUN_WORDS && j < lineEnd) {
      while (j < lineEnd && text.charAt(j) == ' ') {
        j++;
      }
      int s = j;
      while (j < lineEnd && !Character.isWhitespace(text.charAt(j)) && ",.;:!?()[]".indexOf(text.charAt(j)) < 0) {
        j++;
      }
      if (j == s) {
        break;
      }
      String w = text.substring(s, j);
      String bare = stripQuotes(w);
      if (STOP.contains(w.toLowerCase(Locale.ROOT)) || !Character.isLetter(bare.isEmpty() ? '0' : bare.charAt(0))) {
        break;
      }
      words.add(new int[] {s, j});
      if (j < lineEnd && ",.;:!?()".indexOf(text.charAt(j)) >= 0) {
        break;
      }
    }
    if (words.isEmpty()) {
      return new Noun("", false, from);
    }
    // the noun phrase is materiel if a word in it is a materiel head noun, a designation, or a
    // piece of equipment the gazetteer knows
    for (int k = 0; k < words.size(); k++) {
      int[] w = words.get(k);
      String word = stripQuotes(text.substring(w[0], w[1]));
      if (MATERIEL.matcher(word).matches() || DESIGNATION.matcher(word).matches()
          || equipmentAt(draft, w[0], w[1])) {
        int e = w[1];
        // "37 light amphibious assault vehicles": keep the head; "37 BMD-4M light amphibious
        // vehicles": keep going to the head noun that follows a designation
        for (int k2 = k + 1; k2 < words.size(); k2++) {
          String later = stripQuotes(text.substring(words.get(k2)[0], words.get(k2)[1]));
          if (MATERIEL.matcher(later).matches()) {
            e = words.get(k2)[1];
          }
        }
        return new Noun(text.substring(i, e), true, e);
      }
    }
    // otherwise a count: its first word or two ("14 joint exercises", "800 pages")
    int take = Math.min(words.size(), run(text, words, language));
    if (take == 0) {
      return new Noun("", false, from);
    }
    int e = words.get(take - 1)[1];
    String noun = text.substring(i, e);
    int old = Ages.oldAfter(text, noun, e);
    if (old > 0) {
      return new Noun(text.substring(i, old), false, old);
    }
    return new Noun(noun, false, e);
  }

  /** Past "de", "d'", "di", "of" between a scale word and the noun. */
  private static int skipLinkWord(String text, int i, int lineEnd) {
    for (String w : new String[] {"de ", "d'", "d’", "di ", "of "}) {
      if (text.regionMatches(true, i, w, 0, w.length())) {
        int j = i + w.length();
        while (j < lineEnd && text.charAt(j) == ' ') {
          j++;
        }
        return j;
      }
    }
    return i;
  }

  /** "36套火箭炮系统", "3000多张照片", "1937名被拘留者", "37辆", "21岁". */
  private static Noun chinese(String text, int i, int lineEnd) {
    int k = i;
    if (text.charAt(k) == '多' || text.charAt(k) == '余' || text.charAt(k) == '餘') {
      k++; // "3000多张": the qualifier is read by Qualifiers
    }
    if (k >= lineEnd) {
      return new Noun("", false, i);
    }
    char c = text.charAt(k);
    boolean materiel = ZH_MATERIEL.indexOf(c) >= 0;
    if (materiel || ZH_MEASURE.indexOf(c) >= 0) {
      int e = k + 1;
      while (e < lineEnd && e - k <= HAN_NOUN && NumberWords.isHan(text.charAt(e))
          && ZH_STOP.indexOf(text.charAt(e)) < 0 && !ChineseNumerals.isNumeral(text.charAt(e))) {
        e++;
      }
      return new Noun(text.substring(k, e), materiel, e);
    }
    // a large round number, then 的 and its noun: "100万的居民" (the passive 被 ends it)
    if (c == '的' && k > 0 && "万萬亿億".indexOf(text.charAt(k - 1)) >= 0) {
      int e = k + 1;
      while (e < lineEnd && e - k <= HAN_NOUN && NumberWords.isHan(text.charAt(e))
          && ZH_STOP.indexOf(text.charAt(e)) < 0 && text.charAt(e) != '被' && !ChineseNumerals.isNumeral(text.charAt(e))) {
        e++;
      }
      if (e > k + 1) {
        return new Noun(text.substring(k + 1, e), false, e);
      }
    }
    Matcher cnt = ZH_COUNTER.matcher(text.substring(k, Math.min(lineEnd, k + 3)));
    if (cnt.find()) {
      int e = k + cnt.end();
      return new Noun(text.substring(k, e), false, e);
    }
    return new Noun("", false, i);
  }

  /** True when the noun after a number is a Chinese measure word or counter, not 年. */
  static boolean chineseCount(String text, int i, int lineEnd) {
    if (i >= lineEnd || !NumberWords.isHan(text.charAt(i))) {
      return false;
    }
    Noun n = chinese(text, i, lineEnd);
    return !n.words().isEmpty() && !n.words().startsWith("年");
  }

  /** Past a number written out again in brackets: "24 (двадцать четыре) машины". */
  static int skipWrittenOut(String text, int from, int lineEnd) {
    int i = from;
    while (i < lineEnd && text.charAt(i) == ' ') {
      i++;
    }
    if (i < lineEnd && text.charAt(i) == '(') {
      int close = text.indexOf(')', i);
      if (close > 0 && close < lineEnd && close - i < 80 && !hasDigit(text, i, close)) {
        return close + 1;
      }
    }
    return from;
  }

  private static boolean hasDigit(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (Character.isDigit(text.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  /**
   * How many leading words name what is counted: lower-case words up to the first plural (a
   * head noun, "joint exercises", "documentos secretos") or a word that is not a noun's
   * modifier, at most three; in German up to the first capitalised noun ("bewaffnete Soldaten").
   */
  private static final Set<String> ROMANCE = Set.of("fr", "es", "it", "pt");

  private static int run(String text, List<int[]> words, String language) {
    int n = 0;
    for (int[] w : words) {
      String word = text.substring(w[0], w[1]);
      boolean capital = !Character.isLowerCase(word.charAt(0));
      if (language.equals("de") && capital && Character.isLetter(word.charAt(0))) {
        return n + 1; // the German noun, after its adjectives
      }
      if (capital && n == 0 && language.equals("en") && peoples(text, words, word)) {
        return 1; // "1 million Velts", "300 Dunmorians": a capitalised plural alone names a people
      }
      if (n == 3 || capital || word.endsWith("ly")
          || word.endsWith("ing") || NOT_NOUNS.contains(word.toLowerCase(Locale.ROOT))) {
        break;
      }
      n++;
      if (!language.equals("de") && plural(word, language)) {
        // French, Spanish, Italian, Portuguese: the adjectives follow the noun and agree with
        // it ("40 bus électriques", "40 autobuses eléctricos"); English ends on its noun
        // English ends on its noun, but a plural may be a compound's first noun: another plural
        // straight after it, which a plural subject cannot take as its verb, is the head ("eight
        // arms sales agreements", "three weapons systems")
        if (ROMANCE.contains(language) || language.equals("en")) {
          while (n < words.size() && n < 3) {
            String last = text.substring(words.get(n - 1)[0], words.get(n - 1)[1]);
            if (last.endsWith("'") || last.endsWith("’")) {
              break; // a possessive: what follows is its owner's ("forty clerks' desks")
            }
            String next = text.substring(words.get(n)[0], words.get(n)[1]);
            if (!Character.isLowerCase(next.charAt(0)) || !plural(next, language)
                || NOT_NOUNS.contains(next.toLowerCase(Locale.ROOT)) || language.equals("en") && !englishPluralNoun(next)) {
              break;
            }
            n++;
          }
        }
        break;
      }
    }
    return language.equals("de") ? 0 : n;
  }

  /**
   * True for an English word in -s that may be a plural noun after another plural: not a
   * possessive, a function word or an adverb ("always", "perhaps"), nor a verb that a plural
   * subject takes ("was", "has", "is").
   */
  private static boolean englishPluralNoun(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.length() >= 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("'s") && !w.endsWith("’s")
        && !w.endsWith("us") && !w.endsWith("is") && !STOP.contains(w) && !VERBS_S.contains(w)
        && !ENGLISH_NOT_PLURALS.contains(w);
  }

  /** English words in -s that are no plural nouns. */
  private static final Set<String> ENGLISH_NOT_PLURALS = Set.of("always", "perhaps", "sometimes", "besides",
      "towards", "afterwards", "whereas", "unless", "nevertheless", "thus", "less");

  /** A capitalised plural of letters, not followed by another capitalised word (a name's start). */
  private static boolean peoples(String text, List<int[]> words, String word) {
    if (word.length() < 4 || !word.chars().allMatch(Character::isLetter) || !word.endsWith("s")
        || word.endsWith("ss") || word.chars().skip(1).anyMatch(Character::isUpperCase)) {
      return false;
    }
    if (words.size() > 1) {
      String next = text.substring(words.get(1)[0], words.get(1)[1]);
      return Character.isLowerCase(next.charAt(0));
    }
    return true;
  }

  /** English plurals without an s: a count ends on them ("3 million people live there"). */
  private static final Set<String> ENGLISH_IRREGULAR = Set.of("people", "children", "men", "women", "police",
      "personnel", "staff", "troops", "data", "feet", "teeth", "mice", "geese", "aircraft", "livestock");

  /** True when a word looks like a plural noun in {@code language}. */
  static boolean plural(String word, String language) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.endsWith("s") || w.endsWith("s'") || w.endsWith("'s")
        || w.endsWith("ей") || w.endsWith("ов") || w.endsWith("ев") || w.endsWith("ий") || w.endsWith("ах")) {
      return true;
    }
    if (ENGLISH_IRREGULAR.contains(w)) {
      return true;
    }
    return switch (language) {
      case "fr" -> w.endsWith("x");
      case "it" -> w.endsWith("i") || w.endsWith("e");
      case "de" -> w.endsWith("en") || w.endsWith("er") || w.endsWith("e") || w.endsWith("n");
      default -> false;
    };
  }

  /**
   * True when the word after a year-like number is a counted plural noun ("2000 soldats", "1990
   * Soldaten"), not a verb ("2015 révèlent", "2019 marks") nor a function word ("2019 y").
   */
  static boolean countedWord(String word, String language) {
    String w = stripQuotes(word);
    if (w.length() < 3 || !Character.isLetter(w.charAt(0))) {
      return false;
    }
    String lower = w.toLowerCase(Locale.ROOT);
    if (STOP.contains(lower) || NOT_NOUNS.contains(lower) || VERBS_S.contains(lower)
        || lower.endsWith("ли") || lower.endsWith("ent") && language.equals("fr")) {
      return false;
    }
    if (Character.isUpperCase(w.charAt(0))) {
      return language.equals("de") && plural(w, "de");
    }
    if (lower.endsWith("ss") || lower.endsWith("us") || lower.endsWith("is")) {
      return false;
    }
    return plural(w, language) || lower.endsWith("ек") || lower.endsWith("ат");
  }

  static boolean materiel(String word) {
    return MATERIEL.matcher(word).matches();
  }

  private static boolean equipmentAt(Draft draft, int start, int end) {
    Span s = new Span(start, end);
    for (EntityMention e : draft.entities()) {
      if (e.type() == EntityType.EQUIPMENT && e.span().overlaps(s)) {
        return true;
      }
    }
    return false;
  }

  static String stripQuotes(String w) {
    int s = 0;
    int e = w.length();
    while (s < e && "«\"“'".indexOf(w.charAt(s)) >= 0) {
      s++;
    }
    while (e > s && "»\"”'".indexOf(w.charAt(e - 1)) >= 0) {
      e--;
    }
    return w.substring(s, e);
  }
}
