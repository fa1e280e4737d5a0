package org.dossier.analyze;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Throughput of the analyze stage in tokens per second per core, for English and Russian text,
 * with the cost of each annotator, beside bare CoreNLP (its tokenizer and CRF classifier alone)
 * on the same English text. Text: the fictional evaluation set and example press articles,
 * repeated. Run with {@code ./bench analyze}.
 */
public final class AnalyzeBenchmark {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

  private AnalyzeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    DocumentAnalyzer analyzer = new DocumentAnalyzer(Gazetteer.load(List.of()));
    for (String language : List.of("en", "ru")) {
      List<String> texts = texts(language);
      long tokens = texts.stream().mapToLong(AnalyzeBenchmark::tokens).sum();
      // warm up
      run(analyzer, texts, language, Math.max(3, seconds / 4));
      Map<String, Long> cost = new LinkedHashMap<>();
      long start = System.nanoTime();
      long done = 0;
      while (System.nanoTime() - start < seconds * 1_000_000_000L) {
        for (String t : texts) {
          Draft d = new Draft(t, language, Optional.empty());
          for (Annotator a : analyzer.pipeline(language)) {
            long s = System.nanoTime();
            a.annotate(d);
            cost.merge(a.getClass().getSimpleName(), System.nanoTime() - s, Long::sum);
          }
        }
        done += tokens;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%n%s: %.0f tokens/s on one core (%d tokens of text, %.0f s)%n",
          language, done / elapsed, tokens, elapsed);
      long total = cost.values().stream().mapToLong(Long::longValue).sum();
      for (Map.Entry<String, Long> c : cost.entrySet()) {
        System.out.printf(Locale.ROOT, "  %-18s %5.1f%%  %8.0f tokens/s alone%n",
            c.getKey(), 100.0 * c.getValue() / total, done / (c.getValue() / 1e9));
      }
      double both = parallel(analyzer, texts, language, seconds, tokens);
      System.out.printf(Locale.ROOT, "  two threads: %.0f tokens/s in all (%.0f per core)%n", both, both / 2);
      if (language.equals("en")) {
        CRFClassifier<CoreLabel> crf = EnglishNames.classifier();
        long bs = System.nanoTime();
        long bare = 0;
        while (System.nanoTime() - bs < seconds * 1_000_000_000L) {
          for (String t : texts) {
            crf.classify(t);
          }
          bare += tokens;
        }
        System.out.printf(Locale.ROOT, "  bare CoreNLP (PTB tokenizer + CRF, english.all.3class): %.0f tokens/s on one core%n",
            bare / ((System.nanoTime() - bs) / 1e9));
      }
    }
  }

  private static void run(DocumentAnalyzer analyzer, List<String> texts, String language, int seconds) {
    long start = System.nanoTime();
    while (System.nanoTime() - start < seconds * 1_000_000_000L) {
      for (String t : texts) {
        analyzer.analyze(t, language, Optional.empty());
      }
    }
  }

  private static double parallel(DocumentAnalyzer analyzer, List<String> texts, String language, int seconds, long tokens)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    List<Future<Long>> parts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      parts.add(pool.submit(() -> {
        long n = 0;
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
          for (String t : texts) {
            analyzer.analyze(t, language, Optional.empty());
          }
          n += tokens;
        }
        return n;
      }));
    }
    long total = 0;
    for (Future<Long> f : parts) {
      total += f.get();
    }
    pool.shutdown();
    return total / ((System.nanoTime() - start) / 1e9);
  }

  private static long tokens(String text) {
    return TOKEN.matcher(text).results().count();
  }

  /** The evaluation texts of a language (markup removed) and the example press articles. */
  private static List<String> texts(String language) throws IOException {
    List<String> out = new ArrayList<>();
    for (String f : EvaluationTest.FILES) {
      if (f.startsWith(language)) {
        out.add(EvaluationTest.load(f).text());
      }
    }
    Path press = Path.of("examples", "press");
    if (Files.isDirectory(press)) {
      try (var files = Files.list(press)) {
        for (Path p : files.sorted().toList()) {
          boolean russian = p.getFileName().toString().endsWith("_ru.txt");
          if (russian == language.equals("ru")) {
            out.add(Files.readString(p));
          }
        }
      }
    }
    try (InputStream in = AnalyzeBenchmark.class.getResourceAsStream("eval/README.md")) {
      if (in != null && language.equals("en")) {
        out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
