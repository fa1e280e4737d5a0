package org.dossier.cli;

import java.util.Locale;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dossier.core.DocumentIndex;
import org.dossier.core.FacetCount;
import org.dossier.core.SearchHit;
import org.dossier.core.SearchRequest;
import org.dossier.core.SearchResult;
import org.dossier.pipeline.CaseFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "search",
    description = {
      "Searches the case. Syntax: words (all must match), \"a phrase\", \"words near\"~5,",
      "OR, NOT, wildcards (contr*), fuzzy (Danyluk~), field:value (lang:ru, ext:pdf, type:*pdf,",
      "from:, to:, author:, title:, name:, folder:, container:), date:2024-10,",
      "date:[2024-01 TO 2024-06], year:[2020 TO 2024]. Cyrillic and Latin spellings of a name",
      "match each other (BMD-4M finds БМД-4М)."
    })
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query.")
  List<String> words;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits to show (default 10).")
  int limit;

  @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Hits to skip.")
  int offset;

  @Override
  public Integer call() throws Exception {
    String query = String.join(" ", words);
    PrintWriter out = spec.commandLine().getOut();
    SearchResult result;
    try (CaseFolder folder = options.openExisting();
        DocumentIndex index = folder.openIndexForReading()) {
      result = index.search(new SearchRequest(query, limit, offset));
    }
    if (options.json) {
      Json.print(out, org.dossier.views.CaseViews.search(result));
      return 0;
    }
    out.printf(Locale.ROOT, "%d document%s match %s%n", result.total(), result.total() == 1 ? "" : "s", query);
    int n = offset;
    for (SearchHit h : result.hits()) {
      out.printf(Locale.ROOT, "%3d. %s  (score %.2f)%n", ++n, h.name(), h.score());
      for (String s : h.snippets()) {
        out.println("     " + Snippets.forTerminal(s));
      }
    }
    if (!result.facets().isEmpty()) {
      out.println();
      for (Map.Entry<String, List<FacetCount>> e : result.facets().entrySet()) {
        StringBuilder line = new StringBuilder();
        for (FacetCount c : e.getValue()) {
          line.append(line.length() == 0 ? "" : ", ").append(c.value()).append(' ').append(c.count());
        }
        out.printf(Locale.ROOT, "  %-10s %s%n", e.getKey(), line);
      }
    }
    if (result.total() > offset + result.hits().size()) {
      out.printf(Locale.ROOT, "%nMore: --offset %d.  Read one: dossier show DOCUMENT%n", offset + result.hits().size());
    } else if (!result.hits().isEmpty()) {
      out.println("\nRead one: dossier show DOCUMENT");
    }
    return 0;
  }
}
