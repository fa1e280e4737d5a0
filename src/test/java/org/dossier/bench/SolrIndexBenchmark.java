package org.dossier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dossier.core.DocumentIndex;
import org.dossier.core.IndexDocument;
import org.dossier.core.SearchRequest;
import org.dossier.index.LuceneIndex;
import org.dossier.index.solr.SolrCluster;
import org.dossier.index.solr.SolrIndex;
import org.dossier.index.solr.SolrLocation;

/**
 * The index on SolrCloud (a local cluster of two nodes: two shards of two replicas, one client
 * thread) against the embedded Lucene index, on the same generated documents: indexing throughput,
 * then search latency (p50, p99) over the same queries, each answer with its facets and snippets.
 * Args: {@code [DOCS] [SEARCHES]}. Both run on this machine, so the figures are the adapter's cost
 * (analysis here, JSON tokens over HTTP, two replicas written), not a cluster's capacity.
 */
public final class SolrIndexBenchmark {
  private SolrIndexBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int searches = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    List<IndexDocument> docs = IndexingBenchmark.documents(n);
    long chars = docs.stream().mapToLong(d -> d.text().length()).sum();
    List<String> queries = List.of("harbour", "contract AND delivery", "\"the contract\"", "cran*", "date:[2020 TO 2023]",
        "Danylyuk", "поставки", "lang:en AND payment", "ledger OR radar", "shipment~");
    System.out.printf(Locale.ROOT, "%d documents, %.1f MB of text%n", n, chars / 1e6);
    Path dir = Files.createTempDirectory("idx");
    try (SolrCluster cluster = SolrCluster.launch(2)) {
      SolrLocation location = new SolrLocation(cluster.nodes(), "bench", 2, 2);
      SolrIndex.create(location);
      double lucene = index(LuceneIndex.openForWriting(dir), docs);
      double solr = index(SolrIndex.openForWriting(location), docs);
      System.out.printf(Locale.ROOT, "indexing   lucene %.1f s (%.0f docs/s)   solr %.1f s (%.0f docs/s)%n",
          lucene, n / lucene, solr, n / solr);
      try (DocumentIndex l = LuceneIndex.openForReading(dir); DocumentIndex s = SolrIndex.openForReading(location)) {
        report("lucene", latencies(l, queries, searches));
        report("solr", latencies(s, queries, searches));
      }
    }
  }

  private static double index(DocumentIndex index, List<IndexDocument> docs) throws Exception {
    long start = System.nanoTime();
    try (index) {
      for (IndexDocument d : docs) {
        index.upsert(d);
      }
      index.commit();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static long[] latencies(DocumentIndex index, List<String> queries, int searches) throws Exception {
    for (String q : queries) { // warm up
      index.search(new SearchRequest(q, 10, 0));
    }
    long[] took = new long[searches];
    for (int i = 0; i < searches; i++) {
      long start = System.nanoTime();
      index.search(new SearchRequest(queries.get(i % queries.size()), 10, 0));
      took[i] = System.nanoTime() - start;
    }
    Arrays.sort(took);
    return took;
  }

  private static void report(String name, long[] took) {
    System.out.printf(Locale.ROOT, "search     %-6s p50 %.1f ms   p99 %.1f ms   (%d searches, 10 hits with facets and snippets)%n",
        name, took[took.length / 2] / 1e6, took[Math.min(took.length - 1, (int) (took.length * 0.99))] / 1e6, took.length);
  }
}
