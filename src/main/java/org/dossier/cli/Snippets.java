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
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#x27;", "'").replace("&#39;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
    return s.replaceAll("\\s+", " ").strip();
  }
}
