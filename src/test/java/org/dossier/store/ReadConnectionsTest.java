package org.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadConnectionsTest {
  @TempDir Path dir;

  private static DocumentId id(int i) {
    return new DocumentId(String.format(java.util.Locale.ROOT, "%064x", i));
  }

  private static NewDocument doc(int i) {
    return new NewDocument(id(i), "doc-" + i + ".txt", i, true, Optional.empty(), 0, Stage.COLLECTED,
        DocumentStatus.PENDING, "", 1);
  }

  private CaseStore store(int readers) throws SQLException {
    return CaseStore.open(dir.resolve("d.db"), Clock.systemUTC(), readers);
  }

  @Test
  void twoReadsRunAtOnceOnTwoConnections() throws Exception {
    try (CaseStore s = store(2); ReadConnections pool = new ReadConnections(new StoreLocation.Sqlite(dir.resolve("d.db")), 2)) {
      s.write(tx -> tx.insertDocument(doc(1)));
      CountDownLatch bothIn = new CountDownLatch(2);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        List<Future<Connection>> held = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          held.add(threads.submit(() -> pool.read(c -> {
            bothIn.countDown();
            // with one shared connection the second read would wait here for the first: never both in
            try {
              assertTrue(bothIn.await(10, TimeUnit.SECONDS), "the other read did not start meanwhile");
            } catch (InterruptedException e) {
              throw new SQLException(e);
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM documents")) {
              rs.next();
              assertEquals(1, rs.getLong(1));
            }
            return c;
          })));
        }
        assertNotSame(held.get(0).get(20, TimeUnit.SECONDS), held.get(1).get(20, TimeUnit.SECONDS));
        assertEquals(2, pool.opened());
      } finally {
        threads.shutdownNow();
      }
    }
  }

  @Test
  void noMoreConnectionsThanItsSizeAndAWaitingReadGetsOneWhenItComesFree() throws Exception {
    try (CaseStore s = store(1); ReadConnections pool = new ReadConnections(new StoreLocation.Sqlite(dir.resolve("d.db")), 1)) {
      CountDownLatch firstIn = new CountDownLatch(1);
      CountDownLatch letGo = new CountDownLatch(1);
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        Future<Integer> first = threads.submit(() -> pool.read(c -> {
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          firstIn.countDown();
          try {
            letGo.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new SQLException(e);
          }
          inside.decrementAndGet();
          return 1;
        }));
        assertTrue(firstIn.await(10, TimeUnit.SECONDS));
        Future<Integer> second = threads.submit(() -> pool.read(c -> {
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          inside.decrementAndGet();
          return 2;
        }));
        Thread.sleep(200);
        assertFalse(second.isDone(), "the second read ran while the only connection was taken");
        letGo.countDown();
        assertEquals(1, first.get(10, TimeUnit.SECONDS));
        assertEquals(2, second.get(10, TimeUnit.SECONDS));
        assertEquals(1, most.get());
        assertEquals(1, pool.opened());
      } finally {
        threads.shutdownNow();
      }
    }
  }

  @Test
  void aReadInsideAReadUsesItsThreadsConnectionAndCannotWaitForItself() throws Exception {
    try (CaseStore s = store(1); ReadConnections pool = new ReadConnections(new StoreLocation.Sqlite(dir.resolve("d.db")), 1)) {
      Connection[] inner = new Connection[1];
      Connection outer = pool.read(c -> {
        inner[0] = pool.read(c2 -> c2);
        return c;
      });
      assertSame(outer, inner[0]);
    }
  }

  @Test
  void aReadConnectionRefusesToWrite() throws Exception {
    try (CaseStore s = store(1); ReadConnections pool = new ReadConnections(new StoreLocation.Sqlite(dir.resolve("d.db")), 1)) {
      assertThrows(SQLException.class, () -> pool.read(c -> {
        try (Statement st = c.createStatement()) {
          return st.executeUpdate("DELETE FROM documents");
        }
      }));
    }
  }

  @Test
  void closedItRefusesToRead() throws Exception {
    ReadConnections pool;
    try (CaseStore s = store(1)) {
      pool = new ReadConnections(new StoreLocation.Sqlite(dir.resolve("d.db")), 1);
      pool.read(c -> null);
      pool.close();
    }
    assertThrows(SQLException.class, () -> pool.read(c -> null));
  }

  /**
   * Sixteen threads read through the narrow stores while the writer adds documents: every read
   * finds what was committed before it started, with the right name and metadata, and no count
   * goes backwards.
   */
  @Test
  void manyThreadsReadCorrectlyThroughTheStoreWhileItIsWritten() throws Exception {
    int before = 300;
    int added = 200;
    try (CaseStore s = store(4)) {
      s.write(tx -> {
        for (int i = 0; i < before; i++) {
          tx.insertDocument(doc(i));
        }
        return null;
      });
      AtomicInteger committed = new AtomicInteger(before);
      ExecutorService threads = Executors.newFixedThreadPool(17);
      try {
        Future<?> writer = threads.submit(() -> {
          for (int i = before; i < before + added; i++) {
            int k = i;
            s.write(tx -> tx.insertDocument(doc(k)));
            committed.set(k + 1);
          }
          return null;
        });
        List<Future<Integer>> readers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          int seed = t;
          readers.add(threads.submit(() -> {
            long lastCount = 0;
            int reads = 0;
            for (int n = 0; n < 300; n++) {
              int known = committed.get();
              int i = (seed * 7919 + n * 31) % known;
              Document d = s.documents().document(id(i)).orElseThrow(() -> new AssertionError("no document " + i));
              assertEquals("doc-" + i + ".txt", d.name());
              assertEquals(i, d.size());
              long count = s.documents().documentCount();
              assertTrue(count >= known && count >= lastCount, "count " + count + " after " + lastCount + ", " + known + " committed");
              lastCount = count;
              assertEquals(Optional.empty(), s.setting("no such setting"));
              reads++;
            }
            return reads;
          }));
        }
        writer.get(60, TimeUnit.SECONDS);
        int reads = 0;
        for (Future<Integer> r : readers) {
          reads += r.get(60, TimeUnit.SECONDS);
        }
        assertEquals(16 * 300, reads);
        assertEquals(before + added, s.documents().documentCount());
      } finally {
        threads.shutdownNow();
      }
    }
  }
}
