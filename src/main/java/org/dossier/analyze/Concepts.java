package org.dossier.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.dossier.core.TranslitKey;

/**
 * The content words of a text as keys that meet across languages. A word the concept glossary
 * knows becomes its concept ({@code c:sign} for "signed", "подписали", "签署", "unterzeichnet");
 * a name (capitalised, or with digits) becomes a key on which its Latin and Cyrillic spellings
 * meet ({@code n:...}); any other content word becomes its stem in its language ({@code
 * w:...}); Chinese text the glossary does not cover becomes character pairs ({@code h:...}), as
 * Chinese retrieval does. Function words are dropped (Snowball's stop lists).
 *
 * <p>The glossary ({@code concepts.tsv}: a concept and its words in English, Russian, Chinese,
 * French, German, Spanish and Italian) is general vocabulary of news and public affairs, written
 * for Dossier; its words are stemmed as the text is, so that inflected forms meet. German
 * compounds the glossary lacks are split into two known parts ("Sicherheitsskandal" → security,
 * scandal).
 */
public final class Concepts {
  /** A content word: where it is, and its key. */
  public record Token(int start, int end, String key) {
    /** True for a glossary concept (which crosses languages), false for a stem or a name. */
    public boolean concept() {
      return key.startsWith("c:");
    }

    /** True for a name: a key on which its spellings in Latin and Cyrillic letters meet. */
    public boolean name() {
      return key.startsWith("n:");
    }
  }

  static final String[] COLUMNS = {"en", "ru", "zh", "fr", "de", "es", "it"};
  /** Longest Chinese glossary word looked for, in characters. */
  private static final int MAX_HAN = 8;

  private static volatile Concepts shared;

  /** language -> word key -> concepts. */
  private final Map<String, Map<String, List<String>>> words = new HashMap<>();
  /** language -> first word key -> phrases (keys of every word) naming a concept. */
  private final Map<String, Map<String, List<Phrase>>> phrases = new HashMap<>();
  private final Map<String, List<String>> han = new HashMap<>();
  private final Map<String, CharArraySet> stops = new HashMap<>();
  /** language -> every glossary word as written, folded: common words, not stems. */
  private final Map<String, java.util.Set<String>> forms = new HashMap<>();
  /** concept -> the semantic field it is listed under ("countries", "verbs" ...). */
  private final Map<String, String> fields = new HashMap<>();
  /** concept -> the kind of event it names ("deal", "payment" ...). */
  private final Map<String, String> events = new HashMap<>();
  /** concept -> its first English word as the glossary writes it ("Argentina" for argentina). */
  private final Map<String, String> headwords = new HashMap<>();
  /** concept -> the place its headword names in the place gazetteer, or "" for none. */
  private final Map<String, String> places = new java.util.concurrent.ConcurrentHashMap<>();
  private final int size;

  private record Phrase(List<String> keys, String concept) {}

  /** The glossary bundled with Dossier, loaded once. */
  public static Concepts shared() {
    Concepts c = shared;
    if (c == null) {
      synchronized (Concepts.class) {
        c = shared;
        if (c == null) {
          try (InputStream in = Concepts.class.getResourceAsStream("concepts.tsv");
              InputStream ev = Concepts.class.getResourceAsStream("events.tsv")) {
            c = new Concepts(in == null ? List.of() : lines(in), ev == null ? List.of() : lines(ev));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled concept glossary", e);
          }
          shared = c;
        }
      }
    }
    return c;
  }

  /** A glossary from TSV lines: {@code concept, en, ru, zh, fr, de, es, it}, words split by |. */
  public Concepts(List<String> tsv) {
    this(tsv, List.of());
  }

