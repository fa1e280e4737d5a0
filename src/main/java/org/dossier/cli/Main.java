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
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = commandLine(new PrintWriter(System.out, true, StandardCharsets.UTF_8), err).execute(args);
    LibraryLog.closeFile();
    return code;
  }

  /** One line on the terminal for what the libraries logged, which went to the case's log. */
  static void libraryWarnings(PrintWriter err) {
    int n = LibraryLog.warnings();
    if (n > 0) {
      java.nio.file.Path file = LibraryLog.file();
      err.println("dossier: the libraries logged " + n + (n == 1 ? " warning" : " warnings")
          + (file == null ? " (no case open: not kept)" : "; see " + file));
      err.flush();
    }
  }

  /** What a command that ran out of the JVM's heap ({@code maxHeap} bytes) says instead of a stack trace. */
  static String outOfMemory(long maxHeap) {
    long mb = maxHeap / (1024 * 1024);
    long more = Math.max(2048, Long.highestOneBit(Math.max(1, mb)) * 4);
    return "dossier: out of memory: the command needed more than the " + mb + " MB of heap it was given;"
        + " run it again with more, e.g. DOSSIER_JAVA_OPTS=-Xmx" + (more >= 1024 ? more / 1024 + "g" : more + "m")
        + " ./dossier ...";
  }

  /** Each command with the first sentence of its description, wrapped under its name. */
  static String commandList(CommandLine.Help help) {
    StringBuilder out = new StringBuilder();
    int width = help.commandSpec().usageMessage().width();
    int indent = 2 + help.subcommands().keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    for (java.util.Map.Entry<String, CommandLine.Help> e : help.subcommands().entrySet()) {
      CommandLine.Model.UsageMessageSpec usage = e.getValue().commandSpec().usageMessage();
      String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
      String text = String.join(" ", lines).replace("%n", " ").strip();
      java.util.regex.Matcher end = java.util.regex.Pattern.compile("\\.(?=\\s|$)").matcher(text);
      String sentence = end.find() ? text.substring(0, end.end()) : text;
      StringBuilder line = new StringBuilder("  " + e.getKey());
      line.append(" ".repeat(indent - line.length()));
      int column = indent;
      for (String word : sentence.split("\\s+")) {
        if (column + word.length() + 1 > width && column > indent) {
          out.append(line.toString().stripTrailing()).append('\n');
          line = new StringBuilder(" ".repeat(indent + 2));
          column = indent + 2;
        }
        line.append(word).append(' ');
        column += word.length() + 1;
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    // what the libraries log goes to the case's dossier.log, not to the terminal
    LibraryLog.install();
    CommandLine cl = new CommandLine(new DossierCommand());
    // every string a command prints may come from a document: no control character reaches the terminal raw
    SafeWriter.Mode mode = new SafeWriter.Mode();
    cl.setOut(new PrintWriter(new SafeWriter(out, mode), true));
    cl.setErr(new PrintWriter(new SafeWriter(err, new SafeWriter.Mode()), true));
    // the command list gives each command's whole first sentence, not the first line of it
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
    // "dossier serve --help" names no command: an error, not the top-level help
    cl.setExecutionStrategy(parseResult -> {
      if (!parseResult.unmatched().isEmpty()) {
        throw new CommandLine.UnmatchedArgumentException(parseResult.commandSpec().commandLine(), parseResult.unmatched());
      }
      CommandLine.ParseResult last = parseResult;
      while (last.hasSubcommand()) {
        last = last.subcommand();
      }
      mode.json = last.hasMatchedOption("--json");
      try {
        return new CommandLine.RunLast().execute(parseResult);
      } catch (OutOfMemoryError oom) {
        // what the command held is unreachable once it has unwound to here: room enough to say so
        PrintWriter e = last.commandSpec().commandLine().getErr();
        e.println(outOfMemory(Runtime.getRuntime().maxMemory()));
        e.flush();
        return 1;
      } finally {
        libraryWarnings(last.commandSpec().commandLine().getErr());
      }
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
