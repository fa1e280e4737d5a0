package org.dossier.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "coverage",
    description = {
      "Sets each claim of the press against the cache's own documents (contracts, letters,",
      "emails, spreadsheets ...): supported, contradicted or not found, citing both passages."
    })
final class CoverageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Option(names = "--status", paramLabel = "S", description = "Only claims with this status: supported, contradicted, not-found.")
  String status;

  @Override
  public Integer call() throws Exception {
    if (status != null && !Set.of("supported", "contradicted", "not-found").contains(status)) {
      throw new ParameterException(spec.commandLine(), "--status must be supported, contradicted or not-found; got " + status);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      Stored.printJson(options, spec.commandLine().getErr(), out, "claims", Findings.COVERAGE,
          Optional.empty(), Optional.ofNullable(status));
      return 0;
    }
    List<String> statuses = status == null ? List.of() : List.of(status);
    Stored.streamed(options, spec.commandLine().getErr(), (rows, labels, findings) -> {
      int[] claims = {0};
      rows.forEach(Findings.COVERAGE, Optional.empty(), statuses, n -> {
        StoredFindings.Coverage c = StoredFindings.coverage(n);
        claims[0]++;
        out.printf(Locale.ROOT, "[%s] %s: %s%n", c.status(), c.subject(), c.property());
        out.printf(Locale.ROOT, "    press   %s%n", Stored.claimLine(c.claim(), labels));
        for (StoredFindings.Claim e : c.evidence()) {
          out.printf(Locale.ROOT, "    record  %s%n", Stored.claimLine(e, labels));
        }
        c.explanation().ifPresent(x -> out.printf(Locale.ROOT, "    %s%n", x));
      });
      if (claims[0] == 0) {
        out.println("No press claims to check" + (status == null ? " (the case needs both press articles and cache documents)." : "."));
      }
    });
    return 0;
  }
}
