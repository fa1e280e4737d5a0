package org.dossier.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The tables as one xlsx workbook (POI, streamed: a window of rows in memory), a sheet per table:
 * the header row bold, frozen and filterable, the rows of disputed facts and events (conflict,
 * divergent) filled in a warning colour. Every cell is a text cell, so nothing in a document is
 * read as a formula. A control character a sheet cannot hold is written as U+FFFD (the CSV export
 * keeps it). What does not fit a sheet (a cell over 32,767 characters, more than 16,384
 * columns or 1,048,576 rows) is cut, and the {@code about} sheet says where.
 */
public final class XlsxExport {
  static final SpreadsheetVersion LIMITS = SpreadsheetVersion.EXCEL2007;
  /** The fill of a disputed row. */
  public static final IndexedColors DISPUTED = IndexedColors.LIGHT_ORANGE;

  private XlsxExport() {}

  public static void write(List<Tables.Table> tables, Path target) throws IOException {
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException(target + " is a folder; xlsx needs a file name");
    }
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".export", ".xlsx.tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(tables, out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void write(List<Tables.Table> tables, OutputStream out) throws IOException {
    List<String> cuts = cuts(tables);
    SXSSFWorkbook wb = new SXSSFWorkbook(200);
    try {
      wb.setCompressTempFiles(true);
      Font bold = wb.createFont();
      bold.setBold(true);
      CellStyle head = wb.createCellStyle();
      head.setFont(bold);
      head.setWrapText(true);
      CellStyle plain = wb.createCellStyle();
      plain.setWrapText(true);
      CellStyle flagged = wb.createCellStyle();
      flagged.setWrapText(true);
      flagged.setFillForegroundColor(DISPUTED.getIndex());
      flagged.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      for (Tables.Table t : tables) {
        List<List<String>> rows = t.rows();
        if (t.name().equals("about") && !cuts.isEmpty()) {
          rows = new ArrayList<>(rows);
          for (String c : cuts) {
            rows.add(List.of("cut", c));
          }
        }
        sheet(wb, t, rows, head, plain, flagged);
      }
      wb.write(out);
    } finally {
      wb.close(); // also deletes the streamed sheets' temporary files
    }
  }

  private static void sheet(SXSSFWorkbook wb, Tables.Table t, List<List<String>> rows, CellStyle head, CellStyle plain,
      CellStyle flagged) {
    SXSSFSheet sheet = wb.createSheet(t.name());
    int columns = Math.min(t.header().size(), LIMITS.getMaxColumns());
    int count = Math.min(rows.size(), LIMITS.getMaxRows() - 1);
    for (int c = 0; c < columns; c++) {
      sheet.setColumnWidth(c, 24 * 256);
    }
    Row h = sheet.createRow(0);
    for (int c = 0; c < columns; c++) {
      var cell = h.createCell(c);
      cell.setCellValue(fit(t.header().get(c)));
      cell.setCellStyle(head);
    }
    sheet.createFreezePane(0, 1);
    if (columns > 0) {
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, count), 0, columns - 1));
    }
    for (int r = 0; r < count; r++) {
      Row row = sheet.createRow(r + 1);
      CellStyle style = t.isFlagged(r) ? flagged : plain;
      List<String> cells = rows.get(r);
      for (int c = 0; c < columns; c++) {
        var cell = row.createCell(c);
        cell.setCellValue(fit(cells.get(c)));
        cell.setCellStyle(style);
      }
    }
  }

  /**
   * A cell's text as a sheet can hold it: what XML cannot hold (control characters but tab, line
   * feed and carriage return) as U+FFFD, and within the sheet's length, said to be cut where it is.
   */
  static String fit(String text) {
    String s = XmlText.clean(text);
    int max = LIMITS.getMaxTextLength();
    if (s.length() <= max) {
      return s;
    }
    String note = " [cut: " + s.length() + " characters]";
    return s.substring(0, max - note.length()) + note;
  }

  private static List<String> cuts(List<Tables.Table> tables) {
    List<String> out = new ArrayList<>();
    for (Tables.Table t : tables) {
      if (t.header().size() > LIMITS.getMaxColumns()) {
        out.add(t.name() + ": " + t.header().size() + " columns, the sheet holds the first " + LIMITS.getMaxColumns()
            + "; the CSV export has them all");
      }
      if (t.rows().size() > LIMITS.getMaxRows() - 1) {
        out.add(t.name() + ": " + t.rows().size() + " rows, the sheet holds the first " + (LIMITS.getMaxRows() - 1)
            + "; the CSV export has them all");
      }
      boolean cut = t.rows().stream().anyMatch(r -> r.stream().anyMatch(s -> s.length() > LIMITS.getMaxTextLength()));
      if (cut) {
        out.add(t.name() + ": cells over " + LIMITS.getMaxTextLength() + " characters are cut (marked in the cell)");
      }
    }
    return out;
  }
}
