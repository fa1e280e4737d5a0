package org.dossier.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dossier.pipeline.CaseFolder;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CaseStore.Batch#settingIs} with two processes' connections on one PostgreSQL case: a
 * transaction that checks a setting is still absent waits for another that is setting it and has
 * not committed, and then sees it set (a stage's result formed before another stage's run is not
 * kept as current). The control: with no such writer the absent setting is seen absent at once.
 */
class SettingHeldTest {
  @TempDir Path dir;

  @Test
  void anAbsentSettingBeingSetByAnOpenTransactionIsWaitedForAndSeen() throws Exception {
    Path c = dir.resolve("case");
    Workers.sharedCase(c);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (CaseFolder writer = CaseFolder.open(c, Clock.systemUTC());
        CaseFolder checker = CaseFolder.open(c, Clock.systemUTC())) {
      // control: nobody sets it, so it is absent, at once
      boolean absentNow = checker.store().write(tx -> tx.settingIs("stage.run", Optional.empty()));
      assertTrue(absentNow);

      CountDownLatch written = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<?> setting = pool.submit(() -> writer.store().write(tx -> {
        tx.setSetting("stage.run", "run 2");
        written.countDown();
        try {
          release.await(30, TimeUnit.SECONDS); // the transaction stays open meanwhile
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return null;
      }));
      assertTrue(written.await(30, TimeUnit.SECONDS));
      Future<Boolean> absent = pool.submit(() -> checker.store().<Boolean>write(tx -> tx.settingIs("stage.run", Optional.empty())));
      Thread.sleep(500);
      assertFalse(absent.isDone(), "the check waits for the open transaction that sets the setting");
      release.countDown();
      setting.get(30, TimeUnit.SECONDS);
      assertFalse(absent.get(30, TimeUnit.SECONDS), "once that commits, the setting is seen set");
    } finally {
      pool.shutdownNow();
    }
  }
}
