package org.dossier.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dossier.collect.EvidenceStore;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Extraction;
import org.dossier.core.ExtractionRequest;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A parser that hangs, runs out of memory or crashes costs one document; the next one parses. */
class ForkedExtractorTest {
  private static final ExtractSettings SETTINGS =
      new ExtractSettings(1_000_000, "", 60, ContainerLimits.DEFAULT);

  @TempDir Path dir;

  private ExtractionRequest request(Path file) throws Exception {
    DocumentId id = EvidenceStore.hash(file);
    return new ExtractionRequest(id, file, file.getFileName().toString(),
        dir.resolve(id.shortForm() + ".txt"), dir.resolve(id.shortForm() + ".children"));
  }

  private WorkerOptions options(Class<?> main, Duration timeout) {
    return new WorkerOptions(256, timeout, main.getName(), dir.resolve("worker.log"));
  }

  @Test
  void parsesInAChildProcess() throws Exception {
    Path docx = Fixtures.docx(dir.resolve("memo.docx"), "Memo", "Delivery of 11 carriers by March.");
    try (ForkedExtractor x = new ForkedExtractor(SETTINGS, options(WorkerMain.class, Duration.ofMinutes(2)))) {
      Extraction e = x.extract(request(docx));
      assertEquals(DocumentStatus.OK, e.status(), e.reason());
      assertTrue(e.mediaType().contains("wordprocessingml"), e.mediaType());
      assertTrue(Files.readString(dir.resolve(EvidenceStore.hash(docx).shortForm() + ".txt"))
          .contains("Delivery of 11 carriers"));
      assertEquals(java.util.List.of("Memo"), e.metadata().get("dc:title"));
    }
  }

  @Test
  void aHangIsStoppedAtTheTimeout() throws Exception {
    Path file = Fixtures.text(dir.resolve("a.txt"), "anything");
    long start = System.nanoTime();
    try (ForkedExtractor x = new ForkedExtractor(SETTINGS, options(MisbehavingWorkers.Hangs.class, Duration.ofSeconds(2)))) {
      Extraction e = x.extract(request(file));
      assertEquals(DocumentStatus.TIMEOUT, e.status());
      assertTrue(e.reason().contains("--timeout"), e.reason());
    }
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
  }

  @Test
  void runningOutOfMemoryIsReported() throws Exception {
    Path file = Fixtures.text(dir.resolve("a.txt"), "anything");
    try (ForkedExtractor x = new ForkedExtractor(SETTINGS, options(MisbehavingWorkers.RunsOutOfMemory.class, Duration.ofMinutes(1)))) {
      Extraction e = x.extract(request(file));
      assertEquals(DocumentStatus.OUT_OF_MEMORY, e.status(), e.reason());
      assertTrue(e.reason().contains("--worker-heap"), e.reason());
    }
  }

  @Test
  void aCrashCostsOneDocumentAndTheWorkerIsReplaced() throws Exception {
    Path file = Fixtures.text(dir.resolve("a.txt"), "anything");
    try (ForkedExtractor x = new ForkedExtractor(SETTINGS, options(MisbehavingWorkers.Crashes.class, Duration.ofMinutes(1)))) {
      Extraction first = x.extract(request(file));
      assertEquals(DocumentStatus.FAILED, first.status());
      assertTrue(first.reason().contains("exit code 134"), first.reason());
      Extraction second = x.extract(request(file));
      assertEquals(DocumentStatus.FAILED, second.status(), "a new worker was started and crashed again");
    }
  }
}
