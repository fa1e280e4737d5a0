package org.dossier.export;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

  /**
   * One table.
   *
   * @param flagged the rows (0-based, after the header) whose status is disputed
   */
  public record Table(String name, List<String> header, List<List<String>> rows, BitSet flagged) {
    public Table {
      Objects.requireNonNull(name, "name");
      header = header.stream().map(Tables::whole).toList();
      rows = rows.stream().map(r -> r.stream().map(Tables::whole).toList()).toList();
      flagged = (BitSet) flagged.clone();
      for (List<String> r : rows) {
        if (r.size() != header.size()) {
          throw new IllegalArgumentException(name + ": a row of " + r.size() + " cells under " + header.size() + " columns");
        }
      }
    }

    @Override
    public BitSet flagged() {
      return (BitSet) flagged.clone();
    }

    public boolean isFlagged(int row) {
      return flagged.get(row);
    }
  }

  /** Builds a table row by row. */
  static final class Builder {
    private final String name;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final BitSet flagged = new BitSet();

    Builder(String name, List<String> header) {
      this.name = name;
      this.header = header;
    }

    void add(boolean flag, Object... cells) {
      List<String> row = new ArrayList<>(cells.length);
      for (Object c : cells) {
        row.add(cell(c));
      }
      add(flag, row);
    }

    void add(boolean flag, List<String> row) {
      if (flag) {
        flagged.set(rows.size());
      }
      rows.add(row);
    }

    Table build() {
      return new Table(name, header, rows, flagged);
    }
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
  public static List<Table> of(CaseExport c) {
    Map<String, StoredFindings.Source> sources = c.sourcesByDocument();
    return List.of(about(c), documents(c, sources), entities(c), facts(c, sources), grid(c, sources), timeline(c, sources),
        propagation(c), signals(c));
  }

  static Table about(CaseExport c) {
    Builder t = new Builder("about", List.of("setting", "value"));
    t.add(false, "case", c.name());
    t.add(false, "findings", "as stored by the stage runs below, with the analyst's judgements in force applied");
    for (Map.Entry<String, String> e : c.runList()) {
      t.add(false, e.getKey(), e.getValue());
    }
    t.add(false, "documents", c.documents().size());
    t.add(false, "entities", c.entities().size());
    t.add(false, "facts", c.facts().size());
    return t.build();
  }

  static Table documents(CaseExport c, Map<String, StoredFindings.Source> sources) {
    Map<String, Set<String>> stories = new LinkedHashMap<>();
    for (StoredFindings.Story s : c.stories()) {
      for (StoredFindings.Member m : s.documents()) {
        stories.computeIfAbsent(m.document(), k -> new LinkedHashSet<>()).add(s.id());
      }
    }
    Builder t = new Builder("documents", List.of("id (SHA-256)", "document", "container", "media type", "language",
        "bytes", "status", "title", "author", "created", "modified", "source kind", "genre", "outlet", "headline",
        "date", "stories"));
    for (CaseExport.Doc d : c.documents()) {
      Optional<StoredFindings.Source> s = Optional.ofNullable(sources.get(d.name()));
      t.add(false, d.document().id().sha256(), d.name(), d.parent(), d.document().mediaType(), d.document().language(),
          d.document().size(), d.document().status().code(), Metadata.title(d), Metadata.author(d),
          Metadata.created(d), Metadata.modified(d), s.map(StoredFindings.Source::kind),
          s.map(StoredFindings.Source::genre), s.flatMap(StoredFindings.Source::outlet),
          s.flatMap(StoredFindings.Source::headline), s.flatMap(StoredFindings.Source::date),
          List.copyOf(stories.getOrDefault(d.name(), Set.of())));
    }
    return t.build();
  }

  static Table entities(CaseExport c) {
    Builder t = new Builder("entities", List.of("name", "type", "also written", "mentions", "documents", "mentioned in"));
    for (EntitySummary e : c.entities()) {
      t.add(false, e.name(), e.type().code(), e.aliases(), e.mentions(), e.documents().size(), e.documents());
    }
    return t.build();
  }

  static Table facts(CaseExport c, Map<String, StoredFindings.Source> sources) {
    Builder t = new Builder("facts", List.of("fact", "story", "subject", "property", "status", "explanation",
        "document", "outlet", "genre", "quote", "start", "end", "value", "normalized", "qualifier", "attributed to"));
    for (StoredFindings.Fact f : c.facts()) {
      boolean flag = DISPUTED.contains(f.status());
      for (StoredFindings.Claim cl : f.claims()) {
        t.add(flag, f.id(), f.story(), f.subject(), f.property(), f.status(), f.explanation(), cl.document(),
            outlet(sources, cl.document()), cl.genre(), cl.quote(), cl.start(), cl.end(), cl.value().text(),
            cl.value().normalized(), cl.value().qualifier().map(Qualifier::text), cl.attributedTo());
      }
    }
    return t.build();
  }

  /**
   * Who said what: facts × documents, a block per story (a story's facts are stated by its own
   * documents, so one sheet-wide column per document would be nearly empty). Each block opens
   * with a row that names the story's documents in the columns {@code source 1 ... source N}; each
   * fact's row below gives, in the same columns, what each document says (its value as written, or
   * the quote of a statement), several values one a line.
   */
  static Table grid(CaseExport c, Map<String, StoredFindings.Source> sources) {
    Map<String, List<StoredFindings.Fact>> byStory = new LinkedHashMap<>();
    for (StoredFindings.Fact f : c.facts()) {
      byStory.computeIfAbsent(f.story(), k -> new ArrayList<>()).add(f);
    }
    Map<String, List<String>> docsOf = new LinkedHashMap<>();
    int width = 0;
    for (Map.Entry<String, List<StoredFindings.Fact>> e : byStory.entrySet()) {
      TreeMap<String, Boolean> docs = new TreeMap<>();
      e.getValue().forEach(f -> f.claims().forEach(cl -> docs.put(cl.document(), true)));
      docsOf.put(e.getKey(), List.copyOf(docs.keySet()));
      width = Math.max(width, docs.size());
    }
    Map<String, String> titles = new LinkedHashMap<>();
    c.stories().forEach(st -> titles.put(st.id(), st.title()));
    List<String> header = new ArrayList<>(List.of("fact", "story", "subject", "property", "status"));
    for (int i = 1; i <= width; i++) {
      header.add("source " + i);
    }
    Builder t = new Builder("grid", header);
    for (Map.Entry<String, List<StoredFindings.Fact>> e : byStory.entrySet()) {
      List<String> docs = docsOf.get(e.getKey());
      List<String> names = new ArrayList<>(List.of("", e.getKey(), titles.getOrDefault(e.getKey(), ""), "(its documents)", ""));
      for (int i = 0; i < width; i++) {
        String d = i < docs.size() ? docs.get(i) : "";
        names.add(d.isEmpty() ? "" : outlet(sources, d).map(o -> o + " (" + d + ")").orElse(d));
      }
      t.add(false, names);
      Map<String, Integer> column = new HashMap<>();
      for (int i = 0; i < docs.size(); i++) {
        column.put(docs.get(i), i);
      }
      for (StoredFindings.Fact f : e.getValue()) {
        List<List<String>> said = new ArrayList<>();
        for (int i = 0; i < width; i++) {
          said.add(new ArrayList<>(1));
        }
        for (StoredFindings.Claim cl : f.claims()) {
          String v = cl.value().kind().equals("statement") ? cl.quote() : cl.value().text();
          List<String> in = said.get(column.get(cl.document()));
          if (!in.contains(v)) {
            in.add(v);
          }
        }
        List<String> row = new ArrayList<>(header.size());
        row.addAll(List.of(f.id(), f.story(), f.subject(), f.property(), f.status()));
        said.forEach(v -> row.add(cell(v)));
        t.add(DISPUTED.contains(f.status()), row);
      }
    }
    return t.build();
  }

  static Table timeline(CaseExport c, Map<String, StoredFindings.Source> sources) {
    Builder t = new Builder("timeline", List.of("date", "what", "story", "status", "other dates given", "fact",
        "document", "outlet", "quote", "start", "end"));
    for (StoredFindings.Event e : c.events()) {
      boolean flag = DISPUTED.contains(e.status());
      if (e.claims().isEmpty()) {
        t.add(flag, e.date(), e.what(), e.story(), e.status(), e.alongside(), e.fact(), "", "", "", "", "");
      }
      for (StoredFindings.Claim cl : e.claims()) {
        t.add(flag, e.date(), e.what(), e.story(), e.status(), e.alongside(), e.fact(), cl.document(),
            outlet(sources, cl.document()), cl.quote(), cl.start(), cl.end());
      }
    }
    return t.build();
  }

  /** Where each document's content comes from: one row per piece of evidence of each link. */
  static Table propagation(CaseExport c) {
    Builder t = new Builder("propagation", List.of("document", "source kind", "genre", "outlet", "relation", "to",
        "to is in the case", "evidence document", "start", "end", "quote", "note"));
    for (StoredFindings.Source s : c.sources()) {
      if (s.links().isEmpty() && s.evidence().isEmpty()) {
        t.add(false, s.document(), s.kind(), s.genre(), s.outlet(), "", "", "", "", "", "", "", "");
      }
      for (StoredFindings.Evidence e : s.evidence()) {
        t.add(false, s.document(), s.kind(), s.genre(), s.outlet(), "", "", "", e.document(), e.start(), e.end(),
            e.quote(), e.note());
      }
      for (StoredFindings.Link l : s.links()) {
        if (l.evidence().isEmpty()) {
          t.add(false, s.document(), s.kind(), s.genre(), s.outlet(), l.relation(), l.to(), l.inCase(), "", "", "", "", "");
        }
        for (StoredFindings.Evidence e : l.evidence()) {
          t.add(false, s.document(), s.kind(), s.genre(), s.outlet(), l.relation(), l.to(), l.inCase(), e.document(),
              e.start(), e.end(), e.quote(), e.note());
        }
      }
    }
    return t.build();
  }

  static Table signals(CaseExport c) {
    Builder t = new Builder("signals", List.of("document", "kind", "severity", "explanation", "evidence (JSON)",
        "innocent explanation"));
    for (CaseExport.Signal s : c.signals()) {
      t.add(false, s.document(), s.kind(), s.severity(), s.explanation(), s.evidence(), s.innocentExplanation());
    }
    return t.build();
  }

  private static Optional<String> outlet(Map<String, StoredFindings.Source> sources, String document) {
    return Optional.ofNullable(sources.get(document)).flatMap(StoredFindings.Source::outlet);
  }
}
