package org.dossier.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The writers on hand-made tables and graphs whose every string is hostile. */
class ExportWritersTest {
  /** Markup, quotes, a formula, both line ends, a tab, Cyrillic, Chinese, an emoji (a surrogate pair). */
  static final String HOSTILE = "<b>&amp;</b> \"q\" 'a', =SUM(A1)\r\nline 2\nКестрел-9М\t红隼 \uD83D\uDEA2";
  /** What XML cannot hold (ESC, NUL, a lone surrogate) and what a terminal must not get raw (a bidi override, a C1 control). */
  static final String CONTROLS = "a\u001b[2Jb\u0000c\uD800d\u202ee\u0085f";

  @TempDir Path dir;

  /** A string with every character outside printable ASCII as its code, for readable failures. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format(java.util.Locale.ROOT, "\\u%04x", c)));
    return b.toString();
  }

  static Tables.Table table() {
    return new Tables.Table("facts", List.of("fact", "status", HOSTILE), sink -> {
      sink.row(true, List.of("F1", "conflict", HOSTILE));
      sink.row(false, List.of("F2", "agree", CONTROLS));
      sink.row(false, List.of("F3", "single", "x".repeat(40_000)));
    });
  }

  @Test
  void csvReadsBackEveryCharacterInAFolderAndAZip() throws Exception {
    Tables.Table t = table();
    for (Path target : List.of(dir.resolve("tables"), dir.resolve("tables.zip"))) {
      CsvExport.write(List.of(t), target, () -> { });
    }
    String text = Files.readString(dir.resolve("tables/facts.csv"), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("fact,status,\"<b>"), "RFC 4180: no byte-order mark, quoted where needed");
    assertTrue(text.contains("\"\"q\"\"") && text.contains("\r\n"), "quotes doubled, CRLF records");
    List<List<String>> read = new ArrayList<>();
    for (CSVRecord r : CsvExport.FORMAT.parse(new StringReader(text))) {
      read.add(r.toList());
    }
    assertEquals(t.header(), read.get(0));
    assertEquals(esc(ExportCommandTest.rows(t).toString()), esc(read.subList(1, read.size()).toString()));
    assertEquals(HOSTILE, read.get(1).get(2), "a field with CRLF, LF, tab, quotes and both scripts round-trips");
    assertEquals(esc("a\u001b[2Jb\u0000c\uFFFDd\u202ee\u0085f"), esc(read.get(2).get(2)),
        "control characters kept; half a surrogate pair, which UTF-8 cannot hold, is U+FFFD");
    // a file where the folder would go is refused
    Files.writeString(dir.resolve("file"), "x");
    assertThrows(IllegalArgumentException.class, () -> CsvExport.write(List.of(t), dir.resolve("file"), () -> { }));
  }

  /** A second table whose rows the first export of a target does not have. */
  static Tables.Table other() {
    return new Tables.Table("grid", List.of("fact"), sink -> sink.row(false, List.of("G1")));
  }

  @Test
  void anExportThatFailsBeforeItEndsLeavesItsTargetAsItWas() throws Exception {
    Path folder = dir.resolve("tables");
    Path zip = dir.resolve("tables.zip");
    Path xlsx = dir.resolve("case.xlsx");
    CsvExport.write(List.of(table(), other()), folder, () -> { });
    CsvExport.write(List.of(table(), other()), zip, () -> { });
    XlsxExport.write(List.of(table(), other()), xlsx, () -> { });
    byte[] facts = Files.readAllBytes(folder.resolve("facts.csv"));
    byte[] zipped = Files.readAllBytes(zip);
    byte[] sheets = Files.readAllBytes(xlsx);
    Tables.Table changed = new Tables.Table("facts", List.of("fact", "status", HOSTILE),
        sink -> sink.row(false, List.of("F9", "agree", "a later run")));
    CaseExport.Check relinked = () -> {
      throw org.dossier.views.CaseViews.formedAgain("export");
    };
    // the check fails once every table is written: nothing replaced, nothing left aside
    for (Path target : List.of(folder, zip)) {
      java.io.IOException e = assertThrows(java.io.IOException.class,
          () -> CsvExport.write(List.of(changed, other()), target, relinked));
      assertTrue(e.getMessage().contains("formed again"), e.getMessage());
    }
    assertThrows(java.io.IOException.class, () -> XlsxExport.write(List.of(changed, other()), xlsx, relinked));
    assertArrayEquals(facts, Files.readAllBytes(folder.resolve("facts.csv")));
    assertArrayEquals(zipped, Files.readAllBytes(zip));
    assertArrayEquals(sheets, Files.readAllBytes(xlsx));
    // a table failing half-way (a row of another width) leaves the folder's earlier tables too
    Tables.Table broken = new Tables.Table("grid", List.of("fact"), sink -> sink.row(false, List.of("G1", "extra")));
    assertThrows(IllegalArgumentException.class, () -> CsvExport.write(List.of(changed, broken), folder, () -> { }));
    assertArrayEquals(facts, Files.readAllBytes(folder.resolve("facts.csv")), "the first table not replaced either");
    try (var left = Files.list(dir)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
    }
    try (var left = Files.list(folder)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
    }
    // control: the check passing, the same writes replace them
    CsvExport.write(List.of(changed, other()), folder, () -> { });
    assertTrue(Files.readString(folder.resolve("facts.csv"), StandardCharsets.UTF_8).contains("a later run"));
  }

