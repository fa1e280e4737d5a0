package org.dossier.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify stage end to end: fixtures built here, each with a planted anomaly beside a clean
 * control, and the controls must raise no warning.
 */
class VerifyCommandTest {
  @TempDir static Path dir;
  static Path caseDir;
  static JsonNode result;

  static final String CONTRACT_BODY = "The Supplier, Orlen Marine Works, and the Buyer, the Coast Guard of"
      + " Valdria, hereinafter the Parties, agree as follows. The Supplier delivers %s Vetrov-3 patrol boats"
      + " with spare parts, tools and training for their crews. The total value of the contract is USD"
      + " 96,000,000. The first boats are delivered no later than 30 June 2026 and the rest no later than"
      + " 31 December 2026. Payment is made in three stages against the delivery of each batch. Disputes"
      + " go to arbitration in the city of Lorne. This contract is made in two copies of equal force.";

  @BeforeAll
  static void ingestAndVerify() throws Exception {
    Path in = dir.resolve("cache");
    // a PDF updated to change a quantity, and a clean one
    Path updated = Fixtures.pdf(in.resolve("pdf/schedule_updated.pdf"), "Schedule",
        "Delivery schedule for the Coast Guard of Valdria. Quantity: 24 patrol boats.");
    changeQuantity(updated, "Delivery schedule for the Coast Guard of Valdria. Quantity: 26 patrol boats.");
    Fixtures.pdf(in.resolve("pdf/schedule_clean.pdf"), "Schedule",
        "Delivery schedule for the Coast Guard of Valdria. Quantity: 24 patrol boats.");
    // a PDF that runs JavaScript when opened
    Path js = Fixtures.pdf(in.resolve("pdf/notice_script.pdf"), "Notice", "Payment notice for the Coast Guard of Valdria.");
    try (PDDocument doc = Loader.loadPDF(js.toFile())) {
      doc.getDocumentCatalog().setOpenAction(
          new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('opened');"));
      doc.save(js.toFile());
    }
    // a DOCX with tracked changes, and a clean one
    trackedDocx(in.resolve("docx/letter_tracked.docx"));
    Fixtures.docx(in.resolve("docx/letter_clean.docx"), "Letter", "We confirm the delivery of 24 patrol boats.");
    // an XLSX whose total does not add up, and one that does
    Fixtures.xlsx(in.resolve("xlsx/annex_bad.xlsx"), "Annex", new Object[][] {
        {"Item", "Quantity", "Unit price", "Total"},
        {"Vetrov-3 patrol boat", 24, 3_500_000, 84_000_000},
        {"Spare parts set", 24, 250_000, 6_000_000},
        {"Crew training", 1, 6_000_000, 6_000_000},
        {"Total", "", "", 97_000_000}});
    Fixtures.xlsx(in.resolve("xlsx/annex_good.xlsx"), "Annex", new Object[][] {
        {"Item", "Quantity", "Unit price", "Total"},
        {"Vetrov-3 patrol boat", 24, 3_500_000, 84_000_000},
        {"Spare parts set", 24, 250_000, 6_000_000},
        {"Crew training", 1, 6_000_000, 6_000_000},
        {"Total", "", "", 96_000_000}});
    // figures typed as text in the continental convention ("1,5", "1.234,56"), adding up and not
    Fixtures.xlsx(in.resolve("xlsx/annex_text_good.xlsx"), "Annex", new Object[][] {
        {"Item", "Quantity", "Unit price", "Total"},
        {"Fuel, tonnes", "1,5", "1.234,56", "1.851,84"},
        {"Berths", "2", "10.000,00", "20.000,00"},
        {"Total", "", "", "21.851,84"}});
    Fixtures.xlsx(in.resolve("xlsx/annex_text_bad.xlsx"), "Annex", new Object[][] {
        {"Item", "Quantity", "Unit price", "Total"},
        {"Fuel, tonnes", "1,5", "1.234,56", "1.851,84"},
        {"Berths", "2", "10.000,00", "20.000,00"},
        {"Total", "", "", "21.000,00"}});
    // two versions of a contract
    Fixtures.text(in.resolve("contracts/contract_v1_draft.txt"),
        "DRAFT\nCONTRACT No. OMW-2026/7\n" + String.format(java.util.Locale.ROOT, CONTRACT_BODY, "26") + "\n");
    Fixtures.text(in.resolve("contracts/contract_v2_signed.txt"),
        "CONTRACT No. OMW-2026/7\n" + String.format(java.util.Locale.ROOT, CONTRACT_BODY, "24") + "\nSigned for the Supplier and the Buyer.\n");
    // identifiers and weekdays, wrong and right
    Fixtures.text(in.resolve("letters/bad_ids.txt"), "Поставщик: АО «Орлен», ИНН 5001007328, ОГРН 1122334455661."
        + " The meeting took place on Monday, 5 October 2024.");
    Fixtures.text(in.resolve("letters/good_ids.txt"), "Поставщик: АО «Орлен», ИНН 5001007329, ОГРН 1122334455660."
        + " The meeting took place on Saturday, 5 October 2024.");
    caseDir = dir.resolve("case");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "ingest", "--quiet", "--no-ocr", in.toString());
    assertEquals(0, r.exit(), r.toString());
    r = Cli.run("--case", caseDir.toString(), "verify", "--json");
    assertEquals(0, r.exit(), r.toString());
    result = r.json();
  }

