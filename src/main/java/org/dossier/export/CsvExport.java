package org.dossier.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The tables as CSV (RFC 4180: CRLF line ends, fields quoted where they need it, UTF-8 without a
 * byte-order mark), one {@code <table>.csv} per table, in a folder or in a zip (when the path ends
 * in {@code .zip}). Cells are written as they are: a cell that begins with {@code =} is data, not a
 * formula, to any reader that imports CSV as text.
 */
public final class CsvExport {
  /** RFC 4180 with the header written from the table. */
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

  private CsvExport() {}

  /**
   * Writes the tables to {@code target}: a zip when it ends in {@code .zip}, otherwise a folder.
   * Every table is written aside first; only when all are and {@code ready} passes do they replace
   * what the target held, so a failure half-way leaves the target as it was.
   */
  public static void write(List<Tables.Table> tables, Path target, CaseExport.Check ready) throws IOException {
    if (target.getFileName() != null && target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      zip(tables, target, ready);
    } else {
      folder(tables, target, ready);
    }
  }

  static void folder(List<Tables.Table> tables, Path dir, CaseExport.Check ready) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is a file; CSV needs a folder, or a path ending in .zip");
    }
    Files.createDirectories(dir);
    List<Path> written = new java.util.ArrayList<>();
    try {
      for (Tables.Table t : tables) {
        Path tmp = dir.resolve("." + t.name() + ".csv.tmp");
        written.add(tmp);
        try (OutputStream out = Files.newOutputStream(tmp)) {
          table(t, out);
        }
      }
      ready.check();
      for (int i = 0; i < tables.size(); i++) {
        Files.move(written.get(i), dir.resolve(tables.get(i).name() + ".csv"), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      for (Path tmp : written) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  static void zip(List<Tables.Table> tables, Path zip, CaseExport.Check ready) throws IOException {
    org.dossier.core.UserFile.write(zip, "export", bytes -> {
      try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
        for (Tables.Table t : tables) {
          ZipEntry e = new ZipEntry(t.name() + ".csv");
          e.setTime(0L);
          out.putNextEntry(e);
          table(t, out);
          out.closeEntry();
        }
      }
    }, ready::check);
  }

  /** One table as CSV on {@code out}, which stays open. */
  public static void table(Tables.Table t, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter p = new CSVPrinter(w, FORMAT);
    p.printRecord(t.header());
    t.forEach((flagged, row) -> p.printRecord(row));
    p.flush();
  }
}
