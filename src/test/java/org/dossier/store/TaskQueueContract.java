package org.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dossier.store.TaskQueue.Count;
import org.dossier.store.TaskQueue.DeadTask;
import org.dossier.store.TaskQueue.Lease;
import org.dossier.store.TaskQueue.NewTask;
import org.dossier.store.TaskQueue.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the work queue does on every engine: each claimer is a store of its own on one case (as
 * workers in other processes are), so two of them meet only in the database. The leases run on
 * the database's clock; the tests that wait for one to run out poll with a deadline.
 */
abstract class TaskQueueContract {
  private static final Duration LONG = Duration.ofMinutes(5);
  private static final List<String> EXTRACT = List.of("extract");

  @TempDir Path dir;

  /** Where a new case's store lives for this engine: a new one for each call. */
  abstract StoreLocation newLocation();

  /** How many claimers the parallel test runs (each with its own store and connections). */
  abstract int claimers();

  private static NewTask task(String key) {
    return new NewTask("extract", key, "{\"doc\":\"" + key + "\"}");
  }

  private static long count(TaskQueue q, String kind, State state) throws SQLException {
    return q.counts().stream().filter(c -> c.kind().equals(kind) && c.state() == state)
        .mapToLong(Count::tasks).sum();
  }

  /** Queues the dead tasks again (of one kind, or all) as the workers' retry does: how many, of any kind. */
  private static int retry(CaseStore store, Optional<String> kind) throws SQLException {
    return store.write(tx -> tx.retryDead(kind)).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Claims for {@code owner} until one task comes, or fails after {@code seconds}. */
  private static Lease claimWithin(TaskQueue q, String owner, Duration lease, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      List<Lease> got = q.claim(owner, EXTRACT, 1, lease);
      if (!got.isEmpty()) {
        return got.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError(owner + " got no task within " + seconds + " s: " + q.counts());
  }

  @Test
  void enqueueingATaskAgainIsTheSameTask() throws Exception {
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      TaskQueue q = store.tasks();
      assertEquals(2, q.enqueue(List.of(task("aaa"), task("bbb"), task("aaa"))));
      assertEquals(0, q.enqueue(List.of(task("bbb"), new NewTask("extract", "aaa", "another payload"))));
      assertEquals(1, q.enqueue(List.of(new NewTask("analyze", "aaa", ""))), "the same key of another kind is another task");
      List<Lease> got = q.claim("w1", EXTRACT, 10, LONG);
      assertEquals(List.of("aaa", "bbb"), got.stream().map(Lease::key).toList(), "oldest first, extract only");
      assertEquals("{\"doc\":\"aaa\"}", got.get(0).payload(), "the first payload is kept");
      assertTrue(q.complete(got.get(0)));
      assertEquals(0, q.enqueue(List.of(task("aaa"))), "a done task is not enqueued again");
      assertEquals(List.of(new Count("analyze", State.QUEUED, 1), new Count("extract", State.LEASED, 1),
          new Count("extract", State.DONE, 1)), q.counts());
    }
  }

  @Test
  void aClaimOfSeveralKindsTakesTheOldestOfThemAllARanOutLeaseAmongThem() throws Exception {
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      TaskQueue q = store.tasks();
      q.enqueue(List.of(task("e0")));
      Lease lost = q.claim("slow", EXTRACT, 1, Duration.ofMillis(200)).get(0);
      q.enqueue(List.of(new NewTask("analyze", "a1", ""), new NewTask("index", "x1", ""), task("e1"),
          new NewTask("analyze", "a2", ""), task("e2")));
      Thread.sleep(1000); // the lease runs out on the database's clock, which has gone on as long
      // the kinds named newest first: the order taken is the tasks', not the kinds'
      List<Lease> got = q.claim("w", List.of("analyze", "extract"), 3, LONG);
      assertEquals(List.of("e0", "a1", "e1"), got.stream().map(Lease::key).toList(),
          "the lease that ran out first, then the oldest queued of both kinds, the index task left");
      assertEquals(2, got.get(0).attempt());
      assertEquals(List.of("a2", "e2"), q.claim("w", List.of("extract", "analyze", "verify"), 5, LONG).stream()
          .map(Lease::key).toList());
      assertEquals(List.of("x1"), q.claim("w", List.of("index"), 5, LONG).stream().map(Lease::key).toList());
    }
  }

