package org.dossier.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The link and verify stages' findings (facts, stories, sources, events, coverage, signals, families). */
public interface FindingStore {
  /**
   * One page of the findings of a kind, in order: those of {@code story} when given, with one of
   * {@code statuses} when not empty, from {@code offset}, at most {@code limit}.
   */
  List<String> page(String kind, Optional<String> story, List<String> statuses, int offset, int limit)
      throws SQLException;

  /**
   * Every finding of a kind (of {@code story} when given) with one of {@code statuses} (all when
   * empty), in order, each handed to {@code visitor} as it is read: a stage or a command that
   * reads a case's findings holds one at a time.
   */
  void forEach(String kind, Optional<String> story, List<String> statuses, java.util.function.Consumer<String> visitor)
      throws SQLException;

  /**
   * The findings of a kind with these ids, in the order of {@code ids} (an id the store has not is
   * left out), read by id, not by going over the kind.
   */
  List<String> byIds(String kind, List<String> ids) throws SQLException;

  /** How many findings {@link #page} pages through. */
  long count(String kind, Optional<String> story, List<String> statuses) throws SQLException;

  /** The first finding of a kind listed under a document (by its name), as JSON text: a document's source row. */
  Optional<String> ofDocument(String kind, String document) throws SQLException;
}
