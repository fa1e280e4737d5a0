package org.dossier.cli;

import java.util.Locale;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dossier.custody.CustodyReport;
import org.dossier.custody.CustodyVerifier;
import org.dossier.custody.ManifestWriter;
import org.dossier.pipeline.CaseFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "custody",
    description = "Chain of custody of the originals.",
    subcommands = {CustodyCommand.Verify.class, CustodyCommand.Manifest.class})
final class CustodyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "choose 'custody verify' or 'custody manifest'");
  }

  @Command(
      name = "verify",
      description = {
        "Re-reads the custody log and re-hashes every original it names. Exit code 1 when the",
        "log was edited, truncated or reordered, or an original was modified or removed."
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      CustodyReport report;
      try (CaseFolder folder = options.openExisting()) {
        report =
            new CustodyVerifier(
                    folder.layout().custodyLog(),
                    folder.layout()::original,
                    folder.layout()::text,
                    Runtime.getRuntime().availableProcessors())
                .verify(folder.custodyAnchor());
      }
      if (options.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("intact", report.intact());
        json.put("entries", report.entries());
        json.put("originalsChecked", report.originalsChecked());
        json.put("head", report.head());
        json.put("problems", report.problems());
        Json.print(out, json);
      } else if (report.intact()) {
        out.printf(Locale.ROOT, "Custody intact: %d log entries chain correctly; %d originals match their"
            + " hashes.%nHead %s (record it outside the case to detect a rewrite).%n",
            report.entries(), report.originalsChecked(), report.head());
      } else {
        out.printf(Locale.ROOT, "Custody BROKEN: %d problem%s%n", report.problems().size(),
            report.problems().size() == 1 ? "" : "s");
        report.problems().forEach(p -> out.println("  " + p));
      }
      return report.intact() ? 0 : 1;
    }
  }

  @Command(
      name = "manifest",
      description = "Writes manifest-sha256.txt (BagIt style) for the originals in the case.")
  static final class Manifest implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (CaseFolder folder = options.openExisting()) {
        long lines =
            new ManifestWriter(folder.layout())
                .write(
                    visitor -> {
                      try {
                        folder.store().documents().forEachStoredOriginal(visitor);
                      } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                      }
                    });
        if (options.json) {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("manifest", folder.layout().manifest().toString());
          json.put("originals", lines);
          Json.print(out, json);
        } else {
          out.printf(Locale.ROOT, "Wrote %s (%d originals). Check it with: cd %s && sha256sum -c %s%n",
              folder.layout().manifest(), lines, folder.layout().root(),
              folder.layout().manifest().getFileName());
        }
      }
      return 0;
    }
  }
}
