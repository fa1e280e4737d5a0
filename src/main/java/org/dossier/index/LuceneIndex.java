package org.dossier.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentIndex;
import org.dossier.core.FacetCount;
import org.dossier.core.IndexDocument;
import org.dossier.core.SearchHit;
import org.dossier.core.SearchRequest;
import org.dossier.core.SearchResult;

/**
 * The embedded Lucene index. Opened for writing by the ingest (one writer per case, guarded by
 * Lucene's write lock) or read-only by searches, which see the last commit.
 */
public final class LuceneIndex implements DocumentIndex {
  private static final int FACET_VALUES = 10;
  /** Text beyond this many characters is neither indexed nor highlighted. */
  public static final int DEFAULT_MAX_CHARS = 10_000_000;

  /** Tokenized, not stored, with positions and offsets (the snippets come from the postings). */
  static final FieldType TEXT_INDEXED = textType(false);

  private final Directory directory;
  private final Analyzer analyzer = Analyzers.perField();
  private final Analyzer chinese = Analyzers.chinese();
  /** Each analysis a document's text may have had: queries try them all. */
  private final List<Analyzer> textAnalyzers =
      List.of(Analyzers.neutral(), Analyzers.english(), Analyzers.russian(), chinese);
  private final Analyzer translit = Analyzers.translit();
  private final FacetsConfig facets = new FacetsConfig();
  private final IndexWriter writer;
  private DirectoryReader reader;
  private SortedSetDocValuesReaderState facetState;
  /** Read-only: searchers shared by concurrent searches, refreshed at most every {@link #REFRESH_NANOS}. */
  private volatile org.apache.lucene.search.SearcherManager searchers;
  private volatile long refreshed;
  /** The facet state of one reader (built once per refresh), as {reader, state}. */
  private volatile Object[] facetCache = {null, null};
  /** The field infos of one reader, merged over its segments once per refresh, as {reader, infos}. */
  private volatile Object[] fieldInfosCache = {null, null};
  private static final long REFRESH_NANOS = 1_000_000_000L;
  /**
   * Queries whose count, facets and first hits each index keeps per reader ({@link SearchCache});
   * the system property {@value #CACHE_PROPERTY} sets another number, 0 for none.
   */
  public static final int CACHE_SIZE = 512;
  public static final String CACHE_PROPERTY = "dossier.search.cache";
  private final SearchCache cache;

  private LuceneIndex(Directory directory, boolean writable, int cacheSize) throws IOException {
    this.directory = directory;
    this.cache = new SearchCache(cacheSize);
    facets.setMultiValued(Fields.FOLDER, true);
    facets.setMultiValued(Fields.EXTENSION, true);
    Fields.ENTITIES.forEach(e -> facets.setMultiValued(e, true));
    if (writable) {
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      config.setUseCompoundFile(false); // flushing skips the copy into a compound file
      config.setCommitOnClose(false);
      this.writer = new IndexWriter(directory, config);
    } else {
      this.writer = null;
    }
  }

  /** Opens the index for writing, creating it if needed. */
  public static LuceneIndex openForWriting(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new LuceneIndex(FSDirectory.open(dir), true, cacheSize());
  }

  /** Opens the index for searching only. */
  public static LuceneIndex openForReading(Path dir) throws IOException {
    return openForReading(dir, cacheSize());
  }

  /** Opens the index for searching only, keeping the answers to at most {@code cacheSize} queries. */
  static LuceneIndex openForReading(Path dir, int cacheSize) throws IOException {
    Files.createDirectories(dir);
    return new LuceneIndex(FSDirectory.open(dir), false, cacheSize);
  }

  private static int cacheSize() {
    return Integer.getInteger(CACHE_PROPERTY, CACHE_SIZE);
  }

