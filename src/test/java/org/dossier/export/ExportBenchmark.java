package org.dossier.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dossier.pipeline.CaseFolder;

/**
 * {@code ./bench export [CASE] [WORKDIR]}: each export format written from a copy of a case (the
 * case itself is never opened), beside the bare library writing the same rows: Commons CSV without
 * the export's folder/zip handling, POI's streaming workbook without styles, filters or cleaning,
 * a StAX writer straight to the file without {@link XmlText}, Jackson writing the FtM export's
 * own lines back out. Dossier's writers read the findings from the store as they stream; the bare
 * libraries write rows read into memory first (that reading timed on its own line). Prints
 * seconds per step and the sizes.
 */
public final class ExportBenchmark {
  private ExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args.length > 0 ? args[0] : "/tmp/dossier-bench/serve-case-5000");
    Path work = Path.of(args.length > 1 ? args[1] : "/tmp/dossier-bench/export");
    Path copy = work.resolve("case");
    if (!Files.isDirectory(copy)) {
      System.out.println("copying " + source + " to " + copy);
      copy(source, copy);
    }
    Path out = work.resolve("out");
    Files.createDirectories(out);
    try (CaseFolder folder = CaseFolder.open(copy, Clock.systemUTC())) {
      run(folder, out);
    }
  }

  /** A table's rows read into memory, for the bare writers. */
  private record Held(String name, List<String> header, List<List<String>> rows) {}

  private static void run(CaseFolder folder, Path out) throws Exception {
    long t0 = System.nanoTime();
    CaseExport c = CaseExport.read(folder);
    double read = secs(t0);
    System.out.printf(Locale.ROOT, "case: %d documents, %d entities, %d facts (%s)%n", c.documentCount(),
        c.entities().size(), c.factCount(), c.runLine());
    System.out.printf(Locale.ROOT, "read the case (documents, entities, labels) %7.1f s%n", read);
    t0 = System.nanoTime();
    List<Tables.Table> tables = Tables.of(c);
    System.out.printf(Locale.ROOT, "tables (the grid's first pass)              %7.1f s%n", secs(t0));
    t0 = System.nanoTime();
    List<Held> held = new java.util.ArrayList<>();
    for (Tables.Table t : tables) {
      List<List<String>> rows = new java.util.ArrayList<>();
      t.forEach((flagged, cells) -> rows.add(cells));
      held.add(new Held(t.name(), t.header(), rows));
    }
    double rowsRead = secs(t0);
    System.out.printf(Locale.ROOT, "rows read into memory for the bare writers (%,d rows) %5.1f s;"
        + " dossier's figures below include reading them as they stream%n",
        held.stream().mapToLong(t -> t.rows().size()).sum(), rowsRead);
    t0 = System.nanoTime();
    CaseGraph graph = CaseGraph.of(c);
    List<CaseGraph.Node> nodes = new java.util.ArrayList<>();
    graph.nodes().forEach(nodes::add);
    List<CaseGraph.Edge> edges = new java.util.ArrayList<>();
    graph.edges().forEach(edges::add);
    System.out.printf(Locale.ROOT, "graph (%,d nodes, %,d edges) read into memory %5.1f s%n", nodes.size(), edges.size(),
        secs(t0));

    t0 = System.nanoTime();
    CsvExport.write(tables, out.resolve("dossier-csv"), () -> { });
    double ours = secs(t0);
    t0 = System.nanoTime();
    Path bare = Files.createDirectories(out.resolve("bare-csv"));
    for (Held t : held) {
      try (Writer w = Files.newBufferedWriter(bare.resolve(t.name() + ".csv"), StandardCharsets.UTF_8);
          CSVPrinter p = new CSVPrinter(w, CsvExport.FORMAT)) {
        p.printRecord(t.header());
        p.printRecords(t.rows());
      }
    }
    line("csv", ours, secs(t0), size(out.resolve("dossier-csv")));

    t0 = System.nanoTime();
    XlsxExport.write(tables, out.resolve("dossier.xlsx"), () -> { });
    ours = secs(t0);
    t0 = System.nanoTime();
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream o = Files.newOutputStream(out.resolve("bare.xlsx"))) {
      for (Held t : held) {
        SXSSFSheet s = wb.createSheet(t.name());
        int r = 0;
        for (List<String> row : prepend(t.header(), t.rows())) {
          Row x = s.createRow(r++);
          for (int i = 0; i < row.size(); i++) {
            x.createCell(i).setCellValue(row.get(i).length() > 32_767 ? row.get(i).substring(0, 32_767) : row.get(i));
          }
        }
      }
      wb.write(o);
    }
    line("xlsx", ours, secs(t0), Files.size(out.resolve("dossier.xlsx")));

    t0 = System.nanoTime();
    try (Writer w = writer(out.resolve("dossier.gexf"))) {
      GexfExport.write(graph, w);
    }
    ours = secs(t0);
    t0 = System.nanoTime();
    try (Writer w = writer(out.resolve("bare.gexf"))) {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("gexf");
      x.writeDefaultNamespace(GexfExport.NS);
      x.writeStartElement("graph");
      x.writeStartElement("nodes");
      for (CaseGraph.Node n : nodes) {
        x.writeStartElement("node");
        x.writeAttribute("id", n.id());
        x.writeAttribute("label", n.label());
        x.writeStartElement("attvalues");
        for (int i = 0; i < CaseGraph.NODE_KEYS.size(); i++) {
          x.writeEmptyElement("attvalue");
          x.writeAttribute("for", Integer.toString(i));
          x.writeAttribute("value", n.value(CaseGraph.NODE_KEYS.get(i)));
        }
        x.writeEndElement();
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeStartElement("edges");
      for (CaseGraph.Edge e : edges) {
        x.writeStartElement("edge");
        x.writeAttribute("id", e.id());
        x.writeAttribute("source", e.source());
        x.writeAttribute("target", e.target());
        x.writeStartElement("attvalues");
        for (int i = 0; i < CaseGraph.EDGE_KEYS.size(); i++) {
          x.writeEmptyElement("attvalue");
          x.writeAttribute("for", Integer.toString(i));
          x.writeAttribute("value", e.value(CaseGraph.EDGE_KEYS.get(i)));
        }
        x.writeEndElement();
        x.writeEndElement();
      }
      x.writeEndDocument();
      x.close();
    }
    line("gexf", ours, secs(t0), Files.size(out.resolve("dossier.gexf")));

    t0 = System.nanoTime();
    try (Writer w = writer(out.resolve("dossier.graphml"))) {
      GraphmlExport.write(graph, w);
    }
    System.out.printf(Locale.ROOT, "%-8s dossier %6.1f s                    %,12d bytes%n", "graphml", secs(t0),
        Files.size(out.resolve("dossier.graphml")));

    t0 = System.nanoTime();
    try (Writer w = writer(out.resolve("dossier.ftm.json"))) {
      FtmExport.write(c, w);
    }
    ours = secs(t0);
    List<String> lines = Files.readAllLines(out.resolve("dossier.ftm.json"), StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    List<Map<?, ?>> entities = new java.util.ArrayList<>(lines.size());
    for (String l : lines) {
      entities.add(json.readValue(l, Map.class));
    }
    t0 = System.nanoTime();
    try (Writer w = writer(out.resolve("bare.ftm.json"))) {
      for (Map<?, ?> e : entities) {
        w.write(json.writeValueAsString(e));
        w.write('\n');
      }
    }
    line("ftm", ours, secs(t0), Files.size(out.resolve("dossier.ftm.json")));
    System.out.printf(Locale.ROOT, "(ftm: %,d entities; dossier's time includes building them and the SHA-1 of every stored original)%n",
        lines.size());
  }

  private static List<List<String>> prepend(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new java.util.ArrayList<>(rows.size() + 1);
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static void line(String what, double ours, double bare, long bytes) {
    System.out.printf(Locale.ROOT, "%-8s dossier %6.1f s   bare library %6.1f s   %,12d bytes%n", what, ours, bare, bytes);
  }

  private static Writer writer(Path p) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16);
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static long size(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!file.getFileName().toString().equals("write.lock") && !file.getFileName().toString().endsWith(".lock")) {
          Files.copy(file, to.resolve(from.relativize(file).toString()));
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
