package org.dossier.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import org.dossier.report.Disputes;
import org.dossier.report.DocumentLabels;
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
      "under their qualifiers), single (one source). Every claim quotes its document. Disputes",
      "(conflicting or divergent dates and figures) come first, largest first: dates by how far",
      "apart, figures by the ratio of the largest to the smallest."
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
    if (options.json) {
      Stored.printJson(options, spec.commandLine().getErr(), out, "facts", Findings.FACT,
          Optional.ofNullable(story), Optional.ofNullable(status));
      return 0;
    }
    Optional<String> inStory = Optional.ofNullable(story);
    List<String> statuses = status == null ? List.of() : List.of(status);
    Stored.streamed(options, spec.commandLine().getErr(), (rows, labels, findings) -> {
      // the disputes first, largest first: ranked holding their ids and sizes, then read back by id
      List<String> disputed = status == null ? DISPUTABLE : DISPUTABLE.contains(status) ? statuses : List.of();
      int[] disputes = {0};
      if (!disputed.isEmpty()) {
        Disputes.ranked(findings, inStory, disputed, d -> {
          if (disputes[0]++ == 0) {
            out.println("Disputes, largest first:");
          }
          print(out, d.fact(), " (" + d.size().words() + ")", labels);
        });
      }
      // then the other facts in their order, each as the store streams it (a dispute is known again by itself)
      int[] seen = {0, 0}; // facts, others printed
      rows.forEach(Findings.FACT, inStory, statuses, n -> {
        StoredFindings.Fact f = StoredFindings.fact(n);
        seen[0]++;
        if (Disputes.of(f).isPresent()) {
          return;
        }
        if (seen[1]++ == 0 && disputes[0] > 0) {
          out.println();
          out.println("Other facts:");
        }
        print(out, f, "", labels);
      });
      if (seen[0] == 0) {
        out.println("No facts" + (status != null || story != null ? " match." : " yet. Ingest documents first: dossier ingest PATH"));
      }
    });
    return 0;
  }

  /** The statuses of the facts that may be disputes ({@link Disputes#of}). */
  private static final List<String> DISPUTABLE = List.of("conflict", "divergent");

  private static void print(PrintWriter out, StoredFindings.Fact f, String size, DocumentLabels labels) {
    out.printf(Locale.ROOT, "%s %s [%s] %s: %s%s%n", f.id(), f.story(), f.status(), f.subject(), f.property(), size);
    out.printf(Locale.ROOT, "    %s%n", f.explanation());
    for (StoredFindings.Claim c : f.claims()) {
      out.printf(Locale.ROOT, "      %s%n", Stored.claimLine(c, labels));
    }
  }
}
