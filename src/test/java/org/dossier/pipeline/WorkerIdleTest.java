package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dossier.store.TaskQueue;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an idle worker reads before it queues a link round: the round the documents' tasks are at,
 * then which kinds are open. A retry that commits between the two reads is then seen open, so no
 * round is keyed for a retried analysis not yet done (which would leave its document unlinked).
 * A retry just after the open kinds were read is keyed into the round after it, once its tasks
 * are done. A retry counts in the round's key only when it queued extractions or analyses again.
 */
class WorkerIdleTest {
  @TempDir Path dir;

  @Test
  void aRetryBetweenAnIdleWorkersReadsQueuesNoRoundBeforeItsTasksAreDone() throws Exception {
    // another process queues the dead analysis again while this worker is between its reads
    afterAFirstIdleRead("newest", true, (schema, real, w) -> {
      assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'link'"),
          "no round queued while the retried analysis is open");
      assertEquals("queued", Workers.scalar(schema, "SELECT state FROM tasks WHERE kind = 'analyze'"));

      // control: once the analysis is done, the next idle read queues the round
      real.complete(real.claim("w", List.of(StageTasks.ANALYZE), 1, Duration.ofMinutes(1)).get(0));
      assertFalse(w.idle());
      assertEquals("1", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'link'"));
    });
  }

  @Test
  void aRetryJustAfterAnIdleWorkerReadTheOpenKindsIsLinkedOnceItsTasksAreDone() throws Exception {
    // the retry commits just after this worker saw no task open: it queues a round without the
    // memo, keyed as before the retry
    afterAFirstIdleRead("open", false, (schema, real, w) -> {
      assertEquals("1", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'link'"));
      for (String kind : List.of(StageTasks.LINK, StageTasks.ANALYZE)) {
        real.complete(real.claim("w", List.of(kind), 1, Duration.ofMinutes(1)).get(0));
      }
      // once the memo is analysed, the next idle read keys a round of its own
      assertFalse(w.idle());
      assertEquals("2", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'link'"));
    });
  }

  /** What a test checks after the first idle read: the case's schema, its queue, the worker. */
  @FunctionalInterface
  private interface AfterRead {
    void check(String schema, TaskQueue real, Worker w) throws Exception;
  }

  /**
   * A shared case whose memo's analysis is dead, and a worker whose queue has another process
   * retry it at {@code method} ({@link #retryingAt}); the worker's first idle read finds nothing
   * for itself, then {@code then} checks what followed.
   */
  private void afterAFirstIdleRead(String method, boolean before, AfterRead then) throws Exception {
    Path c = dir.resolve("case");
    String schema = Workers.sharedCase(c);
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      TaskQueue real = folder.store().tasks();
      kill(real, StageTasks.ANALYZE, "memo");
      Worker w = worker(folder, retryingAt(folder, method, before));
      assertFalse(w.idle());
      then.check(schema, real, w);
    }
  }

  /**
   * The case's queue, around which another process queues the dead tasks again once: before the
   * first call of {@code method} or just after it returns.
   */
  private static TaskQueue retryingAt(CaseFolder folder, String method, boolean before) {
    TaskQueue real = folder.store().tasks();
    AtomicBoolean retried = new AtomicBoolean();
    return (TaskQueue) Proxy.newProxyInstance(TaskQueue.class.getClassLoader(), new Class<?>[] {TaskQueue.class},
        (proxy, m, args) -> {
          boolean now = m.getName().equals(method) && retried.compareAndSet(false, true);
          if (now && before) {
            assertEquals(1, Worker.retryDead(folder, Optional.empty()));
          }
          Object result;
          try {
            result = m.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (now && !before) {
            assertEquals(1, Worker.retryDead(folder, Optional.empty()));
          }
          return result;
        });
  }

  /** A worker of the analyze and link stages on {@code queue}, not stopping when idle. */
  private static Worker worker(CaseFolder folder, TaskQueue queue) {
    return new Worker(folder, new Worker.Options(Set.of(StageTasks.ANALYZE, StageTasks.LINK), 1, false,
        Duration.ofSeconds(30), IngestSettings.defaults()), m -> { }, "unused", queue);
  }

  @Test
  void aRetryOfExtractionsOrAnalysesIsCountedForTheLinkRoundAndOthersAreNot() throws Exception {
    Path c = dir.resolve("case");
    Workers.sharedCase(c);
    try (CaseFolder folder = CaseFolder.open(c, Clock.systemUTC())) {
      TaskQueue q = folder.store().tasks();
      kill(q, StageTasks.INDEX, "batch-1");
      assertEquals(1, Worker.retryDead(folder, Optional.empty()));
      assertEquals(Optional.empty(), folder.store().setting(Worker.RETRIED_SETTING), "an index task changes no reading");
      kill(q, StageTasks.ANALYZE, "memo");
      assertEquals(1, Worker.retryDead(folder, Optional.of(StageTasks.ANALYZE)));
      assertEquals(Optional.of("1"), folder.store().setting(Worker.RETRIED_SETTING));
      kill(q, StageTasks.EXTRACT, "scan");
      assertEquals(0, Worker.retryDead(folder, Optional.of(StageTasks.ANALYZE)), "none of that kind");
      assertEquals(Optional.of("1"), folder.store().setting(Worker.RETRIED_SETTING));
      assertEquals(1, Worker.retryDead(folder, Optional.empty()));
      assertEquals(Optional.of("2"), folder.store().setting(Worker.RETRIED_SETTING), "each retry a round of its own");
    }
  }

  /** A task of one attempt, claimed and failed: dead. */
  private static void kill(TaskQueue q, String kind, String key) throws Exception {
    q.enqueue(List.of(new TaskQueue.NewTask(kind, key, "", 1)));
    TaskQueue.Lease l = q.claim("w", List.of(kind), 1, Duration.ofMinutes(1)).get(0);
    assertEquals(Optional.of(TaskQueue.State.DEAD), q.fail(l, "refused"));
  }
}
