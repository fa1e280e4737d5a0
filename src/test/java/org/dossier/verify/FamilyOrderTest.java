package org.dossier.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;
import org.junit.jupiter.api.Test;

/**
 * A family's principal and members do not depend on the order the documents' checks came in
 * (threads in one process, tasks of several workers), and a document's checks stored and read
 * back make the same result.
 */
class FamilyOrderTest {
  private static final String TEXT = "The lighthouse keeper at Morrow Point logged the passing of the grain barge at dusk"
      + " and noted that its stern lamp flickered twice before it rounded the shoal, as it had done on the previous"
      + " three evenings while the tide ran against the wind from the north east";
  private static final Annotations NONE = new Annotations(List.of(), List.of(), List.of(), Optional.empty(), true);

  /** Four copies of one log, none a draft or signed: they rank alike, so only the order could pick the principal. */
  private static List<Checked> checks(Verifier v) {
    List<Checked> out = new ArrayList<>();
    for (char c : new char[] {'a', 'b', 'c', 'd'}) {
      out.add(v.check(new DocumentId(String.valueOf(c).repeat(64)), "log-" + c + ".txt", "text/plain", Optional.empty(),
          TEXT + (c == 'd' ? " again" : ""), Map.of(), NONE, 1, Instant.parse("2031-01-01T00:00:00Z")));
    }
    return out;
  }

  private static List<ObjectNode> families(List<Checked> in) {
    Verifier v = new Verifier(0.8, Map.of());
    in.forEach(v::accept);
    return v.finish(List.of()).families();
  }

  @Test
  void theOrderTheDocumentsCameInChangesNothing() {
    List<Checked> in = checks(new Verifier(0.8, Map.of()));
    List<ObjectNode> forward = families(in);
    List<Checked> reversed = new ArrayList<>(in);
    java.util.Collections.reverse(reversed);
    assertEquals(1, forward.size(), forward.toString());
    assertEquals(4, forward.get(0).get("members").size(), forward.toString());
    assertEquals(forward, families(reversed));
  }

  @Test
  void checksStoredAndReadBackAreTheSame() {
    Verifier v = new Verifier(0.8, Map.of());
    String weekday = "Monday, 5 October 2024 was the day the barge ran aground. " + TEXT;
    Checked c = v.check(new DocumentId("e".repeat(64)), "aground.txt", "text/plain", Optional.empty(), weekday, Map.of(),
        NONE, 2, Instant.parse("2031-01-01T00:00:00Z"));
    Checked back = StoredChecks.checked(StoredChecks.json(c));
    assertEquals(c.signals(), back.signals());
    assertEquals(List.of(c.id(), c.name(), c.draft(), c.tracked(), c.signed(), c.date(), c.identifiers(), c.parents(),
        c.letter()), List.of(back.id(), back.name(), back.draft(), back.tracked(), back.signed(), back.date(),
        back.identifiers(), back.parents(), back.letter()));
    assertEquals(null, back.signature(), "the signature is kept apart");
    assertEquals(List.of("exact_duplicate", "weekday_mismatch"), back.signals().stream().map(Signal::kind).sorted().toList());
    assertEquals(java.util.Arrays.toString(c.signature()),
        java.util.Arrays.toString(StoredChecks.signature(StoredChecks.signature(c.signature()))));
  }
}
