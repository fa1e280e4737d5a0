package org.dossier.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A document of the case: one original, however many paths it was found at.
 *
 * @param id SHA-256 of the original
 * @param name its first path, relative to the input folder; a child is named {@code
 *     <container name>/<entry name>}
 * @param size bytes
 * @param stored true when the original is in the evidence store (false for files over the cap)
 * @param parent the container it was found in, if any
 * @param depth 0 for files of the input, 1 for their children, and so on
 * @param stage how far ingest has gone
 * @param status extraction outcome
 * @param reason why, when the status is a problem; empty otherwise
 * @param mediaType detected media type, empty before extraction
 * @param language ISO 639-1 code, {@code und} when unknown, empty before extraction
 * @param textChars characters of extracted text
 * @param textTruncated true when the text hit the cap
 */
public record Document(
    DocumentId id,
    String name,
    long size,
    boolean stored,
    Optional<DocumentId> parent,
    int depth,
    Stage stage,
    DocumentStatus status,
    String reason,
    String mediaType,
    String language,
    long textChars,
    boolean textTruncated) {

  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(language, "language");
    if (depth < 0) {
      throw new IllegalArgumentException("depth must be >= 0, got " + depth);
    }
  }
}
