package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Linking;
import org.dossier.pipeline.Verifying;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's reports are made once per run of the stages, and one made under a new run is not kept. */
class ReportFilesTest {
  @TempDir Path dir;
  Path c;

  @BeforeEach
  void ingest() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("note.txt"), "The Harwick depot received 40 crates of lamp oil on 3 May 2031.\n",
        StandardCharsets.UTF_8);
    c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", in.toString()).exit());
  }

  private static void relinked(CaseFolder folder, String run) throws SQLException {
    String version = folder.store().setting(Linking.SETTING).orElseThrow().split(" ")[0];
    folder.store().write(tx -> {
      tx.setSetting(Linking.SETTING, version + " " + run);
      tx.deleteSetting(Verifying.SETTING);
      return null;
    });
  }

  private static List<Path> kept(CaseFolder folder) throws Exception {
    try (Stream<Path> s = Files.list(ReportFiles.folder(folder))) {
      return s.sorted().toList();
    }
  }

  @Test
  void aReportIsMadeOncePerRunOfTheStages() throws Exception {
    AtomicInteger made = new AtomicInteger();
    ReportFiles.Maker maker = (w, aside) -> w.write("report " + made.incrementAndGet());
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      Path first = ReportFiles.of(folder, "md", Optional.empty(), maker);
      Path again = ReportFiles.of(folder, "md", Optional.empty(), maker);
      assertEquals(first, again);
      assertEquals("report 1", Files.readString(again));
      assertEquals(1, made.get());
      // another format, another story: reports of their own
      assertNotEquals(first, ReportFiles.of(folder, "html", Optional.empty(), maker));
      assertNotEquals(first, ReportFiles.of(folder, "md", Optional.of("S1"), maker));
      assertEquals(3, made.get());
      // control: the findings formed again by a link run, the report is made again
      relinked(folder, "later");
      Path after = ReportFiles.of(folder, "md", Optional.empty(), maker);
      assertNotEquals(first, after);
      assertEquals("report 4", Files.readString(after));
    }
  }

  @Test
  void aReportTheFindingsWereFormedAgainUnderIsNotKept() throws Exception {
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      ReportFiles.FormedAgain e = assertThrows(ReportFiles.FormedAgain.class, () -> ReportFiles.of(folder, "md",
          Optional.empty(), (w, aside) -> {
            w.write("half of it");
            try {
              relinked(folder, "meanwhile");
            } catch (SQLException x) {
              throw new java.io.IOException(x);
            }
            w.write(", the rest from another run");
          }));
      assertEquals(true, e.getMessage().contains("formed again"), e.getMessage());
      assertEquals(List.of(), kept(folder), "nothing kept, nothing left aside");
      Path made = ReportFiles.of(folder, "md", Optional.empty(), (w, aside) -> w.write("whole"));
      assertEquals("whole", Files.readString(made));
    }
  }

  @Test
  void theReportsUsedLastAreKept() throws Exception {
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      Path firstMade = ReportFiles.of(folder, "md", Optional.of("S0"), (w, aside) -> w.write("S0"));
      Path used = ReportFiles.of(folder, "md", Optional.of("S1"), (w, aside) -> w.write("S1"));
      for (int s = 2; s < ReportFiles.KEPT + 3; s++) {
        Thread.sleep(5); // each used at another moment
        String story = "S" + s;
        ReportFiles.of(folder, "md", Optional.of(story), (w, aside) -> w.write(story));
        if (s == ReportFiles.KEPT / 2) {
          ReportFiles.of(folder, "md", Optional.of("S1"), (w, aside) -> w.write("made again"));
        }
      }
      List<Path> kept = kept(folder);
      assertEquals(ReportFiles.KEPT, kept.size(), kept::toString);
      assertEquals(true, kept.contains(used), "S1, used again, is kept");
      assertEquals(false, kept.contains(firstMade), "S0, used least lately, is gone");
      assertEquals("S1", Files.readString(used));
    }
  }
}
