package org.dossier.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentIndex;
import org.dossier.core.IndexDocument;
import org.dossier.core.IndexDocument.EntityName;
import org.dossier.core.InvalidQueryException;
import org.dossier.core.SearchHit;
import org.dossier.core.SearchRequest;
import org.dossier.core.SearchResult;
import org.dossier.index.LuceneIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Solr index against the embedded one: the same invented documents in both (a two-node
 * SolrCloud cluster, two shards of two replicas), the same queries, the same answers: hits (in
 * order where the scores tell them apart), totals, facets and snippets, and the same refusal of a
 * bad query.
 */
class SolrIndexContractTest {
  @TempDir static Path dir;
  static SolrCluster cluster;
  static LuceneIndex lucene;
  static SolrIndex solr;

  private static IndexDocument doc(char id, String name, String lang, String type, String date, String text,
      Map<String, List<String>> fields, Map<String, List<EntityName>> entities) {
    String ext = name.substring(name.lastIndexOf('.') + 1);
    String folder = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : ".";
    return new IndexDocument(new DocumentId(String.valueOf(id).repeat(64)), name, List.of(name), text, lang, type, "ok",
        date == null ? Optional.empty() : Optional.of(LocalDate.parse(date)), List.of(folder),
        name.startsWith("deal.zip/") ? Optional.of("deal.zip") : Optional.empty(), List.of(ext), fields, entities);
  }

  static final List<IndexDocument> DOCS = List.of(
      doc('1', "contracts/supply.pdf", "en", "application/pdf", "2024-10-05",
          "The supply contract covers 37 BMD-4M vehicles. Payment is due before delivery."
              + " Analyst Oleksandr Danylyuk reviewed the contract for Northwind Logistics.",
          Map.of("title", List.of("Supply contract"), "author", List.of("Ivan Petrov")),
          Map.of("person", List.of(new EntityName("Oleksandr Danylyuk", "Oleksandr Danylyuk")),
              "organization", List.of(new EntityName("Northwind Logistics", "Northwind Logistics")))),
      doc('2', "contracts/договор.docx", "ru", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "2023-04-12", "Договор на поставку 37 единиц БМД-4М. Эксперт Данилюк подписал договоры поставок.",
          Map.of(), Map.of("person", List.of(new EntityName("Oleksandr Danylyuk", "Данилюк")))),
      doc('3', "memo/备忘录.txt", "zh", "text/plain", "2024-06-01", "合同规定交付三十七辆空降战车。", Map.of(), Map.of()),
      doc('4', "deal.zip/notes.txt", "en", "text/plain", null,
          "Black Moon released the notes. The moon was black that night over the harbour of Port Velmar.",
          Map.of(), Map.of("place", List.of(new EntityName("Port Velmar", "Port Velmar")))),
      doc('5', "mail/cover.eml", "en", "message/rfc822", "2024-10-20",
          "Please find the contracts attached. The contract with Northwind Logistics is signed.",
          Map.of("from", List.of("buyer@example.org"), "subject", List.of("Signed contracts")),
          Map.of("organization", List.of(new EntityName("Northwind Logistics", "Northwind Logistics")))),
      doc('6', "mail/reply.eml", "en", "message/rfc822", "2024-10-21",
          "Contract received. Contract contract contract: the payment schedule follows.",
          Map.of("from", List.of("seller@example.org")), Map.of()),
      doc('7', "reports/quarterly.txt", "en", "text/plain", "2022-01-15",
          "Quarterly report on the harbour works. Nothing about the deal.", Map.of(), Map.of()),
      // one content under two names
      new IndexDocument(new DocumentId("8".repeat(64)), "letters/ferry-notice.txt",
          List.of("letters/ferry-notice.txt", "archive/Ferry-Notice-Copy.txt"), "The ferry sails at noon.", "en",
          "text/plain", "ok", Optional.empty(), List.of("letters", "archive"), Optional.empty(), List.of("txt"),
          Map.of()));

  static final List<String> QUERIES = List.of(
      "contract", "contract AND payment", "payment OR moon", "attached NOT payment", "contracts NOT payment",
      "\"Black Moon\"", "\"moon black\"~2", "\"moon black\"", "contr*", "*ract", "con?ract", "Danylyk~", "relased~",
      "lang:ru", "ext:pdf", "author:petrov", "from:buyer@example.org", "container:deal.zip", "folder:contracts",
      "type:\"application/pdf\"", "type:*pdf", "title:supply", "subject:signed", "date:2024-10", "date:2024-10-05",
      "date:[2023 TO 2024-06]", "date:{2023-04-12 TO 2024-10-05}", "year:[2024 TO *]", "year:2023", "BMD-4M", "БМД-4М",
      "Данилюк", "Danylyuk", "поставки", "договоров", "合同", "交付", "person:Danylyuk", "person:данилюк",
      "organization:\"Northwind Logistics\"", "org:northwind", "place:velmar", "NOT contract", "nothingmatcheshere",
      "/con.ract/", "[harbour TO moon]", "{harbour TO moon}", "[payment TO *]", "filename:[a TO m]", "contract^3 OR moon", "(contract OR moon) AND NOT payment", "harbour",
      "status:ok AND year:2024", "filename:\"mail/cover.eml\"", "foo:bar", "filename:ferry-notice-copy.txt",
      "filename:Ferry-Notice-Copy", "filename:cover", "filename:ferry-notice*", "filename:ferry-notice-draft.txt");

