package org.dossier.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where documents come from: software newer than their dates, impossible date orders, exact
 * duplicates, outgoing numbers against dates, DOCX files that began as one; each beside a
 * control that must raise no warning.
 */
class VerifyOriginsTest {
  @TempDir static Path dir;
  static JsonNode result;

  @BeforeAll
  static void ingestAndVerify() throws Exception {
    Path in = dir.resolve("cache");
    Path late = Fixtures.pdf(in.resolve("pdf/anachronism.pdf"), "Memo", Instant.parse("2020-05-01T10:00:00Z"),
        "Memo on the patrol boats for Valdria.");
    producer(late, "LibreOffice 24.2");
    Path fine = Fixtures.pdf(in.resolve("pdf/contemporary.pdf"), "Memo", Instant.parse("2021-05-01T10:00:00Z"),
        "Memo on the repair dock for Valdria.");
    producer(fine, "LibreOffice 7.0");
    Files.createDirectories(in.resolve("copies"));
    Files.copy(fine, in.resolve("copies/contemporary_copy.pdf"));
    docx(in.resolve("docx/backwards.docx"), Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2024-03-01T10:00:00Z"));
    docx(in.resolve("docx/forwards.docx"), Instant.parse("2024-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:00:00Z"));
    Fixtures.text(in.resolve("letters/out_0300.txt"), "Исх. № 0300/ОМВ от 10 марта 2026 г.\nО поставке катеров.");
    Fixtures.text(in.resolve("letters/out_0290.txt"), "Исх. № 0290/ОМВ от 20 марта 2026 г.\nО ремонте катеров.");
    Fixtures.text(in.resolve("letters/out_0310.txt"), "Исх. № 0310/ОМВ от 25 марта 2026 г.\nОб обучении экипажей.");
    rsidDocx(in.resolve("rsid/offer_a.docx"), "00A1B2C3", "The offer covers 24 patrol boats and their spare parts.");
    rsidDocx(in.resolve("rsid/offer_b.docx"), "00A1B2C3", "The revised offer covers 26 patrol boats, spare parts and training.");
    rsidDocx(in.resolve("rsid/unrelated.docx"), "00FFEE11", "Minutes of the harbour safety meeting.");
    Path caseDir = dir.resolve("case");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "ingest", "--quiet", "--no-ocr", in.toString());
    assertEquals(0, r.exit(), r.toString());
    r = Cli.run("--case", caseDir.toString(), "verify", "--json");
    assertEquals(0, r.exit(), r.toString());
    result = r.json();
  }

  static void producer(Path pdf, String producer) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      doc.getDocumentInformation().setProducer(producer);
      doc.save(pdf.toFile());
    }
  }

  static void docx(Path out, Instant created, Instant modified) throws Exception {
    Files.createDirectories(out.getParent());
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setCreated(java.util.Optional.of(Date.from(created)));
      doc.getProperties().getCoreProperties().setModified(java.util.Optional.of(Date.from(modified)));
      doc.createParagraph().createRun().setText("Notes on the crew training plan for the patrol boats.");
      try (OutputStream os = Files.newOutputStream(out)) {
        doc.write(os);
      }
    }
  }

  static void rsidDocx(Path out, String rsidRoot, String text) throws Exception {
    Fixtures.rawDocx(out, "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>",
        "<w:rsids><w:rsidRoot w:val=\"" + rsidRoot + "\"/></w:rsids>");
  }

  private static List<String> kinds(String document) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : result.get("signals")) {
      if (s.get("document").asText().equals(document)) {
        out.add(s.get("kind").asText());
      }
    }
    return out;
  }

  @Test
  void softwareNewerThanTheDocumentIsAnAnachronism() {
    assertTrue(kinds("pdf/anachronism.pdf").contains("producer_anachronism"), result::toPrettyString);
    assertFalse(kinds("pdf/contemporary.pdf").contains("producer_anachronism"), result::toPrettyString);
  }

  @Test
  void createdAfterModifiedIsImpossible() {
    assertTrue(kinds("docx/backwards.docx").contains("created_after_modified"), result::toPrettyString);
    assertFalse(kinds("docx/forwards.docx").contains("created_after_modified"), result::toPrettyString);
  }

  @Test
  void theSameBytesAtTwoPathsAreAnExactDuplicate() {
    assertTrue(kinds("pdf/contemporary.pdf").contains("exact_duplicate") || kinds("copies/contemporary_copy.pdf").contains("exact_duplicate"),
        result::toPrettyString);
    assertFalse(kinds("pdf/anachronism.pdf").contains("exact_duplicate"));
  }

  @Test
  void anOutgoingNumberLowerThanAnEarlierOneIsOutOfOrder() {
    assertTrue(kinds("letters/out_0290.txt").contains("numbering_out_of_order"), result::toPrettyString);
    assertFalse(kinds("letters/out_0310.txt").contains("numbering_out_of_order"), result::toPrettyString);
  }

  @Test
  void docxFilesThatShareAnRsidRootAreOneFamily() {
    JsonNode family = null;
    for (JsonNode f : result.get("families")) {
      if (f.toString().contains("rsid/offer_a.docx")) {
        family = f;
      }
    }
    assertTrue(family != null, result::toPrettyString);
    assertTrue(family.toString().contains("rsid/offer_b.docx"), family::toPrettyString);
    assertFalse(family.toString().contains("rsid/unrelated.docx"), family::toPrettyString);
  }

  @Test
  void controlsRaiseNoWarning() {
    for (String clean : List.of("pdf/contemporary.pdf", "docx/forwards.docx", "letters/out_0300.txt",
        "letters/out_0310.txt", "rsid/unrelated.docx")) {
      for (JsonNode s : result.get("signals")) {
        if (s.get("document").asText().equals(clean)) {
          assertFalse(s.get("severity").asText().equals("warning"), "a warning on a control: " + s);
        }
      }
    }
  }
}
