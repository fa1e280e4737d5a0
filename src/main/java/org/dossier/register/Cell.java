package org.dossier.register;

import java.util.List;
import java.util.Objects;

/**
 * One cell of a register: its values, each with its sources, and whether they agree.
 *
 * @param status {@code agree} (one value, or the same from several sources), {@code conflict}
 *     (values that cannot all be true), {@code divergent} (different, but compatible under
 *     their qualifiers), {@code several} (several things, each with its value: the items of one
 *     deal), or {@code empty}
 * @param explanation why, when the values differ; what is known only from the press or a draft
 */
public record Cell(String status, String explanation, List<Entry> values) {
  public static final Cell EMPTY = new Cell("empty", "", List.of());

  public Cell {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(explanation, "explanation");
    values = List.copyOf(values);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }
}
