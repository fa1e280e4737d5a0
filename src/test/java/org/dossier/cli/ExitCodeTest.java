package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 0 ok, 1 failure, 2 usage error, with a message that says what to do. */
class ExitCodeTest {
  @TempDir Path dir;

  @Test
  void usageErrorsAreTwo() {
    assertEquals(2, Cli.run("ingest").exit(), "a path is required");
    assertEquals(2, Cli.run("frobnicate").exit());
    assertEquals(2, Cli.run("ingest", "--max-file-size", "lots", "x").exit());
    assertEquals(2, Cli.run().exit(), "a command is required");
    Cli.Result noCase = Cli.run("--case", dir.resolve("none").toString(), "status");
    assertEquals(2, noCase.exit());
    assertTrue(noCase.err().contains("run 'dossier ingest PATH' first"), noCase.err());
    Cli.Result missingInput = Cli.run("--case", dir.resolve("c").toString(), "ingest", dir.resolve("nope").toString());
    assertEquals(2, missingInput.exit());
    assertTrue(missingInput.err().contains("input not found"), missingInput.err());
  }

  @Test
  void impossibleLimitsAndAFileForACaseAreUsageErrorsAndCreateNothing() throws Exception {
    Path input = Fixtures.text(dir.resolve("in/a.txt"), "hello");
    for (String[] bad : new String[][] {{"--timeout=-1"}, {"--workers=0"}, {"--worker-heap=1"}, {"--max-ratio=0"},
        {"--max-file-size=-5"}, {"--max-expanded=lots"}}) {
      Path c = dir.resolve("case" + bad[0].replaceAll("\\W", ""));
      Cli.Result r = Cli.run("ingest", "--case", c.toString(), bad[0], input.getParent().toString());
      assertEquals(2, r.exit(), bad[0] + ": " + r);
      assertTrue(r.err().contains(bad[0].substring(0, bad[0].indexOf('='))), r.err());
      // the option as the user typed it, no Java type, field or exception name
      assertFalse(r.err().matches("(?s).*(Long|Exception|maxRatio|PT-).*"), r.err());
      assertFalse(Files.exists(c), bad[0] + " created the case");
    }
    Path file = Fixtures.text(dir.resolve("not-a-case.txt"), "x");
    Cli.Result onFile = Cli.run("ingest", "--case", file.toString(), input.getParent().toString());
    assertEquals(2, onFile.exit(), onFile::toString);
    assertTrue(onFile.err().contains("is a file, not a case folder"), onFile.err());
    // near miss: limits that can be met are accepted
    assertEquals(0, Cli.run("ingest", "--case", dir.resolve("ok").toString(), "--quiet", "--timeout=30", "--workers=1",
        input.getParent().toString()).exit());
  }

