package org.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.DocumentId;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityRow;
import org.dossier.core.EntityType;
import org.dossier.core.Judgement;
import org.dossier.core.Qualifier;
import org.dossier.core.Quantity;
import org.dossier.core.ResolvedEntity;
import org.dossier.core.Span;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Extraction;
import org.dossier.core.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every engine's case store does, the same for SQLite and PostgreSQL: each narrow store's
 * writes and reads, the order of what is listed, text a hostile file may carry, and two stores
 * writing one case at once (two processes). An engine's test names where its stores live.
 */
abstract class CaseStoreContract {
  @TempDir Path dir;

  /** Where a new case's store lives for this engine: a new one for each call. */
  abstract StoreLocation newLocation();

  /** A store of a new case, created for the test. */
  private CaseStore newStore() throws SQLException {
    return CaseStore.create(newLocation(), Clock.systemUTC());
  }

  private static DocumentId id(char c) {
    return new DocumentId(String.valueOf(c).repeat(64));
  }

  private static NewDocument doc(char c, String name) {
    return new NewDocument(id(c), name, 10, true, Optional.empty(), 0, Stage.COLLECTED,
        DocumentStatus.PENDING, "", 1);
  }

  @Test
  void migrationsApplyOnceAndSurviveReopening() throws Exception {
    StoreLocation db = newLocation();
    try (CaseStore store = CaseStore.create(db, Clock.systemUTC())) {
      assertEquals(Migrations.latest(), store.schemaVersion());
      store.write(tx -> tx.insertDocument(doc('a', "a.txt")));
    }
    try (CaseStore store = CaseStore.open(db, Clock.systemUTC())) {
      assertEquals(Migrations.latest(), store.schemaVersion());
      assertEquals(1, store.documents().documentCount());
    }
  }

  @Test
  void aDocumentsVerificationIsOneRowPerKindAndItsBandsComeInOrderOfHash() throws Exception {
    try (CaseStore store = newStore()) {
      String a = id('a').sha256();
      String b = id('b').sha256();
      String c = id('c').sha256();
      for (int i = 0; i < 2; i++) { // a task done twice
        store.write(tx -> {
          tx.putVerification(a, "key-a", "{\"a\":1}", Optional.of("1 2 3"), new long[] {Long.MIN_VALUE, 7});
          tx.putVerification(b, "key-b", "{\"b\":1}", Optional.of("4 5 6"), new long[] {-5, 7});
          tx.putVerification(c, "key-c", "{\"c\":1}", Optional.empty(), new long[0]);
          tx.putCandidates("r1", List.<String[]>of(new String[] {a, b}));
          tx.putCandidates("r2", List.of(new String[] {a, b}, new String[] {a, c}));
          return null;
        });
      }
      VerificationStore v = store.verifications();
      List<String> checks = new java.util.ArrayList<>();
      v.forEach(VerificationStore.CHECKS, (d, json) -> checks.add(d + " " + json));
      assertEquals(List.of(a + " {\"a\":1}", b + " {\"b\":1}", c + " {\"c\":1}"), checks);
      assertEquals(Map.of(a, "1 2 3", b, "4 5 6"), v.values(VerificationStore.SIGNATURE, List.of(a, b, c)));
      assertEquals(Optional.of("key-b"), v.inputs(b, VerificationStore.CHECKS));
      assertEquals(Optional.empty(), v.inputs(c, VerificationStore.SIGNATURE));
      List<VerificationStore.BandRow> band0 = new java.util.ArrayList<>();
      v.band(0, band0::add);
      assertEquals(List.of(new VerificationStore.BandRow(0, Long.MIN_VALUE, a), new VerificationStore.BandRow(0, -5, b)), band0);
      List<String> band1 = new java.util.ArrayList<>();
      v.band(1, r -> band1.add(r.hash() + " " + r.document()));
      assertEquals(List.of("7 " + a, "7 " + b), band1, "a bucket's rows together, in order of document");
      store.write(tx -> {
        tx.putVerification(a, "key-a2", "{\"a\":2}", Optional.empty(), new long[0]);
        tx.dropCandidatesBut("r2");
        return null;
      });
      List<String> band0Again = new java.util.ArrayList<>();
      v.band(0, r -> band0Again.add(r.document()));
      assertEquals(List.of(b), band0Again, "a document checked again has its new bands only");
      assertEquals(Map.of(b, "4 5 6"), v.values(VerificationStore.SIGNATURE, List.of(a, b)));
      List<String> pairs = new java.util.ArrayList<>();
      v.candidates("r1", (x, y) -> pairs.add("r1"));
      v.candidates("r2", (x, y) -> pairs.add(y));
      assertEquals(List.of(b, c), pairs, "each pair once, of the round kept");
    }
  }

