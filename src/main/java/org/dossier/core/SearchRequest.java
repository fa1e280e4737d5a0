package org.dossier.core;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A query in Dossier's query syntax (Lucene classic: AND/OR/NOT, "phrases", "proximity"~3,
 * wildcards*, fuzzy~, field:value, date:[2024-01 TO 2024-06]).
 *
 * @param query the query text
 * @param limit how many hits to return, 1 to 10,000
 * @param offset how many hits to skip, for paging
 * @param within when present, only these documents are searched (the documents added since a
 *     saved search was last seen, for instance)
 */
public record SearchRequest(String query, int limit, int offset, Optional<Set<DocumentId>> within) {
  public static final int MAX_LIMIT = 10_000;

  public SearchRequest(String query, int limit, int offset) {
    this(query, limit, offset, Optional.empty());
  }

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    if (query.isBlank()) {
      throw new IllegalArgumentException("query must not be blank");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
    within = Objects.requireNonNull(within, "within").map(Set::copyOf);
  }
}
