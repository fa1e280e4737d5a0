package org.dossier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dossier.link.Findings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "sources",
    description = {
      "Says for each document whether it is an original report, a repost, a translation or a",
      "rewrite, which documents or outlets it copies, translates or rewrites, and which documents",
      "share an upstream source with it, with the evidence of each link."
    })
final class SourcesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<JsonNode> docs = Stored.read(options, spec.commandLine().getErr(), Findings.SOURCE,
        Optional.empty(), Optional.empty());
    if (options.json) {
      Json.print(out, Map.of("documents", docs));
      return 0;
    }
    for (JsonNode d : docs) {
      String outlet = Stored.text(d, "outlet");
      out.printf(Locale.ROOT, "%-11s %-10s %s%s%n", Stored.text(d, "kind"), Stored.text(d, "genre"),
          Stored.text(d, "document"), outlet.isEmpty() ? "" : "  (" + outlet + ")");
      for (JsonNode l : d.get("links")) {
        out.printf(Locale.ROOT, "      %s %s%n", Stored.text(l, "relation"), Stored.text(l, "to"));
        for (JsonNode e : l.get("evidence")) {
          printEvidence(out, e);
        }
      }
      for (JsonNode e : d.get("evidence")) {
        printEvidence(out, e);
      }
    }
    return 0;
  }

  private static void printEvidence(PrintWriter out, JsonNode e) {
    String quote = Stored.text(e, "quote");
    String note = Stored.text(e, "note");
    out.printf(Locale.ROOT, "          %s%s%n", quote.isEmpty() ? "" : Stored.text(e, "document") + " @"
        + e.get("start").asInt() + "-" + e.get("end").asInt() + " \"" + quote + "\"", note.isEmpty() ? "" : (quote.isEmpty() ? "" : "  ") + note);
  }
}