  @Test
  void insertingAKnownDocumentKeepsTheFirstAndReturnsItsName() throws Exception {
    try (CaseStore store = newStore()) {
      assertEquals("a.txt", store.write(tx -> tx.insertDocument(doc('a', "a.txt"))));
      assertEquals("a.txt", store.write(tx -> tx.insertDocument(doc('a', "copy/a.txt"))));
      assertEquals(1, store.documents().documentCount());
    }
  }

  @Test
  void aTakenNameGetsTheShortIdAppended() throws Exception {
    try (CaseStore store = newStore()) {
      store.write(tx -> tx.insertDocument(doc('a', "a.txt")));
      String second = store.write(tx -> tx.insertDocument(doc('b', "a.txt")));
      assertEquals("a.txt~" + id('b').shortForm(), second);
    }
  }

  @Test
  void aFailedTransactionLeavesNothing() throws Exception {
    try (CaseStore store = newStore()) {
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
    try (CaseStore store = newStore()) {
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
    try (CaseStore store = newStore()) {
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

  @Test
  void runsAndSettingsRoundTrip() throws Exception {
    try (CaseStore store = newStore()) {
      long first = store.startRun("ingest", List.of("/in/a", "/in/b"));
      long second = store.startRun("analyze", List.of());
      assertTrue(second > first, "runs are numbered in order");
      store.finishRun(first, "ok");
      store.write(tx -> tx.insertDocument(new NewDocument(id('a'), "a.txt", 1, true, Optional.empty(), 0,
          Stage.COLLECTED, DocumentStatus.PENDING, "", first)));
      assertTrue(store.documents().ingestedAt(id('a')).isPresent(), "the run's start is the document's arrival");
      assertEquals(Optional.empty(), store.setting("k"));
      store.write(tx -> {
        tx.setSetting("k", "one");
        tx.setSetting("k", "two");
        return null;
      });
      assertEquals(Optional.of("two"), store.setting("k"));
      store.write(tx -> {
        tx.deleteSetting("k");
        return null;
      });
      assertEquals(Optional.empty(), store.setting("k"));
    }
  }

  @Test
  void documentsAreListedInTheOrderTheyArrivedAndByteOrderOfNames() throws Exception {
    try (CaseStore store = newStore()) {
      // names whose order differs between byte order and a language's collation
      List<String> names = List.of("b.txt", "B.txt", "a.txt", "_z.txt", "Ärger.txt", "zz.txt");
      store.write(tx -> {
        for (int i = 0; i < names.size(); i++) {
          tx.insertDocument(new NewDocument(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", i + 1)),
              names.get(i), 10, true, i == 0 ? Optional.empty() : Optional.of(new DocumentId(String.format(
                  java.util.Locale.ROOT, "%064x", 1))), i == 0 ? 0 : 1, Stage.COLLECTED, DocumentStatus.PENDING, "", 1));
        }
        return null;
      });
      assertEquals(6, store.documents().lastSeq() >= 6 ? 6 : -1);
      List<String> arrived = new java.util.ArrayList<>();
      store.documents().forEachInStage(Stage.COLLECTED, d -> arrived.add(d.name()));
      assertEquals(names, arrived);
      assertEquals(names.subList(1, 6), store.documents().children(new DocumentId(String.format(java.util.Locale.ROOT,
          "%064x", 1))).stream().map(org.dossier.core.Document::name).toList());
      long afterSecond = store.documents().lastSeq() - 4;
      assertEquals(4, store.documents().addedAfter(afterSecond, 10).size());
      assertEquals(2, store.documents().addedAfter(afterSecond, 2).size());
      List<DocumentId> stored = new java.util.ArrayList<>();
      store.documents().forEachStoredOriginal(stored::add);
      assertEquals(6, stored.size());
      assertEquals(stored.stream().sorted(java.util.Comparator.comparing(DocumentId::sha256)).toList(), stored);
      assertEquals(1, store.documents().documentsByIdPrefix("0".repeat(63) + "3", 5).size());
      assertEquals(6, store.documents().documentsByIdPrefix("0000", 10).size());
      // problems are ordered by status then name, byte by byte (as SQLite compares)
      store.write(tx -> {
        for (String n : names) {
          tx.upsertPath("/in", n, Optional.empty(), 0, 0, DocumentStatus.BAD_NAME, "bad", 1);
        }
        return null;
      });
      assertEquals(List.of("B.txt", "_z.txt", "a.txt", "b.txt", "zz.txt", "Ärger.txt"),
          store.documents().problems().stream().map(Problem::name).toList());
      assertEquals(Map.of("collected", 6L), store.documents().countByStage());
    }
  }

  @Test
  void metadataKeepsTheParsersOrderAndHostileText() throws Exception {
    try (CaseStore store = newStore()) {
      Map<String, List<String>> meta = new java.util.LinkedHashMap<>();
      meta.put("z:last", List.of("1"));
      meta.put("a:first", List.of("2", "3"));
      meta.put("dc:title", List.of("Nul\u0000inside", "\u202eright-to-left"));
      store.write(tx -> {
        tx.insertDocument(doc('a', "a.pdf"));
        tx.recordExtraction(id('a'), new Extraction(DocumentStatus.OK, "", "application/pdf", "en", meta, 5, false,
            false, List.of(), 3));
        return null;
      });
      Map<String, List<String>> back = store.documents().metadata(id('a'));
      assertEquals(List.of("z:last", "a:first", "dc:title"), List.copyOf(back.keySet()));
      assertEquals(List.of("2", "3"), back.get("a:first"));
      String nul = back.get("dc:title").get(0);
      assertTrue(nul.startsWith("Nul") && nul.endsWith("inside") && nul.length() == 10, nul);
      assertEquals("\u202eright-to-left", back.get("dc:title").get(1));
    }
  }

  @Test
  void anAnalysisRoundTripsAndIsReplacedWhole() throws Exception {
    try (CaseStore store = newStore()) {
      Annotations a = new Annotations(
          List.of(new EntityMention(new Span(0, 14), "Ilse Halvorsen", EntityType.PERSON, "Halvorsen", "crf"),
              new EntityMention(new Span(30, 37), "Kestrov", EntityType.PLACE, "", "rules")),
          List.of(new ValueMention(new Span(50, 62), "$338.9 million",
              new Value.Money(new Quantity(new BigDecimal("338900000"), new BigDecimal("338900000")), "USD"),
              Optional.of(new Qualifier("more than", Qualifier.Bound.AT_LEAST)))),
          List.of(new Attribution(new Span(40, 70), new Span(0, 14), "Ilse Halvorsen",
              Attribution.Kind.SAID, Optional.of("Port Ellery Courier"))),
          Optional.of(LocalDate.of(2025, 9, 26)), true);
      store.write(tx -> {
        tx.insertDocument(doc('a', "a.txt"));
        tx.recordExtraction(id('a'), new Extraction(DocumentStatus.OK, "", "text/plain", "en", Map.of(), 80, false,
            false, List.of(), 1));
        return null;
      });
      assertEquals(1, store.annotations().analysisPending());
      store.write(tx -> {
        tx.recordAnalysis(id('a'), a, "done", "");
        return null;
      });
      assertEquals(a, store.annotations().annotations(id('a')));
      assertEquals(new AnnotationStore.AnalysisState("done", "", "2025-09-26"),
          store.annotations().analysisState(id('a')).orElseThrow());
      assertEquals(0, store.annotations().analysisPending());
      List<String> analysed = new java.util.ArrayList<>();
      store.annotations().forEachAnalysed(d -> analysed.add(d.name()));
      assertEquals(List.of("a.txt"), analysed);

      store.write(tx -> {
        tx.recordAnalysisFailure(id('a'), "failed", "too long");
        return null;
      });
      Annotations none = store.annotations().annotations(id('a'));
      assertEquals(List.of(), none.entities());
      assertEquals(List.of(), none.values());
      assertEquals(List.of(), none.attributions());
      store.write(tx -> {
        tx.resetAnalysis();
        return null;
      });
      assertEquals(1, store.annotations().analysisPending());
    }
  }

  @Test
  void entitiesAreReplacedWholeAndSummarisedMostMentionedFirst() throws Exception {
    try (CaseStore store = newStore()) {
      Annotations a = new Annotations(
          List.of(new EntityMention(new Span(0, 14), "Ilse Halvorsen", EntityType.PERSON, "Halvorsen", "crf"),
              new EntityMention(new Span(20, 29), "Halvorsen", EntityType.PERSON, "Halvorsen", "crf"),
              new EntityMention(new Span(30, 37), "Kestrov", EntityType.PLACE, "", "rules")),
          List.of(), List.of(), Optional.empty(), true);
      store.write(tx -> {
        tx.insertDocument(doc('a', "a.txt"));
        tx.insertDocument(doc('b', "b.txt"));
        tx.recordAnalysis(id('a'), a, "done", "");
        tx.recordAnalysis(id('b'), a, "done", "");
        return null;
      });
      List<EntityRow> names = new java.util.ArrayList<>();
      store.entities().forEachEntityName(names::add);
      assertEquals(3, names.size());
      assertTrue(names.contains(new EntityRow(EntityType.PERSON, "Halvorsen", "Halvorsen", 2)), names::toString);
      ResolvedEntity ilse = new ResolvedEntity("Ilse Halvorsen", EntityType.PERSON, List.of("Halvorsen"),
          List.of(new EntityRow(EntityType.PERSON, "Ilse Halvorsen", "Halvorsen", 2),
              new EntityRow(EntityType.PERSON, "Halvorsen", "Halvorsen", 2)));
      ResolvedEntity kestrov = new ResolvedEntity("Kestrov", EntityType.PLACE, List.of(),
          List.of(new EntityRow(EntityType.PLACE, "Kestrov", "", 2)));
      for (int round = 0; round < 2; round++) { // a second resolution replaces the first
        store.write(tx -> {
          tx.replaceEntities(List.of(kestrov, ilse));
          return null;
        });
      }
      List<EntitySummary> all = store.entities().entities(Optional.empty(), 10);
      assertEquals(List.of("Ilse Halvorsen", "Kestrov"), all.stream().map(EntitySummary::name).toList());
      assertEquals(4, all.get(0).mentions());
      assertEquals(List.of("Halvorsen"), all.get(0).aliases());
      assertEquals(List.of("a.txt", "b.txt"), all.get(0).documents());
      assertEquals(List.of("Kestrov"), store.entities().entities(Optional.of(EntityType.PLACE), 10).stream()
          .map(EntitySummary::name).toList());
      assertEquals("Ilse Halvorsen", store.entities().resolvedNames().get("person|Halvorsen|Halvorsen"));
    }
  }

  @Test
  void findingsAreReplacedByKindAndPagedInOrder() throws Exception {
    try (CaseStore store = newStore()) {
      List<FindingRow> facts = new java.util.ArrayList<>();
      for (int i = 0; i < 7; i++) {
        facts.add(new FindingRow("fact", "f" + i, i % 2 == 0 ? "S1" : "S2", i < 3 ? "conflict" : "agree",
            "press/a" + i + ".txt", "{\"n\":" + i + "}"));
      }
      store.write(tx -> {
        tx.replaceFindings(List.of("fact", "source"), facts);
        tx.replaceFindings(List.of("source"), List.of(new FindingRow("source", "s", "", "", "press/a1.txt", "{\"s\":1}"),
            new FindingRow("source", "t", "", "", "press/a1.txt", "{\"s\":2}")));
        return null;
      });
      FindingStore f = store.findings();
      assertEquals(7, all(f, "fact", Optional.empty(), List.of()).size());
      assertEquals(List.of("{\"n\":0}", "{\"n\":2}"), all(f, "fact", Optional.of("S1"), List.of("conflict")));
      assertEquals(List.of("{\"n\":4}", "{\"n\":5}"), f.page("fact", Optional.empty(), List.of("agree"), 1, 2));
      assertEquals(4, f.count("fact", Optional.empty(), List.of("agree")));
      assertEquals(3, f.count("fact", Optional.of("S2"), List.of()));
      assertEquals(List.of("{\"n\":5}", "{\"n\":0}", "{\"n\":3}"), f.byIds("fact", List.of("f5", "f0", "nowhere", "f3")),
          "by id, in the order asked, an unknown id left out");
      assertEquals(List.of(), f.byIds("source", List.of("f1")), "a fact's id is no source's");
      List<String> many = new java.util.ArrayList<>();
      for (int i = 0; i < 1_200; i++) {
        many.add("f" + (i % 7));
      }
      assertEquals(1_200, f.byIds("fact", many).size(), "more ids than one statement asks for: read in several, each row as often as asked");
      List<String> streamed = new java.util.ArrayList<>();
      f.forEach("fact", Optional.empty(), List.of("conflict"), streamed::add);
      assertEquals(List.of("{\"n\":0}", "{\"n\":1}", "{\"n\":2}"), streamed, "those of the statuses, in order");
      streamed.clear();
      f.forEach("fact", Optional.of("S2"), List.of(), streamed::add);
      assertEquals(List.of("{\"n\":1}", "{\"n\":3}", "{\"n\":5}"), streamed, "those of the story, in order");
      streamed.clear();
      f.forEach("fact", Optional.of("S1"), List.of("conflict"), streamed::add);
      assertEquals(List.of("{\"n\":0}", "{\"n\":2}"), streamed, "of the story and the status");
      streamed.clear();
      f.forEach("source", Optional.empty(), List.of(), streamed::add);
      assertEquals(List.of("{\"s\":1}", "{\"s\":2}"), streamed, "every status, of that kind only");
      assertEquals(Optional.of("{\"s\":1}"), f.ofDocument("source", "press/a1.txt"));
      assertEquals(Optional.empty(), f.ofDocument("source", "press/none.txt"));
      store.write(tx -> {
        tx.replaceFindings(List.of("fact"), List.of());
        return null;
      });
      assertEquals(0, f.count("fact", Optional.empty(), List.of()));
      assertEquals(2, f.count("source", Optional.empty(), List.of()), "another kind is kept");
    }
  }

  @Test
  void analysedDocumentsArePagedByContentHashEachOnce() throws Exception {
    try (CaseStore store = newStore()) {
      Annotations empty = new Annotations(List.of(), List.of(), List.of(), Optional.empty(), true);
      store.write(tx -> {
        for (char c : "fbdace".toCharArray()) {
          tx.insertDocument(doc(c, c + ".txt"));
          tx.recordExtraction(id(c), new Extraction(DocumentStatus.OK, "", "text/plain", "en", Map.of(), 80, false,
              false, List.of(), 1));
          if (c == 'c') {
            tx.recordAnalysisFailure(id(c), "failed", "too long"); // no analysis to read: never listed
          } else if (c != 'e') { // e: analysis pending, not listed either
            tx.recordAnalysis(id(c), empty, "done", "");
          }
        }
        return null;
      });
      List<String> seen = new java.util.ArrayList<>();
      String after = "";
      int pages = 0;
      for (List<org.dossier.core.Document> page = store.annotations().analysedAfter(after, 2); !page.isEmpty();
          page = store.annotations().analysedAfter(after, 2)) {
        assertTrue(page.size() <= 2);
        page.forEach(d -> seen.add(d.name()));
        after = page.get(page.size() - 1).id().sha256();
        pages++;
      }
      assertEquals(List.of("a.txt", "b.txt", "d.txt", "f.txt"), seen);
      assertEquals(2, pages);
      List<String> all = new java.util.ArrayList<>();
      store.annotations().forEachAnalysed(d -> all.add(d.name()));
      assertEquals(new java.util.TreeSet<>(all), new java.util.TreeSet<>(seen), "the same documents as forEachAnalysed");
    }
  }

  @Test
  void findingsMadeOneAtATimeAreStoredInOrderOrNotAtAll() throws Exception {
    try (CaseStore store = newStore()) {
      int n = 12_345; // past the batches of 5,000
      store.write(tx -> {
        tx.replaceFindings(List.of("fact"), sink -> {
          for (int i = 0; i < n; i++) {
            sink.accept(new FindingRow("fact", "F" + (i + 1), "S" + (i % 3), "agree", "", "{\"n\":" + i + "}"));
          }
        });
        return null;
      });
      FindingStore f = store.findings();
      assertEquals(n, f.count("fact", Optional.empty(), List.of()));
      assertEquals(List.of("{\"n\":6000}", "{\"n\":6001}"), f.page("fact", Optional.empty(), List.of(), 6000, 2));
      // read back one at a time, in order, past the fetches of a streamed read
      List<String> streamed = new java.util.ArrayList<>();
      f.forEach("fact", Optional.empty(), List.of(), streamed::add);
      assertEquals(n, streamed.size());
      assertEquals("{\"n\":0}", streamed.get(0));
      assertEquals("{\"n\":12344}", streamed.get(n - 1));
      // a maker that fails half-way leaves the findings as they were
      assertThrows(IllegalStateException.class, () -> store.write(tx -> {
        tx.replaceFindings(List.of("fact"), sink -> {
          sink.accept(new FindingRow("fact", "F1", "S0", "conflict", "", "{}"));
          throw new IllegalStateException("the link stage failed while writing");
        });
        return null;
      }));
      assertEquals(n, f.count("fact", Optional.empty(), List.of()));
      assertEquals(0, f.count("fact", Optional.empty(), List.of("conflict")));
    }
  }

  @Test
  void judgementsAreNumberedInOrderAndFoundByTarget() throws Exception {
    try (CaseStore store = newStore()) {
      Instant at = Instant.parse("2026-03-03T10:00:00Z");
      String doc = "document:" + "a".repeat(64);
      Judgement tag = store.write(tx -> tx.addJudgement(new Judgement(0, at, "ines", doc, Judgement.Action.TAG,
          "follow-up", "", 0)));
      Judgement star = store.write(tx -> tx.addJudgement(new Judgement(0, at, "ines", "document:" + "b".repeat(64),
          Judgement.Action.STAR, "", "", 0)));
      Judgement undo = store.write(tx -> tx.addJudgement(new Judgement(0, at.plusSeconds(1), "ines", doc,
          Judgement.Action.UNDO, "", "mistake", tag.seq())));
      assertTrue(tag.seq() < star.seq() && star.seq() < undo.seq());
      assertEquals(List.of(tag, star, undo), store.judgements().all());
      assertEquals(List.of(tag, undo), store.judgements().about(doc));
      assertEquals(List.of(star), store.judgements().active());
    }
  }

  @Test
  void savedSearchesAreKeptPerUserAndName() throws Exception {
    try (CaseStore store = newStore()) {
      Instant at = Instant.parse("2026-03-03T10:00:00Z");
      long radars = store.write(tx -> tx.saveSearch("ines", "radars", "Sokol-7M", at, 3));
      long again = store.write(tx -> tx.saveSearch("ines", "radars", "Sokol-7M OR radar", at.plusSeconds(5), 4));
      assertEquals(radars, again, "saving under a taken name replaces that search's query");
      long other = store.write(tx -> tx.saveSearch("ines", "asset", "contract", at, 0));
      store.write(tx -> tx.saveSearch("omar", "radars", "radar", at, 0));
      assertEquals(List.of("asset", "radars"), store.savedSearches().of("ines").stream()
          .map(SavedSearchStore.Saved::name).toList());
      SavedSearchStore.Saved r = store.savedSearches().byName("ines", "radars").orElseThrow();
      assertEquals("Sokol-7M OR radar", r.query());
      assertEquals(4, r.seenSeq());
      assertTrue((boolean) store.write(tx -> tx.markSearchSeen("ines", radars, 9, at.plusSeconds(60))));
      assertEquals(9, store.savedSearches().byName("ines", "radars").orElseThrow().seenSeq());
      assertFalse((boolean) store.write(tx -> tx.markSearchSeen("omar", radars, 9, at)), "not omar's");
      assertFalse((boolean) store.write(tx -> tx.deleteSearch("omar", other)));
      assertTrue((boolean) store.write(tx -> tx.deleteSearch("ines", other)));
      assertEquals(Optional.empty(), store.savedSearches().byName("ines", "asset"));
    }
  }

  @Test
  void usersRolesAndTokens() throws Exception {
    try (CaseStore store = newStore()) {
      Instant at = Instant.parse("2026-03-03T10:00:00Z");
      assertEquals(0, store.users().count());
      store.write(tx -> {
        tx.addUser("omar", "$2a$12$hash-omar", "reader", at);
        tx.addUser("ines", "$2a$12$hash-ines", "owner", at);
        tx.addToken("f".repeat(64), "ines", at, "script");
        tx.addToken("e".repeat(64), "ines", at, "");
        return null;
      });
      assertThrows(SQLException.class, () -> store.write(tx -> {
        tx.addUser("ines", "x", "reader", at);
        return null;
      }), "a name is one user's");
      assertEquals(List.of("ines", "omar"), store.users().all().stream().map(UserStore.Account::name).toList());
      assertTrue((boolean) store.write(tx -> tx.setRole("omar", "editor")));
      assertFalse((boolean) store.write(tx -> tx.setRole("nobody", "editor")));
      assertEquals("editor", store.users().user("omar").orElseThrow().role());
      assertEquals("ines", store.users().byToken("f".repeat(64)).orElseThrow().name());
      assertEquals(Optional.empty(), store.users().byToken("0".repeat(64)));
      assertEquals(Map.of("ines", 2L), store.users().tokenCounts());
      assertEquals(2, store.users().count());
    }
  }

  /**
   * Two stores on one case, as two processes writing at once: the same documents arriving in
   * both, and other documents under names the first has taken; each replacing all the findings.
   */
  @Test
  void twoWritersAtOnceLoseNothingAndDuplicateNothing() throws Exception {
    StoreLocation where = newLocation();
    try (CaseStore one = CaseStore.create(where, Clock.systemUTC());
        CaseStore two = CaseStore.open(where, Clock.systemUTC())) {
      java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.function.Function<CaseStore, java.util.concurrent.Callable<Void>> writer = store -> () -> {
          go.await();
          boolean first = store == one;
          for (int i = 0; i < 60; i++) {
            int n = i;
            store.write(tx -> {
              tx.insertDocument(new NewDocument(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", n)),
                  "doc-" + n + ".txt", 10, true, Optional.empty(), 0, Stage.COLLECTED, DocumentStatus.PENDING, "", 1));
              if (!first) { // a different document under a name the other writer gives its own
                tx.insertDocument(new NewDocument(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", 1000 + n)),
                    "doc-" + n + ".txt", 10, true, Optional.empty(), 0, Stage.COLLECTED, DocumentStatus.PENDING, "", 1));
              }
              tx.upsertPath(first ? "/one" : "/two", "doc-" + n + ".txt", Optional.of(new DocumentId(String.format(
                  java.util.Locale.ROOT, "%064x", n))), 10, 1, DocumentStatus.OK, "", 1);
              return null;
            });
            List<FindingRow> rows = new java.util.ArrayList<>();
            for (int k = 0; k < 30; k++) {
              rows.add(new FindingRow("fact", (first ? "one-" : "two-") + k, "", "agree", "", "{}"));
            }
            store.write(tx -> {
              tx.replaceFindings(List.of("fact"), rows);
              return null;
            });
            assertEquals(30, store.findings().count("fact", Optional.empty(), List.of()),
                "one writer's findings, whole, never both");
          }
          return null;
        };
        var a = threads.submit(writer.apply(one));
        var b = threads.submit(writer.apply(two));
        go.countDown();
        a.get(120, java.util.concurrent.TimeUnit.SECONDS);
        b.get(120, java.util.concurrent.TimeUnit.SECONDS);
      } finally {
        threads.shutdownNow();
      }
      assertEquals(120, one.documents().documentCount());
      for (int n = 0; n < 60; n++) {
        assertEquals("doc-" + n + ".txt", one.documents().document(new DocumentId(String.format(java.util.Locale.ROOT,
            "%064x", n))).orElseThrow().name());
        assertTrue(two.documents().document(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", 1000 + n)))
            .orElseThrow().name().startsWith("doc-" + n + ".txt~"));
        assertEquals(2, one.documents().paths(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", n))).size());
      }
      List<String> facts = all(one.findings(), "fact", Optional.empty(), List.of());
      assertEquals(30, facts.size(), "one writer's findings, whole, never both");
    }
  }

  /** Every finding of a kind as the store streams them. */
  static List<String> all(FindingStore f, String kind, Optional<String> story, List<String> statuses)
      throws java.sql.SQLException {
    List<String> out = new java.util.ArrayList<>();
    f.forEach(kind, story, statuses, out::add);
    return out;
  }
}
