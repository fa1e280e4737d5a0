package org.dossier.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dossier.core.DocumentIndex;
import org.dossier.core.SearchHit;
import org.dossier.core.SearchRequest;
import org.dossier.core.SearchResult;
import org.dossier.serve.Models.BatchPage;
import org.dossier.serve.Models.BatchRow;
import org.dossier.serve.Models.Form;
import org.dossier.serve.Models.Link;

/**
 * Batch search: a list of queries (typed one per line, or a CSV whose first column holds them)
 * run at once against a case, with the hits of each shown and downloadable as CSV (query,
 * document, score). Names from a sanctions list or a phone book, run against a leak, are the
 * usual use.
 */
final class BatchSearch {
  /** Most queries one batch runs. */
  static final int MAX_QUERIES = 1_000;
  /** Hits kept per query. */
  static final int HITS = 20;

  private final Workbench bench;

  BatchSearch(Workbench bench) {
    this.bench = bench;
  }

  void register(Javalin app) {
    app.get("/cases/{case}/batch", this::page);
    app.post("/cases/{case}/batch", this::run);
  }

  /** One query's outcome. */
  record Outcome(String query, long total, List<SearchHit> hits, String error) {}

  private void page(Context ctx) {
    Workbench.Served s = bench.served(ctx);
    Pages.html(ctx, "batch.jte", new BatchPage(s.key(), "", List.of(), form(ctx, s), 0));
  }

  private Form form(Context ctx, Workbench.Served s) {
    return new Form(s.key(), bench.csrf(ctx), "/cases/" + s.key() + "/batch");
  }

  private void run(Context ctx) throws IOException {
    Workbench.Served s = bench.served(ctx);
    bench.checkChange(ctx); // not a change, but a form that runs work: only from this server's page
    List<String> queries = new ArrayList<>();
    String typed = ctx.formParam("queries");
    if (typed != null) {
      typed.lines().map(String::strip).filter(q -> !q.isEmpty()).forEach(queries::add);
    }
    UploadedFile file = ctx.uploadedFile("file");
    if (file != null && file.size() > 0) {
      try (InputStream in = file.content()) {
        queries.addAll(fromCsv(in));
      }
    }
    queries = queries.stream().distinct().toList();
    if (queries.isEmpty()) {
      throw new Workbench.BadRequest("give queries, one per line, or a CSV file whose first column holds them");
    }
    if (queries.size() > MAX_QUERIES) {
      throw new Workbench.BadRequest("a batch runs at most " + MAX_QUERIES + " queries; got " + queries.size());
    }
    List<Outcome> outcomes = search(bench.index(s), queries);
    if ("csv".equals(ctx.formParam("format"))) {
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", ContentDisposition.attachment("batch-search-" + s.key() + ".csv"));
      ctx.result(csv(outcomes).getBytes(StandardCharsets.UTF_8));
      return;
    }
    List<BatchRow> rows = new ArrayList<>();
    for (Outcome o : outcomes) {
      List<Link> top = new ArrayList<>();
      for (SearchHit h : o.hits().subList(0, Math.min(5, o.hits().size()))) {
        top.add(new Link(h.name(), Pages.documentUrl(s.key(), h.id().sha256(), -1, -1)));
      }
      rows.add(new BatchRow(o.query(), o.total(), top, Pages.searchUrl(s.key(), o.query(), 0), o.error()));
    }
    long matched = outcomes.stream().filter(o -> o.total() > 0).count();
    Pages.html(ctx, "batch.jte", new BatchPage(s.key(), String.join("\n", queries), rows, form(ctx, s), matched));
  }

  /** The first column of each record; a header named query, name or term is skipped. */
  static List<String> fromCsv(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      int n = 0;
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(r)) {
        String first = rec.size() == 0 ? "" : rec.get(0).replace("\uFEFF", "").strip();
        if (n++ == 0 && first.matches("(?i)query|queries|name|names|term|terms")) {
          continue;
        }
        if (!first.isEmpty()) {
          out.add(first);
        }
        if (out.size() > MAX_QUERIES) {
          break;
        }
      }
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      throw new Workbench.BadRequest("the file is not CSV: " + e.getMessage());
    }
    return out;
  }

  static List<Outcome> search(DocumentIndex index, List<String> queries) throws IOException {
    List<Outcome> out = new ArrayList<>();
    for (String q : queries) {
      try {
        SearchResult r = index.search(new SearchRequest(q, HITS, 0));
        out.add(new Outcome(q, r.total(), r.hits(), ""));
      } catch (IllegalArgumentException e) {
        out.add(new Outcome(q, 0, List.of(), "cannot be read: " + e.getMessage()));
      }
    }
    return out;
  }

  /** RFC 4180: query, total, document, id, score; a query without hits is one row with an empty document. */
  static String csv(List<Outcome> outcomes) throws IOException {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("query", "total", "document", "id", "score",
        "error").get())) {
      for (Outcome o : outcomes) {
        if (o.hits().isEmpty()) {
          p.printRecord(o.query(), o.total(), "", "", "", o.error());
        }
        for (SearchHit h : o.hits()) {
          p.printRecord(o.query(), o.total(), h.name(), h.id().sha256(), String.format(java.util.Locale.ROOT, "%.4f", h.score()), "");
        }
      }
    }
    return w.toString();
  }

  static Map<String, Object> json(List<Outcome> outcomes) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Outcome o : outcomes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("query", o.query());
      m.put("total", o.total());
      List<Map<String, Object>> hits = new ArrayList<>();
      for (SearchHit h : o.hits()) {
        hits.add(Map.of("document", h.name(), "id", h.id().sha256(), "score", h.score()));
      }
      m.put("hits", hits);
      m.put("error", o.error());
      rows.add(m);
    }
    return Map.of("results", rows);
  }
}
