package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.dossier.extract.Tesseract;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Tesseract, images and scanned pages are marked needs-ocr with one warning; once it is
 * there, running ingest again reads them.
 */
class OcrTest {
  @TempDir Path dir;

  @Test
  void missingTesseractIsReportedOnceAndTheScansWaitForIt() throws Exception {
    Path input = dir.resolve("scans");
    Fixtures.scannedPdf(input.resolve("page.pdf"), "Scan", "PAYMENT SCHEDULE\nSTAGE TWO");
    Fixtures.png(input.resolve("photo.png"), "TRAINING CENTRE");
    Fixtures.text(input.resolve("note.txt"), "A typed note.");
    Path caseDir = dir.resolve("case");
    Cli.Result without = Cli.run("--case", caseDir.toString(), "ingest", "--json",
        "--tesseract", dir.resolve("no-such-dir/tesseract").toString(), input.toString());
    assertEquals(0, without.exit(), without.toString());
    assertEquals(1, count(without.err(), "Tesseract is not installed"), without.err());
    assertEquals(2L, without.json().get("byStatus").get("needs-ocr").asLong());
    assertEquals(1L, without.json().get("byStatus").get("ok").asLong());

    Assumptions.assumeFalse(Tesseract.installedLanguages("tesseract").isEmpty(),
        "skipped: Tesseract is not installed here, so the second half cannot run");
    Cli.Result with = Cli.run("--case", caseDir.toString(), "ingest", "--json", input.toString());
    assertEquals(0, with.exit(), with.toString());
    assertEquals(2, with.json().get("extracted").asInt(), "only the scans are extracted again");
    assertEquals(3L, with.json().get("byStatus").get("ok").asLong(), with.out());
    String page = Cli.run("--case", caseDir.toString(), "show", "--json", "page.pdf").json().get("text").asText();
    assertTrue(page.toUpperCase(Locale.ROOT).contains("PAYMENT SCHEDULE"), page);
    String photo = Cli.run("--case", caseDir.toString(), "show", "--json", "photo.png").json().get("text").asText();
    assertTrue(photo.toUpperCase(Locale.ROOT).contains("TRAINING"), photo);
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
