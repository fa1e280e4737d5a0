package org.dossier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The work queue on both engines: changes in transactions on the store's writer connection, counts
 * and dead tasks on its read connections. A claim plans without locks how many of the oldest
 * claimable tasks of each kind it takes ({@link #shares}), then locks that many of each kind
 * ({@link Dialect#skipLocked}: on PostgreSQL those another claimer holds skipped) and leases them,
 * in one transaction; a heartbeat, a completion and a failure change a task only where the lease given is still
 * its newest (its owner and attempt), so a worker whose lease was taken over changes nothing.
 */
final class JdbcTaskQueue implements TaskQueue {
  /**
   * Tasks of one kind (its two parameters the same kind), read in the order of kind, then id: the
   * order of the open tasks' index under a state, which only that index gives. Under {@code kind = ?}
   * the planner could read the primary key in id order instead, filtering on the state and kind,
   * when it guesses that many rows match: through every done task when they are old (measured:
   * 40,000 rows read for one, in a case of 60,000 tasks).
   */
  private static final String OF_KIND = "kind >= ? AND kind <= ?";

  private static final String LEASE_HELD = "state = 'leased' AND lease_owner = ? AND attempts = ? AND id = ?";

  private final Dialect dialect;
  private final ReadConnections readers;
  private final Writes writes;
  private final String now;

  /** A transaction on the store's writer ({@link CaseStore#transaction}). */
  @FunctionalInterface
  interface Writes {
    <T> T transaction(CaseStore.Transaction<T> work) throws SQLException;
  }

  JdbcTaskQueue(Dialect dialect, ReadConnections readers, Writes writes) {
    this.dialect = dialect;
    this.readers = readers;
    this.writes = writes;
    this.now = dialect.nowMillis();
  }

  @Override
  public int enqueue(Collection<NewTask> tasks) throws SQLException {
    if (tasks.isEmpty()) {
      return 0;
    }
    return writes.transaction(w -> enqueueIn(w, tasks));
  }

  /** {@link #enqueue} in a transaction already open on the writer (a stage's effects and its follow-on tasks). */
  int enqueueIn(Connection w, Collection<NewTask> tasks) throws SQLException {
    try (PreparedStatement ps = w.prepareStatement(
        "INSERT INTO tasks (kind, key, payload, state, attempts, max_attempts, created, updated)"
            + " VALUES (?, ?, ?, 'queued', 0, ?, " + now + ", " + now + ") ON CONFLICT (kind, key) DO NOTHING")) {
      int added = 0;
      for (NewTask t : tasks) {
        ps.setString(1, dialect.text(t.kind()));
        ps.setString(2, dialect.text(t.key()));
        ps.setString(3, dialect.text(t.payload()));
        ps.setInt(4, t.maxAttempts());
        // one by one, not as a JDBC batch: the PostgreSQL connection rewrites batched inserts and
        // then cannot tell which rows were new
        added += ps.executeUpdate();
      }
      return added;
    }
  }

  @Override
  public List<Lease> claim(String owner, Collection<String> kinds, int max, Duration lease) throws SQLException {
    requireOwner(owner);
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("a claim names the kinds of task it takes");
    }
    if (max < 1) {
      throw new IllegalArgumentException("a claim takes at least one task, not " + max);
    }
    long millis = leaseMillis(lease);
    List<String> each = distinct(kinds);
    return writes.transaction(w -> {
      // leases that ran out on a task's last attempt: the task is dead, not claimed again
      try (PreparedStatement ps = w.prepareStatement(
          "WITH expired AS (SELECT id FROM tasks WHERE " + ranOut(each.size())
              + " AND attempts >= max_attempts" + dialect.skipLocked() + ")"
              + " UPDATE tasks SET state = 'dead', lease_until = NULL, updated = " + now + ","
              + " last_error = 'the lease of ' || lease_owner || ' ran out on attempt ' || attempts || ' of '"
              + " || max_attempts || ' (the worker stopped, or took too long without a heartbeat)'"
              + " WHERE id IN (SELECT id FROM expired)")) {
        setKinds(ps, 1, each);
        ps.executeUpdate();
      }
      List<Lease> out = new ArrayList<>();
      List<Share> shares = shares(w, each, max);
      if (shares.isEmpty()) {
        return out; // nothing claimable, held by another claimer or not
      }
      int planned = shares.stream().mapToInt(Share::tasks).sum();
      lease(w, shares, planned, owner, millis, out);
      if (out.size() < planned) {
        // the plan counted tasks another claimer holds or has just taken, and a kind had no more:
        // what is left is taken from every kind (locking up to that many of each, this once)
        List<Share> any = new ArrayList<>();
        for (String k : each) {
          any.add(new Share(k, false, max - out.size()));
          any.add(new Share(k, true, max - out.size()));
        }
        lease(w, any, max - out.size(), owner, millis, out);
      }
      out.sort(Comparator.comparingLong(Lease::task));
      return out;
    });
  }

  /** Leases up to {@code take} tasks of these shares ({@link #claimStatement}) to {@code owner}, adding them to {@code out}. */
  private void lease(Connection w, List<Share> shares, int take, String owner, long millis, List<Lease> out)
      throws SQLException {
    try (PreparedStatement ps = claimStatement(w, "", shares, take, owner, millis); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Lease(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), owner,
            rs.getInt(5), Instant.ofEpochMilli(rs.getLong(6))));
      }
    }
  }

  /**
   * How many of the oldest {@code max} claimable tasks of these kinds are of each kind, queued or
   * with a lease that ran out: read without locks, as the claim's plan. For each kind the oldest
   * queued and the oldest run out are read from the open tasks' index in the order of kind and
   * number (each read stopping after {@code max} rows, never passing the done tasks nor sorting
   * every queued one), then the oldest {@code max} of them all counted.
   */
  List<Share> shares(Connection w, List<String> kinds, int max) throws SQLException {
    List<Share> out = new ArrayList<>();
    try (PreparedStatement ps = sharesStatement(w, "", kinds, max); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Share(rs.getString(1), rs.getInt(2) == 1, rs.getInt(3)));
      }
    }
    return out;
  }

  /** How many tasks of a kind a claim takes, queued ones or ones whose lease ran out. */
  record Share(String kind, boolean ranOut, int tasks) {}

  /** {@link #shares}' statement, its parameters set; {@code prefix} goes before it (a test's {@code EXPLAIN}). */
  PreparedStatement sharesStatement(Connection w, String prefix, List<String> kinds, int max) throws SQLException {
    StringBuilder sql = new StringBuilder(prefix).append("WITH ");
    List<String> reads = new ArrayList<>();
    for (int k = 0; k < kinds.size(); k++) {
      sql.append("queued").append(k).append(" AS (SELECT id, kind, 0 AS ran_out FROM tasks WHERE ")
          .append(claimable(false)).append(" ORDER BY kind, id LIMIT ?), ");
      sql.append("ran_out").append(k).append(" AS (SELECT id, kind, 1 AS ran_out FROM tasks WHERE ")
          .append(claimable(true)).append(" ORDER BY kind, id LIMIT ?)").append(k + 1 < kinds.size() ? ", " : " ");
      reads.add("SELECT id, kind, ran_out FROM queued" + k);
      reads.add("SELECT id, kind, ran_out FROM ran_out" + k);
    }
    sql.append("SELECT kind, ran_out, count(*) FROM (SELECT id, kind, ran_out FROM (")
        .append(String.join(" UNION ALL ", reads)).append(") claimable ORDER BY id LIMIT ?) oldest")
        .append(" GROUP BY kind, ran_out ORDER BY kind, ran_out");
    return prepared(w, sql.toString(), ps -> {
      int i = 1;
      for (String k : kinds) {
        for (int read = 0; read < 2; read++) {
          i = setKind(ps, i, k);
          ps.setInt(i++, max);
        }
      }
      ps.setInt(i, max);
    });
  }

  /**
   * The claim's statement, its parameters set: for each share the oldest claimable tasks of its
   * kind, as many as the share, locked (on PostgreSQL those another claimer holds are skipped, so
   * two claimers at once take the next ones of the kind rather than nothing), then the oldest
   * {@code take} of them leased. With the shares of the plan, a claim locks only the tasks it takes.
   * {@code prefix} goes before it (a test's {@code EXPLAIN}).
   */
  PreparedStatement claimStatement(Connection w, String prefix, List<Share> shares, int take, String owner, long millis)
      throws SQLException {
    StringBuilder sql = new StringBuilder(prefix).append("WITH ");
    List<String> reads = new ArrayList<>();
    for (int k = 0; k < shares.size(); k++) {
      sql.append("share").append(k).append(" AS (SELECT id FROM tasks WHERE ").append(claimable(shares.get(k).ranOut()))
          .append(" ORDER BY kind, id LIMIT ?").append(dialect.skipLocked()).append("), ");
      reads.add("SELECT id FROM share" + k);
    }
    sql.append("picked AS (SELECT id FROM (").append(String.join(" UNION ALL ", reads))
        .append(") claimable ORDER BY id LIMIT ").append(Math.max(0, take)).append(")")
        .append(" UPDATE tasks SET state = 'leased', lease_owner = ?, lease_until = ").append(now).append(" + ?,")
        .append(" attempts = attempts + 1, updated = ").append(now).append(",")
        .append(" last_error = CASE WHEN state = 'leased' THEN 'the lease of ' || lease_owner || ' ran out'")
        .append(" ELSE last_error END")
        .append(" WHERE id IN (SELECT id FROM picked)")
        .append(" RETURNING id, kind, key, payload, attempts, lease_until");
    return prepared(w, sql.toString(), ps -> {
      int i = 1;
      for (Share share : shares) {
        i = setKind(ps, i, share.kind());
        ps.setInt(i++, share.tasks());
      }
      ps.setString(i++, dialect.text(owner));
      ps.setLong(i, millis);
    });
  }

  /** Sets a statement's parameters. */
  @FunctionalInterface
  private interface Binding {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** {@code sql} prepared with its parameters set, closed again if setting them fails. */
  private static PreparedStatement prepared(Connection c, String sql, Binding binding) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      binding.bind(ps);
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  /** Sets {@link #OF_KIND}'s two parameters to {@code kind} from {@code i} on; the next index. */
  private int setKind(PreparedStatement ps, int i, String kind) throws SQLException {
    ps.setString(i, dialect.text(kind));
    ps.setString(i + 1, dialect.text(kind));
    return i + 2;
  }

  /** The kinds asked for, each once, in their order. */
  private static List<String> distinct(Collection<String> kinds) {
    return List.copyOf(new java.util.LinkedHashSet<>(kinds));
  }

  /** Tasks of one kind (two parameters) that a claim may take: queued, or leased under a lease that ran out. */
  private String claimable(boolean ranOut) {
    return ranOut
        ? "state = 'leased' AND " + OF_KIND + " AND lease_until < " + now + " AND attempts < max_attempts"
        : "state = 'queued' AND " + OF_KIND;
  }

  /** Leased tasks of {@code kinds} (that many parameters) whose lease ran out. */
  private String ranOut(int kinds) {
    return "state = 'leased' AND kind IN (" + String.join(", ", java.util.Collections.nCopies(kinds, "?"))
        + ") AND lease_until < " + now;
  }

  @Override
  public List<Lease> heartbeat(Collection<Lease> held, Duration lease) throws SQLException {
    long millis = leaseMillis(lease);
    if (held.isEmpty()) {
      return List.of();
    }
    return writes.transaction(w -> {
      List<Lease> kept = new ArrayList<>();
      try (PreparedStatement ps = w.prepareStatement("UPDATE tasks SET lease_until = " + now + " + ?, updated = "
          + now + " WHERE " + LEASE_HELD + " RETURNING lease_until")) {
        for (Lease l : held) {
          ps.setLong(1, millis);
          setLease(ps, 2, l);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              kept.add(new Lease(l.task(), l.kind(), l.key(), l.payload(), l.owner(), l.attempt(),
                  Instant.ofEpochMilli(rs.getLong(1))));
            }
          }
        }
      }
      return kept;
    });
  }

  @Override
  public boolean complete(Lease lease) throws SQLException {
    return writes.transaction(w -> completeIn(w, lease));
  }

  @Override
  public boolean giveBack(Lease lease) throws SQLException {
    return writes.transaction(w -> {
      try (PreparedStatement ps = w.prepareStatement("UPDATE tasks SET state = 'queued', lease_until = NULL,"
          + " max_attempts = max_attempts + 1, given_back = given_back + 1, updated = " + now + " WHERE " + LEASE_HELD)) {
        setLease(ps, 1, lease);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** Marks the task done in a transaction open on the writer ({@link #complete}). */
  boolean completeIn(Connection w, Lease lease) throws SQLException {
    try (PreparedStatement ps = w.prepareStatement(
        "UPDATE tasks SET state = 'done', lease_until = NULL, updated = " + now + " WHERE " + LEASE_HELD)) {
      setLease(ps, 1, lease);
      return ps.executeUpdate() == 1;
    }
  }

  @Override
  public Optional<State> fail(Lease lease, String error) throws SQLException {
    Objects.requireNonNull(error, "error");
    return writes.transaction(w -> {
      try (PreparedStatement ps = w.prepareStatement(
          "UPDATE tasks SET state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,"
              + " last_error = ?, lease_until = NULL, updated = " + now + " WHERE " + LEASE_HELD + " RETURNING state")) {
        ps.setString(1, dialect.text(error));
        setLease(ps, 2, lease);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(State.of(rs.getString(1))) : Optional.empty();
        }
      }
    });
  }

  /**
   * True when {@code lease} is still its task's newest, checked in a transaction open on the writer;
   * on PostgreSQL the task's row is then locked until that transaction ends, so no claim takes the
   * task over while the transaction writes the task's effects.
   */
  boolean holdsIn(Connection w, Lease lease) throws SQLException {
    try (PreparedStatement ps = w.prepareStatement("SELECT 1 FROM tasks WHERE " + LEASE_HELD + dialect.forUpdate())) {
      setLease(ps, 1, lease);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Queues the dead tasks again (of one kind, or all), in a transaction open on the writer: their
   * attempts counted from none, their cap the one they were queued with (a give-back's rise taken
   * off) and their last error kept.
   *
   * @return how many were queued, by kind
   */
  java.util.Map<String, Integer> retryDeadIn(Connection w, Optional<String> kind) throws SQLException {
    try (PreparedStatement ps = w.prepareStatement("UPDATE tasks SET state = 'queued', attempts = 0,"
        + " max_attempts = max_attempts - given_back, given_back = 0,"
        + " lease_until = NULL, updated = " + now + " WHERE state = 'dead'" + (kind.isPresent() ? " AND kind = ?" : "")
        + " RETURNING kind")) {
      if (kind.isPresent()) {
        ps.setString(1, dialect.text(kind.get()));
      }
      java.util.Map<String, Integer> out = new java.util.TreeMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.merge(rs.getString(1), 1, Integer::sum);
        }
      }
      return out;
    }
  }

  @Override
  public List<Count> counts() throws SQLException {
    return counts("");
  }

  @Override
  public List<Count> openCounts() throws SQLException {
    return counts(" WHERE state IN ('queued', 'leased')");
  }

  private List<Count> counts(String where) throws SQLException {
    return readers.read(r -> {
      try (PreparedStatement ps = r.prepareStatement(
          "SELECT kind, state, count(*) FROM tasks" + where + " GROUP BY kind, state ORDER BY kind, state");
          ResultSet rs = ps.executeQuery()) {
        List<Count> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Count(rs.getString(1), State.of(rs.getString(2)), rs.getLong(3)));
        }
        out.sort(Comparator.comparing(Count::kind).thenComparing(Count::state));
        return out;
      }
    });
  }

  @Override
  public java.util.Set<String> open(Collection<String> kinds) throws SQLException {
    java.util.Set<String> out = new java.util.TreeSet<>();
    newestBy(kinds, List.of(State.QUEUED, State.LEASED)).forEach((kind, id) -> {
      if (id > 0) {
        out.add(kind);
      }
    });
    return out;
  }

  @Override
  public long newest(Collection<String> kinds) throws SQLException {
    return newestBy(kinds, List.of(State.values())).values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /**
   * The newest task of each kind in these states, 0 for none: for each state and kind the last
   * entry of the open tasks' index under them (a probe that stops there, as a maximum read from
   * an index does; a probe for any one row would let the planner guess a scan that finds none).
   */
  private java.util.Map<String, Long> newestBy(Collection<String> kinds, List<State> states) throws SQLException {
    List<String> each = distinct(kinds);
    java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
    if (each.isEmpty()) {
      return out;
    }
    return readers.read(r -> {
      try (PreparedStatement ps = newestStatement(r, "", each, states)) {
        try (ResultSet rs = ps.executeQuery()) {
          for (String k : each) {
            long newest = 0;
            for (int n = 0; n < states.size(); n++) {
              rs.next();
              newest = Math.max(newest, rs.getLong(1)); // NULL, no task, reads as 0
            }
            out.put(k, newest);
          }
        }
        return out;
      }
    });
  }

  /** {@link #newestBy}'s statement, its parameters set; {@code prefix} goes before it (a test's {@code EXPLAIN}). */
  PreparedStatement newestStatement(Connection r, String prefix, List<String> kinds, List<State> states) throws SQLException {
    List<String> ends = new ArrayList<>();
    for (int k = 0; k < kinds.size() * states.size(); k++) {
      ends.add("SELECT " + k + " AS o, (SELECT id FROM tasks WHERE state = ? AND " + OF_KIND
          + " ORDER BY kind DESC, id DESC LIMIT 1) AS id");
    }
    return prepared(r, prefix + "SELECT id FROM (" + String.join(" UNION ALL ", ends) + ") newest ORDER BY o", ps -> {
      int i = 1;
      for (String k : kinds) {
        for (State st : states) {
          ps.setString(i++, st.code());
          i = setKind(ps, i, k);
        }
      }
    });
  }

  @Override
  public Optional<State> state(String kind, String key) throws SQLException {
    return readers.read(r -> {
      try (PreparedStatement ps = r.prepareStatement("SELECT state FROM tasks WHERE kind = ? AND key = ?")) {
        ps.setString(1, dialect.text(kind));
        ps.setString(2, dialect.text(key));
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(State.of(rs.getString(1))) : Optional.<State>empty();
        }
      }
    });
  }

  @Override
  public List<DeadTask> dead(int limit) throws SQLException {
    return readers.read(r -> {
      try (PreparedStatement ps = r.prepareStatement("SELECT id, kind, key, attempts, last_error, lease_owner, updated"
          + " FROM tasks WHERE state = 'dead' ORDER BY id LIMIT ?")) {
        ps.setInt(1, limit);
        List<DeadTask> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new DeadTask(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                Objects.requireNonNullElse(rs.getString(5), ""), Objects.requireNonNullElse(rs.getString(6), ""),
                Instant.ofEpochMilli(rs.getLong(7))));
          }
        }
        return out;
      }
    });
  }

  private int setKinds(PreparedStatement ps, int from, Collection<String> kinds) throws SQLException {
    int i = from;
    for (String k : kinds) {
      ps.setString(i++, dialect.text(k));
    }
    return i;
  }

  private void setLease(PreparedStatement ps, int from, Lease l) throws SQLException {
    ps.setString(from, dialect.text(l.owner()));
    ps.setInt(from + 1, l.attempt());
    ps.setLong(from + 2, l.task());
  }

  private static void requireOwner(String owner) {
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("a claim names its owner");
    }
  }

  private static long leaseMillis(Duration lease) {
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("a lease lasts a while, not " + lease);
    }
    return lease.toMillis();
  }
}
