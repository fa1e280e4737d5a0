package org.dossier.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dossier.link.Findings;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Verifying;
import org.dossier.views.CaseViews;

/**
 * {@code ./bench report [CASE] [WORKDIR]}: the report of a case (as it stands: link and verify
 * it first) written in each format as {@code dossier report -o} writes it, going over the stored
 * findings as they stream, beside the bare libraries: the store's rows of every kind the report
 * reads, each read once through JDBC and parsed by Jackson (the floor of reading them), and a
 * buffered writer writing as many characters as the report (the floor of writing it). Prints
 * seconds per step, the sizes and the footnotes.
 */
public final class ReportBenchmark {
  private ReportBenchmark() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Path caseDir = Path.of(args.length > 0 ? args[0] : "/tmp/dossier-bench/link-2000-42/case");
    Path out = Path.of(args.length > 1 ? args[1] : "/tmp/dossier-bench/report");
    Files.createDirectories(out);
    try (CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC())) {
      var store = folder.store().findings();
      System.out.printf(Locale.ROOT, "case %s: %,d facts, %,d sources, %,d events, %,d coverage claims, %,d stories%n",
          caseDir, store.count(Findings.FACT, Optional.empty(), List.of()),
          store.count(Findings.SOURCE, Optional.empty(), List.of()), store.count(Findings.EVENT, Optional.empty(), List.of()),
          store.count(Findings.COVERAGE, Optional.empty(), List.of()), store.count(Findings.STORY, Optional.empty(), List.of()));
      long chars = 0;
      for (String format : Report.FORMATS) {
        Path file = out.resolve("report." + format);
        long t0 = System.nanoTime();
        long[] written = {0};
        try (Writer w = new Counting(Files.newBufferedWriter(file, StandardCharsets.UTF_8), written)) {
          Report.write(CaseViews.report(folder, Report.SINGLE, Report.NOT_FOUND, Optional.empty()), format, w, folder.layout().tmp());
        }
        chars = Math.max(chars, written[0]);
        System.out.printf(Locale.ROOT, "dossier report --format %-4s %7.1f s  %,d bytes%n", format, secs(t0), Files.size(file));
      }
      // the registers alone, which the report writes as its tables
      long t0 = System.nanoTime();
      long[] deals = {0};
      org.dossier.register.Transfers.each(CaseViews.transfers(folder), t -> deals[0]++);
      System.out.printf(Locale.ROOT, "of which the transfers register (%,d deals) %7.1f s%n", deals[0], secs(t0));
      t0 = System.nanoTime();
      long[] events = {0};
      org.dossier.register.Events.each(CaseViews.findings(store), e -> events[0]++);
      System.out.printf(Locale.ROOT, "of which the events register (%,d events) %7.1f s%n", events[0], secs(t0));
      // the floor of reading: each kind the report reads, once, each row parsed
      t0 = System.nanoTime();
      long[] rows = {0};
      for (String kind : List.of(Findings.SOURCE, Findings.FACT, Findings.EVENT, Findings.COVERAGE, Findings.STORY,
          Verifying.SIGNAL)) {
        store.forEach(kind, Optional.empty(), List.of(), row -> {
          try {
            JsonNode n = JSON.readTree(row);
            rows[0] += n.size() > 0 ? 1 : 0;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
      System.out.printf(Locale.ROOT, "bare: JDBC + Jackson, every row of those kinds once (%,d rows) %7.1f s%n", rows[0],
          secs(t0));
      // the floor of writing: as many characters as the largest report, in lines
      t0 = System.nanoTime();
      String line = "- " + "x".repeat(118) + "\n";
      try (Writer w = Files.newBufferedWriter(out.resolve("bare.txt"), StandardCharsets.UTF_8)) {
        for (long n = 0; n < chars; n += line.length()) {
          w.write(line);
        }
      }
      System.out.printf(Locale.ROOT, "bare: a buffered writer, %,d characters %7.1f s%n", chars, secs(t0));
    }
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** A writer that counts the characters written through it. */
  private static final class Counting extends Writer {
    private final BufferedWriter to;
    private final long[] count;

    Counting(BufferedWriter to, long[] count) {
      this.to = to;
      this.count = count;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      count[0] += len;
      to.write(cbuf, off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      count[0] += len;
      to.write(s, off, len);
    }

    @Override
    public void flush() throws IOException {
      to.flush();
    }

    @Override
    public void close() throws IOException {
      to.close();
    }
  }
}
