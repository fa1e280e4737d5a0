package org.dossier.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dossier.core.Document;
import org.dossier.pipeline.CaseFolder;
import org.dossier.views.CaseViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "diff",
    description = "A readable diff of the extracted texts of two documents (two versions of a contract), naming the numbers that changed.")
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Parameters(index = "0", paramLabel = "A", description = "A document name (as 'show' takes it).")
  String a;

  @Parameters(index = "1", paramLabel = "B", description = "Another document name.")
  String b;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> diff;
    try (CaseFolder folder = options.openExisting()) {
      UpToDate.ensure(folder, spec.commandLine().getErr());
      diff = CaseViews.diff(folder, document(folder, a), document(folder, b));
    }
    if (options.json) {
      Json.print(out, diff);
      return 0;
    }
    out.println("--- " + a);
    out.println("+++ " + b);
    ((List<?>) diff.get("lines")).forEach(out::println);
    List<?> removed = (List<?>) diff.get("numbersOnlyInA");
    List<?> added = (List<?>) diff.get("numbersOnlyInB");
    out.println("numbers only in A: " + (removed.isEmpty() ? "none" : String.join(", ", removed.stream().map(String::valueOf).toList())));
    out.println("numbers only in B: " + (added.isEmpty() ? "none" : String.join(", ", added.stream().map(String::valueOf).toList())));
    return 0;
  }

  private static Document document(CaseFolder folder, String name) throws Exception {
    Optional<Document> d = folder.store().documents().documentByName(name);
    if (d.isEmpty()) {
      throw new IllegalArgumentException("no document named " + name + " in the case");
    }
    return d.get();
  }
}
