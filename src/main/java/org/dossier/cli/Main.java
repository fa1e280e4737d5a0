package org.dossier.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.dossier.core.InvalidQueryException;
import picocli.CommandLine;

/** The front door: {@code dossier <command> ...}. */
public final class Main {
  /** Held so the level sticks: Lucene reports JVM features through java.util.logging. */
  private static final java.util.logging.Logger LUCENE_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code: 0 ok, 1 failure, 2 usage error. */
  public static int run(String... args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    return commandLine(
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8))
        .execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new DossierCommand());
    cl.setOut(out);
    cl.setErr(err);
    // "dossier serve --help" names no command: an error, not the top-level help
    cl.setExecutionStrategy(parseResult -> {
      if (!parseResult.unmatched().isEmpty()) {
        throw new CommandLine.UnmatchedArgumentException(parseResult.commandSpec().commandLine(), parseResult.unmatched());
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          if (ex instanceof InvalidQueryException) {
            e.println("dossier: " + ex.getMessage());
            e.flush();
            return 2;
          }
          if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
            e.println("dossier: " + ex.getMessage());
            e.flush();
            return ex instanceof IllegalArgumentException ? 2 : 1;
          }
          e.println("dossier: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
          if (System.getenv("DOSSIER_DEBUG") != null) {
            ex.printStackTrace(e);
          }
          e.flush();
          return 1;
        });
    return cl;
  }
}
