package org.dossier.cli;

/** Turns the index's HTML-marked snippets into terminal text. */
final class Snippets {
  private Snippets() {}

  static String forTerminal(String html) {
    String s = html.replace("<b>", "\u00bb").replace("</b>", "\u00ab");
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#x27;", "'").replace("&#39;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
    return s.replaceAll("\\s+", " ").strip();
  }
}
