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

  private WorkerOptions shared(Duration timeout) {
    return new WorkerOptions(256, timeout, MisbehavingWorkers.Selective.class.getName(),
        dir.resolve("worker.log"), java.util.List.of(), dir.resolve("scratch"), 2);
  }

  /** A worker with one thread: a second request sent meanwhile waits in the worker. */
  private WorkerOptions oneThread(Duration timeout) {
    return new WorkerOptions(256, timeout, MisbehavingWorkers.Selective.class.getName(),
        dir.resolve("worker.log"), java.util.List.of(), dir.resolve("scratch"), 1);
  }

  /** Runs two requests at once through one shared worker and returns both outcomes. */
  private Extraction[] together(ForkedExtractor x, String bad, String good) throws Exception {
    Path badFile = Fixtures.text(dir.resolve(bad), bad);
    Path goodFile = Fixtures.text(dir.resolve(good), good);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var b = pool.submit(() -> x.extract(request(badFile)));
      Thread.sleep(100);
      var g = pool.submit(() -> x.extract(request(goodFile)));
      return new Extraction[] {b.get(), g.get()};
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aHangInASharedWorkerCostsOnlyItsOwnDocument() throws Exception {
    try (ForkedExtractor x = new ForkedExtractor(SETTINGS, shared(Duration.ofSeconds(3)))) {
      Extraction[] r = together(x, "hang.txt", "fine.txt");
      assertEquals(DocumentStatus.TIMEOUT, r[0].status());
      assertEquals(DocumentStatus.OK, r[1].status(), "the other parse is sent again: " + r[1].reason());
      assertEquals(DocumentStatus.OK, x.extract(request(Fixtures.text(dir.resolve("after.txt"), "after"))).status());
    }
  }

  @Test
  void anOutOfMemoryInASharedWorkerIsPinnedOnItsDocument() throws Exception {
    try (ForkedExtractor x = new ForkedExtractor(SETTINGS, shared(Duration.ofMinutes(1)))) {
      Extraction[] r = together(x, "oom.txt", "fine.txt");
      assertEquals(DocumentStatus.OUT_OF_MEMORY, r[0].status(), r[0].reason());
      assertEquals(DocumentStatus.OK, r[1].status(), "the suspect that did not fail alone is fine: " + r[1].reason());
    }
  }

  @Test
  void aRequestWaitingInTheWorkerIsTimedFromItsStartNotFromItsWait() throws Exception {
    // one thread, 1.5 s a parse, a 2 s limit: the second request is answered 3 s after it was
    // sent, having waited in the worker for the first (sent ahead so that the thread never idles)
    try (ForkedExtractor x = new ForkedExtractor(SETTINGS, oneThread(Duration.ofSeconds(2)))) {
      long start = System.nanoTime();
      Extraction[] r = together(x, "slow-1.txt", "slow-2.txt");
      assertEquals(DocumentStatus.OK, r[0].status(), r[0].reason());
      assertEquals(DocumentStatus.OK, r[1].status(), "its wait is not its parse: " + r[1].reason());
      assertTrue(System.nanoTime() - start > Duration.ofMillis(2900).toNanos(), "the second waited for the first");
      // and a parse that overruns the limit itself is still stopped
      assertEquals(DocumentStatus.TIMEOUT, x.extract(request(Fixtures.text(dir.resolve("hang.txt"), "hang"))).status());
    }
  }

  @Test
  void aRequestWaitingBehindOneThatKillsTheWorkerIsSentAgainNotBlamed() throws Exception {
    try (ForkedExtractor x = new ForkedExtractor(SETTINGS, oneThread(Duration.ofMinutes(1)))) {
      Extraction[] r = together(x, "oom.txt", "fine.txt");
      assertEquals(DocumentStatus.OUT_OF_MEMORY, r[0].status(), r[0].reason());
      assertEquals(DocumentStatus.OK, r[1].status(), "it never started in the worker that died: " + r[1].reason());
    }
  }

  @Test
  void aRequestWaitingBehindATimeoutIsSentAgain() throws Exception {
    try (ForkedExtractor x = new ForkedExtractor(SETTINGS, oneThread(Duration.ofSeconds(2)))) {
      Extraction[] r = together(x, "hang.txt", "fine.txt");
      assertEquals(DocumentStatus.TIMEOUT, r[0].status());
      assertEquals(DocumentStatus.OK, r[1].status(), "sent again to a new worker: " + r[1].reason());
    }
  }

  @Test
  void eachWorkerGetsTheJvmOptionsAskedForAsItStarts() throws Exception {
    Path file = Fixtures.text(dir.resolve("a.txt"), "anything");
    WorkerOptions options = new WorkerOptions(256, Duration.ofMinutes(1), MisbehavingWorkers.ReportsJvmOptions.class.getName(),
        dir.resolve("worker.log"), java.util.List.of(), dir.resolve("scratch"), 1);
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    try (ForkedExtractor x = new ForkedExtractor(SETTINGS, options, () -> {
      asked.incrementAndGet();
      return java.util.List.of(ForkedExtractor.QUICK_START);
    })) {
      Extraction e = x.extract(request(file));
      assertTrue(e.reason().contains(ForkedExtractor.QUICK_START), e.reason());
      x.extract(request(file));
      assertEquals(1, asked.get(), "asked once per worker started, not per request");
    }
    try (ForkedExtractor x = new ForkedExtractor(SETTINGS, options)) {
      Extraction e = x.extract(request(file));
      assertTrue(!e.reason().contains("TieredStopAtLevel"), "none unless asked for: " + e.reason());
    }
  }
}
