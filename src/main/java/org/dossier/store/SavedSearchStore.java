package org.dossier.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The workbench users' saved searches, each with how far its user has seen its hits (the case's
 * documents up to {@code seenSeq}, in the order they were added). Changed through {@link
 * CaseStore.Batch#saveSearch}, {@link CaseStore.Batch#markSearchSeen} and {@link
 * CaseStore.Batch#deleteSearch}.
 */
public interface SavedSearchStore {
  /** A saved search; documents added after {@code seenSeq} that match it are new to its user. */
  record Saved(long id, String user, String name, String query, Instant created, long seenSeq, Instant seenAt) {}

  /** A user's saved searches, by name. */
  List<Saved> of(String user) throws SQLException;

  /** One of a user's saved searches, by name. */
  Optional<Saved> byName(String user, String name) throws SQLException;
}
