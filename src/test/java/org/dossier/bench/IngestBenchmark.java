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
 * unchanged files. Args: {@code N [WORKDIR] [THREADS] [--no-tika] [--extract-only] [--pairs K]}:
 * {@code --no-tika} skips the bare Tika run, for heap measurements on large N; {@code
 * --extract-only} runs bare Tika and {@code ingest --no-analysis} only, alternated {@code K}
 * times (default 1), each pair's ratio printed, since on a shared machine only back-to-back runs
 * compare.
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path work = Path.of(args.length > 1 ? args[1] : "/tmp/dossier-bench");
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    List<String> flags = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
    boolean tikaToo = !flags.contains("--no-tika");
    boolean extractOnly = flags.contains("--extract-only");
    int pairs = flags.contains("--pairs") ? Integer.parseInt(flags.get(flags.indexOf("--pairs") + 1)) : 1;
    Path corpus = work.resolve("corpus-" + n);
    long t0 = System.nanoTime();
    CorpusGenerator.write(corpus, n, 42);
    long bytes = CorpusGenerator.size(corpus);
    System.out.printf(Locale.ROOT, "corpus: %d files, %.1f MB in %s (generated in %.0f s)%n", n,
        bytes / 1048576.0, corpus, (System.nanoTime() - t0) / 1e9);

    if (extractOnly) {
      pairs(corpus, work.resolve("case-" + n + "-no-analysis"), n, threads, pairs, tikaToo);
      return;
    }
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

  /** Bare Tika and {@code ingest --no-analysis}, alternated, each pair's ratio and the load average. */
  private static void pairs(Path corpus, Path caseDir, int n, int threads, int pairs, boolean tikaToo)
      throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= pairs; i++) {
      double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      JsonNode bare = tikaToo
          ? run("-Xmx2g", BareTika.class.getName(), corpus.toString(), Integer.toString(threads))
          : new ObjectMapper().readTree("{\"seconds\":0,\"cpuSeconds\":0}");
      double tika = bare.get("seconds").asDouble();
      if (Files.exists(caseDir)) {
        deleteTree(caseDir);
      }
      JsonNode x = run("-Xmx1g", IngestProbe.class.getName(), corpus.toString(), caseDir.toString(),
          Integer.toString(threads), "--no-analysis");
      double seconds = x.get("seconds").asDouble();
      double cpu = x.get("cpuSeconds").asDouble() + x.get("childCpuSeconds").asDouble();
      String line = String.format(Locale.ROOT,
          "pair %d: load %.2f, bare Tika %.1f s (%.1f files/s, %.1f CPU s), ingest --no-analysis %.1f s"
              + " (%.1f files/s, %d documents, peak heap %.0f MB, %.1f CPU s: %.1f ingest JVM + %.1f workers),"
              + " ratio %.2f, CPU ratio %.2f",
          i, load, tika, tika > 0 ? n / tika : 0, bare.get("cpuSeconds").asDouble(), seconds, n / seconds,
          x.get("documents").asLong(), x.get("peakHeapMb").asDouble(), cpu, x.get("cpuSeconds").asDouble(),
          x.get("childCpuSeconds").asDouble(), tika > 0 ? tika / seconds : 0,
          cpu > 0 ? bare.get("cpuSeconds").asDouble() / cpu : 0);
      System.out.println(line);
      lines.add(line);
    }
    System.out.println();
    lines.forEach(System.out::println);
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
