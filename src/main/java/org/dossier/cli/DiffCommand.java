package org.dossier.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.dossier.core.Document;
import org.dossier.pipeline.CaseFolder;
import org.dossier.verify.Diff;
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
    String ta;
    String tb;
    try (CaseFolder folder = options.openExisting()) {
      UpToDate.ensure(folder, spec.commandLine().getErr());
      ta = text(folder, a);
      tb = text(folder, b);
    }
    List<String> lines = Diff.lines(ta, tb, 400);
    Set<String> before = Diff.numbers(ta);
    Set<String> after = Diff.numbers(tb);
    Set<String> removed = new TreeSet<>(before);
    removed.removeAll(after);
    Set<String> added = new TreeSet<>(after);
    added.removeAll(before);
    if (options.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("a", a);
      json.put("b", b);
      json.put("numbersOnlyInA", List.copyOf(removed));
      json.put("numbersOnlyInB", List.copyOf(added));
      json.put("lines", lines);
      Json.print(out, json);
      return 0;
    }
    out.println("--- " + a);
    out.println("+++ " + b);
    lines.forEach(out::println);
    out.println("numbers only in A: " + (removed.isEmpty() ? "none" : String.join(", ", removed)));
    out.println("numbers only in B: " + (added.isEmpty() ? "none" : String.join(", ", added)));
    return 0;
  }

  private static String text(CaseFolder folder, String name) throws Exception {
    Optional<Document> d = folder.store().documents().documentByName(name);
    if (d.isEmpty()) {
      throw new IllegalArgumentException("no document named " + name + " in the case");
    }
    return Files.readString(folder.layout().text(d.get().id()), StandardCharsets.UTF_8);
  }
}
