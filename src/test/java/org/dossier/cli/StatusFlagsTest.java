package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
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
 * Each damaged or hostile file gets the status that says what happened, beside a clean control
 * of the same kind: a truncated PDF, a PDF whose page tree lies, an external entity after 64 KB
 * or in UTF-16, and the same entity in a DOCX whose part is stored or compressed.
 */
class StatusFlagsTest {
  @TempDir static Path dir;
  static Map<String, String> status = new LinkedHashMap<>();
  static Map<String, String> reasons = new LinkedHashMap<>();

  private static final String ENTITY = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>";

  @BeforeAll
  static void ingest() throws Exception {
    Path in = dir.resolve("in");
    Path whole = Fixtures.pdf(in.resolve("pdf-whole.pdf"), "Letter", "The Velmar yard will deliver 12 patrol boats.");
    byte[] b = Files.readAllBytes(whole);
    Files.write(in.resolve("pdf-cut.pdf"), java.util.Arrays.copyOf(b, b.length * 85 / 100));
    Path plain = uncompressedPdf(dir.resolve("plain.pdf"));
    Files.copy(plain, in.resolve("pdf-plain.pdf"));
    String lying = new String(Files.readAllBytes(plain), StandardCharsets.ISO_8859_1).replace("/Count 1", "/Count 9");
    Files.write(in.resolve("pdf-lying.pdf"), lying.getBytes(StandardCharsets.ISO_8859_1));
    String late = "<?xml version=\"1.0\"?>\n<!-- " + "padding ".repeat(9_000) + " -->\n" + ENTITY + "<r>&x; a note</r>";
    Files.writeString(in.resolve("xxe-late.xml"), late, StandardCharsets.UTF_8);
    Files.write(in.resolve("xxe-utf16.xml"), utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + ENTITY + "<r>&x; a note</r>"));
    Files.write(in.resolve("plain-utf16.xml"), utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>a note on ferries</r>"));
    Path docx = Fixtures.docx(dir.resolve("memo.docx"), "Memo", "The ferries sail in May.");
    Files.copy(docx, in.resolve("docx-plain.docx"));
    withEntity(docx, in.resolve("docx-stored.docx"), ZipEntry.STORED);
    withEntity(docx, in.resolve("docx-deflated.docx"), ZipEntry.DEFLATED);
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", in.toString()).exit());
    for (String name : new String[] {"pdf-whole.pdf", "pdf-cut.pdf", "pdf-plain.pdf", "pdf-lying.pdf", "xxe-late.xml",
        "xxe-utf16.xml", "plain-utf16.xml", "docx-plain.docx", "docx-stored.docx", "docx-deflated.docx"}) {
      JsonNode d = Cli.run("--case", c.toString(), "show", "--json", name).json();
      status.put(name, d.get("status").asText());
      reasons.put(name, d.path("reason").asText(""));
    }
  }

  private static byte[] utf16(String s) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
    b.writeBytes(s.getBytes(StandardCharsets.UTF_16BE));
    return b.toByteArray();
  }

  private static Path uncompressedPdf(Path out) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText("The Velmar yard will deliver 12 patrol boats in May, the schedule says.");
        cs.endText();
      }
      doc.save(out.toFile(), CompressParameters.NO_COMPRESSION);
    }
    return out;
  }

  /** The same DOCX with an external entity declared in word/document.xml, the part stored or compressed. */
  private static void withEntity(Path docx, Path out, int method) throws Exception {
    try (ZipFile zip = new ZipFile(docx.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
      Enumeration<? extends ZipEntry> es = zip.entries();
      while (es.hasMoreElements()) {
        ZipEntry e = es.nextElement();
        byte[] data = zip.getInputStream(e).readAllBytes();
        if (e.getName().equals("word/document.xml")) {
          String xml = new String(data, StandardCharsets.UTF_8);
          int root = xml.indexOf("<w:document");
          data = (xml.substring(0, root) + ENTITY.replace("r [", "w:document [") + xml.substring(root)).getBytes(StandardCharsets.UTF_8);
        }
        ZipEntry n = new ZipEntry(e.getName());
        n.setMethod(method);
        if (method == ZipEntry.STORED) {
          CRC32 crc = new CRC32();
          crc.update(data);
          n.setSize(data.length);
          n.setCompressedSize(data.length);
          n.setCrc(crc.getValue());
        }
        z.putNextEntry(n);
        z.write(data);
        z.closeEntry();
      }
    }
  }

  @Test
  void aTruncatedPdfIsCorruptAndTheWholeOneOk() {
    assertEquals("ok", status.get("pdf-whole.pdf"), reasons::toString);
    assertEquals("corrupt", status.get("pdf-cut.pdf"), reasons::toString);
  }

  @Test
  void aPageTreeThatLiesIsCorruptNotNeedsOcr() {
    assertEquals("ok", status.get("pdf-plain.pdf"), reasons::toString);
    assertEquals("corrupt", status.get("pdf-lying.pdf"), reasons::toString);
    assertTrue(reasons.get("pdf-lying.pdf").contains("claims 9 pages"), reasons::toString);
  }

  @Test
  void anExternalEntityAfter64KbOrInUtf16IsUnsafe() {
    assertEquals("unsafe-xml", status.get("xxe-late.xml"), reasons::toString);
    assertEquals("unsafe-xml", status.get("xxe-utf16.xml"), reasons::toString);
    assertEquals("ok", status.get("plain-utf16.xml"), reasons::toString);
  }

  @Test
  void aStoredAndACompressedDocxWithTheSameEntityGetTheSameStatus() {
    assertEquals("ok", status.get("docx-plain.docx"), reasons::toString);
    assertEquals("unsafe-xml", status.get("docx-stored.docx"), reasons::toString);
    assertEquals("unsafe-xml", status.get("docx-deflated.docx"), reasons::toString);
  }
}
