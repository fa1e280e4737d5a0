package org.dossier.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Which requests wait their turn, so that searches answer quickly on a busy server (a bulkhead
 * with priority). Heavy requests, the pages and reads that render or gather much (a document, the
 * facts, the report, the timeline, the sources, coverage, entities, stories, downloads, pictures,
 * batch search ...), run at most {@link #atOnce()} at once; the others wait for a place in order
 * of arrival. A heavy request with its place starts only while fewer searches than the machine has
 * cores are running, so searches are served first and the waiting falls on the heavy pages. A
 * heavy request that has not started within {@link #maxWait()} gets 503 with Retry-After, as does
 * one that finds {@link #WAITING} waiting already (each waiting request holds one of the server's
 * threads, which searches must still find free). Searches (the search page and the search API),
 * the other cheap requests (static files, the login, the case list, a task's state) and changes
 * never wait.
 */
public final class Admission {
  /** How long a heavy request waits for its turn unless told otherwise. */
  public static final Duration WAIT = Duration.ofSeconds(10);
  /** Most heavy requests waiting at once; beyond, one is refused at once (Jetty serves with up to 250 threads). */
  static final int WAITING = 100;

  /** Requests that never wait: GET of the search page, the search API, static files, the login, the case list, openapi.json, a task. */
  private static final Pattern CHEAP = Pattern.compile(
      "/|/login|/static/.*|/api/openapi\\.json|/api/v1/cases/?|/api/v1/tasks/[^/]+|/cases/[^/]+/?"
          + "|/api/v1/cases/[^/]+/search/?");
  /** Changes that are heavy reads all the same: a batch of up to 1,000 queries. */
  private static final Pattern HEAVY_POST = Pattern.compile("/cases/[^/]+/batch/?|/api/v1/cases/[^/]+/batch-search/?");
  private static final String PASS = "dossier.admission";

  private final int atOnce;
  private final Duration maxWait;
  private final int maxWaiting;
  /** A heavy request starts only while fewer cheap requests than this run (0: it does not wait for them). */
  private final int searchesFirst;
  /** Places for heavy requests, given in order of arrival; null for no limit. */
  private final Semaphore places;
  private final AtomicInteger waiting = new AtomicInteger();
  /** Cheap requests running (searches, mostly). */
  private final AtomicInteger cheapRunning = new AtomicInteger();
  /** Heavy requests with a place, waiting for fewer cheap requests to run; signalled when one ends. */
  private final AtomicInteger waitingForLull = new AtomicInteger();
  private final ReentrantLock lull = new ReentrantLock();
  private final Condition quieter = lull.newCondition();

  /**
   * Heavy requests wait for fewer searches than this machine's cores to run.
   *
   * @param atOnce heavy requests served at once at most; 0 for no limit (and no waiting at all)
   * @param maxWait how long one waits for its turn before it is refused
   */
  public Admission(int atOnce, Duration maxWait) {
    this(atOnce, maxWait, WAITING, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param maxWaiting heavy requests waiting at most; beyond, one is refused at once
   * @param searchesFirst a heavy request starts only while fewer cheap requests than this run (0:
   *     it does not wait for them)
   */
  Admission(int atOnce, Duration maxWait, int maxWaiting, int searchesFirst) {
    this.searchesFirst = searchesFirst;
    if (atOnce < 0 || maxWait.isNegative() || maxWaiting < 0 || searchesFirst < 0) {
      throw new IllegalArgumentException("heavy requests at once, their wait and the waiting must not be negative");
    }
    this.atOnce = atOnce;
    this.maxWait = maxWait;
    this.maxWaiting = maxWaiting;
    this.places = atOnce == 0 ? null : new Semaphore(atOnce, true);
  }

  /** Half this machine's cores (at least one) at once, each waiting up to {@link #WAIT}. */
  public static Admission defaults() {
    return new Admission(defaultAtOnce(), WAIT);
  }

  /** Half this machine's cores, at least one: searches keep the rest. */
  public static int defaultAtOnce() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }

  /** Heavy requests served at once at most; 0 for no limit. */
  public int atOnce() {
    return atOnce;
  }

  /** How long a heavy request waits for its turn. */
  public Duration maxWait() {
    return maxWait;
  }

  /** A heavy request starts only while fewer searches (cheap requests) than this run; 0 when it does not wait for them. */
  public int searchesFirst() {
    return places == null ? 0 : searchesFirst;
  }

  /** Heavy requests waiting for a place now. */
  int waiting() {
    return waiting.get();
  }

  /** Heavy requests with a place waiting for fewer searches to run. */
  int waitingForSearches() {
    return waitingForLull.get();
  }

  /** Cheap requests (searches and the like) running now. */
  int cheapRunning() {
    return cheapRunning.get();
  }

  /** True for a request that must wait its turn. */
  static boolean heavy(String method, String path) {
    String m = method.toUpperCase(Locale.ROOT);
    if (m.equals("GET") || m.equals("HEAD")) {
      return !CHEAP.matcher(path).matches();
    }
    return m.equals("POST") && HEAVY_POST.matcher(path).matches();
  }

  /**
   * Registers the turn-taking around every request: before it (after the server's own checks,
   * registered earlier) a heavy one waits for its turn and a cheap one is counted; after it, which
   * Javalin runs also for a request that failed, the place is given back.
   */
  void register(Javalin app) {
    register(app, ctx -> { });
  }

  /**
   * As {@link #register(Javalin)}, with {@code mayRead} run on a heavy request before it waits: a
   * request it refuses (by throwing: not logged in, no such case) is answered at once and never
   * holds one of the waiting places, so callers without access cannot crowd out those with it.
   */
  void register(Javalin app, Consumer<Context> mayRead) {
    app.before(ctx -> enter(ctx, mayRead));
    app.after(Admission::leave);
  }

  private void enter(Context ctx, Consumer<Context> mayRead) {
    if (heavy(ctx.method().name(), ctx.path())) {
      mayRead.accept(ctx);
      ctx.attribute(PASS, take());
    } else {
      ctx.attribute(PASS, cheap());
    }
  }

  /** A cheap request running: heavy ones wait for fewer of these. */
  Pass cheap() {
    cheapRunning.incrementAndGet();
    AtomicInteger given = new AtomicInteger(1);
    return () -> {
      if (given.getAndSet(0) == 1 && cheapRunning.decrementAndGet() < searchesFirst && waitingForLull.get() > 0) {
        lull.lock();
        try {
          quieter.signalAll();
        } finally {
          lull.unlock();
        }
      }
    };
  }

  /** Waits until fewer cheap requests than {@link #searchesFirst} run, or the deadline passes. */
  private boolean lull(long deadline) {
    if (searchesFirst == 0 || cheapRunning.get() < searchesFirst) {
      return true;
    }
    waitingForLull.incrementAndGet();
    lull.lock();
    try {
      while (cheapRunning.get() >= searchesFirst) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        quieter.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lull.unlock();
      waitingForLull.decrementAndGet();
    }
  }

  /** Gives the place back, or counts the cheap request out. */
  private static void leave(Context ctx) {
    Pass p = ctx.attribute(PASS);
    if (p != null) {
      ctx.attribute(PASS, null);
      p.close();
    }
  }

  /**
   * A place for one heavy request, waited for in order of arrival, then a moment with fewer
   * searches running than {@code searchesFirst}.
   *
   * @throws Overloaded when none came within {@link #maxWait()}, or too many wait already
   */
  Pass take() {
    if (places == null) {
      return () -> { };
    }
    long deadline = System.nanoTime() + maxWait.toNanos();
    if (places.tryAcquire()) {
      return afterLull(once(), deadline);
    }
    if (waiting.incrementAndGet() > maxWaiting) {
      waiting.decrementAndGet();
      throw new Overloaded(String.format(Locale.ROOT, "the workbench is busy: %d heavy requests are waiting already;"
          + " try again in a few seconds", maxWaiting), retryAfter());
    }
    try {
      if (places.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
        return afterLull(once(), deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      waiting.decrementAndGet();
    }
    throw new Overloaded(String.format(Locale.ROOT, "the workbench is busy: this page waited %d s for one of the %d"
        + " places for heavy pages; try again in a few seconds", maxWait.toSeconds(), atOnce), retryAfter());
  }

  private Pass afterLull(Pass place, long deadline) {
    if (lull(deadline)) {
      return place;
    }
    place.close();
    throw new Overloaded(String.format(Locale.ROOT, "the workbench is busy with searches: this page waited %d s for"
        + " its turn; try again in a few seconds", maxWait.toSeconds()), retryAfter());
  }

  private Pass once() {
    AtomicInteger given = new AtomicInteger(1);
    return () -> {
      if (given.getAndSet(0) == 1) {
        places.release();
      }
    };
  }

  private long retryAfter() {
    return Math.max(1, maxWait.toSeconds() / 2);
  }

  /** A request's place (or its count among the cheap ones), given back once. */
  @FunctionalInterface
  interface Pass extends AutoCloseable {
    @Override
    void close();
  }

  /** No place came free in time: 503 with Retry-After. */
  static final class Overloaded extends RuntimeException {
    final long retryAfterSeconds;

    Overloaded(String message, long retryAfterSeconds) {
      super(message);
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }
}
