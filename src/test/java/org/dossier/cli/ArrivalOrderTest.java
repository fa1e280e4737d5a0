package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings do not depend on which copy of a document arrived first. A document is named by its
 * first path, which the order of arrival picks; two cases of the same files, ingested in two orders,
 * have the same stories, in the same order, and the same facts and sources, once each copy's name
 * is read as the document it names.
 */
class ArrivalOrderTest {
  @TempDir Path dir;

  private static final String FERRIES = """
      Kelmport ferry line orders hydrofoils

      KELMPORT, 4 March 2031 -- The Kelmport Ferry Company has ordered 14 hydrofoils from the Dunmere yard,
      its director Ilsa Varnow said. The order is worth 62 million crowns.
      """;
  private static final String ORCHARDS = """
      Frost ruins the Ashby orchards

      ASHBY, 4 March 2031 -- A late frost destroyed two thirds of the apple blossom in the Ashby valley,
      the growers' guild said. Its chairman Piet Olmar asked the county for 3 million crowns of relief.
      """;

  @Test
  void twoOrdersOfArrivalMakeTheSameFindings() throws Exception {
    // the ferry report has two copies: one sorts after the orchard report by path, one before
    Path early = dir.resolve("early");
    write(early.resolve("zeta-desk/ferries.txt"), FERRIES);
    write(early.resolve("mid-desk/orchards.txt"), ORCHARDS);
    Path late = dir.resolve("late");
    write(late.resolve("alpha-desk/ferries.txt"), FERRIES);
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    ingest(one, early, late); // the ferry report first met as zeta-desk/ferries.txt
    ingest(two, late, early); // as alpha-desk/ferries.txt
    JsonNode stories = Cli.run("--case", one.toString(), "stories", "--json").json();
    assertEquals(2, stories.get("stories").size(), stories::toString);
    for (String command : new String[] {"stories", "facts", "sources"}) {
      String a = canonical(Cli.run("--case", one.toString(), command, "--json").json().toString());
      String b = canonical(Cli.run("--case", two.toString(), command, "--json").json().toString());
      assertEquals(a, b, command);
    }
    // control: the cases do name the ferry report by different copies
    assertTrue(stories.toString().contains("zeta-desk/ferries.txt"), stories::toString);
    assertTrue(Cli.run("--case", two.toString(), "stories", "--json").json().toString().contains("alpha-desk/ferries.txt"));
  }

  private static String canonical(String findings) {
    return findings.replace("zeta-desk/ferries.txt", "FERRIES").replace("alpha-desk/ferries.txt", "FERRIES");
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void ingest(Path c, Path first, Path then) {
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", first.toString(), then.toString()).exit());
  }
}
