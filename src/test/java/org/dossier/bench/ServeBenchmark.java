package org.dossier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.dossier.core.DocumentIndex;
import org.dossier.core.SearchRequest;
import org.dossier.index.LuceneIndex;
import org.dossier.index.SearchCache;
import org.dossier.pipeline.CaseFolder;
import org.dossier.serve.Workbench;
import org.dossier.testing.Fixtures;

/**
 * The workbench under load: C concurrent clients (closed loop, one {@link HttpClient} each) for S
 * seconds after a warm-up, over a mix of search pages, search API calls, document pages (ids
 * from search results) and the facts page of a case of N generated documents; latency per kind
 * and throughput, beside the same queries against the case's index in this JVM, one at a time.
 *
 * <p>Args: {@code [N] [CLIENTS] [SECONDS] [--text] [--no-analysis] [--mix PAGE,API,DOC,FACTS]
 * [--workdir DIR] [--no-bare] [--no-cache] [--think MS]}: {@code --think MS} makes each client pause
 * between requests (exponentially, MS milliseconds on average) as a reader does between clicks;
 * without it the clients are closed loops with no pause, so every client always has a request
 * outstanding and the mean latency is the number of clients over the throughput (Little's law).
 * {@code --no-bare} skips the one-thread run of the queries
 * against the index alone (which never answers from the index's {@link SearchCache}); {@code
 * --no-cache} serves without it too, so that every search is searched. The share of searches the
 * cache answered while measured is reported. The case is {@code DIR/serve-case-N}, built once by {@code dossier ingest
 * --no-ocr} (in a child JVM) from the corpus of {@link CorpusGenerator}, and reused; {@code
 * --text} builds {@code serve-case-N-txt} from plain text files of {@link FictionalText} prose
 * instead (no Tika parsing of PDF, Office or mail), for large N; {@code --no-analysis} builds
 * {@code serve-case-N-no-analysis} with {@code ingest --no-analysis} (searchable, no facts: for
 * search and document pages at a size whose analysis would take hours; give a mix without facts).
 */
public final class ServeBenchmark {
  private static final int WARMUP_QUERIES = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The kinds of request the clients make. */
  enum Kind {
    SEARCH_PAGE("search page  /cases/{key}?q="),
    SEARCH_API("search API   /api/v1/.../search?q="),
    DOCUMENT_PAGE("document     /cases/{key}/documents/{id}"),
    FACTS_PAGE("facts page   /cases/{key}/facts");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private ServeBenchmark() {}

  public static void main(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    List<String> positional = new ArrayList<>();
    boolean text = false;
    boolean analysis = true;
    int[] mix = {35, 35, 25, 5};
    Path work = Path.of("/tmp/dossier-bench");
    boolean bare = true;
    boolean cache = true;
    int thinkMillis = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--text" -> text = true;
        case "--no-bare" -> bare = false;
        case "--no-cache" -> cache = false;
        case "--no-analysis" -> analysis = false;
        case "--mix" -> mix = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--workdir" -> work = Path.of(args[++i]);
        case "--think" -> thinkMillis = Integer.parseInt(args[++i]);
        default -> positional.add(args[i]);
      }
    }
    if (mix.length != Kind.values().length || Arrays.stream(mix).sum() <= 0) {
      throw new IllegalArgumentException("--mix takes four weights: search page, search API, document, facts");
    }
    int n = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 100_000;
    int clients = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 32;
    int seconds = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 60;
    int warmup = Math.max(5, Math.min(15, seconds / 4));

