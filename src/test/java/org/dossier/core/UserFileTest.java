package org.dossier.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file the user asked for is whole or as it was, with nothing left beside it, and has a user's file's mode. */
class UserFileTest {
  @TempDir Path dir;

  private List<Path> beside() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  @Test
  void aWriteThatFailsOrIsRefusedLeavesTheFileAsItWasAndNothingBeside() throws Exception {
    Path target = dir.resolve("report.md");
    UserFile.write(target, "report", out -> out.write("first".getBytes(StandardCharsets.UTF_8)), () -> { });
    assertEquals("first", Files.readString(target));
    IOException failed = assertThrows(IOException.class, () -> UserFile.write(target, "report", out -> {
      out.write("half of the sec".getBytes(StandardCharsets.UTF_8));
      throw new IOException("the store failed");
    }, () -> { }));
    assertEquals("the store failed", failed.getMessage());
    assertEquals("first", Files.readString(target));
    assertEquals(List.of(), beside());
    assertThrows(IOException.class, () -> UserFile.write(target, "report",
        out -> out.write("second, whole".getBytes(StandardCharsets.UTF_8)), () -> {
          throw new IOException("formed again");
        }));
    assertEquals("first", Files.readString(target), "a refused file does not replace it");
    assertEquals(List.of(), beside());
    // control: checked and whole, it replaces it
    UserFile.write(target, "report", out -> out.write("second, whole".getBytes(StandardCharsets.UTF_8)), () -> { });
    assertEquals("second, whole", Files.readString(target));
  }

  @Test
  void itHasTheModeOfAnyFileTheUserMakes() throws Exception {
    Path mine = Files.writeString(dir.resolve("mine.txt"), "a file the user makes");
    Path temp = Files.createTempFile(dir, "temp", ".tmp");
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.getPosixFilePermissions(mine).equals(Files.getPosixFilePermissions(temp)),
        "this umask makes a user's files owner-only, as a temp file is: the two cannot be told apart here");
    Files.delete(temp);
    Path target = dir.resolve("sub").resolve("export.json");
    UserFile.write(target, "export", out -> out.write('{'), () -> { });
    assertEquals(Files.getPosixFilePermissions(mine), Files.getPosixFilePermissions(target));
  }
}
