package org.dossier.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One document to extract.
 *
 * @param id the document
 * @param original the stored original (read-only)
 * @param name the document's name, whose file name part hints at the format
 * @param textOut where to write the extracted UTF-8 text
 * @param childDir an empty folder for embedded documents, named by counter, never by entry name
 */
public record ExtractionRequest(
    DocumentId id, Path original, String name, Path textOut, Path childDir) {
  public ExtractionRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(textOut, "textOut");
    Objects.requireNonNull(childDir, "childDir");
  }
}
