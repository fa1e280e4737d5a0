package org.dossier.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "stories",
    description = {
      "Lists the stories of the case: documents (articles and records of the cache) about the",
      "same event, each titled by a headline."
    })
final class StoriesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      Stored.printJson(options, spec.commandLine().getErr(), out, "stories", Findings.STORY,
          Optional.empty(), Optional.empty());
      return 0;
    }
    Stored.Read read = Stored.read(options, spec.commandLine().getErr(), Findings.STORY,
        Optional.empty(), Optional.empty());
    List<StoredFindings.Story> stories = Stored.decode(read.rows(), StoredFindings::story);
    if (stories.isEmpty()) {
      out.println("No stories yet. Ingest documents first: dossier ingest PATH");
    }
    for (StoredFindings.Story s : stories) {
      out.printf(Locale.ROOT, "%s  %s  (%d documents)%n", s.id(), s.title(), s.documents().size());
      for (StoredFindings.Member m : s.documents()) {
        out.printf(Locale.ROOT, "      %-11s %s%n", m.genre(), read.labels().full(m.document()));
      }
    }
    return 0;
  }
}
