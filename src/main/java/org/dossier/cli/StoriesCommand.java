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
    Stored.streamed(options, spec.commandLine().getErr(), (rows, labels, findings) -> {
      int[] stories = {0};
      rows.forEach(Findings.STORY, Optional.empty(), List.of(), n -> {
        StoredFindings.Story s = StoredFindings.story(n);
        stories[0]++;
        out.printf(Locale.ROOT, "%s  %s  (%d documents)%n", s.id(), s.title(), s.documents().size());
        for (StoredFindings.Member m : s.documents()) {
          out.printf(Locale.ROOT, "      %-11s %s%n", m.genre(), labels.full(m.document()));
        }
      });
      if (stories[0] == 0) {
        out.println("No stories yet. Ingest documents first: dossier ingest PATH");
      }
    });
    return 0;
  }
}