  @Override
  public void upsert(IndexDocument d) throws IOException {
    requireWriter();
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, d.id().sha256(), Field.Store.YES));
    doc.add(new StoredField(Fields.DISPLAY_NAME, d.name()));
    for (String n : SearchAnalysis.fileNames(d)) {
      doc.add(new StringField(Fields.NAME, lower(n), Field.Store.NO));
    }
    for (String p : new LinkedHashSet<>(d.paths())) {
      doc.add(new StringField(Fields.PATH, lower(p), Field.Store.NO));
      doc.add(new TextField(Fields.NAME_TEXT, p, Field.Store.NO));
    }
    doc.add(new StoredField(Fields.TEXT, d.text()));
    SearchAnalysis.TextStreams text = Analyzers.text(d.text(), d.language(), chinese);
    doc.add(new Field(Fields.TEXT, text.text(), TEXT_INDEXED));
    doc.add(new Field(Fields.TEXT_TRANSLIT, text.translit(), TEXT_INDEXED));
    for (Map.Entry<String, List<String>> e : d.fields().entrySet()) {
      for (String v : e.getValue()) {
        doc.add(new TextField(e.getKey(), v, Field.Store.NO));
        doc.add(new TextField(Fields.META, v, Field.Store.NO));
      }
    }
    for (Map.Entry<String, List<IndexDocument.EntityName>> e : d.entities().entrySet()) {
      Set<String> canonical = IndexDocument.EntityName.canonical(e.getValue());
      Set<String> searchable = IndexDocument.EntityName.searchable(e.getValue());
      // searchable by field (equipment:BMD-4M); a bare query searches what the text says, not
      // the names the analysis inferred, so a description is not a hit for a designation
      for (String n : searchable) {
        doc.add(new TextField(e.getKey(), n, Field.Store.NO));
      }
      for (String n : canonical) {
        if (!n.isBlank()) {
          doc.add(new SortedSetDocValuesFacetField(e.getKey(), n));
        }
      }
    }
    keyword(doc, Fields.TYPE, d.mediaType());
    keyword(doc, Fields.LANGUAGE, d.language());
    doc.add(new StringField(Fields.STATUS, d.status(), Field.Store.NO));
    for (String ext : new LinkedHashSet<>(d.extensions())) {
      keyword(doc, Fields.EXTENSION, ext);
    }
    for (String folder : new LinkedHashSet<>(d.folders())) {
      keyword(doc, Fields.FOLDER, folder);
    }
    d.container().ifPresent(c -> keyword(doc, Fields.CONTAINER, c));
    d.date()
        .ifPresent(
            date -> {
              doc.add(new LongPoint(Fields.DATE, date.toEpochDay()));
              doc.add(new StoredField(Fields.DATE, date.toString()));
              doc.add(new IntPoint(Fields.YEAR, date.getYear()));
              doc.add(new SortedSetDocValuesFacetField(Fields.YEAR, Integer.toString(date.getYear())));
            });
    writer.updateDocument(new Term(Fields.ID, d.id().sha256()), facets.build(doc));
  }

  private static void keyword(Document doc, String field, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    doc.add(new StringField(field, lower(value), Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(field, value));
  }

  @Override
  public void commit() throws IOException {
    requireWriter();
    writer.commit();
  }

  @Override
  public synchronized long count() throws IOException {
    if (writer != null) {
      return writer.getDocStats().numDocs;
    }
    DirectoryReader r = reader();
    return r == null ? 0 : r.numDocs();
  }

  /**
   * Searches. Opened for reading, any number of threads search at once on a shared searcher that
   * sees the latest commit within a second; opened for writing, searches take turns and see the
   * writer's changes.
   */
  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    if (writer != null) {
      synchronized (this) {
        DirectoryReader r = reader();
        if (r == null || r.numDocs() == 0) {
          return new SearchResult(0, List.of(), Map.of());
        }
        return search(request, new IndexSearcher(r), r);
      }
    }
    org.apache.lucene.search.SearcherManager m = searchers();
    if (m == null) {
      return new SearchResult(0, List.of(), Map.of());
    }
    IndexSearcher searcher = m.acquire();
    try {
      DirectoryReader r = (DirectoryReader) searcher.getIndexReader();
      if (r.numDocs() == 0) {
        return new SearchResult(0, List.of(), Map.of());
      }
      return search(request, searcher, r);
    } finally {
      m.release(searcher);
    }
  }

  /** The shared searchers of a read-only index, refreshed now and then; null while there is no index. */
  private org.apache.lucene.search.SearcherManager searchers() throws IOException {
    org.apache.lucene.search.SearcherManager m = searchers;
    if (m == null) {
      synchronized (this) {
        if (searchers == null) {
          if (!DirectoryReader.indexExists(directory)) {
            return null;
          }
          searchers = new org.apache.lucene.search.SearcherManager(directory, null);
          refreshed = System.nanoTime();
        }
        return searchers;
      }
    }
    long now = System.nanoTime();
    if (now - refreshed > REFRESH_NANOS) {
      refreshed = now;
      m.maybeRefresh();
    }
    return m;
  }

  private SearchResult search(SearchRequest request, IndexSearcher searcher, DirectoryReader r) throws IOException {
    Query query = parse(request.query());
    int wanted = request.offset() + request.limit();
    Query searched = query;
    if (request.within().isPresent()) {
      List<org.apache.lucene.util.BytesRef> ids = new ArrayList<>();
      request.within().get().forEach(id -> ids.add(new org.apache.lucene.util.BytesRef(id.sha256())));
      searched = new org.apache.lucene.search.BooleanQuery.Builder()
          .add(query, org.apache.lucene.search.BooleanClause.Occur.MUST)
          .add(new org.apache.lucene.search.TermInSetQuery(Fields.ID, ids), org.apache.lucene.search.BooleanClause.Occur.FILTER)
          .build();
    }
    SearchCache.Entry answer = answer(searcher, r, new SearchCache.Key(query, request.within()), searched, wanted);
    ScoreDoc[] page = page(answer.top(), request.offset(), wanted);
    TopDocs pageDocs = new TopDocs(answer.total(), page);
    Snippets.Stored[] stored = Snippets.read(searcher, page, DEFAULT_MAX_CHARS);
    String[] snippets = Snippets.highlight(searcher, analyzer, fieldInfos(r), fuzzyAsTerms(query, searcher),
        pageDocs, stored, DEFAULT_MAX_CHARS);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      hits.add(new SearchHit(new DocumentId(stored[i].id()), stored[i].name(), page[i].score,
          Snippets.passages(snippets[i])));
    }
    return new SearchResult(answer.total().value, hits, answer.facets());
  }

  /**
   * The number of hits, the facets and at least the first {@code wanted} hits of a query: from the
   * cache when this reader answered it already, else searched (every match visited, for the
   * facets and the exact count) and kept. A page beyond the kept hits is searched for its hits
   * only, with the facets and count kept.
   */
  private SearchCache.Entry answer(IndexSearcher searcher, DirectoryReader r, SearchCache.Key key, Query searched,
      int wanted) throws IOException {
    IndexReader.CacheKey readerKey = r.getReaderCacheHelper().getKey();
    SearchCache.Entry kept = cache.get(readerKey, key);
    if (kept != null && kept.covers(wanted)) {
      SearchCache.count(SearchCache.Answer.HIT);
      return kept;
    }
    if (kept != null) {
      SearchCache.count(SearchCache.Answer.FACETS);
      // the count is known: hits beyond the page need not be counted
      TopDocs top = searcher.search(searched, new TopScoreDocCollectorManager(wanted, null, wanted, true));
      return new SearchCache.Entry(kept.total(), top.scoreDocs, kept.facets());
    }
    SearchCache.count(SearchCache.Answer.MISS);
    int depth = Math.max(wanted, SearchCache.WINDOW);
    FacetsCollectorManager.FacetsResult result =
        FacetsCollectorManager.search(searcher, searched, depth, new FacetsCollectorManager());
    TopDocs top = result.topDocs();
    SearchCache.Entry searchedNow =
        new SearchCache.Entry(top.totalHits, top.scoreDocs, facetCounts(r, result.facetsCollector()));
    if (top.scoreDocs.length <= SearchCache.MAX_TOP) {
      cache.put(readerKey, key, searchedNow);
    } else {
      ScoreDoc[] first = java.util.Arrays.copyOf(top.scoreDocs, SearchCache.MAX_TOP);
      cache.put(readerKey, key, new SearchCache.Entry(top.totalHits, first, searchedNow.facets()));
    }
    return searchedNow;
  }

  private Query parse(String text) {
    return DossierQueryParser.parse(text, analyzer, textAnalyzers, translit);
  }

  /**
   * The query with each fuzzy part replaced by the terms it matched in the index. The highlighter
   * would otherwise build Levenshtein automata again for every field of every hit (half a second
   * for a ten-hit page); the terms are what a fuzzy part matches anyway.
   */
  static Query fuzzyAsTerms(Query query, IndexSearcher searcher) throws IOException {
    if (query instanceof FuzzyQuery) {
      return searcher.rewrite(query);
    }
    if (query instanceof BoostQuery b) {
      Query inner = fuzzyAsTerms(b.getQuery(), searcher);
      return inner == b.getQuery() ? b : new BoostQuery(inner, b.getBoost());
    }
    if (query instanceof BooleanQuery bq) {
      BooleanQuery.Builder builder = new BooleanQuery.Builder();
      builder.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      boolean changed = false;
      for (BooleanClause c : bq.clauses()) {
        Query inner = fuzzyAsTerms(c.getQuery(), searcher);
        changed |= inner != c.getQuery();
        builder.add(inner, c.getOccur());
      }
      return changed ? builder.build() : bq;
    }
    return query;
  }

  private Map<String, List<FacetCount>> facetCounts(DirectoryReader r, FacetsCollector fc)
      throws IOException {
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    SortedSetDocValuesReaderState state = facetState(r);
    if (state == null) {
      return out;
    }
    Facets counts = new SortedSetDocValuesFacetCounts(state, fc);
    for (String dim : Fields.FACETS) {
      FacetResult result;
      try {
        result = counts.getTopChildren(FACET_VALUES, dim);
      } catch (IllegalArgumentException e) {
        continue; // no document has this facet yet
      }
      if (result == null) {
        continue;
      }
      List<FacetCount> values = new ArrayList<>();
      for (LabelAndValue lv : result.labelValues) {
        values.add(new FacetCount(lv.label, lv.value.longValue()));
      }
      out.put(dim, values);
    }
    return out;
  }

  /** The reader's field infos, merged over its segments (kept while the reader is the same). */
  private FieldInfos fieldInfos(DirectoryReader r) {
    Object[] cached = fieldInfosCache;
    if (cached[0] == r) {
      return (FieldInfos) cached[1];
    }
    FieldInfos infos = FieldInfos.getMergedFieldInfos(r);
    fieldInfosCache = new Object[] {r, infos};
    return infos;
  }

  private SortedSetDocValuesReaderState facetState(DirectoryReader r) throws IOException {
    if (writer == null) {
      Object[] cached = facetCache;
      if (cached[0] == r) {
        return (SortedSetDocValuesReaderState) cached[1];
      }
      SortedSetDocValuesReaderState state;
      try {
        state = new DefaultSortedSetDocValuesReaderState(r, facets);
      } catch (IllegalArgumentException e) {
        state = null; // no facet field indexed yet
      }
      facetCache = new Object[] {r, state};
      return state;
    }
    if (facetState == null) {
      try {
        facetState = new DefaultSortedSetDocValuesReaderState(r, facets);
      } catch (IllegalArgumentException e) {
        return null; // no facet field indexed yet
      }
    }
    return facetState;
  }

  /** The current reader, refreshed to the latest commit (or the writer's latest changes). */
  private DirectoryReader reader() throws IOException {
    if (reader == null) {
      if (writer != null) {
        reader = DirectoryReader.open(writer);
      } else if (DirectoryReader.indexExists(directory)) {
        reader = DirectoryReader.open(directory);
      } else {
        return null;
      }
      facetState = null;
    } else {
      DirectoryReader newer =
          writer != null
              ? DirectoryReader.openIfChanged(reader, writer)
              : DirectoryReader.openIfChanged(reader);
      if (newer != null) {
        reader.close();
        reader = newer;
        facetState = null;
      }
    }
    return reader;
  }

  /** The hits from {@code offset} up to {@code wanted} (or the last). */
  private static ScoreDoc[] page(ScoreDoc[] all, int offset, int wanted) {
    int end = Math.min(all.length, wanted);
    if (offset >= end) {
      return new ScoreDoc[0];
    }
    ScoreDoc[] out = new ScoreDoc[end - offset];
    System.arraycopy(all, offset, out, 0, out.length);
    return out;
  }

  private void requireWriter() {
    if (writer == null) {
      throw new IllegalStateException("the index was opened for reading only");
    }
  }

  private static FieldType textType(boolean stored) {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(stored);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  @Override
  public synchronized void close() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
    if (searchers != null) {
      searchers.close();
      searchers = null;
    }
    if (writer != null) {
      writer.rollback(); // uncommitted changes are dropped: the store re-sends them
    }
    directory.close();
  }
}
