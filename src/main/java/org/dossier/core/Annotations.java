package org.dossier.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analyze stage found in one document.
 *
 * @param entities names of people, organisations, places, equipment and units
 * @param values money, quantities, counts, dates and percentages, normalized
 * @param attributions who each attributed statement comes from
 * @param documentDate the date relative expressions were resolved against, if one was known
 * @param entitiesAnalysed false when no entity model serves the document's language (values are
 *     still extracted)
 */
public record Annotations(
    List<EntityMention> entities,
    List<ValueMention> values,
    List<Attribution> attributions,
    Optional<java.time.LocalDate> documentDate,
    boolean entitiesAnalysed) {
  public Annotations {
    entities = List.copyOf(entities);
    values = List.copyOf(values);
    attributions = List.copyOf(attributions);
    Objects.requireNonNull(documentDate, "documentDate");
  }
}
