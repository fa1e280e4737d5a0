package org.dossier.verify;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Office forensics on OOXML originals: tracked changes, comments, hidden text and hidden
 * sheets read from the package's XML, the document properties (revision, edit time, last
 * author, template, dates), the rsidRoot that ties DOCX versions of one file together, and the
 * arithmetic of spreadsheet tables (quantity × unit price = line total; lines sum to the total).
 */
final class OfficeChecks {
  private OfficeChecks() {}

  /** Largest XML part read. */
  static final int MAX_PART = 32 << 20;


  /** Adds the package's signals to {@code out}; returns a DOCX's rsidRoot, which ties it to files of one origin. */
  static Optional<String> run(Subject s, List<Signal> out) throws IOException {
    if (s.original().isEmpty()) {
      return Optional.empty();
    }
    String type = s.mediaType();
    boolean docx = type.contains("wordprocessingml");
    boolean xlsx = type.contains("spreadsheetml");
    if (!docx && !xlsx) {
      return Optional.empty();
    }
    Optional<String> rsidRoot = Optional.empty();
    try (ZipFile zip = new ZipFile(s.original().get().toFile())) {
      if (docx) {
        Optional<String> body = part(zip, "word/document.xml");
        if (body.isPresent()) {
          tracked(s, body.get(), out);
          hidden(s, body.get(), out);
        }
        part(zip, "word/comments.xml").ifPresent(c -> comments(s, c, out));
        rsidRoot = part(zip, "word/settings.xml").flatMap(OfficeXml::rsidRoot);
      }
      if (xlsx) {
        part(zip, "xl/workbook.xml").ifPresent(w -> {
          List<String> hidden = OfficeXml.hiddenSheets(w);
          if (!hidden.isEmpty()) {
            out.add(Signal.of(s.id(), "hidden_sheet", "The workbook hides " + hidden.size() + " sheet(s): "
                + String.join(", ", hidden) + ".", Map.of("sheets", hidden)));
          }
        });
      }
    } catch (java.util.zip.ZipException e) {
      return Optional.empty(); // not a package after all: extraction has said what it is
    }
    if (xlsx) {
      arithmetic(s, out);
    }
    return rsidRoot;
  }

