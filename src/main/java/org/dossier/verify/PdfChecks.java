package org.dossier.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF forensics with PDFBox on the original bytes: incremental updates and the text of each
 * earlier revision against the final, the trailer /ID pair, Info against XMP metadata, XMP history,
 * bytes after the last %%EOF, active content (JavaScript, embedded files, launch actions), and the
 * fonts used.
 */
final class PdfChecks {
  private PdfChecks() {}

  /** Revisions recovered at most; a file with hundreds of updates is reported, not re-read. */
  static final int MAX_REVISIONS = 20;
  private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

  static void run(Subject s, List<Signal> out) throws IOException {
    if (s.original().isEmpty() || !s.mediaType().startsWith("application/pdf")) {
      return;
    }
    java.nio.file.Path file = s.original().get();
    List<Long> ends = eofs(file);
    if (ends.isEmpty()) {
      return;
    }
    String finalText;
    // read from the file, with PDFBox's buffers in temporary files: a 300 MB PDF costs disk, not heap
    try (PDDocument doc = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
      finalText = text(doc);
      ids(s, doc, out);
      infoAgainstXmp(s, doc, out);
      fonts(s, doc, out);
      active(s, doc, out);
    } catch (IOException e) {
      return; // encrypted or broken: extraction has already said so
    }
    long size = Files.size(file);
    long last = ends.get(ends.size() - 1);
    long trailing = 0;
    try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      in.skipNBytes(last);
      for (int c = in.read(); c >= 0 && trailing < 1_000_000; c = in.read()) {
        if (!Character.isWhitespace(c)) {
          trailing++;
        }
      }
    }
    if (trailing > 0) {
      out.add(Signal.of(s.id(), "pdf_trailing_bytes", trailing + " bytes follow the last %%EOF.",
          Map.of("offset", last, "bytes", size - last)));
    }
    if (ends.size() > 1) {
      List<Map<String, Object>> revisions = new ArrayList<>();
      for (int i = 0; i < ends.size(); i++) {
        revisions.add(Map.of("revision", i + 1, "endOffset", ends.get(i)));
      }
      out.add(Signal.of(s.id(), "pdf_incremental_update", "The file was saved " + ends.size()
          + " times: " + (ends.size() - 1) + " incremental update(s) follow the first version.",
          Map.of("revisions", revisions)));
      for (int i = 0; i < Math.min(ends.size() - 1, MAX_REVISIONS); i++) {
        String earlier;
        // an earlier revision is the file up to its %%EOF, copied to a temporary file: disk, not heap
        java.nio.file.Path prefix = Files.createTempFile("dossier-revision", ".pdf");
        try {
          try (java.io.InputStream in = Files.newInputStream(file);
              java.io.OutputStream o = Files.newOutputStream(prefix)) {
            org.apache.commons.io.IOUtils.copyLarge(in, o, 0, ends.get(i));
          }
          try (PDDocument doc = Loader.loadPDF(prefix.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            earlier = text(doc);
          }
        } catch (IOException e) {
          continue;
        } finally {
          Files.deleteIfExists(prefix);
        }
        if (!earlier.strip().equals(finalText.strip())) {
          Set<String> before = Diff.numbers(earlier);
          Set<String> after = Diff.numbers(finalText);
          Set<String> removed = new TreeSet<>(before);
          removed.removeAll(after);
          Set<String> added = new TreeSet<>(after);
          added.removeAll(before);
          Map<String, Object> ev = new LinkedHashMap<>();
          ev.put("revision", i + 1);
          ev.put("endOffset", ends.get(i));
          ev.put("numbersRemoved", List.copyOf(removed));
          ev.put("numbersAdded", List.copyOf(added));
          ev.put("diff", Diff.lines(earlier, finalText, 12));
          out.add(Signal.of(s.id(), "pdf_revision_changed_text", "The text of revision " + (i + 1)
              + " differs from the final one" + (removed.isEmpty() && added.isEmpty() ? "."
              : ": numbers " + removed + " became " + added + "."), ev));
        }
      }
    }
  }

