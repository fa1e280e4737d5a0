package org.dossier.analyze;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dossier.core.TranslitKey;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

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

  private static String key(String word, EnglishStemmer en, RussianStemmer ru) {
    String folded = fold(word);
    String stemmed = folded;
    if (folded.length() > 3 && folded.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      en.setCurrent(folded);
      en.stem();
      stemmed = en.getCurrent();
    } else if (folded.length() > 3 && folded.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
      ru.setCurrent(folded);
      ru.stem();
      stemmed = ru.getCurrent();
    }
    return TranslitKey.of(stemmed);
  }

  static String fold(String s) {
    String f = FOLD.normalize(s);
    StringBuilder out = new StringBuilder(f.length());
    java.text.Normalizer.normalize(f, java.text.Normalizer.Form.NFD).codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** The keys of a name, in order. */
  static List<String> keys(String name) {
    return words(name).stream().map(Word::key).toList();
  }
}
