package org.dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dossier.core.DocumentId;
import org.dossier.core.FacetCount;
import org.dossier.core.IndexDocument;
import org.dossier.core.InvalidQueryException;
import org.dossier.core.SearchRequest;
import org.dossier.core.SearchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query syntax, per-language analysis, transliteration, facets and snippets on a small index. */
class LuceneIndexTest {
  @TempDir static Path dir;
  static LuceneIndex index;

  private static IndexDocument doc(
      char id, String name, String lang, String type, String date, String text, Map<String, List<String>> fields) {
    String ext = name.substring(name.lastIndexOf('.') + 1);
    String folder = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : ".";
    return new IndexDocument(
        new DocumentId(String.valueOf(id).repeat(64)), name, List.of(name), text, lang, type, "ok",
        date == null ? Optional.empty() : Optional.of(LocalDate.parse(date)), List.of(folder),
        name.startsWith("deal.zip/") ? Optional.of("deal.zip") : Optional.empty(), List.of(ext), fields);
  }

  @BeforeAll
  static void build() throws Exception {
    index = LuceneIndex.openForWriting(dir.resolve("index"));
    index.upsert(doc('1', "contracts/supply.pdf", "en", "application/pdf", "2024-10-05",
        "The supply contract covers 37 BMD-4M vehicles. Payment is due before delivery."
            + " Analyst Oleksandr Danylyuk reviewed the contract.",
        Map.of("title", List.of("Supply contract"), "author", List.of("Ivan Petrov"))));
    index.upsert(doc('2', "contracts/договор.docx", "ru", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "2023-04-12",
        "Договор на поставку 37 единиц БМД-4М. Эксперт Данилюк подписал договоры поставок.",
        Map.of()));
    index.upsert(doc('3', "memo/备忘录.txt", "zh", "text/plain", "2024-06-01",
        "合同规定交付三十七辆空降战车。", Map.of()));
    index.upsert(doc('4', "deal.zip/notes.txt", "en", "text/plain", null,
        "Black Moon released the notes. The moon was black that night.", Map.of()));
    index.upsert(doc('5', "mail/cover.eml", "en", "message/rfc822", "2024-10-20",
        "Please find the contracts attached.", Map.of("from", List.of("buyer@example.org"))));
    index.commit();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static Set<String> names(String query) throws Exception {
    SearchResult r = index.search(new SearchRequest(query, 50, 0));
    Set<String> names = r.hits().stream().map(h -> h.name()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(r.total(), names.size(), "total agrees with hits for " + query);
    return names;
  }

  @Test
  void booleanOperators() throws Exception {
    assertEquals(Set.of("contracts/supply.pdf"), names("contract AND payment"));
    assertEquals(Set.of("contracts/supply.pdf", "deal.zip/notes.txt"), names("payment OR moon"));
    assertEquals(Set.of("mail/cover.eml"), names("attached NOT payment"));
    // file and folder names are searched too
    assertEquals(Set.of("contracts/договор.docx", "mail/cover.eml"), names("contracts NOT payment"));
    assertEquals(Set.of("contracts/supply.pdf"), names("contract payment"), "AND by default");
  }

  @Test
  void phrasesAndProximity() throws Exception {
    assertEquals(Set.of("deal.zip/notes.txt"), names("\"Black Moon\""));
    assertEquals(Set.of("deal.zip/notes.txt"), names("\"moon black\"~2"));
    assertEquals(Set.of(), names("\"moon black\""));
  }

  @Test
  void wildcardsAndFuzzy() throws Exception {
    assertEquals(Set.of("contracts/supply.pdf", "contracts/договор.docx", "mail/cover.eml"), names("contr*"));
    // fuzzy reaches the transliteration field too, so the Cyrillic spelling is found
    assertEquals(Set.of("contracts/supply.pdf", "contracts/договор.docx"), names("Danylyk~"));
    assertEquals(Set.of("deal.zip/notes.txt"), names("relased~"));
  }

  @Test
  void fieldsAndAliases() throws Exception {
    assertEquals(Set.of("contracts/договор.docx"), names("lang:ru"));
    assertEquals(Set.of("contracts/supply.pdf"), names("ext:pdf"));
    assertEquals(Set.of("contracts/supply.pdf"), names("author:petrov"));
    assertEquals(Set.of("mail/cover.eml"), names("from:buyer@example.org"));
    assertEquals(Set.of("deal.zip/notes.txt"), names("container:deal.zip"));
    assertEquals(Set.of("contracts/supply.pdf", "contracts/договор.docx"), names("folder:contracts"));
    assertEquals(Set.of("contracts/supply.pdf"), names("type:\"application/pdf\""));
    assertEquals(Set.of("contracts/supply.pdf"), names("type:*pdf"));
    assertEquals(Set.of("contracts/supply.pdf"), names("title:supply"));
  }

  @Test
  void dateRangesAtAnyGranularity() throws Exception {
    assertEquals(Set.of("contracts/supply.pdf", "mail/cover.eml"), names("date:2024-10"));
    assertEquals(Set.of("contracts/supply.pdf"), names("date:2024-10-05"));
    assertEquals(Set.of("contracts/договор.docx", "memo/备忘录.txt"), names("date:[2023 TO 2024-06]"));
    assertEquals(Set.of("contracts/supply.pdf", "mail/cover.eml", "memo/备忘录.txt"), names("year:[2024 TO *]"));
    assertEquals(Set.of("contracts/договор.docx"), names("year:2023"));
  }

  @Test
  void transliterationMatchesAcrossScripts() throws Exception {
    assertEquals(Set.of("contracts/supply.pdf", "contracts/договор.docx"), names("BMD-4M"));
    assertEquals(Set.of("contracts/supply.pdf", "contracts/договор.docx"), names("БМД-4М"));
    assertEquals(Set.of("contracts/supply.pdf", "contracts/договор.docx"), names("Данилюк"));
    assertEquals(Set.of("contracts/supply.pdf", "contracts/договор.docx"), names("Danylyuk"));
  }

  @Test
  void russianIsStemmed() throws Exception {
    assertEquals(Set.of("contracts/договор.docx"), names("поставки"));
    assertEquals(Set.of("contracts/договор.docx"), names("договоров"));
  }

  @Test
  void chineseIsSegmented() throws Exception {
    assertEquals(Set.of("memo/备忘录.txt"), names("合同"));
    assertEquals(Set.of("memo/备忘录.txt"), names("交付"));
  }

  @Test
  void snippetsMarkMatchesFromAnyTextField() throws Exception {
    SearchResult r = index.search(new SearchRequest("Данилюк", 10, 0));
    String all = r.hits().stream().flatMap(h -> h.snippets().stream()).collect(Collectors.joining(" | "));
    assertTrue(all.contains("<b>Danylyuk</b>"), all);
    assertTrue(all.contains("<b>Данилюк</b>"), all);
  }

  @Test
  void facetsCountAllMatches() throws Exception {
    SearchResult r = index.search(new SearchRequest("contract* OR поставку OR 合同", 1, 0));
    assertEquals(4, r.total());
    assertEquals(1, r.hits().size());
    Map<String, Long> langs = r.facets().get("language").stream()
        .collect(Collectors.toMap(FacetCount::value, FacetCount::count));
    assertEquals(Map.of("en", 2L, "ru", 1L, "zh", 1L), langs);
    assertTrue(r.facets().containsKey("year"));
    assertTrue(r.facets().containsKey("extension"));
  }

  @Test
  void pagingSkipsHits() throws Exception {
    SearchResult all = index.search(new SearchRequest("contract* OR notes", 10, 0));
    SearchResult second = index.search(new SearchRequest("contract* OR notes", 1, 1));
    assertEquals(all.hits().get(1).name(), second.hits().get(0).name());
  }

  @Test
  void badQueriesSayWhy() {
    InvalidQueryException e = assertThrows(InvalidQueryException.class,
        () -> index.search(new SearchRequest("\"unclosed phrase", 10, 0)));
    assertTrue(e.getMessage().contains("unclosed phrase"));
    InvalidQueryException d = assertThrows(InvalidQueryException.class,
        () -> index.search(new SearchRequest("date:yesterday", 10, 0)));
    assertTrue(d.getMessage().contains("not a date"), d.getMessage());
  }

  @Test
  void filenameFindsADocumentByTheNameOfAnyOfItsCopies() throws Exception {
    try (LuceneIndex own = LuceneIndex.openForWriting(dir.resolve("names"))) {
      // one content under two names, and a document whose name only begins like them
      own.upsert(new IndexDocument(new DocumentId("a".repeat(64)), "letters/ferry-notice.txt",
          List.of("letters/ferry-notice.txt", "archive/Ferry-Notice-Copy.txt"), "The ferry sails at noon.", "en",
          "text/plain", "ok", Optional.empty(), List.of("letters", "archive"), Optional.empty(), List.of("txt"),
          Map.of()));
      own.upsert(doc('b', "letters/ferry-notice-2.txt", "en", "text/plain", null, "The ferry is late.", Map.of()));
      own.commit();
      java.util.function.Function<String, Set<String>> found = q -> {
        try {
          return own.search(new SearchRequest(q, 10, 0)).hits().stream().map(h -> h.name())
              .collect(Collectors.toCollection(TreeSet::new));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
      Set<String> first = Set.of("letters/ferry-notice.txt");
      // the second copy's name, as it is, in another case, and bare; the document is shown by its first name
      assertEquals(first, found.apply("filename:Ferry-Notice-Copy.txt"));
      assertEquals(first, found.apply("filename:ferry-notice-copy.txt"));
      assertEquals(first, found.apply("filename:ferry-notice-copy"));
      assertEquals(first, found.apply("filename:\"archive/Ferry-Notice-Copy.txt\""));
      // the first name's file name, bare, and its whole path as before
      assertEquals(first, found.apply("filename:ferry-notice.txt"));
      assertEquals(first, found.apply("filename:ferry-notice"));
      assertEquals(first, found.apply("name:\"letters/ferry-notice.txt\""));
      assertEquals(Set.of("letters/ferry-notice-2.txt"), found.apply("filename:ferry-notice-2"));
      assertEquals(Set.of("letters/ferry-notice-2.txt", "letters/ferry-notice.txt"), found.apply("filename:ferry-notice*"));
      // controls: a name no path has, and a word of a name, find nothing
      assertEquals(Set.of(), found.apply("filename:ferry-notice-draft.txt"));
      assertEquals(Set.of(), found.apply("filename:ferry"));
      assertEquals(Set.of(), found.apply("filename:copy.txt"));
    }
  }

  @Test
  void upsertReplaces() throws Exception {
    index.upsert(doc('6', "tmp.txt", "en", "text/plain", null, "first version zebra", Map.of()));
    index.commit();
    assertEquals(Set.of("tmp.txt"), names("zebra"));
    index.upsert(doc('6', "tmp.txt", "en", "text/plain", null, "second version okapi", Map.of()));
    index.commit();
    assertEquals(Set.of(), names("zebra"));
    assertEquals(Set.of("tmp.txt"), names("okapi"));
    assertEquals(6, index.count());
  }

  @Test
  void aReadOnlyIndexAnswersManySearchesAtOnceAndSeesNewCommits() throws Exception {
    try (LuceneIndex reading = LuceneIndex.openForReading(dir.resolve("index"))) {
      List<String> queries = List.of("contract", "Данилюк", "moon", "BMD-4M", "lang:ru", "date:2024-10", "空降");
      Map<String, List<String>> alone = new java.util.HashMap<>();
      for (String q : queries) {
        alone.put(q, reading.search(new SearchRequest(q, 10, 0)).hits().stream().map(h -> h.name()).toList());
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<Boolean>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
          String q = queries.get(i % queries.size());
          all.add(pool.submit(() -> reading.search(new SearchRequest(q, 10, 0)).hits().stream().map(h -> h.name()).toList()
              .equals(alone.get(q))));
        }
        for (java.util.concurrent.Future<Boolean> f : all) {
          assertTrue(f.get(), "a search among many gives what it gives alone");
        }
      } finally {
        pool.shutdownNow();
      }
      // a commit made after the reader opened is seen within a second or so
      index.upsert(doc('6', "late/addendum.txt", "en", "text/plain", null, "An addendum about quokkas.", Map.of()));
      index.commit();
      long seen = 0;
      for (int i = 0; i < 40 && seen == 0; i++) {
        Thread.sleep(100);
        seen = reading.search(new SearchRequest("quokkas", 10, 0)).total();
      }
      assertEquals(1, seen);
    }
  }
}
