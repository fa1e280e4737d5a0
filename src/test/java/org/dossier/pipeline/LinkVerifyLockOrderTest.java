package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dossier.store.FindingRow;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workers on one PostgreSQL case: one keeping the verify stage's result (it holds the link
 * setting it read, then replaces its findings, as {@link Verifying#keepResult} does) while another
 * stores a link run ({@link Linking#keep}). Both take the settings before the findings, so the link
 * waits for the verify and then goes on, and neither fails; taking the findings first, the link
 * would wait for the verify's setting while the verify waited for the findings, a deadlock
 * PostgreSQL breaks by failing one of them.
 */
class LinkVerifyLockOrderTest {
  @TempDir Path dir;

  @Test
  void aLinkStoredWhileAVerifyKeepsItsResultWaitsForItAndNeitherFails() throws Exception {
    Path c = dir.resolve("case");
    Workers.sharedCase(c);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (CaseFolder verifier = CaseFolder.open(c, Clock.systemUTC());
        CaseFolder linker = CaseFolder.open(c, Clock.systemUTC())) {
      linker.store().write(tx -> {
        tx.setSetting(Linking.SETTING, Linking.VERSION + " first");
        return null;
      });
      Optional<String> linked = verifier.store().setting(Linking.SETTING);
      CountDownLatch held = new CountDownLatch(1);
      Future<Boolean> verify = pool.submit(() -> verifier.store().<Boolean>write(tx -> {
        boolean same = tx.settingIs(Linking.SETTING, linked);
        held.countDown();
        try {
          Thread.sleep(1_500); // the link starts meanwhile and meets what this holds
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        tx.replaceFindings(List.of(Verifying.SIGNAL, Verifying.FAMILY), List.of());
        tx.setSetting(Verifying.SETTING, Verifying.VERSION + " kept");
        return same;
      }));
      held.await(30, TimeUnit.SECONDS);
      Future<?> link = pool.submit(() -> linker.store().write(tx -> {
        Linking.keep(linker, tx, sink -> sink.accept(new FindingRow("story", "S1", "S1", "", "", "{}")));
        return null;
      }));
      verify.get(60, TimeUnit.SECONDS);
      link.get(60, TimeUnit.SECONDS);
      // the link committed last: its findings and setting stand, and the verify stage is due again
      assertEquals(1, linker.store().findings().count("story", Optional.empty(), List.of()));
      assertFalse(Verifying.current(linker.store()));
    } finally {
      pool.shutdownNow();
    }
  }
}
