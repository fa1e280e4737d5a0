package org.dossier.pipeline;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.dossier.custody.CustodyLog;

/**
 * A process appending to a case's custody log for {@link SharedCustodyTest}: opens the log, says
 * {@code ready}, waits for the test's go file, then appends {@code COUNT} entries, each either as
 * every writer of Dossier does ({@code serialised}: {@link CustodyWrites}) or straight to its own
 * open log ({@code bare}: the negative control, as one process alone may).
 */
final class CustodyAppendChild {
  private CustodyAppendChild() {}

  /** {@code CASE_DIR GO_FILE COUNT serialised|bare NAME}. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path go = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    boolean serialised = args[3].equals("serialised");
    try (CaseFolder folder = CaseFolder.open(Path.of(args[0]), Clock.systemUTC());
        CustodyLog log = folder.openCustodyLog()) {
      out.println("ready");
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!Files.exists(go)) { // both processes open the log before either appends
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no go file");
        }
        Thread.sleep(5);
      }
      for (int i = 0; i < count; i++) {
        if (serialised) {
          CustodyWrites.append(folder.store(), log, "test", Recorder.fields("writer", args[4], "n", i), tx -> null);
        } else {
          log.append("test", Recorder.fields("writer", args[4], "n", i));
          log.sync();
        }
      }
      out.println("done");
    }
  }
}
