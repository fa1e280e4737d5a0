package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tar's link entries hold no bytes: each keeps its target. A link to a file of the same archive
 * is another path of that file; a link to anything else (absolute, climbing out, missing) is
 * refused as {@code symlink-outside}, never an empty document. A real empty entry stays empty.
 */
class TarLinksTest {
  @TempDir static Path dir;
  static Path caseDir;

  @BeforeAll
  static void ingest() throws Exception {
    Path in = dir.resolve("in");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("docs/ledger.txt", "The Orvane yard ledger lists four tugs.".getBytes(StandardCharsets.UTF_8));
    files.put("blank.txt", new byte[0]); // control: an empty file, not a link
    Map<String, String> symlinks = new LinkedHashMap<>();
    symlinks.put("docs/latest.txt", "ledger.txt");
    symlinks.put("top.txt", "./docs/../docs/ledger.txt");
    symlinks.put("hosts", "/etc/hosts");
    symlinks.put("docs/escape.txt", "../../outside.txt");
    symlinks.put("dangling.txt", "docs/missing.txt");
    Fixtures.tar(in.resolve("cache.tar"), files, symlinks, Map.of("copy.txt", "docs/ledger.txt"));
    caseDir = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", caseDir.toString(), "--quiet", in.toString()).exit());
  }

  private static Map<String, String> failures() {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode f : Cli.run("--case", caseDir.toString(), "status", "--json").json().get("failures")) {
      out.put(f.get("document").asText(), f.get("status").asText() + " " + f.get("reason").asText());
    }
    return out;
  }

  @Test
  void linksOutsideTheArchiveAreRefusedWithTheirTargets() {
    Map<String, String> f = failures();
    assertTrue(f.get("cache.tar/hosts").startsWith("symlink-outside") && f.get("cache.tar/hosts").contains("'/etc/hosts'"), f::toString);
    assertTrue(f.get("cache.tar/docs/escape.txt").startsWith("symlink-outside")
        && f.get("cache.tar/docs/escape.txt").contains("'../../outside.txt'"), f::toString);
    assertTrue(f.get("cache.tar/dangling.txt").startsWith("symlink-outside"), f::toString);
    // control: the real empty entry is still an empty document
    assertTrue(f.get("cache.tar/blank.txt").startsWith("empty"), f::toString);
    assertEquals(4, f.size(), f::toString);
  }

  @Test
  void linksInsideTheArchiveArePathsOfTheFileTheyName() {
    JsonNode shown = Cli.run("--case", caseDir.toString(), "show", "--json", "cache.tar/docs/ledger.txt").json();
    Map<String, String> paths = new TreeMap<>();
    shown.get("paths").forEach(p -> paths.put(p.get("name").asText(), p.get("reason").asText()));
    assertEquals(java.util.Set.of("cache.tar/docs/ledger.txt", "cache.tar/docs/latest.txt", "cache.tar/top.txt",
        "cache.tar/copy.txt"), paths.keySet());
    assertTrue(paths.get("cache.tar/docs/latest.txt").contains("'ledger.txt'"), paths::toString);
    assertTrue(paths.get("cache.tar/copy.txt").contains("'docs/ledger.txt'"), paths::toString);
  }

  @Test
  void theCustodyLogKeepsEachLinksTarget() throws Exception {
    String log;
    try (var files = Files.walk(caseDir)) {
      Path custody = files.filter(p -> p.getFileName().toString().startsWith("custody") && Files.isRegularFile(p))
          .findFirst().orElseThrow();
      log = Files.readString(custody);
    }
    for (String target : new String[] {"ledger.txt", "/etc/hosts", "../../outside.txt", "docs/missing.txt"}) {
      assertTrue(log.contains("\"link-to\":\"" + target + "\""), target);
    }
  }
}
