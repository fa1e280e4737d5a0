package org.dossier.verify;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;

/**
 * One document as the checks read it.
 *
 * @param original the stored original, if it is in the evidence store
 * @param paths how many paths the same bytes were found at
 * @param ingested when the case first recorded it
 */
record Subject(DocumentId id, String name, String mediaType, Optional<Path> original, String text,
    Map<String, List<String>> metadata, Annotations annotations, int paths, Instant ingested) {

  /** The first value of a metadata key, if any. */
  Optional<String> meta(String key) {
    List<String> v = metadata.get(key);
    return v == null || v.isEmpty() || v.get(0).isBlank() ? Optional.empty() : Optional.of(v.get(0).strip());
  }
}
