package org.dossier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dossier.testing.Fixtures;

/**
 * Writes a fictional cache of N mixed-format files (text, HTML, PDF, DOCX, XLSX, EML with and
 * without attachments, ZIP) in nested folders, the same for the same seed.
 *
 * <p>Run: {@code ./bench corpus N DIR}.
 */
public final class CorpusGenerator {
  private CorpusGenerator() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    long start = System.nanoTime();
    write(dir, n, 42);
    System.out.printf(Locale.ROOT, "wrote %d files to %s in %.1f s%n", n, dir,
        (System.nanoTime() - start) / 1e9);
  }

  /** Writes the corpus unless {@code dir} already holds it. */
  static void write(Path dir, int n, long seed) throws Exception {
    Path done = dir.resolve(".complete-" + n + "-" + seed);
    if (Files.exists(done)) {
      return;
    }
    FictionalText text = new FictionalText(seed);
    for (int i = 0; i < n; i++) {
      Path folder = dir.resolve(String.format(Locale.ROOT, "batch-%02d/box-%d", i % 40, i % 3));
      one(folder, i, text);
    }
    Files.writeString(done, "");
  }

  private static void one(Path folder, int i, FictionalText t) throws Exception {
    String lang = t.language();
    int kind = t.random().nextInt(100);
    String title = "Document " + i;
    String base = String.format(Locale.ROOT, "doc-%06d", i);
    Instant when = t.date().atStartOfDay(ZoneOffset.UTC).toInstant();
    if (kind < 30) {
      Fixtures.text(folder.resolve(base + ".txt"), t.prose(lang, 200 + t.random().nextInt(1800)));
    } else if (kind < 45) {
      String body = t.prose(lang, 200 + t.random().nextInt(1500));
      Fixtures.text(folder.resolve(base + ".html"),
          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title
              + "</title></head><body><h1>" + title + "</h1><p>"
              + body.replace("\n\n", "</p><p>") + "</p></body></html>");
    } else if (kind < 60) {
      String body = t.prose(lang.equals("zh") ? "en" : lang, 200 + t.random().nextInt(600));
      Fixtures.pdf(folder.resolve(base + ".pdf"), title, when, body.split("\n\n"));
    } else if (kind < 80) {
      Fixtures.docx(folder.resolve(base + ".docx"), title, when,
          t.prose(lang, 200 + t.random().nextInt(1200)).split("\n\n"));
    } else if (kind < 85) {
      Object[][] rows = new Object[41][];
      rows[0] = new Object[] {"Item", "Quantity", "Unit price", "Total"};
      for (int r = 1; r < rows.length; r++) {
        int q = 1 + t.random().nextInt(40);
        int p = 1000 * (1 + t.random().nextInt(9000));
        rows[r] = new Object[] {t.prose(lang, 3), q, p, (long) q * p};
      }
      Fixtures.xlsx(folder.resolve(base + ".xlsx"), "Schedule", when, rows);
    } else if (kind < 95) {
      String body = t.prose(lang, 100 + t.random().nextInt(500));
      Fixtures.Attachment[] attachments =
          t.random().nextBoolean()
              ? new Fixtures.Attachment[] {
                new Fixtures.Attachment("annex-" + i + ".txt", "text/plain",
                    Fixtures.utf8(t.prose(lang, 300)))}
              : new Fixtures.Attachment[0];
      Fixtures.eml(folder.resolve(base + ".eml"),
          Fixtures.email("clerk" + (i % 17) + "@kalvorsk-export.example",
              "office" + (i % 11) + "@airborne.haolan.example", title, when, body, attachments));
    } else {
      Map<String, byte[]> entries = new LinkedHashMap<>();
      for (int e = 0; e < 3; e++) {
        entries.put("part-" + e + ".txt", Fixtures.utf8(t.prose(lang, 200 + t.random().nextInt(600))));
      }
      Fixtures.zip(folder.resolve(base + ".zip"), entries);
    }
  }

  static long size(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
