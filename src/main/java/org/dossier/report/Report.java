package org.dossier.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.dossier.link.StoredFindings;

/**
 * An analyst's report on a case, built from the link stage's findings: the disputes first,
 * largest first ({@link Disputes}), then other disagreements, agreements, the timeline, where each
 * article comes from, the press against the cache, and the verify stage's signals. Values are
 * written as a person writes them ({@link Readable}) and documents named by outlet, headline and
 * date ({@link DocumentLabels}). Every sentence is made of parts, and every part that states
 * something cites the passages it rests on as footnotes (document, offsets, verbatim quote).
 */
public final class Report {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Words, and the footnotes they rest on. */
  record Part(String text, List<Integer> cites) {
    Part {
      cites = List.copyOf(cites);
    }
  }

  record Sentence(List<Part> parts) {
    Sentence {
      parts = List.copyOf(parts);
    }
  }

  record Section(String title, List<Sentence> sentences) {
    Section {
      sentences = List.copyOf(sentences);
    }
  }

  /** A register as a table: each cell's values, each value footnoted. */
  record Table(String title, List<String> columns, List<List<Part>> rows) {
    Table {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }
  }

  private final String title;
  private final List<Section> sections = new ArrayList<>();
  private final List<Table> tables = new ArrayList<>();
  private final Citations cite;
  private final DocumentLabels labels;

  /** Builds the report from the stored findings. */
  public Report(String title, List<StoredFindings.Story> stories, List<StoredFindings.Fact> facts,
      List<StoredFindings.Source> sources, List<StoredFindings.Event> events, List<StoredFindings.Coverage> coverage,
      int singleLimit) {
    this(title, stories, facts, sources, events, coverage, List.of(), singleLimit);
  }

  /** With the verify stage's signals (as {@code verify --json} prints them) in a section of their own. */
  public Report(String title, List<StoredFindings.Story> stories, List<StoredFindings.Fact> facts,
      List<StoredFindings.Source> sources, List<StoredFindings.Event> events, List<StoredFindings.Coverage> coverage,
      List<JsonNode> signals, int singleLimit) {
    this.title = title;
    this.labels = DocumentLabels.of(sources);
    this.cite = new Citations(labels);
    sections.addAll(new FactSections(cite, labels).of(facts, singleLimit));
    timeline(events);
    sources(sources);
    coverage(coverage);
    signals(signals);
  }

  // ------------------------------------------------------------------ building

  /** Adds the registers (transfers, events) as tables, every value of every cell footnoted. */
  public Report registers(List<org.dossier.register.Transfer> transfers, List<org.dossier.register.EventRow> events) {
    List<org.dossier.register.Column> cols = List.of(org.dossier.register.Column.values());
    List<List<Part>> rows = new ArrayList<>();
    for (org.dossier.register.Transfer t : transfers) {
      List<Part> row = new ArrayList<>();
      for (org.dossier.register.Column c : cols) {
        row.add(cell(t.cell(c)));
      }
      rows.add(row);
    }
    if (!rows.isEmpty()) {
      tables.add(new Table("Register of transfers", cols.stream().map(org.dossier.register.Column::title).toList(), rows));
    }
    List<List<Part>> ev = new ArrayList<>();
    for (org.dossier.register.EventRow e : events) {
      String date = e.date() + (e.alongside().isEmpty() ? "" : " (also " + String.join(", ", e.alongside()) + ")");
      ev.add(List.of(new Part(date, List.of()), new Part(e.what(), cites(e.citations())),
          new Part(String.join(", ", e.kinds()), List.of()), cell(e.place()), cell(e.participants())));
    }
    if (!ev.isEmpty()) {
      tables.add(new Table("Register of events", List.of("Date", "Event", "Kind", "Place", "Participants"), ev));
    }
    return this;
  }

  private Part cell(org.dossier.register.Cell c) {
    List<Integer> all = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (org.dossier.register.Entry e : c.values()) {
      List<Integer> n = cites(e.citations());
      n.stream().filter(x -> !all.contains(x)).forEach(all::add);
      shown.add(org.dossier.views.RegisterViews.shown(e));
    }
    String text = String.join("; ", shown);
    if (c.status().equals("conflict") || c.status().equals("divergent")) {
      text = c.status() + ": " + text + (c.explanation().isEmpty() ? "" : " (" + c.explanation() + ")");
    }
    return new Part(text, all);
  }

