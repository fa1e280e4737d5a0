package org.dossier.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Writes the workbook aside, then, when {@code ready} passes, in place of what {@code target} held. */
  public static void write(List<Tables.Table> tables, Path target, CaseExport.Check ready) throws IOException {
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException(target + " is a folder; xlsx needs a file name");
    }
    org.dossier.core.UserFile.write(target, "export", out -> write(tables, out), ready::check);
  }

  public static void write(List<Tables.Table> tables, OutputStream out) throws IOException {
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
      List<String> cuts = new ArrayList<>();
      Sheet about = null;
      for (Tables.Table t : tables) {
        Sheet s = sheet(wb, t, head, plain, flagged, cuts);
        if (t.name().equals("about")) {
          about = s;
        }
      }
      if (about != null && !cuts.isEmpty()) {
        // known once every table is written; a streamed sheet takes rows below its last at any time
        for (String c : cuts) {
          about.add(List.of("cut", c), plain);
        }
        about.filter();
      }
      wb.write(out);
    } finally {
      wb.close(); // also deletes the streamed sheets' temporary files
    }
  }

  /** A sheet being written: its rows within the sheet's limits, counted. */
  private static final class Sheet {
    final SXSSFSheet sheet;
    final int columns;
    int rows;

    Sheet(SXSSFSheet sheet, int columns) {
      this.sheet = sheet;
      this.columns = columns;
    }

    /** Writes a row below the last, if the sheet has room. */
    void add(List<String> cells, CellStyle style) {
      if (rows >= LIMITS.getMaxRows() - 1) {
        return;
      }
      Row row = sheet.createRow(++rows);
      for (int c = 0; c < columns; c++) {
        var cell = row.createCell(c);
        cell.setCellValue(fit(cells.get(c)));
        cell.setCellStyle(style);
      }
    }

    /** The header's filter over the rows written. */
    void filter() {
      if (columns > 0) {
        sheet.setAutoFilter(new CellRangeAddress(0, rows, 0, columns - 1));
      }
    }
  }

  /**
   * Writes a table as its rows stream, and adds to {@code cuts} what of it the sheet could not
   * hold: columns past the sheet's last, rows past its last, cells over its length.
   */
  private static Sheet sheet(SXSSFWorkbook wb, Tables.Table t, CellStyle head, CellStyle plain, CellStyle flagged,
      List<String> cuts) throws IOException {
    Sheet s = new Sheet(wb.createSheet(t.name()), Math.min(t.header().size(), LIMITS.getMaxColumns()));
    for (int c = 0; c < s.columns; c++) {
      s.sheet.setColumnWidth(c, 24 * 256);
    }
    Row h = s.sheet.createRow(0);
    for (int c = 0; c < s.columns; c++) {
      var cell = h.createCell(c);
      cell.setCellValue(fit(t.header().get(c)));
      cell.setCellStyle(head);
    }
    s.sheet.createFreezePane(0, 1);
    long[] all = {0};
    boolean[] cut = {false};
    t.forEach((flag, cells) -> {
      all[0]++;
      s.add(cells, flag ? flagged : plain);
      for (String c : cells) {
        cut[0] |= c.length() > LIMITS.getMaxTextLength();
      }
    });
    s.filter();
    if (t.header().size() > LIMITS.getMaxColumns()) {
      cuts.add(t.name() + ": " + t.header().size() + " columns, the sheet holds the first " + LIMITS.getMaxColumns()
          + "; the CSV export has them all");
    }
    if (all[0] > LIMITS.getMaxRows() - 1) {
      cuts.add(t.name() + ": " + all[0] + " rows, the sheet holds the first " + (LIMITS.getMaxRows() - 1)
          + "; the CSV export has them all");
    }
    if (cut[0]) {
      cuts.add(t.name() + ": cells over " + LIMITS.getMaxTextLength() + " characters are cut (marked in the cell)");
    }
    return s;
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
}
