package org.dossier.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Work on hostile files done in a child JVM with a bounded heap, up to {@link
 * WorkerOptions#threads()} requests at once (one JVM shares its class loading and JIT among
 * them), killed when a request overruns its time. The child speaks {@link WorkerMain}'s
 * protocol. Safe to call from any number of threads.
 *
 * <p>A child that says when it starts each request (as {@link WorkerMain} does) is sent up to
 * twice as many requests as it has threads: the ones beyond wait in the child, so a thread of the
 * child that finishes a parse takes the next at once instead of waiting for the round trip
 * through the parent (the reply read, the caller woken, its next request written and read). A
 * request's time limit runs from its start in the child, not from its wait there. Other calls
 * wait in the parent.
 *
 * <p>One bad input costs that input only:
 *
 * <ul>
 *   <li>a request that times out gets {@link Failures#timeout(long)}; the worker is killed, and the
 *       other requests it was running are sent again to a new one;
 *   <li>when the worker dies (out of memory, a crash) with one request running, that request
 *       gets the failure; with several running, each of them is sent again alone, so only the
 *       one that kills a worker by itself is marked. Requests still waiting in the child when it
 *       died or was killed are sent again as they were: they cannot have caused it.
 * </ul>
 *
 * @param <R> the reply a request gets, read from the child's JSON
 */
public final class Forked<R> implements AutoCloseable {
  /** The JVM's exit code under {@code -XX:+ExitOnOutOfMemoryError}. */
  static final int OOM_EXIT = 3;

  private static final long STARTUP_SECONDS = 120;
  /**
   * How long, beyond the time limit, a request sent may wait in the child before a thread takes it
   * up. With at most twice the child's threads in flight, a waiting request is taken up as soon as
   * one of the parses before it ends, within their time limit; one that is not is stuck behind a
   * worker that no longer works, which is then killed and the request sent again.
   */
  private static final long START_SLACK_MILLIS = 30_000;
  private static final int MAX_ATTEMPTS = 4;

  /** The replies for requests that got none from the child; {@code millis} is the time the request took. */
  public interface Failures<R> {
    /** The request overran {@link WorkerOptions#timeout()}. */
    R timeout(long millis);

    /** The request alone filled the child's heap. */
    R outOfMemory(long millis);

    /** The child died on this request alone with another exit code. */
    R died(int exitCode, long millis);

    /** The child was lost this many times while the request was in flight. */
    R lost(int attempts, long millis);

    /** Anything else: the child did not start, answered garbage, or the caller was interrupted. */
    R failed(String reason, long millis);
  }

  private final Object settings;
  private final WorkerOptions options;
  private final Class<R> replyType;
  private final Failures<R> failures;
  /** JVM options for each child, asked for when it starts (before {@code DOSSIER_WORKER_OPTS}). */
  private final Supplier<List<String>> jvmOptions;
  /** Ordinary requests share the worker; a suspect runs alone. */
  private final ReadWriteLock exclusive = new ReentrantReadWriteLock(true);
  private final AtomicLong ids = new AtomicLong();
  private Worker worker;
  private boolean closed;

  /**
   * @param settings sent to the child first, as its protocol's first line
   * @param replyType what the child's results are read as
   */
  public Forked(Object settings, WorkerOptions options, Class<R> replyType, Failures<R> failures) {
    this(settings, options, replyType, failures, List::of);
  }

  /**
   * As above, with JVM options for each child, asked for as it starts (a child started again
   * after a crash asks again).
   */
  public Forked(Object settings, WorkerOptions options, Class<R> replyType, Failures<R> failures,
      Supplier<List<String>> jvmOptions) {
    this.settings = settings;
    this.options = options;
    this.replyType = replyType;
    this.failures = failures;
    this.jvmOptions = jvmOptions;
  }

  /** The worker options this runs with. */
  public WorkerOptions options() {
    return options;
  }

  /** The child's reply to one request, or the failure that stands for it. */
  public R call(Object request) {
    long start = System.nanoTime();
    boolean alone = false;
    for (int attempt = 1; ; attempt++) {
      var lock = alone ? exclusive.writeLock() : exclusive.readLock();
      lock.lock();
      try {
        Outcome<R> outcome = attempt(request, start);
        if (outcome.result() != null) {
          return outcome.result();
        }
        if (attempt >= MAX_ATTEMPTS) {
          return failures.lost(attempt, millis(start));
        }
        alone = alone || outcome.suspect();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Either a result, or a reason to try again (alone when this request is a suspect). */
  private record Outcome<R>(R result, boolean suspect) {
    static <R> Outcome<R> of(R result) {
      return new Outcome<>(result, false);
    }
  }

  private Outcome<R> attempt(Object request, long start) {
    Worker w;
    try {
      w = worker();
    } catch (IOException e) {
      return Outcome.of(failures.failed("the worker could not start: " + e.getMessage(), 0));
    }
    try {
      w.slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.of(failures.failed("interrupted", millis(start)));
    }
    try {
      return attempt(w, request, start);
    } finally {
      w.slots.release();
    }
  }

  private Outcome<R> attempt(Worker w, Object request, long start) {
    long id = ids.incrementAndGet();
    Sent sent = w.send(id, request);
    Reply r;
    try {
      try {
        // first its turn in the child: the time limit is the parse's, not the wait's
        CompletableFuture.anyOf(sent.started(), sent.reply())
            .get(options.timeout().toMillis() + START_SLACK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        w.kill(id); // the parses before it neither ended nor overran: the worker is stuck
        return new Outcome<>(null, false);
      }
      r = sent.reply().get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      w.kill(id);
      return Outcome.of(failures.timeout(millis(start)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.of(failures.failed("interrupted", millis(start)));
    } catch (ExecutionException e) {
      throw new IllegalStateException("a reply future failed", e.getCause());
    }
    if (r.result() != null) {
      try {
        return Outcome.of(WorkerMain.JSON.treeToValue(r.result(), replyType));
      } catch (IOException e) {
        return Outcome.of(failures.failed("the worker answered garbage: " + e.getMessage(), millis(start)));
      }
    }
    if (r.collateral()) {
      return new Outcome<>(null, false); // another request's timeout killed the worker: send again
    }
    if (r.inFlight() > 1) {
      return new Outcome<>(null, true); // the worker died running several requests: retry alone
    }
    return Outcome.of(r.exitCode() == OOM_EXIT ? failures.outOfMemory(millis(start))
        : failures.died(r.exitCode(), millis(start)));
  }

  /** The running worker, started if there is none. */
  private synchronized Worker worker() throws IOException {
    if (closed) {
      throw new IOException("closed");
    }
    if (worker == null || !worker.alive()) {
      worker = Worker.start(settings, options, jvmOptions.get());
    }
    return worker;
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (worker != null) {
      worker.shutdown();
      worker = null;
    }
  }

  /**
   * What became of one request: its result, or why there is none (the worker was killed for
   * another request's timeout, or died before the request started, or died with {@code inFlight}
   * requests running).
   */
  private record Reply(JsonNode result, boolean collateral, int inFlight, int exitCode) {}

  /**
   * A request sent: {@code started} completes when a thread of the child takes it up (at once
   * for a child that does not say so), {@code reply} when it is answered or lost.
   */
  private record Sent(CompletableFuture<Void> started, CompletableFuture<Reply> reply) {}

  /** One worker process and the requests it is running. */
  private static final class Worker {
    private final Process process;
    private final OutputStream requests;
    private final int threads;
    private final Map<Long, Sent> pending = new ConcurrentHashMap<>();
    /** Requests in flight at most: twice the threads when the child says when each starts. */
    private Semaphore slots;
    /** True once the child said, when ready, that it announces each request's start. */
    private volatile boolean announcesStarts;
    private volatile boolean killed;
    /** Set once the worker's output has ended; a request sent after that is never answered. */
    private volatile boolean settled;

    private Worker(Process process, int threads) {
      this.process = process;
      this.requests = process.getOutputStream();
      this.threads = threads;
    }

    static Worker start(Object settings, WorkerOptions options, List<String> jvmOptions) throws IOException {
      Files.createDirectories(options.errorLog().toAbsolutePath().getParent());
      Files.createDirectories(options.scratch());
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + options.heapMegabytes() + "m");
      command.add("-XX:+ExitOnOutOfMemoryError");
      command.add("-XX:+UseSerialGC");
      command.add("-Djava.awt.headless=true");
      command.add("-Djava.io.tmpdir=" + options.scratch().toAbsolutePath());
      command.add("-Dfile.encoding=UTF-8");
      command.addAll(jvmOptions);
      String tuning = System.getenv("DOSSIER_WORKER_OPTS"); // e.g. -XX:TieredStopAtLevel=1
      if (tuning != null && !tuning.isBlank()) {
        command.addAll(List.of(tuning.strip().split("\\s+")));
      }
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(options.mainClass());
      command.add(Integer.toString(options.threads()));
      ProcessBuilder builder = new ProcessBuilder(command);
      // Tesseract would start a thread per core for each page; the worker's threads are the cores
      builder.environment().put("OMP_THREAD_LIMIT", "1");
      builder.environment().put("LC_ALL", "C.UTF-8");
      if (!options.toolDirs().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (Path dir : options.toolDirs()) {
          path.append(dir.toAbsolutePath()).append(java.io.File.pathSeparatorChar);
        }
        builder.environment().merge("PATH", path.toString(), (old, extra) -> extra + old);
      }
      Worker w = new Worker(builder.start(), options.threads());
      // the child's log records (and anything else it prints there) to the case's log, counted
      Thread errors = new Thread(() -> WorkerLog.pump(w.process.getErrorStream(), options.errorLog()), "dossier-worker-log");
      errors.setDaemon(true);
      errors.start();
      CompletableFuture<Boolean> ready = new CompletableFuture<>();
      Thread pump = new Thread(() -> w.pump(ready), "dossier-worker-reader");
      pump.setDaemon(true);
      pump.start();
      w.requests.write(WorkerMain.JSON.writeValueAsBytes(settings));
      w.requests.write('\n');
      w.requests.flush();
      try {
        ready.get(STARTUP_SECONDS, TimeUnit.SECONDS);
        w.slots = new Semaphore(w.announcesStarts ? 2 * w.threads : w.threads);
      } catch (TimeoutException | ExecutionException e) {
        w.destroy();
        throw new IOException("the worker did not report ready within " + STARTUP_SECONDS
            + " s; see " + options.errorLog(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        w.destroy();
        throw new IOException("interrupted while the worker started", e);
      }
      return w;
    }

    boolean alive() {
      return !killed && process.isAlive();
    }

    Sent send(long id, Object request) {
      CompletableFuture<Reply> reply = new CompletableFuture<>();
      CompletableFuture<Void> started = new CompletableFuture<>();
      if (!announcesStarts) {
        started.complete(null); // its time runs from now
      }
      Sent sent = new Sent(started, reply);
      pending.put(id, sent);
      if (settled) {
        pending.remove(id);
        reply.complete(new Reply(null, true, 0, -1)); // lost to a dead worker: send again
        return sent;
      }
      ObjectNode message = WorkerMain.JSON.createObjectNode();
      message.put("id", id);
      message.set("request", WorkerMain.JSON.valueToTree(request));
      try {
        byte[] line = WorkerMain.JSON.writeValueAsBytes(message);
        synchronized (requests) {
          requests.write(line);
          requests.write('\n');
          requests.flush();
        }
      } catch (IOException e) {
        // the worker is dead; the reader settles every pending reply when its output ends
      }
      return sent;
    }

    /** Reads replies until the worker's output ends, then settles every pending request. */
    private void pump(CompletableFuture<Boolean> ready) {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          // the JVM itself may print to standard output ("Terminating due to
          // java.lang.OutOfMemoryError"); only protocol lines are JSON objects
          if (!line.startsWith("{")) {
            continue;
          }
          JsonNode node = WorkerMain.JSON.readTree(line);
          if (node.has("ready")) {
            announcesStarts = node.path("starts").asBoolean(false);
            ready.complete(true);
            continue;
          }
          if (node.has("started")) {
            Sent sent = pending.get(node.path("id").asLong());
            if (sent != null) {
              sent.started().complete(null);
            }
            continue;
          }
          Sent sent = pending.remove(node.path("id").asLong());
          if (sent != null) {
            sent.reply().complete(new Reply(node.get("result"), false, 0, 0));
          }
        }
      } catch (IOException ignored) {
        // the worker died; settled below
      }
      ready.completeExceptionally(new IOException("the worker exited before it was ready"));
      int exit = -1;
      try {
        if (process.waitFor(10, TimeUnit.SECONDS)) {
          exit = process.exitValue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      settled = true;
      // only the requests the child had started can have killed it; the others waited there
      int inFlight = (int) pending.values().stream().filter(p -> p.started().isDone()).count();
      for (Long id : List.copyOf(pending.keySet())) {
        Sent sent = pending.remove(id);
        if (sent != null) {
          boolean waited = !sent.started().isDone();
          sent.reply().complete(new Reply(null, killed || waited, inFlight, exit));
        }
      }
    }

    /** Kills the worker because request {@code culprit} overran; the others are collateral. */
    void kill(long culprit) {
      pending.remove(culprit);
      killed = true;
      destroy();
    }

    void destroy() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void shutdown() {
      try {
        requests.close(); // the worker exits at the end of its input
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          destroy();
        }
      } catch (IOException e) {
        destroy();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        destroy();
      }
    }
  }
}
