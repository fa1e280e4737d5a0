package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the libraries log goes to the case's dossier.log with its stack traces; the terminal gets
 * one line. A damaged PDF in verify prints no stack frame.
 */
class LibraryLogTest {
  @TempDir Path dir;

  @AfterEach
  void closeLog() {
    LibraryLog.closeFile();
  }

  @Test
  void aLibraryWarningGoesToTheCaseLogWithItsStackTrace() throws Exception {
    PrintStream saved = System.err;
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    System.setErr(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    try {
      LibraryLog.install();
      org.slf4j.LoggerFactory.getLogger("org.apache.pdfbox.pdfparser.COSParser")
          .warn("object 7 is not where the xref says", new java.io.IOException("bad offset"));
      // near miss: chatter below a warning is neither kept nor counted
      org.slf4j.LoggerFactory.getLogger("org.apache.pdfbox.pdfparser.COSParser").info("parsing page 1");
      Path caseDir = Files.createDirectories(dir.resolve("case"));
      LibraryLog.toCase(caseDir);
      org.apache.logging.log4j.LogManager.getLogger("org.apache.poi.hwpf.HWPFDocument").warn("odd piece table");
      String log = Files.readString(caseDir.resolve(LibraryLog.FILE), StandardCharsets.UTF_8);
      assertTrue(log.contains("object 7 is not where the xref says"), log);
      assertTrue(log.contains("java.io.IOException: bad offset") && log.contains("\tat "), log);
      assertTrue(log.contains("odd piece table"), "POI's log4j records arrive too: " + log);
      assertFalse(log.contains("parsing page 1"), log);
      assertEquals(2, LibraryLog.warnings());
    } finally {
      System.setErr(saved);
    }
    assertEquals("", terminal.toString(StandardCharsets.UTF_8));
  }

  @Test
  void verifyOnADamagedPdfPrintsNoStackFrame() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path good = Fixtures.pdf(in.resolve("letter.pdf"), "Letter", "The Velmar yard will deliver 12 patrol boats.");
    byte[] bytes = Files.readAllBytes(good);
    // the cross-reference table points at the wrong places: PDFBox reads it leniently, and warns
    String text = new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("(?m)^(\\d{10}) 00000 n", "0000000001 00000 n");
    Files.write(in.resolve("damaged.pdf"), text.getBytes(StandardCharsets.ISO_8859_1));
    Files.write(in.resolve("cut.pdf"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
    Files.write(in.resolve("garbled.pdf"), text.replace("/Type /Page", "/Type /Pag").replace("stream", "strem").getBytes(StandardCharsets.ISO_8859_1));
    Path c = dir.resolve("case");
    PrintStream saved = System.err;
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    System.setErr(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    Cli.Result ingest;
    Cli.Result verify;
    try {
      ingest = Cli.run("ingest", "--case", c.toString(), "--quiet", in.toString());
      verify = Cli.run("--case", c.toString(), "verify");
    } finally {
      System.setErr(saved);
    }
    assertEquals(0, ingest.exit(), ingest::toString);
    assertEquals(0, verify.exit(), verify::toString);
    String all = terminal.toString(StandardCharsets.UTF_8) + ingest.err() + verify.err() + verify.out();
    assertFalse(all.contains("\tat ") || all.contains("Exception"), all);
    assertFalse(all.contains("WARN"), "no library record on the terminal: " + all);
    // the records are in the case's log, and the terminal has one line saying so
    String log = Files.readString(c.resolve(LibraryLog.FILE), StandardCharsets.UTF_8);
    assertTrue(log.contains("WARNING org.apache.pdfbox"), log);
    assertEquals(1, verify.err().lines().filter(l -> l.contains("the libraries logged") && l.contains(LibraryLog.FILE)).count(),
        verify.err());
  }
}
