package org.dossier.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dossier.link.FindingStreams;
import org.dossier.link.StoredFindings;
import org.dossier.register.Column;
import org.dossier.register.EventRow;
import org.dossier.register.Events;
import org.dossier.register.Texts;
import org.dossier.register.Transfer;
import org.dossier.register.Transfers;

/**
 * An analyst's report on a case, built from the link stage's findings: the disputes first,
 * largest first ({@link Disputes}), then other disagreements, agreements, the timeline, where each
 * article comes from, the press against the cache, the verify stage's signals, and the registers
 * of transfers and events as tables. Values are written as a person writes them ({@link Readable})
 * and documents named by outlet, headline and date ({@link DocumentLabels}). Every sentence is
 * made of parts, and every part that states something cites the passages it rests on as
 * footnotes (document, offsets, verbatim quote), numbered in the order a reader meets them.
 *
 * <p>A report is written as it is made ({@link #write}): each section goes over its kind of
 * findings as the store streams them and writes each sentence at once; the footnotes, which come
 * last, wait in a file aside ({@link Citations}). Held while it is written: each document's label,
 * the disputes (to rank them), a digest and a number per footnote, and what the registers hold
 * (one story's facts; the sentences of the timeline's claims).
 */
public final class Report {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The formats a report is written in: {@code md}, {@code html}, {@code json}. */
  public static final List<String> FORMATS = ReportFormat.NAMES;

  /** Words, and the footnotes they rest on. */
  record Part(String text, List<Integer> cites) {
    Part {
      cites = List.copyOf(cites);
    }
  }

  /**
   * What a report is made from.
   *
   * @param findings the case's findings (documents are named from all its sources)
   * @param texts the documents' texts, for the registers to read their sentences
   * @param singleLimit most facts stated by one source only
   * @param notFoundLimit most press claims no document of the cache states
   * @param story the one story the report is on ({@link FindingStreams#story}), or the whole case
   */
  public record Input(String title, FindingStreams findings, Texts texts, int singleLimit, int notFoundLimit,
      Optional<String> story) {
    public Input {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(findings, "findings");
      Objects.requireNonNull(texts, "texts");
      Objects.requireNonNull(story, "story");
    }

    /** On the whole case, with at most {@link #NOT_FOUND} claims the cache does not state. */
    public Input(String title, FindingStreams findings, Texts texts, int singleLimit) {
      this(title, findings, texts, singleLimit, NOT_FOUND, Optional.empty());
    }

    /** What the report's sections go over: the story's findings, or the case's. */
    FindingStreams shown() {
      return story.map(findings::story).orElse(findings);
    }
  }

  /** Facts stated by one source only that a report lists unless told otherwise. */
  public static final int SINGLE = 50;
  /** Press claims no document of the cache states that a report lists unless told otherwise. */
  public static final int NOT_FOUND = 200;

  private final Input in;
  /** The findings the sections go over. */
  private final FindingStreams shown;
  private final ReportFormat out;
  private final DocumentLabels labels;
  private final Citations cite;

  private Report(Input in, ReportFormat out, DocumentLabels labels, Citations cite) {
    this.in = in;
    this.shown = in.shown();
    this.out = out;
    this.labels = labels;
    this.cite = cite;
  }

  /**
   * Writes the report on {@code in} to {@code to} in {@code format} ({@link #FORMATS}) as it is
   * made; its footnotes wait in a file of {@code aside}, removed at the end.
   */
  public static void write(Input in, String format, Writer to, Path aside) throws IOException {
    write(in, ReportFormat.of(format, to), aside);
  }

  private static void write(Input in, ReportFormat out, Path aside) throws IOException {
    DocumentLabels labels = DocumentLabels.none();
    in.findings().sources(labels::add); // every document of the case, which a story's links may name
    try (Citations cite = new Citations(labels, aside)) {
      new Report(in, out, labels, cite).write();
    } catch (UncheckedIOException e) {
      throw e.getCause(); // the footnotes could not be written aside
    }
  }

  /** The report in {@code format} as one string (a case made in code, a small one). */
  public static String text(Input in, String format, Path aside) throws IOException {
    StringWriter w = new StringWriter();
    write(in, format, w, aside);
    return w.toString();
  }

  /** The report as a JSON tree (a case made in code, a small one). */
  public static ObjectNode json(Input in, Path aside) throws IOException {
    return (ObjectNode) JSON.readTree(text(in, "json", aside));
  }

  /**
   * The report as a JSON tree of at most {@code most} sentences a section and rows a table, each
   * saying how many it left out ({@code "omitted"}), with the footnotes those cite, numbered as in
   * the whole report: what a page shows of a large case's report.
   */
  public static ObjectNode json(Input in, Path aside, int most) throws IOException {
    StringWriter w = new StringWriter();
    page(in, w, aside, most);
    return (ObjectNode) JSON.readTree(w.toString());
  }

  /** The same tree ({@link #json(Input, Path, int)}) written to {@code to} as it is made. */
  public static void page(Input in, Writer to, Path aside, int most) throws IOException {
    write(in, ReportFormat.json(to, most), aside);
  }

  private void write() throws IOException {
    out.begin(in.title());
    new FactSections(cite, labels).write(shown, in.story(), in.singleLimit(), this::section);
    timeline();
    sources();
    coverage();
    signals();
    out.endSections();
    registers();
    out.footnotes();
    cite.forEach(out::footnote);
    out.end();
  }

