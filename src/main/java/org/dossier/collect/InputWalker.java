package org.dossier.collect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.dossier.core.DocumentStatus;

/**
 * Walks an input folder depth-first in name order, without following links out of it. Links to
 * files inside the input are read (the same bytes become one document with several paths); links
 * to folders are not followed, since the folder is walked where it really is.
 */
public final class InputWalker {
  private final Set<Path> excluded;

  /** @param excluded absolute folders never to enter, such as the case folder itself */
  public InputWalker(Set<Path> excluded) {
    this.excluded = Set.copyOf(excluded.stream().map(InputWalker::real).toList());
  }

  /**
   * Visits every item under {@code input}. A file given directly is named by its file name.
   *
   * @throws IOException only when {@code input} itself does not exist
   */
  public void walk(Path input, Consumer<InputItem> visitor) throws IOException {
    Path absolute = input.toAbsolutePath().normalize();
    if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new java.nio.file.NoSuchFileException(absolute.toString(), null, "input not found");
    }
    if (!Files.isDirectory(absolute)) {
      Path root = real(absolute.getParent());
      visitEntry(root, absolute, absolute.getFileName().toString(), visitor, null);
      return;
    }
    Path root = real(absolute);
    Deque<Path> pending = new ArrayDeque<>();
    pending.push(absolute);
    while (!pending.isEmpty()) {
      Path dir = pending.pop();
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        stream.forEach(entries::add);
      } catch (IOException | SecurityException e) {
        visitor.accept(
            new InputItem.Refused(
                name(absolute, dir),
                DocumentStatus.UNREADABLE,
                "the folder cannot be listed (" + describe(e) + "); fix its permissions and run"
                    + " ingest again"));
        continue;
      }
      entries.sort(null);
      List<Path> subdirs = new ArrayList<>();
      for (Path entry : entries) {
        visitEntry(root, entry, name(absolute, entry), visitor, subdirs);
      }
      for (int i = subdirs.size() - 1; i >= 0; i--) {
        pending.push(subdirs.get(i));
      }
    }
  }

  private void visitEntry(
      Path root, Path entry, String name, Consumer<InputItem> visitor, List<Path> subdirs) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | SecurityException e) {
      visitor.accept(
          new InputItem.Refused(
              name, DocumentStatus.UNREADABLE, "cannot read its attributes (" + describe(e) + ")"));
      return;
    }
    boolean badName = entry.getFileName() != null
        && entry.getFileName().toString().indexOf('\uFFFD') >= 0;
    if (attrs.isDirectory()) {
      if (subdirs != null && !excluded.contains(real(entry))) {
        subdirs.add(entry);
      }
      return;
    }
    if (attrs.isSymbolicLink()) {
      Path target;
      try {
        target = entry.toRealPath();
      } catch (IOException | SecurityException e) {
        visitor.accept(
            new InputItem.Refused(
                name, DocumentStatus.UNREADABLE,
                "broken symbolic link (" + describe(e) + "); nothing to read"));
        return;
      }
      if (!target.startsWith(root)) {
        visitor.accept(
            new InputItem.Refused(
                name, DocumentStatus.SYMLINK_OUTSIDE,
                "symbolic link to " + target + ", outside the input; not followed. Copy the"
                    + " target into the input if it belongs to the case"));
        return;
      }
      if (Files.isDirectory(target)) {
        return; // walked where it really is
      }
      try {
        attrs = Files.readAttributes(target, BasicFileAttributes.class);
      } catch (IOException e) {
        visitor.accept(
            new InputItem.Refused(name, DocumentStatus.UNREADABLE, describe(e)));
        return;
      }
    }
    if (!attrs.isRegularFile()) {
      visitor.accept(
          new InputItem.Refused(
              name, DocumentStatus.NOT_REGULAR,
              "not a regular file (a FIFO, socket or device); it has no content to keep"));
      return;
    }
    if (!Files.isReadable(entry)) {
      visitor.accept(
          new InputItem.Refused(
              name, DocumentStatus.UNREADABLE,
              "permission denied; give the user running Dossier read access and run ingest"
                  + " again"));
      return;
    }
    visitor.accept(
        new InputItem.File(
            entry, name, attrs.size(), attrs.lastModifiedTime().toMillis(), badName));
  }

  /** Counts the items {@link #walk} would visit, without reading any file. */
  public long count(Path input) throws IOException {
    long[] n = {0};
    walk(input, item -> n[0]++);
    return n[0];
  }

  private static String name(Path root, Path entry) {
    Path rel = root.relativize(entry);
    String s = rel.toString().replace('\\', '/');
    return s.isEmpty() ? entry.getFileName().toString() : s;
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
