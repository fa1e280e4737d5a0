package org.dossier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./bench cluster N [WORKDIR] [--no-analysis]}: the generated corpus of {@code ./bench
 * ingest} ingested three ways, each command a JVM of its own as a user runs it: (a) the embedded
 * ingest into a SQLite case; (b) {@code ingest --queue} into a case on PostgreSQL (zonky's embedded
 * server, its default settings) and one {@code dossier worker --until-idle} with a thread per core;
 * (c) the same with two worker processes of one thread each. Then the per-task costs the workers
 * measured (claim, extraction, analysis, the task's transaction and, inside it, the custody lock,
 * completion, indexing), for the scaling model in the README. With {@code --verify}, the verify
 * stage alone on each case, done again from nothing: the embedded {@code verify --again}, and on
 * PostgreSQL its tasks (plan, per document, per band range, end) by the worker processes
 * ({@code --stages verify}).
 */
public final class ClusterBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path work = Path.of(args.length > 1 && !args[1].startsWith("--") ? args[1] : "/tmp/dossier-bench");
    boolean analysis = !List.of(args).contains("--no-analysis");
    boolean verify = List.of(args).contains("--verify");
    int cores = Runtime.getRuntime().availableProcessors();
    Path corpus = work.resolve("corpus-" + n);
    CorpusGenerator.write(corpus, n, 42);
    System.out.printf(Locale.ROOT, "corpus: %d files, %.1f MB in %s; %d cores; analysis %s%n", n,
        CorpusGenerator.size(corpus) / 1048576.0, corpus, cores, analysis ? "on" : "off");
    List<String> noAnalysis = analysis ? List.of() : List.of("--no-analysis");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = "postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
      Path embedded = fresh(work.resolve("cluster-embedded"));
      List<String> ingest = new ArrayList<>(List.of("--case", embedded.toString(), "ingest", "--quiet", "--no-ocr"));
      ingest.addAll(noAnalysis);
      ingest.add(corpus.toString());
      double a = seconds(() -> dossier(ingest));
      long documents = dossierJson("--case", embedded.toString(), "status", "--json").get("documents").asLong();
      System.out.printf(Locale.ROOT, "%n(a) embedded ingest (SQLite, %d extraction workers): %.1f s, %d documents, %.1f documents/s%n",
          cores, a, documents, documents / a);
      if (verify) {
        double v = seconds(() -> dossier(List.of("--case", embedded.toString(), "verify", "--again", "--json")));
        System.out.printf(Locale.ROOT, "    verify stage alone, embedded (one JVM, %d threads): %.1f s%n", cores, v);
      }
      for (int workers : new int[] {1, 2}) {
        Path c = fresh(work.resolve("cluster-pg-" + workers));
        String schema = "dossier_" + dossierJson("--case", c.toString(), "init", "--json", "--store", url).get("id").asText();
        List<String> queue = new ArrayList<>(List.of("--case", c.toString(), "ingest", "--queue", "--quiet"));
        queue.addAll(noAnalysis);
        queue.add(corpus.toString());
        long start = System.nanoTime();
        double q = seconds(() -> dossier(queue));
        List<JsonNode> summaries = workers(c, workers, Math.max(1, cores / workers));
        double total = (System.nanoTime() - start) / 1e9;
        long docs = dossierJson("--case", c.toString(), "status", "--json").get("documents").asLong();
        System.out.printf(Locale.ROOT, "%n(%s) %d worker process%s of %d thread%s on PostgreSQL: ingest --queue %.1f s,"
            + " then the workers %.1f s; in all %.1f s, %d documents, %.1f documents/s%n", workers == 1 ? "b" : "c", workers,
            workers == 1 ? "" : "es", Math.max(1, cores / workers), cores / workers == 1 ? "" : "s", q, total - q, total,
            docs, docs / total);
        costs(summaries);
        if (verify) {
          verifyAgain(pg.getPort(), schema);
          long t = System.nanoTime();
          List<JsonNode> vs = workers(c, workers, Math.max(1, cores / workers), "--stages", "verify");
          System.out.printf(Locale.ROOT, "    verify stage alone, %d worker process%s of %d thread%s: %.1f s%n", workers,
              workers == 1 ? "" : "es", Math.max(1, cores / workers), cores / workers == 1 ? "" : "s",
              (System.nanoTime() - t) / 1e9);
          costs(vs);
        }
      }
    }
  }

  /** The workers' own measures, summed over them: per step, the count and the mean. */
  private static void costs(List<JsonNode> summaries) {
    Map<String, double[]> steps = new LinkedHashMap<>();
    Map<String, Long> done = new LinkedHashMap<>();
    for (JsonNode s : summaries) {
      for (Iterator<Map.Entry<String, JsonNode>> it = s.get("timings").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        double[] v = steps.computeIfAbsent(e.getKey(), k -> new double[2]);
        v[0] += e.getValue().get("count").asDouble();
        v[1] += e.getValue().get("ms").asDouble();
      }
      s.get("done").fields().forEachRemaining(e -> done.merge(e.getKey(), e.getValue().asLong(), Long::sum));
    }
    System.out.printf(Locale.ROOT, "    tasks done: %s%n", done);
    System.out.printf(Locale.ROOT, "    %-12s %8s %12s %10s%n", "step", "count", "total ms", "mean ms");
    steps.forEach((k, v) -> System.out.printf(Locale.ROOT, "    %-12s %8.0f %12.0f %10.2f%n", k, v[0], v[1],
        v[0] == 0 ? 0 : v[1] / v[0]));
    // a worker's thread writes its document tasks in batches: per task, what the queue and the store cost
    long documentTasks = done.getOrDefault("extract", 0L) + done.getOrDefault("analyze", 0L);
    if (documentTasks > 0) {
      double[] none = new double[2];
      // (claims take other tasks too: index, verify; their completions are counted apart, under complete)
      System.out.printf(Locale.ROOT, "    per document task (%d extract and analyze): claims %.2f ms, transaction %.2f ms;"
          + " per extraction: custody lock waited %.2f ms, held %.2f ms%n", documentTasks,
          steps.getOrDefault("claim", none)[1] / documentTasks, steps.getOrDefault("record", none)[1] / documentTasks,
          steps.getOrDefault("custodyLock", none)[1] / Math.max(1, done.getOrDefault("extract", 0L)),
          steps.getOrDefault("custodyHeld", none)[1] / Math.max(1, done.getOrDefault("extract", 0L)));
    }
    double[] index = steps.get("index");
    if (index != null && done.containsKey("index")) {
      System.out.printf(Locale.ROOT, "    index per document: %.2f ms%n", index[1] / done.get("index"));
    }
  }

  /**
   * The verify stage's work of a case on PostgreSQL forgotten (its tasks, stored checks, bands,
   * candidates and settings) and its plan queued again: the next workers verify it from nothing.
   */
  private static void verifyAgain(int port, String schema) throws Exception {
    try (java.sql.Connection conn = java.sql.DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&currentSchema=" + schema);
        java.sql.Statement st = conn.createStatement()) {
      st.executeUpdate("DELETE FROM tasks WHERE kind LIKE 'verify%'");
      st.executeUpdate("DELETE FROM verify_documents");
      st.executeUpdate("DELETE FROM verify_bands");
      st.executeUpdate("DELETE FROM verify_candidates");
      st.executeUpdate("DELETE FROM settings WHERE key IN ('verify.done', 'verify.round')");
      st.executeUpdate("INSERT INTO tasks (kind, key, payload, state, attempts, max_attempts, created, updated)"
          + " VALUES ('verify', 'bench-again', '{}', 'queued', 0, 3, 0, 0)");
    }
  }

  private static List<JsonNode> workers(Path c, int n, int threads, String... more) throws Exception {
    List<Process> ps = new ArrayList<>();
    List<JsonNode> out = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        List<String> args = new ArrayList<>(List.of("--case", c.toString(), "worker", "--until-idle", "--json", "--no-ocr",
            "--threads", Integer.toString(threads)));
        args.addAll(List.of(more));
        ps.add(new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.INHERIT).start());
      }
      for (Process p : ps) {
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
          throw new IllegalStateException("a worker failed: " + text);
        }
        out.add(JSON.readTree(text)); // the command prints one JSON object (indented)
      }
      return out;
    } finally {
      for (Process p : ps) {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  private static double seconds(Step step) throws Exception {
    long t = System.nanoTime();
    step.run();
    return (System.nanoTime() - t) / 1e9;
  }

  private static String dossier(List<String> args) throws Exception {
    Process p = new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("dossier " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  private static JsonNode dossierJson(String... args) throws Exception {
    return JSON.readTree(dossier(List.of(args)));
  }

  private static List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.dossier.cli.Main"));
    cmd.addAll(args);
    return cmd;
  }

  private static Path fresh(Path dir) throws Exception {
    if (Files.exists(dir)) {
      IngestBenchmark.deleteTree(dir);
    }
    return dir;
  }
}
