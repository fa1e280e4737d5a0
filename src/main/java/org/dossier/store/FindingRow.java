package org.dossier.store;

import java.util.Objects;

/**
 * One stored finding: its kind ({@code fact}, {@code story}, {@code signal}...), id, the story and
 * status it is filtered by, the document it is listed under, and its JSON.
 */
public record FindingRow(String kind, String id, String story, String status, String document, String json) {
  public FindingRow {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(story, "story");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(json, "json");
  }

  /** Findings handed to {@code sink} one at a time as they are made, so that they need not all be in memory. */
  @FunctionalInterface
  public interface Source {
    void each(java.util.function.Consumer<FindingRow> sink);
  }
}
