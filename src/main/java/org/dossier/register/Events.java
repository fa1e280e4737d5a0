package org.dossier.register;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dossier.link.FindingStreams;
import org.dossier.link.StoredFindings;

/**
 * The events register: the link stage's timeline (its dated events, conflicting dates side by
 * side), each event with the kind its sources' words give it, the places and the participants
 * its sentences name, and its sources. The dates are the timeline's own: no second date reader.
 */
public final class Events {
  private Events() {}

  private static final Set<String> PLACES = Set.of("place");
  private static final Set<String> PARTICIPANTS = Set.of("person", "organization", "unit");

  /**
   * The register, one row per event of the timeline in its order, each handed to {@code each} as
   * it is made. Held meanwhile: the sentences the events' claims stand in, and the names the
   * facts' claims read there; the explanations of the facts whose dates conflict.
   */
  public static void each(FindingStreams findings, FindingStreams.Each<EventRow> each) throws IOException {
    // which sentences and which facts' explanations the rows will want
    Set<String> sentences = new HashSet<>();
    Set<String> explained = new HashSet<>();
    findings.events(e -> {
      for (StoredFindings.Claim c : e.claims()) {
        if (c.reading().located()) {
          sentences.add(sentence(c));
        }
      }
      if (!e.alongside().isEmpty()) {
        explained.add(e.fact());
      }
    });
    // the names of those sentences, from the name claims of the facts
    Map<String, List<StoredFindings.Claim>> names = new HashMap<>();
    Map<String, String> explanations = new HashMap<>();
    findings.facts(Optional.empty(), List.of(), f -> {
      if (explained.contains(f.id())) {
        explanations.put(f.id(), f.explanation());
      }
      for (StoredFindings.Claim c : f.claims()) {
        if (c.reading().located() && c.reading().entityType().isPresent() && sentences.contains(sentence(c))) {
          names.computeIfAbsent(sentence(c), k -> new ArrayList<>()).add(c);
        }
      }
    });
    findings.events(e -> {
      Set<String> kinds = new LinkedHashSet<>();
      List<StoredFindings.Claim> around = new ArrayList<>();
      for (StoredFindings.Claim c : e.claims()) {
        kinds.addAll(new java.util.TreeSet<>(c.reading().events()));
        if (c.reading().located()) {
          for (StoredFindings.Claim n : names.getOrDefault(sentence(c), List.of())) {
            if (!around.contains(n)) {
              around.add(n);
            }
          }
        }
      }
      String why = e.alongside().isEmpty() ? "" : explanations.getOrDefault(e.fact(), "");
      each.accept(new EventRow(e.date(), e.what(), new ArrayList<>(kinds), e.story(), e.fact(), e.status(), e.alongside(),
          why, names(around, PLACES), names(around, PARTICIPANTS), Reading.origin(e.claims()),
          e.claims().stream().map(Citation::of).toList()));
    });
  }

  private static String sentence(StoredFindings.Claim c) {
    return c.document() + "@" + c.reading().sentenceStart();
  }

  /** The names of some types among claims, each with its claims, most documents first. */
  private static Cell names(List<StoredFindings.Claim> claims, Set<String> types) {
    Map<String, List<StoredFindings.Claim>> by = new LinkedHashMap<>();
    for (StoredFindings.Claim c : claims) {
      if (c.reading().entityType().filter(types::contains).isPresent()) {
        by.computeIfAbsent(c.value().normalized(), k -> new ArrayList<>()).add(c);
      }
    }
    List<Entry> entries = new ArrayList<>();
    by.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, List<StoredFindings.Claim>> e) ->
            -e.getValue().stream().map(StoredFindings.Claim::document).distinct().count()))
        .forEach(e -> entries.add(new Entry(e.getKey(), Optional.empty(), "", "",
            e.getValue().stream().map(c -> c.value().text().strip()).distinct().toList(), Reading.origin(e.getValue()),
            e.getValue().stream().map(Citation::of).toList())));
    if (entries.isEmpty()) {
      return Cell.EMPTY;
    }
    return new Cell(entries.size() == 1 ? "agree" : "several", "", entries);
  }
}
