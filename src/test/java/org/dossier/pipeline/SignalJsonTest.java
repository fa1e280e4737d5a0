package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dossier.core.DocumentId;
import org.dossier.verify.Kinds;
import org.dossier.verify.Signal;
import org.junit.jupiter.api.Test;

/**
 * A signal's evidence is a map without an order (its record keeps an immutable copy, whose order
 * changes from one JVM to the next): written as a finding, its keys come in their own order, so
 * that the same case verified by another process reads the same, byte for byte.
 */
class SignalJsonTest {
  @Test
  void evidenceIsWrittenWithItsKeysInOrderAtEveryDepth() {
    Map<String, Object> evidence = Map.of("values", List.of(Map.of("value", "12", "documents", List.of("a.txt"),
        "unit", "crates", "at", "3")), "fact", "F7", "kind", "count", "subject", "lamp oil", "property", "delivered",
        "round", "2");
    Signal s = new Signal(new DocumentId("a".repeat(64)), "cross_document_mismatch", Kinds.Severity.values()[0],
        "Records give 12 and 14.", evidence, "Records are corrected.");
    ObjectNode n = Verifying.json(s, "ledger.txt");
    assertEquals(List.of("fact", "kind", "property", "round", "subject", "values"), names(n.get("evidence")));
    assertEquals(List.of("at", "documents", "unit", "value"), names(n.get("evidence").get("values").get(0)));
    // control: the finding's own fields keep the order a reader expects, not the alphabet's
    assertEquals(List.of("document", "kind", "severity", "explanation", "evidence", "innocentExplanation"), names(n));
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
