package org.dossier.store;

import java.util.Objects;

/**
 * One stored finding: its kind ({@code fact}, {@code story}, {@code signal}...), id, the story and
 * status it is filtered by, the document it is listed under, and its JSON.
 */
public record FindingRow(String kind, String id, String story, String status, String document, String json) {
  public FindingRow {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(story, "story");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(json, "json");
  }

  /**
   * Findings written to a file as they are made, and read back one at a time: a stage forms its
   * findings apart from the store, then hands them over in one short transaction, never holding
   * them all in memory. The file is the process's own, read back by it: its form is this class's.
   */
  public static final class Spill implements java.io.Closeable {
    private final java.io.DataOutputStream out;

    private Spill(java.io.DataOutputStream out) {
      this.out = out;
    }

    /** A spill to {@code file}, emptied first. */
    public static Spill to(java.nio.file.Path file) throws java.io.IOException {
      return new Spill(new java.io.DataOutputStream(new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16)));
    }

    /** Writes a row. @throws java.io.UncheckedIOException when the file cannot be written */
    public void add(FindingRow r) {
      try {
        out.writeBoolean(true);
        for (String part : new String[] {r.kind(), r.id(), r.story(), r.status(), r.document(), r.json()}) {
          byte[] b = part.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          out.writeInt(b.length);
          out.write(b);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws java.io.IOException {
      out.writeBoolean(false);
      out.close();
    }

    /**
     * Hands the rows a closed spill holds to {@code sink}, in the order written.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read or was not closed
     */
    public static void read(java.nio.file.Path file, java.util.function.Consumer<FindingRow> sink) {
      try (java.io.DataInputStream in = new java.io.DataInputStream(
          new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16))) {
        while (in.readBoolean()) {
          String[] p = new String[6];
          for (int i = 0; i < p.length; i++) {
            int n = in.readInt();
            if (n < 0) {
              throw new java.io.IOException("a spill of findings is damaged: " + file);
            }
            byte[] b = in.readNBytes(n);
            if (b.length < n) {
              throw new java.io.EOFException();
            }
            p[i] = new String(b, java.nio.charset.StandardCharsets.UTF_8);
          }
          sink.accept(new FindingRow(p[0], p[1], p[2], p[3], p[4], p[5]));
        }
      } catch (java.io.EOFException e) {
        throw new java.io.UncheckedIOException(new java.io.IOException("a spill of findings ends early: " + file, e));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Findings handed to {@code sink} one at a time as they are made, so that they need not all be in memory. */
  @FunctionalInterface
  public interface Source {
    void each(java.util.function.Consumer<FindingRow> sink);
  }
}
