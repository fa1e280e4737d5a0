package org.dossier.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dossier.core.Qualifier;
import org.dossier.link.StoredFindings;
import org.dossier.store.EntitySummary;

/**
 * The case as the tables of a spreadsheet, the same for CSV and xlsx: {@code about} (the case and
 * the stage runs its findings come from), {@code documents}, {@code entities}, {@code facts} (one
 * row per claim), {@code grid} (facts × documents: who said what), {@code timeline}, {@code
 * propagation} and {@code signals}. Cells hold the values as stored (half a surrogate pair, which
 * no UTF-8 file can hold, as U+FFFD); a list in a cell is one item a line.
 */
public final class Tables {
  /** Statuses a reader must not miss: the rows are highlighted where the format can. */
  public static final Set<String> DISPUTED = Set.of("conflict", "divergent");

  private Tables() {}

  /** Takes a table's rows one at a time. */
  public interface RowSink {
    /**
     * One row.
     *
     * @param flagged true when its status is disputed
     */
    void row(boolean flagged, List<String> cells) throws IOException;
  }

  /** Hands a table's rows over as they are made from the case. */
  public interface Rows {
    void forEach(RowSink sink) throws IOException;
  }

  /**
   * One table: its rows are made as a writer goes over them ({@link #forEach}), from the case's
   * findings as they stream, so no table is held whole.
   */
  public record Table(String name, List<String> header, Rows rows) {
    public Table {
      Objects.requireNonNull(name, "name");
      header = header.stream().map(Tables::whole).toList();
      Objects.requireNonNull(rows, "rows");
    }

    /**
     * Hands each row to {@code sink}, its cells as a file can hold them ({@link #whole}).
     *
     * @throws IllegalArgumentException when a row has not as many cells as the header
     */
    public void forEach(RowSink sink) throws IOException {
      rows.forEach((flagged, cells) -> {
        if (cells.size() != header.size()) {
          throw new IllegalArgumentException(name + ": a row of " + cells.size() + " cells under " + header.size()
              + " columns");
        }
        sink.row(flagged, cells.stream().map(Tables::whole).toList());
      });
    }
  }

  /** A row's cells as text ({@link #cell}). */
  static List<String> cells(Object... cells) {
    List<String> row = new ArrayList<>(cells.length);
    for (Object c : cells) {
      row.add(cell(c));
    }
    return row;
  }

  static String cell(Object c) {
    if (c == null) {
      return "";
    }
    if (c instanceof Optional<?> o) {
      return o.map(Tables::cell).orElse("");
    }
    if (c instanceof List<?> l) {
      StringBuilder b = new StringBuilder();
      for (Object x : l) {
        b.append(b.length() == 0 ? "" : "\n").append(cell(x));
      }
      return b.toString();
    }
    return c.toString();
  }

