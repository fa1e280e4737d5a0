package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance on the five press reports in ../shared/corpus/seeds, read in place and skipped when
 * absent: the disagreements the reports contain, the agreements, and how the reports propagated.
 * Nothing in the code knows these texts; the same mechanism runs on any case.
 */
class SeedFactsTest {
  private static final Path SEEDS = Path.of("..", "shared", "corpus", "seeds");
  @TempDir static Path dir;
  static Path caseDir;
  static JsonNode facts;
  static JsonNode sources;

  @BeforeAll
  static void ingest() {
    Assumptions.assumeTrue(Files.isDirectory(SEEDS), "skipped: ../shared/corpus/seeds is absent");
    caseDir = dir.resolve("case");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "ingest", "--quiet", SEEDS.toString());
    assertEquals(0, r.exit(), r.toString());
    facts = Cli.run("--case", caseDir.toString(), "facts", "--json").json();
    sources = Cli.run("--case", caseDir.toString(), "sources", "--json").json();
  }

  private static String doc(String prefix) {
    try (var files = Files.list(SEEDS)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode factWith(String docPrefix, String quote) {
    String d = doc(docPrefix);
    for (JsonNode f : facts.get("facts")) {
      for (JsonNode c : f.get("claims")) {
        String kind = c.get("value").get("kind").asText();
        if (c.get("document").asText().equals(d) && c.get("quote").asText().contains(quote)
            && !kind.equals("statement") && !kind.equals("name")) {
          return f; // the fact of a value the quote gives, not a statement that holds it
        }
      }
    }
    throw new AssertionError("no fact quotes \"" + quote + "\" from " + d + ":\n" + facts.toPrettyString());
  }

  private static Set<String> quotes(JsonNode fact) {
    Set<String> out = new HashSet<>();
    fact.get("claims").forEach(c -> out.add(c.get("quote").asText()));
    return out;
  }

  private static Set<String> docs(JsonNode fact) {
    Set<String> out = new HashSet<>();
    fact.get("claims").forEach(c -> out.add(c.get("document").asText().substring(0, 3)));
    return out;
  }

  @Test
  void theContractValueIsDivergentWithBothQuotes() {
    JsonNode f = factWith("001", "$210 million");
    String status = f.get("status").asText();
    assertTrue(status.equals("divergent") || status.equals("conflict"), f::toPrettyString);
    assertTrue(quotes(f).stream().anyMatch(q -> q.contains("more than $210 million")), f::toPrettyString);
    assertTrue(quotes(f).stream().anyMatch(q -> q.contains("$584 million before it was finalized")), f::toPrettyString);
  }

  @Test
  void theYearOfTheDealIsAConflict() {
    JsonNode f = factWith("004", "October 2024");
    assertEquals("conflict", f.get("status").asText(), f::toPrettyString);
    assertTrue(quotes(f).stream().anyMatch(q -> q.equals("2023") || q.endsWith("in 2023") || q.contains("2023")), f::toPrettyString);
  }

  @Test
  void vehiclesPagesAndExercisesAgree() {
    for (String quote : List.of("37", "11 light amphibious", "11 airborne")) {
      JsonNode f = factWith("003", quote);
      assertEquals("agree", f.get("status").asText(), f::toPrettyString);
      assertTrue(docs(f).size() >= 3, f::toPrettyString);
    }
    JsonNode pages = factWith("004", "800");
    assertEquals("agree", pages.get("status").asText(), pages::toPrettyString);
    JsonNode exercises = factWith("004", "14 joint exercises");
    assertEquals("agree", exercises.get("status").asText(), exercises::toPrettyString);
    assertTrue(docs(exercises).contains("002"), exercises::toPrettyString);
  }

  @Test
  void noConflictBeyondTheOneTheTextsContain() {
    List<String> conflicts = new ArrayList<>();
    for (JsonNode f : facts.get("facts")) {
      if (f.get("status").asText().equals("conflict")) {
        conflicts.add(f.get("subject").asText() + ": " + f.get("property").asText() + " " + quotes(f));
      }
    }
    assertEquals(1, conflicts.size(), conflicts::toString);
  }

  private static JsonNode source(String prefix) {
    String d = doc(prefix);
    for (JsonNode s : sources.get("documents")) {
      if (s.get("document").asText().equals(d)) {
        return s;
      }
    }
    throw new AssertionError(d + " not in " + sources.toPrettyString());
  }

  private static boolean linked(JsonNode s, String toContains, String relation) {
    for (JsonNode l : s.get("links")) {
      if (l.get("to").asText().contains(toContains) && l.get("relation").asText().equals(relation)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void propagation() {
    JsonNode repost = source("000");
    assertEquals("repost", repost.get("kind").asText(), repost::toPrettyString);
    assertTrue(linked(repost, "Radio Free Europe", "copies"), repost::toPrettyString);
    assertTrue(repost.toString().contains("questions put by"), repost::toPrettyString);
    JsonNode translated = source("002");
    assertTrue(translated.get("kind").asText().equals("translation") || translated.get("kind").asText().equals("rewrite"),
        translated::toPrettyString);
    assertTrue(translated.toString().contains("APL"), translated::toPrettyString);
    assertTrue(linked(source("003"), doc("004"), "shares-source"), sources::toPrettyString);
    assertTrue(linked(source("004"), doc("003"), "shares-source"), sources::toPrettyString);
    assertTrue(source("003").toString().contains("Washington Post"), sources::toPrettyString);
  }
}
