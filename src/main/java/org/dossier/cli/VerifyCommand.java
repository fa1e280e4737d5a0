package org.dossier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.LinkedHashMap;
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
    List<JsonNode> signals;
    List<JsonNode> families;
    try (CaseFolder folder = options.openExisting()) {
      UpToDate.ensure(folder, err);
      if (again || dkimKeys != null || Verifying.pending(folder)) {
        Verifying.run(folder, threshold, Optional.ofNullable(dkimKeys));
      }
      signals = Stored.parse(folder.store().findings().findings(Verifying.SIGNAL, Optional.empty(), Optional.empty()));
      families = Stored.parse(folder.store().findings().findings(Verifying.FAMILY, Optional.empty(), Optional.empty()));
    } catch (SQLException e) {
      throw new IOException("the case database failed: " + e.getMessage(), e);
    }
    if (options.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("signals", signals);
      json.put("families", families);
      Json.print(out, json);
      return 0;
    }
    for (JsonNode s : signals) {
      out.printf(Locale.ROOT, "%-7s %-26s %s%n", Stored.text(s, "severity"), Stored.text(s, "kind"), Stored.text(s, "document"));
      out.printf(Locale.ROOT, "        %s%n", Stored.text(s, "explanation"));
      out.printf(Locale.ROOT, "        innocent: %s%n", Stored.text(s, "innocentExplanation"));
    }
    for (JsonNode f : families) {
      out.printf(Locale.ROOT, "family  principal %s%n", Stored.text(f, "principal"));
      for (JsonNode m : f.get("members")) {
        out.printf(Locale.ROOT, "        %-7s %.2f %s%n", Stored.text(m, "role"), m.get("similarity").asDouble(), Stored.text(m, "document"));
      }
    }
    if (signals.isEmpty() && families.isEmpty()) {
      out.println("No signals.");
    }
    return 0;
  }
}
