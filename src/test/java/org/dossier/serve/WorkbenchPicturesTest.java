package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original drawn as a picture on the document page: a PDF's pages one at a time, an image,
 * each a PNG drawn on the server within a bounded size; a file that cannot be drawn answers 404
 * with the reason and the server goes on; a text has no picture.
 */
class WorkbenchPicturesTest {
  @TempDir static Path dir;
  static WorkbenchClient web;
  static String key;

  @BeforeAll
  static void serve() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    try (PDDocument pdf = new PDDocument()) {
      for (String line : List.of("Delivery note 1 of the Korvane yard", "Delivery note 2 of the Korvane yard")) {
        PDPage p = new PDPage(PDRectangle.A4);
        pdf.addPage(p);
        try (PDPageContentStream c = new PDPageContentStream(pdf, p)) {
          c.beginText();
          c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
          c.newLineAtOffset(72, 720);
          c.showText(line);
          c.endText();
        }
      }
      pdf.save(in.resolve("notes.pdf").toFile());
    }
    BufferedImage img = new BufferedImage(3000, 1000, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics g = img.getGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 3000, 1000);
    g.setColor(Color.RED);
    g.fillRect(0, 0, 1500, 1000);
    g.dispose();
    ImageIO.write(img, "png", in.resolve("stamp.png").toFile());
    Files.writeString(in.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    Files.writeString(in.resolve("memo.txt"), "A memo on the Korvane yard.\n");
    Path caseDir = dir.resolve("case");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "ingest", "--quiet", "--no-ocr", in.toString());
    assertEquals(0, r.exit(), r.toString());
    web = WorkbenchClient.start(caseDir);
    key = web.key;
  }

  @AfterAll
  static void stop() {
    if (web != null) {
      web.close();
    }
  }

  private static HttpResponse<byte[]> get(String path) throws Exception {
    return web.bytes(path);
  }

  private static String id(String name) throws Exception {
    return web.id(name);
  }

  private static String page(String name, String query) throws Exception {
    HttpResponse<byte[]> r = get("/cases/" + key + "/documents/" + id(name) + query);
    assertEquals(200, r.statusCode());
    return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static BufferedImage picture(String name, int page) throws Exception {
    HttpResponse<byte[]> r = get(Pictures.url(key, id(name), page));
    assertEquals(200, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    return ImageIO.read(new ByteArrayInputStream(r.body()));
  }

  @Test
  void aPdfIsShownPageByPage() throws Exception {
    String first = page("notes.pdf", "");
    assertTrue(first.contains("<img class=\"page\" src=\"" + Pictures.url(key, id("notes.pdf"), 1) + "\""), first);
    assertTrue(first.contains("page 2 →"), first);
    String second = page("notes.pdf", "?page=2");
    assertTrue(second.contains(Pictures.url(key, id("notes.pdf"), 2)), second);
    assertTrue(second.contains("← page 1"));
    BufferedImage one = picture("notes.pdf", 1);
    assertTrue(one.getHeight() > one.getWidth(), "an A4 page, upright");
    assertTrue(one.getHeight() <= Previews.MAX_SIDE);
    picture("notes.pdf", 2);
    HttpResponse<byte[]> third = get(Pictures.url(key, id("notes.pdf"), 3));
    assertEquals(404, third.statusCode());
    assertTrue(new String(third.body(), java.nio.charset.StandardCharsets.UTF_8).contains("2 page(s)"));
  }

  @Test
  void anImageIsRedrawnWithinTheLargestSide() throws Exception {
    BufferedImage stamp = picture("stamp.png", 1);
    // 3000 pixels wide, read every second pixel: 1500, within the largest side
    assertEquals(1500, stamp.getWidth());
    assertEquals(500, stamp.getHeight());
    assertEquals(new Color(255, 0, 0).getRGB(), stamp.getRGB(10, 10));
    assertEquals(Color.WHITE.getRGB(), stamp.getRGB(1400, 10), "its right half as drawn");
  }

  @Test
  void aFileThatCannotBeDrawnIsA404AndTheServerGoesOn() throws Exception {
    HttpResponse<byte[]> broken = get(Pictures.url(key, id("broken.pdf"), 1));
    assertEquals(404, broken.statusCode());
    picture("notes.pdf", 1); // control: the next picture is drawn
    // a text is not drawn, and its page has no picture
    assertEquals(404, get(Pictures.url(key, id("memo.txt"), 1)).statusCode());
    assertFalse(page("memo.txt", "").contains("<img class=\"page\""));
    assertEquals(400, get("/cases/" + key + "/documents/" + id("notes.pdf") + "/pages/x").statusCode());
  }
}
