package org.dossier.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dossier.pipeline.CaseFolder;
import org.dossier.report.Report;
import org.dossier.views.CaseViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    description = {
      "Writes an analyst's report on the case: the disputes first, largest first (dates by how far",
      "apart, figures by the ratio of the largest to the smallest), then other disagreements,",
      "agreements, the timeline, where each article comes from, and the press against the cache.",
      "Every sentence cites its source passages as footnotes."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Option(names = "--format", paramLabel = "F", defaultValue = "md", description = "md (default), html or json.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path output;

  @Option(names = "--story", paramLabel = "ID",
      description = "The report on one story (see 'dossier stories'): its facts, timeline, sources, coverage,"
          + " its documents' signals and its registers' rows.")
  String story;

  @Option(names = "--single", paramLabel = "N", defaultValue = "" + Report.SINGLE,
      description = "At most N facts stated by one source only (default ${DEFAULT-VALUE}); the report says how many more.")
  int single;

  @Option(names = "--not-found", paramLabel = "N", defaultValue = "" + Report.NOT_FOUND,
      description = "At most N press claims no document of the cache states (default ${DEFAULT-VALUE});"
          + " the report says how many more ('dossier coverage --status not-found' lists them).")
  int notFound;

  @Override
  public Integer call() throws Exception {
    if (options.json) {
      format = "json";
    }
    if (single < 0 || notFound < 0) {
      throw new ParameterException(spec.commandLine(), "--single and --not-found take a count, 0 or more");
    }
    if (!Report.FORMATS.contains(format)) {
      throw new ParameterException(spec.commandLine(), "--format must be md, html or json; got " + format);
    }
    PrintWriter err = spec.commandLine().getErr();
    try (CaseFolder folder = options.openExisting()) {
      UpToDate.ensure(folder, err);
      if (org.dossier.pipeline.Verifying.pending(folder)) {
        // the report gives the verify stage's signals: never silently without them
        err.println("dossier: verifying the case first (the verify stage has not run since it changed)");
        err.flush();
        org.dossier.pipeline.Verifying.run(folder, Double.parseDouble(org.dossier.pipeline.Verifying.THRESHOLD));
      }
      // the report is written as it goes over the findings kind by kind: a link or verify run
      // meanwhile (a worker, another command) would mix two runs' findings, so it is checked after
      Map<String, String> runs = CaseViews.runs(folder);
      Report.Input input;
      try {
        input = CaseViews.report(folder, single, notFound, java.util.Optional.ofNullable(story));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      Path aside = folder.layout().reports(); // where an ingest meanwhile leaves its footnotes alone
      if (output == null) {
        // what is printed cannot be taken back: a run that changed the findings meanwhile is said after
        PrintWriter out = spec.commandLine().getOut();
        Report.write(input, format, out, aside);
        out.flush();
        CaseViews.requireSameRuns(folder, runs, "report");
        return 0;
      }
      org.dossier.core.UserFile.writeText(output, "report", out -> Report.write(input, format, out, aside),
          () -> CaseViews.requireSameRuns(folder, runs, "report"));
      err.println("dossier: report written to " + output);
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
    return 0;
  }
}