  @Test
  void theKindsWithOpenTasksAndTheNewestTaskOfAKindAreReadWithoutCounting() throws Exception {
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      TaskQueue q = store.tasks();
      List<String> kinds = List.of("extract", "analyze", "index");
      assertEquals(java.util.Set.of(), q.open(kinds));
      assertEquals(0, q.newest(kinds));
      q.enqueue(List.of(task("a"), new NewTask("analyze", "b", "", 1)));
      assertEquals(java.util.Set.of("extract", "analyze"), q.open(kinds));
      assertEquals(java.util.Set.of("analyze"), q.open(List.of("analyze", "verify")), "only the kinds asked");
      Lease a = q.claim("w", EXTRACT, 1, LONG).get(0);
      Lease b = q.claim("w", List.of("analyze"), 1, LONG).get(0);
      assertEquals(java.util.Set.of("extract", "analyze"), q.open(kinds), "a leased task is open");
      assertEquals(a.task(), q.newest(EXTRACT));
      assertEquals(Math.max(a.task(), b.task()), q.newest(kinds));
      assertTrue(q.complete(a));
      assertEquals(Optional.of(State.DEAD), q.fail(b, "broke"));
      assertEquals(java.util.Set.of(), q.open(kinds), "a done or dead task is not");
      assertEquals(List.of(), q.openCounts());
      assertEquals(a.task(), q.newest(EXTRACT), "done, it is still the newest");
      assertEquals(b.task(), q.newest(List.of("analyze")), "dead too");
      q.enqueue(List.of(new NewTask("index", "c", "")));
      assertEquals(a.task(), q.newest(EXTRACT), "another kind's task changes nothing");
      assertEquals(0, q.enqueue(List.of(task("a"))));
      assertEquals(a.task(), q.newest(EXTRACT), "nor a task enqueued again");
      q.enqueue(List.of(task("d")));
      assertTrue(q.newest(EXTRACT) > a.task(), "a new task of the kind does");
      assertEquals(List.of(new Count("extract", State.QUEUED, 1), new Count("index", State.QUEUED, 1)), q.openCounts());
      assertEquals(java.util.Set.of("extract", "index"), q.open(kinds));
    }
  }

  @Test
  void aTasksStateIsReadByKindAndKey() throws Exception {
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      TaskQueue q = store.tasks();
      q.enqueue(List.of(task("aaa"), task("bbb")));
      assertEquals(Optional.of(State.QUEUED), q.state("extract", "bbb"));
      Lease l = q.claim("w1", EXTRACT, 1, LONG).get(0);
      assertEquals(Optional.of(State.LEASED), q.state("extract", l.key()));
      assertTrue(q.complete(l));
      assertEquals(Optional.of(State.DONE), q.state("extract", l.key()));
      assertEquals(Optional.empty(), q.state("analyze", "aaa"));
      assertEquals(Optional.empty(), q.state("extract", "ccc"));
    }
  }

  @Test
  void parallelClaimersNeverGetTheSameTask() throws Exception {
    StoreLocation where = newLocation();
    int tasks = 300;
    List<CaseStore> stores = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(claimers());
    try {
      stores.add(CaseStore.create(where, Clock.systemUTC()));
      List<NewTask> all = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        all.add(task(String.format(java.util.Locale.ROOT, "doc%04d", i)));
      }
      assertEquals(tasks, stores.get(0).tasks().enqueue(all));
      for (int i = 1; i < claimers(); i++) {
        stores.add(CaseStore.open(where, Clock.systemUTC()));
      }
      Map<Long, List<String>> claimedBy = new ConcurrentHashMap<>();
      AtomicInteger completed = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < claimers(); i++) {
        TaskQueue q = stores.get(i).tasks();
        String owner = "worker-" + i;
        runs.add(pool.submit(() -> {
          start.await();
          int mine = 0;
          for (List<Lease> got = q.claim(owner, EXTRACT, 3, LONG); !got.isEmpty(); got = q.claim(owner, EXTRACT, 3, LONG)) {
            for (Lease l : got) {
              claimedBy.computeIfAbsent(l.task(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(owner);
              if (q.complete(l)) {
                completed.incrementAndGet();
              }
              mine++;
            }
          }
          return mine;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : runs) {
        total += f.get(5, TimeUnit.MINUTES);
      }
      assertEquals(tasks, claimedBy.size(), "every task was claimed");
      claimedBy.forEach((id, owners) -> assertEquals(1, owners.size(), "task " + id + " was claimed by " + owners));
      assertEquals(tasks, total);
      assertEquals(tasks, completed.get());
      assertEquals(List.of(new Count("extract", State.DONE, tasks)), stores.get(0).tasks().counts());
    } finally {
      pool.shutdownNow();
      stores.forEach(CaseStore::close);
    }
  }

  @Test
  void aLeaseThatRanOutIsClaimedAgainAndItsLateCompletionRefused() throws Exception {
    StoreLocation where = newLocation();
    try (CaseStore a = CaseStore.create(where, Clock.systemUTC());
        CaseStore b = CaseStore.open(where, Clock.systemUTC())) {
      a.tasks().enqueue(List.of(task("aaa")));
      Lease first = a.tasks().claim("slow", EXTRACT, 1, Duration.ofMillis(300)).get(0);
      assertEquals(1, first.attempt());
      assertEquals(List.of(), b.tasks().claim("fast", EXTRACT, 1, LONG), "a held lease is not claimed");
      Lease second = claimWithin(b.tasks(), "fast", LONG, 30);
      assertEquals(first.task(), second.task());
      assertEquals(2, second.attempt());

      // the slow worker comes back: its lease is no longer the task's, whatever it tries
      assertFalse(a.tasks().complete(first), "a late completion is refused");
      assertEquals(Optional.empty(), a.tasks().fail(first, "late"));
      assertEquals(List.of(), a.tasks().heartbeat(List.of(first), LONG), "the heartbeat tells it the lease is lost");
      assertEquals(List.of(new Count("extract", State.LEASED, 1)), a.tasks().counts(), "and it changed nothing");

      assertTrue(b.tasks().complete(second));
      assertFalse(b.tasks().complete(second), "a task is completed once");
      assertEquals(List.of(new Count("extract", State.DONE, 1)), b.tasks().counts());
    }
  }

  @Test
  void aLeaseIsTheClaimNotTheOwner() throws Exception {
    // one worker's name on two claims of a task (a thread whose lease ran out, another thread of
    // the same worker that took the task again): only the newer claim counts
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      TaskQueue q = store.tasks();
      q.enqueue(List.of(task("aaa")));
      Lease old = q.claim("w", EXTRACT, 1, Duration.ofMillis(200)).get(0);
      Lease newer = claimWithin(q, "w", LONG, 30);
      assertEquals(old.task(), newer.task());
      assertFalse(q.complete(old));
      assertTrue(q.complete(newer));
    }
  }

  @Test
  void aHeartbeatKeepsALeaseAndOnlyTheOneItNames() throws Exception {
    StoreLocation where = newLocation();
    try (CaseStore a = CaseStore.create(where, Clock.systemUTC());
        CaseStore b = CaseStore.open(where, Clock.systemUTC())) {
      a.tasks().enqueue(List.of(task("kept"), task("left")));
      Duration lease = Duration.ofSeconds(3);
      List<Lease> held = a.tasks().claim("w", EXTRACT, 2, lease);
      assertEquals(2, held.size());
      Thread.sleep(2_000);
      List<Lease> renewed = a.tasks().heartbeat(List.of(held.get(0)), Duration.ofSeconds(20));
      assertEquals(1, renewed.size());
      assertTrue(renewed.get(0).until().isAfter(held.get(0).until()), renewed + " after " + held);
      Thread.sleep(1_500); // past the first lease's end
      Lease taken = claimWithin(b.tasks(), "other", LONG, 30);
      assertEquals("left", taken.key(), "the lease without a heartbeat ran out, the other did not");
      assertEquals(List.of(), b.tasks().claim("other", EXTRACT, 1, LONG));
      assertTrue(a.tasks().complete(renewed.get(0)));
      assertEquals(List.of(), a.tasks().heartbeat(List.of(renewed.get(0)), LONG), "a completed task's lease is not renewed");
    }
  }

  @Test
  void aTaskThatFailsUpToItsCapIsDeadWithItsLastError() throws Exception {
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      TaskQueue q = store.tasks();
      q.enqueue(List.of(new NewTask("extract", "bad", "", 2), new NewTask("extract", "crashes", "", 1)));
      Lease bad = q.claim("w", EXTRACT, 1, LONG).get(0);
      assertEquals(Optional.of(State.QUEUED), q.fail(bad, "parser error 1"));
      bad = q.claim("w", EXTRACT, 1, LONG).get(0);
      assertEquals("bad", bad.key(), "a failed task is queued again, before newer ones");
      assertEquals(2, bad.attempt());
      assertEquals(Optional.of(State.DEAD), q.fail(bad, "parser error 2"));

      // a worker that dies on its task's last attempt: the lease runs out, the task is dead
      Lease crash = q.claim("w", EXTRACT, 1, Duration.ofMillis(200)).get(0);
      assertEquals("crashes", crash.key());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (count(q, "extract", State.DEAD) < 2 && System.nanoTime() < deadline) {
        assertEquals(List.of(), q.claim("w2", EXTRACT, 1, LONG), "a task on its last attempt is not claimed again");
        Thread.sleep(50);
      }
      List<DeadTask> dead = q.dead(10);
      assertEquals(List.of("bad", "crashes"), dead.stream().map(DeadTask::key).toList());
      assertEquals("parser error 2", dead.get(0).lastError());
      assertEquals(2, dead.get(0).attempts());
      assertTrue(dead.get(1).lastError().contains("lease of w ran out on attempt 1 of 1"), dead.get(1).lastError());
      assertEquals(List.of(new Count("extract", State.DEAD, 2)), q.counts());
      assertEquals(1, q.dead(1).size());
      assertFalse(q.complete(crash), "a dead task is not completed by its lost lease");
    }
  }

  @Test
  void aTaskGivenBackUnstartedIsQueuedAgainWithoutUsingAnAttempt() throws Exception {
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      TaskQueue q = store.tasks();
      q.enqueue(List.of(new NewTask("extract", "given", "", 2), new NewTask("extract", "other", "", 2)));
      List<Lease> both = q.claim("w", EXTRACT, 2, LONG);
      assertEquals(2, both.size());
      assertTrue(q.giveBack(both.get(0)));
      assertFalse(q.giveBack(both.get(0)), "a lease is given back once");
      assertFalse(q.complete(both.get(0)), "nor completed after");
      Lease again = q.claim("w", EXTRACT, 1, LONG).get(0);
      assertEquals("given", again.key(), "queued again");
      assertEquals(2, again.attempt(), "a claim of its own");
      assertEquals(Optional.of(State.QUEUED), q.fail(again, "parser error"), "the claim given back used no attempt");
      Lease last = q.claim("w", EXTRACT, 1, LONG).get(0);
      assertEquals(Optional.of(State.DEAD), q.fail(last, "parser error"), "its second failure is its last");
      // control: a task of the same cap failed twice, with nothing given back, is dead as well
      assertEquals(Optional.of(State.QUEUED), q.fail(both.get(1), "parser error"));
      assertEquals(Optional.of(State.DEAD), q.fail(q.claim("w", EXTRACT, 1, LONG).get(0), "parser error"));
      assertEquals(List.of(new Count("extract", State.DEAD, 2)), q.counts());
    }
  }

  @Test
  void aRetriedTaskHasTheAttemptsItWasQueuedWithThoughItWasGivenBack() throws Exception {
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      TaskQueue q = store.tasks();
      q.enqueue(List.of(new NewTask("extract", "given", "", 2)));
      assertTrue(q.giveBack(q.claim("w", EXTRACT, 1, LONG).get(0)));
      assertEquals(Optional.of(State.QUEUED), q.fail(q.claim("w", EXTRACT, 1, LONG).get(0), "parser error"));
      assertEquals(Optional.of(State.DEAD), q.fail(q.claim("w", EXTRACT, 1, LONG).get(0), "parser error"),
          "two failures, the give-back not counted");
      assertEquals(1, retry(store, Optional.empty()));
      Lease first = q.claim("w", EXTRACT, 1, LONG).get(0);
      assertEquals(1, first.attempt());
      assertEquals(Optional.of(State.QUEUED), q.fail(first, "parser error"));
      assertEquals(Optional.of(State.DEAD), q.fail(q.claim("w", EXTRACT, 1, LONG).get(0), "parser error"),
          "dead again after its two attempts, not three");
    }
  }

  @Test
  void deadTasksAreQueuedAgainOfOneKindOrAllTheirLastErrorKept() throws Exception {
    try (CaseStore store = CaseStore.create(newLocation(), Clock.systemUTC())) {
      TaskQueue q = store.tasks();
      q.enqueue(List.of(new NewTask("extract", "a", "", 1), new NewTask("analyze", "a", "", 1), task("alive")));
      for (Lease l : q.claim("w", List.of("extract", "analyze"), 2, LONG)) {
        if (!l.key().equals("alive")) {
          assertEquals(Optional.of(State.DEAD), q.fail(l, "broke on " + l.kind()));
        }
      }
      assertEquals(0, retry(store, Optional.of("verify")), "no dead task of that kind");
      assertEquals(1, retry(store, Optional.of("extract")));
      assertEquals(1, count(q, "analyze", State.DEAD), "the other kind's dead task is left dead");
      assertEquals(List.of("a", "alive"), q.claim("w2", EXTRACT, 5, LONG).stream().map(Lease::key).toList(),
          "queued again, in its old place (oldest first)");
      assertEquals(1, retry(store, Optional.empty()));
      assertEquals(0, q.dead(10).size());
      Lease again = q.claim("w3", List.of("analyze"), 1, LONG).get(0);
      assertEquals(1, again.attempt(), "its attempts count from none");
    }
  }

  @Test
  void aWorkerKilledMidTaskLosesItToAnotherThatCompletesItOnce() throws Exception {
    StoreLocation where = newLocation();
    try (CaseStore store = CaseStore.create(where, Clock.systemUTC())) {
      store.tasks().enqueue(List.of(task("aaa")));
      List<String> cmd = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
          "-cp", System.getProperty("java.class.path"), TaskQueueChild.class.getName(), "1500"));
      cmd.addAll(TaskQueueChild.args(where));
      Process child = new ProcessBuilder(cmd).redirectError(dir.resolve("child.err").toFile()).start();
      String line;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        line = out.readLine(); // the child claims, then says so and sleeps
      }
      assertTrue(line != null && line.startsWith("claimed "), "the child claimed: " + line + " "
          + java.nio.file.Files.readString(dir.resolve("child.err")));
      assertEquals(List.of(new Count("extract", State.LEASED, 1)), store.tasks().counts());
      child.destroyForcibly(); // SIGKILL: no hooks, no clean-up, the lease stays in the store
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));

      Lease taken = claimWithin(store.tasks(), "survivor", LONG, 60);
      assertEquals("aaa", taken.key());
      assertEquals(2, taken.attempt(), "the killed worker's claim was the first attempt");
      assertTrue(store.tasks().complete(taken));
      Lease childs = new Lease(taken.task(), "extract", "aaa", "", TaskQueueChild.OWNER, 1, taken.until());
      assertFalse(store.tasks().complete(childs), "the killed worker's lease completes nothing");
      assertEquals(List.of(new Count("extract", State.DONE, 1)), store.tasks().counts());
    }
  }
}
