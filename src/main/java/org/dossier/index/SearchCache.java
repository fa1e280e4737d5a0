package org.dossier.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TotalHits;
import org.dossier.core.DocumentId;
import org.dossier.core.FacetCount;

/**
 * What one reader answered to recent queries (as Solr's queryResultCache and filterCache keep it):
 * the number of hits, the facets and the first hits of a parsed query, kept while the reader is
 * the same. Counting the facets and the hits means visiting every matching document; a query asked
 * again (the next page, the same search from another analyst, a reload) is then answered from here,
 * and a page beyond the kept hits is searched for its hits alone, not counted again. A newer reader
 * (a commit seen, a document added through the writer) empties it: nothing is ever answered from an
 * older reader. At most {@code size} queries are kept, the least recently used leaving first.
 */
public final class SearchCache {
  /** The most hits kept per query: a page deeper than this is searched for its hits each time. */
  static final int MAX_TOP = 500;
  /** Hits searched for at least, so that the next pages of a query are kept with its first. */
  static final int WINDOW = 100;

  /** A parsed query and the documents it was limited to. */
  record Key(Query query, Optional<Set<DocumentId>> within) {}

  /**
   * @param top the first hits, best first: all of them when fewer than {@link #MAX_TOP} match
   */
  record Entry(TotalHits total, ScoreDoc[] top, Map<String, List<FacetCount>> facets) {
    /** True when the first {@code wanted} hits are all here. */
    boolean covers(int wanted) {
      return top.length >= wanted || top.length >= total.value;
    }
  }

  /** Answers since the process started, across every index: all from here, facets only, none. */
  private static final LongAdder HITS = new LongAdder();
  private static final LongAdder FACET_HITS = new LongAdder();
  private static final LongAdder MISSES = new LongAdder();

  private final int size;
  /** The reader the entries are from, and the entries (access order); replaced together. */
  private IndexReader.CacheKey reader;
  private LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

  /** @param size the most queries kept; 0 keeps none */
  SearchCache(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("the search cache's size must not be negative, got " + size);
    }
    this.size = size;
  }

  /** What {@code reader} answered to {@code key}, if it is kept. */
  synchronized Entry get(IndexReader.CacheKey reader, Key key) {
    if (size == 0 || reader != this.reader) {
      return null;
    }
    return entries.get(key);
  }

  /** Keeps what {@code reader} answered; a reader other than the kept one's replaces all. */
  synchronized void put(IndexReader.CacheKey reader, Key key, Entry entry) {
    if (size == 0) {
      return;
    }
    if (reader != this.reader) {
      this.reader = reader;
      entries = new LinkedHashMap<>(16, 0.75f, true);
    }
    entries.put(key, entry);
    if (entries.size() > size) {
      entries.remove(entries.keySet().iterator().next());
    }
  }

  /** How a search was answered, counted for {@link #stats()}. */
  enum Answer {
    /** The hits and facets from the cache. */
    HIT,
    /** The facets from the cache, the hits searched. */
    FACETS,
    /** Searched and counted. */
    MISS
  }

  static void count(Answer a) {
    (a == Answer.HIT ? HITS : a == Answer.FACETS ? FACET_HITS : MISSES).increment();
  }

  /** Searches of the embedded index answered since the process started, across every index. */
  public record Stats(long hits, long facetHits, long misses) {
    public long searches() {
      return hits + facetHits + misses;
    }
  }

  public static Stats stats() {
    return new Stats(HITS.sum(), FACET_HITS.sum(), MISSES.sum());
  }
}
