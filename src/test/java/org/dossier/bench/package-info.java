/**
 * Benchmarks, run by hand with {@code ./bench} (never by the test suite): each capability side by
 * side with the bare library it builds on.
 *
 * <ul>
 *   <li>{@link org.dossier.bench.IngestBenchmark}: bare Apache Tika against {@code dossier ingest}
 *       on the same generated files, re-ingest of the unchanged files, peak heap of the ingest;
 *   <li>{@link org.dossier.bench.SearchBenchmark}: query latency of Dossier's search (facets and
 *       snippets included) against a bare Lucene search, on a generated index;
 *   <li>{@link org.dossier.bench.IndexingBenchmark}: indexing throughput of Dossier's index against
 *       bare Lucene;
 *   <li>{@link org.dossier.bench.LinkBenchmark}: the link stage (stories, facts, sources) on
 *       generated fictional multi-outlet stories ({@link org.dossier.bench.StoryGenerator}) with
 *       their gold: time, and precision and recall of stories, facts, statuses and links beside a
 *       naive grouping by the first state an article names.
 * </ul>
 *
 * <p>The corpus is fictional text from {@link org.dossier.bench.FictionalText}.
 */
package org.dossier.bench;
