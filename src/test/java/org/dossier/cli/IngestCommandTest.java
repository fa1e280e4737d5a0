package org.dossier.cli;

import static org.dossier.testing.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dossier.collect.EvidenceStore;
import org.dossier.extract.Tesseract;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest through the command line, over every container and format the foundation promises. */
class IngestCommandTest {
  @TempDir static Path dir;
  static Path input;
  static Path caseDir;
  static Cli.Result first;
  static Map<String, String> hashesBefore;

  @BeforeAll
  static void ingest() throws Exception {
    input = dir.resolve("leak");
    caseDir = dir.resolve("case");
    Fixtures.pdf(input.resolve("contracts/supply.pdf"), "Supply contract",
        "Supply contract No. 7/2024. The supplier delivers 37 BMD-4M vehicles to the buyer.");
    Fixtures.pdf(input.resolve("contracts/договор.pdf"), "Договор",
        "Договор поставки № 7. Поставщик передаёт 37 единиц БМД-4М покупателю.");
    Fixtures.scannedPdf(input.resolve("scans/schedule-scan.pdf"), "Scan",
        "DELIVERY SCHEDULE\nTHIRTY SEVEN UNITS BY MARCH");
    Fixtures.docx(input.resolve("memo.docx"), "Memo", "Internal memo about the airborne battalion.");
    Files.createDirectories(input.resolve("copy"));
    Files.copy(input.resolve("memo.docx"), input.resolve("copy/memo.docx"));
    Fixtures.xlsx(input.resolve("schedule.xlsx"), "Payments", new Object[][] {
        {"Item", "Quantity", "Unit price", "Total"}, {"Carrier", 11, 2_500_000, 27_500_000}});
    byte[] annex = docxBytes(dir.resolve("annex.docx"), "Annex: payment timeline for stage two.");
    Fixtures.eml(input.resolve("mail/cover.eml"), Fixtures.email("seller@example.org",
        "buyer@example.net", "Contract documents", Instant.parse("2024-10-05T09:00:00Z"),
        "Please find the annex attached.",
        new Fixtures.Attachment("annex.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", annex)));
    byte[] inner = zipBytes(dir.resolve("inner.zip"), Map.of("c.txt", utf8("nested entry about parachutes")));
    Map<String, byte[]> bundle = new LinkedHashMap<>();
    bundle.put("a.txt", utf8("first entry about the repair hub"));
    bundle.put("sub/b.txt", utf8("second entry about negotiations"));
    bundle.put("inner.zip", inner);
    Fixtures.zip(input.resolve("bundle.zip"), bundle);
    Fixtures.tarGz(input.resolve("archive.tar.gz"), Map.of("t.txt", utf8("tarred note about training")));
    Fixtures.sevenZ(input.resolve("archive.7z"), Map.of("s.txt", utf8("seven-zipped note about radios")));
    Fixtures.mbox(input.resolve("box.mbox"), List.of(
        Fixtures.email("a@example.org", "b@example.org", "Meeting in April",
            Instant.parse("2024-04-02T10:00:00Z"), "The delegation met to speed up delivery."),
        Fixtures.email("b@example.org", "a@example.org", "Re: Meeting in April",
            Instant.parse("2024-04-03T10:00:00Z"), "Agreed; technical documentation follows.")));
    Fixtures.text(input.resolve("中文/备忘录.txt"), "备忘录：合同规定交付三十七辆空降战车，并提供培训。");
    hashesBefore = hashes(input);
    first = Cli.run("--case", caseDir.toString(), "ingest", "--json", input.toString());
  }

  private static byte[] docxBytes(Path tmp, String text) throws Exception {
    return Files.readAllBytes(Fixtures.docx(tmp, "Annex", text));
  }

  private static byte[] zipBytes(Path tmp, Map<String, byte[]> entries) throws Exception {
    return Files.readAllBytes(Fixtures.zip(tmp, entries));
  }

