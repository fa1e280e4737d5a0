package org.dossier.index;

import java.util.regex.Pattern;

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
  private static final Pattern GLIDE = Pattern.compile("[yij]+([aeou])");

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
    String s = latin.toString();
    s = s.replace("shch", "sh").replace("sch", "sh");
    s = s.replace("kh", "h");
    s = s.replace("ts", "c").replace("tz", "c");
    s = s.replace('w', 'v').replace("x", "ks");
    s = GLIDE.matcher(s).replaceAll("$1");
    s = s.replace('y', 'i').replace('j', 'i');
    return collapseDoubles(s);
  }

  private static String collapseDoubles(String s) {
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
}