  @Test
  void everyCommandAnswersHelpWithItsUsage() {
    picocli.CommandLine root = Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(java.io.Writer.nullWriter()));
    java.util.List<String[]> commands = new java.util.ArrayList<>();
    root.getSubcommands().forEach((name, sub) -> {
      commands.add(new String[] {name});
      sub.getSubcommands().keySet().forEach(child -> commands.add(new String[] {name, child}));
    });
    assertTrue(commands.size() >= 15, "the commands were not found: " + commands.size());
    for (String[] c : commands) {
      String[] args = java.util.Arrays.copyOf(c, c.length + 1);
      args[c.length] = "--help";
      Cli.Result r = Cli.run(args);
      assertEquals(0, r.exit(), String.join(" ", args) + ": " + r);
      assertTrue(r.out().contains("Usage: dossier " + String.join(" ", c)), String.join(" ", args) + ": " + r.out());
    }
    // a mistyped option is still a usage error, not help
    assertEquals(2, Cli.run("facts", "--hepl").exit());
    // the command list gives each command a whole first sentence
    String list = Cli.run("--help").out();
    String[] entries = list.substring(list.indexOf("Commands:") + 9).strip().split("\\n(?=  \\S)");
    assertTrue(entries.length >= 15, list);
    for (String entry : entries) {
      assertTrue(entry.strip().endsWith("."), "cut mid-sentence: " + entry);
    }
    // a command that does not exist is a usage error, even with --help
    Cli.Result unknown = Cli.run("nosuchcommand", "--help");
    assertEquals(2, unknown.exit(), unknown::toString);
    assertTrue(unknown.err().contains("nosuchcommand"), unknown.err());
    // 'dossier help COMMAND' is the same usage, even for a command with a required parameter
    Cli.Result help = Cli.run("help", "ingest");
    assertEquals(0, help.exit(), help::toString);
    assertTrue(help.out().contains("Usage: dossier ingest"), help.out());
  }

  @Test
  void aSecondIngestOnANewCaseWaitsForTheLockBeforeBuildingTheDatabase() throws Exception {
    Path in = Fixtures.text(dir.resolve("in/note.txt"), "A note.").getParent();
    Path c = Files.createDirectories(dir.resolve("case"));
    org.dossier.core.CaseLayout layout = new org.dossier.core.CaseLayout(c);
    // another ingest holds the lock of the case it is creating
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(layout.lockFile(),
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock held = ch.lock()) {
      Cli.Result second = Cli.run("ingest", "--case", c.toString(), "--quiet", in.toString());
      assertEquals(1, second.exit(), second::toString);
      assertTrue(second.err().contains("another Dossier process is writing"), second.err());
      assertFalse(Files.exists(layout.database()), "the second ingest built the database before taking the lock");
    }
    // control: once the lock is free, the ingest runs
    Cli.Result after = Cli.run("ingest", "--case", c.toString(), "--quiet", in.toString());
    assertEquals(0, after.exit(), after::toString);
  }

  @Test
  void okIsZeroAndCaseMayComeAfterTheCommand() throws Exception {
    Path input = Fixtures.text(dir.resolve("in/a.txt"), "hello");
    assertEquals(0, Cli.run("ingest", "--case", dir.resolve("c").toString(), "--quiet", input.getParent().toString()).exit());
    assertEquals(0, Cli.run("status", "--case", dir.resolve("c").toString()).exit());
    Cli.Result unknownDoc = Cli.run("--case", dir.resolve("c").toString(), "show", "missing.txt");
    assertEquals(2, unknownDoc.exit());
    assertTrue(unknownDoc.err().contains("dossier search"), unknownDoc.err());
  }

  @Test
  void brokenCustodyIsOne() throws Exception {
    Path input = Fixtures.text(dir.resolve("in/a.txt"), "hello");
    Path caseDir = dir.resolve("c");
    assertEquals(0, Cli.run("--case", caseDir.toString(), "ingest", "--quiet", input.getParent().toString()).exit());
    Path log = caseDir.resolve("custody.jsonl");
    java.nio.file.Files.writeString(log, java.nio.file.Files.readString(log).replace("a.txt", "b.txt"));
    Cli.Result verify = Cli.run("--case", caseDir.toString(), "custody", "verify");
    assertEquals(1, verify.exit(), verify.toString());
    assertTrue(verify.out().contains("BROKEN"), verify.out());
  }

  /** A command that only runs out of memory, to stand for one given too large a case. */
  @picocli.CommandLine.Command(name = "exhaust")
  static final class Exhausts implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Test
  void aCommandOutOfMemorySaysSoAndHowToGiveItMoreNotAStackTrace() {
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine root = Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(err));
    root.addSubcommand("exhaust", new Exhausts());
    root.getSubcommands().get("exhaust").setErr(root.getErr()); // as the commands Main adds share it
    assertEquals(1, root.execute("exhaust"));
    assertTrue(err.toString().startsWith("dossier: out of memory: the command needed more than "), err::toString);
    assertTrue(err.toString().contains("DOSSIER_JAVA_OPTS=-Xmx"), err::toString);
    assertFalse(err.toString().contains("at org."), "no stack trace: " + err);
    assertEquals("dossier: out of memory: the command needed more than the 1024 MB of heap it was given; run it again"
        + " with more, e.g. DOSSIER_JAVA_OPTS=-Xmx4g ./dossier ...", Main.outOfMemory(1024L << 20));
    assertTrue(Main.outOfMemory(3072L << 20).contains("-Xmx8g"));
    assertTrue(Main.outOfMemory(64L << 20).contains("-Xmx2g"));
    // near miss: a command that fails otherwise keeps its own message
    java.io.StringWriter err2 = new java.io.StringWriter();
    picocli.CommandLine other = Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(err2));
    other.addSubcommand("fail", new Fails());
    other.getSubcommands().get("fail").setErr(other.getErr());
    assertEquals(1, other.execute("fail"));
    assertTrue(err2.toString().contains("the case database failed: gone"), err2::toString);
    assertFalse(err2.toString().contains("out of memory"), err2::toString);
  }

  @picocli.CommandLine.Command(name = "fail")
  static final class Fails implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      throw new java.io.IOException("the case database failed: gone");
    }
  }
}
