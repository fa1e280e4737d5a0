package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dossier.core.CaseLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ingest empties its own staging, and leaves a worker's and the reports' folders alone: a report may be being made or read. */
class StagingCleanTest {
  @TempDir Path dir;

  @Test
  void anIngestLeavesTheReportsAndTheWorkersAlone() throws Exception {
    CaseLayout layout = new CaseLayout(dir);
    Path own = Files.writeString(Files.createDirectories(layout.tmp().resolve("work")).resolve("part"), "an earlier run's");
    Path spill = Files.writeString(layout.tmp().resolve("spill.tmp"), "an earlier run's");
    Path report = Files.writeString(Files.createDirectories(layout.reports()).resolve("report-1.notes"), "footnotes");
    Path cutShort = Files.writeString(layout.reports().resolve("report-2.notes"), "a report's killed a day ago");
    Files.setLastModifiedTime(cutShort, java.nio.file.attribute.FileTime.fromMillis(
        System.currentTimeMillis() - org.dossier.core.Leftovers.AFTER.toMillis() - 60_000));
    Path worker = Files.writeString(Files.createDirectories(layout.tmp().resolve(Worker.STAGING_PREFIX + "w1"))
        .resolve("doc"), "a worker's");
    Ingest.cleanOwnStaging(layout);
    assertTrue(Files.exists(report), "a report being made keeps its footnotes");
    assertTrue(Files.exists(worker));
    try (Stream<Path> left = Files.list(layout.tmp())) {
      assertEquals(List.of(layout.reports(), worker.getParent()), left.sorted().toList());
    }
    // control: the ingest's own staging is gone, and what a report cut short left a day ago
    assertTrue(!Files.exists(own) && !Files.exists(spill));
    assertTrue(!Files.exists(cutShort));
  }
}
