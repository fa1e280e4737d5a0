package org.dossier.register;

import java.util.List;
import java.util.Objects;

/**
 * One dated event of the events register.
 *
 * @param date an ISO 8601 prefix, as the sources give it
 * @param what the event's subject, as the timeline names it
 * @param kinds what kind of event the sources' words make it ({@code deal}, {@code delivery},
 *     {@code payment}, {@code meeting}, {@code publication}, {@code leak} ...; see the glossary's
 *     {@code events.tsv}), empty when they name none
 * @param status the date fact's status: {@code agree}, {@code conflict}, {@code divergent}, {@code single}
 * @param alongside the other dates the fact's sources give for the same event, when they differ
 * @param explanation why the dates differ, when they do
 * @param place the places named in the sentences that date it
 * @param participants the people and organisations named there
 * @param origin where the date is known from
 */
public record EventRow(String date, String what, List<String> kinds, String story, String fact, String status,
    List<String> alongside, String explanation, Cell place, Cell participants, Origin origin, List<Citation> citations) {
  public EventRow {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(story, "story");
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(participants, "participants");
    Objects.requireNonNull(origin, "origin");
    kinds = List.copyOf(kinds);
    alongside = List.copyOf(alongside);
    citations = List.copyOf(citations);
  }
}
