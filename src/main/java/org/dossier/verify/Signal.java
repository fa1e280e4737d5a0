package org.dossier.verify;

import java.util.Map;
import java.util.Objects;
import org.dossier.core.DocumentId;

/**
 * Something about a document that bears on whether it is genuine and complete, with its evidence
 * and what a false positive of its kind usually is.
 *
 * @param kind from the vocabulary of {@link Kinds}
 * @param evidence values, offsets, revisions: whatever lets a person check the signal
 */
public record Signal(DocumentId document, String kind, Kinds.Severity severity, String explanation,
    Map<String, Object> evidence, String innocentExplanation) {
  public Signal {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(explanation, "explanation");
    evidence = Map.copyOf(evidence);
    Objects.requireNonNull(innocentExplanation, "innocentExplanation");
  }

  /** A signal of a kind of the vocabulary, at that kind's severity. */
  static Signal of(DocumentId doc, String kind, String explanation, Map<String, Object> evidence) {
    Kinds.Kind k = Kinds.get(kind);
    return new Signal(doc, kind, k.severity(), explanation, evidence, k.innocent());
  }
}
