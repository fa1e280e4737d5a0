package org.dossier.analyze;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Numbers written in words, found in one pass over the text: English everywhere ("eleven",
 * "thirty-seven", "a dozen"), and the document's own language: Russian in its case forms ("пяти
 * полков", "двух", "двадцать пять"), French ("vingt et un", "quatre-vingt-dix"), Spanish
 * ("treinta y dos", "doscientos", "mil"), German ("einundzwanzig", "hundert", "tausend"),
 * Italian ("ventuno", "cento", "duemila"); and Chinese numerals in any text ("三", "两", "十七",
 * "一千二百", digit by digit "一一一" or "二〇一九", with 万 亿 萬 億 inside: "一一一億" is 111亿).
 * One stands alone only from two up ("one", "un", "ein" are mostly articles).
 */
final class NumberWords {
  /**
   * A number in words: where, its value, whether it was "百分之…", a percentage, and the unit it
   * counts when the word joins one to the number ("двухдневного": 2 of день), else null.
   */
  record Found(int start, int end, BigDecimal value, boolean percent, String unit) {
    Found(int start, int end, BigDecimal value, boolean percent) {
      this(start, end, value, percent, null);
    }
  }

  /**
   * The combining forms of Russian numerals that join a unit into one adjective: "двух" in
   * "двухдневный" (two-day), "пяти" in "пятилетний", "двадцатипяти" in "двадцатипятилетний".
   */
  private static final Map<String, Integer> RUSSIAN_JOINED = new HashMap<>();
  /** The same for German: "zwei" in "zweitägig", "zwanzig" in "zwanzigjährig". */
  private static final Map<String, Integer> GERMAN_JOINED = new HashMap<>();

  static {
    String[] ru = {"одно", "двух", "трёх", "четырёх", "пяти", "шести", "семи", "восьми", "девяти", "десяти",
      "одиннадцати", "двенадцати", "тринадцати", "четырнадцати", "пятнадцати", "шестнадцати", "семнадцати",
      "восемнадцати", "девятнадцати"};
    for (int i = 0; i < ru.length; i++) {
      RUSSIAN_JOINED.put(ru[i], i + 1);
      RUSSIAN_JOINED.put(ru[i].replace('ё', 'е'), i + 1);
    }
    String[] ruTens = {"двадцати", "тридцати", "сорока", "пятидесяти", "шестидесяти", "семидесяти",
      "восьмидесяти", "девяноста"};
    for (int t = 0; t < ruTens.length; t++) {
      int tens = (t + 2) * 10;
      RUSSIAN_JOINED.put(ruTens[t], tens);
      for (int o = 1; o < 10; o++) {
        RUSSIAN_JOINED.put(ruTens[t] + ru[o - 1], tens + o);
        RUSSIAN_JOINED.put(ruTens[t] + ru[o - 1].replace('ё', 'е'), tens + o);
      }
    }
    RUSSIAN_JOINED.put("сто", 100);
    RUSSIAN_JOINED.put("двухсот", 200);
    RUSSIAN_JOINED.put("трёхсот", 300);
    RUSSIAN_JOINED.put("трехсот", 300);
    RUSSIAN_JOINED.put("пятисот", 500);
    String[] de = {"ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
      "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"};
    for (int i = 0; i < de.length; i++) {
      GERMAN_JOINED.put(de[i], i + 1);
    }
    String[] deTens = {"zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"};
    for (int t = 0; t < deTens.length; t++) {
      GERMAN_JOINED.put(deTens[t], (t + 2) * 10);
    }
    GERMAN_JOINED.put("hundert", 100);
  }

