package org.dossier.testing;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * Builds test documents in code (PDFBox, POI, Jakarta Mail, commons-compress), so that every odd
 * case a test relies on is visible in the test itself. Shared by the tests, the example cache
 * writer and the benchmark corpus generator.
 */
public final class Fixtures {
  /** A font with Latin and Cyrillic glyphs, present on Debian with fonts-dejavu-core. */
  public static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

  private Fixtures() {}

  // ---------------------------------------------------------------- PDF

  /** A PDF with a text layer, one page per string; Cyrillic needs {@link #DEJAVU}. */
  public static Path pdf(Path out, String title, String... pages) throws IOException {
    return pdf(out, title, null, pages);
  }

  /** As {@link #pdf(Path, String, String...)}, with a creation date in its Info dictionary. */
  public static Path pdf(Path out, String title, Instant created, String... pages)
      throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDFont font = font(doc);
      for (String page : pages) {
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
          cs.beginText();
          cs.setFont(font, 11);
          cs.setLeading(15);
          cs.newLineAtOffset(60, 780);
          for (String line : wrap(page, 85)) {
            cs.showText(line);
            cs.newLine();
          }
          cs.endText();
        }
      }
      info(doc, title);
      if (created != null) {
        java.util.Calendar c = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"), Locale.ROOT);
        c.setTimeInMillis(created.toEpochMilli());
        doc.getDocumentInformation().setCreationDate(c);
        doc.getDocumentInformation().setModificationDate(c);
      }
      Files.createDirectories(out.toAbsolutePath().getParent());
      doc.save(out.toFile());
    }
    return out;
  }

  /** A PDF whose only page is an image of the text, as a scanner makes: no text layer. */
  public static Path scannedPdf(Path out, String title, String text) throws IOException {
    BufferedImage image = render(text, 1240, 1754, 30);
    try (PDDocument doc = new PDDocument()) {
      PDPage p = new PDPage(PDRectangle.A4);
      doc.addPage(p);
      PDImageXObject img = LosslessFactory.createFromImage(doc, image);
      try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
        cs.drawImage(img, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
      }
      info(doc, title);
      Files.createDirectories(out.toAbsolutePath().getParent());
      doc.save(out.toFile());
    }
    return out;
  }

  /** A PDF that opens only with {@code userPassword}. */
  public static Path encryptedPdf(Path out, String userPassword, String text) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage p = new PDPage(PDRectangle.A4);
      doc.addPage(p);
      try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(60, 780);
        cs.showText(text);
        cs.endText();
      }
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      Files.createDirectories(out.toAbsolutePath().getParent());
      doc.save(out.toFile());
    }
    return out;
  }

  /** A PNG of the text, as a photographed or scanned page. */
  public static Path png(Path out, String text) throws IOException {
    BufferedImage image = render(text, 1400, 400, 34);
    Files.createDirectories(out.toAbsolutePath().getParent());
    javax.imageio.ImageIO.write(image, "png", out.toFile());
    return out;
  }

  private static BufferedImage render(String text, int width, int height, int size) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(new Color(20, 20, 20));
      Font font;
      try {
        font = Font.createFont(Font.TRUETYPE_FONT, DEJAVU.toFile()).deriveFont((float) size);
      } catch (Exception e) {
        font = new Font(Font.SERIF, Font.PLAIN, size);
      }
      g.setFont(font);
      int y = size * 3;
      for (String line : wrap(text, (int) (width / (size * 0.6)))) {
        g.drawString(line, size * 2, y);
        y += (int) (size * 1.5);
      }
      // scanner speckle, seeded so the page is the same every time
      Random random = new Random(42);
      for (int i = 0; i < width * height / 400; i++) {
        image.setRGB(random.nextInt(width), random.nextInt(height), 0xB0B0B0);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static PDFont font(PDDocument doc) throws IOException {
    if (Files.exists(DEJAVU)) {
      return PDType0Font.load(doc, DEJAVU.toFile());
    }
    return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  }

  private static void info(PDDocument doc, String title) {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setProducer("Dossier test fixtures");
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new java.util.ArrayList<>();
    for (String para : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : para.split(" ")) {
        if (line.length() + word.length() + 1 > width && line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  // ---------------------------------------------------------------- office

  public static Path docx(Path out, String title, String... paragraphs) throws IOException {
    return docx(out, title, null, paragraphs);
  }

  /** As {@link #docx(Path, String, String...)}, with creation and modification dates. */
  public static Path docx(Path out, String title, Instant created, String... paragraphs)
      throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setTitle(title);
      doc.getProperties().getCoreProperties().setCreator("Dossier test fixtures");
      if (created != null) {
        doc.getProperties().getCoreProperties().setCreated(java.util.Optional.of(Date.from(created)));
        doc.getProperties().getCoreProperties().setModified(java.util.Optional.of(Date.from(created)));
      }
      for (String text : paragraphs) {
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText(text);
      }
      Files.createDirectories(out.toAbsolutePath().getParent());
      try (OutputStream os = Files.newOutputStream(out)) {
        doc.write(os);
      }
    }
    return out;
  }

  /**
   * A minimal DOCX written part by part, for markup POI does not write (tracked changes, an
   * rsidRoot): {@code body} is the inside of {@code <w:body>}; {@code settings}, when not null,
   * the inside of {@code <w:settings>}.
   */
  public static Path rawDocx(Path out, String body, String settings) throws IOException {
    String w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    String head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    StringBuilder types = new StringBuilder(head)
        .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        .append("<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
    if (settings != null) {
      types.append("<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>");
    }
    types.append("</Types>");
    String rels = head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "</Relationships>";
    Map<String, String> parts = new java.util.LinkedHashMap<>();
    parts.put("[Content_Types].xml", types.toString());
    parts.put("_rels/.rels", rels);
    parts.put("word/document.xml", head + "<w:document xmlns:w=\"" + w + "\"><w:body>" + body + "</w:body></w:document>");
    if (settings != null) {
      parts.put("word/settings.xml", head + "<w:settings xmlns:w=\"" + w + "\">" + settings + "</w:settings>");
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Map.Entry<String, String> e : parts.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out;
  }

  /** A DOCX encrypted with a password (agile encryption, as Word does it). */
  public static Path encryptedDocx(Path out, String password, String text) throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText(text);
      doc.write(plain);
    }
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword(password);
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(plain.toByteArray());
      }
      Files.createDirectories(out.toAbsolutePath().getParent());
      try (OutputStream os = Files.newOutputStream(out)) {
        fs.writeFilesystem(os);
      }
    }
    return out;
  }

  /** An XLSX with one sheet; cells are numbers when given as {@link Number}, text otherwise. */
  public static Path xlsx(Path out, String sheetName, Object[][] rows) throws IOException {
    return xlsx(out, sheetName, null, rows);
  }

  /** As {@link #xlsx(Path, String, Object[][])}, with creation and modification dates. */
  public static Path xlsx(Path out, String sheetName, Instant created, Object[][] rows)
      throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      if (created != null) {
        wb.getProperties().getCoreProperties().setCreated(java.util.Optional.of(Date.from(created)));
        wb.getProperties().getCoreProperties().setModified(java.util.Optional.of(Date.from(created)));
      }
      XSSFSheet sheet = wb.createSheet(sheetName);
      for (int r = 0; r < rows.length; r++) {
        XSSFRow row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          Object v = rows[r][c];
          if (v instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else {
            row.createCell(c).setCellValue(String.valueOf(v));
          }
        }
      }
      Files.createDirectories(out.toAbsolutePath().getParent());
      try (OutputStream os = Files.newOutputStream(out)) {
        wb.write(os);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- mail

  /** An attachment: file name, media type, bytes. */
  public record Attachment(String name, String mediaType, byte[] bytes) {}

  public static byte[] email(
      String from, String to, String subject, Instant sent, String body, Attachment... attachments)
      throws Exception {
    Session session = Session.getInstance(new Properties());
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(from));
    m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    m.setSubject(subject, "UTF-8");
    m.setSentDate(Date.from(sent));
    if (attachments.length == 0) {
      m.setText(body, "UTF-8");
    } else {
      MimeMultipart mp = new MimeMultipart();
      MimeBodyPart text = new MimeBodyPart();
      text.setText(body, "UTF-8");
      mp.addBodyPart(text);
      for (Attachment a : attachments) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.mediaType())));
        part.setFileName(a.name());
        mp.addBodyPart(part);
      }
      m.setContent(mp);
    }
    m.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }

  public static Path eml(Path out, byte[] message) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, message);
    return out;
  }

  /** An mbox holding the messages, each after a {@code From } separator line. */
  public static Path mbox(Path out, List<byte[]> messages) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] m : messages) {
      all.write("From sender@example.org Mon Jan  1 00:00:00 2024\n".getBytes(StandardCharsets.US_ASCII));
      String text = new String(m, StandardCharsets.UTF_8).replace("\r\n", "\n");
      all.write(text.replaceAll("(?m)^From ", ">From ").getBytes(StandardCharsets.UTF_8));
      all.write("\n".getBytes(StandardCharsets.US_ASCII));
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, all.toByteArray());
    return out;
  }

  // ---------------------------------------------------------------- archives

  /** A ZIP whose entries have exactly the given names (hostile ones included). */
  public static Path zip(Path out, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zos.putNextEntry(new ZipEntry(e.getKey()));
        zos.write(e.getValue());
        zos.closeEntry();
      }
    }
    return out;
  }

  /** A ZIP with one entry of {@code size} zero bytes: tiny on disk, huge unpacked. */
  public static Path zeroBomb(Path out, String entry, long size) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
      zos.setLevel(9);
      zos.putNextEntry(new ZipEntry(entry));
      byte[] zeros = new byte[1 << 20];
      for (long left = size; left > 0; left -= zeros.length) {
        zos.write(zeros, 0, (int) Math.min(zeros.length, left));
      }
      zos.closeEntry();
    }
    return out;
  }

  public static Path tarGz(Path out, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(out)))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return out;
  }

  /** A plain tar with files, symbolic links (name to target) and hard links (name to an earlier entry). */
  public static Path tar(Path out, Map<String, byte[]> files, Map<String, String> symlinks, Map<String, String> hardLinks)
      throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
      for (Map.Entry<String, String> e : symlinks.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
        entry.setLinkName(e.getValue());
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
      }
      for (Map.Entry<String, String> e : hardLinks.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), org.apache.commons.compress.archivers.tar.TarConstants.LF_LINK);
        entry.setLinkName(e.getValue());
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
      }
    }
    return out;
  }

  public static Path sevenZ(Path out, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (SevenZOutputFile z = new SevenZOutputFile(out.toFile())) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        SevenZArchiveEntry entry = new SevenZArchiveEntry();
        entry.setName(e.getKey());
        entry.setSize(e.getValue().length);
        // Tika 3.3 fails on 7z entries without a modification time; 7-Zip always writes one
        entry.setLastModifiedDate(new java.util.Date(1_700_000_000_000L));
        z.putArchiveEntry(entry);
        z.write(e.getValue());
        z.closeArchiveEntry();
      }
    }
    return out;
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  public static Path text(Path out, String text) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
    return out;
  }
}
