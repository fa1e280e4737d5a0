package org.dossier.core;

/**
 * A loose spelling key under which a Cyrillic word and its common Latin transliterations meet:
 * {@code Данилюк}, {@code Danylyuk}, {@code Danilyuk} and {@code Danyliuk} all become {@code
 * daniluk}; {@code БМД} and {@code BMD} both become {@code bmd}. Input must already be lower case
 * with diacritics folded (ICU folding does both). Han and other scripts pass through unchanged.
 *
 * <p>The key deliberately loses distinctions (glides, doubled letters, y/i/j) that
 * transliteration systems disagree on; it backs a low-weight field, never exact matching.
 */
public final class TranslitKey {
  private TranslitKey() {}

  public static String of(String token) {
    StringBuilder latin = new StringBuilder(token.length() + 4);
    boolean hasLetter = false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      String mapped = cyrillic(c);
      if (mapped != null) {
        latin.append(mapped);
        hasLetter = true;
      } else if (c >= 'a' && c <= 'z') {
        latin.append(c);
        hasLetter = true;
      } else if (c >= '0' && c <= '9') {
        latin.append(c);
      } else if (Character.isLetter(c) && Character.getType(c) != Character.MODIFIER_LETTER) {
        return token; // another script: leave the token alone
      }
      // apostrophes, primes (BGN's soft sign) and other marks are dropped
    }
    if (!hasLetter) {
      return latin.length() == 0 ? token : latin.toString();
    }
    return loosen(latin);
  }

  /**
   * The Latin rules, in order: shch/sch to sh, kh to h, ts/tz to c, w to v, x to ks; a run of
   * y/i/j before a vowel (a glide: ya, yu, ie ...) is dropped; the remaining y and j become i;
   * doubled letters become one.
   */
  private static String loosen(CharSequence in) {
    StringBuilder a = new StringBuilder(in.length() + 4);
    int n = in.length();
    for (int i = 0; i < n; i++) {
      char c = in.charAt(i);
      char next = i + 1 < n ? in.charAt(i + 1) : 0;
      if (c == 's' && next == 'h' && i + 3 < n && in.charAt(i + 2) == 'c' && in.charAt(i + 3) == 'h') {
        a.append("sh");
        i += 3;
      } else if (c == 's' && next == 'c' && i + 2 < n && in.charAt(i + 2) == 'h') {
        a.append("sh");
        i += 2;
      } else if (c == 'k' && next == 'h') {
        a.append('h');
        i++;
      } else if (c == 't' && (next == 's' || next == 'z')) {
        a.append('c');
        i++;
      } else if (c == 'w') {
        a.append('v');
      } else if (c == 'x') {
        a.append("ks");
      } else {
        a.append(c);
      }
    }
    StringBuilder b = new StringBuilder(a.length());
    int m = a.length();
    for (int i = 0; i < m; i++) {
      char c = a.charAt(i);
      if (isGlide(c)) {
        int j = i;
        while (j < m && isGlide(a.charAt(j))) {
          j++;
        }
        if (j < m && isVowel(a.charAt(j))) {
          i = j - 1; // drop the glide run
          continue;
        }
        for (int k = i; k < j; k++) {
          b.append('i');
        }
        i = j - 1;
      } else {
        b.append(c);
      }
    }
    return collapseDoubles(b);
  }

  private static boolean isGlide(char c) {
    return c == 'y' || c == 'i' || c == 'j';
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'o' || c == 'u';
  }

  private static String collapseDoubles(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    char prev = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != prev || Character.isDigit(c)) {
        out.append(c);
      }
      prev = c;
    }
    return out.toString();
  }

  /** Russian and Ukrainian letters, lower case (after folding, й is и and ё is е). */
  private static String cyrillic(char c) {
    switch (c) {
      case 'а': return "a";
      case 'б': return "b";
      case 'в': return "v";
      case 'г': return "g";
      case 'ґ': return "g";
      case 'д': return "d";
      case 'е': return "e";
      case 'ё': return "e";
      case 'є': return "e";
      case 'ж': return "zh";
      case 'з': return "z";
      case 'и': return "i";
      case 'і': return "i";
      case 'ї': return "i";
      case 'й': return "i";
      case 'к': return "k";
      case 'л': return "l";
      case 'м': return "m";
      case 'н': return "n";
      case 'о': return "o";
      case 'п': return "p";
      case 'р': return "r";
      case 'с': return "s";
      case 'т': return "t";
      case 'у': return "u";
      case 'ф': return "f";
      case 'х': return "h";
      case 'ц': return "c";
      case 'ч': return "ch";
      case 'ш': return "sh";
      case 'щ': return "sh";
      case 'ъ': return "";
      case 'ы': return "i";
      case 'ь': return "";
      case 'э': return "e";
      case 'ю': return "u";
      case 'я': return "a";
      default: return null;
    }
  }

  /**
   * The consonants of a name as Chinese transcribes foreign names, under which a Latin spelling
   * and the pinyin of its Chinese transcription meet: "Dravenna" and 德拉文纳 ("de la wen na")
   * both give {@code tlfn}; "Tromp" and 特朗普 ("te lang pu") both {@code tlnp}. Vowels, h and
   * glides go (Chinese adds vowels to break clusters and writes h as it likes); r and l, m and n,
   * v, w and f, b and p, d and t, g and k, and the sibilants each fall together; runs become one.
   * Input must be folded Latin. A key of fewer than three consonants says too little to match on.
   */
  public static String sound(String folded) {
    String s = folded.replaceAll("[^a-z]", "");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      char k;
      switch (c) {
        case 'r', 'l' -> k = 'l';
        case 'm', 'n' -> k = 'n';
        case 'v', 'w', 'f' -> k = 'f';
        case 'b', 'p' -> k = 'p';
        case 'd', 't' -> k = next == 'h' ? 's' : 't';
        case 'g', 'k', 'q' -> k = c == 'g' && i > 0 && s.charAt(i - 1) == 'n' ? 0 : 'k'; // "ng" is a nasal
        case 'c' -> k = next == 'e' || next == 'i' || next == 'y' || next == 'h' ? 's' : 'k';
        case 's', 'z', 'x', 'j' -> k = 's';
        default -> k = 0; // vowels, h, y
      }
      if (k != 0 && (out.length() == 0 || out.charAt(out.length() - 1) != k)) {
        out.append(k);
      }
    }
    return out.toString();
  }
}
