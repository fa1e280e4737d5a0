package org.dossier.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;
import org.dossier.link.StoredFindings;
import org.junit.jupiter.api.Test;

/**
 * The check across the cache's records with the link stage's facts: records that give different
 * figures for one item (a draft's total against the signed one's) are each flagged, with the fact
 * and the passages. Statements are not figures: records whose sentences about one thing differ in
 * wording give no such signal, nor does the press.
 */
class CrossDocumentTest {
  private static final Annotations NONE = new Annotations(List.of(), List.of(), List.of(), Optional.empty(), true);

  @Test
  void recordsGivingDifferentFiguresForOneItemAreFlaggedAndDifferentSentencesAreNot() {
    Verifier v = new Verifier(0.8, Map.of());
    for (String name : List.of("draft-order.txt", "signed-order.txt", "minutes-1.txt", "minutes-2.txt", "gazette.html")) {
      v.accept(v.check(id(name), name, "text/plain", Optional.empty(), "A record of the Velmor ferry works.", Map.of(),
          NONE, 1, Instant.parse("2031-04-01T00:00:00Z")));
    }
    StoredFindings.Fact figures = new StoredFindings.Fact("F1", "S1", "ferry hull works", "cost", "conflict",
        "Two totals.", List.of(claim("draft-order.txt", "money", "EUR 410,000", "EUR 410000", "record"),
            claim("signed-order.txt", "money", "EUR 455,000", "EUR 455000", "record"),
            claim("gazette.html", "money", "EUR 455,000", "EUR 455000", "article")));
    StoredFindings.Fact sentences = new StoredFindings.Fact("F2", "S1", "the works", "said", "divergent",
        "Two wordings.", List.of(
            claim("minutes-1.txt", "said", "the hull was to be ready by spring", "the hull was to be ready by spring", "record"),
            claim("minutes-2.txt", "said", "the yard promised the hull for spring", "the yard promised the hull for spring", "record")));
    List<Signal> found = v.finish(List.of(figures, sentences)).signals().stream()
        .filter(s -> s.kind().equals("cross_document_mismatch")).toList();
    assertEquals(java.util.Set.of(id("draft-order.txt"), id("signed-order.txt")),
        found.stream().map(Signal::document).collect(java.util.stream.Collectors.toSet()), found::toString);
    assertEquals(2, found.size(), found::toString);
    assertTrue(found.stream().allMatch(s -> s.evidence().get("fact").equals("F1")), found::toString);
  }

  private static DocumentId id(String name) {
    return new DocumentId(org.dossier.core.Sha256.hex(name));
  }

  private static StoredFindings.Claim claim(String doc, String kind, String text, String normalized, String genre) {
    return new StoredFindings.Claim(doc, 0, text.length(), text,
        new StoredFindings.Value(kind, text, normalized, Optional.empty(), List.of()), Optional.empty(), text, genre);
  }
}
