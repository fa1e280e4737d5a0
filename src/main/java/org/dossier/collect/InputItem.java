package org.dossier.collect;

import java.nio.file.Path;
import org.dossier.core.DocumentStatus;

/** Something the walker found in the input: a file to read, or a path it refused. */
public sealed interface InputItem permits InputItem.File, InputItem.Refused {

  /** The document name: the path relative to the input folder, with {@code /} separators. */
  String name();

  /**
   * A regular file to read.
   *
   * @param path where to read it (possibly through a link that stays inside the input)
   * @param name its name
   * @param size bytes, from the directory listing
   * @param modified last-modified time in milliseconds
   * @param badName true when the file system name is not valid UTF-8
   */
  record File(Path path, String name, long size, long modified, boolean badName)
      implements InputItem {}

  /**
   * A path that was not read, and why.
   *
   * @param name its name
   * @param status {@link DocumentStatus#SYMLINK_OUTSIDE}, {@link DocumentStatus#NOT_REGULAR} or
   *     {@link DocumentStatus#UNREADABLE}
   * @param reason a sentence a person can act on
   */
  record Refused(String name, DocumentStatus status, String reason) implements InputItem {}
}
