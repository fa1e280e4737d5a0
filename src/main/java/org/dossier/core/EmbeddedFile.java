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
 * @param linkTo for a link entry of an archive (a tar's symbolic or hard link, which holds no
 *     bytes), its target as the archive writes it; null for any other entry
 * @param linkedEntry the {@code entryName} of the entry that target names in the same archive, or
 *     null when it names no file of the archive (an absolute path, one that climbs out, a
 *     directory, a missing entry)
 */
public record EmbeddedFile(String entryName, Path file, long size, int parentIndex, String linkTo, String linkedEntry) {
  public EmbeddedFile(String entryName, Path file, long size, int parentIndex) {
    this(entryName, file, size, parentIndex, null, null);
  }

  /** True for a link entry. */
  public boolean link() {
    return linkTo != null;
  }

  /** This entry as a link to {@code target}, which names {@code entry} of the archive (or null). */
  public EmbeddedFile asLink(String target, String entry) {
    return new EmbeddedFile(entryName, file, size, parentIndex, target, entry);
  }

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
