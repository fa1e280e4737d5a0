package org.dossier.core;

import java.io.Closeable;
import java.io.IOException;

/**
 * Port: the full-text index. The embedded adapter is Lucene; a distributed engine can stand in
 * behind the same four methods.
 */
public interface DocumentIndex extends Closeable {

  /** Adds the document, replacing any earlier version with the same id. */
  void upsert(IndexDocument document) throws IOException;

  /** Makes every upsert so far durable and visible to searches. */
  void commit() throws IOException;

  /**
   * Runs a query.
   *
   * @throws InvalidQueryException when the query cannot be parsed
   */
  SearchResult search(SearchRequest request) throws IOException;

  /** Number of documents in the committed index. */
  long count() throws IOException;
}
