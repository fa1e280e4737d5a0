package org.dossier.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntryNamesTest {

  @Test
  void traversalIsDroppedAndFlagged() {
    EntryNames.Safe s = EntryNames.sanitize("../../etc/passwd", true);
    assertEquals("etc/passwd", s.name());
    assertTrue(s.unsafe());
    EntryNames.Safe inner = EntryNames.sanitize("docs/../../../x.txt", true);
    assertEquals("docs/x.txt", inner.name());
    assertTrue(inner.unsafe());
  }

  @Test
  void absoluteArchiveNamesAreFlaggedButOfficePartsAreNot() {
    assertTrue(EntryNames.sanitize("/etc/cron.d/job", true).unsafe());
    assertEquals("etc/cron.d/job", EntryNames.sanitize("/etc/cron.d/job", true).name());
    assertTrue(EntryNames.sanitize("C:\\Windows\\evil.dll", true).unsafe());
    assertEquals("Windows/evil.dll", EntryNames.sanitize("C:\\Windows\\evil.dll", true).name());
    assertFalse(EntryNames.sanitize("/docProps/thumbnail.jpeg", false).unsafe());
  }

  @Test
  void ordinaryNamesPassUnchanged() {
    EntryNames.Safe s = EntryNames.sanitize("contracts/2024/договор №5.docx", true);
    assertEquals("contracts/2024/договор №5.docx", s.name());
    assertFalse(s.unsafe());
  }

  @Test
  void controlCharactersAndEmptyNamesAreCleaned() {
    assertEquals("ab.txt", EntryNames.sanitize("a\u0000b.txt", true).name());
    assertEquals("unnamed", EntryNames.sanitize("///", true).name());
    assertEquals("unnamed", EntryNames.sanitize("..", true).name());
  }
}
