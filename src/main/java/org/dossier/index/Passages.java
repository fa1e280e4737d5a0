package org.dossier.index;

/**
 * Keeps highlighted passages short: a passage longer than the limit is cut around its first
 * match, at word boundaries, with an ellipsis where text was left out.
 */
final class Passages {
  private static final String OPEN = "<b>";

  private Passages() {}

  static String trim(String passage, int max) {
    String p = oneSpace(passage).strip();
    if (p.length() <= max) {
      return p;
    }
    int match = Math.max(0, p.indexOf(OPEN));
    int start = Math.max(0, match - max / 3);
    int end = Math.min(p.length(), start + max);
    start = wordStart(p, start);
    end = wordEnd(p, end);
    String cut = p.substring(start, end);
    cut = closeTags(cut);
    return (start > 0 ? "\u2026 " : "") + cut.strip() + (end < p.length() ? " \u2026" : "");
  }

  /** Each run of what {@code \s} matches (space, tab, line breaks, form feed, vertical tab) as one space, without a regex. */
  static String oneSpace(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        if (!space) {
          b.append(' ');
          space = true;
        }
      } else {
        b.append(c);
        space = false;
      }
    }
    return b.toString();
  }

  private static int wordStart(String s, int i) {
    if (i == 0) {
      return 0;
    }
    int space = s.indexOf(' ', i);
    int tag = s.lastIndexOf('<', i);
    int j = space < 0 ? i : space + 1;
    // never start inside a tag
    if (tag >= 0 && s.indexOf('>', tag) >= i) {
      j = Math.min(j, tag);
    }
    return Math.min(j, s.length());
  }

  private static int wordEnd(String s, int i) {
    if (i >= s.length()) {
      return s.length();
    }
    int space = s.lastIndexOf(' ', i);
    int j = space <= 0 ? i : space;
    int tag = s.lastIndexOf('<', j);
    if (tag >= 0 && s.indexOf('>', tag) >= j) {
      j = tag;
    }
    return j;
  }

  /** Drops an unmatched opening or closing highlight tag left by the cut. */
  private static String closeTags(String s) {
    int opens = count(s, "<b>");
    int closes = count(s, "</b>");
    String out = s;
    if (closes > opens && out.indexOf("</b>") < out.indexOf("<b>") || (closes > 0 && opens == 0)) {
      out = out.replaceFirst("</b>", "");
    }
    if (count(out, "<b>") > count(out, "</b>")) {
      out = out + "</b>";
    }
    return out;
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
