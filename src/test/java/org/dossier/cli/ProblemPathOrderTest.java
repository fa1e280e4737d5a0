package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem document found at several paths is listed under the same one whatever order they were found in. */
class ProblemPathOrderTest {
  @TempDir Path dir;

  @Test
  void aDamagedFileAtTwoPathsIsListedUnderTheFirstInNameOrder() throws Exception {
    byte[] damaged = ("%PDF-1.7\n" + "x".repeat(3000)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path in = dir.resolve("in");
    // the loose copy is found first (the walk), the copy inside the archive later (its extraction)
    Files.createDirectories(in.resolve("zz"));
    Files.write(in.resolve("zz/bad.pdf"), damaged);
    Fixtures.zip(in.resolve("a.zip"), Map.of("bad.pdf", damaged));
    Fixtures.text(in.resolve("good.txt"), "A good note.");
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", in.toString()).exit());
    List<String> listed = new ArrayList<>();
    Cli.run("--case", c.toString(), "status", "--json").json().get("failures")
        .forEach(f -> listed.add(f.get("document").asText() + " " + f.get("status").asText()));
    assertEquals(List.of("a.zip/bad.pdf corrupt"), listed);
  }
}