    System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, heap max %d MB, load average %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20, loadAverage());
    Path caseDir = work.resolve("serve-case-" + n + (text ? "-txt" : "") + (analysis ? "" : "-no-analysis"));
    build(work, caseDir, n, text, analysis);

    List<String> queries = queries(new Random(7));
    int cacheSize = cache ? Integer.getInteger(LuceneIndex.CACHE_PROPERTY, LuceneIndex.CACHE_SIZE) : 0;
    if (bare) {
      // the index's own cost: each query searched, not answered from what the index kept
      System.setProperty(LuceneIndex.CACHE_PROPERTY, "0");
      bareSearch(caseDir, queries);
    }
    System.setProperty(LuceneIndex.CACHE_PROPERTY, Integer.toString(cacheSize));
    System.out.println(cacheSize > 0
        ? "the workbench's index keeps the answers to " + cacheSize + " queries per reader (-D"
            + LuceneIndex.CACHE_PROPERTY + "=N sets it; --no-cache: none); " + new java.util.HashSet<>(queries).size()
            + " of the " + queries.size() + " queries are distinct"
        : "--no-cache: the workbench's index keeps no answers; every search is searched");

    try (Workbench bench = Workbench.start(List.of(caseDir), "127.0.0.1", 0)) {
      String key = caseDir.toAbsolutePath().normalize().getFileName().toString().toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
      String base = "http://127.0.0.1:" + bench.port();
      HttpClient setup = client();
      List<String> ids = documentIds(setup, base, key, queries);
      System.out.printf(Locale.ROOT, "workbench on %s, case '%s'; %d document ids from search results%n",
          base, key, ids.size());
      Load load = new Load(base, key, queries, ids, mix, Duration.ofSeconds(Math.max(60, seconds)), thinkMillis);
      load.probe(setup);
      System.out.printf(Locale.ROOT, "%d clients (%s): %d s warm-up, then %d s measured; mix (page/api/doc/facts) %s%n",
          clients, thinkMillis > 0 ? "each pausing " + thinkMillis + " ms on average between requests"
              : "closed loops, no pause: mean latency = clients / throughput", warmup, seconds, Arrays.toString(mix));
      load.run(clients, warmup, seconds);
    }
  }

  // ------------------------------------------------------------------ the case

  /** Builds the case unless a finished one is there; prints how long it took. */
  private static void build(Path work, Path caseDir, int n, boolean text, boolean analysis) throws Exception {
    Path done = caseDir.resolveSibling(caseDir.getFileName() + ".complete");
    if (Files.exists(done) && CaseFolder.exists(caseDir)) {
      System.out.println("reusing the case " + caseDir + " (" + Files.readString(done).strip() + ")");
      return;
    }
    long t0 = System.nanoTime();
    Path corpus = work.resolve(text ? "corpus-txt-" + n : "corpus-" + n);
    if (text) {
      writeText(corpus, n);
    } else {
      CorpusGenerator.write(corpus, n, 42);
    }
    double generated = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "corpus: %d files, %.1f MB in %s (%.0f s to generate or check)%n", n,
        CorpusGenerator.size(corpus) / 1048576.0, corpus, generated);
    if (CaseFolder.exists(caseDir)) {
      System.out.println("an unfinished build is in " + caseDir + "; ingest resumes it (the time below is this run's)");
    }
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx8g",
        "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "org.dossier.cli.Main",
        "--case", caseDir.toString(), "ingest", "--quiet", "--no-ocr", "--json"));
    if (!analysis) {
      cmd.add("--no-analysis");
    }
    cmd.add(corpus.toString());
    System.out.println("ingesting: dossier " + String.join(" ", cmd.subList(cmd.indexOf("--case"), cmd.size())));
    long t1 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("ingest failed: " + out);
    }
    double ingest = (System.nanoTime() - t1) / 1e9;
    JsonNode s = JSON.readTree(out);
    String summary = String.format(Locale.ROOT,
        "%d files, %d documents, %d problems, %d facts in %d stories; built in %.0f s: corpus %.0f s,"
            + " ingest %.0f s (%.1f files/s; linking %.0f s)",
        s.path("filesSeen").asLong(), s.path("documents").asLong(), s.path("problems").asLong(),
        s.path("linked").path("facts").asLong(), s.path("linked").path("stories").asLong(),
        generated + ingest, generated, ingest, n / ingest, s.path("linked").path("seconds").asDouble());
    Files.writeString(done, summary + "\n");
    System.out.println("built the case " + caseDir + ": " + summary);
  }

  /** N plain text files of fictional prose, as {@link CorpusGenerator} writes its text files; one seed per file. */
  private static void writeText(Path dir, int n) throws Exception {
    Path done = dir.resolve(".complete-txt-" + n);
    if (Files.exists(done)) {
      return;
    }
    IntStream.range(0, n).parallel().forEach(i -> {
      FictionalText t = new FictionalText(1_000_003L * i);
      String lang = t.language();
      Path folder = dir.resolve(String.format(Locale.ROOT, "batch-%02d/box-%d", i % 40, i % 3));
      try {
        Fixtures.text(folder.resolve(String.format(Locale.ROOT, "doc-%06d.txt", i)),
            t.prose(lang, 200 + t.random().nextInt(1800)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Files.writeString(done, "");
  }

  // ------------------------------------------------------------------ bare library

  /** The queries against the case's index in this JVM, one at a time: kept open, and opened per query as a request does. */
  private static void bareSearch(Path caseDir, List<String> queries) throws Exception {
    try (CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC());
        DocumentIndex index = folder.openIndexForReading()) {
      for (int i = 0; i < WARMUP_QUERIES; i++) {
        bare(index, queries.get(i % queries.size()));
      }
      long[] kept = new long[queries.size()];
      long failed = 0;
      for (int i = 0; i < queries.size(); i++) {
        long t = System.nanoTime();
        failed += bare(index, queries.get(i)) ? 0 : 1;
        kept[i] = System.nanoTime() - t;
      }
      report("bare: index kept open, 1 thread", kept, failed);
      Integer[] order = IntStream.range(0, kept.length).boxed().toArray(Integer[]::new);
      Arrays.sort(order, (a, b) -> Long.compare(kept[b], kept[a]));
      StringBuilder slowest = new StringBuilder("  slowest:");
      for (int i = 0; i < 5; i++) {
        slowest.append(String.format(Locale.ROOT, "  %.0f ms %s", kept[order[i]] / 1e6, queries.get(order[i])));
      }
      System.out.println(slowest);
      int m = 200;
      long[] opened = new long[m];
      failed = 0;
      for (int i = 0; i < m; i++) {
        long t = System.nanoTime();
        try (DocumentIndex once = folder.openIndexForReading()) {
          failed += bare(once, queries.get(i)) ? 0 : 1;
        }
        opened[i] = System.nanoTime() - t;
      }
      report("bare: index opened per query", opened, failed);
    }
  }

  private static boolean bare(DocumentIndex index, String q) throws java.io.IOException {
    try {
      index.search(new SearchRequest(q, 20, 0));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void report(String label, long[] nanos, long failed) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(Locale.ROOT, "%-34s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d queries, %d refused)%n",
        label, pct(s, 50), pct(s, 99), s[s.length - 1] / 1e6, s.length, failed);
  }

  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  // ------------------------------------------------------------------ load

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Ids of documents the search API returns for the first queries. */
  private static List<String> documentIds(HttpClient http, String base, String key, List<String> queries)
      throws Exception {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (String q : queries.subList(0, 100)) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
              base + "/api/v1/cases/" + key + "/search?limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        JSON.readTree(r.body()).path("hits").forEach(h -> ids.add(h.path("id").asText()));
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException("no search returned a document");
    }
    return new ArrayList<>(ids);
  }

  /** One load run: closed-loop clients over the mix. */
  private static final class Load {
    private final String base;
    private final String key;
    private final List<String> queries;
    private final List<String> ids;
    private final int[] mix;
    private final Duration timeout;
    private final Map<String, AtomicLong> errorSamples = new ConcurrentHashMap<>();
    private final int thinkMillis;

    Load(String base, String key, List<String> queries, List<String> ids, int[] mix, Duration timeout,
        int thinkMillis) {
      this.thinkMillis = thinkMillis;
      this.base = base;
      this.key = key;
      this.queries = queries;
      this.ids = ids;
      this.mix = mix;
      this.timeout = timeout;
    }

    Kind pick(Random r) {
      int x = r.nextInt(Arrays.stream(mix).sum());
      for (Kind k : Kind.values()) {
        x -= mix[k.ordinal()];
        if (x < 0) {
          return k;
        }
      }
      throw new AssertionError();
    }

    String path(Kind kind, Random r) {
      String q = URLEncoder.encode(queries.get(r.nextInt(queries.size())), StandardCharsets.UTF_8);
      return switch (kind) {
        case SEARCH_PAGE -> "/cases/" + key + "?q=" + q;
        case SEARCH_API -> "/api/v1/cases/" + key + "/search?q=" + q;
        case DOCUMENT_PAGE -> "/cases/" + key + "/documents/" + ids.get(r.nextInt(ids.size()));
        case FACTS_PAGE -> "/cases/" + key + "/facts";
      };
    }

    /** Sends one request; the body is read to its end. Returns its bytes, or -1 on an error. */
    long send(HttpClient http, String path) {
      try {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
            .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        byte[] buffer = new byte[65536];
        try (InputStream in = r.body()) {
          for (int k; (k = in.read(buffer)) >= 0; ) {
            bytes += k;
          }
        }
        if (r.statusCode() / 100 != 2) {
          errorSamples.computeIfAbsent("HTTP " + r.statusCode() + " " + path.replaceAll("\\?.*", "?..."),
              x -> new AtomicLong()).incrementAndGet();
          return -1;
        }
        return bytes;
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        errorSamples.computeIfAbsent(e.getClass().getSimpleName() + " " + path.replaceAll("\\?.*", "?..."),
            x -> new AtomicLong()).incrementAndGet();
        return -1;
      }
    }

    /** A few requests of each kind one at a time, before the load: the cost of one request alone. */
    void probe(HttpClient http) {
      Random r = new Random(3);
      for (Kind k : Kind.values()) {
        int m = k == Kind.FACTS_PAGE ? 3 : 30;
        long[] nanos = new long[m];
        long bytes = 0;
        int errors = 0;
        for (int i = 0; i < m; i++) {
          long t = System.nanoTime();
          long b = send(http, path(k, r));
          nanos[i] = System.nanoTime() - t;
          errors += b < 0 ? 1 : 0;
          bytes += Math.max(0, b);
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "1 client, %-40s p50 %8.1f ms  max %8.1f ms  %8.1f KB/response  (%d, %d errors)%n",
            k.label, pct(nanos, 50), nanos[m - 1] / 1e6, bytes / 1024.0 / m, m, errors);
      }
      errorSamples.clear();
    }

    void run(int clients, int warmupSeconds, int seconds) throws Exception {
      long startAt = System.nanoTime() + warmupSeconds * 1_000_000_000L;
      long endAt = startAt + seconds * 1_000_000_000L;
      List<List<long[]>> perThread = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        List<long[]> samples = new ArrayList<>(); // {kind, nanos, bytes or -1}
        perThread.add(samples);
        Random r = new Random(100 + c);
        HttpClient http = client();
        Thread t = new Thread(() -> {
          while (System.nanoTime() < endAt) {
            Kind k = pick(r);
            String path = path(k, r);
            long t0 = System.nanoTime();
            long bytes = send(http, path);
            long took = System.nanoTime() - t0;
            if (t0 >= startAt) {
              samples.add(new long[] {k.ordinal(), took, bytes});
            } else if (bytes < 0) {
              errorSamples.computeIfAbsent("(in warm-up) " + k, x -> new AtomicLong()).incrementAndGet();
            }
            if (thinkMillis > 0) { // a reader's pause between clicks, exponential about its mean
              try {
                Thread.sleep((long) (-thinkMillis * Math.log(1 - r.nextDouble())));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          }
        }, "bench-client-" + c);
        threads.add(t);
      }
      threads.forEach(Thread::start);
      while (System.nanoTime() < startAt) {
        Thread.sleep(50);
      }
      SearchCache.Stats cache0 = SearchCache.stats();
      long gcMillis0 = gcMillis();
      long gcCount0 = gcCount();
      long peakHeap = 0;
      // this JVM's CPU time against the wall time of every core (portable: no com.sun.management)
      long cpuAtStart = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
      long wallAtStart = System.nanoTime();
      while (System.nanoTime() < endAt) {
        Thread.sleep(Math.min(1000, Math.max(1, (endAt - System.nanoTime()) / 1_000_000)));
        Runtime rt = Runtime.getRuntime();
        peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
      }
      String loadAtEnd = loadAverage();
      SearchCache.Stats cache1 = SearchCache.stats();
      long gcMillis = gcMillis() - gcMillis0;
      long gcCount = gcCount() - gcCount0;
      long measuredEnd = System.nanoTime();
      for (Thread t : threads) {
        t.join();
      }
      double tail = (System.nanoTime() - measuredEnd) / 1e9;

      long total = 0;
      long totalErrors = 0;
      System.out.println();
      System.out.printf(Locale.ROOT, "%-42s %7s %6s %9s %9s %9s %9s %8s%n", "kind", "count", "errors", "p50 ms",
          "p99 ms", "max ms", "mean ms", "KB/resp");
      double[] p99s = new double[Kind.values().length];
      long[] errs = new long[Kind.values().length];
      for (Kind k : Kind.values()) {
        List<Long> nanos = new ArrayList<>();
        long errors = 0;
        long bytes = 0;
        for (List<long[]> samples : perThread) {
          for (long[] s : samples) {
            if (s[0] == k.ordinal()) {
              nanos.add(s[1]);
              errors += s[2] < 0 ? 1 : 0;
              bytes += Math.max(0, s[2]);
            }
          }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        total += sorted.length;
        totalErrors += errors;
        errs[k.ordinal()] = errors;
        p99s[k.ordinal()] = pct(sorted, 99);
        System.out.printf(Locale.ROOT, "%-42s %7d %6d %9.1f %9.1f %9.1f %9.1f %8.1f%n", k.label, sorted.length, errors,
            pct(sorted, 50), pct(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
            Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6, sorted.length == 0 ? 0 : bytes / 1024.0 / sorted.length);
      }
      System.out.printf(Locale.ROOT, "throughput: %.1f requests/s (%d requests started in %d s, %d errors);"
          + " in-flight requests finished %.1f s after the end%n", total / (double) seconds, total, seconds, totalErrors, tail);
      long cpuAtEnd = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
      double share = cpuAtStart < 0 || cpuAtEnd < 0 ? -1
          : (cpuAtEnd - cpuAtStart) / (double) ((System.nanoTime() - wallAtStart) * Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "load: this JVM (server and clients) used %.0f%% of the machine's cores,"
          + " GC %d ms in %d collections, peak heap %d MB, load average at the end %s%n",
          100 * share, gcMillis, gcCount, peakHeap >> 20, loadAtEnd);
      long searches = cache1.searches() - cache0.searches();
      System.out.printf(Locale.ROOT, "search cache while measured: %d searches, %.1f%% answered from it, %.1f%% its"
          + " facets and count with the hits searched, %.1f%% searched and counted%n", searches,
          100.0 * (cache1.hits() - cache0.hits()) / Math.max(1, searches),
          100.0 * (cache1.facetHits() - cache0.facetHits()) / Math.max(1, searches),
          100.0 * (cache1.misses() - cache0.misses()) / Math.max(1, searches));
      errorSamples.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(b.get(), a.get())))
          .limit(8).forEach(e -> System.out.println("  error: " + e.getValue().get() + " x " + e.getKey()));
      double searchP99 = Math.max(p99s[Kind.SEARCH_PAGE.ordinal()], p99s[Kind.SEARCH_API.ordinal()]);
      boolean met = searchP99 <= 100 && totalErrors == 0;
      System.out.printf(Locale.ROOT, "goal (search p99 <= 100 ms at %d clients, 0 errors): %s (search p99 %.1f ms,"
          + " search errors %d, all errors %d)%n", clients, met ? "MET" : "NOT MET", searchP99,
          errs[Kind.SEARCH_PAGE.ordinal()] + errs[Kind.SEARCH_API.ordinal()], totalErrors);
    }
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  // ------------------------------------------------------------------ queries

  /** Query strings from the corpus's words: {@link SearchBenchmark}'s. */
  private static List<String> queries(Random r) {
    return SearchBenchmark.queries(r);
  }
}
