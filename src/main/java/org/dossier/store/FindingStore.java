package org.dossier.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The link and verify stages' findings (facts, stories, sources, events, coverage, signals, families). */
public interface FindingStore {
  /**
   * The stored findings of one kind, in order, as JSON text; {@code story} and {@code status}
   * filter when given.
   */
  List<String> findings(String kind, Optional<String> story, Optional<String> status)
      throws SQLException;
}
