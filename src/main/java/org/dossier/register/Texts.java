package org.dossier.register;

import java.util.Optional;

/** The extracted text of a case's documents, by name, for reading the sentences of claims. */
public interface Texts {
  /** A document's text and language. */
  record Text(String text, String language) {}

  Optional<Text> of(String document);

  /** No texts: registers built from the stored facts alone (roles and statuses are then not read). */
  Texts NONE = d -> Optional.empty();
}
