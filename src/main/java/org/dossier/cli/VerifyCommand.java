package org.dossier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Verifying;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    description = {
      "Tests whether the documents of the case are genuine and complete: version families and",
      "drafts, PDF and Office forensics, impossible dates, internal consistency (table",
      "arithmetic, the same item with different figures, letter numbering, INN/OGRN check",
      "digits). Each signal has a kind, a severity, its evidence and its usual innocent",
      "explanation."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Option(names = "--threshold", paramLabel = "J", defaultValue = Verifying.THRESHOLD,
      description = "Estimated Jaccard similarity of word shingles at which two documents are one family (default 0.8).")
  double threshold;

  @Option(names = "--dkim-keys", paramLabel = "DIR",
      description = "DKIM public keys as DNS TXT records, one file per record named <selector>._domainkey.<domain>.txt"
          + " (besides those ingested in a dkim-keys/ folder). Implies --again.")
  java.nio.file.Path dkimKeys;

  @Option(names = "--again", description = "Verify again even if nothing changed (e.g. with another threshold).")
  boolean again;

  @Override
  public Integer call() throws Exception {
    if (threshold <= 0 || threshold > 1) {
      throw new ParameterException(spec.commandLine(), "--threshold must be in (0, 1], got " + threshold);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (CaseFolder folder = options.openExisting()) {
      UpToDate.ensure(folder, err);
      if (again || dkimKeys != null || Verifying.pending(folder)) {
        Verifying.run(folder, threshold, Optional.ofNullable(dkimKeys));
      }
      // the signals and families as the store streams them: a large cache's signals are never all in memory
      Stored.Rows rows = Stored.rows(folder);
      Json.Rows signals = row -> rows.forEach(Verifying.SIGNAL, Optional.empty(), List.of(), row);
      Json.Rows families = row -> rows.forEach(Verifying.FAMILY, Optional.empty(), List.of(), row);
      if (options.json) {
        Json.printLists(out, List.of(Map.entry("signals", signals), Map.entry("families", families)));
        return 0;
      }
      int[] printed = {0};
      signals.forEach(s -> {
        printed[0]++;
        out.printf(Locale.ROOT, "%-7s %-26s %s%n", Stored.text(s, "severity"), Stored.text(s, "kind"), Stored.text(s, "document"));
        out.printf(Locale.ROOT, "        %s%n", Stored.text(s, "explanation"));
        out.printf(Locale.ROOT, "        innocent: %s%n", Stored.text(s, "innocentExplanation"));
      });
      families.forEach(f -> {
        printed[0]++;
        out.printf(Locale.ROOT, "family  principal %s%n", Stored.text(f, "principal"));
        for (JsonNode m : f.get("members")) {
          out.printf(Locale.ROOT, "        %-7s %.2f %s%n", Stored.text(m, "role"), m.get("similarity").asDouble(), Stored.text(m, "document"));
        }
      });
      if (printed[0] == 0) {
        out.println("No signals.");
      }
    }
    return 0;
  }
}
