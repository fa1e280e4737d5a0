package org.dossier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.dossier.core.DocumentId;
import org.dossier.core.IndexDocument;
import org.dossier.core.SearchRequest;
import org.dossier.index.LuceneIndex;

/**
 * Query latency on a generated index of fictional documents: Dossier's search (all text fields,
 * transliteration, facets, snippets) against a bare Lucene search of the same query strings
 * (classic parser, StandardAnalyzer, one field, top 10, no facets or snippets). Args: {@code
 * [DOCS] [WORKDIR]}; the index is built once and reused.
 */
public final class SearchBenchmark {
  private static final int QUERIES = 1000;
  private static final int WARMUP = 300;
  private static final String[] EXTENSIONS = {"txt", "pdf", "docx", "eml", "html", "xlsx"};
  private static final Map<String, String> TYPES = Map.of(
      "txt", "text/plain", "pdf", "application/pdf",
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "eml", "message/rfc822", "html", "text/html",
      "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int docs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path work = Path.of(args.length > 1 ? args[1] : "/tmp/dossier-bench");
    Path dir = work.resolve("index-" + docs);
    build(dir, docs);
    List<String> queries = queries(new Random(7));

    try (LuceneIndex index = LuceneIndex.openForReading(dir)) {
      for (int i = 0; i < WARMUP; i++) {
        index.search(new SearchRequest(queries.get(i % queries.size()), 10, 0));
      }
      long[] dossier = new long[queries.size()];
      long hits = 0;
      for (int i = 0; i < queries.size(); i++) {
        long t = System.nanoTime();
        hits += index.search(new SearchRequest(queries.get(i), 10, 0)).total();
        dossier[i] = System.nanoTime() - t;
      }
      report("dossier search (facets + snippets)", dossier);
      Integer[] order = new Integer[queries.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(dossier[b], dossier[a]));
      System.out.println("  slowest:");
      for (int i = 0; i < 8; i++) {
        System.out.printf(Locale.ROOT, "    %7.1f ms  %s%n", dossier[order[i]] / 1e6, queries.get(order[i]));
      }
      System.out.printf(Locale.ROOT, "  mean hits per query: %.0f%n", hits / (double) queries.size());
    }

    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<Query> parsed = new ArrayList<>();
      for (String q : queries) {
        try {
          parsed.add(new QueryParser("text", new StandardAnalyzer()).parse(q));
        } catch (Exception e) {
          // a query the bare parser cannot read is left out of its side
        }
      }
      for (int i = 0; i < WARMUP; i++) {
        searcher.search(parsed.get(i % parsed.size()), 10);
      }
      long[] bare = new long[parsed.size()];
      for (int i = 0; i < parsed.size(); i++) {
        long t = System.nanoTime();
        searcher.search(parsed.get(i), 10);
        bare[i] = System.nanoTime() - t;
      }
      report("bare Lucene (one field, top 10)", bare);
    }
  }

  private static void report(String label, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    double mean = Arrays.stream(s).average().orElse(0) / 1e6;
    System.out.printf(Locale.ROOT, "%-38s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms  mean %6.2f ms  (%d queries)%n",
        label, pct(s, 50), pct(s, 90), pct(s, 99), s[s.length - 1] / 1e6, mean, s.length);
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static void build(Path dir, int docs) throws Exception {
    Path done = dir.resolve(".complete");
    if (Files.exists(done)) {
      System.out.println("reusing the index in " + dir);
      return;
    }
    long start = System.nanoTime();
    try (LuceneIndex index = LuceneIndex.openForWriting(dir)) {
      int threads = Runtime.getRuntime().availableProcessors();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          for (int i = first; i < docs; i += threads) {
            index.upsert(document(i));
          }
          return null;
        }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
      pool.shutdown();
      index.commit();
    }
    Files.writeString(done, "");
    System.out.printf(Locale.ROOT, "built a %d-document index in %.0f s%n", docs, (System.nanoTime() - start) / 1e9);
  }

  private static IndexDocument document(int i) {
    FictionalText t = new FictionalText(1_000_003L * i);
    String lang = t.language();
    String ext = EXTENSIONS[t.random().nextInt(EXTENSIONS.length)];
    String folder = String.format(Locale.ROOT, "batch-%02d/box-%d", i % 40, i % 3);
    String name = String.format(Locale.ROOT, "%s/doc-%06d.%s", folder, i, ext);
    String sha = String.format(Locale.ROOT, "%064x", i);
    boolean inZip = t.random().nextInt(20) == 0;
    return new IndexDocument(new DocumentId(sha), name, List.of(name),
        t.prose(lang, 200 + t.random().nextInt(1300)), lang, TYPES.get(ext), "ok",
        Optional.of(t.date()), List.of(folder),
        inZip ? Optional.of(folder + "/bundle.zip") : Optional.empty(), List.of(ext),
        Map.of("title", List.of("Document " + i)));
  }

  /** A thousand queries in the search syntax's forms, from the fictional corpus's words (shared with {@link ServeBenchmark}). */
  static List<String> queries(Random r) {
    List<String> en = FictionalText.ENGLISH.subList(49, FictionalText.ENGLISH.size());
    List<String> ru = FictionalText.RUSSIAN.subList(15, FictionalText.RUSSIAN.size());
    List<String> zh = FictionalText.CHINESE;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      String a = en.get(r.nextInt(en.size()));
      String b = en.get(r.nextInt(en.size()));
      String[] name = FictionalText.NAMES[r.nextInt(FictionalText.NAMES.length)];
      String[] eq = FictionalText.EQUIPMENT[r.nextInt(FictionalText.EQUIPMENT.length)];
      int year = 2019 + r.nextInt(6);
      String q = switch (r.nextInt(16)) {
        case 0, 1 -> a;
        case 2 -> ru.get(r.nextInt(ru.size()));
        case 3 -> zh.get(r.nextInt(zh.size()));
        case 4, 5 -> a + " AND " + b;
        case 6 -> a + " OR " + b;
        case 7 -> "\"the " + a + "\"";
        case 8 -> "\"" + a + " " + b + "\"~5";
        case 9 -> a.substring(0, Math.min(4, a.length())) + "*";
        case 10 -> name[0].substring(0, name[0].length() - 1) + "~";
        case 11 -> "lang:ru AND " + ru.get(r.nextInt(ru.size()));
        case 12 -> "ext:pdf AND " + a;
        case 13 -> a + " AND date:[" + year + "-01 TO " + year + "-06]";
        case 14 -> r.nextBoolean() ? name[0] : name[1];
        default -> r.nextBoolean() ? eq[0] : eq[1];
      };
      out.add(q);
    }
    return out;
  }
}
