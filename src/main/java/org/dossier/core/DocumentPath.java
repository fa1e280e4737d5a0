package org.dossier.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One place a document was found: a file of the input or an entry of a container. A path that
 * could not be read at all (a symbolic link out of the input, an unreadable file) has a status but
 * no document.
 *
 * @param root the absolute input folder, or the id of the container for an entry
 * @param name path relative to the input folder, or {@code <container name>/<entry>}
 * @param document what was read there, if anything
 * @param status {@link DocumentStatus#OK} or what was wrong with the path itself
 * @param reason why, when the status is a problem
 */
public record DocumentPath(
    String root, String name, Optional<DocumentId> document, DocumentStatus status, String reason) {
  public DocumentPath {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }
}
