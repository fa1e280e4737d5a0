package org.dossier.verify;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dossier.core.DocumentId;

/**
 * What the verify stage's checks of one document found, and what the checks across documents need
 * of it: its own signals, its MinHash signature (null when its text is too short to compare), what
 * ranks it as draft or final in a family, its own identifiers, a DOCX's rsidRoot and an e-mail's
 * ids (null when none), and an outgoing letter's number and date. Made by {@link Verifier#check},
 * in the process that runs the stage or in a worker's task, which stores it ({@link StoredChecks}).
 */
public record Checked(DocumentId id, String name, List<Signal> signals, long[] signature, boolean draft,
    boolean tracked, boolean signed, Optional<LocalDate> date, List<String> identifiers, String rsidRoot,
    String messageId, List<String> parents, Optional<Letter> letter) {
  public Checked {
    signals = List.copyOf(signals);
    identifiers = List.copyOf(identifiers);
    parents = List.copyOf(parents);
  }

  /** An outgoing letter's number in its series, and its date. */
  public record Letter(String series, long number, LocalDate date, String quote) {}

  /** The same without its signature: what the checks across documents hold of every document. */
  public Checked withoutSignature() {
    return new Checked(id, name, signals, null, draft, tracked, signed, date, identifiers, rsidRoot, messageId,
        parents, letter);
  }
}