  /** Appends an incremental update that replaces the page's text. */
  static void changeQuantity(Path pdf, String text) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDPage page = doc.getPage(0);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        cs.newLineAtOffset(60, 780);
        cs.showText(text);
        cs.endText();
      }
      page.getCOSObject().setNeedToBeUpdated(true);
      page.getResources().getCOSObject().setNeedToBeUpdated(true);
      doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.saveIncremental(out);
      Files.write(pdf, out.toByteArray());
    }
  }

  /** A DOCX whose body holds an insertion and a deletion tracked by a reviewer. */
  static void trackedDocx(Path out) throws IOException {
    Fixtures.rawDocx(out, "<w:p>"
        + "<w:r><w:t xml:space=\"preserve\">We confirm the delivery of </w:t></w:r>"
        + "<w:del w:id=\"1\" w:author=\"Reviewer B\" w:date=\"2026-02-01T10:00:00Z\"><w:r><w:delText>24</w:delText></w:r></w:del>"
        + "<w:ins w:id=\"2\" w:author=\"Reviewer B\" w:date=\"2026-02-01T10:00:00Z\"><w:r><w:t>26</w:t></w:r></w:ins>"
        + "<w:r><w:t xml:space=\"preserve\"> patrol boats.</w:t></w:r></w:p>", null);
  }

  private static List<JsonNode> signals(String document) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s : result.get("signals")) {
      if (s.get("document").asText().equals(document)) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean has(String document, String kind) {
    return signals(document).stream().anyMatch(s -> s.get("kind").asText().equals(kind));
  }

  @Test
  void everySignalFollowsTheContract() {
    assertTrue(result.get("signals").size() > 0, result::toPrettyString);
    for (JsonNode s : result.get("signals")) {
      for (String field : List.of("document", "kind", "severity", "explanation", "evidence", "innocentExplanation")) {
        assertTrue(s.has(field), field + " missing: " + s);
      }
      assertTrue(Set.of("info", "notice", "warning").contains(s.get("severity").asText()), s::toString);
      assertFalse(s.get("innocentExplanation").asText().isBlank(), s::toString);
    }
  }

  @Test
  void anUpdatedPdfShowsItsRevisionsAndTheQuantityThatChanged() {
    String doc = "pdf/schedule_updated.pdf";
    assertTrue(has(doc, "pdf_incremental_update"), () -> signals(doc).toString());
    JsonNode changed = signals(doc).stream().filter(s -> s.get("kind").asText().equals("pdf_revision_changed_text"))
        .findFirst().orElseThrow(() -> new AssertionError(signals(doc).toString()));
    assertEquals("warning", changed.get("severity").asText());
    assertTrue(changed.get("evidence").get("numbersRemoved").toString().contains("24"), changed::toString);
    assertTrue(changed.get("evidence").get("numbersAdded").toString().contains("26"), changed::toString);
    assertFalse(has("pdf/schedule_clean.pdf", "pdf_incremental_update"));
  }

  @Test
  void officePropertiesAreReported() {
    JsonNode p = signals("docx/letter_clean.docx").stream().filter(x -> x.get("kind").asText().equals("office_properties"))
        .findFirst().orElseThrow(() -> new AssertionError(signals("docx/letter_clean.docx").toString()));
    assertEquals("Dossier test fixtures", p.get("evidence").get("author").asText(), p::toString);
    assertEquals("info", p.get("severity").asText());
  }

  @Test
  void activeContentIsFoundInTheParsedObjects() {
    assertTrue(has("pdf/notice_script.pdf", "pdf_active_content"), () -> signals("pdf/notice_script.pdf").toString());
    assertFalse(has("pdf/schedule_clean.pdf", "pdf_active_content"));
  }

  @Test
  void trackedChangesAreReportedWithTheirAuthor() {
    JsonNode t = signals("docx/letter_tracked.docx").stream().filter(s -> s.get("kind").asText().equals("tracked_changes"))
        .findFirst().orElseThrow(() -> new AssertionError(result.toPrettyString()));
    assertTrue(t.get("evidence").toString().contains("Reviewer B"), t::toString);
    assertTrue(t.get("evidence").toString().contains("26"), t::toString);
    assertFalse(has("docx/letter_clean.docx", "tracked_changes"));
  }

  @Test
  void aTotalThatDoesNotAddUpIsAWarning() {
    JsonNode t = signals("xlsx/annex_bad.xlsx").stream().filter(s -> s.get("kind").asText().equals("table_arithmetic"))
        .findFirst().orElseThrow(() -> new AssertionError(result.toPrettyString()));
    assertTrue(t.get("evidence").toString().contains("97000000"), t::toString);
    assertTrue(t.get("evidence").toString().contains("96000000"), t::toString);
    assertFalse(has("xlsx/annex_good.xlsx", "table_arithmetic"));
  }

  @Test
  void statusCountsTheSignalsInWordsNotAsJavaMapText() {
    org.dossier.testing.Cli.Result status = org.dossier.testing.Cli.run("--case", caseDir.toString(), "status");
    assertEquals(0, status.exit(), status::toString);
    assertTrue(status.out().contains("table_arithmetic "), status.out());
    assertFalse(status.out().contains("{") || status.out().contains("=1"), status.out());
  }

  @Test
  void figuresTypedAsTextAreReadInTheirConvention() {
    JsonNode t = signals("xlsx/annex_text_bad.xlsx").stream().filter(s -> s.get("kind").asText().equals("table_arithmetic"))
        .findFirst().orElseThrow(() -> new AssertionError(result.toPrettyString()));
    assertTrue(t.get("evidence").toString().contains("21851.84"), t::toString);
    // "1,5" is one and a half, not fifteen: the lines of the good annex add up
    assertFalse(has("xlsx/annex_text_good.xlsx", "table_arithmetic"), () -> signals("xlsx/annex_text_good.xlsx").toString());
  }

  @Test
  void twoVersionsOfAContractAreOneFamilyWithTheSignedOneAsPrincipal() {
    JsonNode family = null;
    for (JsonNode f : result.get("families")) {
      if (f.toString().contains("contract_v1_draft.txt")) {
        family = f;
      }
    }
    assertTrue(family != null, result::toPrettyString);
    assertEquals("contracts/contract_v2_signed.txt", family.get("principal").asText(), family::toPrettyString);
    for (JsonNode m : family.get("members")) {
      String expected = m.get("document").asText().contains("draft") ? "draft" : "final";
      assertEquals(expected, m.get("role").asText(), family::toPrettyString);
      assertTrue(m.get("similarity").asDouble() >= 0.6, family::toPrettyString);
    }
    assertTrue(has("contracts/contract_v1_draft.txt", "draft_marking"));
    Cli.Result diff = Cli.run("--case", caseDir.toString(), "diff", "--json",
        "contracts/contract_v1_draft.txt", "contracts/contract_v2_signed.txt");
    assertEquals(0, diff.exit(), diff.toString());
    assertTrue(diff.json().get("numbersOnlyInA").toString().contains("26"), diff::toString);
    assertTrue(diff.json().get("numbersOnlyInB").toString().contains("24"), diff::toString);
  }

  @Test
  void checkDigitsAndWeekdaysAreChecked() {
    assertTrue(has("letters/bad_ids.txt", "inn_checksum_invalid"), () -> signals("letters/bad_ids.txt").toString());
    assertTrue(has("letters/bad_ids.txt", "ogrn_checksum_invalid"));
    assertTrue(has("letters/bad_ids.txt", "weekday_mismatch"));
    assertTrue(signals("letters/good_ids.txt").isEmpty(), () -> signals("letters/good_ids.txt").toString());
  }

  @Test
  void cleanControlsRaiseNoWarning() {
    for (String clean : List.of("pdf/schedule_clean.pdf", "docx/letter_clean.docx", "xlsx/annex_good.xlsx", "xlsx/annex_text_good.xlsx",
        "letters/good_ids.txt")) {
      for (JsonNode s : signals(clean)) {
        assertFalse(s.get("severity").asText().equals("warning"), "a warning on a clean control: " + s);
      }
    }
  }

  @Test
  void statusSummarisesTheSignals() {
    Cli.Result r = Cli.run("--case", caseDir.toString(), "status", "--json");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.json().get("signals").get("warning").has("table_arithmetic"), r::toString);
  }
}
