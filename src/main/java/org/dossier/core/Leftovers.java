package org.dossier.core;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Files of a folder that readers share ({@link CaseLayout#reports}) left by a process that stopped
 * without removing them: a report written aside and cut short, a report's footnotes. A file
 * untouched for {@link #AFTER} is one: while a report is made its files are written to on and on.
 */
public final class Leftovers {
  /** How long a file of a reader's folder goes untouched before it counts as left by a stopped process. */
  public static final Duration AFTER = Duration.ofDays(1);

  private Leftovers() {}

  /**
   * Deletes the files of {@code dir} untouched for {@link #AFTER} whose names {@code spare} does
   * not spare. A file that cannot be read or deleted now is left for the next sweep.
   */
  public static void sweep(Path dir, Predicate<String> spare) {
    long before = System.currentTimeMillis() - AFTER.toMillis();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path p : files) {
        try {
          if (!spare.test(p.getFileName().toString()) && Files.getLastModifiedTime(p).toMillis() < before) {
            Files.deleteIfExists(p);
          }
        } catch (IOException e) {
          // gone meanwhile, or not this process's to delete: the next sweep tries again
        }
      }
    } catch (IOException | DirectoryIteratorException e) {
      // no such folder yet, or it cannot be listed now: the next sweep tries again
    }
  }
}
