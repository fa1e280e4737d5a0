package org.dossier.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A worker in a process of its own for {@link TaskQueueContract}: claims one task of the case at
 * the location in its arguments, says which, then sleeps until it is killed.
 */
final class TaskQueueChild {
  static final String OWNER = "child";

  private TaskQueueChild() {}

  /** The arguments that name {@code where} to the child. */
  static List<String> args(StoreLocation where) {
    if (where instanceof StoreLocation.Postgres pg) {
      return List.of("postgresql", pg.url(), pg.schema(), pg.caseId());
    }
    return List.of("sqlite", ((StoreLocation.Sqlite) where).file().toString());
  }

  /** {@code LEASE_MILLIS sqlite FILE} or {@code LEASE_MILLIS postgresql URL SCHEMA CASE}. */
  public static void main(String[] args) throws Exception {
    StoreLocation where = args[1].equals("postgresql")
        ? new StoreLocation.Postgres(args[2], args[3], args[4])
        : new StoreLocation.Sqlite(Path.of(args[2]));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (CaseStore store = CaseStore.open(where, Clock.systemUTC())) {
      List<TaskQueue.Lease> got = store.tasks().claim(OWNER, List.of("extract"), 1,
          Duration.ofMillis(Long.parseLong(args[0])));
      out.println(got.isEmpty() ? "nothing" : "claimed " + got.get(0).task());
      Thread.sleep(Duration.ofMinutes(10).toMillis());
    }
  }
}
