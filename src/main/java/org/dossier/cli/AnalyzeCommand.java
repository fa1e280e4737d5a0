package org.dossier.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Ingest;
import org.dossier.pipeline.IngestSettings;
import org.dossier.pipeline.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "analyze",
    description = {
      "Runs the analyze stage (names, equipment, values, attributions) on documents whose",
      "analysis is pending, then resolves the case's entities. ingest runs it already; use",
      "--all to analyse every document again, e.g. after adding a gazetteer."
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Option(names = "--all", description = "Analyse every document again.")
  boolean all;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (CaseFolder folder = options.openExisting()) {
      folder.store().write(tx -> {
        if (all) {
          tx.resetAnalysis();
        }
        tx.deleteSetting(Ingest.ENTITIES_SETTING); // resolve the entities again in any case
        return null;
      });
      long pending = folder.store().annotations().analysisPending();
      IngestSummary s = new Ingest(folder, IngestSettings.defaults(), w -> err.println("dossier: warning: " + w))
          .run(List.of());
      if (options.json) {
        Json.print(out, java.util.Map.of("analysed", pending, "documents", s.documents(),
            "seconds", s.seconds()));
      } else {
        out.printf(Locale.ROOT, "Analysed %d documents in %.1f s. Next: dossier entities%n", pending, s.seconds());
      }
    }
    return 0;
  }
}