  private List<Integer> cites(List<org.dossier.register.Citation> cs) {
    List<Integer> out = new ArrayList<>();
    for (org.dossier.register.Citation c : cs) {
      int n = cite.passage(c.document(), c.start(), c.end(), c.quote(), "", c.context());
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  private void add(String title, List<Sentence> sentences) {
    if (!sentences.isEmpty()) {
      sections.add(new Section(title, sentences));
    }
  }

  private void timeline(List<StoredFindings.Event> events) {
    List<Sentence> out = new ArrayList<>();
    for (StoredFindings.Event e : events) {
      List<String> docs = e.claims().stream().map(StoredFindings.Claim::document).distinct().map(labels::brief).toList();
      String also = e.alongside().isEmpty() ? "" : " (other sources give " + String.join(", ", e.alongside()) + ")";
      out.add(new Sentence(List.of(new Part(e.date() + ": " + e.what() + ", in " + String.join("; ", docs) + also + ".",
          cite.claims(e.claims(), 6)))));
    }
    add("Timeline", out);
  }

  private void sources(List<StoredFindings.Source> sources) {
    List<Sentence> out = new ArrayList<>();
    for (StoredFindings.Source d : sources) {
      if (!d.genre().equals("article")) {
        continue;
      }
      List<Part> parts = new ArrayList<>();
      String article = d.kind().equals("original") ? "an original report" : "a " + d.kind();
      parts.add(new Part(labels.brief(d.document()) + " reads as " + article, cite.evidence(d.evidence(), 4)));
      int i = 0;
      for (StoredFindings.Link l : d.links()) {
        String rel = switch (l.relation()) {
          case "copies" -> "copies";
          case "translates" -> "translates";
          case "rewrites" -> "rewrites";
          default -> "shares a source with";
        };
        parts.add(new Part((i == 0 ? ": it " : "; it ") + rel + " " + (l.inCase() ? labels.brief(l.to()) : l.to()),
            cite.evidence(l.evidence(), 4)));
        i++;
      }
      parts.add(new Part(".", List.of()));
      if (parts.stream().allMatch(p -> p.cites().isEmpty())) {
        continue; // an original with nothing to cite: nothing to say about it
      }
      out.add(new Sentence(parts));
    }
    add("Where the articles come from", out);
  }

  private void coverage(List<StoredFindings.Coverage> coverage) {
    List<Sentence> out = new ArrayList<>();
    for (String status : List.of("contradicted", "supported", "not-found")) {
      for (StoredFindings.Coverage c : coverage) {
        if (!c.status().equals(status)) {
          continue;
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(labels.brief(c.claim().document()) + " gives " + Readable.value(c.claim().value()) + " for the "
            + c.property() + " of " + c.subject() + c.claim().attributedTo().map(a -> ", attributed to " + a).orElse(""),
            List.of(cite.claim(c.claim()))));
        switch (status) {
          case "contradicted" -> parts.add(new Part("; the cache contradicts it", cite.claims(c.evidence(), 4)));
          case "supported" -> parts.add(new Part("; the cache supports it", cite.claims(c.evidence(), 4)));
          default -> parts.add(new Part("; no document of the cache states this", List.of()));
        }
        parts.add(new Part(c.explanation().map(why -> " (" + why + ").").orElse("."), List.of()));
        out.add(new Sentence(parts));
      }
    }
    add("The press against the cache", out);
  }

  /** The verify stage's signals: their rows are the verify stage's, read here as they are printed. */
  private void signals(List<JsonNode> signals) {
    List<Sentence> out = new ArrayList<>();
    for (JsonNode sg : signals) {
      if (text(sg, "severity").equals("info") && !text(sg, "kind").equals("draft_marking")) {
        continue; // fonts, unsigned mail, duplicates: in 'dossier verify', not in the report
      }
      JsonNode ev = sg.path("evidence");
      String quote = ev.has("quote") ? text(ev, "quote") : ev.has("mark") ? text(ev, "mark") : ev.has("value") ? text(ev, "value") : "";
      int at = cite.passage(text(sg, "document"), ev.path("start").asInt(0), ev.path("end").asInt(0), ev.has("start") ? quote : "",
          text(sg, "kind") + ", " + text(sg, "severity") + "; evidence " + clip(ev.toString(), 400), "");
      out.add(new Sentence(List.of(new Part(labels.brief(text(sg, "document")) + ": " + text(sg, "explanation"), List.of(at)),
          new Part(" Innocent explanation: " + text(sg, "innocentExplanation"), List.of()))));
    }
    add("Verification signals", out);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 3) + "...";
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  // ------------------------------------------------------------------ rendering

  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(title).append("\n\n");
    for (Section s : sections) {
      b.append("## ").append(s.title()).append("\n\n");
      for (Sentence st : s.sentences()) {
        b.append("- ");
        for (Part p : st.parts()) {
          b.append(p.text());
          p.cites().forEach(n -> b.append("[^").append(n).append(']'));
        }
        b.append('\n');
      }
      b.append('\n');
    }
    for (Table t : tables) {
      b.append("## ").append(t.title()).append("\n\n| ").append(String.join(" | ", t.columns())).append(" |\n|")
          .append("---|".repeat(t.columns().size())).append('\n');
      for (List<Part> row : t.rows()) {
        b.append('|');
        for (Part p : row) {
          b.append(' ').append(mdCell(p.text()));
          p.cites().forEach(n -> b.append("[^").append(n).append(']'));
          b.append(" |");
        }
        b.append('\n');
      }
      b.append('\n');
    }
    for (Citations.Footnote f : cite.all()) {
      b.append("[^").append(f.number()).append("]: ").append(f.label()).append(", characters ")
          .append(f.start()).append("\u2013").append(f.end());
      if (!f.quote().isEmpty()) {
        b.append(": \u201c").append(f.quote().replace("\n", " ")).append("\u201d");
      }
      if (!f.note().isEmpty()) {
        b.append(" (").append(f.note().replace("\n", " ")).append(')');
      }
      b.append('\n');
    }
    return b.toString();
  }

  public String html() {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}"
            + "sup a{text-decoration:none}ol.notes{font-size:90%}</style></head><body>\n<h1>")
        .append(esc(title)).append("</h1>\n");
    for (Section s : sections) {
      b.append("<h2>").append(esc(s.title())).append("</h2>\n<ul>\n");
      for (Sentence st : s.sentences()) {
        b.append("<li>");
        for (Part p : st.parts()) {
          b.append(esc(p.text()));
          for (int n : p.cites()) {
            b.append("<sup><a href=\"#fn").append(n).append("\" id=\"r").append(n).append("\">").append(n).append("</a></sup>");
          }
        }
        b.append("</li>\n");
      }
      b.append("</ul>\n");
    }
    for (Table t : tables) {
      b.append("<h2>").append(esc(t.title())).append("</h2>\n<table border=\"1\"><tr>");
      t.columns().forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
      b.append("</tr>\n");
      for (List<Part> row : t.rows()) {
        b.append("<tr>");
        for (Part p : row) {
          b.append("<td>").append(esc(p.text()));
          for (int n : p.cites()) {
            b.append("<sup><a href=\"#fn").append(n).append("\">").append(n).append("</a></sup>");
          }
          b.append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</table>\n");
    }
    b.append("<h2>Sources</h2>\n<ol class=\"notes\">\n");
    for (Citations.Footnote f : cite.all()) {
      b.append("<li id=\"fn").append(f.number()).append("\">").append(esc(f.label())).append(", characters ")
          .append(f.start()).append("\u2013").append(f.end());
      if (!f.quote().isEmpty()) {
        b.append(": <q>").append(esc(f.quote())).append("</q>");
      }
      if (!f.note().isEmpty()) {
        b.append(" <small>(").append(esc(f.note())).append(")</small>");
      }
      b.append("</li>\n");
    }
    b.append("</ol>\n</body></html>\n");
    return b.toString();
  }

  public ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("title", title);
    ArrayNode secs = root.putArray("sections");
    for (Section s : sections) {
      ObjectNode sn = secs.addObject();
      sn.put("title", s.title());
      ArrayNode sents = sn.putArray("sentences");
      for (Sentence st : s.sentences()) {
        ObjectNode o = sents.addObject();
        StringBuilder t = new StringBuilder();
        ArrayNode cites = o.putArray("citations");
        for (Part p : st.parts()) {
          t.append(p.text());
          p.cites().forEach(n -> {
            if (!contains(cites, n)) {
              cites.add(n);
            }
          });
        }
        o.put("text", t.toString());
      }
    }
    ArrayNode tabs = root.putArray("tables");
    for (Table t : tables) {
      ObjectNode tn = tabs.addObject();
      tn.put("title", t.title());
      ArrayNode cols = tn.putArray("columns");
      t.columns().forEach(cols::add);
      ArrayNode rows = tn.putArray("rows");
      for (List<Part> row : t.rows()) {
        ArrayNode r = rows.addArray();
        for (Part p : row) {
          ObjectNode cn = r.addObject();
          cn.put("text", p.text());
          ArrayNode cs = cn.putArray("citations");
          p.cites().forEach(cs::add);
        }
      }
    }
    ArrayNode notes = root.putArray("footnotes");
    for (Citations.Footnote f : cite.all()) {
      ObjectNode n = notes.addObject();
      n.put("number", f.number());
      n.put("document", f.document());
      n.put("label", f.label());
      n.put("start", f.start());
      n.put("end", f.end());
      n.put("quote", f.quote());
      if (!f.note().isEmpty()) {
        n.put("note", f.note());
      }
    }
    return root;
  }

  private static boolean contains(ArrayNode a, int n) {
    for (JsonNode x : a) {
      if (x.asInt() == n) {
        return true;
      }
    }
    return false;
  }

  private static String mdCell(String s) {
    return s.replace("\n", " ").replace("|", "\\|");
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
