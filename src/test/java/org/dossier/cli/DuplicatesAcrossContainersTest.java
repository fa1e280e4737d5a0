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
}
