package org.dossier.store;

import java.util.Objects;
import java.util.Optional;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Stage;

/**
 * A document arriving in the store.
 *
 * @param id SHA-256 of the original
 * @param name the name it would like; the store adds {@code ~<short id>} if another document has it
 * @param size bytes
 * @param stored whether the original is in the evidence store
 * @param parent its container, if any
 * @param depth nesting depth
 * @param stage {@link Stage#COLLECTED}, or {@link Stage#EXTRACTED} when nothing is left to extract
 * @param status {@link DocumentStatus#PENDING} or the outcome decided at collection
 * @param reason why, for a problem status
 * @param run the run that found it
 */
public record NewDocument(
    DocumentId id,
    String name,
    long size,
    boolean stored,
    Optional<DocumentId> parent,
    int depth,
    Stage stage,
    DocumentStatus status,
    String reason,
    long run) {
  public NewDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }
}
