package org.dossier.cli;

/** Turns the index's HTML-marked snippets into terminal text: bold on a terminal, **x** otherwise. */
final class Snippets {
  private static final boolean TERMINAL = System.console() != null;

  private Snippets() {}

  static String forTerminal(String html) {
    String s =
        TERMINAL
            ? html.replace("<b>", "\u001b[1m").replace("</b>", "\u001b[0m")
            : html.replace("<b>", "**").replace("</b>", "**");
    s = org.dossier.core.SearchHit.plain(s);
    return s.replaceAll("\\s+", " ").strip();
  }
}
