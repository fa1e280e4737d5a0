package org.dossier.cli;

import java.util.Locale;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.Document;
import org.dossier.core.DocumentPath;
import org.dossier.pipeline.CaseFolder;
import org.dossier.views.CaseViews;
import org.dossier.store.CaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "show",
    description = "Shows one document: its status, paths, container, children, metadata and text.")
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Parameters(paramLabel = "DOC", description = "A document name, any of its paths, or an id prefix.")
  String doc;

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "20000",
      description = "Most characters of text to print; -1 for all (default 20000).")
  long maxChars;

  @Option(names = "--no-text", description = "Leave the text out.")
  boolean noText;

  @Option(names = "--annotated",
      description = "Mark the names, values and attribution sources the analysis found in the text.")
  boolean annotated;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (CaseFolder folder = options.openExisting()) {
      CaseStore store = folder.store();
      Document d = resolve(store, doc);
      if (annotated) {
        UpToDate.ensure(folder, spec.commandLine().getErr());
        return annotated(out, folder, d);
      }
      if (options.json) {
        Json.print(out, CaseViews.document(folder, d, noText ? 0 : maxChars));
        return 0;
      }
      List<DocumentPath> paths = store.documents().paths(d.id());
      Optional<Document> parent =
          d.parent().isPresent() ? store.documents().document(d.parent().get()) : Optional.empty();
      List<Document> children = store.documents().children(d.id());
      Map<String, List<String>> metadata = store.documents().metadata(d.id());
      String text = noText ? "" : text(folder.layout().text(d.id()), maxChars);
      boolean cut = !noText && maxChars >= 0 && d.textChars() > maxChars;
      out.println(d.name());
      out.printf(Locale.ROOT, "  id         %s%n", d.id());
      out.printf(Locale.ROOT, "  status     %s%s%n", d.status().code(), d.reason().isEmpty() ? "" : ": " + d.reason());
      out.printf(Locale.ROOT, "  type       %s   language %s   %d bytes   %d chars of text%s%n",
          d.mediaType(), d.language(), d.size(), d.textChars(), d.textTruncated() ? " (cut at the cap)" : "");
      out.printf(Locale.ROOT, "  original   %s%s%n", folder.layout().original(d.id()),
          d.stored() ? "" : " (not stored: over the size cap)");
      for (DocumentPath p : paths) {
        out.printf(Locale.ROOT, "  path       %s%s%n", p.name(),
            p.status().isProblem() ? "  [" + p.status().code() + ": " + p.reason() + "]" : "");
      }
      parent.ifPresent(p -> out.printf(Locale.ROOT, "  inside     %s%n", p.name()));
      for (Document c : children) {
        out.printf(Locale.ROOT, "  contains   %s  [%s]%n", c.name(), c.status().code());
      }
      if (!metadata.isEmpty()) {
        out.println("  metadata");
        metadata.forEach((k, v) -> out.printf(Locale.ROOT, "    %s: %s%n", k, abbreviate(String.join(" | ", v), 200)));
      }
      if (!noText) {
        out.println("---- text ----");
        out.println(text);
        if (cut) {
          out.printf(Locale.ROOT, "---- %d more characters: --max-chars -1 shows all ----%n", d.textChars() - text.length());
        }
      }
    }
    return 0;
  }

  private int annotated(PrintWriter out, CaseFolder folder, Document d) throws Exception {
    Annotations a = folder.store().annotations().annotations(d.id());
    org.dossier.store.AnnotationStore.AnalysisState state = folder.store().annotations().analysisState(d.id()).orElseThrow();
    String text = text(folder.layout().text(d.id()), -1);
    if (options.json) {
      Json.print(out, CaseViews.annotated(folder, d));
      return 0;
    }
    out.println(d.name() + "  [analysis " + state.status()
        + (state.reason().isEmpty() ? "" : ": " + state.reason())
        + (state.documentDate().isEmpty() ? "" : "; dates resolved against " + state.documentDate()) + "]");
    out.println(Annotated.render(text, a));
    if (!a.attributions().isEmpty()) {
      out.println("---- attributions ----");
      for (Attribution at : a.attributions()) {
        String statement = text.substring(at.statement().start(), Math.min(at.statement().end(), at.statement().start() + 100))
            .replaceAll("\\s+", " ");
        out.printf(java.util.Locale.ROOT, "  %-12s %s%s: %s%s%n", at.kind().code(), at.sourceText(),
            at.via().map(v -> " (via " + v + ")").orElse(""), statement,
            at.statement().length() > 100 ? "..." : "");
      }
    }
    return 0;
  }

  static Document resolve(CaseStore store, String ref) throws SQLException {
    return CaseViews.resolve(store.documents(), ref);
  }

  private static String text(Path file, long maxChars) throws IOException {
    return CaseViews.text(file, maxChars);
  }

  private static String abbreviate(String s, int max) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > max ? one.substring(0, max) + "..." : one;
  }
}
