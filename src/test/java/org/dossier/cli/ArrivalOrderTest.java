package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings do not depend on which copy of a document arrived first: two cases of the same
 * files, ingested in two orders, have the same stories and facts, each document named alike.
 */
class ArrivalOrderTest {
  @TempDir Path dir;

  private static final String REPORT = """
      Kelmport ferry line orders hydrofoils

      KELMPORT, 4 March 2031 -- The Kelmport Ferry Company has ordered 14 hydrofoils from the Dunmere yard,
      its director Ilsa Varnow said on Tuesday. The order is worth 62 million crowns.
      """;
  private static final String RETELLING = """
      Dunmere yard wins hydrofoil order

      DUNMERE, 5 March 2031 -- The Dunmere yard will build 12 hydrofoils for the Kelmport Ferry Company,
      the yard's owner Teodor Brask told reporters. The order is worth 62 million crowns.
      """;

  @Test
  void theFindingsNameEachDocumentAloneWhateverItsCopiesOrder() throws Exception {
    Path early = write("early", "zeta-desk/report.txt");
    Path late = write("late", "alpha-desk/report.txt");
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    ingest(one, early, late);
    ingest(two, late, early);
    for (String command : new String[] {"stories", "facts", "sources"}) {
      JsonNode a = Cli.run("--case", one.toString(), command, "--json").json();
      JsonNode b = Cli.run("--case", two.toString(), command, "--json").json();
      assertEquals(a, b, command);
    }
    String facts = Cli.run("--case", one.toString(), "facts", "--json").json().toString();
    assertTrue(facts.contains("alpha-desk/report.txt"), facts);
    // control: each case still names the report by its first copy where the documents are listed
    assertNotEquals(first(one), first(two));
  }

  private Path write(String folder, String reportName) throws Exception {
    Path root = dir.resolve(folder);
    Path report = root.resolve(reportName);
    Files.createDirectories(report.getParent());
    Files.writeString(report, REPORT, StandardCharsets.UTF_8);
    Files.writeString(root.resolve(folder + "-retelling.txt"), RETELLING, StandardCharsets.UTF_8);
    return root;
  }

  private static void ingest(Path c, Path first, Path then) {
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", first.toString(), then.toString()).exit());
  }

  /** The report's name in the case's document list (its first path). */
  private static String first(Path c) {
    JsonNode r = Cli.run("--case", c.toString(), "search", "--json", "Varnow").json();
    return r.get("hits").get(0).get("document").asText();
  }
}