  private static Map<String, String> hashes(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), EvidenceStore.hash(f).sha256());
      }
    }
    return out;
  }

  private static Cli.Result cli(String... args) {
    List<String> all = new ArrayList<>(List.of("--case", caseDir.toString()));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  private static JsonNode show(String doc) {
    Cli.Result r = cli("show", "--json", doc);
    assertEquals(0, r.exit(), r.toString());
    return r.json();
  }

  @Test
  void everyDocumentIsOk() {
    assertEquals(0, first.exit(), first.toString());
    JsonNode status = cli("status", "--json").json();
    if (Tesseract.installedLanguages("tesseract").isEmpty()) {
      // without Tesseract (Dossier works without it) the scan waits for OCR, and nothing else fails
      assertEquals(1, status.get("failures").size(), status.toPrettyString());
      assertEquals("needs-ocr", status.get("failures").get(0).get("status").asText(), status.toPrettyString());
    } else {
      assertEquals(0, status.get("failures").size(), status.toPrettyString());
    }
    assertEquals(status.get("documents").asLong(), status.get("indexed").asLong(),
        "the index and the store agree");
  }

  @Test
  void archivesUnpackIntoNamedChildrenThatKnowTheirParent() {
    JsonNode b = show("bundle.zip/sub/b.txt");
    assertEquals("bundle.zip", b.get("parent").asText());
    assertTrue(b.get("text").asText().contains("second entry"));
    JsonNode nested = show("bundle.zip/inner.zip/c.txt");
    assertEquals("bundle.zip/inner.zip", nested.get("parent").asText());
    assertTrue(show("archive.tar.gz/archive.tar/t.txt").get("text").asText().contains("tarred note"));
    assertTrue(show("archive.7z/s.txt").get("text").asText().contains("seven-zipped"));
    Set<String> children = new HashSet<>();
    show("bundle.zip").get("children").forEach(c -> children.add(c.asText()));
    assertEquals(Set.of("bundle.zip/a.txt", "bundle.zip/sub/b.txt", "bundle.zip/inner.zip"), children);
  }

  @Test
  void mailAttachmentsAndMailboxMessagesBecomeChildren() {
    JsonNode annex = show("mail/cover.eml/annex.docx");
    assertEquals("mail/cover.eml", annex.get("parent").asText());
    assertTrue(annex.get("text").asText().contains("payment timeline"));
    JsonNode box = show("box.mbox");
    assertEquals(2, box.get("children").size(), box.toPrettyString());
    JsonNode cover = show("mail/cover.eml");
    assertTrue(cover.get("metadata").toString().contains("Contract documents"));
  }

  @Test
  void exactDuplicatesAreOneDocumentWithSeveralPaths() {
    JsonNode memo = show("copy/memo.docx");
    assertEquals("memo.docx", memo.get("document").asText());
    assertEquals(2, memo.get("paths").size());
  }

  @Test
  void textLanguageAndMetadataAreKept() {
    JsonNode ru = show("contracts/договор.pdf");
    assertEquals("ru", ru.get("language").asText());
    assertTrue(ru.get("text").asText().contains("БМД-4М"));
    assertEquals("Договор", ru.get("metadata").get("dc:title").get(0).asText());
    assertEquals("zh", show("中文/备忘录.txt").get("language").asText());
    JsonNode xlsx = show("schedule.xlsx");
    assertTrue(xlsx.get("text").asText().contains("27500000"), xlsx.get("text").asText());
  }

  @Test
  void scannedPagesAreReadByOcr() {
    JsonNode scan = show("scans/schedule-scan.pdf");
    if (Tesseract.installedLanguages("tesseract").isEmpty()) {
      assertEquals("needs-ocr", scan.get("status").asText());
      return;
    }
    assertEquals("ok", scan.get("status").asText(), scan.toPrettyString());
    assertTrue(scan.get("text").asText().toUpperCase(Locale.ROOT).contains("DELIVERY SCHEDULE"),
        scan.get("text").asText());
  }

  @Test
  void searchFollowsItsJsonContract() {
    Cli.Result r = cli("search", "--json", "BMD-4M");
    assertEquals(0, r.exit(), r.toString());
    JsonNode j = r.json();
    assertEquals(2, j.get("total").asInt(), j.toPrettyString());
    Set<String> docs = new HashSet<>();
    for (JsonNode hit : j.get("hits")) {
      docs.add(hit.get("document").asText());
      assertTrue(hit.get("score").isNumber());
      assertTrue(hit.get("snippets").get(0).asText().contains("<b>"));
    }
    assertEquals(Set.of("contracts/supply.pdf", "contracts/договор.pdf"), docs);
    assertTrue(j.get("facets").has("language"));
    assertEquals(1, cli("search", "--json", "合同").json().get("total").asInt());
  }

  @Test
  void aBadQueryIsAUsageError() {
    Cli.Result r = cli("search", "\"unclosed");
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().contains("cannot parse"), r.err());
  }

  @Test
  void originalsAreUntouchedAndTheCustodyChainHolds() throws Exception {
    assertEquals(hashesBefore, hashes(input));
    Cli.Result verify = cli("custody", "verify", "--json");
    assertEquals(0, verify.exit(), verify.toString());
    assertTrue(verify.json().get("intact").asBoolean());
    Cli.Result manifest = cli("custody", "manifest", "--json");
    assertEquals(0, manifest.exit(), manifest.toString());
    List<String> lines = Files.readAllLines(caseDir.resolve("manifest-sha256.txt"));
    assertEquals(manifest.json().get("originals").asLong(), lines.size());
    for (String line : lines.subList(0, 3)) {
      String[] parts = line.split("  ", 2);
      assertEquals(parts[0], EvidenceStore.hash(caseDir.resolve(parts[1])).sha256());
      assertFalse(Files.isWritable(caseDir.resolve(parts[1])) && !isRoot(),
          "originals are stored read-only");
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Test
  void reingestingAnUnchangedCacheOnlyHashes() {
    Cli.Result again = cli("ingest", "--json", input.toString());
    assertEquals(0, again.exit(), again.toString());
    JsonNode j = again.json();
    assertEquals(0, j.get("newDocuments").asLong());
    assertEquals(0, j.get("extracted").asLong());
    assertEquals(j.get("filesSeen").asLong(), j.get("filesUnchanged").asLong());
    assertEquals(first.json().get("documents").asLong(), j.get("documents").asLong());
    Cli.Result verify = cli("custody", "verify");
    assertEquals(0, verify.exit(), verify.toString());
  }
}
