package org.dossier.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document's checks run under a time bound: one document that exceeds it costs one signal. */
class CheckBoundsTest {
  @TempDir Path dir;

  private static List<Signal> verify(Verifier v, Path pdf, DocumentId id) {
    Annotations none = new Annotations(List.of(), List.of(), List.of(), Optional.empty(), true);
    v.add(id, "letter.pdf", "application/pdf", Optional.of(pdf), "The Velmar yard will deliver 12 boats.", Map.of(), none, 1,
        Instant.parse("2031-01-01T00:00:00Z"));
    v.add(new DocumentId("b".repeat(64)), "note.txt", "text/plain", Optional.empty(), "A typed note on ferries.", Map.of(),
        none, 1, Instant.parse("2031-01-01T00:00:00Z"));
    return v.finish(List.of()).signals();
  }

  @Test
  void checksThatOutrunTheirTimeAreOneSignalAndTheRunGoesOn() throws Exception {
    Path pdf = Fixtures.pdf(dir.resolve("letter.pdf"), "Letter", "The Velmar yard will deliver 12 boats.");
    DocumentId id = new DocumentId("a".repeat(64));
    List<Signal> bounded = verify(new Verifier(0.8, Map.of(), Duration.ofNanos(1)), pdf, id);
    // the PDF's checks take more than a nanosecond: one signal says so (the note's may be done in time)
    List<Signal> failed = bounded.stream().filter(s -> s.kind().equals("check_failed") && s.document().equals(id)).toList();
    assertEquals(1, failed.size(), bounded::toString);
    assertTrue(failed.get(0).explanation().contains("took longer"), failed::toString);
    // control: with the time they need, the checks finish and nothing failed
    List<Signal> full = verify(new Verifier(0.8, Map.of()), pdf, id);
    assertTrue(full.stream().noneMatch(s -> s.kind().equals("check_failed")), full::toString);
  }
}
