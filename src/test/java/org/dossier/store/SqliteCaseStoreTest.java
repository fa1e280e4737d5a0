package org.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Extraction;
import org.dossier.core.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCaseStoreTest {
  @TempDir Path dir;

  private static DocumentId id(char c) {
    return new DocumentId(String.valueOf(c).repeat(64));
  }

  private static NewDocument doc(char c, String name) {
    return new NewDocument(id(c), name, 10, true, Optional.empty(), 0, Stage.COLLECTED,
        DocumentStatus.PENDING, "", 1);
  }

  @Test
  void migrationsApplyOnceAndSurviveReopening() throws Exception {
    Path db = dir.resolve("dossier.db");
    try (SqliteCaseStore store = SqliteCaseStore.open(db, Clock.systemUTC())) {
      assertEquals(Migrations.latest(), store.schemaVersion());
      store.write(tx -> tx.insertDocument(doc('a', "a.txt")));
    }
    try (SqliteCaseStore store = SqliteCaseStore.open(db, Clock.systemUTC())) {
      assertEquals(Migrations.latest(), store.schemaVersion());
      assertEquals(1, store.documents().documentCount());
    }
  }

  @Test
  void insertingAKnownDocumentKeepsTheFirstAndReturnsItsName() throws Exception {
    try (SqliteCaseStore store = SqliteCaseStore.open(dir.resolve("d.db"), Clock.systemUTC())) {
      assertEquals("a.txt", store.write(tx -> tx.insertDocument(doc('a', "a.txt"))));
      assertEquals("a.txt", store.write(tx -> tx.insertDocument(doc('a', "copy/a.txt"))));
      assertEquals(1, store.documents().documentCount());
    }
  }

  @Test
  void aTakenNameGetsTheShortIdAppended() throws Exception {
    try (SqliteCaseStore store = SqliteCaseStore.open(dir.resolve("d.db"), Clock.systemUTC())) {
      store.write(tx -> tx.insertDocument(doc('a', "a.txt")));
      String second = store.write(tx -> tx.insertDocument(doc('b', "a.txt")));
      assertEquals("a.txt~" + id('b').shortForm(), second);
    }
  }

  @Test
  void aFailedTransactionLeavesNothing() throws Exception {
    try (SqliteCaseStore store = SqliteCaseStore.open(dir.resolve("d.db"), Clock.systemUTC())) {
      assertThrows(SQLException.class, () -> store.write(tx -> {
        tx.insertDocument(doc('a', "a.txt"));
        tx.recordExtraction(id('f'), Extraction.failure(DocumentStatus.CORRUPT, "x", 0));
        return null;
      }));
      assertEquals(0, store.documents().documentCount());
    }
  }

  @Test
  void extractionsPathsAndProblemsRoundTrip() throws Exception {
    try (SqliteCaseStore store = SqliteCaseStore.open(dir.resolve("d.db"), Clock.systemUTC())) {
      store.write(tx -> {
        tx.insertDocument(doc('a', "a.pdf"));
        tx.upsertPath("/in", "a.pdf", Optional.of(id('a')), 10, 5, DocumentStatus.OK, "", 1);
        tx.upsertPath("/in", "copy.pdf", Optional.of(id('a')), 10, 5, DocumentStatus.BAD_NAME, "bad", 1);
        tx.upsertPath("/in", "link", Optional.empty(), 0, 0, DocumentStatus.SYMLINK_OUTSIDE, "out", 1);
        tx.recordExtraction(id('a'), new Extraction(DocumentStatus.ENCRYPTED, "locked",
            "application/pdf", "en", Map.of("dc:title", List.of("T")), 0, false, false, List.of(), 3));
        return null;
      });
      var d = store.documents().document(id('a')).orElseThrow();
      assertEquals(Stage.EXTRACTED, d.stage());
      assertEquals(DocumentStatus.ENCRYPTED, d.status());
      assertEquals(List.of("T"), store.documents().metadata(id('a')).get("dc:title"));
      assertEquals(2, store.documents().paths(id('a')).size());
      List<Problem> problems = store.documents().problems();
      assertEquals(3, problems.size());
      assertTrue(problems.stream().anyMatch(p -> p.status() == DocumentStatus.SYMLINK_OUTSIDE && p.name().equals("link")));
      assertEquals(Map.of("encrypted", 1L), store.documents().countByStatus());
    }
  }

  @Test
  void idsByNameFindsManyNamesAtOnceAndLeavesOutUnknownOnes() throws Exception {
    try (SqliteCaseStore store = SqliteCaseStore.open(dir.resolve("d.db"), Clock.systemUTC())) {
      List<String> names = new java.util.ArrayList<>();
      store.write(tx -> {
        for (int i = 0; i < 1_234; i++) { // more names than one query asks for
          DocumentId id = new DocumentId(String.format(java.util.Locale.ROOT, "%064x", i));
          tx.insertDocument(new NewDocument(id, "box/doc-" + i + ".txt", 10, true, Optional.empty(), 0,
              Stage.COLLECTED, DocumentStatus.PENDING, "", 1));
          names.add("box/doc-" + i + ".txt");
        }
        return null;
      });
      names.add("no/such.txt");
      names.add("box/doc-7.txt"); // twice
      Map<String, DocumentId> ids = store.documents().idsByName(names);
      assertEquals(1_234, ids.size());
      assertEquals(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", 7)), ids.get("box/doc-7.txt"));
      assertEquals(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", 1_233)), ids.get("box/doc-1233.txt"));
      assertTrue(!ids.containsKey("no/such.txt"));
      assertEquals(Map.of(), store.documents().idsByName(List.of()));
      // the same as one lookup a name
      for (String n : List.of("box/doc-0.txt", "box/doc-500.txt", "box/doc-1000.txt")) {
        assertEquals(store.documents().documentByName(n).orElseThrow().id(), ids.get(n));
      }
    }
  }
}
