package org.dossier.pipeline;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Stage;
import org.dossier.store.NewDocument;
import org.dossier.store.CaseStore;

/**
 * The documents arriving in one run: the first thread to meet new bytes claims them, so each
 * document is inserted and extracted once however many paths lead to it.
 */
final class Arrivals {
  private final CaseStore store;
  private final long maxFileSize;
  private final long run;
  private final Map<DocumentId, Boolean> claimed = new ConcurrentHashMap<>();

  Arrivals(CaseStore store, long maxFileSize, long run) {
    this.store = store;
    this.maxFileSize = maxFileSize;
    this.run = run;
  }

  /** Marks a document already in the store as this run's to extract (resuming). */
  void resume(DocumentId id) {
    claimed.put(id, Boolean.TRUE);
  }

  /** The row for a document that arrives now: stored and pending, or settled at once. */
  NewDocument newDocument(
      DocumentId id, String name, long size, boolean stored, Optional<DocumentId> parent,
      int depth) {
    if (!stored) {
      return new NewDocument(id, name, size, false, parent, depth, Stage.EXTRACTED,
          DocumentStatus.TOO_LARGE,
          size + " bytes is over the --max-file-size cap of " + maxFileSize
              + " bytes; it was hashed and logged but not copied or parsed. Raise the cap to"
              + " ingest it",
          run);
    }
    if (size == 0) {
      return new NewDocument(id, name, 0, true, parent, depth, Stage.EXTRACTED,
          DocumentStatus.EMPTY, "the file is empty (0 bytes)", run);
    }
    return new NewDocument(id, name, size, true, parent, depth, Stage.COLLECTED,
        DocumentStatus.PENDING, "", run);
  }

  /** True for the first caller with a document the case does not have yet. */
  boolean claim(DocumentId id) throws SQLException {
    if (claimed.containsKey(id)) {
      return false;
    }
    if (store.documents().document(id).isPresent()) {
      return false;
    }
    return claimed.putIfAbsent(id, Boolean.TRUE) == null;
  }
}