  /**
   * A glossary, and kinds of events: lines of a kind's name and the concept ids that name it,
   * separated by a tab and spaces.
   */
  public Concepts(List<String> tsv, List<String> eventKinds) {
    for (String line : eventKinds) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", 2);
      if (cols.length == 2) {
        for (String concept : cols[1].strip().split("\\s+")) {
          events.putIfAbsent(concept, cols[0].strip());
        }
      }
    }
    int n = 0;
    String field = "";
    for (String line : tsv) {
      if (line.startsWith("# field:")) {
        field = line.substring("# field:".length()).strip();
        continue;
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      String concept = cols[0].strip().toLowerCase(Locale.ROOT);
      if (concept.isEmpty()) {
        continue;
      }
      n++;
      fields.putIfAbsent(concept, field);
      if (cols.length > 1 && !cols[1].isBlank()) {
        headwords.putIfAbsent(concept, cols[1].split("\\|")[0].strip());
      }
      for (int i = 1; i < cols.length && i <= COLUMNS.length; i++) {
        String lang = COLUMNS[i - 1];
        for (String form : cols[i].split("\\|")) {
          String f = form.strip();
          if (!f.isEmpty()) {
            add(lang, f, concept);
          }
        }
      }
    }
    size = n;
    for (String lang : List.of("en", "ru", "fr", "de", "es", "it")) {
      stops.put(lang, stopWords(lang));
    }
    List<List<String>> shared = new ArrayList<>(han.values());
    words.values().forEach(m -> shared.addAll(m.values()));
    for (List<String> l : shared) {
      for (String a : l) {
        for (String b : l) {
          if (!a.equals(b)) {
            confusable.computeIfAbsent(a, k -> new HashSet<>()).add(b);
          }
        }
      }
    }
  }

  /** concept -> the concepts one word of some language also names, read as the text reads it. */
  private final Map<String, java.util.Set<String>> confusable = new HashMap<>();

  /**
   * True when one word, as the text is read (folded and stemmed), may name either concept: the
   * Spanish "políticos" is read as "polit", which the glossary gives both "politics" (político)
   * and "policy" (política). A text that names one of two such concepts may mean the other.
   */
  public boolean confusable(String a, String b) {
    return confusable.getOrDefault(a, java.util.Set.of()).contains(b);
  }

  /** The semantic field a concept is listed under ("countries", "people", "verbs" ...), or "". */
  public String field(String concept) {
    return fields.getOrDefault(concept, "");
  }

  /** The kind of event a concept names ("deal" for "sign", "payment" for "refund"), if any. */
  public Optional<String> eventKind(String concept) {
    return Optional.ofNullable(events.get(concept));
  }

  /**
   * The country a concept of the countries field names, by its place's canonical name: the
   * glossary lists a country with its adjective ("argentino", "isländisch", "аргентинский" name
   * argentina), and the concept's headword is the country's name, which the place gazetteer
   * resolves as it resolves the name in a text. Empty for a language, a people or a region the
   * gazetteer does not know as one place ("Russian" the language, "Kurd", "the West").
   */
  public Optional<String> place(String concept) {
    if (!"countries".equals(field(concept)) || concept.endsWith("language")) {
      return Optional.empty();
    }
    String p = places.computeIfAbsent(concept, c -> {
      String head = headwords.getOrDefault(c, "");
      if (head.isEmpty()) {
        return "";
      }
      List<org.dossier.core.EntityMention> found = Places.shared().find(head);
      return found.size() == 1 && found.get(0).text().equals(head)
          && found.get(0).type() == org.dossier.core.EntityType.PLACE ? found.get(0).canonical() : "";
    });
    return p.isEmpty() ? Optional.empty() : Optional.of(p);
  }

  /** How many concepts the glossary holds. */
  public int size() {
    return size;
  }

