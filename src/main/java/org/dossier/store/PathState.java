package org.dossier.store;

import java.util.Optional;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;

/** What the store remembers of a path from an earlier run. */
public record PathState(
    Optional<DocumentId> document, long size, long modified, DocumentStatus status) {}
