package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.dossier.core.Document;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link stage keeps each document's reading in the case folder and takes it back at the next
 * link while the document and what the reading was made with are unchanged: a document the
 * analyst changed is read again, the others are not, and a damaged reading is read again.
 */
class KeptReadingsTest {
  @TempDir Path dir;

  private static final FileTime LONG_AGO = FileTime.fromMillis(946_684_800_000L); // 2000-01-01

  @Test
  void theStagesCodeIsKnownByItsContentNotByItsProcess() {
    String code = Linking.code();
    assertTrue(code.matches("[0-9a-f]{64}"), code);
    assertEquals(code, Linking.code());
  }

  @Test
  void aDocumentIsReadAgainOnlyWhenWhatItsReadingWasMadeWithChanged() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("dues.txt"), "Orlin harbour board raises ferry dues\n\nORLIN, 4 March 2031 -- The"
        + " Orlin harbour board raised ferry dues by 12 percent on Tuesday, its chairman Tobin Marlowe said. The board"
        + " expects 3.4 million crowns a year from the new dues.\n", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("hulls.txt"), "Kestrel Yard wins hull contract\n\nVARNE, 6 March 2031 -- Kestrel Yard"
        + " will rebuild the hulls of four ferries for 18 million crowns, the yard said on Thursday. Work starts in"
        + " June.\n", StandardCharsets.UTF_8);
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", in.toString()).exit());
    Path dues;
    Path hulls;
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      List<Document> docs = new ArrayList<>();
      folder.store().annotations().forEachAnalysed(docs::add);
      assertEquals(2, docs.size());
      dues = folder.layout().reading(docs.stream().filter(d -> d.name().endsWith("dues.txt")).findFirst().orElseThrow().id());
      hulls = folder.layout().reading(docs.stream().filter(d -> d.name().endsWith("hulls.txt")).findFirst().orElseThrow().id());
    }
    assertTrue(Files.isRegularFile(dues) && Files.isRegularFile(hulls), "each analysed document's reading is kept");
    Files.setLastModifiedTime(dues, LONG_AGO);
    Files.setLastModifiedTime(hulls, LONG_AGO);

    // the analyst sets one document's headline: that document is read again, the other's reading is taken back
    assertEquals(0, Cli.run("mark", "document", "dues.txt", "--headline", "Dues up at Orlin", "--case", c.toString()).exit());
    Cli.Result sources = Cli.run("sources", "--json", "--case", c.toString());
    assertEquals(0, sources.exit(), sources::toString);
    assertTrue(sources.out().contains("\"Dues up at Orlin\""), sources.out());
    assertTrue(sources.out().contains("\"Kestrel Yard wins hull contract\""), sources.out());
    assertNotEquals(LONG_AGO, Files.getLastModifiedTime(dues), "read again: its headline was set");
    assertEquals(LONG_AGO, Files.getLastModifiedTime(hulls), "taken back: nothing it was read with changed");

    // a damaged reading is read again, not an error
    Files.writeString(hulls, "not a reading", StandardCharsets.UTF_8);
    assertEquals(0, Cli.run("mark", "document", "dues.txt", "--headline", "Orlin dues raised", "--case", c.toString()).exit());
    sources = Cli.run("sources", "--json", "--case", c.toString());
    assertEquals(0, sources.exit(), sources::toString);
    assertTrue(sources.out().contains("\"Orlin dues raised\""), sources.out());
    assertTrue(sources.out().contains("\"Kestrel Yard wins hull contract\""), sources.out());
    byte[] kept = Files.readAllBytes(hulls);
    assertTrue(kept.length > 2 && (kept[0] & 0xff) == 0x1f && (kept[1] & 0xff) == 0x8b, "kept again, compressed");

    // a new batch brings new names to the case: only its own document is read
    Files.setLastModifiedTime(dues, LONG_AGO);
    Files.setLastModifiedTime(hulls, LONG_AGO);
    Path more = Files.createDirectories(dir.resolve("more"));
    Files.writeString(more.resolve("pilots.txt"), "Varne pilots strike\n\nVARNE, 9 March 2031 -- The pilots of the Varne"
        + " estuary, led by Ismay Corrow of the Estuary Pilots Guild, stopped work on Monday over night shifts.\n",
        StandardCharsets.UTF_8);
    Cli.Result more1 = Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", "--json", more.toString());
    assertEquals(0, more1.exit(), more1::toString);
    assertEquals(3, more1.json().path("linked").path("documents").asInt(), more1.out());
    assertEquals(1, more1.json().path("linked").path("read").asInt(), more1.out());
    // their readings are kept again under the case's new names; linked again with nothing changed,
    // they are taken back without their texts being read or their files written
    Files.setLastModifiedTime(dues, LONG_AGO);
    Files.setLastModifiedTime(hulls, LONG_AGO);
    try (CaseFolder folder = CaseFolder.openForWriting(c, Clock.systemUTC())) {
      Linking.Summary again = Linking.run(folder);
      assertEquals(3, again.documents());
      assertEquals(0, again.read());
    }
    assertEquals(LONG_AGO, Files.getLastModifiedTime(dues));
    assertEquals(LONG_AGO, Files.getLastModifiedTime(hulls));
  }

  /**
   * The end takes each story's claims back from the readings kept earlier in its run: a reading
   * another run kept since (another key) fails the run, which the next command runs again, rather
   * than mix two readings of one document; a reading gone fails it too.
   */
  @Test
  void theEndTakesClaimsBackOnlyFromTheReadingItsRunKept() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("dues.txt"), "Orlin harbour board raises ferry dues\n\nORLIN, 4 March 2031 -- The"
        + " Orlin harbour board raised ferry dues by 12 percent on Tuesday, its chairman Tobin Marlowe said.\n",
        StandardCharsets.UTF_8);
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", in.toString()).exit());
    try (CaseFolder folder = CaseFolder.openForWriting(c, Clock.systemUTC())) {
      List<Document> docs = new ArrayList<>();
      folder.store().annotations().forEachAnalysed(docs::add);
      org.dossier.core.DocumentId id = docs.get(0).id();
      Path kept = folder.layout().reading(id);
      String quick;
      try (java.io.InputStream z = new java.util.zip.GZIPInputStream(Files.newInputStream(kept))) {
        String content = new String(z.readAllBytes(), StandardCharsets.UTF_8);
        quick = content.substring(0, content.indexOf('\n'));
      }
      // control: under the key its run kept it with, its claims come back
      assertTrue(Linking.claims(folder, id, quick).stream().anyMatch(x -> x.quote().contains("12 percent")));
      java.io.IOException changed = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
          () -> Linking.claims(folder, id, "0".repeat(64)));
      assertTrue(changed.getMessage().contains("changed or went while the stage ran"), changed.getMessage());
      Files.delete(kept);
      org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> Linking.claims(folder, id, quick));
      // the next run keeps it again and forms the findings
      assertEquals(1, Linking.run(folder).documents());
      assertTrue(Files.isRegularFile(kept));
    }
  }
}
