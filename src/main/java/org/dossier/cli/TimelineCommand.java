package org.dossier.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "timeline",
    description = {
      "Lists the dated events of the case in order, each with its sources; where sources give",
      "different dates for one event, the dates are shown side by side."
    })
final class TimelineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Option(names = "--story", paramLabel = "ID", description = "Only events of this story.")
  String story;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      Stored.printJson(options, spec.commandLine().getErr(), out, "events", Findings.EVENT,
          Optional.ofNullable(story), Optional.empty());
      return 0;
    }
    Stored.streamed(options, spec.commandLine().getErr(), (rows, labels, findings) ->
        rows.forEach(Findings.EVENT, Optional.ofNullable(story), List.of(), n -> {
          StoredFindings.Event e = StoredFindings.event(n);
          String alongside = e.alongside().isEmpty() ? "" : "  [" + e.status() + ": also " + String.join(", ", e.alongside()) + "]";
          out.printf(Locale.ROOT, "%-10s  %s (%s)%s%n", e.date(), e.what(), e.story(), alongside);
          for (StoredFindings.Claim c : e.claims()) {
            out.printf(Locale.ROOT, "              %s%n", Stored.claimLine(c, labels));
          }
        }));
    return 0;
  }
}
