package org.dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.dossier.core.DocumentId;
import org.dossier.core.FacetCount;
import org.dossier.core.IndexDocument;
import org.dossier.core.SearchRequest;
import org.dossier.core.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answers an index keeps per reader: the same as searching, and never from an older reader. */
class SearchCacheTest {
  @TempDir Path dir;

  private static final String[] WORDS = {
    "ledger", "invoice", "barge", "harbour", "cement", "permit", "tender", "quarry", "ferry", "audit",
  };

  private static IndexDocument doc(int i, String lang, String text) {
    String name = String.format(java.util.Locale.ROOT, "box-%d/note-%04d.txt", i % 3, i);
    return new IndexDocument(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", i)), name, List.of(name), text, lang,
        "text/plain", "ok", Optional.empty(), List.of("box-" + i % 3), Optional.empty(), List.of("txt"), Map.of());
  }

  /** 700 invented notes: more hits than the cache keeps per query, so deep pages are searched. */
  private static void fill(LuceneIndex index) throws Exception {
    Random r = new Random(3);
    for (int i = 0; i < 700; i++) {
      StringBuilder text = new StringBuilder("the note about the ");
      for (int w = 0; w < 12; w++) {
        text.append(WORDS[r.nextInt(WORDS.length)]).append(w % 4 == 3 ? ". " : " ");
      }
      index.upsert(doc(i, i % 5 == 0 ? "de" : "en", text.toString()));
    }
    index.commit();
  }

  private static SearchResult search(LuceneIndex index, String q, int limit, int offset) throws Exception {
    return index.search(new SearchRequest(q, limit, offset));
  }

  private static List<String> hits(SearchResult r) {
    return r.hits().stream().map(h -> h.id().sha256() + " " + h.score() + " " + h.snippets()).toList();
  }

  @Test
  void keptAnswersAreTheSearchedOnesOnEveryPage() throws Exception {
    try (LuceneIndex writing = LuceneIndex.openForWriting(dir)) {
      fill(writing);
    }
    try (LuceneIndex cached = LuceneIndex.openForReading(dir, 64);
        LuceneIndex uncached = LuceneIndex.openForReading(dir, 0)) {
      List<String> queries = List.of("note", "\"the note\"", "ledger", "\"the ledger\"", "barge OR ferry", "audit AND permit", "\"tender quarry\"~3",
          "harb*", "lang:de AND cement");
      int[][] pages = {{20, 0}, {20, 20}, {10, 90}, {20, 95}, {20, 480}, {50, 490}, {20, 600}, {20, 0}};
      for (int round = 0; round < 2; round++) {
        for (String q : queries) {
          for (int[] p : pages) {
            SearchResult a = search(cached, q, p[0], p[1]);
            SearchResult b = search(uncached, q, p[0], p[1]);
            String at = q + " limit " + p[0] + " offset " + p[1];
            assertEquals(b.total(), a.total(), at);
            assertEquals(hits(b), hits(a), at);
            assertEquals(b.facets(), a.facets(), at);
          }
        }
      }
      assertNotEquals(0, search(uncached, "note", 20, 600).hits().size(), "the deepest page has hits");
    }
  }

  @Test
  void aQueryAskedAgainIsAnsweredFromTheCacheOnlyWhenOneIsKept() throws Exception {
    try (LuceneIndex writing = LuceneIndex.openForWriting(dir)) {
      fill(writing);
    }
    try (LuceneIndex cached = LuceneIndex.openForReading(dir, 64);
        LuceneIndex uncached = LuceneIndex.openForReading(dir, 0)) {
      search(cached, "note", 20, 0);
      SearchCache.Stats before = SearchCache.stats();
      search(cached, "note", 20, 20);
      SearchCache.Stats after = SearchCache.stats();
      assertEquals(1, after.hits() - before.hits(), "the second page is from the kept hits");
      search(cached, "note", 20, 600);
      SearchCache.Stats deep = SearchCache.stats();
      assertEquals(1, deep.facetHits() - after.facetHits(), "a page beyond the kept hits keeps the facets and count");
      search(uncached, "note", 20, 0);
      search(uncached, "note", 20, 0);
      SearchCache.Stats none = SearchCache.stats();
      assertEquals(2, none.misses() - deep.misses(), "without a cache every search is searched");
      assertEquals(0, none.hits() - deep.hits());
    }
  }

  @Test
  void theSameQueryWithinOtherDocumentsIsNotAnsweredForTheFirst() throws Exception {
    try (LuceneIndex writing = LuceneIndex.openForWriting(dir)) {
      fill(writing);
    }
    try (LuceneIndex cached = LuceneIndex.openForReading(dir, 64)) {
      java.util.Set<DocumentId> few = java.util.Set.of(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", 7)),
          new DocumentId(String.format(java.util.Locale.ROOT, "%064x", 8)));
      java.util.Set<DocumentId> one = java.util.Set.of(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", 9)));
      assertEquals(700, cached.search(new SearchRequest("note", 20, 0)).total());
      assertEquals(2, cached.search(new SearchRequest("note", 20, 0, Optional.of(few))).total());
      assertEquals(1, cached.search(new SearchRequest("note", 20, 0, Optional.of(one))).total());
      assertEquals(2, cached.search(new SearchRequest("note", 20, 0, Optional.of(few))).total());
      assertEquals(700, cached.search(new SearchRequest("note", 20, 0)).total());
    }
  }

  private static Map<String, Long> languages(SearchResult r) {
    return r.facets().get("language").stream()
        .collect(java.util.stream.Collectors.toMap(FacetCount::value, FacetCount::count));
  }

  @Test
  void aDocumentAddedThroughTheWriterIsCountedAtOnce() throws Exception {
    try (LuceneIndex writing = LuceneIndex.openForWriting(dir)) {
      fill(writing);
      SearchResult first = search(writing, "quarry", 20, 0);
      assertEquals(first.total(), search(writing, "quarry", 20, 0).total());
      writing.upsert(doc(5000, "fr", "a quarry in the hills"));
      SearchResult after = search(writing, "quarry", 20, 0);
      assertEquals(first.total() + 1, after.total());
      assertEquals(1L, languages(after).get("fr"), "the facets count the new document");
      assertEquals(null, languages(first).get("fr"));
    }
  }

  @Test
  void aReadOnlyIndexCountsANewCommitOnceItSeesIt() throws Exception {
    try (LuceneIndex writing = LuceneIndex.openForWriting(dir)) {
      fill(writing);
      try (LuceneIndex reading = LuceneIndex.openForReading(dir, 64)) {
        SearchResult first = search(reading, "quarry", 20, 0);
        search(reading, "quarry", 20, 0); // kept now
        writing.upsert(doc(5000, "fr", "a quarry in the hills"));
        writing.commit();
        SearchResult seen = first;
        for (int i = 0; i < 40 && seen.total() == first.total(); i++) {
          Thread.sleep(100);
          seen = search(reading, "quarry", 20, 0);
        }
        assertEquals(first.total() + 1, seen.total(), "the new commit is seen, not the kept answer");
        assertEquals(1L, languages(seen).get("fr"));
        SearchResult again = search(reading, "quarry", 20, 0);
        assertEquals(seen.total(), again.total(), "asked again, the newer answer");
        assertEquals(hits(seen), hits(again));
      }
    }
  }
}
