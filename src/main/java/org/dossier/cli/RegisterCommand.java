package org.dossier.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dossier.pipeline.CaseFolder;
import org.dossier.register.Cell;
import org.dossier.register.Citation;
import org.dossier.register.Column;
import org.dossier.register.Entry;
import org.dossier.link.FindingStreams;
import org.dossier.register.EventRow;
import org.dossier.register.Events;
import org.dossier.register.Transfer;
import org.dossier.register.Transfers;
import org.dossier.views.CaseViews;
import org.dossier.views.RegisterViews;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "register",
    description = {
      "Registers built from the case's facts, every cell citing its passages: transfers (one row",
      "per deal, in SIPRI's trade-register shape) and events (dated, with their kind, place,",
      "participants and sources)."
    },
    subcommands = {RegisterCommand.TransfersCommand.class, RegisterCommand.EventsCommand.class})
final class RegisterCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a register is required: transfers or events");
  }

  /** The output format: --json (on the mixin), --csv or --md; a readable listing otherwise. */
  static final class Format {
    @Option(names = "--csv", description = "Print CSV (RFC 4180, a header row).")
    boolean csv;

    @Option(names = "--md", description = "Print a Markdown table with footnotes.")
    boolean md;
  }

  @Command(
      name = "transfers",
      description = {
        "One row per deal the facts describe: supplier, recipient, designation (with the names used",
        "across scripts), description, number ordered, year of order, years of delivery, number",
        "delivered, value, status (planned, ordered, signed, delivered, cancelled), comments.",
        "Every value cites its passages; conflicting values are shown side by side with why;",
        "a value known only from the press or a draft says so."
      })
  static final class TransfersCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @ArgGroup(exclusive = true) Format format = new Format();

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (CaseFolder folder = options.openExisting()) {
        UpToDate.ensure(folder, spec.commandLine().getErr());
        // each row printed as its story is read: the register is never held
        Transfers.Input input = CaseViews.transfers(folder);
        if (options.json) {
          Json.printRows(out, "rows", row -> Transfers.each(input, t -> row.accept(Json.tree(RegisterViews.transfer(t)))));
        } else if (format.csv) {
          List<String> header = new ArrayList<>(List.of("story"));
          for (Column c : Column.values()) {
            header.add(c.key());
          }
          try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            Transfers.each(input, t -> {
              List<String> line = new ArrayList<>(List.of(t.story()));
              for (Column c : Column.values()) {
                line.add(flat(t.cell(c)));
              }
              csv.printRecord(line);
            });
          }
          out.flush();
        } else if (format.md) {
          Notes notes = new Notes();
          out.println("| " + String.join(" | ", titles()) + " |");
          out.println("|" + "---|".repeat(Column.values().length));
          Transfers.each(input, t -> {
            List<String> cells = new ArrayList<>();
            for (Column c : Column.values()) {
              cells.add(notes.cell(t.cell(c)));
            }
            out.println("| " + String.join(" | ", cells) + " |");
          });
          notes.print(out);
        } else {
          int[] i = {0};
          Transfers.each(input, t -> print(out, ++i[0], t));
          if (i[0] == 0) {
            out.println("No deals found in the case's facts.");
          }
        }
      }
      return 0;
    }

    private static void print(PrintWriter out, int i, Transfer t) {
      out.printf(Locale.ROOT, "Deal %d (story %s: %s)%n", i, t.story(), t.title());
      for (Column c : Column.values()) {
        Cell cell = t.cell(c);
        if (cell.isEmpty()) {
          continue;
        }
        String status = cell.status().equals("conflict") || cell.status().equals("divergent") ? "  [" + cell.status() + "]" : "";
        out.printf(Locale.ROOT, "  %-20s %s%s%n", c.title() + ":", String.join("; ",
            cell.values().stream().map(RegisterViews::shown).toList()), status);
        if (!cell.explanation().isEmpty()) {
          out.printf(Locale.ROOT, "  %-20s   %s%n", "", cell.explanation());
        }
        for (Entry e : cell.values()) {
          for (Citation ct : e.citations()) {
            out.printf(Locale.ROOT, "  %-20s     %s @%d-%d: \"%s\"%n", "", ct.document(), ct.start(), ct.end(), oneLine(ct.quote()));
          }
        }
      }
      out.println();
    }

    private static List<String> titles() {
      List<String> out = new ArrayList<>();
      for (Column c : Column.values()) {
        out.add(c.title());
      }
      return out;
    }
  }

  @Command(
      name = "events",
      description = {
        "The dated events of the case (the timeline), each with its kind (deal, delivery, payment,",
        "meeting, publication, leak ...), the places and participants its sentences name, and its",
        "sources; conflicting dates of one event side by side."
      })
  static final class EventsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @ArgGroup(exclusive = true) Format format = new Format();

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (CaseFolder folder = options.openExisting()) {
        UpToDate.ensure(folder, spec.commandLine().getErr());
        // each row printed as it is made: the register is never held
        FindingStreams findings = CaseViews.findings(folder.store().findings());
        if (options.json) {
          Json.printRows(out, "events", row -> Events.each(findings, e -> row.accept(Json.tree(RegisterViews.event(e)))));
        } else if (format.csv) {
          try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
              .setHeader("date", "what", "kinds", "place", "participants", "status", "alongside", "sources").get())) {
            Events.each(findings, e -> csv.printRecord(e.date(), e.what(), String.join(", ", e.kinds()), flat(e.place()),
                flat(e.participants()), e.status(), String.join(", ", e.alongside()), citations(e.citations())));
          }
          out.flush();
        } else if (format.md) {
          Notes notes = new Notes();
          out.println("| Date | Event | Kind | Place | Participants | Sources |");
          out.println("|---|---|---|---|---|---|");
          Events.each(findings, e -> {
            String date = e.date() + (e.alongside().isEmpty() ? "" : " (also " + String.join(", ", e.alongside()) + ")");
            out.println("| " + String.join(" | ", md(date), md(e.what()), md(String.join(", ", e.kinds())),
                notes.cell(e.place()), notes.cell(e.participants()), notes.refs(e.citations())) + " |");
          });
          notes.print(out);
        } else {
          Events.each(findings, e -> print(out, e));
        }
      }
      return 0;
    }

    private static void print(PrintWriter out, EventRow e) {
      String also = e.alongside().isEmpty() ? "" : "  [" + e.status() + ": also " + String.join(", ", e.alongside()) + "]";
      String kinds = e.kinds().isEmpty() ? "" : " <" + String.join(", ", e.kinds()) + ">";
      out.printf(Locale.ROOT, "%-10s  %s%s (%s)%s%n", e.date(), e.what(), kinds, e.story(), also);
      if (!e.place().isEmpty()) {
        out.printf(Locale.ROOT, "              place: %s%n", names(e.place()));
      }
      if (!e.participants().isEmpty()) {
        out.printf(Locale.ROOT, "              participants: %s%n", names(e.participants()));
      }
      for (Citation c : e.citations()) {
        out.printf(Locale.ROOT, "              %s @%d-%d: \"%s\"%n", c.document(), c.start(), c.end(), oneLine(c.quote()));
      }
    }

    private static String names(Cell c) {
      return String.join(", ", c.values().stream().map(Entry::text).toList());
    }
  }

  // ------------------------------------------------------------------ shared rendering

  /** A cell in one CSV field: each value with its status and its passages. */
  static String flat(Cell c) {
    List<String> out = new ArrayList<>();
    for (Entry e : c.values()) {
      out.add(RegisterViews.shown(e) + " {" + e.origin().code() + "} (" + citations(e.citations()) + ")");
    }
    String s = String.join(" | ", out);
    if (c.status().equals("conflict") || c.status().equals("divergent")) {
      s = c.status() + ": " + s + (c.explanation().isEmpty() ? "" : " — " + c.explanation());
    }
    return s;
  }

  static String citations(List<Citation> cs) {
    return String.join("; ", cs.stream().map(c -> c.document() + "@" + c.start() + "-" + c.end() + " \"" + c.quote() + "\"").toList());
  }

  static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  static String md(String s) {
    return oneLine(s).replace("|", "\\|");
  }

  /** Markdown footnotes: each passage numbered once. */
  static final class Notes {
    private final java.util.Map<String, Integer> numbers = new java.util.LinkedHashMap<>();
    private final List<Citation> all = new ArrayList<>();

    String refs(List<Citation> cs) {
      StringBuilder b = new StringBuilder();
      for (Citation c : cs) {
        String key = c.document() + "@" + c.start() + "-" + c.end();
        Integer n = numbers.get(key);
        if (n == null) {
          n = numbers.size() + 1;
          numbers.put(key, n);
          all.add(c);
        }
        b.append("[^").append(n).append(']');
      }
      return b.toString();
    }

    String cell(Cell c) {
      List<String> parts = new ArrayList<>();
      for (Entry e : c.values()) {
        parts.add(md(RegisterViews.shown(e)) + refs(e.citations()));
      }
      String s = String.join("; ", parts);
      if (c.status().equals("conflict") || c.status().equals("divergent")) {
        s = "**" + c.status() + "**: " + s + (c.explanation().isEmpty() ? "" : " (" + md(c.explanation()) + ")");
      }
      return s;
    }

    void print(PrintWriter out) {
      out.println();
      for (int i = 0; i < all.size(); i++) {
        Citation c = all.get(i);
        out.printf(Locale.ROOT, "[^%d]: %s, characters %d\u2013%d: \u201c%s\u201d%n", i + 1, c.document(), c.start(), c.end(),
            oneLine(c.quote()));
      }
    }
  }
}
