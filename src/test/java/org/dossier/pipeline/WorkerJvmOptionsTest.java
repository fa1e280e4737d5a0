package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dossier.extract.ForkedExtractor;
import org.junit.jupiter.api.Test;

/** A small ingest's worker skips C2, whose compilations it would not earn back; a large one keeps it. */
class WorkerJvmOptionsTest {
  @Test
  void aRunOfFewDocumentsGetsAWorkerWithoutC2() {
    assertEquals(List.of(ForkedExtractor.QUICK_START), Ingest.workerJvmOptions(0));
    assertEquals(List.of(ForkedExtractor.QUICK_START), Ingest.workerJvmOptions(2_000));
    assertEquals(List.of(ForkedExtractor.QUICK_START), Ingest.workerJvmOptions(Ingest.QUICK_START_BELOW - 1));
  }

  @Test
  void aLargeRunKeepsC2() {
    assertEquals(List.of(), Ingest.workerJvmOptions(Ingest.QUICK_START_BELOW));
    assertEquals(List.of(), Ingest.workerJvmOptions(120_000));
  }
}
