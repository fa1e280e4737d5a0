package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  /** The report as {@link ReportFiles#open} hands it over, read whole. */
  private static String read(CaseFolder folder, String what, Optional<String> story, ReportFiles.Maker maker)
      throws Exception {
    try (java.io.InputStream in = ReportFiles.open(folder, what, story, maker)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** What the kept reports hold. */
  private static List<String> keptTexts(CaseFolder folder) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (Path p : kept(folder)) {
      out.add(Files.readString(p));
    }
    return out;
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
      assertEquals("report 1", read(folder, "md", Optional.empty(), maker));
      assertEquals("report 1", read(folder, "md", Optional.empty(), maker));
      assertEquals(1, made.get());
      assertEquals(List.of("report 1"), keptTexts(folder));
      // another format, another story: reports of their own
      assertEquals("report 2", read(folder, "html", Optional.empty(), maker));
      assertEquals("report 3", read(folder, "md", Optional.of("S1"), maker));
      assertEquals("report 1", read(folder, "md", Optional.empty(), maker));
      // control: the findings formed again by a link run, the report is made again
      relinked(folder, "later");
      assertEquals("report 4", read(folder, "md", Optional.empty(), maker));
      assertEquals("report 4", read(folder, "md", Optional.empty(), maker));
    }
  }

  @Test
  void aReportTheFindingsWereFormedAgainUnderIsNotKept() throws Exception {
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      ReportFiles.FormedAgain e = assertThrows(ReportFiles.FormedAgain.class, () -> read(folder, "md",
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
      assertEquals("whole", read(folder, "md", Optional.empty(), (w, aside) -> w.write("whole")));
      assertEquals(List.of("whole"), keptTexts(folder));
    }
  }

  @Test
  void theReportsUsedLastAreKept() throws Exception {
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      read(folder, "md", Optional.of("S0"), (w, aside) -> w.write("S0"));
      read(folder, "md", Optional.of("S1"), (w, aside) -> w.write("S1"));
      for (int s = 2; s < ReportFiles.KEPT + 3; s++) {
        Thread.sleep(5); // each used at another moment
        String story = "S" + s;
        read(folder, "md", Optional.of(story), (w, aside) -> w.write(story));
        if (s == ReportFiles.KEPT / 2) {
          assertEquals("S1", read(folder, "md", Optional.of("S1"), (w, aside) -> w.write("made again")));
        }
      }
      List<String> kept = keptTexts(folder);
      assertEquals(ReportFiles.KEPT, kept.size(), kept::toString);
      assertEquals(true, kept.contains("S1"), "S1, used again, is kept: " + kept);
      assertEquals(false, kept.contains("S0"), "S0, used least lately, is gone: " + kept);
    }
  }

  @Test
  void theReportsOfEarlierRunsAreDeletedAsOneIsMadeAndWhatAStoppedProcessLeftAside() throws Exception {
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      read(folder, "md", Optional.empty(), (w, aside) -> w.write("first run's"));
      read(folder, "html", Optional.of("S2"), (w, aside) -> w.write("first run's story"));
      long unused = System.currentTimeMillis() - ReportFiles.OTHERS.toMillis() - 60_000;
      for (Path p : kept(folder)) {
        if (Files.readString(p).equals("first run's")) {
          Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(unused));
        }
      }
      Path leftAside = Files.writeString(ReportFiles.folder(folder).resolve(".report-123.tmp"), "cut short");
      Path notes = Files.writeString(ReportFiles.folder(folder).resolve("report-456.notes"), "footnotes");
      Path fresh = Files.writeString(ReportFiles.folder(folder).resolve("report-789.notes"), "another's, being made");
      long old = System.currentTimeMillis() - org.dossier.core.Leftovers.AFTER.toMillis() - 60_000;
      Files.setLastModifiedTime(leftAside, java.nio.file.attribute.FileTime.fromMillis(old));
      Files.setLastModifiedTime(notes, java.nio.file.attribute.FileTime.fromMillis(old));
      relinked(folder, "second");
      read(folder, "md", Optional.empty(), (w, aside) -> w.write("second run's"));
      assertEquals(List.of(fresh), kept(folder).stream().filter(p -> !p.getFileName().toString().matches("[0-9a-f-]+\\.\\w+"))
          .toList(), "what a stopped process left a day ago is gone; what is being made now stays");
      // the first run's unused for a while is gone; its story's, used a moment ago (another server's,
      // or a request's of a run just formed), stays until it is unused as long
      assertEquals(List.of("first run's story", "second run's"), keptTexts(folder).stream()
          .filter(t -> !t.equals("another's, being made")).sorted().toList());
    }
  }

  /**
   * Two requests for one report, the second asking while the first makes it: {@code then} is
   * what the first request's making does once the second has asked. Each request's report, or
   * what it failed with.
   */
  private static List<Object> twoAtOnce(CaseFolder folder, AtomicInteger made, ReportFiles.Maker then)
      throws Exception {
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    ReportFiles.Maker maker = (w, aside) -> {
      if (made.incrementAndGet() == 1) {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
      }
      then.write(w, aside);
    };
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<String> first = two.submit(() -> read(folder, "md", Optional.empty(), maker));
      started.await();
      java.util.concurrent.Future<String> second = two.submit(() -> read(folder, "md", Optional.empty(), maker));
      Thread.sleep(500); // the second asks while the first makes it
      release.countDown();
      List<Object> out = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<String> f : List.of(first, second)) {
        try {
          out.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          out.add(e.getCause().getClass());
        }
      }
      return out;
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void twoRequestsForOneReportMakeItOnce() throws Exception {
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      AtomicInteger made = new AtomicInteger();
      assertEquals(List.of("the report", "the report"), twoAtOnce(folder, made, (w, aside) -> w.write("the report")));
      assertEquals(1, made.get());
    }
  }

  @Test
  void aRequestWaitingOnAReportTheFindingsWereFormedAgainUnderFailsWithoutMakingIt() throws Exception {
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      AtomicInteger made = new AtomicInteger();
      List<Object> outcomes = twoAtOnce(folder, made, (w, aside) -> {
        if (made.get() == 1) {
          try {
            relinked(folder, "meanwhile");
          } catch (SQLException e) {
            throw new java.io.IOException(e);
          }
        }
        w.write("the report");
      });
      assertEquals(List.of(ReportFiles.FormedAgain.class, ReportFiles.FormedAgain.class), outcomes);
      assertEquals(1, made.get(), "the second is not made again only to fail the same way");
    }
  }

  @Test
  void aReportOpenedIsReadWholeThoughItIsPrunedOrReplaced() throws Exception {
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      read(folder, "md", Optional.empty(), (w, aside) -> w.write("the report"));
      try (java.io.InputStream in = ReportFiles.open(folder, "md", Optional.empty(), (w, aside) -> w.write("not made"))) {
        for (Path p : kept(folder)) {
          Files.delete(p);
        }
        assertEquals("the report", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }
}
