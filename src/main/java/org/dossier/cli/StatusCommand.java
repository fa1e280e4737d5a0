package org.dossier.cli;

import java.util.Locale;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dossier.core.DocumentIndex;
import org.dossier.pipeline.CaseFolder;
import org.dossier.store.Problem;
import org.dossier.store.TaskQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    description = "Counts the case's documents by status and lists every problem, grouped by kind.")
final class StatusCommand implements Callable<Integer> {
  /** The dead tasks listed; the rest are counted. */
  static final int DEAD_SHOWN = 20;

  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (CaseFolder folder = options.openExisting();
        DocumentIndex index = folder.openIndexForReading()) {
      long documents = folder.store().documents().documentCount();
      Map<String, Long> byStatus = folder.store().documents().countByStatus();
      Map<String, Long> byStage = folder.store().documents().countByStage();
      List<Problem> problems = folder.store().documents().problems();
      long indexed = index.count();
      // the verification signals, when the verify stage has run: counted by severity and kind
      Map<String, Map<String, Long>> signals = new java.util.TreeMap<>();
      boolean verified = org.dossier.pipeline.Verifying.current(folder.store());
      Stored.rows(folder).forEach(org.dossier.pipeline.Verifying.SIGNAL, java.util.Optional.empty(), List.of(),
          sg -> signals.computeIfAbsent(Stored.text(sg, "severity"), k -> new java.util.TreeMap<>())
              .merge(Stored.text(sg, "kind"), 1L, Long::sum));
      // the work queue: tasks by kind and state, and those that used up their attempts
      Map<String, Map<String, Long>> tasks = new LinkedHashMap<>();
      long deadCount = 0;
      for (TaskQueue.Count c : folder.store().tasks().counts()) {
        tasks.computeIfAbsent(c.kind(), k -> new LinkedHashMap<>()).put(c.state().code(), c.tasks());
        deadCount += c.state() == TaskQueue.State.DEAD ? c.tasks() : 0;
      }
      List<TaskQueue.DeadTask> dead = deadCount == 0 ? List.of() : folder.store().tasks().dead(DEAD_SHOWN);
      if (options.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("documents", documents);
        json.put("byStatus", byStatus);
        json.put("byStage", byStage);
        json.put("indexed", indexed);
        List<Map<String, String>> failures = new ArrayList<>();
        for (Problem p : problems) {
          Map<String, String> f = new LinkedHashMap<>();
          f.put("document", p.name());
          f.put("status", p.status().code());
          f.put("reason", p.reason());
          failures.add(f);
        }
        json.put("failures", failures);
        json.put("signals", signals);
        json.put("verified", verified);
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("tasks", tasks);
        queue.put("dead", deadCount);
        List<Map<String, Object>> deadTasks = new ArrayList<>();
        for (TaskQueue.DeadTask d : dead) {
          Map<String, Object> t = new LinkedHashMap<>();
          t.put("task", d.task());
          t.put("kind", d.kind());
          t.put("key", d.key());
          t.put("attempts", d.attempts());
          t.put("lastError", d.lastError());
          t.put("lastOwner", d.lastOwner());
          t.put("since", d.since().toString());
          deadTasks.add(t);
        }
        queue.put("deadTasks", deadTasks);
        json.put("queue", queue);
        Json.print(out, json);
        return 0;
      }
      out.printf(Locale.ROOT, "Case %s%n", folder.layout().root());
      out.printf(Locale.ROOT, "  store      %s%n", folder.store().describe());
      out.printf(Locale.ROOT, "  index      %s%n", folder.describeIndex());
      out.printf(Locale.ROOT, "  documents  %d (%d in the search index)%n", documents, indexed);
      byStatus.forEach((k, v) -> out.printf(Locale.ROOT, "    %-16s %d%n", k, v));
      if (byStage.size() > 1 || !byStage.containsKey("indexed")) {
        out.printf(Locale.ROOT, "  unfinished: %s; run 'dossier ingest' again to finish%n", counts(byStage));
      }
      if (!signals.isEmpty() || verified) {
        out.printf(Locale.ROOT, "  signals    %s%n", signals.isEmpty() ? "none" : "");
        for (String sev : List.of("warning", "notice", "info")) {
          Map<String, Long> k = signals.get(sev);
          if (k != null) {
            out.printf(Locale.ROOT, "    %-8s %s%n", sev, counts(k));
          }
        }
        out.println(verified ? "    (details: dossier verify)" : "    (out of date: run dossier verify)");
      } else {
        out.println("  signals    not verified yet: run dossier verify");
      }
      if (!tasks.isEmpty()) {
        out.println("  queue");
        tasks.forEach((kind, byState) -> out.printf(Locale.ROOT, "    %-16s %s%n", kind, counts(byState)));
        if (deadCount > 0) {
          out.printf(Locale.ROOT, "  dead tasks (%d): their attempts used up%n", deadCount);
          for (TaskQueue.DeadTask d : dead) {
            out.printf(Locale.ROOT, "    %s %s, %d attempts, last by %s%n      -> %s%n", d.kind(), d.key(), d.attempts(),
                d.lastOwner(), d.lastError());
          }
          if (deadCount > dead.size()) {
            out.printf(Locale.ROOT, "    ... and %d more%n", deadCount - dead.size());
          }
        }
      }
      if (problems.isEmpty()) {
        out.println("  no problems");
        return 0;
      }
      out.printf(Locale.ROOT, "%nProblems (%d), by kind:%n", problems.size());
      Map<String, Map<String, List<String>>> grouped = new LinkedHashMap<>();
      for (Problem p : problems) {
        grouped.computeIfAbsent(p.status().code(), k -> new LinkedHashMap<>())
            .computeIfAbsent(p.reason(), k -> new ArrayList<>())
            .add(p.name());
      }
      grouped.forEach((status, byReason) -> {
        int count = byReason.values().stream().mapToInt(List::size).sum();
        out.printf(Locale.ROOT, "%n  %s (%d)%n", status, count);
        byReason.forEach((reason, names) -> {
          names.forEach(n -> out.printf(Locale.ROOT, "    %s%n", n));
          out.printf(Locale.ROOT, "      -> %s%n", reason);
        });
      });
    }
    return 0;
  }

  /** Counts by name as a reader writes them: "collected 21, extracted 3". */
  static String counts(Map<String, Long> byName) {
    List<String> parts = new ArrayList<>();
    byName.forEach((k, v) -> parts.add(k + " " + v));
    return String.join(", ", parts);
  }
}