  private static String text(PDDocument doc) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setEndPage(Math.min(doc.getNumberOfPages(), 200));
    return stripper.getText(doc);
  }


  /** Offsets just after each %%EOF marker (and its line end), read in blocks: any size of file. */
  static List<Long> eofs(java.nio.file.Path file) throws IOException {
    List<Long> out = new ArrayList<>();
    try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      int matched = 0;
      long pos = 0;
      long pending = -1; // just after a marker, while its line end is read
      for (int c = in.read(); c >= 0; c = in.read(), pos++) {
        if (pending >= 0) {
          if (c == '\r' || c == '\n') {
            pending = pos + 1;
            continue;
          }
          out.add(pending);
          pending = -1;
        }
        // "%%EOF": after a mismatch, a '%' may still begin one ("%%%EOF")
        matched = c == EOF[matched] ? matched + 1 : c == '%' ? (matched == 2 ? 2 : 1) : 0;
        if (matched == EOF.length) {
          pending = pos + 1;
          matched = 0;
        }
      }
      if (pending >= 0) {
        out.add(pending);
      }
    }
    return out;
  }

  private static void ids(Subject s, PDDocument doc, List<Signal> out) {
    COSBase id = doc.getDocument().getTrailer().getDictionaryObject(COSName.ID);
    if (id instanceof COSArray a && a.size() == 2 && a.getObject(0) instanceof COSString x
        && a.getObject(1) instanceof COSString y && !x.toHexString().equals(y.toHexString())) {
      out.add(Signal.of(s.id(), "pdf_id_mismatch", "The trailer's two IDs differ: the file was saved again after it was first written.",
          Map.of("first", x.toHexString(), "second", y.toHexString())));
    }
  }

  private static void infoAgainstXmp(Subject s, PDDocument doc, List<Signal> out) throws IOException {
    PDMetadata meta = doc.getDocumentCatalog().getMetadata();
    if (meta == null) {
      return;
    }
    String xmp;
    try (var in = meta.createInputStream()) {
      xmp = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
    }
    Xmp.Fields xf = Xmp.read(xmp);
    Map<String, String> fields = xf.values();
    PDDocumentInformation info = doc.getDocumentInformation();
    Map<String, Object> differ = new LinkedHashMap<>();
    compare(differ, "producer", info.getProducer(), fields.get("pdf:Producer"));
    compare(differ, "creator", info.getCreator(), fields.get("xmp:CreatorTool"));
    compareDate(differ, "created", info.getCreationDate(), fields.get("xmp:CreateDate"));
    compareDate(differ, "modified", info.getModificationDate(), fields.get("xmp:ModifyDate"));
    List<String> history = xf.history();
    boolean derived = xf.derived();
    if (!history.isEmpty() || derived) {
      out.add(Signal.of(s.id(), "xmp_history", "The XMP metadata keeps an editing history"
          + (derived ? " and names the document it was derived from" : "") + ": " + history + ".",
          Map.of("history", history, "derivedFrom", derived)));
    }
    if (!differ.isEmpty()) {
      Map<String, Object> ev = new LinkedHashMap<>(differ);
      ev.put("xmpHistory", history);
      ev.put("derivedFrom", derived);
      out.add(Signal.of(s.id(), "info_xmp_mismatch", "The Info dictionary and the XMP metadata disagree on "
          + String.join(", ", differ.keySet()) + ".", ev));
    }
  }

  private static void compare(Map<String, Object> differ, String field, String info, String xmp) {
    if (info != null && xmp != null && !info.isBlank() && !xmp.isBlank() && !info.strip().equals(xmp.strip())) {
      differ.put(field, Map.of("info", info.strip(), "xmp", xmp.strip()));
    }
  }

  private static void compareDate(Map<String, Object> differ, String field, java.util.Calendar info, String xmp) {
    if (info == null || xmp == null || xmp.isBlank()) {
      return;
    }
    Optional<java.time.Instant> x = Dates.parse(xmp);
    java.time.Instant i = info.toInstant();
    if (x.isPresent() && Math.abs(x.get().getEpochSecond() - i.getEpochSecond()) > 120) {
      differ.put(field, Map.of("info", i.toString(), "xmp", x.get().toString()));
    }
  }

  private static void fonts(Subject s, PDDocument doc, List<Signal> out) throws IOException {
    Set<String> fonts = new TreeSet<>();
    int pages = 0;
    for (PDPage page : doc.getPages()) {
      if (++pages > 50) {
        break;
      }
      PDResources r = page.getResources();
      if (r == null) {
        continue;
      }
      for (COSName n : r.getFontNames()) {
        try {
          var f = r.getFont(n);
          if (f != null && f.getName() != null) {
            fonts.add(f.getName());
          }
        } catch (IOException e) {
          fonts.add(n.getName() + " (unreadable)");
        }
      }
    }
    if (!fonts.isEmpty()) {
      out.add(Signal.of(s.id(), "pdf_fonts", "The file uses " + fonts.size() + " font(s): " + String.join(", ", fonts) + ".",
          Map.of("fonts", List.copyOf(fonts))));
    }
  }

  /** Objects read at most when looking for active content. */
  static final int MAX_OBJECTS = 50_000;

  /** JavaScript, launch and submit actions, embedded files and rich media, from the parsed objects. */
  private static void active(Subject s, PDDocument doc, List<Signal> out) {
    Map<String, Integer> found = new LinkedHashMap<>();
    int seen = 0;
    for (org.apache.pdfbox.cos.COSObjectKey key : doc.getDocument().getXrefTable().keySet()) {
      if (++seen > MAX_OBJECTS) {
        break;
      }
      COSBase o = doc.getDocument().getObjectFromPool(key).getObject();
      if (!(o instanceof org.apache.pdfbox.cos.COSDictionary d)) {
        continue;
      }
      if (d.containsKey(COSName.JS)) {
        found.merge("JavaScript", 1, Integer::sum);
      }
      COSName sub = d.getCOSName(COSName.S);
      if (sub != null && Set.of("JavaScript", "Launch", "SubmitForm", "ImportData").contains(sub.getName())) {
        found.merge(sub.getName(), 1, Integer::sum);
      }
      COSName type = d.getCOSName(COSName.TYPE);
      if (type != null && (type.getName().equals("EmbeddedFile") || type.getName().equals("RichMedia"))) {
        found.merge(type.getName(), 1, Integer::sum);
      }
    }
    if (!found.isEmpty()) {
      out.add(Signal.of(s.id(), "pdf_active_content", "The file holds active content: "
          + String.join(", ", found.keySet()) + ".", Map.of("objects", found)));
    }
  }
}
