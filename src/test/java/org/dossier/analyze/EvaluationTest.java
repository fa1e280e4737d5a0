package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Annotations;
import org.dossier.core.EntityMention;
import org.dossier.core.Span;
import org.dossier.core.ValueMention;
import org.junit.jupiter.api.Test;

/**
 * Precision, recall and F1 of the analysis per entity and value type, on the hand-annotated
 * fictional evaluation set in {@code eval/} (English, Russian, Chinese). Prints the table and
 * fails when a figure drops below the floor it had when the set was written.
 */
class EvaluationTest {
  static final List<String> FILES = List.of("en-01", "en-02", "en-03", "en-04", "en-05",
      "ru-01", "ru-02", "ru-03", "ru-04", "zh-01", "zh-02", "zh-03");
  /** Written after the analysis was tuned on {@link #FILES}, and never tuned on. */
  static final List<String> HELD_OUT = List.of("held-en-01", "held-en-02", "held-ru-01", "held-zh-01");
  private static final Pattern MARK = Pattern.compile("\\[([^\\[\\]]+)\\]\\{([^}]+)\\}");

  /** A gold annotation: its span in the plain text, type, and normalized value (for values). */
  record Gold(Span span, String type, String normalized, String bound) {}

  /** An annotated text with its markup removed. */
  record Example(String name, String language, String text, Optional<LocalDate> date, List<Gold> gold) {}

  static Example load(String name) throws IOException {
    String raw;
    try (InputStream in = EvaluationTest.class.getResourceAsStream("eval/" + name + ".txt")) {
      raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Optional<LocalDate> date = Optional.empty();
    if (raw.startsWith("@date ")) {
      int nl = raw.indexOf('\n');
      date = Optional.of(LocalDate.parse(raw.substring(6, nl).strip()));
      raw = raw.substring(nl + 1);
    }
    StringBuilder plain = new StringBuilder();
    List<Gold> gold = new ArrayList<>();
    Matcher m = MARK.matcher(raw);
    int last = 0;
    while (m.find()) {
      plain.append(raw, last, m.start());
      int start = plain.length();
      plain.append(m.group(1));
      String[] tag = m.group(2).split(";");
      String[] kv = tag[0].split("=", 2);
      gold.add(new Gold(new Span(start, plain.length()), kv[0], kv.length > 1 ? kv[1] : "",
          tag.length > 1 ? tag[1] : ""));
      last = m.end();
    }
    plain.append(raw.substring(last));
    String language = name.replace("held-", "").substring(0, 2);
    return new Example(name, language, plain.toString(), date, gold);
  }

  /** Counts of true and false positives and false negatives. */
  static final class Score {
    int tp;
    int fp;
    int fn;

    double precision() {
      return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Scores every example; keys are types, plus "entities" and "values" totals. */
  static Map<String, Score> evaluate(DocumentAnalyzer analyzer, List<String> files) throws IOException {
    Map<String, Score> scores = new TreeMap<>();
    for (String f : files) {
      Example ex = load(f);
      Annotations a = analyzer.analyze(ex.text(), ex.language(), ex.date()).annotations();
      List<Gold> entityGold = ex.gold().stream().filter(g -> g.normalized().isEmpty()).toList();
      List<Gold> valueGold = ex.gold().stream().filter(g -> !g.normalized().isEmpty()).toList();
      List<EntityMention> predictedEntities = a.entities().stream()
          .filter(e -> !e.type().code().equals("other")).toList();
      boolean show = Boolean.getBoolean("dossier.eval.errors");
      for (EntityMention e : predictedEntities) {
        boolean hit = entityGold.stream().anyMatch(g -> g.type().equals(e.type().code()) && g.span().equals(e.span()));
        add(scores, e.type().code(), "entities", hit ? 1 : 0, hit ? 0 : 1, 0);
        if (!hit && show) {
          System.out.println(f + " FP " + e.type().code() + " «" + e.text() + "»");
        }
      }
      for (Gold g : entityGold) {
        boolean found = predictedEntities.stream().anyMatch(e -> g.type().equals(e.type().code()) && g.span().equals(e.span()));
        if (!found) {
          add(scores, g.type(), "entities", 0, 0, 1);
          if (show) {
            System.out.println(f + " FN " + g.type() + " «" + ex.text().substring(g.span().start(), g.span().end()) + "»");
          }
        }
      }
      for (ValueMention v : a.values()) {
        boolean hit = valueGold.stream().anyMatch(g -> matches(g, v));
        add(scores, v.value().kind(), "values", hit ? 1 : 0, hit ? 0 : 1, 0);
        if (!hit && show) {
          System.out.println(f + " FP " + v.value().kind() + "=" + v.value().normalized() + " «" + v.text() + "»");
        }
      }
      for (Gold g : valueGold) {
        if (a.values().stream().noneMatch(v -> matches(g, v))) {
          add(scores, g.type(), "values", 0, 0, 1);
          if (show) {
            System.out.println(f + " FN " + g.type() + "=" + g.normalized() + " «" + ex.text().substring(g.span().start(), g.span().end()) + "»");
          }
        }
      }
    }
    return scores;
  }

  private static boolean matches(Gold g, ValueMention v) {
    return g.type().equals(v.value().kind()) && g.normalized().equals(v.value().normalized())
        && g.span().overlaps(v.span())
        && (g.bound().isEmpty() || v.qualifier().map(q -> q.bound().name()).orElse("").equals(g.bound()));
  }

  private static void add(Map<String, Score> scores, String type, String total, int tp, int fp, int fn) {
    for (String k : List.of(type, total)) {
      Score s = scores.computeIfAbsent(k, x -> new Score());
      s.tp += tp;
      s.fp += fp;
      s.fn += fn;
    }
  }

  static String table(Map<String, Score> scores) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-14s %5s %5s %5s %9s %7s %5s%n",
        "type", "tp", "fp", "fn", "precision", "recall", "F1"));
    scores.forEach((k, s) -> out.append(String.format(Locale.ROOT, "%-14s %5d %5d %5d %9.2f %7.2f %5.2f%n",
        k, s.tp, s.fp, s.fn, s.precision(), s.recall(), s.f1())));
    return out.toString();
  }

  @Test
  void qualityStaysAboveItsFloors() throws IOException {
    DocumentAnalyzer analyzer = new DocumentAnalyzer(Gazetteer.load(List.of()));
    Map<String, Score> scores = evaluate(analyzer, FILES);
    String table = table(scores);
    System.out.println("Analysis quality on the development set:\n" + table);
    Map<String, Score> held = evaluate(analyzer, HELD_OUT);
    System.out.println("Analysis quality on the held-out set:\n" + table(held));
    assertTrue(held.get("entities").f1() >= 0.5, table(held));
    assertTrue(held.get("values").f1() >= 0.5, table(held));
    assertTrue(scores.get("entities").f1() >= 0.60, table);
    assertTrue(scores.get("values").f1() >= 0.75, table);
    assertTrue(scores.get("money").recall() >= 0.8, table);
    assertTrue(scores.get("date").recall() >= 0.8, table);
  }
}
