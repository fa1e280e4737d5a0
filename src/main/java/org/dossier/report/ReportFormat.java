package org.dossier.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.dossier.report.Report.Part;

/**
 * How a report is written as it is made: its title, then its sections a sentence at a time, its
 * tables a row at a time, its footnotes last. Markdown, HTML or JSON ({@code {"title", "sections",
 * "tables", "footnotes"}}, indented as Jackson's default printer indents). A section or a table is
 * only begun once it has a sentence or a row ({@link Report} sees to it).
 */
abstract class ReportFormat {
  /** The formats a report is written in, by the names the commands take. */
  static final List<String> NAMES = List.of("md", "html", "json");

  final Writer out;

  ReportFormat(Writer out) {
    this.out = out;
  }

  /** The format named {@code name} ({@link #NAMES}), writing to {@code out}. */
  static ReportFormat of(String name, Writer out) throws IOException {
    return switch (name) {
      case "md" -> new Markdown(out);
      case "html" -> new Html(out);
      case "json" -> new Json(out, Integer.MAX_VALUE);
      default -> throw new IllegalArgumentException("a report is written as md, html or json; not " + name);
    };
  }

  /**
   * JSON of at most {@code most} sentences a section and rows a table, each section and table
   * with how many it left out ({@code "omitted"}), and only the footnotes those it holds cite,
   * numbered as in the whole report: a page of a large case's report.
   */
  static ReportFormat json(Writer out, int most) throws IOException {
    return new Json(out, most);
  }

  abstract void begin(String title) throws IOException;

  abstract void section(String title) throws IOException;

  abstract void sentence(List<Part> parts) throws IOException;

  /**
   * A sentence about the section itself (what it left out), without citations: written as a
   * sentence, and written even where a page shows only a section's first sentences.
   */
  void note(List<Part> parts) throws IOException {
    sentence(parts);
  }

  abstract void endSection() throws IOException;

  /** After the last section, before the first table. */
  void endSections() throws IOException {}

  abstract void table(String title, List<String> columns) throws IOException;

  abstract void row(List<Part> cells) throws IOException;

  abstract void endTable() throws IOException;

  /** After the last table, before the first footnote. */
  void footnotes() throws IOException {}

  abstract void footnote(Citations.Footnote f) throws IOException;

  /** After the last footnote: the output is complete and flushed. */
  abstract void end() throws IOException;

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static final class Markdown extends ReportFormat {
    Markdown(Writer out) {
      super(out);
    }

    @Override
    void begin(String title) throws IOException {
      out.append("# ").append(title).append("\n\n");
    }

    @Override
    void section(String title) throws IOException {
      out.append("## ").append(title).append("\n\n");
    }

    @Override
    void sentence(List<Part> parts) throws IOException {
      out.append("- ");
      for (Part p : parts) {
        out.append(p.text());
        cites(p);
      }
      out.append('\n');
    }

    private void cites(Part p) throws IOException {
      for (int n : p.cites()) {
        out.append("[^").append(Integer.toString(n)).append(']');
      }
    }

    @Override
    void endSection() throws IOException {
      out.append('\n');
    }

    @Override
    void table(String title, List<String> columns) throws IOException {
      out.append("## ").append(title).append("\n\n| ").append(String.join(" | ", columns)).append(" |\n|")
          .append("---|".repeat(columns.size())).append('\n');
    }

    @Override
    void row(List<Part> cells) throws IOException {
      out.append('|');
      for (Part p : cells) {
        out.append(' ').append(p.text().replace("\n", " ").replace("|", "\\|"));
        cites(p);
        out.append(" |");
      }
      out.append('\n');
    }

    @Override
    void endTable() throws IOException {
      out.append('\n');
    }

    @Override
    void footnote(Citations.Footnote f) throws IOException {
      out.append("[^").append(Integer.toString(f.number())).append("]: ").append(f.label()).append(", characters ")
          .append(Integer.toString(f.start())).append("\u2013").append(Integer.toString(f.end()));
      if (!f.quote().isEmpty()) {
        out.append(": \u201c").append(f.quote().replace("\n", " ")).append("\u201d");
      }
      if (!f.note().isEmpty()) {
        out.append(" (").append(f.note().replace("\n", " ")).append(')');
      }
      out.append('\n');
    }

    @Override
    void end() throws IOException {
      out.flush();
    }
  }

  private static final class Html extends ReportFormat {
    Html(Writer out) {
      super(out);
    }

