package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive entry or an e-mail attachment identical to a loose file is an exact duplicate like any other. */
class DuplicatesAcrossContainersTest {
  @TempDir Path dir;

  @Test
  void copiesInsideContainersAreExactDuplicates() throws Exception {
    byte[] memo = "The Velmar yard will deliver 12 patrol boats in May.\n".getBytes(StandardCharsets.UTF_8);
    Path in = dir.resolve("in");
    java.nio.file.Files.createDirectories(in);
    java.nio.file.Files.write(in.resolve("memo.txt"), memo);
    Fixtures.zip(in.resolve("bundle.zip"), Map.of("copy.txt", memo));
    Fixtures.eml(in.resolve("mail.eml"), Fixtures.email("clerk@lisk.example", "desk@lisk.example", "Memo", Instant.parse("2031-03-02T09:00:00Z"),
        "The memo is attached.", new Fixtures.Attachment("memo-attached.txt", "text/plain", memo)));
    // a control: a different note stands alone
    java.nio.file.Files.writeString(in.resolve("note.txt"), "A typed note on ferries.\n", StandardCharsets.UTF_8);
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", in.toString()).exit());
    JsonNode v = Cli.run("--case", c.toString(), "verify", "--json").json();
    Set<String> duplicates = new HashSet<>();
    JsonNode evidence = null;
    for (JsonNode s : v.get("signals")) {
      if (s.get("kind").asText().equals("exact_duplicate")) {
        duplicates.add(s.get("document").asText());
        evidence = s.get("evidence");
      }
    }
    assertEquals(Set.of("memo.txt"), duplicates, v::toString);
    assertEquals(3, evidence.get("paths").asInt(), evidence::toString);
    assertTrue(duplicates.stream().noneMatch(d -> d.contains("note")));
  }

  /**
   * A copy met in a later run, loose or inside an archive, is a path of the document already
   * indexed: its name is then searchable and counted in the folder and extension facets, as the
   * first copy's is (the entry used to keep the names known when it was first indexed).
   */
  @Test
  void aLaterCopysNameIsSearchable() throws Exception {
    byte[] memo = "The Velmar yard will deliver 12 patrol boats in May.\n".getBytes(StandardCharsets.UTF_8);
    Path first = java.nio.file.Files.createDirectories(dir.resolve("first"));
    java.nio.file.Files.write(first.resolve("memo.txt"), memo);
    Path later = java.nio.file.Files.createDirectories(dir.resolve("later/annex"));
    java.nio.file.Files.write(later.resolve("tallyroll.log"), memo);
    Fixtures.zip(later.resolve("bundle.zip"), Map.of("inner/quarterbook.txt", memo));
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", first.toString()).exit());
    // control: before the later run, no such names
    assertEquals(0, Cli.run("--case", c.toString(), "search", "--json", "tallyroll.log").json().get("total").asInt());
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", dir.resolve("later").toString()).exit());
    for (String q : new String[] {"tallyroll.log", "quarterbook.txt", "path:*tallyroll*"}) {
      JsonNode r = Cli.run("--case", c.toString(), "search", "--json", q).json();
      assertEquals(1, r.get("total").asInt(), q + ": " + r);
      assertEquals("memo.txt", r.get("hits").get(0).get("document").asText(), r::toString);
    }
    JsonNode facets = Cli.run("--case", c.toString(), "search", "--json", "patrol").json().get("facets");
    assertTrue(facets.get("folder").has("annex"), facets::toString);
    assertTrue(facets.get("extension").has("log"), facets::toString);
    JsonNode status = Cli.run("--case", c.toString(), "status", "--json").json();
    assertTrue(status.toString().contains("\"indexed\""), status::toString);
  }
  /**
   * A file changed between two runs: its path now leads to other bytes, a new document, and no
   * longer to the document it held, which stays in the case (its evidence is kept) but is no longer
   * found or counted under that path.
   */
  @Test
  void aPathThatNowHoldsOtherBytesIsNoLongerTheOldDocuments() throws Exception {
    Path in = java.nio.file.Files.createDirectories(dir.resolve("in/ledgers"));
    java.nio.file.Files.writeString(in.resolve("harbour-dues.txt"), "Dues of the Ostrel pier for March: 410 crowns.\n",
        StandardCharsets.UTF_8);
    java.nio.file.Files.writeString(in.resolve("ropes.txt"), "Rope stock at the Ostrel pier: 40 coils.\n",
        StandardCharsets.UTF_8);
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", dir.resolve("in").toString()).exit());
    java.nio.file.Files.writeString(in.resolve("harbour-dues.txt"), "Dues of the Ostrel pier for April: 455 crowns.\n",
        StandardCharsets.UTF_8);
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", dir.resolve("in").toString()).exit());
    JsonNode byPath = Cli.run("--case", c.toString(), "search", "--json", "path:*harbour-dues*").json();
    assertEquals(1, byPath.get("total").asInt(), byPath::toString);
    JsonNode april = Cli.run("--case", c.toString(), "search", "--json", "April").json();
    assertEquals(byPath.get("hits").get(0).get("id"), april.get("hits").get(0).get("id"), "the path leads to the new bytes");
    // the old document is still in the case and found by its words, but no longer in the folder it left
    JsonNode march = Cli.run("--case", c.toString(), "search", "--json", "March").json();
    assertEquals(1, march.get("total").asInt(), march::toString);
    JsonNode marchFolders = Cli.run("--case", c.toString(), "search", "--json", "March AND folder:ledgers").json();
    assertEquals(0, marchFolders.get("total").asInt(), marchFolders::toString);
    // control: the other file, unchanged, keeps its path and folder
    assertEquals(1, Cli.run("--case", c.toString(), "search", "--json", "coils AND folder:ledgers").json().get("total").asInt());
  }
}