  @BeforeAll
  static void build() throws Exception {
    cluster = SolrCluster.launch(2);
    SolrLocation location = new SolrLocation(cluster.nodes(), "contract", 2, 2);
    SolrIndex.create(location);
    solr = SolrIndex.openForWriting(location);
    lucene = LuceneIndex.openForWriting(dir.resolve("index"));
    for (IndexDocument d : DOCS) {
      solr.upsert(d);
      lucene.upsert(d);
    }
    solr.commit();
    lucene.commit();
  }

  @AfterAll
  static void close() throws Exception {
    if (solr != null) {
      solr.close();
    }
    if (lucene != null) {
      lucene.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void everyQueryFindsTheSameDocumentsWithTheSameFacetsAndSnippets() throws Exception {
    List<String> differences = new ArrayList<>();
    List<String> otherScores = new ArrayList<>();
    int ordered = 0;
    for (String q : QUERIES) {
      SearchRequest request = new SearchRequest(q, 50, 0);
      SearchResult l = lucene.search(request);
      SearchResult s = solr.search(request);
      String diff = difference(l, s);
      if (diff != null) {
        differences.add(q + ": " + diff);
      }
      ordered += distinctScores(l) && l.hits().size() > 1 ? 1 : 0;
      if (!sameScores(l, s)) {
        otherScores.add(q);
      }
    }
    // scores are reported, not required: Solr's distributed statistics (ExactStatsCache) leave out
    // the collection statistics of a shard where no term of a phrase occurs
    System.out.printf(java.util.Locale.ROOT, "solr-contract: %d queries, %d with hits ranked apart, scores equal in %d;"
        + " other scores: %s%n", QUERIES.size(), ordered, QUERIES.size() - otherScores.size(), otherScores);
    assertEquals(List.of(), differences);
    assertTrue(ordered >= 5, "enough queries rank several hits apart to compare orders: " + ordered);
  }

  @Test
  void withinAndPagingAgree() throws Exception {
    Optional<Set<DocumentId>> within = Optional.of(Set.of(DOCS.get(0).id(), DOCS.get(4).id(), DOCS.get(2).id()));
    for (SearchRequest r : List.of(new SearchRequest("contract*", 10, 0, within),
        new SearchRequest("contract* OR 合同", 10, 0, within), new SearchRequest("moon", 10, 0, within),
        new SearchRequest("contract", 10, 0, Optional.of(Set.of())))) {
      assertEquals(null, difference(lucene.search(r), solr.search(r)), r.toString());
    }
    String q = "contract OR moon OR 合同 OR harbour";
    SearchResult all = lucene.search(new SearchRequest(q, 50, 0));
    assertTrue(distinctScores(all), "the paging query ranks its hits apart: " + all.hits());
    for (int offset = 0; offset < all.hits().size(); offset += 2) {
      SearchRequest page = new SearchRequest(q, 2, offset);
      assertEquals(null, difference(lucene.search(page), solr.search(page)), "offset " + offset);
    }
  }

  @Test
  void aLatinSpellingFindsTheCyrillicNameWithItHighlighted() throws Exception {
    SearchResult r = solr.search(new SearchRequest("Danylyuk", 10, 0));
    assertEquals(Set.of(DOCS.get(0).id(), DOCS.get(1).id()), ids(r));
    String all = String.join(" | ", r.hits().stream().flatMap(h -> h.snippets().stream()).toList());
    assertTrue(all.contains("<b>Данилюк</b>"), all);
    assertTrue(all.contains("<b>Danylyuk</b>"), all);
  }

  @Test
  void theComparisonSeesADifference() throws Exception {
    // negative control: a document only Solr has makes the same query differ, until Lucene has it too
    SearchRequest okapi = new SearchRequest("okapi", 10, 0);
    assertEquals(null, difference(lucene.search(okapi), solr.search(okapi)));
    IndexDocument late = doc('9', "late/okapi.txt", "en", "text/plain", null, "An okapi in the annex.", Map.of(),
        Map.of());
    synchronized (SolrIndexContractTest.class) {
      solr.upsert(late);
      solr.commit();
      assertNotEquals(null, difference(lucene.search(okapi), solr.search(okapi)));
      assertNotEquals(lucene.count(), solr.count());
      lucene.upsert(late);
      lucene.commit();
    }
    assertEquals(null, difference(lucene.search(okapi), solr.search(okapi)));
    assertEquals(lucene.count(), solr.count());
  }

  @Test
  void filenameFindsADocumentByTheNameOfAnyOfItsCopiesOnBothEngines() throws Exception {
    DocumentId ferry = DOCS.get(7).id();
    for (DocumentIndex index : List.of(lucene, solr)) {
      for (String q : List.of("filename:ferry-notice-copy.txt", "filename:FERRY-NOTICE-COPY.TXT", "filename:ferry-notice-copy",
          "filename:\"archive/ferry-notice-copy.txt\"", "filename:ferry-notice.txt", "filename:ferry-notice")) {
        SearchResult r = index.search(new SearchRequest(q, 10, 0));
        assertEquals(Set.of(ferry), ids(r), q);
        assertEquals("letters/ferry-notice.txt", r.hits().get(0).name(), "shown by its first name");
      }
      assertEquals(Set.of(DOCS.get(4).id()), ids(index.search(new SearchRequest("filename:cover", 10, 0))));
      // controls: a name no path has, and a word of a name
      for (String q : List.of("filename:ferry-notice-draft.txt", "filename:ferry", "filename:copy.txt")) {
        assertEquals(Set.of(), ids(index.search(new SearchRequest(q, 10, 0))), q);
      }
    }
  }

  @Test
  void badQueriesAreRefusedTheSameWay() {
    for (String q : List.of("\"unclosed phrase", "date:yesterday", "year:soon", "(contract")) {
      InvalidQueryException l = assertThrows(InvalidQueryException.class, () -> lucene.search(new SearchRequest(q, 10, 0)));
      InvalidQueryException s = assertThrows(InvalidQueryException.class, () -> solr.search(new SearchRequest(q, 10, 0)));
      assertEquals(l.getMessage(), s.getMessage());
    }
  }

  @Test
  void aReadOnlyIndexRefusesWrites() throws Exception {
    try (DocumentIndex reading = SolrIndex.openForReading(solr.location())) {
      assertThrows(IllegalStateException.class, () -> reading.upsert(DOCS.get(0)));
      assertEquals(lucene.count(), reading.count());
      assertFalse(reading.search(new SearchRequest("contract", 10, 0)).hits().isEmpty());
    }
  }

  /** Null when the answers agree; else what differs. */
  static String difference(SearchResult l, SearchResult s) {
    if (l.total() != s.total()) {
      return "total " + l.total() + " vs " + s.total() + " " + names(l) + " vs " + names(s);
    }
    if (distinctScores(l)) {
      List<DocumentId> lo = l.hits().stream().map(SearchHit::id).toList();
      List<DocumentId> so = s.hits().stream().map(SearchHit::id).toList();
      if (!lo.equals(so)) {
        return "order " + names(l) + " vs " + names(s);
      }
    } else if (!ids(l).equals(ids(s))) {
      return "hits " + names(l) + " vs " + names(s);
    }
    if (!new TreeMap<>(l.facets()).equals(new TreeMap<>(s.facets()))) {
      return "facets " + l.facets() + " vs " + s.facets();
    }
    Map<DocumentId, List<String>> ls = snippets(l);
    Map<DocumentId, List<String>> ss = snippets(s);
    if (!ls.equals(ss)) {
      return "snippets " + ls.values() + " vs " + ss.values();
    }
    return null;
  }

  /** Whether each hit has the score it has in the embedded index (to a relative 1e-4). */
  static boolean sameScores(SearchResult l, SearchResult s) {
    for (SearchHit h : l.hits()) {
      for (SearchHit o : s.hits()) {
        if (o.id().equals(h.id()) && Math.abs(o.score() - h.score()) > 1e-4f * Math.max(1f, h.score())) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when no two hits have the same score (so their order is not a matter of ties). */
  static boolean distinctScores(SearchResult r) {
    for (int i = 1; i < r.hits().size(); i++) {
      if (Math.abs(r.hits().get(i - 1).score() - r.hits().get(i).score()) < 1e-3f) {
        return false;
      }
    }
    return true;
  }

  static Set<DocumentId> ids(SearchResult r) {
    return new TreeSet<>(r.hits().stream().map(SearchHit::id).toList());
  }

  private static List<String> names(SearchResult r) {
    return r.hits().stream().map(h -> h.name() + "@" + h.score()).toList();
  }

  private static Map<DocumentId, List<String>> snippets(SearchResult r) {
    Map<DocumentId, List<String>> out = new TreeMap<>();
    for (SearchHit h : r.hits()) {
      out.put(h.id(), h.snippets());
    }
    return out;
  }
}
