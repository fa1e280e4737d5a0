package org.dossier.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Long work the workbench runs in the background (bringing a case up to date after a judgement,
 * verify, a report), one at a time per server so that stages never run beside each other; each
 * task's state is at {@code /api/v1/tasks/{id}}.
 */
final class Tasks implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Tasks.class.getName());
  /** Finished tasks remembered at most. */
  private static final int KEEP = 200;

  /** The work of a task. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  /** One task: what it is, for which case, and where it stands. */
  static final class Task {
    final long id;
    final String kind;
    final String caseKey;
    final Instant created;
    volatile String state = "queued";
    volatile Instant started;
    volatile Instant finished;
    volatile String error = "";
    /** Its counts while it runs (documents done and to do), when the work reports them. */
    volatile java.util.function.Supplier<Progress> progress;

    Task(long id, String kind, String caseKey, Instant created) {
      this.id = id;
      this.kind = kind;
      this.caseKey = caseKey;
      this.created = created;
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("kind", kind);
      m.put("case", caseKey);
      m.put("state", state);
      m.put("created", created.toString());
      m.put("started", started == null ? null : started.toString());
      m.put("finished", finished == null ? null : finished.toString());
      Instant end = finished != null ? finished : Instant.now();
      m.put("seconds", started == null ? 0.0 : Duration.between(started, end).toMillis() / 1000.0);
      m.put("error", error);
      java.util.function.Supplier<Progress> p = progress;
      if (p != null) {
        Progress now = p.get();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("done", now.done());
        counts.put("total", now.total());
        counts.put("problems", now.problems());
        double seconds = now.seconds();
        double rate = seconds > 0 ? now.done() / seconds : 0;
        counts.put("perSecond", Math.round(rate * 10) / 10.0);
        counts.put("etaSeconds", rate > 0 && now.total() >= now.done() && finished == null
            ? Math.round((now.total() - now.done()) / rate) : null);
        m.put("progress", counts);
      }
      return m;
    }
  }

  /** Where a task stands: items done of those known so far, the problems among them, seconds spent. */
  record Progress(long done, long total, long problems, double seconds) {}

  private final ExecutorService runner = Executors.newSingleThreadExecutor(org.dossier.core.Daemons.named("dossier-task"));
  private final Map<Long, Task> tasks = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /**
   * Queues {@code work}; a task of the same kind for the same case still queued stands for it
   * (two judgements in a row need one new link run).
   */
  synchronized Task submit(String kind, String caseKey, Work work) {
    for (Task t : tasks.values()) {
      if (t.kind.equals(kind) && t.caseKey.equals(caseKey) && t.state.equals("queued")) {
        return t;
      }
    }
    Task task = new Task(ids.incrementAndGet(), kind, caseKey, Instant.now(Clock.systemUTC()));
    tasks.put(task.id, task);
    forget();
    runner.execute(() -> {
      task.started = Instant.now(Clock.systemUTC());
      task.state = "running";
      try {
        work.run();
        task.state = "done";
      } catch (Exception | Error e) {
        LOG.log(Level.WARNING, "task " + task.id + " (" + kind + ") failed", e);
        task.error = e.getClass().getSimpleName() + ": " + e.getMessage();
        task.state = "failed";
      } finally {
        task.finished = Instant.now(Clock.systemUTC());
      }
    });
    return task;
  }

  Optional<Task> get(long id) {
    return Optional.ofNullable(tasks.get(id));
  }

  /** The tasks of a case not yet finished. */
  List<Task> open(String caseKey) {
    List<Task> out = new ArrayList<>();
    for (Task t : tasks.values()) {
      if (t.caseKey.equals(caseKey) && (t.state.equals("queued") || t.state.equals("running"))) {
        out.add(t);
      }
    }
    return out;
  }

  private void forget() {
    if (tasks.size() > KEEP) {
      tasks.values().stream().filter(t -> t.finished != null).sorted((a, b) -> Long.compare(a.id, b.id))
          .limit(tasks.size() - KEEP).toList().forEach(t -> tasks.remove(t.id));
    }
  }

  @Override
  public void close() {
    runner.shutdownNow();
  }
}
