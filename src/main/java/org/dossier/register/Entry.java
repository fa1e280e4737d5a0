package org.dossier.register;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dossier.link.StoredFindings;

/**
 * One value of a register cell, with the passages that state it.
 *
 * @param text the value as the register shows it: a name, a year, a status; for a measure its
 *     normalized form ({@link #value} holds the measure itself, for readable output)
 * @param value the measure as the claims state it (for figures and dates), when there is one
 * @param label what the value is of, when a cell holds values of several things (an item's
 *     designation, "advance payment"), else empty
 * @param note a remark on this value ("expected": a date still to come when written), or empty
 * @param names for a name, every spelling the documents use for it (across scripts)
 * @param origin where it is known from
 */
public record Entry(String text, Optional<StoredFindings.Value> value, String label, String note, List<String> names,
    Origin origin, List<Citation> citations) {
  public Entry {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(origin, "origin");
    names = List.copyOf(names);
    citations = List.copyOf(citations);
  }
}
