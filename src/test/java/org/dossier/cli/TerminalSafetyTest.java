package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leaked file cannot drive the analyst's terminal: escape sequences in a file name and in a
 * document's title are printed as escapes by every command, and stay data in JSON.
 */
class TerminalSafetyTest {
  @TempDir Path dir;

  private static final String OSC_TITLE = "\u001b]0;owned\u0007";
  private static final String CSI = "\u009b2J";

  @Test
  void controlCharactersFromDocumentsArePrintedAsEscapes() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("memo" + OSC_TITLE + ".txt"), "The Velmar memo lists 12 patrol boats.",
        StandardCharsets.UTF_8);
    Files.writeString(in.resolve("page.html"), "<html><head><title>Quarterly" + CSI + " report\u202e</title></head>"
        + "<body><p>Velmar ordered radars.</p></body></html>", StandardCharsets.UTF_8);
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", in.toString()).exit());
    for (String[] command : new String[][] {{"status"}, {"search", "Velmar"}, {"show", "page.html"}, {"show", "memo"}}) {
      String[] args = new String[command.length + 2];
      args[0] = "--case";
      args[1] = c.toString();
      System.arraycopy(command, 0, args, 2, command.length);
      Cli.Result r = Cli.run(args);
      String all = r.out() + r.err();
      assertFalse(all.chars().anyMatch(ch -> SafeWriter.unsafe((char) ch)), String.join(" ", command) + ": " + all);
    }
    Cli.Result search = Cli.run("--case", c.toString(), "search", "Velmar");
    assertTrue(search.out().contains("\\x1b]0;owned\\x07"), search.out());
    Cli.Result page = Cli.run("--case", c.toString(), "show", "page.html");
    assertTrue(page.out().contains("\\x9b2J") && page.out().contains("\\u202e"), page.out());
    // JSON keeps the name as data: the escape is JSON's, and it reads back to the original characters
    Cli.Result json = Cli.run("--case", c.toString(), "search", "--json", "Velmar");
    assertEquals(0, json.exit(), json::toString);
    assertTrue(json.out().toLowerCase(java.util.Locale.ROOT).contains("\\u001b]0;owned\\u0007"), json.out());
    assertTrue(json.json().toString().contains("]0;owned"), json.out());
    // near miss: ordinary text, line feeds and non-Latin letters pass untouched
    assertEquals("Подписи: 12\tboats\n", throughSafeWriter("Подписи: 12\tboats\n"));
    assertEquals("line one\nline two\\x0doverwritten", throughSafeWriter("line one\r\nline two\roverwritten"));
  }

  private static String throughSafeWriter(String s) {
    java.io.StringWriter text = new java.io.StringWriter();
    try (java.io.PrintWriter w = new java.io.PrintWriter(new SafeWriter(text, new SafeWriter.Mode()))) {
      w.print(s);
    }
    return text.toString();
  }
}
