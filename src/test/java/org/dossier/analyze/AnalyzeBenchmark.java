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
  /** A word, a mark, or one Chinese character (Chinese is not written in words). */
  private static final Pattern TOKEN = Pattern.compile("\\p{IsHan}|[\\p{L}\\p{N}&&[^\\p{IsHan}]]+|[^\\s\\p{L}\\p{N}]");

  private AnalyzeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    DocumentAnalyzer analyzer = new DocumentAnalyzer(Gazetteer.load(List.of()));
    for (String language : List.of("en", "ru", "zh", "fr", "de", "es")) {
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

  /** Fictional press for the languages the evaluation set does not hold. */
  private static final Map<String, String> OTHER = Map.of(
      "zh", "德拉文纳市交通管理局周二表示，该局已向德国客车制造商霍尔韦格购买了45辆电动公交车，总价约2000万欧元。"
          + "据当地媒体报道，首批车辆将于2032年5月交付，其余车辆将在年底前交付。交通局发言人李明华说，"
          + "新车将投入城市东部的12条线路。市议会今年1月批准了这项采购，但有议员质疑价格过高。"
          + "根据会议记录，至少3名议员投了反对票。该市目前有1200名公交司机，计划明年再招聘150人。",
      "fr", "La régie des transports de Dravenna a acheté 40 bus électriques au constructeur Hollweg Fahrzeugwerke"
          + " pour 16,5 millions d'euros, selon des documents consultés par notre rédaction. Les premiers véhicules"
          + " doivent arriver en mai 2032, a indiqué Irena Solvik, porte-parole de la régie. Le conseil avait approuvé"
          + " l'achat en janvier, selon le procès-verbal de la séance, malgré l'opposition de trois élus."
          + " « Ce prix est trop élevé », a déclaré Tomas Brell, conseiller municipal, au quotidien Le Courrier de Dravenna."
          + " La ville emploie environ 1 200 conducteurs et prévoit d'en recruter 150 de plus l'an prochain.",
      "de", "Die Verkehrsbetriebe Dravenna haben 40 Elektrobusse bei der Hollweg Fahrzeugwerke GmbH gekauft,"
          + " wie die Tageszeitung Dravenna Kurier am Dienstag berichtete. Der Gesamtbetrag liegt bei 16,5 Millionen Euro."
          + " Die ersten Fahrzeuge sollen im Mai 2032 geliefert werden, sagte Sprecherin Irena Solvik."
          + " Der Stadtrat hatte den Kauf im Januar gebilligt; drei Ratsmitglieder stimmten dagegen."
          + " „Der Preis ist zu hoch“, sagte Ratsmitglied Tomas Brell. Die Stadt beschäftigt rund 1.200 Fahrer.",
      "es", "La autoridad de transporte de Dravenna compró 40 autobuses eléctricos a Hollweg Fahrzeugwerke por"
          + " 16,5 millones de euros, según documentos a los que tuvo acceso este diario. Los primeros vehículos"
          + " llegarán en mayo de 2032, dijo la portavoz Irena Solvik. El consejo aprobó la compra en enero,"
          + " según el acta de la reunión, con el voto en contra de tres concejales. «El precio es demasiado alto»,"
          + " declaró el concejal Tomas Brell. La ciudad emplea a unos 1.200 conductores.");

  /** The evaluation texts of a language (markup removed) and the example press articles. */
  private static List<String> texts(String language) throws IOException {
    List<String> out = new ArrayList<>();
    if (OTHER.containsKey(language)) {
      out.add(OTHER.get(language));
      return out;
    }
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
