package org.dossier.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance on the three arms deals of the real coverage in ../shared/eval/dev, read in place
 * and skipped when absent: each deal is one row of the transfers register, and the figures the
 * hand-made gold marks as disputed (a conflicting or divergent fact of money) are shown in it,
 * each with its passages. The expected figures are read from the gold, not written here; nothing
 * in the register's code knows these texts.
 */
class DevDealsRegisterTest {
  private static final Path DEV = Path.of("..", "shared", "eval", "dev");
  /** The dev stories that tell an arms deal. */
  private static final List<String> DEALS = List.of("india-s400-deal-2018", "mistral-compensation-2015",
      "us-taiwan-arms-sale-2025");
  private static final Pattern MONEY = Pattern.compile("^(>\\s*)?([0-9.]+ [A-Z]{3})$");
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static JsonNode rows;

  @BeforeAll
  static void ingest() throws IOException {
    for (String s : DEALS) {
      Assumptions.assumeTrue(Files.isDirectory(DEV.resolve(s)), "skipped: " + DEV.resolve(s) + " is absent");
    }
    Path in = dir.resolve("in");
    for (String s : DEALS) {
      Files.createDirectories(in.resolve(s));
      try (var files = Files.list(DEV.resolve(s))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
          Files.copy(f, in.resolve(s).resolve(f.getFileName()));
        }
      }
    }
    String caseDir = dir.resolve("case").toString();
    Cli.Result r = Cli.run("--case", caseDir, "ingest", "--quiet", in.toString());
    assertEquals(0, r.exit(), r.toString());
    Cli.Result t = Cli.run("--case", caseDir, "register", "transfers", "--json");
    assertEquals(0, t.exit(), t.toString());
    rows = JSON.readTree(t.out()).get("rows");
  }

  /** The rows any of whose cells cite a document of the story. */
  private static List<JsonNode> rowsOf(String story) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode row : rows) {
      boolean cites = false;
      for (JsonNode cell : row) {
        for (JsonNode v : cell.path("values")) {
          for (JsonNode c : v.path("claims")) {
            cites |= c.get("document").asText().startsWith(story + "/");
          }
        }
      }
      if (cites) {
        out.add(row);
      }
    }
    return out;
  }

  /** Each disputed money fact of the gold: its distinct values, normalized as the register gives them. */
  private static List<Set<String>> disputedMoney(String story) throws IOException {
    List<Set<String>> out = new ArrayList<>();
    for (JsonNode f : JSON.readTree(DEV.resolve(story).resolve("gold.json").toFile()).get("facts")) {
      String status = f.get("status").asText();
      if (!status.equals("conflict") && !status.equals("divergent")) {
        continue;
      }
      Set<String> values = new HashSet<>();
      for (JsonNode m : f.get("mentions")) {
        var matcher = MONEY.matcher(m.path("value").asText());
        if (matcher.matches()) {
          values.add(matcher.group(2));
        }
      }
      if (values.size() >= 2) {
        out.add(values);
      }
    }
    return out;
  }

  @Test
  void eachDealIsOneRowShowingADisputeOfTheGoldWithItsPassages() throws IOException {
    for (String story : DEALS) {
      List<JsonNode> mine = rowsOf(story);
      assertEquals(1, mine.size(), story + ": " + mine);
      JsonNode row = mine.get(0);
      Set<String> shown = new HashSet<>();
      for (String column : List.of("value", "comments")) {
        for (JsonNode v : row.get(column).get("values")) {
          assertTrue(v.get("claims").size() > 0, v.toString());
          for (JsonNode c : v.get("claims")) {
            assertTrue(c.get("document").asText().startsWith(story + "/"), c.toString());
          }
          shown.add(v.get("value").asText());
        }
      }
      List<Set<String>> disputes = disputedMoney(story);
      assertTrue(!disputes.isEmpty(), story);
      boolean found = disputes.stream().anyMatch(d -> d.stream().filter(shown::contains).count() >= Math.min(3, d.size()));
      assertTrue(found, story + ": the row shows " + shown + ", the gold disputes " + disputes);
    }
  }

  @Test
  void aDisputedPriceIsMarkedAsSuch() {
    for (String story : DEALS) {
      JsonNode row = rowsOf(story).get(0);
      JsonNode cell = row.get("value").get("values").size() > 0 ? row.get("value") : row.get("comments");
      String status = cell.get("status").asText();
      assertTrue(status.equals("conflict") || status.equals("divergent"), story + ": " + cell);
      assertTrue(!cell.get("explanation").asText().isEmpty(), story + ": " + cell);
    }
  }
}
