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
import picocli.CommandLine.Spec;

@Command(
    name = "sources",
    description = {
      "Says for each document whether it is an original report, a repost, a translation or a",
      "rewrite, which documents or outlets it copies, translates or rewrites, and which documents",
      "share an upstream source with it, with the evidence of each link."
    })
final class SourcesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      Stored.printJson(options, spec.commandLine().getErr(), out, "documents", Findings.SOURCE,
          Optional.empty(), Optional.empty());
      return 0;
    }
    Stored.streamed(options, spec.commandLine().getErr(), (rows, labels, findings) ->
        rows.forEach(Findings.SOURCE, Optional.empty(), List.of(), n -> {
          StoredFindings.Source d = StoredFindings.source(n);
          out.printf(Locale.ROOT, "%-11s %-11s %s%n", d.kind(), d.genre(), labels.full(d.document()));
          for (StoredFindings.Link l : d.links()) {
            out.printf(Locale.ROOT, "      %s %s%n", l.relation(), l.inCase() ? labels.full(l.to()) : l.to());
            for (StoredFindings.Evidence e : l.evidence()) {
              printEvidence(out, e);
            }
          }
          for (StoredFindings.Evidence e : d.evidence()) {
            printEvidence(out, e);
          }
        }));
    return 0;
  }

  private static void printEvidence(PrintWriter out, StoredFindings.Evidence e) {
    String quote = e.quote();
    String note = e.note().orElse("");
    out.printf(Locale.ROOT, "          %s%s%n", quote.isEmpty() ? "" : e.document() + " @"
        + e.start() + "-" + e.end() + " \"" + quote + "\"", note.isEmpty() ? "" : (quote.isEmpty() ? "" : "  ") + note);
  }
}
