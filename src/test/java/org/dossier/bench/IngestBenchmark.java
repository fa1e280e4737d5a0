package org.dossier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Bare Tika against {@code dossier ingest} on the same generated files, each in a fresh JVM:
 * first {@code ingest --no-analysis} (extract, record and index: the part to set against Tika),
 * then a full ingest with analysis and linking into another case, then a re-ingest of the
 * unchanged files. Args: {@code N [WORKDIR] [THREADS] [--no-tika]} (the last skips the bare Tika
 * run, for heap measurements on large N).
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path work = Path.of(args.length > 1 ? args[1] : "/tmp/dossier-bench");
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    boolean tikaToo = args.length <= 3 || !args[3].equals("--no-tika");
    Path corpus = work.resolve("corpus-" + n);
    long t0 = System.nanoTime();
    CorpusGenerator.write(corpus, n, 42);
    long bytes = CorpusGenerator.size(corpus);
    System.out.printf(Locale.ROOT, "corpus: %d files, %.1f MB in %s (generated in %.0f s)%n", n,
        bytes / 1048576.0, corpus, (System.nanoTime() - t0) / 1e9);

    JsonNode tika = tikaToo
        ? run("-Xmx2g", BareTika.class.getName(), corpus.toString(), Integer.toString(threads))
        : new ObjectMapper().readTree("{\"seconds\":0,\"failures\":0,\"chars\":0}");
    Path extractCase = work.resolve("case-" + n + "-no-analysis");
    Path caseDir = work.resolve("case-" + n);
    for (Path c : List.of(extractCase, caseDir)) {
      if (Files.exists(c)) {
        deleteTree(c);
      }
    }
    JsonNode extract = run("-Xmx1g", IngestProbe.class.getName(), corpus.toString(), extractCase.toString(),
        Integer.toString(threads), "--no-analysis");
    JsonNode first = run("-Xmx1g", IngestProbe.class.getName(), corpus.toString(), caseDir.toString(),
        Integer.toString(threads));
    JsonNode again = run("-Xmx1g", IngestProbe.class.getName(), corpus.toString(), caseDir.toString(),
        Integer.toString(threads));

    double tikaSeconds = tika.get("seconds").asDouble();
    double extractSeconds = extract.get("seconds").asDouble();
    double firstSeconds = first.get("seconds").asDouble();
    double againSeconds = again.get("seconds").asDouble();
    double mb = bytes / 1048576.0;
    System.out.println();
    System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s%n", "", "seconds", "files/s", "MB/s");
    if (tikaToo) {
      row("(a) bare Tika, " + threads + " threads", tikaSeconds, n, mb);
    }
    row("(b) ingest --no-analysis, " + threads + " workers", extractSeconds, n, mb);
    row("(c) ingest with analysis", firstSeconds, n, mb);
    row("    analysis and linking (c - b)", firstSeconds - extractSeconds, n, mb);
    row("    re-ingest of (c), unchanged", againSeconds, n, mb);
    if (tikaToo) {
      System.out.printf(Locale.ROOT, "%nratio b/a (throughput of extraction): %.2f   (target >= 0.85); c/a: %.2f%n",
          tikaSeconds / extractSeconds, tikaSeconds / firstSeconds);
    }
    System.out.printf(Locale.ROOT, "re-ingest speed-up: %.1fx   (target >= 20x)%n", firstSeconds / againSeconds);
    System.out.printf(Locale.ROOT, "peak heap of the ingesting JVM: %.0f MB of %.0f MB (b), %.0f MB (c), %.0f MB (re-ingest)%n",
        extract.get("peakHeapMb").asDouble(), first.get("maxHeapMb").asDouble(), first.get("peakHeapMb").asDouble(),
        again.get("peakHeapMb").asDouble());
    System.out.printf(Locale.ROOT, "documents: %d (%d extracted, %d problems); bare Tika failures: %d, chars: %d%n",
        first.get("documents").asLong(), first.get("extracted").asLong(), first.get("problems").asLong(),
        tika.get("failures").asLong(), tika.get("chars").asLong());
  }

  private static void row(String label, double seconds, int files, double mb) {
    System.out.printf(Locale.ROOT, "%-34s %10.1f %10.1f %10.2f%n", label, seconds, files / seconds, mb / seconds);
  }

  /** Runs a main class in a fresh JVM with this classpath; returns the JSON line it prints last. */
  private static JsonNode run(String heap, String main, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
        "-cp", System.getProperty("java.class.path"), main));
    cmd.addAll(List.of(args));
    System.out.println("running " + main.substring(main.lastIndexOf('.') + 1) + " " + String.join(" ", args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(main + " failed: " + out);
    }
    String last = out.substring(out.lastIndexOf('\n') + 1);
    return new ObjectMapper().readTree(last);
  }

  static void deleteTree(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        p.toFile().setWritable(true);
        Files.delete(p);
      }
    }
  }
}
