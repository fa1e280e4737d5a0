package org.dossier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    name = "facts",
    description = {
      "Lists what the documents of each story claim, grouped by what the claims are about, with",
      "a status: agree, conflict (values that cannot both be true), divergent (compatible only",
      "under their qualifiers), single (one source). Every claim quotes its document."
    })
final class FactsCommand implements Callable<Integer> {
  private static final Set<String> STATUSES = Set.of("agree", "conflict", "divergent", "single");

  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Option(names = "--status", paramLabel = "S", description = "Only facts with this status: agree, conflict, divergent, single.")
  String status;

  @Option(names = "--story", paramLabel = "ID", description = "Only facts of this story (see 'dossier stories').")
  String story;

  @Override
  public Integer call() throws Exception {
    if (status != null && !STATUSES.contains(status)) {
      throw new ParameterException(spec.commandLine(), "--status must be one of agree, conflict, divergent, single; got " + status);
    }
    PrintWriter out = spec.commandLine().getOut();
    List<JsonNode> facts = Stored.read(options, spec.commandLine().getErr(), Findings.FACT,
        Optional.ofNullable(story), Optional.ofNullable(status));
    if (options.json) {
      Json.print(out, Map.of("facts", facts));
      return 0;
    }
    if (facts.isEmpty()) {
      out.println("No facts" + (status != null || story != null ? " match." : " yet. Ingest documents first: dossier ingest PATH"));
    }
    for (StoredFindings.Fact f : Stored.decode(facts, StoredFindings::fact)) {
      out.printf(Locale.ROOT, "%s %s [%s] %s: %s%n", f.id(), f.story(), f.status(), f.subject(), f.property());
      out.printf(Locale.ROOT, "    %s%n", f.explanation());
      for (StoredFindings.Claim c : f.claims()) {
        out.printf(Locale.ROOT, "      %s%n", Stored.claimLine(c));
      }
    }
    return 0;
  }
}
