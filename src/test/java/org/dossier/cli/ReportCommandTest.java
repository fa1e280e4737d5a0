package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
    Path caseDir = ingested();
    Path out = dir.resolve("out").resolve("report.md");
    Cli.Result first = Cli.run("--case", caseDir.toString(), "report", "-o", out.toString());
    assertEquals(0, first.exit(), first.toString());
    byte[] written = Files.readAllBytes(out);
    Path mine = Files.writeString(dir.resolve("mine.txt"), "a file the user makes");
    assertEquals(Files.getPosixFilePermissions(mine), Files.getPosixFilePermissions(out),
        "the report is made as any file of the user's, not with a temp file's owner-only mode");
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

  @Test
  void aReportOnOneStoryHoldsThatStorysFindingsAndNamesIt() throws Exception {
    Path caseDir = ingested();
    com.fasterxml.jackson.databind.JsonNode stories = Cli.run("--case", caseDir.toString(), "stories", "--json").json()
        .get("stories");
    java.util.Set<String> all = new java.util.TreeSet<>();
    String whole = Cli.run("--case", caseDir.toString(), "report").out();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(F\\d+, story (S\\d+)\\)").matcher(whole);
    while (m.find()) {
      all.add(m.group(1));
    }
    assertTrue(all.size() >= 2, "control: the whole report states the facts of several stories: " + all);
    for (int i = 0; i < Math.min(3, stories.size()); i++) {
      com.fasterxml.jackson.databind.JsonNode story = stories.get(i);
      String id = story.get("id").asText();
      Cli.Result r = Cli.run("--case", caseDir.toString(), "report", "--story", id);
      assertEquals(0, r.exit(), r.toString());
      assertTrue(r.out().startsWith("# Dossier report: case, story " + id + ": " + story.get("title").asText() + "\n"),
          r.out());
      java.util.regex.Matcher f = java.util.regex.Pattern.compile("\\(F\\d+, story (S\\d+)\\)").matcher(r.out());
      while (f.find()) {
        assertEquals(id, f.group(1), "a fact of another story in the report on " + id);
      }
      // its documents only, in the sources and the press against the cache
      java.util.Set<String> members = new java.util.HashSet<>();
      story.get("documents").forEach(d -> members.add(d.asText()));
      com.fasterxml.jackson.databind.JsonNode json = Cli.run("--case", caseDir.toString(), "report", "--story", id,
          "--json").json();
      for (com.fasterxml.jackson.databind.JsonNode section : json.get("sections")) {
        String title = section.get("title").asText();
        if (title.equals("Where the articles come from") || title.equals("The press against the cache")) {
          for (com.fasterxml.jackson.databind.JsonNode sentence : section.get("sentences")) {
            String first = json.get("footnotes").get(sentence.get("citations").get(0).asInt() - 1).get("document").asText();
            assertTrue(members.contains(first), id + ": " + sentence + " rests on " + first + ", not one of " + members);
          }
        }
      }
    }
    Cli.Result unknown = Cli.run("--case", caseDir.toString(), "report", "--story", "S999");
    assertEquals(2, unknown.exit(), unknown.toString());
    assertTrue(unknown.err().contains("the case has no story 'S999'"), unknown.err());
  }

  /** The invented stories of {@link FictionalStories} ingested into a case of their own. */
  private Path ingested() throws Exception {
    FictionalStories.write(dir);
    Path caseDir = dir.resolve("case");
    Cli.Result ingest = Cli.run("--case", caseDir.toString(), "ingest", "--quiet",
        "--gazetteer", dir.resolve("gazetteer.tsv").toString(), dir.resolve("press").toString(),
        dir.resolve("cache").toString());
    assertEquals(0, ingest.exit(), ingest.toString());
    return caseDir;
  }

  /** Files a report leaves behind: its output written aside, its footnotes waiting in the case's tmp folder. */
  private static List<String> aside(Path caseDir, Path out) throws Exception {
    try (Stream<Path> beside = Files.list(out.getParent());
        Stream<Path> tmp = Files.isDirectory(caseDir.resolve("tmp")) ? Files.walk(caseDir.resolve("tmp")) : Stream.empty()) {
      return Stream.concat(beside.filter(p -> !p.equals(out)), tmp.filter(p -> p.getFileName().toString().startsWith("report-")))
          .map(Path::toString).sorted().toList();
    }
  }
}
