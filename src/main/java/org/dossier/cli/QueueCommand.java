package org.dossier.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dossier.pipeline.CaseFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "queue",
    description = "The case's work queue: 'dossier status' shows it; 'queue retry' queues its dead tasks again.",
    subcommands = {QueueCommand.Retry.class})
final class QueueCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a queue command is required: retry");
  }

  @Command(name = "retry", description = "Queues the dead tasks again (those that used up their attempts), their"
      + " attempts counted from none; the workers take them up.")
  static final class Retry implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only the dead tasks of this kind (extract, analyze ...).")
    String kind;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (CaseFolder folder = options.openExisting()) {
        int n = org.dossier.pipeline.Worker.retryDead(folder, Optional.ofNullable(kind));
        if (options.json) {
          Json.print(out, java.util.Map.of("queued", n));
        } else {
          out.printf(Locale.ROOT, "Queued %d dead task%s again%s%n", n, n == 1 ? "" : "s",
              kind == null ? "" : " of kind " + kind);
        }
      }
      return 0;
    }
  }
}
