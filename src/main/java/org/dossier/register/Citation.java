package org.dossier.register;

import java.util.Objects;
import org.dossier.link.StoredFindings;

/**
 * A passage a register cell rests on.
 *
 * @param document the document's name
 * @param start offset of the quote in the document's extracted text
 * @param end offset after it
 * @param quote the words, verbatim
 * @param context the sentence around them (clipped), or empty
 */
public record Citation(String document, int start, int end, String quote, String context) {
  public Citation {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(context, "context");
  }

  static Citation of(StoredFindings.Claim c) {
    return new Citation(c.document(), c.start(), c.end(), c.quote(), c.context());
  }

  /** The same passage as a claim, for the report's footnotes. */
  public StoredFindings.Claim asClaim() {
    return new StoredFindings.Claim(document, start, end, quote,
        new StoredFindings.Value("statement", quote, quote, java.util.Optional.empty(), java.util.List.of()),
        java.util.Optional.empty(), context, "");
  }
}