  private static Optional<String> part(ZipFile zip, String name) throws IOException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      return Optional.empty();
    }
    try (InputStream in = zip.getInputStream(e)) {
      return Optional.of(new String(in.readNBytes(MAX_PART), StandardCharsets.UTF_8));
    }
  }

  private static void tracked(Subject s, String body, List<Signal> out) {
    List<Map<String, Object>> changes = new ArrayList<>();
    Set<String> authors = new LinkedHashSet<>();
    for (OfficeXml.Marked m : OfficeXml.tracked(body, 10_000)) {
      authors.add(m.author());
      if (changes.size() < 30) {
        changes.add(Map.of("type", m.kind().equals("w:ins") ? "inserted" : "deleted", "author", m.author(), "text", m.text()));
      }
    }
    if (!changes.isEmpty()) {
      out.add(Signal.of(s.id(), "tracked_changes", "The document holds tracked changes by " + String.join(", ", authors)
          + ", such as " + changes.get(0).get("type") + " \"" + changes.get(0).get("text") + "\".",
          Map.of("changes", changes, "authors", List.copyOf(authors))));
    }
  }

  private static void hidden(Subject s, String body, List<Signal> out) {
    List<String> texts = OfficeXml.hidden(body, 20);
    if (!texts.isEmpty()) {
      out.add(Signal.of(s.id(), "hidden_text", "The document hides text: \"" + texts.get(0) + "\".",
          Map.of("texts", texts)));
    }
  }

  private static void comments(Subject s, String xml, List<Signal> out) {
    List<Map<String, Object>> comments = new ArrayList<>();
    for (OfficeXml.Marked m : OfficeXml.comments(xml, 30)) {
      comments.add(Map.of("author", m.author(), "text", m.text()));
    }
    if (!comments.isEmpty()) {
      out.add(Signal.of(s.id(), "comments", comments.size() + " comment(s), the first by " + comments.get(0).get("author")
          + ": \"" + comments.get(0).get("text") + "\".", Map.of("comments", comments)));
    }
  }

  // ------------------------------------------------------------------ table arithmetic

  private static final Pattern QTY = Pattern.compile("(?iu)\\b(?:qty|quantity|number|units|кол-?во|количество|数量)\\b|кол\\.");
  private static final Pattern PRICE = Pattern.compile("(?iu)unit price|price|цена|单价|rate");
  private static final Pattern LINE_TOTAL = Pattern.compile("(?iu)\\b(?:total|amount|sum|line total|сумма|стоимость|итого|金额|总价)\\b");
  private static final Pattern TOTAL_ROW = Pattern.compile("(?iu)^\\s*(?:total|grand total|итого|всего|合计|总计)\\b");
  private static final BigDecimal TOLERANCE = new BigDecimal("0.005");

  private static void arithmetic(Subject s, List<Signal> out) throws IOException {
    DataFormatter fmt = new DataFormatter(java.util.Locale.ROOT);
    try (InputStream in = java.nio.file.Files.newInputStream(s.original().get());
        Workbook wb = new XSSFWorkbook(in)) {
      for (Sheet sheet : wb) {
        int qtyCol = -1;
        int priceCol = -1;
        int totalCol = -1;
        BigDecimal sum = BigDecimal.ZERO;
        int lines = 0;
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Row row : sheet) {
          if (row.getRowNum() > 5_000) {
            break;
          }
          if (totalCol < 0) {
            for (Cell c : row) {
              String t = fmt.formatCellValue(c);
              if (qtyCol < 0 && QTY.matcher(t).find()) {
                qtyCol = c.getColumnIndex();
              } else if (priceCol < 0 && PRICE.matcher(t).find()) {
                priceCol = c.getColumnIndex();
              } else if (totalCol < 0 && LINE_TOTAL.matcher(t).find()) {
                totalCol = c.getColumnIndex();
              }
            }
            if (totalCol < 0) {
              qtyCol = -1;
              priceCol = -1;
            }
            continue;
          }
          String label = row.getCell(0) == null ? "" : fmt.formatCellValue(row.getCell(0));
          Optional<BigDecimal> total = number(row.getCell(totalCol));
          boolean totalRow = false;
          for (Cell c : row) {
            if (c.getColumnIndex() < totalCol && TOTAL_ROW.matcher(fmt.formatCellValue(c)).find()) {
              totalRow = true;
            }
          }
          // a line whose item happens to start with "Total" still has its quantity and price
          if (totalRow && qtyCol >= 0 && priceCol >= 0 && number(row.getCell(qtyCol)).isPresent()
              && number(row.getCell(priceCol)).isPresent()) {
            totalRow = false;
          }
          if (totalRow) {
            if (total.isPresent() && lines > 0 && !close(sum, total.get())) {
              problems.add(Map.of("row", row.getRowNum() + 1, "stated", total.get().toPlainString(),
                  "sumOfLines", sum.toPlainString(), "what", "the lines do not sum to the stated total"));
            }
            break;
          }
          Optional<BigDecimal> q = qtyCol < 0 ? Optional.empty() : number(row.getCell(qtyCol));
          Optional<BigDecimal> p = priceCol < 0 ? Optional.empty() : number(row.getCell(priceCol));
          if (total.isPresent()) {
            sum = sum.add(total.get());
            lines++;
            if (q.isPresent() && p.isPresent()) {
              BigDecimal product = q.get().multiply(p.get());
              if (!close(product, total.get())) {
                problems.add(Map.of("row", row.getRowNum() + 1, "item", label, "quantity", q.get().toPlainString(),
                    "unitPrice", p.get().toPlainString(), "product", product.toPlainString(),
                    "stated", total.get().toPlainString(), "what", "quantity × unit price is not the line total"));
              }
            }
          }
        }
        if (!problems.isEmpty()) {
          out.add(Signal.of(s.id(), "table_arithmetic", "Sheet \"" + sheet.getSheetName() + "\": " + problems.size()
              + " figure(s) do not add up, e.g. " + problems.get(0).get("what") + " (row " + problems.get(0).get("row") + ").",
              Map.of("sheet", sheet.getSheetName(), "problems", problems)));
        }
      }
    } catch (RuntimeException e) {
      // a workbook POI cannot read: nothing to check
    }
  }

  private static boolean close(BigDecimal a, BigDecimal b) {
    BigDecimal max = a.abs().max(b.abs());
    if (max.signum() == 0) {
      return true;
    }
    return a.subtract(b).abs().divide(max, MathContext.DECIMAL64).compareTo(TOLERANCE) <= 0;
  }

  private static Optional<BigDecimal> number(Cell c) {
    if (c == null) {
      return Optional.empty();
    }
    CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    if (t == CellType.NUMERIC) {
      return Optional.of(BigDecimal.valueOf(c.getNumericCellValue()));
    }
    if (t == CellType.STRING) {
      // a figure typed as text, in whatever convention: the one number reader
      return org.dossier.analyze.Numbers.read(c.getStringCellValue(), "und");
    }
    return Optional.empty();
  }
}