  /**
   * A word that joins a number in words to the unit it counts, in the document's language:
   * "двухдневного" (2 of день), "zweitägigen" (2 of Tag), the unit {@link CountedNouns#joinedUnit}'s;
   * "пятилетний" (5, an age word as {@link Ages} reads "5-летний"). Null for any other word
   * ("летнего", "семинар").
   */
  static Found joined(String text, int s, int e, String language) {
    Map<String, Integer> numerals = language.equals("ru") ? RUSSIAN_JOINED : language.equals("de") ? GERMAN_JOINED : null;
    if (numerals == null || e - s < 6) {
      return null;
    }
    String w = text.substring(s, e).toLowerCase(Locale.ROOT);
    // the longest numeral first: "двадцатипяти" before "двадцати"; "zwanzig" before "zwei"
    for (int cut = Math.min(w.length() - 3, 18); cut >= 3; cut--) {
      Integer n = numerals.get(w.substring(0, cut));
      if (n == null) {
        continue;
      }
      String rest = text.substring(s + cut, e);
      // "пятилетний", "dreijährige": an age word, kept as written as "5-летний" keeps it
      String unit = Ages.isJoinedAge(rest) ? rest : CountedNouns.joinedUnit(rest, language);
      if (unit != null) {
        return new Found(s, e, BigDecimal.valueOf(n), false, unit);
      }
    }
    return null;
  }

  private enum Kind { UNIT, HUNDRED, THOUSAND }

  private record Part(long value, Kind kind) {}

  private static final Map<String, Map<String, Part>> BY_LANGUAGE = new HashMap<>();
  private static final Map<String, Integer> ENGLISH = new HashMap<>();

