package org.dossier.link;

import java.util.List;
import org.dossier.core.DocumentId;

/**
 * Where a document's content comes from.
 *
 * @param kind {@code original}, {@code repost}, {@code translation} or {@code rewrite}
 * @param genre what the document is (an article, a contract ...)
 * @param links its upstream sources and the documents it shares one with
 * @param evidence marks in the document itself that support {@code kind} (a credit line, a
 *     translated acronym), beside the evidence of each link
 */
public record Provenance(DocumentId document, String kind, Genre genre, List<SourceLink> links, List<Evidence> evidence) {
  public Provenance {
    links = List.copyOf(links);
    evidence = List.copyOf(evidence);
  }
}
