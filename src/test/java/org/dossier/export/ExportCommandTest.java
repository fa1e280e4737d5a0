package org.dossier.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dossier.link.FictionalStories;
import org.dossier.link.StoredFindings;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Linking;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code dossier export} end to end on a fictional case (the link tests' stories, a Chinese memo
 * and a file whose name is hostile): every format read back with a real reader and checked
 * against the case as stored, the FtM lines validated against FtM's own model, and an analyst's
 * judgement seen in the next export.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String HOSTILE = "memo <&\"'> =1+2 ‮.txt";
  static final String HERALD = "2026-03-04_eastgate-herald.txt";

  @TempDir static Path dir;
  static Path caseDir;

  @BeforeAll
  static void ingest() throws Exception {
    FictionalStories.write(dir);
    Fixtures.text(dir.resolve("cache").resolve(HOSTILE),
        "Memo: the Krell Institute for Maritime Affairs says \"18 boats\" & <4 radars>.\n");
    Fixtures.text(dir.resolve("cache").resolve("备忘录.txt"),
        "关于维特罗夫-3型快艇的备忘录。\n马罗维亚海军将购买18艘快艇，合同总额为4.12亿美元。\n");
    caseDir = dir.resolve("case");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "ingest", "--quiet", "--gazetteer",
        dir.resolve("gazetteer.tsv").toString(), dir.resolve("press").toString(), dir.resolve("cache").toString());
    assertEquals(0, r.exit(), r.toString());
  }

  static Cli.Result export(String... args) {
    List<String> all = new ArrayList<>(List.of("--case", caseDir.toString(), "export"));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  /** The case as stored, its findings read into lists while the store is open. */
  static CaseExport stored() throws Exception {
    try (CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC())) {
      CaseExport c = CaseExport.read(folder);
      return CaseExport.of(c.name(), c.runs(), list(c::documents), c.entities(), list(c::stories), list(c::facts),
          list(c::sources), list(c::events), list(c::signals));
    }
  }

  /** Items handed over one at a time (a case's findings, a graph's nodes), as a list. */
  static <T> List<T> list(CaseGraph.Items<T> items) throws java.io.IOException {
    List<T> out = new ArrayList<>();
    items.forEach(out::add);
    return out;
  }

  /** A table's rows as a writer gets them. */
  static List<List<String>> rows(Tables.Table t) throws java.io.IOException {
    List<List<String>> out = new ArrayList<>();
    t.forEach((flagged, cells) -> out.add(cells));
    return out;
  }

  /** An export file has the mode of any file the user makes (not a temp file's owner-only one), and nothing is left beside it. */
  static void assertMadeAsTheUsersFile(Path file) throws Exception {
    Path mine = Files.writeString(dir.resolve("mine.txt"), "a file the user makes");
    assertEquals(Files.getPosixFilePermissions(mine), Files.getPosixFilePermissions(file), file.toString());
    try (java.util.stream.Stream<Path> s = Files.list(file.getParent())) {
      assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList());
    }
  }

  static String linkRun() throws Exception {
    try (CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC())) {
      return folder.store().setting(Linking.SETTING).orElseThrow();
    }
  }

  @Test
  @Order(1)
  void ftmValidatesAgainstFtmsModelAndHoldsTheCase() throws Exception {
    Cli.Result r = export("--format", "ftm");
    assertEquals(0, r.exit(), r.toString());
    List<String> lines = r.out().lines().toList();
    // the same to a file
    Path file = dir.resolve("out/ftm/case.ftm.json");
    assertEquals(0, export("--format", "ftm", "-o", file.toString()).exit());
    assertEquals(lines, Files.readAllLines(file, StandardCharsets.UTF_8));
    assertMadeAsTheUsersFile(file);
    FtmModel model = new FtmModel();
    assertEquals(List.of(), model.problems(lines));
    CaseExport c = stored();
    Map<String, List<JsonNode>> bySchema = new HashMap<>();
    for (String l : lines) {
      JsonNode e = JSON.readTree(l);
      bySchema.computeIfAbsent(e.get("schema").asText(), k -> new ArrayList<>()).add(e);
    }
    // every document, as its type's schema, with its content hash, language and the run that produced it
    int docs = 0;
    Set<String> fileNames = new HashSet<>();
    for (Map.Entry<String, List<JsonNode>> e : bySchema.entrySet()) {
      if (model.lineage(e.getKey()).contains("Document")) {
        docs += e.getValue().size();
        for (JsonNode d : e.getValue()) {
          fileNames.add(d.at("/properties/fileName/0").asText());
          assertTrue(d.at("/properties/contentHash/0").asText().matches("[0-9a-f]{40}"), d::toString);
          assertTrue(d.at("/properties/processingAgent/0").asText().contains(linkRun()), d::toString);
        }
      }
    }
    assertEquals(c.documentCount(), docs);
    assertTrue(fileNames.contains(HOSTILE), fileNames::toString);
    assertTrue(fileNames.contains("备忘录.txt"), fileNames::toString);
    JsonNode contract = bySchema.get("PlainText").stream()
        .filter(d -> d.at("/properties/fileName/0").asText().equals("TS-2025-44_contract.txt")).findFirst().orElseThrow();
    assertEquals("eng", contract.at("/properties/language/0").asText());
    assertEquals("text/plain", contract.at("/properties/mimeType/0").asText());
    JsonNode russian = bySchema.get("PlainText").stream()
        .filter(d -> d.at("/properties/fileName/0").asText().endsWith("_ru.txt")).findFirst().orElseThrow();
    assertEquals("rus", russian.at("/properties/language/0").asText());
    // the gazetteer's equipment with its names in both scripts
    JsonNode boat = bySchema.get("Asset").stream().filter(a -> a.toString().contains("Vetrov-3")).findFirst().orElseThrow();
    assertTrue(boat.at("/properties/alias").toString().contains("Ветров-3"), boat::toString);
    // documentation ties every exported entity to its documents; events are dated
    assertFalse(bySchema.getOrDefault("Documentation", List.of()).isEmpty());
    assertFalse(bySchema.getOrDefault("Event", List.of()).isEmpty());
    for (JsonNode ev : bySchema.get("Event")) {
      assertTrue(ev.at("/properties/date/0").asText().matches("\\d{4}.*"), ev::toString);
    }
    // stable ids: a second export gives the same lines
    assertEquals(r.out(), export("--format", "ftm").out());
  }

  @Test
  @Order(2)
  void theValidatorRejectsWhatFtmDoesNot() throws Exception {
    FtmModel model = new FtmModel();
    String doc = "{\"id\":\"d1\",\"schema\":\"PlainText\",\"properties\":{\"name\":[\"a.txt\"],\"fileName\":[\"a.txt\"]}}";
    assertEquals(List.of(), model.problems(List.of(doc)));
    assertRejected(model, "no property fileNom", doc.replace("\"fileName\"", "\"fileNom\""));
    assertRejected(model, "required name missing", "{\"id\":\"p\",\"schema\":\"Person\",\"properties\":{\"alias\":[\"x\"]}}");
    assertRejected(model, "abstract schema Thing", "{\"id\":\"t\",\"schema\":\"Thing\",\"properties\":{\"name\":[\"x\"]}}");
    assertRejected(model, "refers to a PlainText, not a LegalEntity", doc, "{\"id\":\"m\",\"schema\":\"Mention\","
        + "\"properties\":{\"document\":[\"d1\"],\"name\":[\"x\"],\"resolved\":[\"d1\"]}}");
    assertRejected(model, "en is not a language", doc.replace("]}}", "],\"language\":[\"en\"]}}"));
    assertRejected(model, "not a SHA-1", doc.replace("]}}", "],\"contentHash\":[\"" + "ab".repeat(32) + "\"]}}"));
    assertRejected(model, "not an FtM date", doc.replace("]}}", "],\"authoredAt\":[\"2024-09-03T10:15:00Z\"]}}"));
  }

  static void assertRejected(FtmModel model, String problem, String... lines) throws Exception {
    List<String> found = model.problems(List.of(lines));
    assertTrue(found.stream().anyMatch(p -> p.contains(problem)), problem + " not among " + found);
  }

  @Test
  @Order(3)
  void csvReadsBackAsTheStoredTablesInAFolderAndInAZip() throws Exception {
    Path folder = dir.resolve("out/csv");
    Cli.Result r = export("--format", "csv", "-o", folder.toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.err().contains(Linking.SETTING + "=" + linkRun()), r.err());
    List<Tables.Table> expected = Tables.of(stored());
    Map<String, String> files = new HashMap<>();
    for (Tables.Table t : expected) {
      files.put(t.name(), Files.readString(folder.resolve(t.name() + ".csv"), StandardCharsets.UTF_8));
    }
    assertReadsBack(expected, files);
    Path zip = dir.resolve("out/tables.zip");
    assertEquals(0, export("--format", "csv", "-o", zip.toString()).exit());
    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName().replace(".csv", ""), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertReadsBack(expected, entries);
    assertMadeAsTheUsersFile(zip);
    // what the fixture holds is there: Cyrillic and Chinese text, the hostile name, the run
    String all = String.join("\n", entries.values());
    assertTrue(all.contains("Ветров-3"), "Cyrillic");
    assertTrue(all.contains("备忘录.txt"), "Chinese");
    assertTrue(all.contains(HOSTILE.replace("\"", "\"\"")), "a quote inside a field is doubled");
    assertTrue(entries.get("about").contains(linkRun()));
  }

  @Test
  @Order(3)
  void theGridPutsEachClaimUnderItsDocumentInItsStorysBlock() throws Exception {
    CaseExport c = stored();
    Tables.Table grid = Tables.grid(c);
    Map<String, StoredFindings.Fact> facts = new HashMap<>();
    c.facts(f -> facts.put(f.id(), f));
    List<String> block = null;
    int checked = 0;
    for (List<String> row : rows(grid)) {
      if (row.get(0).isEmpty()) {
        block = row; // the story's documents, by column
        assertEquals("(its documents)", row.get(3));
        continue;
      }
      StoredFindings.Fact f = facts.get(row.get(0));
      assertEquals(f.story(), block.get(1), "a fact sits in its story's block");
      for (StoredFindings.Claim cl : f.claims()) {
        int col = -1;
        for (int i = 5; i < block.size(); i++) {
          if (block.get(i).equals(cl.document()) || block.get(i).endsWith("(" + cl.document() + ")")) {
            col = i;
          }
        }
        String said = cl.value().kind().equals("statement") ? cl.quote() : cl.value().text();
        assertTrue(col > 0 && row.get(col).lines().anyMatch(said::equals), cl.document() + " says " + said + " in " + row);
        checked++;
      }
      for (int i = 5; i < row.size(); i++) {
        if (block.get(i).isEmpty()) {
          assertEquals("", row.get(i), "control: no value under a column the story has no document for");
        }
      }
    }
    assertTrue(checked > 10, checked + " claims checked");
  }

  static void assertReadsBack(List<Tables.Table> expected, Map<String, String> csv) throws Exception {
    for (Tables.Table t : expected) {
      List<List<String>> read = new ArrayList<>();
      try (Reader in = new StringReader(csv.get(t.name()))) {
        for (CSVRecord rec : CsvExport.FORMAT.parse(in)) {
          read.add(rec.toList());
        }
      }
      assertEquals(t.header(), read.get(0), t.name());
      assertEquals(rows(t), read.subList(1, read.size()), t.name());
    }
  }

  @Test
  @Order(4)
  void xlsxHasTheSheetsFrozenHeadersAndTheDisputesHighlighted() throws Exception {
    Path file = dir.resolve("out/case.xlsx");
    assertEquals(2, export("--format", "xlsx").exit(), "xlsx needs -o");
    assertEquals(2, export("--format", "pdf", "-o", file.toString()).exit(), "no such format");
    assertEquals(2, export("--format", "ftm", "--json").exit(), "--format says what to write, not --json");
    assertFalse(Files.exists(file), "a usage error writes nothing");
    Cli.Result r = export("--format", "xlsx", "-o", file.toString());
    assertEquals(0, r.exit(), r.toString());
    assertMadeAsTheUsersFile(file);
    List<Tables.Table> expected = Tables.of(stored());
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      for (Tables.Table t : expected) {
        XSSFSheet s = wb.getSheet(t.name());
        assertTrue(s.getPaneInformation().isFreezePane(), t.name());
        assertEquals(1, s.getPaneInformation().getHorizontalSplitTopRow(), t.name());
        List<List<String>> rows = rows(t);
        assertEquals(rows.size(), s.getLastRowNum(), t.name());
        for (int i = 0; i < rows.size(); i++) {
          for (int j = 0; j < t.header().size(); j++) {
            assertEquals(rows.get(i).get(j), s.getRow(i + 1).getCell(j).getStringCellValue(), t.name() + " " + i + "," + j);
          }
        }
      }
      XSSFSheet facts = wb.getSheet("facts");
      int status = expected.get(3).header().indexOf("status");
      int disputed = 0;
      int agreed = 0;
      for (int i = 1; i <= facts.getLastRowNum(); i++) {
        String st = facts.getRow(i).getCell(status).getStringCellValue();
        var style = facts.getRow(i).getCell(0).getCellStyle();
        if (st.equals("conflict") || st.equals("divergent")) {
          disputed++;
          assertEquals(FillPatternType.SOLID_FOREGROUND, style.getFillPattern(), "row " + i);
          assertEquals(XlsxExport.DISPUTED.getIndex(), style.getFillForegroundColor(), "row " + i);
        } else if (st.equals("agree")) {
          agreed++;
          assertEquals(FillPatternType.NO_FILL, style.getFillPattern(), "an agreeing row is not highlighted: " + i);
        }
      }
      assertTrue(disputed > 0 && agreed > 0, disputed + " disputed, " + agreed + " agreeing");
    }
  }

  @Test
  @Order(5)
  void graphsParseWithTheirNodesEdgesAndTheRun() throws Exception {
    CaseExport c = stored();
    CaseGraph g = CaseGraph.of(c);
    List<CaseGraph.Node> graphNodes = list(g.nodes()::forEach);
    List<CaseGraph.Edge> graphEdges = list(g.edges()::forEach);
    Cli.Result gexf = export("--format", "gexf");
    assertEquals(0, gexf.exit(), gexf.toString());
    org.w3c.dom.Document x = parse(gexf.out());
    assertEquals(GexfExport.NS, x.getDocumentElement().getNamespaceURI());
    NodeList nodes = x.getElementsByTagNameNS(GexfExport.NS, "node");
    NodeList edges = x.getElementsByTagNameNS(GexfExport.NS, "edge");
    assertEquals(graphNodes.size(), nodes.getLength());
    assertEquals(graphEdges.size(), edges.getLength());
    assertEquals(c.documentCount() + c.entities().size(),
        graphNodes.stream().filter(n -> !n.value("kind").equals("outlet")).count());
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      labels.add(((Element) nodes.item(i)).getAttribute("label"));
    }
    assertTrue(labels.contains(HOSTILE), "the hostile name round-trips: " + labels);
    Set<String> relations = new HashSet<>();
    for (int i = 0; i < edges.getLength(); i++) {
      relations.add(((Element) edges.item(i)).getAttribute("label"));
    }
    assertTrue(relations.contains("mentions"), relations::toString);
    assertTrue(relations.stream().anyMatch(s -> Set.of("copies", "translates", "rewrites").contains(s)), relations::toString);
    assertTrue(x.getElementsByTagNameNS(GexfExport.NS, "description").item(0).getTextContent().contains(linkRun()));

    Cli.Result graphml = export("--format", "graphml");
    assertEquals(0, graphml.exit(), graphml.toString());
    org.w3c.dom.Document y = parse(graphml.out());
    assertEquals(graphNodes.size(), y.getElementsByTagNameNS(GraphmlExport.NS, "node").getLength());
    assertEquals(graphEdges.size(), y.getElementsByTagNameNS(GraphmlExport.NS, "edge").getLength());
    Map<String, String> keys = new HashMap<>();
    NodeList ks = y.getElementsByTagNameNS(GraphmlExport.NS, "key");
    for (int i = 0; i < ks.getLength(); i++) {
      Element k = (Element) ks.item(i);
      keys.put(k.getAttribute("for") + ":" + k.getAttribute("attr.name"), k.getAttribute("id"));
    }
    Element graph = (Element) y.getElementsByTagNameNS(GraphmlExport.NS, "graph").item(0);
    String runKey = keys.get("graph:" + Linking.SETTING);
    NodeList data = graph.getElementsByTagNameNS(GraphmlExport.NS, "data");
    String run = null;
    for (int i = 0; i < data.getLength(); i++) {
      Element d = (Element) data.item(i);
      if (d.getAttribute("key").equals(runKey) && d.getParentNode() == graph) {
        run = d.getTextContent();
      }
    }
    assertEquals(linkRun(), run);
    // the translation's edge carries its evidence
    String relationKey = keys.get("edge:relation");
    String evidenceKey = keys.get("edge:evidence");
    boolean evidenced = false;
    NodeList es = y.getElementsByTagNameNS(GraphmlExport.NS, "edge");
    for (int i = 0; i < es.getLength(); i++) {
      Map<String, String> v = new HashMap<>();
      NodeList ds = ((Element) es.item(i)).getElementsByTagNameNS(GraphmlExport.NS, "data");
      for (int j = 0; j < ds.getLength(); j++) {
        v.put(((Element) ds.item(j)).getAttribute("key"), ds.item(j).getTextContent());
      }
      evidenced |= !v.getOrDefault(relationKey, "mentions").equals("mentions") && !v.getOrDefault(evidenceKey, "").isEmpty();
    }
    assertTrue(evidenced, "a propagation edge with its evidence");
  }

  /** DOM with DOCTYPEs refused (no external entities), namespace aware. */
  static org.w3c.dom.Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
  }

  @Test
  @Order(6)
  void aClaimMarkedWrongLeavesTheNextExport() throws Exception {
    CaseExport before = stored();
    List<StoredFindings.Fact> held = list(before::facts);
    var fact = held.stream().filter(f -> f.claims().stream().anyMatch(cl -> cl.document().equals(HERALD)))
        .filter(f -> f.status().equals("conflict")).findFirst().orElseThrow();
    var claim = fact.claims().stream().filter(cl -> cl.document().equals(HERALD)).findFirst().orElseThrow();
    String runBefore = linkRun();
    Cli.Result marked = Cli.run("--case", caseDir.toString(), "mark", "claim", HERALD, Integer.toString(claim.start()),
        Integer.toString(claim.end()), "--wrong", "--reason", "misread", "--user", "ines");
    assertEquals(0, marked.exit(), marked.toString());
    Path folder = dir.resolve("out/after");
    assertEquals(0, export("--format", "csv", "-o", folder.toString()).exit());
    String facts = Files.readString(folder.resolve("facts.csv"), StandardCharsets.UTF_8);
    List<CSVRecord> rows = CsvExport.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(facts)).getRecords();
    assertFalse(rows.stream().anyMatch(rec -> rec.get("document").equals(HERALD) && rec.get("start").equals(Integer.toString(claim.start()))
        && rec.get("end").equals(Integer.toString(claim.end()))), "the claim marked wrong is gone");
    assertTrue(rows.stream().anyMatch(rec -> rec.get("document").equals(HERALD)), "control: the document's other claims stay");
    String about = Files.readString(folder.resolve("about.csv"), StandardCharsets.UTF_8);
    assertNotEquals(runBefore, linkRun(), "the link stage ran again");
    assertTrue(about.contains(linkRun()), "the export names the run that produced it");
  }

  @Test
  @Order(7)
  void anExportKnowsWhenTheFindingsItReadWereFormedAgainWhileItWrote() throws Exception {
    try (CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC())) {
      CaseExport c = CaseExport.read(folder);
      assertTrue(org.dossier.views.CaseViews.sameRuns(folder, c.runs()), "control: nothing ran since it read the case");
      String run = folder.store().setting(Linking.SETTING).orElseThrow();
      folder.store().write(tx -> {
        tx.setSetting(Linking.SETTING, run + " again");
        return null;
      });
      try {
        assertFalse(org.dossier.views.CaseViews.sameRuns(folder, c.runs()), "the link stage ran again while it wrote");
      } finally {
        folder.store().write(tx -> {
          tx.setSetting(Linking.SETTING, run);
          return null;
        });
      }
      assertTrue(org.dossier.views.CaseViews.sameRuns(folder, c.runs()));
    }
  }

  @Test
  @Order(8)
  void anExportHoldsOfEachDocumentsMetadataOnlyWhatItReads() throws Exception {
    try (CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC())) {
      CaseExport c = CaseExport.read(folder);
      int stored = 0;
      List<CaseExport.Doc> docs = list(c::documents);
      for (CaseExport.Doc d : docs) {
        assertTrue(Metadata.KEYS.containsAll(d.metadata().keySet()), d.name() + ": " + d.metadata().keySet());
        stored += folder.store().documents().metadata(d.document().id()).size();
      }
      // held: each document's name and id, in the order its whole row is read again
      List<String> names = new ArrayList<>();
      c.documentNames(n -> names.add(n.name()));
      assertEquals(docs.stream().map(CaseExport.Doc::name).toList(), names);
      assertEquals(docs.size(), c.documentCount());
      java.util.Set<String> parents = new java.util.HashSet<>();
      docs.forEach(d -> d.parent().ifPresent(parents::add));
      for (CaseExport.Doc d : docs) {
        assertEquals(parents.contains(d.name()), c.container(d.name()), d.name());
      }
      assertTrue(stored > docs.stream().mapToInt(d -> d.metadata().size()).sum(),
          "control: the store holds more of their metadata than the export keeps");
    }
  }
}
