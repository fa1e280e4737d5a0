package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import org.dossier.core.DocumentId;
import org.dossier.core.IndexDocument;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the index receives for a document: every name it has, and a version that orders its
 * builds: the store's clock when the build began, above every version given before, so a build
 * that began later is never taken for an older one, even within one tick of the clock.
 */
class IndexDocumentsTest {
  @TempDir Path dir;

  @Test
  void eachBuildCarriesEveryNameAndAVersionAboveTheLast() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    byte[] text = "The ferry Kestrel leaves Port Velmar at noon on 4 June 2031.\n".getBytes(StandardCharsets.UTF_8);
    Files.write(in.resolve("memo.txt"), text);
    Files.write(Files.createDirectories(in.resolve("archive")).resolve("other-copy.txt"), text);
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", "--no-analysis", in.toString())
        .exit());
    DocumentId id = new DocumentId(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)));
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      IndexDocuments documents = new IndexDocuments(folder.store(), folder.layout(), 100_000);
      long before = folder.store().clockMicros();
      IndexDocument first = documents.build(id).orElseThrow();
      IndexDocument second = documents.build(id).orElseThrow();
      long after = folder.store().clockMicros();

      assertEquals(2, first.paths().size(), first.paths().toString());
      assertTrue(first.paths().stream().anyMatch(p -> p.endsWith("other-copy.txt")), first.paths().toString());
      assertTrue(first.version() >= before, first.version() + " before " + before);
      assertTrue(second.version() > first.version(), second.version() + " after " + first.version());
      // the store's clock, not a count: within a second of it (the last build may be one tick ahead)
      assertTrue(second.version() <= after + 1_000_000, second.version() + " vs the clock's " + after);
      assertEquals(first.withVersion(second.version()), second, "the same state, read twice");
    }
  }
}
