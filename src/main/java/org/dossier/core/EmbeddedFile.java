package org.dossier.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A document found inside another one (archive entry, attachment, embedded object), staged as a
 * file for the collector to hash and store.
 *
 * @param entryName the name the container gives it, as written there (may be hostile)
 * @param file the staged bytes
 * @param size the number of bytes
 * @param parentIndex index in the same list of the embedded file that holds this one, or -1 when
 *     the container itself does
 */
public record EmbeddedFile(String entryName, Path file, long size, int parentIndex) {
  public EmbeddedFile {
    Objects.requireNonNull(entryName, "entryName");
    Objects.requireNonNull(file, "file");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    if (parentIndex < -1) {
      throw new IllegalArgumentException("parentIndex must be >= -1, got " + parentIndex);
    }
  }
}