  private void add(String lang, String form, String concept) {
    if (lang.equals("zh")) {
      List<String> l = han.computeIfAbsent(form, k -> new ArrayList<>(1));
      if (!l.contains(concept)) {
        l.add(concept);
      }
      return;
    }
    forms.computeIfAbsent(lang, k -> new HashSet<>()).add(MatchKeys.fold(form));
    List<String> keys = new ArrayList<>();
    for (String w : form.split("[\\s\\-’']+")) {
      if (!w.isEmpty()) {
        keys.add(MatchKeys.stem(MatchKeys.fold(w), lang));
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    if (keys.size() > 1 && !form.matches(".*\\s.*")) {
      // "T-shirt", "co-owner": the text reads a hyphenated word as one word, so the glossary
      // knows it whole too (and in parts, for "T shirt")
      String whole = MatchKeys.stem(MatchKeys.fold(form), lang);
      List<String> l = words.computeIfAbsent(lang, k -> new HashMap<>()).computeIfAbsent(whole, k -> new ArrayList<>(1));
      if (!l.contains(concept)) {
        l.add(concept);
      }
    }
    if (keys.size() == 1) {
      List<String> l = words.computeIfAbsent(lang, k -> new HashMap<>()).computeIfAbsent(keys.get(0), k -> new ArrayList<>(1));
      if (!l.contains(concept)) {
        l.add(concept);
      }
    } else {
      phrases.computeIfAbsent(lang, k -> new HashMap<>()).computeIfAbsent(keys.get(0), k -> new ArrayList<>(1))
          .add(new Phrase(List.copyOf(keys), concept));
    }
  }

  private static CharArraySet stopWords(String lang) {
    String file = switch (lang) {
      case "ru" -> "russian_stop.txt";
      case "fr" -> "french_stop.txt";
      case "de" -> "german_stop.txt";
      case "es" -> "spanish_stop.txt";
      case "it" -> "italian_stop.txt";
      default -> "english_stop.txt";
    };
    try (InputStream in = org.apache.lucene.analysis.snowball.SnowballFilter.class.getResourceAsStream(file)) {
      if (in == null) {
        return CharArraySet.EMPTY_SET;
      }
      CharArraySet raw = WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8));
      CharArraySet folded = new CharArraySet(raw.size(), false);
      for (Object o : raw) {
        folded.add(MatchKeys.fold(new String((char[]) o)));
      }
      return folded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
      }
    }
    return out;
  }

  /** The language whose rules read a word: its script's, or the document's for Latin letters. */
  private static String languageOf(String word, String documentLanguage) {
    int cp = word.codePointAt(0);
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    if (s == Character.UnicodeScript.CYRILLIC) {
      return "ru";
    }
    return MatchKeys.STEMMED.contains(documentLanguage) && !documentLanguage.equals("ru") ? documentLanguage : "en";
  }

  /** The content words of {@code text[from, to)}, in order. */
  public List<Token> tokens(String text, int from, int to, String language) {
    List<Token> out = new ArrayList<>();
    int i = from;
    List<int[]> run = new ArrayList<>(); // Latin/Cyrillic words before phrase matching
    while (i < to) {
      int cp = text.codePointAt(i);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        flush(text, run, language, out);
        int e = i;
        while (e < to && Character.UnicodeScript.of(text.codePointAt(e)) == Character.UnicodeScript.HAN) {
          e += Character.charCount(text.codePointAt(e));
        }
        // traditional characters are read as simplified: one glossary and one key for both
        String simplified = MatchKeys.simplified(text.substring(i, e));
        List<Token> han = new ArrayList<>();
        hanRun(simplified, 0, simplified.length(), i > 0 ? text.charAt(i - 1) : ' ', han);
        for (Token t : han) {
          out.add(new Token(t.start() + i, t.end() + i, t.key()));
        }
        i = e;
        continue;
      }
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int s = i;
      while (i < to) {
        int c = text.codePointAt(i);
        boolean joiner = (c == '-' || c == '\'' || c == '’') && i + 1 < to && Character.isLetterOrDigit(text.codePointAt(i + 1))
            && i > s;
        if (!(Character.isLetterOrDigit(c) || joiner) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
          break;
        }
        i += Character.charCount(c);
      }
      run.add(new int[] {s, i});
    }
    flush(text, run, language, out);
    return out;
  }

  /** Reads a run of Latin or Cyrillic words: phrases first, then single words. */
  private void flush(String text, List<int[]> run, String language, List<Token> out) {
    if (run.isEmpty()) {
      return;
    }
    int n = run.size();
    String[] raw = new String[n];
    String[] lang = new String[n];
    String[] keys = new String[n];
    for (int k = 0; k < n; k++) {
      raw[k] = text.substring(run.get(k)[0], run.get(k)[1]);
      lang[k] = languageOf(raw[k], language);
      keys[k] = MatchKeys.stem(MatchKeys.fold(raw[k]), lang[k]);
    }
    int k = 0;
    while (k < n) {
      Map<String, List<Phrase>> ps = phrases.get(lang[k]);
      int matched = 0;
      if (ps != null && ps.containsKey(keys[k])) {
        for (Phrase p : ps.get(keys[k])) {
          int len = p.keys().size();
          if (len > matched && k + len <= n && sameKeys(p.keys(), keys, k)) {
            matched = len;
            out.add(new Token(run.get(k)[0], run.get(k + len - 1)[1], "c:" + p.concept()));
          }
        }
      }
      if (matched > 0) {
        k += matched;
        continue;
      }
      if (lang[k].equals("fr") && participleOfEtre(raw, k)) {
        k++; // "a été arrêté": the verb's participle, not the season
        continue;
      }
      word(raw[k], keys[k], lang[k], run.get(k)[0], run.get(k)[1], k == 0, out);
      k++;
    }
    run.clear();
  }

  /** Forms of French "avoir" that make "été" after them the participle of "être". */
  private static final java.util.Set<String> AVOIR = java.util.Set.of("a", "as", "ont", "avons", "avez", "avait", "avais",
      "avaient", "avions", "aviez", "aura", "auront", "aurait", "auraient", "aurais", "ayant", "avoir", "eut", "aie", "ait",
      "aient");
  /** Words that may stand between the auxiliary and the participle: "n'a pas été", "a déjà été". */
  private static final java.util.Set<String> BETWEEN = java.util.Set.of("pas", "jamais", "deja", "toujours", "aussi",
      "bien", "egalement", "encore", "plus", "souvent", "ensuite", "finalement", "notamment", "donc", "alors");

  /**
   * True when the French word at {@code k} is "été" after a form of "avoir" ("a été", "n'ont pas
   * été", "avait déjà été"): the participle of "être", which the passive and the perfect use in
   * nearly every news sentence, not "l'été" the season.
   */
  private static boolean participleOfEtre(String[] raw, int k) {
    if (!MatchKeys.fold(raw[k]).equals("ete")) {
      return false;
    }
    for (int j = k - 1; j >= 0 && j >= k - 3; j--) {
      String w = MatchKeys.fold(raw[j]).replaceFirst("^(?:n|qu|j|l|s)['’]", "");
      if (AVOIR.contains(w)) {
        return true;
      }
      if (!BETWEEN.contains(w)) {
        return false;
      }
    }
    return false;
  }

  private static boolean sameKeys(List<String> phrase, String[] keys, int at) {
    for (int j = 0; j < phrase.size(); j++) {
      if (!phrase.get(j).equals(keys[at + j])) {
        return false;
      }
    }
    return true;
  }

  private void word(String raw, String key, String lang, int start, int end, boolean first, List<Token> out) {
    String folded = MatchKeys.fold(raw);
    CharArraySet stop = stops.getOrDefault(lang, CharArraySet.EMPTY_SET);
    // a number, with its digit groups ("318'000"), is a value, not a word
    if (stop.contains(folded) || folded.chars().allMatch(c -> Character.isDigit(c) || "'’.,".indexOf(c) >= 0)) {
      return;
    }
    List<String> cs = lookup(lang, key, folded);
    if (!cs.isEmpty()) {
      for (String c : cs) {
        out.add(new Token(start, end, "c:" + c));
      }
      return;
    }
    int cp = raw.codePointAt(0);
    boolean digits = raw.chars().anyMatch(Character::isDigit);
    if (Character.isUpperCase(cp) || digits) {
      // a name (or a German noun): its spellings meet; a German compound may still be two words
      if (lang.equals("de") && !digits) {
        List<String> parts = compound(folded);
        if (!parts.isEmpty()) {
          for (String c : parts) {
            out.add(new Token(start, end, "c:" + c));
          }
          return;
        }
      }
      if (folded.length() < 2) {
        return;
      }
      out.add(new Token(start, end, "n:" + TranslitKey.of(lang.equals("ru") && folded.length() > 4 ? key : folded)));
      return;
    }
    if (folded.length() < 3) {
      return;
    }
    out.add(new Token(start, end, "w:" + lang + ":" + key));
  }

  private List<String> lookup(String lang, String key, String folded) {
    Map<String, List<String>> m = words.get(lang);
    if (m == null) {
      return List.of();
    }
    List<String> cs = m.get(key);
    if (cs == null) {
      cs = m.get(folded);
    }
    return cs == null ? List.of() : cs;
  }

  /** The concepts of a German compound's two parts, when the glossary knows both. */
  private List<String> compound(String folded) {
    if (folded.length() < 8) {
      return List.of();
    }
    Map<String, List<String>> m = words.get("de");
    if (m == null) {
      return List.of();
    }
    for (int cut = folded.length() - 4; cut >= 4; cut--) {
      String head = folded.substring(cut);
      List<String> right = m.get(MatchKeys.stem(head, "de"));
      if (right == null) {
        continue;
      }
      String left = folded.substring(0, cut);
      List<String> l = m.get(MatchKeys.stem(left, "de"));
      if (l == null && left.endsWith("s") && left.length() > 4) {
        l = m.get(MatchKeys.stem(left.substring(0, left.length() - 1), "de"));
      }
      if (l == null && left.endsWith("en") && left.length() > 5) {
        l = m.get(MatchKeys.stem(left.substring(0, left.length() - 2), "de"));
      }
      if (l != null) {
        List<String> out = new ArrayList<>(l);
        out.addAll(right);
        return out;
      }
    }
    return List.of();
  }

  /** Chinese: the longest glossary words from the left; what is left as character pairs. */
  private void hanRun(String text, int from, int to, char before, List<Token> out) {
    int i = from;
    if (i < to && (Character.isDigit(before) || ChineseNumerals.isNumeral(before))
        && CountedNouns.isMeasureWord(text.charAt(i))) {
      i++; // the measure word after a number belongs to the number, not to the noun
    }
    int gapStart = -1;
    while (i < to) {
      int best = 0;
      List<String> cs = null;
      for (int len = Math.min(MAX_HAN, to - i); len >= 2; len--) {
        List<String> c = han.get(text.substring(i, i + len));
        if (c != null) {
          best = len;
          cs = c;
          break;
        }
      }
      if (best == 0 && han.containsKey(text.substring(i, i + 1))) {
        best = 1;
        cs = han.get(text.substring(i, i + 1));
      }
      if (best > 0) {
        pairs(text, gapStart, i, out);
        gapStart = -1;
        for (String c : cs) {
          out.add(new Token(i, i + best, "c:" + c));
        }
        i += best;
      } else {
        if (gapStart < 0) {
          gapStart = i;
        }
        i++;
      }
    }
    pairs(text, gapStart, to, out);
  }

  private static void pairs(String text, int from, int to, List<Token> out) {
    if (from < 0 || to - from < 2) {
      return;
    }
    for (int j = from; j + 2 <= to; j++) {
      out.add(new Token(j, j + 2, "h:" + text.substring(j, j + 2)));
    }
  }

  /**
   * True when a word is a common word of the language: a function word, or a word the glossary
   * lists as written (or with a plural ending the glossary's form lacks). Unlike {@link #tokens},
   * no stemming: a stem may also begin a name ("Marta" is no form of any word).
   */
  public boolean commonWord(String word, String language) {
    String f = MatchKeys.fold(word);
    String lang = languageOf(word, language);
    if (stops.getOrDefault(lang, CharArraySet.EMPTY_SET).contains(f)) {
      return true;
    }
    java.util.Set<String> known = forms.getOrDefault(lang, java.util.Set.of());
    if (known.contains(f)) {
      return true;
    }
    for (String end : new String[] {"s", "es", "n", "en", "e", "er"}) {
      if (f.length() > end.length() + 3 && f.endsWith(end) && known.contains(f.substring(0, f.length() - end.length()))) {
        return true;
      }
    }
    return false;
  }

  /** The concept a single word names, if the glossary knows it. */
  public Optional<String> concept(String word, String language) {
    if (word.isEmpty()) {
      return Optional.empty();
    }
    if (Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN) {
      for (int len = Math.min(MAX_HAN, word.length()); len >= 1; len--) {
        List<String> c = han.get(word.substring(0, len));
        if (c != null) {
          return Optional.of(c.get(0));
        }
      }
      return Optional.empty();
    }
    String lang = languageOf(word, language);
    String folded = MatchKeys.fold(word);
    List<String> cs = lookup(lang, MatchKeys.stem(folded, lang), folded);
    return cs.isEmpty() ? Optional.empty() : Optional.of(cs.get(0));
  }

  /** Every concept the glossary gives in one language: for tests and reports. */
  Set<String> concepts(String language) {
    Set<String> out = new HashSet<>();
    if (language.equals("zh")) {
      han.values().forEach(out::addAll);
    } else {
      words.getOrDefault(language, Map.of()).values().forEach(out::addAll);
    }
    return out;
  }
}