  /** {@code s} with each lone surrogate (half a character, which UTF-8 cannot encode) as U+FFFD. */
  static String whole(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean pair = Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      boolean lone = !pair && Character.isSurrogate(ch);
      if (lone && b == null) {
        b = new StringBuilder(s).delete(i, s.length());
      }
      if (b != null) {
        b.append(lone ? '\uFFFD' : ch);
        if (pair) {
          b.append(s.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return b == null ? s : b.toString();
  }

  /** Every table, in the order a reader opens them. */
  public static List<Table> of(CaseExport c) throws IOException {
    return List.of(about(c), documents(c), entities(c), facts(c), grid(c), timeline(c), propagation(c), signals(c));
  }

  static Table about(CaseExport c) {
    return new Table("about", List.of("setting", "value"), sink -> {
      sink.row(false, cells("case", c.name()));
      sink.row(false, cells("findings", "as stored by the stage runs below, with the analyst's judgements in force applied"));
      for (Map.Entry<String, String> e : c.runList()) {
        sink.row(false, cells(e.getKey(), e.getValue()));
      }
      sink.row(false, cells("documents", c.documentCount()));
      sink.row(false, cells("entities", c.entities().size()));
      sink.row(false, cells("facts", c.factCount()));
    });
  }

  static Table documents(CaseExport c) {
    return new Table("documents", List.of("id (SHA-256)", "document", "container", "media type", "language",
        "bytes", "status", "title", "author", "created", "modified", "source kind", "genre", "outlet", "headline",
        "date", "stories"), sink -> {
          Map<String, Set<String>> stories = new HashMap<>();
          c.stories(s -> {
            for (StoredFindings.Member m : s.documents()) {
              stories.computeIfAbsent(m.document(), k -> new LinkedHashSet<>()).add(s.id());
            }
          });
          c.documents(d -> {
            Optional<StoredFindings.Source> s = c.source(d.name());
            sink.row(false, cells(d.document().id().sha256(), d.name(), d.parent(), d.document().mediaType(),
                d.document().language(), d.document().size(), d.document().status().code(), Metadata.title(d),
                Metadata.author(d), Metadata.created(d), Metadata.modified(d), s.map(StoredFindings.Source::kind),
                s.map(StoredFindings.Source::genre), s.flatMap(StoredFindings.Source::outlet),
                s.flatMap(StoredFindings.Source::headline), s.flatMap(StoredFindings.Source::date),
                List.copyOf(stories.getOrDefault(d.name(), Set.of()))));
          });
        });
  }

  static Table entities(CaseExport c) {
    return new Table("entities", List.of("name", "type", "also written", "mentions", "documents", "mentioned in"),
        sink -> {
          for (EntitySummary e : c.entities()) {
            sink.row(false, cells(e.name(), e.type().code(), e.aliases(), e.mentions(), e.documents().size(),
                e.documents()));
          }
        });
  }

  static Table facts(CaseExport c) {
    return new Table("facts", List.of("fact", "story", "subject", "property", "status", "explanation",
        "document", "outlet", "genre", "quote", "start", "end", "value", "normalized", "qualifier", "attributed to"),
        sink -> c.facts(f -> {
          boolean flag = DISPUTED.contains(f.status());
          for (StoredFindings.Claim cl : f.claims()) {
            sink.row(flag, cells(f.id(), f.story(), f.subject(), f.property(), f.status(), f.explanation(),
                cl.document(), outlet(c, cl.document()), cl.genre(), cl.quote(), cl.start(), cl.end(), cl.value().text(),
                cl.value().normalized(), cl.value().qualifier().map(Qualifier::text), cl.attributedTo()));
          }
        }));
  }

  /**
   * Who said what: facts × documents, a block per story (a story's facts are stated by its own
   * documents, so one sheet-wide column per document would be nearly empty). Each block opens
   * with a row that names the story's documents in the columns {@code source 1 ... source N}; each
   * fact's row below gives, in the same columns, what each document says (its value as written, or
   * the quote of a statement), several values one a line. The stories come in the order of their
   * first fact; the header's width needs every story's documents, so the facts are gone over once
   * for them (holding only names) and again a story at a time for the rows.
   */
  static Table grid(CaseExport c) throws IOException {
    Map<String, TreeSet<String>> documents = new LinkedHashMap<>();
    c.facts(f -> {
      TreeSet<String> docs = documents.computeIfAbsent(f.story(), k -> new TreeSet<>());
      f.claims().forEach(cl -> docs.add(cl.document()));
    });
    int width = documents.values().stream().mapToInt(Set::size).max().orElse(0);
    List<String> header = new ArrayList<>(List.of("fact", "story", "subject", "property", "status"));
    for (int i = 1; i <= width; i++) {
      header.add("source " + i);
    }
    return new Table("grid", header, sink -> {
      Map<String, String> titles = new HashMap<>();
      c.stories(st -> titles.put(st.id(), st.title()));
      for (Map.Entry<String, TreeSet<String>> e : documents.entrySet()) {
        List<String> docs = List.copyOf(e.getValue());
        List<String> names = new ArrayList<>(List.of("", e.getKey(), titles.getOrDefault(e.getKey(), ""), "(its documents)", ""));
        for (int i = 0; i < width; i++) {
          String d = i < docs.size() ? docs.get(i) : "";
          names.add(d.isEmpty() ? "" : outlet(c, d).map(o -> o + " (" + d + ")").orElse(d));
        }
        sink.row(false, names);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
          column.put(docs.get(i), i);
        }
        c.facts(e.getKey(), f -> {
          List<List<String>> said = new ArrayList<>();
          for (int i = 0; i < width; i++) {
            said.add(new ArrayList<>(1));
          }
          for (StoredFindings.Claim cl : f.claims()) {
            String v = cl.value().kind().equals("statement") ? cl.quote() : cl.value().text();
            Integer at = column.get(cl.document());
            if (at == null) {
              throw org.dossier.views.CaseViews.formedAgain("export"); // a document the first pass did not see: relinked since
            }
            List<String> in = said.get(at);
            if (!in.contains(v)) {
              in.add(v);
            }
          }
          List<String> row = new ArrayList<>(header.size());
          row.addAll(List.of(f.id(), f.story(), f.subject(), f.property(), f.status()));
          said.forEach(v -> row.add(cell(v)));
          sink.row(DISPUTED.contains(f.status()), row);
        });
      }
    });
  }

  static Table timeline(CaseExport c) {
    return new Table("timeline", List.of("date", "what", "story", "status", "other dates given", "fact",
        "document", "outlet", "quote", "start", "end"), sink -> c.events(e -> {
          boolean flag = DISPUTED.contains(e.status());
          if (e.claims().isEmpty()) {
            sink.row(flag, cells(e.date(), e.what(), e.story(), e.status(), e.alongside(), e.fact(), "", "", "", "", ""));
          }
          for (StoredFindings.Claim cl : e.claims()) {
            sink.row(flag, cells(e.date(), e.what(), e.story(), e.status(), e.alongside(), e.fact(), cl.document(),
                outlet(c, cl.document()), cl.quote(), cl.start(), cl.end()));
          }
        }));
  }

  /** Where each document's content comes from: one row per piece of evidence of each link. */
  static Table propagation(CaseExport c) {
    return new Table("propagation", List.of("document", "source kind", "genre", "outlet", "relation", "to",
        "to is in the case", "evidence document", "start", "end", "quote", "note"), sink -> c.sources(s -> {
          if (s.links().isEmpty() && s.evidence().isEmpty()) {
            sink.row(false, cells(s.document(), s.kind(), s.genre(), s.outlet(), "", "", "", "", "", "", "", ""));
          }
          for (StoredFindings.Evidence e : s.evidence()) {
            sink.row(false, cells(s.document(), s.kind(), s.genre(), s.outlet(), "", "", "", e.document(), e.start(),
                e.end(), e.quote(), e.note()));
          }
          for (StoredFindings.Link l : s.links()) {
            if (l.evidence().isEmpty()) {
              sink.row(false, cells(s.document(), s.kind(), s.genre(), s.outlet(), l.relation(), l.to(), l.inCase(), "",
                  "", "", "", ""));
            }
            for (StoredFindings.Evidence e : l.evidence()) {
              sink.row(false, cells(s.document(), s.kind(), s.genre(), s.outlet(), l.relation(), l.to(), l.inCase(),
                  e.document(), e.start(), e.end(), e.quote(), e.note()));
            }
          }
        }));
  }

  static Table signals(CaseExport c) {
    return new Table("signals", List.of("document", "kind", "severity", "explanation", "evidence (JSON)",
        "innocent explanation"), sink -> c.signals(s -> sink.row(false, cells(s.document(), s.kind(), s.severity(),
            s.explanation(), s.evidence(), s.innocentExplanation()))));
  }

  private static Optional<String> outlet(CaseExport c, String document) {
    return c.source(document).flatMap(StoredFindings.Source::outlet);
  }
}
