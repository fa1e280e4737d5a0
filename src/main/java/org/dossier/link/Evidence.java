package org.dossier.link;

import java.util.Objects;

/**
 * A passage that supports a finding: where it is and what it says.
 *
 * @param document the document's name
 * @param start offset of the passage in the document's extracted text
 * @param end offset after it
 * @param quote the passage, verbatim (clipped when long)
 * @param note what it shows, when the passage alone does not say
 */
public record Evidence(String document, int start, int end, String quote, String note) {
  public Evidence {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(note, "note");
  }
}
