package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zip of zips whose every level is under the caps of one container, while the tree as a whole
 * expands beyond them, stops at the tree's budget with a bomb status that names the cap.
 */
class ArchiveTreeBudgetTest {
  @TempDir Path dir;

  /** A zip of four zips, each holding a different 2 MB block of data that compresses to a few KB. */
  private Path zipOfZips() throws Exception {
    Map<String, byte[]> inner = new LinkedHashMap<>();
    for (int k = 1; k <= 4; k++) {
      byte[] block = new byte[2 << 20];
      block[0] = (byte) k;
      inner.put("inner" + k + ".zip", zipped("block-" + k + ".bin", block));
    }
    return Fixtures.zip(dir.resolve("in/top.zip"), inner);
  }

  private static byte[] zipped(String name, byte[] content) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content);
      z.closeEntry();
    }
    return b.toByteArray();
  }

  private static Map<String, JsonNode> failures(Path c) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    Cli.run("--case", c.toString(), "status", "--json").json().get("failures")
        .forEach(f -> out.put(f.get("document").asText(), f));
    return out;
  }

  @Test
  void theWholeTreeIsBudgetedNotEachLevel() throws Exception {
    Path top = zipOfZips();
    Path c = dir.resolve("case");
    // 5 MB per container: each level holds 2 MB at most, the tree 8 MB
    Cli.Result r = Cli.run("ingest", "--case", c.toString(), "--quiet", "--max-expanded=5MB", top.getParent().toString());
    assertEquals(0, r.exit(), r::toString);
    Map<String, JsonNode> failures = failures(c);
    JsonNode bomb = failures.values().stream().filter(f -> f.get("status").asText().equals("bomb")).findFirst()
        .orElseThrow(() -> new AssertionError(failures.toString()));
    assertTrue(bomb.get("reason").asText().contains("under this top input"), bomb::toString);
    assertTrue(bomb.get("reason").asText().contains("--max-expanded"), bomb::toString);
    // control: under the default caps the same tree unpacks whole, and nothing is a bomb
    Path c2 = dir.resolve("case2");
    assertEquals(0, Cli.run("ingest", "--case", c2.toString(), "--quiet", top.getParent().toString()).exit());
    assertEquals(Map.of(), failures(c2));
    JsonNode block = Cli.run("--case", c2.toString(), "show", "--json", "top.zip/inner4.zip/block-4.bin").json();
    assertEquals("top.zip/inner4.zip", block.get("parent").asText(), block::toString);
  }
}
