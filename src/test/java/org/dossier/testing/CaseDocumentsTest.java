package org.dossier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseDocumentsTest {
  private static CaseDocuments.Row row(Map<String, List<String>> metadata) {
    return new CaseDocuments.Row("ab", Set.of("root | a.jpg | ok | "), 1, true, "indexed", "ok", "", "image/jpeg", "", 0, false, "",
        metadata, "");
  }

  @Test
  void aMetadataDifferenceIsReportedKeyByKeyWithBothSides() {
    var a = Map.of("id", row(Map.of("same", List.of("x"), "w:Comments", List.of("one\0"), "only-a", List.of("1"))));
    var b = Map.of("id", row(Map.of("same", List.of("x"), "w:Comments", List.of("two\uFFFD"))));

    assertEquals(List.of(
        "id root | a.jpg | ok |  metadata [only-a]: [1] <> -",
        "id root | a.jpg | ok |  metadata [w:Comments]: [oneU+0000] <> [twoU+FFFD]"), CaseDocuments.differences(a, b, 10));
  }

  @Test
  void aNulIsReadAsPostgresStoresItAndNothingElseIs() {
    assertEquals("end\uFFFD", CaseDocuments.stored("end\0"));
    assertEquals("plain", CaseDocuments.stored("plain"));
    // the control: a text that differs otherwise still differs once both are read so
    assertNotEquals(CaseDocuments.stored("a\0"), CaseDocuments.stored("b\0"));
  }
}