  static {
    Map<String, Part> en = table("en");
    String[] ones = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen"};
    String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    units(en, ones, 0);
    tens(en, tens);
    for (int i = 0; i < ones.length; i++) {
      ENGLISH.put(ones[i], i);
    }
    for (int t = 0; t < tens.length; t++) {
      ENGLISH.put(tens[t], (t + 2) * 10);
      for (int o = 1; o < 10; o++) {
        ENGLISH.put(tens[t] + "-" + ones[o], (t + 2) * 10 + o);
        ENGLISH.put(tens[t] + " " + ones[o], (t + 2) * 10 + o);
      }
    }
    en.put("dozen", new Part(12, Kind.UNIT));
    en.put("hundred", new Part(100, Kind.HUNDRED));
    en.put("thousand", new Part(1000, Kind.THOUSAND));

    Map<String, Part> fr = table("fr");
    units(fr, new String[] {"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
      "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"}, 0);
    tens(fr, new String[] {"vingt", "trente", "quarante", "cinquante", "soixante", "septante",
      "huitante", "nonante"});
    fr.put("une", new Part(1, Kind.UNIT));
    fr.put("vingts", new Part(20, Kind.UNIT));
    fr.put("octante", new Part(80, Kind.UNIT));
    fr.put("cent", new Part(100, Kind.HUNDRED));
    fr.put("cents", new Part(100, Kind.HUNDRED));
    fr.put("mille", new Part(1000, Kind.THOUSAND));

    Map<String, Part> es = table("es");
    units(es, new String[] {"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete",
      "ocho", "nueve", "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis",
      "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés",
      "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve"}, 0);
    tens(es, new String[] {"veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta",
      "ochenta", "noventa"});
    es.put("un", new Part(1, Kind.UNIT));
    es.put("una", new Part(1, Kind.UNIT));
    es.put("dieciseis", new Part(16, Kind.UNIT));
    es.put("veintidos", new Part(22, Kind.UNIT));
    es.put("veintitres", new Part(23, Kind.UNIT));
    es.put("veintiseis", new Part(26, Kind.UNIT));
    es.put("cien", new Part(100, Kind.UNIT));
    es.put("ciento", new Part(100, Kind.HUNDRED));
    String[] esHundreds = {"doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
      "setecientos", "ochocientos", "novecientos"};
    for (int i = 0; i < esHundreds.length; i++) {
      es.put(esHundreds[i], new Part((i + 2) * 100L, Kind.UNIT));
      es.put(esHundreds[i].replaceAll("os$", "as"), new Part((i + 2) * 100L, Kind.UNIT));
    }
    es.put("mil", new Part(1000, Kind.THOUSAND));

    Map<String, Part> de = table("de");
    String[] deOnes = {"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
      "neun", "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn",
      "achtzehn", "neunzehn"};
    String[] deTens = {"zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
      "neunzig"};
    units(de, deOnes, 0);
    de.put("ein", new Part(1, Kind.UNIT));
    de.put("eine", new Part(1, Kind.UNIT));
    de.put("dreissig", new Part(30, Kind.UNIT));
    for (int t = 0; t < deTens.length; t++) {
      de.put(deTens[t], new Part((t + 2) * 10L, Kind.UNIT));
      for (int o = 1; o < 10; o++) {
        String unit = o == 1 ? "ein" : deOnes[o];
        de.put(unit + "und" + deTens[t], new Part((t + 2) * 10L + o, Kind.UNIT));
      }
    }
    de.put("hundert", new Part(100, Kind.HUNDRED));
    de.put("einhundert", new Part(100, Kind.UNIT));
    de.put("tausend", new Part(1000, Kind.THOUSAND));
    de.put("eintausend", new Part(1000, Kind.UNIT));
    for (int o = 2; o < 10; o++) {
      de.put(deOnes[o] + "hundert", new Part(o * 100L, Kind.UNIT));
      de.put(deOnes[o] + "tausend", new Part(o * 1000L, Kind.UNIT));
    }

    Map<String, Part> it = table("it");
    String[] itOnes = {"zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto",
      "nove", "dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici",
      "diciassette", "diciotto", "diciannove"};
    String[] itTens = {"venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta",
      "ottanta", "novanta"};
    units(it, itOnes, 0);
    it.put("una", new Part(1, Kind.UNIT));
    for (int t = 0; t < itTens.length; t++) {
      it.put(itTens[t], new Part((t + 2) * 10L, Kind.UNIT));
      for (int o = 1; o < 10; o++) {
        String ten = o == 1 || o == 8 ? itTens[t].substring(0, itTens[t].length() - 1) : itTens[t];
        String unit = o == 3 ? "tré" : itOnes[o];
        it.put(ten + unit, new Part((t + 2) * 10L + o, Kind.UNIT));
        if (o == 3) {
          it.put(ten + "tre", new Part((t + 2) * 10L + o, Kind.UNIT));
        }
      }
    }
    it.put("cento", new Part(100, Kind.HUNDRED));
    it.put("mille", new Part(1000, Kind.UNIT));
    it.put("mila", new Part(1000, Kind.THOUSAND));
    for (int o = 2; o < 10; o++) {
      it.put(itOnes[o] + "cento", new Part(o * 100L, Kind.UNIT));
      it.put(itOnes[o] + "mila", new Part(o * 1000L, Kind.UNIT));
    }

    Map<String, Part> ru = table("ru");
    String[][] ruForms = {
      {}, {"один", "одна", "одно", "одного", "одной", "одному", "одним"},
      {"два", "две", "двух", "двум", "двумя"}, {"три", "трех", "трёх", "трем", "трём", "тремя"},
      {"четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя"},
      {"пять", "пяти", "пятью"}, {"шесть", "шести", "шестью"}, {"семь", "семи", "семью"},
      {"восемь", "восьми", "восемью"}, {"девять", "девяти", "девятью"},
      {"десять", "десяти", "десятью"}, {"одиннадцать", "одиннадцати"},
      {"двенадцать", "двенадцати"}, {"тринадцать", "тринадцати"}, {"четырнадцать", "четырнадцати"},
      {"пятнадцать", "пятнадцати"}, {"шестнадцать", "шестнадцати"}, {"семнадцать", "семнадцати"},
      {"восемнадцать", "восемнадцати"}, {"девятнадцать", "девятнадцати"},
      {"двадцать", "двадцати"}
    };
    for (int n = 1; n < ruForms.length; n++) {
      for (String f : ruForms[n]) {
        ru.put(f, new Part(n, Kind.UNIT));
      }
    }
    String[][] ruTens = {{"тридцать", "тридцати"}, {"сорок", "сорока"}, {"пятьдесят", "пятидесяти"},
      {"шестьдесят", "шестидесяти"}, {"семьдесят", "семидесяти"}, {"восемьдесят", "восьмидесяти"},
      {"девяносто", "девяноста"}};
    for (int t = 0; t < ruTens.length; t++) {
      for (String f : ruTens[t]) {
        ru.put(f, new Part((t + 3) * 10L, Kind.UNIT));
      }
    }
    String[][] ruHundreds = {{"сто", "ста"}, {"двести", "двухсот"}, {"триста", "трехсот", "трёхсот"},
      {"четыреста", "четырехсот", "четырёхсот"}, {"пятьсот", "пятисот"}, {"шестьсот", "шестисот"},
      {"семьсот", "семисот"}, {"восемьсот", "восьмисот"}, {"девятьсот", "девятисот"}};
    for (int h = 0; h < ruHundreds.length; h++) {
      for (String f : ruHundreds[h]) {
        ru.put(f, new Part((h + 1) * 100L, Kind.UNIT));
      }
    }
    for (String f : new String[] {"тысяча", "тысячи", "тысяч", "тысячу"}) {
      ru.put(f, new Part(1000, Kind.THOUSAND));
    }
  }

