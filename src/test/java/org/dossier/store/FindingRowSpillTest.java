package org.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings written to a spill come back whole and in order; a spill cut short or never closed is refused, not read in part. */
class FindingRowSpillTest {
  private static final List<FindingRow> ROWS = List.of(
      new FindingRow("story", "S1", "S1", "", "", "{\"title\":\"Пристань «Ветер» — 港口\"}"),
      new FindingRow("fact", "F1", "S1", "conflict", "", "{\"claims\":[]}"),
      new FindingRow("source", "press/a.txt", "", "original", "press/a.txt", "x".repeat(200_000)),
      new FindingRow("event", "E1", "S1", "single", "", ""));

  private static List<FindingRow> read(Path file) {
    List<FindingRow> out = new ArrayList<>();
    FindingRow.Spill.read(file, out::add);
    return out;
  }

  @Test
  void rowsComeBackWholeAndInOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rows");
    try (FindingRow.Spill spill = FindingRow.Spill.to(file)) {
      ROWS.forEach(spill::add);
    }
    assertEquals(ROWS, read(file));
    try (FindingRow.Spill spill = FindingRow.Spill.to(file)) {
      assertTrue(spill != null);
    }
    assertEquals(List.of(), read(file), "a spill written again is emptied first");
  }

  @Test
  void aSpillCutShortOrNeverClosedIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rows");
    try (FindingRow.Spill spill = FindingRow.Spill.to(file)) {
      ROWS.forEach(spill::add);
    }
    byte[] whole = Files.readAllBytes(file);
    for (int cut : new int[] {whole.length - 1, whole.length / 2, 3}) {
      Files.write(file, java.util.Arrays.copyOf(whole, cut));
      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> read(file), "cut at " + cut);
      assertTrue(e.getMessage().contains("ends early"), e.getMessage());
    }
    // control: the whole file is read
    Files.write(file, whole);
    assertEquals(ROWS.size(), read(file).size());
  }
}
