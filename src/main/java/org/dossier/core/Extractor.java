package org.dossier.core;

/**
 * Port: turns one original into text, metadata and embedded files. Implementations must bound
 * time and memory per document and report a failure as an {@link Extraction} status rather than
 * throw.
 */
public interface Extractor extends AutoCloseable {

  Extraction extract(ExtractionRequest request);

  @Override
  void close();
}