  /** Letters (below U+0500) that some number word starts with, to pass over other words fast. */
  private static final boolean[] FIRST = new boolean[0x500];

  static {
    for (Map<String, Part> t : BY_LANGUAGE.values()) {
      for (String w : t.keySet()) {
        if (w.charAt(0) < FIRST.length) {
          FIRST[w.charAt(0)] = true;
        }
      }
    }
  }

  private static Map<String, Part> table(String language) {
    Map<String, Part> m = new HashMap<>();
    BY_LANGUAGE.put(language, m);
    return m;
  }

  private static void units(Map<String, Part> m, String[] words, int from) {
    for (int i = 0; i < words.length; i++) {
      m.put(words[i], new Part(from + i, Kind.UNIT));
    }
  }

  private static void tens(Map<String, Part> m, String[] words) {
    for (int i = 0; i < words.length; i++) {
      m.put(words[i], new Part((i + 2) * 10L, Kind.UNIT));
    }
  }

  private NumberWords() {}

  /** An English number word's value ("three", "twenty-one"), for "three months ago". */
  static int english(String w) {
    Integer v = ENGLISH.get(w.toLowerCase(Locale.ROOT).replace('\u2011', '-'));
    if (v == null) {
      throw new IllegalArgumentException("not a number word: " + w);
    }
    return v;
  }

  /** True for an English number word, as {@link #english} reads it. */
  static boolean isEnglish(String w) {
    return ENGLISH.containsKey(w.toLowerCase(Locale.ROOT).replace('\u2011', '-'));
  }