  @Test
  void xlsxHighlightsTheDisputedRowOnlyAndCutsWhatASheetCannotHold() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxExport.write(List.of(Tables.about(emptyCase()), table()), out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      XSSFSheet s = wb.getSheet("facts");
      assertTrue(s.getPaneInformation().isFreezePane());
      assertEquals(HOSTILE, s.getRow(0).getCell(2).getStringCellValue());
      assertEquals(HOSTILE, s.getRow(1).getCell(2).getStringCellValue());
      assertEquals(FillPatternType.SOLID_FOREGROUND, s.getRow(1).getCell(0).getCellStyle().getFillPattern(), "conflict");
      assertEquals(FillPatternType.NO_FILL, s.getRow(2).getCell(0).getCellStyle().getFillPattern(), "agree");
      assertEquals(esc(CONTROLS_READ), esc(s.getRow(2).getCell(2).getStringCellValue()),
          "what a sheet cannot hold is U+FFFD, the rest as written");
      assertEquals(FillPatternType.NO_FILL, s.getRow(3).getCell(0).getCellStyle().getFillPattern(), "single");
      String cut = s.getRow(3).getCell(2).getStringCellValue();
      assertEquals(32_767, cut.length());
      assertTrue(cut.endsWith("[cut: 40000 characters]"), cut.substring(cut.length() - 40));
      XSSFSheet about = wb.getSheet("about");
      boolean said = false;
      for (int i = 1; i <= about.getLastRowNum(); i++) {
        said |= about.getRow(i).getCell(0).getStringCellValue().equals("cut");
      }
      assertTrue(said, "the about sheet says a cell was cut");
    }
  }

  static org.dossier.link.StoredFindings.Fact fact(String id, String story, String status, String document,
      String value) {
    var v = new org.dossier.link.StoredFindings.Value("count", value, value, java.util.Optional.empty(), List.of());
    return new org.dossier.link.StoredFindings.Fact(id, story, "refit", "boats", status, "", List.of(
        new org.dossier.link.StoredFindings.Claim(document, 0, value.length(), value, v, java.util.Optional.empty(), "",
            "article")));
  }

  @Test
  void theGridGivesEachStoryItsBlockInTheOrderOfItsFirstFactWhereverItsFactsAreStored() throws Exception {
    // a story's facts stored apart (S1, S2, S1): the grid still gives each story one block
    CaseExport c = CaseExport.of("case", Map.of(), List.of(), List.of(),
        List.of(new org.dossier.link.StoredFindings.Story("S2", "Dock strike", List.of()),
            new org.dossier.link.StoredFindings.Story("S1", "Harbour refit", List.of())),
        List.of(fact("F1", "S1", "single", "b.txt", "12 boats"), fact("F2", "S2", "single", "c.txt", "3 docks"),
            fact("F3", "S1", "conflict", "a.txt", "14 boats")),
        List.of(), List.of(), List.of());
    Tables.Table grid = Tables.grid(c);
    assertEquals(List.of("fact", "story", "subject", "property", "status", "source 1", "source 2"), grid.header(),
        "as wide as the story with most documents");
    List<String> rows = new ArrayList<>();
    grid.forEach((flagged, cells) -> rows.add((flagged ? "! " : "") + String.join("|", cells)));
    assertEquals(List.of("|S1|Harbour refit|(its documents)||a.txt|b.txt", "F1|S1|refit|boats|single||12 boats",
        "! F3|S1|refit|boats|conflict|14 boats|", "|S2|Dock strike|(its documents)||c.txt|",
        "F2|S2|refit|boats|single|3 docks|"), rows);
  }

  @Test
  void aRowOfAnotherWidthThanItsHeaderIsRefused() {
    Tables.Table t = new Tables.Table("facts", List.of("fact", "status"), sink -> {
      sink.row(false, List.of("F1", "agree"));
      sink.row(false, List.of("F2"));
    });
    List<List<String>> written = new ArrayList<>();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> t.forEach((flagged, cells) -> written.add(cells)));
    assertEquals("facts: a row of 1 cells under 2 columns", e.getMessage());
    assertEquals(List.of(List.of("F1", "agree")), written, "control: the row of the right width was written");
  }

  static CaseExport emptyCase() {
    return CaseExport.of("case", Map.of("links.resolved", "2 2026-03-07T10:00:00Z"), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of());
  }

  static CaseGraph graph() {
    return new CaseGraph(Map.of("case", CONTROLS, "links.resolved", "2 2026-03-07T10:00:00Z"), each -> {
      each.accept(new CaseGraph.Node("d1", HOSTILE, Map.of("kind", "document", "document", HOSTILE)));
      each.accept(new CaseGraph.Node("e1", CONTROLS, Map.of("kind", "entity", "also written", "Kestrel\nКестрел\n红隼")));
    }, each -> {
      each.accept(new CaseGraph.Edge("m0", "e1", "d1", false, 1.0, Map.of("relation", "mentions")));
      each.accept(new CaseGraph.Edge("p1", "d1", "e1", true, 1.0, Map.of("relation", "copies", "evidence", HOSTILE)));
    });
  }

  /** What a reader gets back for {@link #CONTROLS}: U+FFFD where XML cannot hold a character, the rest as written. */
  static final String CONTROLS_READ = "a\uFFFD[2Jb\uFFFDc\uFFFDd\u202ee\u0085f";

  @Test
  void gexfAndGraphmlKeepEveryCharacterXmlCanHoldAndNothingRawForATerminal() throws Exception {
    StringWriter gexf = new StringWriter();
    GexfExport.write(graph(), gexf);
    StringWriter graphml = new StringWriter();
    GraphmlExport.write(graph(), graphml);
    for (String xml : List.of(gexf.toString(), graphml.toString())) {
      for (char c : xml.toCharArray()) {
        assertFalse(c == '\u001b' || c == '\u0000' || c == '\u202e' || c == '\u0085' || c == '\r',
            "raw U+" + Integer.toHexString(c));
      }
      assertFalse(xml.contains("\uD800d"), "no lone surrogate");
      assertTrue(xml.contains("\uD83D\uDEA2"), "a surrogate pair is kept");
    }
    org.w3c.dom.Document g = ExportCommandTest.parse(gexf.toString());
    NodeList nodes = g.getElementsByTagNameNS(GexfExport.NS, "node");
    assertEquals(2, nodes.getLength());
    assertEquals(HOSTILE, ((Element) nodes.item(0)).getAttribute("label"), "newlines, CR and tab survive in an attribute");
    assertEquals(CONTROLS_READ, ((Element) nodes.item(1)).getAttribute("label"));
    NodeList edges = g.getElementsByTagNameNS(GexfExport.NS, "edge");
    assertEquals("undirected", ((Element) edges.item(0)).getAttribute("type"));
    assertEquals("directed", ((Element) edges.item(1)).getAttribute("type"));
    NodeList values = ((Element) edges.item(1)).getElementsByTagNameNS(GexfExport.NS, "attvalue");
    assertEquals(HOSTILE, ((Element) values.item(1)).getAttribute("value"));
    assertEquals("2026-03-07", ((Element) g.getElementsByTagNameNS(GexfExport.NS, "meta").item(0)).getAttribute("lastmodifieddate"));

    org.w3c.dom.Document m = ExportCommandTest.parse(graphml.toString());
    NodeList data = m.getElementsByTagNameNS(GraphmlExport.NS, "data");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < data.getLength(); i++) {
      texts.add(data.item(i).getTextContent());
    }
    assertTrue(texts.contains(CONTROLS_READ), texts::toString);
    assertTrue(texts.contains(HOSTILE), "CR kept as a reference in element text: " + texts);
    assertTrue(texts.contains("Kestrel\nКестрел\n红隼"));
    assertEquals(2, m.getElementsByTagNameNS(GraphmlExport.NS, "edge").getLength());
  }

  @Test
  void ftmEscapesWhatATerminalMustNotGetAndJsonReadsItBack() throws Exception {
    org.dossier.core.Document doc = new org.dossier.core.Document(
        new org.dossier.core.DocumentId("ab".repeat(32)), "cache/" + CONTROLS + ".txt", 3, false, java.util.Optional.empty(),
        0, org.dossier.core.Stage.INDEXED, org.dossier.core.DocumentStatus.OK, "", "text/plain; charset=UTF-8", "ru", 3, false);
    CaseExport c = CaseExport.of("case", Map.of("links.resolved", "2 2026-03-07T10:00:00Z"),
        List.of(new CaseExport.Doc(doc, java.util.Optional.empty(), Map.of("dc:title", List.of(HOSTILE),
            "dcterms:created", List.of("2024-09-03T10:15:00Z")), java.util.Optional.empty())),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    StringWriter out = new StringWriter();
    FtmExport.write(c, out);
    String line = out.toString().strip();
    assertFalse(line.contains("\u202e") || line.contains("\u0085") || line.contains("\u001b"), line);
    var e = new ObjectMapper().readTree(line);
    assertEquals(CONTROLS + ".txt", e.at("/properties/fileName/0").asText());
    assertEquals(HOSTILE.strip(), e.at("/properties/title/0").asText());
    assertEquals("rus", e.at("/properties/language/0").asText());
    assertEquals("text/plain", e.at("/properties/mimeType/0").asText());
    assertEquals("2024-09-03T10:15:00", e.at("/properties/authoredAt/0").asText());
    assertEquals(List.of(), new FtmModel().problems(List.of(line)));
  }
}
