package org.dossier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dossier.testing.Cli;

/**
 * The link stage on a generated fictional press corpus ({@link StoryGenerator}): ingest, then
 * {@code stories}, {@code facts} and {@code sources} with {@code --json}, each run in this JVM as
 * the tests run the command line, timed; then their output scored against the generator's gold
 * ({@link LinkScore}): same-story pairs, same-fact pairs and claim recall, fact status,
 * document kinds and links. Beside Dossier's stories it prints a naive grouping by the first state
 * an article names, which the unrelated stories (same countries, same numbers) are built to punish.
 *
 * <p>Args: {@code [ARTICLES] [WORKDIR] [--seed N] [--no-gazetteer]} (default 200 articles, {@code
 * /tmp/dossier-bench}). The corpus, its gold ({@code gold.json}), the case and what each command
 * printed ({@code stories.json} ...) are left in {@code WORKDIR/link-ARTICLES-SEED/}. By default
 * the case gets the corpus's gazetteer of invented equipment, firms, think tanks, states and
 * outlets ({@code --gazetteer}), as an analyst would add one.
 */
public final class LinkBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> READERS = List.of("stories", "facts", "sources");

  private LinkBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = 200;
    Path work = Path.of("/tmp/dossier-bench");
    long seed = 42;
    boolean gazetteer = true;
    boolean relink = false;
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--no-gazetteer" -> gazetteer = false;
        case "--relink" -> relink = true;
        default -> positional.add(args[i]);
      }
    }
    if (!positional.isEmpty()) {
      n = Integer.parseInt(positional.get(0));
    }
    if (positional.size() > 1) {
      work = Path.of(positional.get(1));
    }
    Path root = work.resolve("link-" + n + "-" + seed);
    Path articles = root.resolve("articles");
    Path caseDir = root.resolve("case");
    Map<String, Double> seconds = new LinkedHashMap<>();
    StoryGold gold;
    long t;
    if (relink) {
      // the corpus and case of an earlier run, linked again by this build (its readings kept by
      // another build are read again): a rule of the link stage measured without generating and
      // ingesting anew
      if (!Files.isRegularFile(root.resolve("gold.json")) || !Files.isDirectory(caseDir) || !Files.isDirectory(articles)) {
        System.out.println("--relink needs an earlier run's " + root + " (gold.json, articles/, case/)");
        System.exit(2);
      }
      gold = StoryGold.read(root.resolve("gold.json"));
      System.out.println(gold.summary());
    } else {
      if (Files.exists(root)) {
        IngestBenchmark.deleteTree(root);
      }
      long t0 = System.nanoTime();
      gold = StoryGenerator.write(n, seed, articles);
      double generated = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "corpus: %d articles, %.1f MB in %s (generated in %.2f s)%n", n,
          CorpusGenerator.size(articles) / 1048576.0, articles, generated);
      System.out.println(gold.summary());

      List<String> ingest = new ArrayList<>(List.of("ingest", "--case", caseDir.toString(), "--quiet", "--no-ocr", "--json"));
      if (gazetteer) {
        ingest.addAll(List.of("--gazetteer", root.resolve("gazetteer.tsv").toString()));
      }
      ingest.add(articles.toString());
      t = System.nanoTime();
      Cli.Result r = Cli.run(ingest.toArray(String[]::new));
      seconds.put("ingest", (System.nanoTime() - t) / 1e9);
      if (r.exit() != 0) {
        System.out.println("ingest failed: " + r);
        System.exit(1);
      }
      // the link stage runs inside ingest; it reports its own time
      JsonNode linked = r.json().path("linked");
      if (linked.has("seconds")) {
        seconds.put("  of which link stage", linked.get("seconds").asDouble());
      }
    }
    if (relink) {
      try (org.dossier.pipeline.CaseFolder folder = org.dossier.pipeline.CaseFolder.openForWriting(caseDir,
          java.time.Clock.systemUTC())) {
        t = System.nanoTime();
        org.dossier.pipeline.Linking.run(folder);
        seconds.put("link, this build", (System.nanoTime() - t) / 1e9);
      }
    }
    // each reading command prints to a file (a large case's facts are hundreds of MB of JSON), and
    // is scored from it: stories and sources read whole, the facts one at a time
    Map<String, Path> printed = new LinkedHashMap<>();
    for (String command : READERS) {
      Path file = root.resolve(command + ".json");
      java.io.StringWriter err = new java.io.StringWriter();
      t = System.nanoTime();
      int exit;
      try (java.io.PrintWriter out = new java.io.PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
        exit = org.dossier.cli.TestEntry.execute(out, new java.io.PrintWriter(err, true), command, "--json", "--case",
            caseDir.toString());
      }
      seconds.put(command + " --json", (System.nanoTime() - t) / 1e9);
      if (exit != 0) {
        System.out.printf(Locale.ROOT, "%s --json: exit %d: %s%n", command, exit,
            err.toString().strip().lines().findFirst().orElse(""));
        continue;
      }
      printed.put(command, file);
    }

    // the link stage alone, in this warm JVM: reading every text, then again from the readings kept
    // (after --relink, which read what it had to above, only the latter)
    try (org.dossier.pipeline.CaseFolder folder = org.dossier.pipeline.CaseFolder.openForWriting(caseDir,
        java.time.Clock.systemUTC())) {
      if (!relink) {
        IngestBenchmark.deleteTree(caseDir.resolve("readings"));
        t = System.nanoTime();
        org.dossier.pipeline.Linking.run(folder);
        seconds.put("link, reading the texts", (System.nanoTime() - t) / 1e9);
      }
      t = System.nanoTime();
      org.dossier.pipeline.Linking.run(folder);
      seconds.put("link, readings kept", (System.nanoTime() - t) / 1e9);
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "%-24s %10s %12s%n", "", "seconds", "articles/s");
    for (Map.Entry<String, Double> e : seconds.entrySet()) {
      System.out.printf(Locale.ROOT, "%-24s %10.2f %12.1f%n", e.getKey(), e.getValue(), n / e.getValue());
    }

    System.out.println();
    ObjectNode naive = firstStateStories(gold, articles);
    LinkScore.StoryScore baseline = LinkScore.stories(gold, naive);
    if (printed.containsKey("stories")) {
      LinkScore.StoryScore s = LinkScore.stories(gold, JSON.readTree(printed.get("stories").toFile()));
      System.out.printf(Locale.ROOT, "stories: %d gold, %d system; same-story pairs %s%n",
          gold.stories().size(), s.systemStories(), s.pairs());
      System.out.printf(Locale.ROOT, "  documents in no story: %d of %d; names not in the corpus: %d%n",
          s.unplaced(), s.documents(), s.unknown());
    } else {
      System.out.println("stories: not available");
    }
    System.out.printf(Locale.ROOT, "  naive baseline (first state named): %d stories; %s%n",
        baseline.systemStories(), baseline.pairs());

    System.out.println();
    if (printed.containsKey("facts")) {
      LinkScore.FactScore f = LinkScore.facts(gold, fact -> each(printed.get("facts"), "facts", fact),
          name -> read(articles, name));
      System.out.printf(Locale.ROOT, "facts: %d gold, %d system; same-fact pairs over gold claims %s%n",
          gold.facts().size(), f.systemFacts(), f.pairs());
      System.out.printf(Locale.ROOT, "  claim recall: %d of %d gold claims in a system fact (%.3f)%n",
          f.found(), f.goldClaims(), f.claimRecall());
      System.out.printf(Locale.ROOT, "  system claims: %d, of which %d match no gold claim%n",
          f.systemClaims(), f.unmatched());
      System.out.printf(Locale.ROOT,
          "  status of the system fact holding most of each gold fact's claims (gold facts with 2+ claims): %d of %d (%.3f)%n",
          f.status().correct(), f.status().total(), f.status().accuracy());
      System.out.print(f.status().table(LinkScore.STATUSES, "gold \\ system"));
    } else {
      System.out.println("facts: not available");
    }

    System.out.println();
    if (printed.containsKey("sources")) {
      LinkScore.SourceScore p = LinkScore.sources(gold, JSON.readTree(printed.get("sources").toFile()));
      System.out.printf(Locale.ROOT, "propagation: document kinds %d of %d (%.3f); %d documents not listed%n",
          p.kinds().correct(), p.kinds().total(), p.kinds().accuracy(), p.missing());
      for (String k : LinkScore.KINDS) {
        int total = p.kinds().total(k);
        if (total > 0) {
          System.out.printf(Locale.ROOT, "  %-12s %4d of %4d (%.3f)%n", k, p.kinds().get(k, k), total,
              p.kinds().get(k, k) / (double) total);
        }
      }
      System.out.print(p.kinds().table(LinkScore.KINDS, "gold \\ system"));
      System.out.printf(Locale.ROOT, "  links (document, to, relation): %s%n", p.links());
      System.out.printf(Locale.ROOT, "  links, any relation or direction:  %s%n", p.anyRelation());
      for (Map.Entry<String, LinkScore.Prf> e : p.byRelation().entrySet()) {
        System.out.printf(Locale.ROOT, "    %-14s %s%n", e.getKey(), e.getValue());
      }
    } else {
      System.out.println("propagation: not available");
    }
    System.out.println();
    System.out.println("left in " + root + " (gold.json, articles/, case/, " + String.join(".json, ", READERS) + ".json)");
  }

  /** Each element of the array {@code field} of the JSON object in {@code file}, read one at a time. */
  static void each(Path file, String field, java.util.function.Consumer<JsonNode> element) throws IOException {
    try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(file.toFile())) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        throw new IOException(file + " is not a JSON object");
      }
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        boolean wanted = p.currentName().equals(field);
        com.fasterxml.jackson.core.JsonToken value = p.nextToken();
        if (wanted && value == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
          while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
            element.accept(JSON.readTree(p));
          }
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private static String read(Path dir, String name) {
    Path f = dir.resolve(name);
    try {
      return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The naive grouping, as {@code stories --json} would print it: one story per state, holding
   * the articles whose body (after the headline) names it first, in either script.
   */
  static ObjectNode firstStateStories(StoryGold gold, Path articles) {
    Map<String, List<String>> byState = new LinkedHashMap<>();
    for (StoryGold.Doc d : gold.documents()) {
      String text = read(articles, d.document());
      int from = text.indexOf("\n\n");
      String state = "(none)";
      int first = Integer.MAX_VALUE;
      for (StoryWorld.State s : StoryWorld.STATES) {
        for (String name : new String[] {s.en(), s.ru()}) {
          int at = text.indexOf(name, Math.max(0, from));
          if (at >= 0 && at < first) {
            first = at;
            state = s.en();
          }
        }
      }
      byState.computeIfAbsent(state, k -> new ArrayList<>()).add(d.document());
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode stories = out.putArray("stories");
    for (Map.Entry<String, List<String>> e : byState.entrySet()) {
      ObjectNode s = stories.addObject();
      s.put("id", e.getKey());
      s.put("title", e.getKey());
      ArrayNode docs = s.putArray("documents");
      e.getValue().forEach(docs::add);
    }
    return out;
  }
}
