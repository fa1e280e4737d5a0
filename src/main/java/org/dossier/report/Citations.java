package org.dossier.report;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.dossier.link.FindingStreams;
import org.dossier.link.StoredFindings;

/**
 * The report's footnotes: each passage a sentence rests on, numbered in the order first cited,
 * once however often it is cited, with its document's full label. The footnotes come at the end
 * of a report whose sentences are written as they are made, so each is written to a file aside
 * as it is numbered and read back at the end ({@link #forEach}); what is held is each passage's
 * digest and number, to cite it again by the same number.
 */
final class Citations implements Closeable {
  /**
   * @param document the document's name (file path), where {@code start} and {@code end} point
   * @param label the document as the report names it: outlet, headline, date and file
   * @param note the sentence around the quote, or what the passage shows
   */
  record Footnote(int number, String document, String label, int start, int end, String quote, String note) {}

  private final DocumentLabels labels;
  private final Numbers numbers = new Numbers();
  private final MessageDigest digest;
  private final Path file;
  private final DataOutputStream aside;
  private int count;

  /** Footnotes written aside in a file of {@code dir} until {@link #close}. */
  Citations(DocumentLabels labels, Path dir) throws IOException {
    this.labels = labels;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    Files.createDirectories(dir);
    this.file = Files.createTempFile(dir, "report-", ".notes");
    try {
      this.aside = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  int claim(StoredFindings.Claim c) {
    return passage(c.document(), c.start(), c.end(), c.quote(), "", c.context());
  }

  int evidence(StoredFindings.Evidence e) {
    return passage(e.document(), e.start(), e.end(), e.quote(), e.note().orElse(""), "");
  }

  /** A passage; its context sentence, when it says more than the quote, is the footnote's note. */
  int passage(String document, int start, int end, String quote, String note, String context) {
    String key = document + "@" + start + "-" + end + "|" + (quote.isEmpty() ? note : "");
    ByteBuffer d = ByteBuffer.wrap(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
    long hi = d.getLong();
    long lo = d.getLong();
    int n = numbers.get(hi, lo);
    if (n == 0) {
      n = ++count;
      numbers.put(hi, lo, n);
      String shown = !context.isEmpty() && !context.equals(quote) ? "in: \u201c" + context + "\u201d" : note;
      try {
        aside.writeInt(start);
        aside.writeInt(end);
        write(document);
        write(quote);
        write(shown);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the report's footnotes aside in " + file + ": " + e.getMessage(), e);
      }
    }
    return n;
  }

  private void write(String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    aside.writeInt(b.length);
    aside.write(b);
  }

  /** Every claim, cited. */
  List<Integer> claims(List<StoredFindings.Claim> claims) {
    return first(claims, this::claim, Integer.MAX_VALUE);
  }

  /** The first claims, until {@code max} distinct footnotes. */
  List<Integer> claims(List<StoredFindings.Claim> claims, int max) {
    return first(claims, this::claim, max);
  }

  /** The first passages of evidence, until {@code max} distinct footnotes. */
  List<Integer> evidence(List<StoredFindings.Evidence> evidence, int max) {
    return first(evidence, this::evidence, max);
  }

  private static <T> List<Integer> first(List<T> passages, ToIntFunction<T> cite, int max) {
    List<Integer> out = new ArrayList<>();
    for (T p : passages) {
      int n = cite.applyAsInt(p);
      if (!out.contains(n)) {
        out.add(n);
      }
      if (out.size() >= max) {
        break;
      }
    }
    return out;
  }

  /** Every footnote, in number order, read back from the file aside. */
  void forEach(FindingStreams.Each<Footnote> each) throws IOException {
    aside.flush();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      for (int n = 1; n <= count; n++) {
        int start = in.readInt();
        int end = in.readInt();
        String document = read(in);
        each.accept(new Footnote(n, document, labels.full(document), start, end, read(in), read(in)));
      }
    } catch (EOFException e) {
      throw new IOException("the report's footnotes written aside in " + file + " end early", e);
    }
  }

  private static String read(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Removes the file aside. */
  @Override
  public void close() throws IOException {
    try {
      aside.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Each passage's number by the 128 bits of its key's digest: open addressing in three arrays, at
   * most three quarters full, some 27 bytes a passage (40 while it grows) where a map of keys would
   * take several times that.
   */
  static final class Numbers {
    private long[] hi = new long[1024];
    private long[] lo = new long[1024];
    private int[] number = new int[1024];
    private int size;

    /** The number of this digest, 0 when it has none. */
    int get(long h, long l) {
      int mask = number.length - 1;
      for (int i = slot(h, mask); number[i] != 0; i = (i + 1) & mask) {
        if (hi[i] == h && lo[i] == l) {
          return number[i];
        }
      }
      return 0;
    }

    /** Numbers a digest that has none ({@code n} above 0). */
    void put(long h, long l, int n) {
      if (4L * (size + 1) > 3L * number.length) { // at most three quarters full
        grow();
      }
      insert(h, l, n);
      size++;
    }

    private void insert(long h, long l, int n) {
      int mask = number.length - 1;
      int i = slot(h, mask);
      while (number[i] != 0) {
        i = (i + 1) & mask;
      }
      hi[i] = h;
      lo[i] = l;
      number[i] = n;
    }

    private void grow() {
      long[] oh = hi;
      long[] ol = lo;
      int[] on = number;
      hi = new long[on.length * 2];
      lo = new long[on.length * 2];
      number = new int[on.length * 2];
      for (int i = 0; i < on.length; i++) {
        if (on[i] != 0) {
          insert(oh[i], ol[i], on[i]);
        }
      }
    }

    private static int slot(long h, int mask) {
      return (int) (h ^ (h >>> 32)) & mask;
    }
  }
}
