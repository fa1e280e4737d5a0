package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.dossier.link.FictionalStories;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report -o} on an invented case: written aside and moved into place once whole, its
 * footnotes waiting in a file of the case's tmp folder that is removed however the report ends.
 */
class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void aReportThatFailsHalfWayLeavesTheFileItWouldReplaceAsItWasAndNothingAside() throws Exception {
    FictionalStories.write(dir);
    Path caseDir = dir.resolve("case");
    Cli.Result ingest = Cli.run("--case", caseDir.toString(), "ingest", "--quiet",
        "--gazetteer", dir.resolve("gazetteer.tsv").toString(), dir.resolve("press").toString(),
        dir.resolve("cache").toString());
    assertEquals(0, ingest.exit(), ingest.toString());
    Path out = dir.resolve("out").resolve("report.md");
    Cli.Result first = Cli.run("--case", caseDir.toString(), "report", "-o", out.toString());
    assertEquals(0, first.exit(), first.toString());
    byte[] written = Files.readAllBytes(out);
    assertTrue(new String(written, java.nio.charset.StandardCharsets.UTF_8).contains("## The press against the cache"),
        "control: the case has claims of the press against the cache, read late in the report");
    assertEquals(List.of(), aside(caseDir, out), "nothing is left aside once the report is written");

    // the press's claims against the cache, which the report reads after its facts, timeline and
    // sources, made unreadable: the report fails half-way
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("dossier.db"));
        Statement st = c.createStatement()) {
      assertNotEquals(0, st.executeUpdate("update findings set json = '{\"claim\": 7}' where kind = 'coverage'"));
    }
    Cli.Result failed = Cli.run("--case", caseDir.toString(), "report", "-o", out.toString());
    assertEquals(1, failed.exit(), failed.toString());
    assertTrue(failed.err().contains("not what this version reads"), failed.err());
    assertArrayEquals(written, Files.readAllBytes(out), "the report it would have replaced is as it was");
    assertEquals(List.of(), aside(caseDir, out), "nothing is left aside when the report fails");
  }

  /** Files a report leaves behind: its output written aside, its footnotes waiting in the case's tmp folder. */
  private static List<String> aside(Path caseDir, Path out) throws Exception {
    try (Stream<Path> beside = Files.list(out.getParent());
        Stream<Path> tmp = Files.isDirectory(caseDir.resolve("tmp")) ? Files.list(caseDir.resolve("tmp")) : Stream.empty()) {
      return Stream.concat(beside.filter(p -> !p.equals(out)), tmp.filter(p -> p.getFileName().toString().startsWith("report-")))
          .map(Path::toString).sorted().toList();
    }
  }
}
