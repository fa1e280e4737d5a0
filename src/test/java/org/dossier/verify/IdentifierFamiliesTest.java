package org.dossier.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;
import org.junit.jupiter.api.Test;

/** A draft and its final join one family by their identifier, however each writes it. */
class IdentifierFamiliesTest {
  @Test
  void oneIdentifierWrittenThreeWaysIsOne() {
    assertEquals(Verifier.identifierKey("17/2024"), Verifier.identifierKey("17-2024"));
    assertEquals(Verifier.identifierKey("17/2024"), Verifier.identifierKey("17.2024"));
    assertEquals(Verifier.identifierKey("КОЕ-2024/117"), Verifier.identifierKey("KOE-2024-117"));
    // near misses: another number, the same digits grouped otherwise
    assertNotEquals(Verifier.identifierKey("17/2024"), Verifier.identifierKey("18/2024"));
    assertNotEquals(Verifier.identifierKey("17/2024"), Verifier.identifierKey("1/72024"));
  }

  private static List<ObjectNode> families(String first, String second) {
    Verifier v = new Verifier(0.8, Map.of());
    Annotations none = new Annotations(List.of(), List.of(), List.of(), Optional.empty(), true);
    v.add(new DocumentId("a".repeat(64)), "draft.txt", "text/plain", Optional.empty(), first, Map.of(), none, 1,
        Instant.parse("2031-01-01T00:00:00Z"));
    v.add(new DocumentId("b".repeat(64)), "final.txt", "text/plain", Optional.empty(), second, Map.of(), none, 1,
        Instant.parse("2031-01-02T00:00:00Z"));
    return v.finish(List.of()).families();
  }

  @Test
  void aDraftAndItsFinalRewrittenJoinByTheirIdentifier() {
    String draft = "DRAFT\nAgreement No. 17/2024\nThe yard shall build four ferries for the port of Lisk by spring.";
    String fin = "Agreement № 17-2024\nThe Contractor undertakes to deliver 4 passenger vessels to Lisk harbour before June.";
    assertEquals(1, families(draft, fin).size(), () -> families(draft, fin).toString());
    // control: another agreement's number keeps them apart
    String other = "Agreement № 18-2024\nThe Contractor undertakes to deliver 4 passenger vessels to Lisk harbour before June.";
    assertEquals(0, families(draft, other).size(), () -> families(draft, other).toString());
  }
}
