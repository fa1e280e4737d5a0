package org.dossier.register;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One deal of the transfers register: a cell per column.
 *
 * @param story the story the deal was read from
 * @param title the story's title
 */
public record Transfer(String story, String title, Map<Column, Cell> cells) {
  public Transfer {
    Objects.requireNonNull(story, "story");
    Objects.requireNonNull(title, "title");
    EnumMap<Column, Cell> all = new EnumMap<>(Column.class);
    for (Column c : Column.values()) {
      all.put(c, cells.getOrDefault(c, Cell.EMPTY));
    }
    cells = java.util.Collections.unmodifiableMap(all);
  }

  public Cell cell(Column c) {
    return cells.get(c);
  }
}
