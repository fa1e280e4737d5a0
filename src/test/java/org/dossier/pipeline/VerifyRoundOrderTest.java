package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dossier.store.TaskQueue;
import org.dossier.testing.Workers;
import org.dossier.verify.Families;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end of a verify round is queued only once each of its band partitions is done: a worker
 * whose view of the queue was read before another worker queued the partitions (it saw none open)
 * must not take them for done, or the end runs without their candidates and fails.
 */
class VerifyRoundOrderTest {
  @TempDir Path dir;

  @Test
  void theEndOfARoundWaitsForPartitionsAnotherWorkerQueued() throws Exception {
    Path c = dir.resolve("case");
    Workers.sharedCase(c);
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      folder.store().write(tx -> {
        tx.setSetting(Verifying.ROUND_SETTING, "round-7");
        return null;
      });
      TaskQueue queue = folder.store().tasks();
      List<TaskQueue.NewTask> parts = StageTasks.verifyBands("round-7", Families.BANDS, Verifying.BANDS_PER_TASK);
      assertEquals(parts.size(), queue.enqueue(parts)); // queued by another worker, not yet done
      Worker w = new Worker(folder, new Worker.Options(java.util.Set.of(StageTasks.VERIFY), 1, true,
          Duration.ofSeconds(60), IngestSettings.defaults()), m -> { });
      java.util.Set<String> seenBefore = java.util.Set.of(); // this worker read the open kinds before they were queued
      assertFalse(w.nextOfVerify(seenBefore));
      assertEquals(Optional.empty(), queue.state(StageTasks.VERIFY_FAMILIES, StageTasks.verifyFamilies("round-7").key()));
      // control: once every partition is done, the end is queued
      List<TaskQueue.Lease> leases = queue.claim("other", List.of(StageTasks.VERIFY_BANDS), parts.size(), Duration.ofSeconds(60));
      assertEquals(parts.size(), leases.size());
      for (TaskQueue.Lease l : leases) {
        assertTrue(queue.complete(l));
      }
      assertTrue(w.nextOfVerify(seenBefore));
      assertEquals(Optional.of(TaskQueue.State.QUEUED),
          queue.state(StageTasks.VERIFY_FAMILIES, StageTasks.verifyFamilies("round-7").key()));
    }
  }
}
