package org.dossier.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total exact number of matching documents
 * @param hits the requested page of hits, best first
 * @param facets for each facet (type, language, year, folder, container, extension), its most
 *     frequent values among all matching documents
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {
  public SearchResult {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0, got " + total);
    }
    hits = List.copyOf(hits);
    Map<String, List<FacetCount>> copy = new LinkedHashMap<>();
    facets.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    facets = java.util.Collections.unmodifiableMap(copy);
  }
}