    @Override
    void begin(String title) throws IOException {
      out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title))
          .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}"
              + "sup a{text-decoration:none}ol.notes{font-size:90%}</style></head><body>\n<h1>")
          .append(esc(title)).append("</h1>\n");
    }

    @Override
    void section(String title) throws IOException {
      out.append("<h2>").append(esc(title)).append("</h2>\n<ul>\n");
    }

    @Override
    void sentence(List<Part> parts) throws IOException {
      out.append("<li>");
      for (Part p : parts) {
        out.append(esc(p.text()));
        for (int n : p.cites()) {
          out.append("<sup><a href=\"#fn").append(Integer.toString(n)).append("\" id=\"r").append(Integer.toString(n))
              .append("\">").append(Integer.toString(n)).append("</a></sup>");
        }
      }
      out.append("</li>\n");
    }

    @Override
    void endSection() throws IOException {
      out.append("</ul>\n");
    }

    @Override
    void table(String title, List<String> columns) throws IOException {
      out.append("<h2>").append(esc(title)).append("</h2>\n<table border=\"1\"><tr>");
      for (String c : columns) {
        out.append("<th>").append(esc(c)).append("</th>");
      }
      out.append("</tr>\n");
    }

    @Override
    void row(List<Part> cells) throws IOException {
      out.append("<tr>");
      for (Part p : cells) {
        out.append("<td>").append(esc(p.text()));
        for (int n : p.cites()) {
          out.append("<sup><a href=\"#fn").append(Integer.toString(n)).append("\">").append(Integer.toString(n))
              .append("</a></sup>");
        }
        out.append("</td>");
      }
      out.append("</tr>\n");
    }

    @Override
    void endTable() throws IOException {
      out.append("</table>\n");
    }

    @Override
    void footnotes() throws IOException {
      out.append("<h2>Sources</h2>\n<ol class=\"notes\">\n");
    }

    @Override
    void footnote(Citations.Footnote f) throws IOException {
      out.append("<li id=\"fn").append(Integer.toString(f.number())).append("\">").append(esc(f.label()))
          .append(", characters ").append(Integer.toString(f.start())).append("\u2013").append(Integer.toString(f.end()));
      if (!f.quote().isEmpty()) {
        out.append(": <q>").append(esc(f.quote())).append("</q>");
      }
      if (!f.note().isEmpty()) {
        out.append(" <small>(").append(esc(f.note())).append(")</small>");
      }
      out.append("</li>\n");
    }

    @Override
    void end() throws IOException {
      out.append("</ol>\n</body></html>\n");
      out.flush();
    }
  }

  private static final class Json extends ReportFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonGenerator g;
    /** Most sentences a section, rows a table; MAX_VALUE for all. */
    private final int most;
    /** In the current section or table: written, and left out. */
    private int written;
    private int omitted;
    /** The footnotes what is written cites, when not all is written. */
    private final java.util.BitSet cited = new java.util.BitSet();

    Json(Writer out, int most) throws IOException {
      super(out);
      this.most = most;
      g = MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** True when the next sentence or row is written; counts it either way. */
    private boolean room(List<Part> parts) {
      if (written >= most) {
        omitted++;
        return false;
      }
      written++;
      if (most != Integer.MAX_VALUE) {
        parts.forEach(p -> p.cites().forEach(cited::set));
      }
      return true;
    }

    /** Closes a section's or a table's list, saying how many it left out. */
    private void endList() throws IOException {
      g.writeEndArray();
      if (omitted > 0) {
        g.writeNumberField("omitted", omitted);
      }
      written = 0;
      omitted = 0;
      g.writeEndObject();
    }

    @Override
    void begin(String title) throws IOException {
      g.writeStartObject();
      g.writeStringField("title", title);
      g.writeArrayFieldStart("sections");
    }

    @Override
    void section(String title) throws IOException {
      g.writeStartObject();
      g.writeStringField("title", title);
      g.writeArrayFieldStart("sentences");
    }

    /** {@code {"citations": [each footnote once], "text": "the parts' words"}}. */
    @Override
    void sentence(List<Part> parts) throws IOException {
      if (room(parts)) {
        write(parts);
      }
    }

    @Override
    void note(List<Part> parts) throws IOException {
      write(parts);
    }

    private void write(List<Part> parts) throws IOException {
      List<Integer> cites = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (Part p : parts) {
        text.append(p.text());
        p.cites().stream().filter(n -> !cites.contains(n)).forEach(cites::add);
      }
      g.writeStartObject();
      numbers("citations", cites);
      g.writeStringField("text", text.toString());
      g.writeEndObject();
    }

    private void numbers(String field, List<Integer> numbers) throws IOException {
      g.writeArrayFieldStart(field);
      for (int n : numbers) {
        g.writeNumber(n);
      }
      g.writeEndArray();
    }

    @Override
    void endSection() throws IOException {
      endList();
    }

    @Override
    void endSections() throws IOException {
      g.writeEndArray();
      g.writeArrayFieldStart("tables");
    }

    @Override
    void table(String title, List<String> columns) throws IOException {
      g.writeStartObject();
      g.writeStringField("title", title);
      g.writeArrayFieldStart("columns");
      for (String c : columns) {
        g.writeString(c);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("rows");
    }

    @Override
    void row(List<Part> cells) throws IOException {
      if (!room(cells)) {
        return;
      }
      g.writeStartArray();
      for (Part p : cells) {
        g.writeStartObject();
        g.writeStringField("text", p.text());
        numbers("citations", p.cites());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    @Override
    void endTable() throws IOException {
      endList();
    }

    @Override
    void footnotes() throws IOException {
      g.writeEndArray();
      g.writeArrayFieldStart("footnotes");
    }

    @Override
    void footnote(Citations.Footnote f) throws IOException {
      if (most != Integer.MAX_VALUE && !cited.get(f.number())) {
        return; // cited only by what was left out
      }
      g.writeStartObject();
      g.writeNumberField("number", f.number());
      g.writeStringField("document", f.document());
      g.writeStringField("label", f.label());
      g.writeNumberField("start", f.start());
      g.writeNumberField("end", f.end());
      g.writeStringField("quote", f.quote());
      if (!f.note().isEmpty()) {
        g.writeStringField("note", f.note());
      }
      g.writeEndObject();
    }

    @Override
    void end() throws IOException {
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.append('\n');
      out.flush();
    }
  }
}
