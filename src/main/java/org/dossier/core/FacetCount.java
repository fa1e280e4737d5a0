package org.dossier.core;

import java.util.Objects;

/** How many matching documents carry one value of a facet. */
public record FacetCount(String value, long count) {
  public FacetCount {
    Objects.requireNonNull(value, "value");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
  }
}
