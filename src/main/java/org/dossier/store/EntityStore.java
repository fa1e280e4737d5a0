package org.dossier.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.dossier.core.EntityRow;
import org.dossier.core.EntityType;

/** The case's resolved entities and the names they were written as. */
public interface EntityStore {
  /** For each resolved entity name {@code type|text|canonical} of the mentions, its entity's name. */
  Map<String, String> resolvedNames() throws SQLException;

  /** Visits every distinct entity name of the case with its number of mentions. */
  void forEachEntityName(Consumer<EntityRow> visitor) throws SQLException;

  /** The case's entities, most mentioned first, optionally of one type. */
  List<EntitySummary> entities(Optional<EntityType> type, int limit) throws SQLException;
}
