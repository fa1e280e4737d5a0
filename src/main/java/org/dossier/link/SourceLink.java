package org.dossier.link;

import java.util.List;
import java.util.Optional;
import org.dossier.core.DocumentId;

/**
 * How a document relates to an upstream source.
 *
 * @param to the other document's name, or an outlet named in the text
 * @param toDocument the other document, when it is in the case
 * @param relation {@code copies}, {@code translates}, {@code rewrites} or {@code shares-source}
 */
public record SourceLink(String to, Optional<DocumentId> toDocument, String relation, List<Evidence> evidence) {
  public SourceLink {
    evidence = List.copyOf(evidence);
  }

  /** The analyst's name for this link of {@code from} ({@link org.dossier.core.Judgement#link}). */
  public String target(DocumentId from) {
    return target(from, to, toDocument);
  }

  /** The analyst's name for a link of {@code from} to a document of the case, or to an outlet named {@code to}. */
  public static String target(DocumentId from, String to, Optional<DocumentId> toDocument) {
    return org.dossier.core.Judgement.link(from, toDocument.map(DocumentId::sha256)
        .orElseGet(() -> org.dossier.core.Sha256.hex(Propagation.outletKey(to))));
  }
}
