package org.dossier.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * What the commands print, made safe for a terminal: file names, titles and texts come from
 * leaked documents, and a control character among them (an escape sequence that retitles the
 * window, writes the clipboard or moves the cursor, a carriage return that overwrites a line, a
 * bidirectional override that reorders what is shown) is printed as its escape ({@code \x1b},
 * {@code \u202e}) instead. Line feeds and tabs pass, and a carriage return before a line feed is dropped. With {@code --json} the escape is JSON's
 * ({@code \u001b}), which is valid inside the strings where such characters can occur.
 */
final class SafeWriter extends FilterWriter {
  /** Whether the command prints JSON; set once the command line is parsed. */
  static final class Mode {
    volatile boolean json;
  }

  private final Mode mode;

  SafeWriter(Writer out, Mode mode) {
    super(out);
    this.mode = mode;
  }

  /** True for a character that must not reach a terminal raw. */
  static boolean unsafe(char c) {
    return c < 0x20 && c != '\n' && c != '\t'
        || c >= 0x7f && c <= 0x9f
        || c >= '\u202a' && c <= '\u202e'
        || c >= '\u2066' && c <= '\u2069';
  }

  private static String escape(char c, boolean json) {
    return json || c > 0xff ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.format(Locale.ROOT, "\\x%02x", (int) c);
  }

  @Override
  public void write(int c) throws IOException {
    if (unsafe((char) c)) {
      out.write(escape((char) c, mode.json));
    } else {
      out.write(c);
    }
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (unsafe(cbuf[i])) {
        out.write(cbuf, start, i - start);
        if (!(cbuf[i] == '\r' && i + 1 < off + len && cbuf[i + 1] == '\n')) {
          out.write(escape(cbuf[i], mode.json)); // a Windows line end is a line end: its \r goes
        }
        start = i + 1;
      }
    }
    out.write(cbuf, start, off + len - start);
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    char[] part = new char[len];
    str.getChars(off, off + len, part, 0);
    write(part, 0, len);
  }
}
