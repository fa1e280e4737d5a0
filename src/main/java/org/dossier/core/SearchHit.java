package org.dossier.core;

import java.util.List;
import java.util.Objects;

/**
 * One matching document.
 *
 * @param id the document
 * @param name its name
 * @param score relevance, higher is better
 * @param snippets passages of its text with the matches marked {@code <b>...</b>}; the rest of
 *     the passage is HTML-escaped
 */
public record SearchHit(DocumentId id, String name, float score, List<String> snippets) {
  public SearchHit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    snippets = List.copyOf(snippets);
  }

  /** A piece of a snippet back to plain text: the HTML escapes the index wrote undone. */
  public static String plain(String escaped) {
    return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
        .replace("&#39;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
  }
}
