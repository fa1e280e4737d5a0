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
}
