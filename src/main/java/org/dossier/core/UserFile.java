package org.dossier.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A file the user asked for ({@code report -o}, {@code export -o}): written beside its place under
 * a name no other writer uses, then, once whole and checked, moved over it in one step. A write
 * that fails or is cut short leaves the file it would replace as it was, and nothing beside it.
 * It is made as any file the user creates is (their umask), not with a temporary file's
 * owner-only mode, which the move would keep.
 */
public final class UserFile {
  /** Writes the file's bytes. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** Writes the file's text (UTF-8). */
  @FunctionalInterface
  public interface Text {
    void write(java.io.Writer out) throws IOException;
  }

  /** Fails when what was written must not replace the target (the findings formed again meanwhile). */
  @FunctionalInterface
  public interface Check {
    void check() throws IOException;
  }

  private UserFile() {}

  /**
   * Writes {@code target} as {@code body} makes it, when {@code whole} passes after it.
   *
   * @param kind what it is ("report", "export"): the file written aside is {@code .KIND-UUID.tmp}
   */
  public static void write(Path target, String kind, Body body, Check whole) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path aside = parent.resolve("." + kind + "-" + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        body.write(out);
      }
      whole.check();
      Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(aside);
    }
  }

  /** As {@link #write}, a text in UTF-8. */
  public static void writeText(Path target, String kind, Text body, Check whole) throws IOException {
    write(target, kind, bytes -> {
      java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8));
      body.write(out);
      out.flush();
    }, whole);
  }
}
