package org.dossier.cli;

import java.util.Locale;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;
import org.dossier.core.Document;
import org.dossier.core.EntityMention;
import org.dossier.core.ValueMention;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentPath;
import org.dossier.pipeline.CaseFolder;
import org.dossier.store.SqliteCaseStore;
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
      SqliteCaseStore store = folder.store();
      Document d = resolve(store, doc);
      if (annotated) {
        UpToDate.ensure(folder, spec.commandLine().getErr());
        return annotated(out, folder, d);
      }
      List<DocumentPath> paths = store.paths(d.id());
      Optional<Document> parent =
          d.parent().isPresent() ? store.document(d.parent().get()) : Optional.empty();
      List<Document> children = store.children(d.id());
      Map<String, List<String>> metadata = store.metadata(d.id());
      String text = noText ? "" : text(folder.layout().text(d.id()), maxChars);
      boolean cut = !noText && maxChars >= 0 && d.textChars() > maxChars;
      if (options.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("document", d.name());
        json.put("id", d.id().sha256());
        json.put("status", d.status().code());
        json.put("reason", d.reason());
        json.put("stage", d.stage().code());
        json.put("mediaType", d.mediaType());
        json.put("language", d.language());
        json.put("size", d.size());
        json.put("stored", d.stored());
        json.put("original", folder.layout().root().relativize(folder.layout().original(d.id())).toString());
        List<Map<String, String>> ps = new ArrayList<>();
        for (DocumentPath p : paths) {
          Map<String, String> m = new LinkedHashMap<>();
          m.put("name", p.name());
          m.put("status", p.status().code());
          m.put("reason", p.reason());
          ps.add(m);
        }
        json.put("paths", ps);
        json.put("parent", parent.map(Document::name).orElse(null));
        json.put("children", children.stream().map(Document::name).toList());
        json.put("metadata", metadata);
        json.put("textChars", d.textChars());
        json.put("textTruncated", d.textTruncated());
        if (!noText) {
          json.put("text", text);
          json.put("textShownChars", text.length());
        }
        Json.print(out, json);
        return 0;
      }
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
    Annotations a = folder.store().annotations(d.id());
    SqliteCaseStore.AnalysisState state = folder.store().analysisState(d.id()).orElseThrow();
    String text = text(folder.layout().text(d.id()), -1);
    if (options.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("document", d.name());
      json.put("id", d.id().sha256());
      json.put("language", d.language());
      json.put("analysis", Map.of("status", state.status(), "reason", state.reason(),
          "documentDate", state.documentDate()));
      json.put("text", text);
      List<Map<String, Object>> entities = new ArrayList<>();
      for (EntityMention e : a.entities()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", e.span().start());
        m.put("end", e.span().end());
        m.put("text", e.text());
        m.put("type", e.type().code());
        m.put("canonical", e.canonical());
        m.put("source", e.source());
        entities.add(m);
      }
      json.put("entities", entities);
      List<Map<String, Object>> values = new ArrayList<>();
      for (ValueMention v : a.values()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", v.span().start());
        m.put("end", v.span().end());
        m.put("text", v.text());
        m.put("kind", v.value().kind());
        m.put("normalized", v.value().normalized());
        m.put("qualifier", v.qualifier().map(q -> Map.of("text", q.text(), "bound", q.bound().name().toLowerCase(java.util.Locale.ROOT))).orElse(null));
        values.add(m);
      }
      json.put("values", values);
      List<Map<String, Object>> attributions = new ArrayList<>();
      for (Attribution at : a.attributions()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", at.statement().start());
        m.put("end", at.statement().end());
        m.put("kind", at.kind().code());
        m.put("source", Map.of("text", at.sourceText(), "start", at.source().start(), "end", at.source().end()));
        m.put("via", at.via().orElse(null));
        attributions.add(m);
      }
      json.put("attributions", attributions);
      Json.print(out, json);
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

  static Document resolve(SqliteCaseStore store, String ref) throws SQLException {
    Optional<Document> byName = store.documentByName(ref);
    if (byName.isPresent()) {
      return byName.get();
    }
    List<DocumentId> atPath = store.documentsAtPath(ref);
    if (atPath.size() == 1) {
      return store.document(atPath.get(0)).orElseThrow();
    }
    if (ref.matches("[0-9a-f]{6,64}")) {
      List<Document> byId = store.documentsByIdPrefix(ref, 2);
      if (byId.size() == 1) {
        return byId.get(0);
      }
      if (byId.size() > 1) {
        throw new IllegalArgumentException("'" + ref + "' matches several documents; give more of the id");
      }
    }
    throw new IllegalArgumentException(
        "no document named '" + ref + "'; find one with 'dossier search QUERY'");
  }

  private static String text(Path file, long maxChars) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      StringBuilder out = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((maxChars < 0 || out.length() < maxChars)
          && (n = in.read(buf, 0, maxChars < 0 ? buf.length : (int) Math.min(buf.length, maxChars - out.length()))) > 0) {
        out.append(buf, 0, n);
      }
      return out.toString();
    } catch (NoSuchFileException e) {
      return "";
    }
  }

  private static String abbreviate(String s, int max) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > max ? one.substring(0, max) + "..." : one;
  }
}