  /** Numbers in words in {@code text}, in order: English, the language's own, and Chinese. */
  static List<Found> find(String text, String language) {
    List<Found> out = new ArrayList<>();
    Map<String, Part> own = BY_LANGUAGE.get(language);
    Map<String, Part> en = BY_LANGUAGE.get("en");
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (ChineseNumerals.isNumeral(c)) {
        i = ChineseNumerals.read(text, i, out);
        continue;
      }
      if (!isWordLetter(c)) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && isWordLetter(text.charAt(i))) {
        i++;
      }
      if (s > 0 && (text.charAt(s - 1) == '-' || Character.isDigit(text.charAt(s - 1)))) {
        continue; // "BMD-four", "4two"
      }
      char f = Character.toLowerCase(c);
      if (i - s > 28 || f < FIRST.length && !FIRST[f]) {
        continue; // no number word starts so
      }
      String w = text.substring(s, i).toLowerCase(Locale.ROOT);
      Map<String, Part> table = own != null && own.containsKey(w) ? own : en.containsKey(w) ? en : null;
      if (table == null) {
        Found unit = joined(text, s, i, language);
        if (unit != null) {
          out.add(unit);
        }
        continue;
      }
      i = phrase(text, s, table, table == en ? "en" : language, out);
    }
    return out;
  }

  /** Reads a number phrase starting with the word at {@code s}; returns where reading goes on. */
  private static int phrase(String text, int s, Map<String, Part> table, String language, List<Found> out) {
    int n = text.length();
    long total = 0;
    long current = 0;
    long last = -1; // the last unit added, to tell "vingt-deux" from "deux trois"
    int end = s;
    int words = 0;
    int i = s;
    boolean capital = Character.isUpperCase(text.charAt(s));
    while (i < n && words < 8) {
      int ws = i;
      while (i < n && isWordLetter(text.charAt(i))) {
        i++;
      }
      if (i == ws) {
        break;
      }
      String w = text.substring(ws, i).toLowerCase(Locale.ROOT);
      Part p = table.get(w);
      boolean connector = words > 0 && (w.equals("et") || w.equals("y") || w.equals("and"));
      if (p == null && !connector) {
        break;
      }
      if (connector) {
        // "vingt et un", "treinta y dos", "one hundred and five": only before a part it adds to
        int j = skipGap(text, i);
        int k = j;
        while (k < n && isWordLetter(text.charAt(k))) {
          k++;
        }
        Part next = j == i || k == j ? null : table.get(text.substring(j, k).toLowerCase(Locale.ROOT));
        if (next == null || next.kind() != Kind.UNIT || !adds(last, next.value(), language)
            || w.equals("and") && last < 100) {
          break;
        }
        i = j;
        continue;
      }
      if (words == 0 && p.kind() != Kind.UNIT && !scaleAlone(text, s, w, language)) {
        return i; // "3 thousand", "5 mil": a scale after digits, read by Numbers
      }
      if (p.kind() == Kind.HUNDRED) {
        current = Math.max(current, 1) * 100;
        last = 100;
      } else if (p.kind() == Kind.THOUSAND) {
        total += Math.max(current, 1) * 1000;
        current = 0;
        last = 1000;
      } else if (words == 0 || adds(last, p.value(), language)) {
        current += p.value();
        last = p.value();
      } else if (language.equals("fr") && last == 4 && p.value() == 20) {
        current += 76; // quatre-vingt(s)
        last = 80;
      } else {
        break;
      }
      words++;
      end = i;
      if (language.equals("en") && w.equals("dozen")) {
        break;
      }
      int j = skipGap(text, i);
      if (j == i) {
        break;
      }
      i = j;
    }
    if (words == 0) {
      return Math.max(i, s + 1);
    }
    long value = total + current;
    String first = text.substring(s, wordEnd(text, s)).toLowerCase(Locale.ROOT);
    boolean article = words == 1 && value <= 1;
    int start = s;
    if ((first.equals("dozen") || first.equals("hundred") || first.equals("thousand")) && s >= 2
        && text.regionMatches(true, s - 2, "a ", 0, 2)) {
      start = s - 2; // "a dozen", "a hundred"
    }
    boolean nameLike = capital && s > 0 && !sentenceStart(text, s);
    if (!article && !nameLike && value > 0) {
      out.add(new Found(start, end, BigDecimal.valueOf(value), false));
    }
    return end;
  }

  /** "cent personnes", "mil documentos", "a hundred": a scale word that is a number itself. */
  private static boolean scaleAlone(String text, int s, String w, String language) {
    int i = s - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    if (i >= 0 && Character.isDigit(text.charAt(i))) {
      return false;
    }
    if (language.equals("en") || w.equals("mila")) {
      return s >= 2 && text.regionMatches(true, s - 2, "a ", 0, 2) && !w.equals("mila");
    }
    return true;
  }

  /**
   * Whether {@code value} adds to the part before it: below the lowest place of that part
   * ("twenty" + "two", "doscientos" + "treinta", "duemila" + "cinquecento"), and in French the
   * teens after sixty and eighty ("soixante-dix", "quatre-vingt-dix").
   */
  private static boolean adds(long last, long value, String language) {
    if (last < 10 || last % 10 != 0) {
      return false;
    }
    long place = 1;
    while (last % (place * 10) == 0) {
      place *= 10;
    }
    if (language.equals("fr") && (last == 60 || last == 80) && value >= 10 && value < 20) {
      return true;
    }
    return value < place;
  }

  static boolean isWordLetter(char c) {
    return Character.isLetter(c) && !isHan(c);
  }

  static boolean isHan(char c) {
    return c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF;
  }

  private static int skipGap(String text, int i) {
    int n = text.length();
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '\u2011')) {
      return i + 1 < n && isWordLetter(text.charAt(i + 1)) ? i + 1 : i;
    }
    if (i < n && text.charAt(i) == ' ' && i + 1 < n && isWordLetter(text.charAt(i + 1))) {
      return i + 1;
    }
    return i;
  }

  private static int wordEnd(String text, int s) {
    int e = s;
    while (e < text.length() && isWordLetter(text.charAt(e))) {
      e++;
    }
    return e;
  }

  private static boolean sentenceStart(String text, int pos) {
    int i = pos - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    return i < 0 || ".!?\n\"«“(".indexOf(text.charAt(i)) >= 0;
  }
}
