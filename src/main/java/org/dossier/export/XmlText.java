package org.dossier.export;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * What stands between a StAX writer and the output of the graph formats, because a document's text
 * is hostile and the StAX writer escapes only markup. {@link #clean} replaces what XML 1.0 cannot
 * hold at all (control characters, lone surrogates, U+FFFE/U+FFFF) with U+FFFD before a string is
 * written; the writer itself writes as character references what XML can hold but a reader or a
 * terminal would lose or obey: a line feed, carriage return or tab inside an attribute value
 * (which a parser would turn into a space), any carriage return, C1 controls and the
 * bidirectional overrides. The output is then lossless for every character XML can hold, and safe
 * on a terminal.
 */
final class XmlText extends FilterWriter {
  private enum State { TEXT, TAG, ATTRIBUTE }

  private State state = State.TEXT;

  XmlText(Writer out) {
    super(out);
  }

  /** {@code s} with every character XML 1.0 cannot hold replaced by U+FFFD. */
  static String clean(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (ok) {
          if (b != null) {
            b.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else if (Character.isLowSurrogate(c)) {
        ok = false;
      } else {
        ok = c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\t' || c == '\n' || c == '\r';
      }
      if (!ok && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.append(ok ? c : '\uFFFD');
      }
    }
    return b == null ? s : b.toString();
  }

  /** True for a character written as a reference wherever it is. */
  private static boolean referenced(char c) {
    return c == '\r' || c >= 0x7f && c <= 0x9f || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
  }

  @Override
  public void write(int c) throws IOException {
    char ch = (char) c;
    switch (state) {
      case TEXT -> {
        if (ch == '<') {
          state = State.TAG;
        }
      }
      case TAG -> {
        if (ch == '"') {
          state = State.ATTRIBUTE;
        } else if (ch == '>') {
          state = State.TEXT;
        }
      }
      case ATTRIBUTE -> {
        if (ch == '"') {
          state = State.TAG;
        } else if (ch == '\n' || ch == '\t') {
          out.write(reference(ch));
          return;
        }
      }
    }
    if (referenced(ch)) {
      out.write(reference(ch));
    } else {
      out.write(ch);
    }
  }

  private static String reference(char c) {
    return String.format(Locale.ROOT, "&#x%X;", (int) c);
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(cbuf[i]);
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(str.charAt(i));
    }
  }
}
