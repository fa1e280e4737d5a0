package org.dossier.pipeline;

import java.util.Objects;
import java.util.Optional;
import org.dossier.core.Annotations;

/**
 * The outcome of analysing one document.
 *
 * @param annotations what was found, unless the analysis failed
 * @param status {@code done}, {@code partial} (stopped at the mention cap), {@code values-only}
 *     (no name model for the language), {@code no-text} or {@code failed}
 * @param reason why, for anything but {@code done}
 */
record Analysis(Optional<Annotations> annotations, String status, String reason) {
  /** The analysis of a document without text: an empty file, one over the size cap, one with nothing extracted. */
  static final Analysis NO_TEXT = new Analysis(Optional.empty(), "no-text", "the document has no extracted text");

  Analysis {
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }
}
