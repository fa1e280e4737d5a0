package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dossier.core.CaseLayout;
import org.dossier.core.DocumentId;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What extraction derives is under custody as the originals are: an extracted text edited in the
 * case folder breaks custody, and a tampered original is named by its document path.
 */
class DerivedCustodyTest {
  @TempDir Path dir;

  @Test
  void anEditedTextAndATamperedOriginalAreNamedByTheirDocument() throws Exception {
    Path in = dir.resolve("in");
    Fixtures.text(in.resolve("letters/memo.txt"), "The Velmar yard will deliver 12 patrol boats in May.");
    Fixtures.text(in.resolve("note.txt"), "A typed note on ferries.");
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", in.toString()).exit());
    // control: untouched, custody holds
    Cli.Result intact = Cli.run("--case", c.toString(), "custody", "verify");
    assertEquals(0, intact.exit(), intact::toString);
    String memo = Cli.run("--case", c.toString(), "show", "--json", "letters/memo.txt").json().get("id").asText();
    CaseLayout layout = new CaseLayout(c);
    Path text = layout.text(new DocumentId(memo));
    Files.writeString(text, Files.readString(text, StandardCharsets.UTF_8).replace("12", "21"), StandardCharsets.UTF_8);
    Cli.Result forged = Cli.run("--case", c.toString(), "custody", "verify");
    assertEquals(1, forged.exit(), forged::toString);
    assertTrue(forged.out().contains("extracted text of letters/memo.txt was modified"), forged.out());
    // an original changed in the evidence store is named by its path too
    String note = Cli.run("--case", c.toString(), "show", "--json", "note.txt").json().get("id").asText();
    Path original = layout.original(new DocumentId(note));
    original.toFile().setWritable(true);
    Files.writeString(original, "A typed note on tankers.", StandardCharsets.UTF_8);
    Cli.Result tampered = Cli.run("--case", c.toString(), "custody", "verify");
    assertTrue(tampered.out().contains("the original of note.txt"), tampered.out());
  }
}
