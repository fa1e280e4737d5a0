package org.dossier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dossier.export.CaseExport;
import org.dossier.export.CaseGraph;
import org.dossier.export.CsvExport;
import org.dossier.export.FtmExport;
import org.dossier.export.GexfExport;
import org.dossier.export.GraphmlExport;
import org.dossier.export.Tables;
import org.dossier.export.XlsxExport;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Verifying;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    description = {
      "Writes the case in the formats the field uses: ftm (FollowTheMoney entities",
      "for Aleph, one JSON object a line), csv (a folder of tables, or a zip), xlsx",
      "(the same tables as sheets, disputed rows highlighted), gexf or graphml",
      "(entities, documents and propagation as a graph for Gephi). The findings are",
      "exported as stored, the analyst's judgements applied, and each export names",
      "the stage runs that produced them. ftm, gexf and graphml go to standard",
      "output unless -o is given; csv and xlsx need -o."
    })
final class ExportCommand implements Callable<Integer> {
  private static final List<String> FORMATS = List.of("ftm", "csv", "xlsx", "gexf", "graphml");

  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Option(names = "--format", paramLabel = "F", required = true,
      description = "ftm, csv, xlsx, gexf or graphml.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "PATH",
      description = "Write to PATH: a file; for csv a folder, or a zip when PATH ends in .zip.")
  Path output;

  @Override
  public Integer call() throws Exception {
    if (options.json) {
      throw new ParameterException(spec.commandLine(), "export has no --json: --format says what to write");
    }
    format = format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(format)) {
      throw new ParameterException(spec.commandLine(), "--format must be one of ftm, csv, xlsx, gexf, graphml; got " + format);
    }
    if (output == null && (format.equals("csv") || format.equals("xlsx"))) {
      throw new ParameterException(spec.commandLine(), format + " has several tables: give -o PATH"
          + (format.equals("csv") ? " (a folder, or a file ending in .zip)" : " (an .xlsx file)"));
    }
    PrintWriter err = spec.commandLine().getErr();
    String runs;
    try (CaseFolder folder = options.openExisting()) {
      UpToDate.ensure(folder, err);
      if (Verifying.pending(folder)) {
        // the tables give the verify stage's signals: never silently without them
        err.println("dossier: verifying the case first (the verify stage has not run since it changed)");
        err.flush();
        Verifying.run(folder, Double.parseDouble(Verifying.THRESHOLD));
      }
      // the findings stream from the case's store as they are written: it stays open until then
      CaseExport export = CaseExport.read(folder);
      // written aside, the output replaces the target only when the findings it read are still the case's
      CaseExport.Check current = () -> org.dossier.views.CaseViews.requireSameRuns(folder, export.runs(), "export");
      switch (format) {
        case "csv" -> CsvExport.write(Tables.of(export), output, current);
        case "xlsx" -> XlsxExport.write(Tables.of(export), output, current);
        default -> text(export, current);
      }
      runs = export.runLine();
    }
    if (output != null) {
      err.println("dossier: " + format + " written to " + output + " (" + runs + ")");
      err.flush();
    }
    return 0;
  }

  /** The formats that are one text: to -o (written aside, then moved into place) or to standard output. */
  private void text(CaseExport export, CaseExport.Check current) throws IOException {
    if (output == null) {
      // standard output goes through SafeWriter; the writers escape everything it would rewrite.
      // What is printed cannot be taken back: a run that changed the findings meanwhile is said after
      Writer out = spec.commandLine().getOut();
      write(export, out);
      out.flush();
      current.check();
      return;
    }
    org.dossier.core.UserFile.writeText(output, "export", out -> write(export, out), current::check);
  }

  private void write(CaseExport export, Writer out) throws IOException {
    switch (format) {
      case "ftm" -> FtmExport.write(export, out);
      case "gexf" -> GexfExport.write(CaseGraph.of(export), out);
      default -> GraphmlExport.write(CaseGraph.of(export), out);
    }
  }
}
