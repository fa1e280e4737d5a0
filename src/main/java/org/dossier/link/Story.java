package org.dossier.link;

import java.util.List;
import org.dossier.core.DocumentId;

/** Documents about the same event: {@code S1}, {@code S2} ..., titled by a headline. */
public record Story(String id, String title, List<DocumentId> documents) {
  public Story {
    documents = List.copyOf(documents);
  }
}