  // ------------------------------------------------------------------ sections

  /** A section of the report, begun in the output with its first sentence: one without any is left out. */
  final class Section {
    private final String title;
    private boolean begun;

    private Section(String title) {
      this.title = title;
    }

    void sentence(List<Part> parts) throws IOException {
      begin();
      out.sentence(parts);
    }

    /** A sentence about the section itself ({@link ReportFormat#note}): what it left out. */
    void note(List<Part> parts) throws IOException {
      begin();
      out.note(parts);
    }

    private void begin() throws IOException {
      if (!begun) {
        out.section(title);
        begun = true;
      }
    }

    void end() throws IOException {
      if (begun) {
        out.endSection();
      }
    }
  }

  Section section(String title) {
    return new Section(title);
  }

  private void timeline() throws IOException {
    Section s = section("Timeline");
    shown.events(e -> {
      List<String> docs = e.claims().stream().map(StoredFindings.Claim::document).distinct().map(labels::brief).toList();
      String also = e.alongside().isEmpty() ? "" : " (other sources give " + String.join(", ", e.alongside()) + ")";
      s.sentence(List.of(new Part(e.date() + ": " + e.what() + ", in " + String.join("; ", docs) + also + ".",
          cite.claims(e.claims(), 6))));
    });
    s.end();
  }

  private void sources() throws IOException {
    Section s = section("Where the articles come from");
    shown.sources(d -> {
      if (!d.genre().equals("article")) {
        return;
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
        return; // an original with nothing to cite: nothing to say about it
      }
      s.sentence(parts);
    });
    s.end();
  }

  private void coverage() throws IOException {
    Section s = section("The press against the cache");
    long[] notFound = {0};
    for (String status : List.of("contradicted", "supported", "not-found")) {
      shown.coverage(List.of(status), c -> {
        if (status.equals("not-found") && ++notFound[0] > in.notFoundLimit()) {
          return; // counted: the rest are one listing away
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
        s.sentence(parts);
      });
    }
    long more = notFound[0] - in.notFoundLimit();
    if (more > 0) {
      // the listing has no story of its own: on one story's report, it is the case's
      s.note(List.of(new Part(FactSections.more(more, "press claim", "press claims", "no document of the cache states",
          "'dossier coverage --status not-found' lists them all" + (in.story().isPresent() ? ", the whole case's" : "")),
          List.of())));
    }
    s.end();
  }

  /** The verify stage's signals: their rows are the verify stage's, read here as they are printed. */
  private void signals() throws IOException {
    Section s = section("Verification signals");
    shown.signals(sg -> {
      if (text(sg, "severity").equals("info") && !text(sg, "kind").equals("draft_marking")) {
        return; // fonts, unsigned mail, duplicates: in 'dossier verify', not in the report
      }
      JsonNode ev = sg.path("evidence");
      String quote = ev.has("quote") ? text(ev, "quote") : ev.has("mark") ? text(ev, "mark") : ev.has("value") ? text(ev, "value") : "";
      int at = cite.passage(text(sg, "document"), ev.path("start").asInt(0), ev.path("end").asInt(0), ev.has("start") ? quote : "",
          text(sg, "kind") + ", " + text(sg, "severity") + "; evidence " + clip(ev.toString(), 400), "");
      s.sentence(List.of(new Part(labels.brief(text(sg, "document")) + ": " + text(sg, "explanation"), List.of(at)),
          new Part(" Innocent explanation: " + text(sg, "innocentExplanation"), List.of())));
    });
    s.end();
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 3) + "...";
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  // ------------------------------------------------------------------ registers

  /** A table, begun in the output with its first row: one without any is left out. */
  private final class Table {
    private final String title;
    private final List<String> columns;
    private boolean begun;

    private Table(String title, List<String> columns) {
      this.title = title;
      this.columns = columns;
    }

    void row(List<Part> cells) throws IOException {
      if (!begun) {
        out.table(title, columns);
        begun = true;
      }
      out.row(cells);
    }

    void end() throws IOException {
      if (begun) {
        out.endTable();
      }
    }
  }

  /** The registers (transfers, events) as tables, every value of every cell footnoted. */
  private void registers() throws IOException {
    List<Column> cols = List.of(Column.values());
    Table transfers = new Table("Register of transfers", cols.stream().map(Column::title).toList());
    Transfers.each(new Transfers.Input(in.findings(), in.texts(), in.story()), (Transfer t) -> {
      List<Part> row = new ArrayList<>();
      for (Column c : cols) {
        row.add(cell(t.cell(c)));
      }
      transfers.row(row);
    });
    transfers.end();
    Table events = new Table("Register of events", List.of("Date", "Event", "Kind", "Place", "Participants"));
    Events.each(shown, (EventRow e) -> {
      String date = e.date() + (e.alongside().isEmpty() ? "" : " (also " + String.join(", ", e.alongside()) + ")");
      events.row(List.of(new Part(date, List.of()), new Part(e.what(), cites(e.citations())),
          new Part(String.join(", ", e.kinds()), List.of()), cell(e.place()), cell(e.participants())));
    });
    events.end();
  }

  private Part cell(org.dossier.register.Cell c) {
    List<Integer> all = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (org.dossier.register.Entry e : c.values()) {
      List<Integer> n = cites(e.citations());
      n.stream().filter(x -> !all.contains(x)).forEach(all::add);
      words.add(org.dossier.views.RegisterViews.shown(e));
    }
    String text = String.join("; ", words);
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
}
