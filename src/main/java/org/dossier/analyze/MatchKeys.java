package org.dossier.analyze;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dossier.core.TranslitKey;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Keys under which differently written forms of a name meet: case and diacritics folded,
 * inflections stemmed (English, Russian), Cyrillic and Latin letters brought together ({@link
 * TranslitKey}). "BMD-4M", "БМД-4М" and "bmd 4m" have the same keys; so do "armoured personnel
 * carriers" and "armoured personnel carrier".
 */
final class MatchKeys {
  private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();

  /** A word of the text: where it is and its key. */
  record Word(int start, int end, String key) {}

  private MatchKeys() {}

  /** The words of a text (letters and digits), each with its key. Han characters are one word each. */
  static List<Word> words(String text) {
    List<Word> out = new ArrayList<>();
    EnglishStemmer en = new EnglishStemmer();
    RussianStemmer ru = new RussianStemmer();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        int e = i + Character.charCount(cp);
        out.add(new Word(i, e, new String(Character.toChars(cp))));
        i = e;
        continue;
      }
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int s = i;
      while (i < n) {
        int c = text.codePointAt(i);
        if (!Character.isLetterOrDigit(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
          break;
        }
        i += Character.charCount(c);
      }
      out.add(new Word(s, i, key(text.substring(s, i), en, ru)));
    }
    return out;
  }

  static String key(String word) {
    return key(word, new EnglishStemmer(), new RussianStemmer());
  }

  /**
   * A word's key. A word written as a name (capital or digit first) keeps its form and meets its
   * other-script spellings through {@link TranslitKey}; a common word is stemmed instead, so
   * that "vehicles" meets "vehicle" but "Patriotic" does not meet "Patriot".
   */
  private static String key(String word, EnglishStemmer en, RussianStemmer ru) {
    String folded = fold(word);
    int first = word.codePointAt(0);
    boolean cyrillic = folded.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    if (Character.isUpperCase(first) || Character.isDigit(first)) {
      // Cyrillic names meet their Latin spellings; Latin names are compared as written, since
      // the loose key would let short words collide ("Yes" and "ЕС")
      if (!cyrillic) {
        return folded;
      }
      if (folded.length() > 4) {
        ru.setCurrent(folded); // "Новосибирска" meets "Новосибирск"
        ru.stem();
        return TranslitKey.of(ru.getCurrent());
      }
      return TranslitKey.of(folded);
    }
    if (folded.length() > 3 && folded.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      en.setCurrent(folded);
      en.stem();
      return en.getCurrent();
    }
    if (folded.length() > 3 && cyrillic) {
      ru.setCurrent(folded);
      ru.stem();
      return ru.getCurrent();
    }
    return folded;
  }

  /** Languages whose common words {@link #stem} reduces with a Snowball stemmer. */
  static final java.util.Set<String> STEMMED = java.util.Set.of("en", "ru", "fr", "de", "es", "it");

  /** One set of Snowball stemmers per thread: they hold state. */
  private static final ThreadLocal<java.util.Map<String, SnowballStemmer>> STEMMERS =
      ThreadLocal.withInitial(() -> java.util.Map.of("en", new EnglishStemmer(), "ru", new RussianStemmer(),
          "fr", new FrenchStemmer(), "de", new German2Stemmer(), "es", new SpanishStemmer(),
          "it", new ItalianStemmer()));

  /**
   * A folded common word reduced to its stem in {@code language} (one of {@link #STEMMED}; any
   * other language keeps the word): "documentos" and "documento" meet, as do "Verträge" and
   * "Vertrag". Words of three letters or fewer are kept as they are.
   */
  static String stem(String folded, String language) {
    SnowballStemmer s = STEMMERS.get().get(language);
    if (s == null || folded.length() <= 3) {
      return folded;
    }
    if (language.equals("en")) {
      folded = american(folded);
    }
    s.setCurrent(folded);
    s.stem();
    return s.getCurrent();
  }

  private static final java.util.regex.Pattern OUR = java.util.regex.Pattern.compile("^([a-z]{3,})our(s|ed|ing|ite|ites|able)?$");
  private static final java.util.regex.Pattern ISE = java.util.regex.Pattern.compile("^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$");

  /** British spellings as American ones, so that "armoured" meets "armored", "organise" "organize". */
  static String american(String w) {
    java.util.regex.Matcher m = OUR.matcher(w);
    if (m.matches()) {
      return m.group(1) + "or" + (m.group(2) == null ? "" : m.group(2));
    }
    m = ISE.matcher(w);
    if (m.matches()) {
      return m.group(1) + "iz" + m.group(2);
    }
    return w;
  }

  private static final ThreadLocal<com.ibm.icu.text.Transliterator> SIMPLIFIED =
      ThreadLocal.withInitial(() -> com.ibm.icu.text.Transliterator.getInstance("Traditional-Simplified"));

  /**
   * Chinese in simplified characters, so that a text in traditional characters (Taiwan, Hong
   * Kong) meets one in simplified: "國防部" and "国防部". Character for character; a text the
   * conversion would change in length is returned as it is, so offsets stay true.
   */
  static String simplified(String han) {
    String s = SIMPLIFIED.get().transliterate(han);
    return s.length() == han.length() ? s : han;
  }

  static String fold(String s) {
    // й is a letter of its own, not и with a mark: "Государственный" must stem as Russian
    String f = FOLD.normalize(s).replace('й', '\uE000');
    StringBuilder out = new StringBuilder(f.length());
    java.text.Normalizer.normalize(f, java.text.Normalizer.Form.NFD).codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .forEach(out::appendCodePoint);
    return out.toString().replace('\uE000', 'й').toLowerCase(Locale.ROOT);
  }

  /** The keys of a name, in order. */
  static List<String> keys(String name) {
    return words(name).stream().map(Word::key).toList();
  }
}
