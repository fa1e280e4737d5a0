package org.dossier.store;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The case's durable work queue: a stage's work on one thing is a task that workers, in this
 * process or on other machines that see the store, claim under a lease, keep by heartbeats and
 * complete or fail. A task is one per kind (the stage) and key (what it works on, e.g. a document's
 * content hash): enqueueing it again does nothing, done or not. A lease whose worker stops (killed,
 * cut off) runs out and the task is claimed again; a worker that lost its lease is refused when it
 * heartbeats, completes or fails, so a task is completed once. Its effects are written before its
 * completion as upserts keyed by what the task works on, so a second worker that redoes a task whose
 * first worker died before completing writes the same rows. Every claim counts as an attempt (a
 * worker killed mid-task used one); a task whose attempts reach its cap is dead, with its last
 * error, until a person looks. Times come from the database's clock.
 */
public interface TaskQueue {
  /** Claims beyond this many attempts are not made: the task is dead. */
  int DEFAULT_MAX_ATTEMPTS = 3;

  /** Where a task is in its life. */
  enum State {
    QUEUED, LEASED, DONE, DEAD;

    /** Its name in the store and in JSON. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static State of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * A task to enqueue.
   *
   * @param kind the stage that does it ({@code extract}, {@code analyze} ...)
   * @param key what it works on, unique within its kind
   * @param payload what the worker needs beyond the key (small text, JSON say)
   * @param maxAttempts the claims it may have before it is dead
   */
  record NewTask(String kind, String key, String payload, int maxAttempts) {
    public NewTask {
      requireText(kind, "kind");
      requireText(key, "key");
      Objects.requireNonNull(payload, "payload");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("a task needs at least one attempt, not " + maxAttempts);
      }
    }

    /** A task with {@link #DEFAULT_MAX_ATTEMPTS}. */
    public NewTask(String kind, String key, String payload) {
      this(kind, key, payload, DEFAULT_MAX_ATTEMPTS);
    }
  }

  /**
   * A claimed task, held by {@code owner} until {@code until} unless renewed. {@code attempt} is the
   * claim's number: a later claim of the same task has a higher one, and only the newest lease is
   * honoured.
   */
  record Lease(long task, String kind, String key, String payload, String owner, int attempt, Instant until) {}

  /** How many tasks of a kind are in a state. */
  record Count(String kind, State state, long tasks) {
    /** Queued or leased: work that is still to be done, or being done. */
    public boolean open() {
      return state == State.QUEUED || state == State.LEASED;
    }
  }

  /** A task that used up its attempts: what it was and why it last failed. */
  record DeadTask(long task, String kind, String key, int attempts, String lastError, String lastOwner, Instant since) {}

  /**
   * Of these kinds, those with a task queued or leased: what a worker asks while it waits, at a
   * cost that grows with the kinds asked, not with the tasks done.
   */
  java.util.Set<String> open(Collection<String> kinds) throws SQLException;

  /**
   * The newest task of these kinds, in whatever state, by its number (numbers grow as tasks are
   * added); 0 when there is none. It changes exactly when a task of these kinds is added.
   */
  long newest(Collection<String> kinds) throws SQLException;

  /**
   * Adds the tasks that are not in the queue yet (by kind and key); those already there, in
   * whatever state, are left as they are.
   *
   * @return how many were added
   */
  int enqueue(Collection<NewTask> tasks) throws SQLException;

  /**
   * Leases to {@code owner} up to {@code max} tasks of the given kinds, oldest first: queued ones
   * and those whose lease ran out (a lease that ran out on the task's last attempt makes it dead
   * instead). Two claimers at once, in this process or another, never get the same task.
   *
   * @param owner who claims: unique among the workers (host, process, thread)
   */
  List<Lease> claim(String owner, Collection<String> kinds, int max, Duration lease) throws SQLException;

  /**
   * Extends these leases by {@code lease} from now.
   *
   * @return the leases still held, with their new ends; one missing was lost (it ran out and another
   *     worker claimed the task, or it was completed or failed already): its work is to be dropped
   */
  List<Lease> heartbeat(Collection<Lease> held, Duration lease) throws SQLException;

  /**
   * Marks the task done.
   *
   * @return false, changing nothing, when the lease is no longer the task's: its result is not
   *     to be recorded
   */
  boolean complete(Lease lease) throws SQLException;

  /**
   * Records that the attempt failed: the task is queued again, or dead when its attempts are used up.
   *
   * @return the task's new state, or empty, changing nothing, when the lease is no longer the task's
   */
  Optional<State> fail(Lease lease, String error) throws SQLException;

  /**
   * Gives the task back unstarted (claimed with others, and its worker asked to stop before it
   * began): queued again, the attempt not counted against its cap (the cap grows by one, so that
   * each claim still has an attempt number of its own).
   *
   * @return false, changing nothing, when the lease is no longer the task's
   */
  boolean giveBack(Lease lease) throws SQLException;

  /**
   * How many tasks of each kind are in each state, by kind then state: a read of every task, done
   * ones too ({@code status}).
   */
  List<Count> counts() throws SQLException;

  /** As {@link #counts}, of the queued and leased tasks only: a read of those alone. */
  List<Count> openCounts() throws SQLException;

  /** The state of the task of this kind and key, if it is in the queue. */
  Optional<State> state(String kind, String key) throws SQLException;

  /** The dead tasks, oldest first, at most {@code limit}. */
  List<DeadTask> dead(int limit) throws SQLException;

  private static void requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("a task's " + what + " must not be blank");
    }
  }
}
