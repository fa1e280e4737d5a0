package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.dossier.store.TaskQueue.Lease;
import org.junit.jupiter.api.Test;

/**
 * The leases a worker holds against what its heartbeat extended: one not extended was lost (the
 * queue's contract: it ran out and another worker claimed the task), and a task of many steps (a
 * link-read page) stops at its next document.
 */
class WorkerLeasesTest {
  private static Lease lease(long task, int attempt, Instant until) {
    return new Lease(task, StageTasks.LINK_READ, "round-1", "{}", "host:1", attempt, until);
  }

  @Test
  void aLeaseTheHeartbeatDidNotExtendIsLostAndOnlyThatOne() {
    Instant now = Instant.parse("2026-12-07T08:00:00Z");
    List<Lease> sent = List.of(lease(3, 1, now), lease(5, 1, now), lease(8, 2, now));
    List<Lease> kept = List.of(lease(3, 1, now.plusSeconds(30)), lease(8, 2, now.plusSeconds(30)));
    assertEquals(Set.of(lease(5, 1, now)), Worker.notExtended(sent, kept), "the lease as it was held, to stop its task");
    assertEquals(Set.of(), Worker.notExtended(sent, List.of(lease(8, 2, now), lease(5, 1, now), lease(3, 1, now))),
        "control: every lease extended, whatever its new end and order");
    assertEquals(Set.copyOf(sent), Worker.notExtended(sent, List.of()), "none extended: all lost");
    assertFalse(Worker.notExtended(sent, kept).contains(lease(5, 2, now)),
        "the task claimed again is another lease: the lost one does not stop it");
    // this worker holds two claims of task 5 (its first ran out, another thread claimed it again):
    // the heartbeat extends the second only, and the first is the lost one
    List<Lease> both = List.of(lease(5, 1, now), lease(5, 2, now));
    assertEquals(Set.of(lease(5, 1, now)), Worker.notExtended(both, List.of(lease(5, 2, now.plusSeconds(30)))));
  }
}
