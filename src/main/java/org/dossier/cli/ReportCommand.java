package org.dossier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
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

  @Option(names = "--single", paramLabel = "N", defaultValue = "50",
      description = "At most N facts stated by one source only (default 50).")
  int single;

  @Override
  public Integer call() throws Exception {
    if (options.json) {
      format = "json";
    }
    if (!List.of("md", "html", "json").contains(format)) {
      throw new ParameterException(spec.commandLine(), "--format must be md, html or json; got " + format);
    }
    PrintWriter err = spec.commandLine().getErr();
    Report report;
    try (CaseFolder folder = options.openExisting()) {
      UpToDate.ensure(folder, err);
      if (org.dossier.pipeline.Verifying.pending(folder)) {
        // the report gives the verify stage's signals: never silently without them
        err.println("dossier: verifying the case first (the verify stage has not run since it changed)");
        err.flush();
        org.dossier.pipeline.Verifying.run(folder, Double.parseDouble(org.dossier.pipeline.Verifying.THRESHOLD));
      }
      report = CaseViews.report(folder, single);
    } catch (SQLException e) {
      throw new IOException("the case database failed: " + e.getMessage(), e);
    }
    String body = switch (format) {
      case "html" -> report.html();
      case "json" -> report.json().toPrettyString() + "\n";
      default -> report.markdown();
    };
    if (output != null) {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, body, StandardCharsets.UTF_8);
      err.println("dossier: report written to " + output);
    } else {
      spec.commandLine().getOut().print(body);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

}
