package org.dossier.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dossier.analyze.Gazetteer;
import org.dossier.core.TranslitKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link benchmark's generator is deterministic and its gold consistent; its scoring is right. */
class StoryGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path articles;
  static StoryGold gold;
  static Map<String, String> texts = new HashMap<>();
  static Map<String, StoryGold.Doc> docs = new HashMap<>();

  @BeforeAll
  static void generate() throws IOException {
    articles = dir.resolve("main/articles");
    gold = StoryGenerator.write(200, 42, articles);
    try (Stream<Path> files = Files.list(articles)) {
      for (Path f : files.toList()) {
        texts.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    gold.documents().forEach(d -> docs.put(d.document(), d));
  }

  // ---------------------------------------------------------------------------------- generator

  @Test
  void sameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
    Path a = dir.resolve("a/articles");
    Path b = dir.resolve("b/articles");
    Path c = dir.resolve("c/articles");
    StoryGenerator.write(60, 7, a);
    StoryGenerator.write(60, 7, b);
    StoryGenerator.write(60, 8, c);
    List<String> names = list(a);
    assertEquals(60, names.size());
    assertEquals(names, list(b));
    for (String n : names) {
      assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
    }
    assertArrayEquals(Files.readAllBytes(a.resolveSibling("gold.json")), Files.readAllBytes(b.resolveSibling("gold.json")));
    assertArrayEquals(Files.readAllBytes(a.resolveSibling("gazetteer.tsv")), Files.readAllBytes(b.resolveSibling("gazetteer.tsv")));
    assertNotEquals(names, list(c));
    assertEquals(gold, StoryGold.read(articles.resolveSibling("gold.json")), "the gold reads back as written");
  }

  @Test
  void everyDocumentIsInOneStoryOfAtMostTwelve() {
    assertEquals(200, texts.size());
    assertEquals(texts.keySet(), docs.keySet());
    Set<String> seen = new HashSet<>();
    int small = 0;
    for (StoryGold.StoryRow s : gold.stories()) {
      assertTrue(s.documents().size() <= 12, s.id());
      if (s.documents().size() < 3) {
        small++; // only the story cut short at the end of the corpus
      }
      for (String d : s.documents()) {
        assertTrue(seen.add(d), d + " is in two stories");
        assertEquals(s.id(), docs.get(d).story());
      }
    }
    assertTrue(small <= 1, small + " stories under 3 articles");
    assertEquals(docs.keySet(), seen);
    // the case keeps byte-identical files as one document: no two articles may be alike
    assertEquals(texts.size(), new HashSet<>(texts.values()).size(), "two articles have the same text");
  }

  @Test
  void everyClaimIsWrittenWhereTheGoldSays() {
    Map<String, String> storyOf = new HashMap<>();
    gold.documents().forEach(d -> storyOf.put(d.document(), d.story()));
    for (StoryGold.FactRow f : gold.facts()) {
      Set<String> inDocs = new HashSet<>();
      for (StoryGold.Claim c : f.claims()) {
        String text = texts.get(c.document());
        assertNotNull(text, c.document());
        assertEquals(c.text(), text.substring(c.start(), c.end()), f.description() + " in " + c.document());
        assertEquals(f.story(), storyOf.get(c.document()), f.description());
        assertTrue(inDocs.add(c.document()), f.description() + " twice in " + c.document());
        String t = c.text();
        switch (f.kind()) {
          case "quantity" -> assertTrue(t.matches("\\d+"), t);
          case "money" -> assertTrue(t.contains("$") || t.contains("млн долларов"), t);
          case "date" -> assertTrue(t.matches(".*\\b(19|20)\\d\\d\\b.*"), t);
          case "percent" -> assertTrue(t.matches("\\d+([.,]\\d)? (percent|процента)"), t);
          default -> assertTrue(t.matches("(about |some |примерно |приблизительно |About |Some |Примерно )?[\\d,]+ \\p{L}.*"), t);
        }
        if (c.variant().startsWith("q:atleast")) {
          assertTrue(t.startsWith("more than ") || t.startsWith("более "), t);
        }
        if (c.variant().startsWith("q:prelim")) {
          assertTrue(t.endsWith(" before it was finalized") || t.endsWith(" до подписания"), t);
        }
      }
      assertEquals(StoryGenerator.status(f.claims()), f.status());
      assertEquals(f.claims().size() == 1, f.status().equals("single"), f.description());
    }
  }

  @Test
  void theGoldHoldsEveryStatusKindAndRelation() {
    Set<String> statuses = new HashSet<>();
    gold.facts().forEach(f -> statuses.add(f.status()));
    assertEquals(Set.of("agree", "conflict", "divergent", "single"), statuses);
    Set<String> kinds = new HashSet<>();
    Set<String> relations = new HashSet<>();
    int toOutlets = 0;
    int russian = 0;
    for (StoryGold.Doc d : gold.documents()) {
      kinds.add(d.kind());
      d.links().forEach(l -> relations.add(l.relation()));
      toOutlets += (int) d.links().stream().filter(l -> !docs.containsKey(l.to())).count();
      russian += d.language().equals("ru") ? 1 : 0;
    }
    assertEquals(Set.of("original", "repost", "translation", "rewrite"), kinds);
    assertEquals(Set.of("copies", "translates", "rewrites", "shares-source"), relations);
    assertTrue(toOutlets > 0, "some links name an outlet with no article in the case");
    assertTrue(russian >= 24 && russian <= 70, russian + " Russian articles of 200");
    Set<String> topics = new HashSet<>();
    gold.stories().forEach(s -> topics.add(s.topic()));
    assertTrue(topics.contains("arms") && topics.size() >= 3, topics.toString());
  }

  @Test
  void linksPointBackInTheirStoryAndMatchTheirKind() {
    Set<String> outlets = new HashSet<>();
    StoryWorld.OUTLETS.forEach(o -> outlets.add(o.name()));
    for (StoryGold.Doc d : gold.documents()) {
      String text = texts.get(d.document());
      if (d.kind().equals("original")) {
        assertTrue(d.links().isEmpty() || d.links().size() == 1
            && d.links().get(0).relation().equals("shares-source"), d.toString());
      } else {
        assertEquals(1, d.links().size(), d.toString());
      }
      for (StoryGold.Link l : d.links()) {
        assertEquals(switch (d.kind()) {
          case "repost" -> "copies";
          case "translation" -> "translates";
          case "rewrite" -> "rewrites";
          default -> "shares-source";
        }, l.relation());
        StoryGold.Doc target = docs.get(l.to());
        if (target == null) {
          assertTrue(outlets.contains(l.to()), l.to());
          for (String other : storyOf(d).documents()) {
            assertNotEquals(l.to(), docs.get(other).outlet(), "the outlet " + l.to() + " has an article in the story");
          }
          assertTrue(text.contains(l.to()), d.document() + " names " + l.to());
          continue;
        }
        assertEquals(d.story(), target.story());
        assertTrue(target.date().compareTo(d.date()) <= 0, d.document() + " before its source");
        String source = texts.get(l.to());
        switch (d.kind()) {
          case "translation" -> {
            assertEquals("ru", d.language());
            assertEquals("en", target.language());
          }
          case "repost" -> {
            assertEquals(target.language(), d.language());
            assertTrue(sharesAParagraph(text, source), d.document() + " copies nothing of " + l.to());
          }
          case "rewrite" -> {
            assertEquals("en", d.language());
            assertTrue(text.contains(target.outlet()), d.document() + " does not cite " + target.outlet());
            assertFalse(sharesAParagraph(text, source), d.document() + " copies " + l.to());
          }
          default -> assertFalse(sharesAParagraph(text, source), d.document() + " copies " + l.to());
        }
      }
    }
  }

  @Test
  void unrelatedStoriesShareACountryAndANumberWithAnArmsStory() {
    Map<String, StoryGold.StoryRow> byId = new HashMap<>();
    gold.stories().forEach(s -> byId.put(s.id(), s));
    int checked = 0;
    for (StoryGold.StoryRow s : gold.stories()) {
      if (s.topic().equals("arms")) {
        continue;
      }
      StoryGold.StoryRow arms = byId.get(s.sharesSurfaceWith());
      assertNotNull(arms, s.id());
      assertEquals("arms", arms.topic());
      Set<String> armsNumbers = numbers(arms.id(), "quantity");
      Set<String> numbers = numbers(s.id(), "count");
      numbers.retainAll(armsNumbers);
      assertFalse(numbers.isEmpty(), s.id() + " shares no number with " + arms.id());
      String first = texts.get(s.documents().get(0));
      boolean sharesState = StoryWorld.STATES.stream().anyMatch(st ->
          (first.contains(st.en()) || first.contains(st.ru()))
              && arms.documents().stream().anyMatch(d -> texts.get(d).contains(st.en()) || texts.get(d).contains(st.ru())));
      assertTrue(sharesState, s.id() + " shares no state with " + arms.id());
      checked++;
    }
    assertTrue(checked > 0);
  }

  @Test
  void cyrillicSpellingsMeetTheirLatinOnesUnderTheTransliterationKey() {
    for (String[] pair : StoryWorld.spellings()) {
      assertEquals(keys(pair[0]), keys(pair[1]), pair[0] + " / " + pair[1]);
    }
  }

  @Test
  void theGazetteerBesideTheCorpusLoadsWithEveryInventedName() {
    List<Gazetteer.Entry> entries = Gazetteer.load(List.of(articles.resolveSibling("gazetteer.tsv"))).entries();
    for (StoryWorld.Equipment e : StoryWorld.EQUIPMENT) {
      assertTrue(entries.stream().anyMatch(x -> x.name().equals(e.en()) && x.aliases().contains(e.ru())), e.en());
    }
    for (StoryWorld.State st : StoryWorld.STATES) {
      assertTrue(entries.stream().anyMatch(x -> x.aliases().contains(st.ru())), st.en());
    }
  }

  @Test
  void aLargeCorpusIsQuickToWrite() throws IOException {
    long start = System.nanoTime();
    StoryGold big = StoryGenerator.write(1000, 3, dir.resolve("big/articles"));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(1000, big.documents().size());
    assertTrue(seconds < 20, seconds + " s for 1000 articles");
  }

  // ------------------------------------------------------------------------------------ scoring

  /** A small gold: stories A (a1 a2 a3) and B (b1 b2); facts F1 (3 claims, conflict), F2 (single). */
  private static final String A1 = "Headline\n\nThe deal covers 24 Kestrel-9M vehicles and is worth $5 million.\n";
  private static final String A2 = "Headline\n\nThey will get 24 Kestrel-9M vehicles.\n";
  private static final String A3 = "Other headline\n\nThe report says 26 Kestrel-9M vehicles.\n";

  private static StoryGold smallGold() {
    StoryGold.Claim f1a = claim("a1", A1, "24");
    StoryGold.Claim f1b = claim("a2", A2, "24");
    StoryGold.Claim f1c = claim("a3", A3, "26");
    StoryGold.Claim f2 = claim("a1", A1, "$5 million");
    return new StoryGold(0,
        List.of(new StoryGold.StoryRow("A", "arms", List.of("a1", "a2", "a3"), null),
            new StoryGold.StoryRow("B", "floods", List.of("b1", "b2"), "A")),
        List.of(new StoryGold.FactRow("F1", "A", "quantity", "quantity", "qty", "conflict", List.of(f1a, f1b, f1c)),
            new StoryGold.FactRow("F2", "A", "value", "money", "money", "single", List.of(f2))),
        List.of(doc("a1", "original"), doc("a2", "repost", "a1", "copies"), doc("a3", "rewrite", "a1", "rewrites"),
            doc("b1", "original"), doc("b2", "translation", "Marlow Tribune", "translates")));
  }

  @Test
  void storiesScorePairsPerClusterIntersection() throws IOException {
    JsonNode system = JSON.readTree("{\"stories\": ["
        + "{\"id\": \"1\", \"title\": \"x\", \"documents\": [\"a1\", \"a2\"]},"
        + "{\"id\": \"2\", \"title\": \"y\", \"documents\": [\"a3\", \"b1\", \"b2\", \"zz\"]}]}");
    LinkScore.StoryScore s = LinkScore.stories(smallGold(), system);
    // gold pairs: a1a2 a1a3 a2a3 b1b2 = 4; system pairs: a1a2, a3b1 a3b2 b1b2 = 4; both: a1a2 b1b2
    assertEquals(new LinkScore.Prf(2, 4, 4), s.pairs());
    assertEquals(0.5, s.pairs().precision(), 1e-9);
    assertEquals(0.5, s.pairs().recall(), 1e-9);
    assertEquals(1, s.unknown());
    assertEquals(0, s.unplaced());
  }

  @Test
  void factsScoreSameFactPairsClaimRecallAndStatus() throws IOException {
    int at = A3.indexOf("26");
    JsonNode system = JSON.readTree("{\"facts\": ["
        + fact("agree", claimJson("a1", A1, "24", A1.indexOf("24"), "24 Kestrel-9M vehicles"),
            claimJson("a2", A2, "24", A2.indexOf("24"), "24"))
        + ","
        // offsets that do not fit the text: placed by the quote; and a quote spanning the sentence
        + fact("conflict", "{\"document\": \"a3\", \"quote\": \"26 Kestrel-9M vehicles\", \"start\": 2, \"end\": 5,"
                + " \"value\": {\"kind\": \"quantity\", \"text\": \"26\", \"normalized\": \"26\"}}",
            "{\"document\": \"a1\", \"quote\": \"The deal covers 24 Kestrel-9M vehicles and is worth $5 million.\","
                + " \"start\": " + A1.indexOf("The deal") + ", \"end\": " + (A1.indexOf("million.") + 8) + ","
                + " \"value\": {\"kind\": \"money\", \"text\": \"$5 million\", \"normalized\": \"5000000 USD\"}}",
            claimJson("a2", A2, "Kestrel", A2.indexOf("Kestrel"), "Kestrel"))
        + "]}");
    assertTrue(at > 0);
    Map<String, String> texts = Map.of("a1", A1, "a2", A2, "a3", A3);
    LinkScore.FactScore f = LinkScore.facts(smallGold(), system, texts::get);
    // gold pairs: F1 3; system pairs over gold claims: {a1-24, a2-24} 1 and {a3-26, a1-$5m} 1; both: 1
    assertEquals(new LinkScore.Prf(1, 2, 3), f.pairs());
    assertEquals(4, f.goldClaims());
    assertEquals(4, f.found());
    assertEquals(5, f.systemClaims());
    assertEquals(1, f.unmatched(), "the claim on 'Kestrel' overlaps no gold value");
    // F1 (conflict) is mostly in the first system fact, which says agree; F2 is single and not scored
    assertEquals(1, f.status().total());
    assertEquals(1, f.status().get("conflict", "agree"));
    assertEquals(0.0, f.status().accuracy(), 1e-9);
  }

  @Test
  void sourcesScoreKindsAndLinks() throws IOException {
    JsonNode system = JSON.readTree("{\"documents\": ["
        + "{\"document\": \"a1\", \"kind\": \"original\", \"links\": []},"
        + "{\"document\": \"a2\", \"kind\": \"repost\", \"links\": [{\"to\": \"a1\", \"relation\": \"copies\", \"evidence\": []}]},"
        + "{\"document\": \"a3\", \"kind\": \"repost\", \"links\": [{\"to\": \"a1\", \"relation\": \"copies\", \"evidence\": []}]},"
        + "{\"document\": \"b2\", \"kind\": \"translation\", \"links\": [{\"to\": \"the «Marlow Tribune»\", \"relation\": \"translates\"}]}]}");
    LinkScore.SourceScore s = LinkScore.sources(smallGold(), system);
    assertEquals(3, s.kinds().correct());
    assertEquals(5, s.kinds().total());
    assertEquals(1, s.kinds().get("rewrite", "repost"));
    assertEquals(1, s.kinds().get("original", "missing"));
    assertEquals(1, s.missing());
    assertEquals(new LinkScore.Prf(2, 3, 3), s.links());
    assertEquals(new LinkScore.Prf(3, 3, 3), s.anyRelation(), "a3→a1 is found, with the wrong relation");
    assertEquals(new LinkScore.Prf(0, 0, 1), s.byRelation().get("rewrites"));
    assertEquals(new LinkScore.Prf(1, 2, 1), s.byRelation().get("copies"));
  }

  @Test
  void theGoldItselfScoresPerfectlyAndTheNaiveGroupingDoesNot() {
    ObjectNode stories = JSON.createObjectNode();
    ArrayNode sa = stories.putArray("stories");
    gold.stories().forEach(s -> {
      ObjectNode o = sa.addObject().put("id", s.id()).put("title", s.id());
      s.documents().forEach(o.putArray("documents")::add);
    });
    ObjectNode facts = JSON.createObjectNode();
    ArrayNode fa = facts.putArray("facts");
    for (StoryGold.FactRow f : gold.facts()) {
      ObjectNode o = fa.addObject().put("id", f.id()).put("story", f.story()).put("status", f.status());
      ArrayNode cs = o.putArray("claims");
      for (StoryGold.Claim c : f.claims()) {
        ObjectNode co = cs.addObject().put("document", c.document()).put("quote", c.text())
            .put("start", c.start()).put("end", c.end());
        co.putObject("value").put("kind", f.kind()).put("text", c.text());
      }
    }
    ObjectNode sources = JSON.createObjectNode();
    ArrayNode da = sources.putArray("documents");
    for (StoryGold.Doc d : gold.documents()) {
      ObjectNode o = da.addObject().put("document", d.document()).put("kind", d.kind());
      ArrayNode ls = o.putArray("links");
      d.links().forEach(l -> ls.addObject().put("to", l.to()).put("relation", l.relation()));
    }
    LinkScore.StoryScore s = LinkScore.stories(gold, stories);
    assertEquals(1.0, s.pairs().f1(), 1e-9);
    LinkScore.FactScore f = LinkScore.facts(gold, facts, texts::get);
    assertEquals(1.0, f.pairs().f1(), 1e-9);
    assertEquals(1.0, f.claimRecall(), 1e-9);
    assertEquals(0, f.unmatched());
    assertEquals(1.0, f.status().accuracy(), 1e-9);
    LinkScore.SourceScore p = LinkScore.sources(gold, sources);
    assertEquals(1.0, p.kinds().accuracy(), 1e-9);
    assertEquals(1.0, p.links().f1(), 1e-9);

    LinkScore.StoryScore naive = LinkScore.stories(gold, LinkBenchmark.firstStateStories(gold, articles));
    assertTrue(naive.pairs().precision() < 0.5, "grouping by the first state named: " + naive.pairs());
  }

  // ------------------------------------------------------------------------------------ helpers

  private static StoryGold.Claim claim(String doc, String text, String value) {
    int at = text.indexOf(value);
    return new StoryGold.Claim(doc, value, at, at + value.length(), "v0");
  }

  private static StoryGold.Doc doc(String name, String kind) {
    return new StoryGold.Doc(name, name.substring(0, 1).toUpperCase(Locale.ROOT), kind, "en", "2024-01-01", "X", List.of());
  }

  private static StoryGold.Doc doc(String name, String kind, String to, String relation) {
    return new StoryGold.Doc(name, name.substring(0, 1).toUpperCase(Locale.ROOT), kind, "en", "2024-01-01", "X",
        List.of(new StoryGold.Link(to, relation)));
  }

  private static String fact(String status, String... claims) {
    return "{\"id\": \"x\", \"story\": \"1\", \"subject\": \"s\", \"property\": \"p\", \"status\": \"" + status
        + "\", \"explanation\": \"\", \"claims\": [" + String.join(",", claims) + "]}";
  }

  private static String claimJson(String doc, String text, String quote, int start, String value) {
    return "{\"document\": \"" + doc + "\", \"quote\": \"" + quote + "\", \"start\": " + start + ", \"end\": "
        + (start + quote.length()) + ", \"value\": {\"kind\": \"quantity\", \"text\": \"" + value
        + "\", \"normalized\": \"\", \"qualifier\": null}, \"attributedTo\": null}";
  }

  private static StoryGold.StoryRow storyOf(StoryGold.Doc d) {
    return gold.stories().stream().filter(s -> s.id().equals(d.story())).findFirst().orElseThrow();
  }

  /** True when a paragraph of 40 characters or more after the headline of {@code a} is in {@code b}. */
  private static boolean sharesAParagraph(String a, String b) {
    String[] paragraphs = a.split("\n\n");
    for (int i = 1; i < paragraphs.length; i++) {
      String p = paragraphs[i].strip();
      if (p.length() >= 40 && b.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** The leading numbers of the claims of one story's facts of a kind. */
  private static Set<String> numbers(String story, String kind) {
    Set<String> out = new HashSet<>();
    for (StoryGold.FactRow f : gold.facts()) {
      if (f.story().equals(story) && f.kind().equals(kind)) {
        for (StoryGold.Claim c : f.claims()) {
          out.add(c.text().replaceAll("^\\D*(\\d+).*$", "$1"));
        }
      }
    }
    return out;
  }

  /** The transliteration keys of a name's words, folded as the index folds them. */
  private static List<String> keys(String name) {
    String folded = Normalizer2.getNFDInstance().normalize(Normalizer2.getNFKCCasefoldInstance().normalize(name))
        .replaceAll("\\p{Mn}", "").toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(TranslitKey.of(w));
      }
    }
    return out;
  }

  private static List<String> list(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theBenchReadsAPrintedListOneElementAtATimeAndOnlyItsOwnField(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("facts.json");
    Files.writeString(file, "{\"note\": {\"facts\": [{\"id\": \"N1\"}]}, \"facts\" : [ {\"id\": \"F1\", \"claims\": [1, 2]},"
        + " {\"id\": \"F2\"} ], \"other\": [{\"id\": \"O1\"}]}", StandardCharsets.UTF_8);
    List<String> ids = new ArrayList<>();
    LinkBenchmark.each(file, "facts", e -> ids.add(e.path("id").asText()));
    assertEquals(List.of("F1", "F2"), ids, "control: a facts field nested elsewhere and another list are not read");
    // scored one at a time, the facts score as the tree does
    JsonNode tree = new ObjectMapper().readTree(file.toFile());
    List<String> handed = new ArrayList<>();
    LinkBenchmark.each(file, "facts", e -> handed.add(e.toString()));
    List<String> whole = new ArrayList<>();
    tree.path("facts").forEach(e -> whole.add(e.toString()));
    assertEquals(whole, handed);
  }
}
