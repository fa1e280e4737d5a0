package org.dossier.cli;

import static org.dossier.testing.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input the foundation names gets a status and a reason, in a run that goes on
 * and ingests the good file beside it.
 */
class HostileInputTest {
  @TempDir static Path dir;
  static Path caseA;
  static Path caseB;
  static Path inputA;
  static Cli.Result runA;
  static Cli.Result runB;
  static Map<String, JsonNode> failuresA = new LinkedHashMap<>();
  static Map<String, JsonNode> failuresB = new LinkedHashMap<>();

  @BeforeAll
  static void ingest() throws Exception {
    inputA = dir.resolve("a");
    Fixtures.text(inputA.resolve("good.txt"), "A perfectly good note about the convoy.");
    // corrupt and truncated
    Path docx = Fixtures.docx(dir.resolve("whole.docx"), "Whole", "text ".repeat(2000));
    byte[] whole = Files.readAllBytes(docx);
    Files.write(inputA.resolve("truncated.docx"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.write(inputA.resolve("garbage.pdf"), garbage("%PDF-1.7\n", 4000));
    // encrypted
    Fixtures.encryptedPdf(inputA.resolve("locked.pdf"), "s3cret", "Locked contract text");
    Fixtures.encryptedDocx(inputA.resolve("locked.docx"), "s3cret", "Locked memo text");
    // empty
    Files.write(inputA.resolve("empty.txt"), new byte[0]);
    // a compression-ratio bomb: 80 MB of zeros in a zip of about 80 KB
    Fixtures.zeroBomb(inputA.resolve("bomb.zip"), "zeros.bin", 80L << 20);
    // traversal and absolute entry names
    Map<String, byte[]> hostile = new LinkedHashMap<>();
    hostile.put("../../evil.txt", utf8("climbing out"));
    hostile.put("/tmp/dossier-evil-absolute.txt", utf8("absolute name"));
    hostile.put("fine.txt", utf8("an ordinary entry"));
    Fixtures.zip(inputA.resolve("traversal.zip"), hostile);
    // XML with an external entity
    Fixtures.text(inputA.resolve("xxe.xml"),
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
            + "<r><title>Invoice</title><body>&secret;</body></r>\n");
    // a file name that is not UTF-8: caf\xe9.txt in Latin-1
    Process p = new ProcessBuilder("sh", "-c", "printf 'latin one name' > \"$(printf 'caf\\351.txt')\"")
        .directory(inputA.toFile()).start();
    assertEquals(0, p.waitFor());
    // links: one out of the input, one inside it
    Path outside = Fixtures.text(dir.resolve("outside-secret.txt"), "not part of the case");
    Files.createSymbolicLink(inputA.resolve("link-out.txt"), outside);
    Files.createSymbolicLink(inputA.resolve("link-in.txt"), inputA.resolve("good.txt"));
    // not a regular file
    assertEquals(0, new ProcessBuilder("mkfifo", inputA.resolve("pipe").toString()).start().waitFor());
    // unreadable
    Path unreadable = Fixtures.text(inputA.resolve("unreadable.txt"), "you cannot read me");
    Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));

    caseA = dir.resolve("case-a");
    runA = ingestAsUnprivileged(caseA, inputA);
    failures(caseA, failuresA);

    Path inputB = dir.resolve("b");
    Fixtures.text(inputB.resolve("good.txt"), "Another good note.");
    Files.write(inputB.resolve("big.bin"), garbage("", 50_000));
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 60; i++) {
      many.put("entry-" + i + ".txt", utf8("entry number " + i));
    }
    Fixtures.zip(inputB.resolve("many.zip"), many);
    Map<String, byte[]> heavy = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      heavy.put("part-" + i + ".bin", new byte[30_000]);
    }
    Fixtures.zip(inputB.resolve("heavy.zip"), heavy);
    byte[] nested = utf8("the innermost note");
    String name = "note.txt";
    for (int level = 0; level < 5; level++) {
      nested = Files.readAllBytes(Fixtures.zip(dir.resolve("nest-" + level + ".zip"), Map.of(name, nested)));
      name = "level-" + level + ".zip";
    }
    Files.write(inputB.resolve("nested.zip"), nested);
    caseB = dir.resolve("case-b");
    runB = Cli.run("--case", caseB.toString(), "ingest", "--json", "--max-file-size", "20KB",
        "--max-entries", "50", "--max-expanded", "64KB", "--max-depth", "3", inputB.toString());
    failures(caseB, failuresB);
  }

  /** Root reads any file; drop its override capabilities so that "unreadable" is real. */
  private static Cli.Result ingestAsUnprivileged(Path caseDir, Path input) throws Exception {
    if (!"root".equals(System.getProperty("user.name"))) {
      return Cli.run("--case", caseDir.toString(), "ingest", "--json", input.toString());
    }
    List<String> cmd = new ArrayList<>(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
    cmd.addAll(Cli.javaCommand("--case", caseDir.toString(), "ingest", "--json", input.toString()));
    Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("run-a.err").toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    return new Cli.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
        Files.readString(dir.resolve("run-a.err")));
  }

  private static void failures(Path caseDir, Map<String, JsonNode> into) {
    Cli.Result status = Cli.run("--case", caseDir.toString(), "status", "--json");
    assertEquals(0, status.exit(), status.toString());
    for (JsonNode f : status.json().get("failures")) {
      into.put(f.get("document").asText(), f);
    }
  }

  private static byte[] garbage(String prefix, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(prefix));
    byte[] noise = new byte[size];
    new Random(7).nextBytes(noise);
    out.writeBytes(noise);
    return out.toByteArray();
  }

  private static void assertStatus(Map<String, JsonNode> failures, String doc, String status) {
    JsonNode f = failures.get(doc);
    assertTrue(f != null, doc + " should be listed; failures: " + failures.keySet());
    assertEquals(status, f.get("status").asText(), f.toString());
    assertFalse(f.get("reason").asText().isBlank(), "a reason is given for " + doc);
  }

  private static JsonNode show(Path caseDir, String doc) {
    Cli.Result r = Cli.run("--case", caseDir.toString(), "show", "--json", doc);
    assertEquals(0, r.exit(), r.toString());
    return r.json();
  }

  @Test
  void theRunGoesOnAndTheGoodFileIsIngested() {
    assertEquals(0, runA.exit(), runA.toString());
    assertEquals(0, runB.exit(), runB.toString());
    assertEquals("ok", show(caseA, "good.txt").get("status").asText());
    assertEquals("ok", show(caseB, "good.txt").get("status").asText());
  }

  @Test
  void corruptAndTruncatedFiles() {
    assertStatus(failuresA, "truncated.docx", "corrupt");
    assertStatus(failuresA, "garbage.pdf", "corrupt");
  }

  @Test
  void encryptedFiles() {
    assertStatus(failuresA, "locked.pdf", "encrypted");
    assertStatus(failuresA, "locked.docx", "encrypted");
  }

  @Test
  void emptyAndOversizedFiles() {
    assertStatus(failuresA, "empty.txt", "empty");
    assertStatus(failuresB, "big.bin", "too-large");
    assertTrue(failuresB.get("big.bin").get("reason").asText().contains("--max-file-size"));
    assertFalse(show(caseB, "big.bin").get("stored").asBoolean(), "not copied into the case");
  }

  @Test
  void zipBombsAreRefusedByRatioSizeDepthAndCount() {
    assertStatus(failuresA, "bomb.zip", "bomb");
    assertTrue(failuresA.get("bomb.zip").get("reason").asText().contains("times its own"));
    assertEquals(0, show(caseA, "bomb.zip").get("children").size());
    assertStatus(failuresB, "heavy.zip", "bomb");
    assertTrue(failuresB.get("heavy.zip").get("reason").asText().contains("--max-expanded"));
    assertStatus(failuresB, "many.zip", "bomb");
    assertTrue(failuresB.get("many.zip").get("reason").asText().contains("--max-entries"));
    String deep = "nested.zip/level-3.zip/level-2.zip/level-1.zip";
    assertStatus(failuresB, deep, "bomb");
    assertTrue(failuresB.get(deep).get("reason").asText().contains("--max-depth"));
  }

  @Test
  void traversalNamesAreNeverWrittenOutsideTheCase() throws Exception {
    assertStatus(failuresA, "traversal.zip/evil.txt", "unsafe-path");
    assertStatus(failuresA, "traversal.zip/tmp/dossier-evil-absolute.txt", "unsafe-path");
    assertEquals("ok", show(caseA, "traversal.zip/fine.txt").get("status").asText());
    assertTrue(show(caseA, "traversal.zip/evil.txt").get("text").asText().contains("climbing out"),
        "the entry is kept as evidence under a safe name");
    assertFalse(Files.exists(Path.of("/tmp/dossier-evil-absolute.txt")));
    try (Stream<Path> all = Files.walk(dir)) {
      assertTrue(all.noneMatch(f -> f.getFileName().toString().equals("evil.txt")));
    }
    assertFalse(Files.exists(dir.getParent().resolve("evil.txt")));
  }

  @Test
  void externalEntitiesAreNotResolved() {
    assertStatus(failuresA, "xxe.xml", "unsafe-xml");
    JsonNode xxe = show(caseA, "xxe.xml");
    assertFalse(xxe.get("text").asText().contains("root:"), xxe.get("text").asText());
  }

  @Test
  void namesThatAreNotUtf8() {
    JsonNode bad = failuresA.values().stream()
        .filter(f -> f.get("status").asText().equals("bad-name")).findFirst().orElseThrow();
    assertTrue(bad.get("document").asText().startsWith("caf"));
    assertEquals("ok", show(caseA, bad.get("document").asText()).get("status").asText(),
        "the content is ingested all the same");
  }

  @Test
  void linksOutOfTheInputAreNotFollowed() {
    assertStatus(failuresA, "link-out.txt", "symlink-outside");
    Cli.Result search = Cli.run("--case", caseA.toString(), "search", "--json", "\"not part of the case\"");
    assertEquals(0, search.json().get("total").asInt());
    JsonNode good = show(caseA, "good.txt");
    assertEquals(2, good.get("paths").size(), "a link inside the input is another path of the same document");
  }

  @Test
  void specialAndUnreadableFiles() {
    assertStatus(failuresA, "pipe", "not-regular");
    assertStatus(failuresA, "unreadable.txt", "unreadable");
  }

  @Test
  void failuresAreListedGroupedByKind() {
    Cli.Result human = Cli.run("--case", caseA.toString(), "status");
    assertEquals(0, human.exit());
    assertTrue(human.out().contains("encrypted (2)"), human.out());
    assertTrue(human.out().contains("corrupt (2)"), human.out());
  }
}
