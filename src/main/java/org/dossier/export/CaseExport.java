package org.dossier.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;
import org.dossier.core.Stage;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Ingest;
import org.dossier.pipeline.Linking;
import org.dossier.pipeline.Verifying;
import org.dossier.store.EntitySummary;
import org.dossier.store.FindingStore;

/**
 * What an export holds: the case's documents with their metadata, its entities, each document's
 * source as the link stage read it (its kind, genre, outlet, headline and date, not its links),
 * and the stored findings as the link and verify stages left them (the analyst's judgements are
 * already applied there), with the settings that say which stage runs produced them. Every format
 * words the same findings; {@link #current} tells whether they were formed again while it wrote.
 *
 * <p>The findings are not held: each format goes over them as the store streams them ({@link
 * #stories}, {@link #facts}, {@link #sources}, {@link #events}, {@link #signals}), so a case whose
 * findings outweigh the heap exports in the memory of its documents and entities. A case read
 * from its folder ({@link #read}) streams from that folder's store, which must stay open while
 * the export is written; one made in code ({@link #of}) from its lists.
 */
public final class CaseExport {
  /** The settings that name a stage run, in the order a reader wants them. */
  public static final List<String> RUN_SETTINGS =
      List.of(Linking.SETTING, Verifying.SETTING, Ingest.ENTITIES_SETTING, "analysis.fingerprint");

  /**
   * Takes the findings one at a time; a writer's failure goes through. A format goes over one kind
   * at a time: it never opens one of these streams inside another (on one connection, the inner
   * read's end would end the outer's).
   */
  public interface Each<T> {
    void accept(T item) throws IOException;
  }

  /** Run by a writer once its output is written, before it replaces what the target held. */
  public interface Check {
    void check() throws IOException;
  }

  /** The failure of an export whose findings were formed again while it was written. */
  public static IOException formedAgain() {
    return new IOException("the case's findings were formed again while the export was written, so it may mix"
        + " two runs of the link or verify stage: run the export again");
  }

  /** Where the findings come from, each kind in its stored order. */
  private interface Streams {
    void stories(Each<StoredFindings.Story> each) throws IOException;

    /** The facts of {@code story} when given, else all. */
    void facts(Optional<String> story, Each<StoredFindings.Fact> each) throws IOException;

    void sources(Each<StoredFindings.Source> each) throws IOException;

    void events(Each<StoredFindings.Event> each) throws IOException;

    void signals(Each<Signal> each) throws IOException;

    long factCount() throws IOException;
  }

  private final String name;
  private final Map<String, String> runs;
  private final List<Doc> documents;
  private final List<EntitySummary> entities;
  private final Streams findings;
  /** Each document's source without its links and evidence, by document name. */
  private final Map<String, StoredFindings.Source> labels = new HashMap<>();

  private CaseExport(String name, Map<String, String> runs, List<Doc> documents, List<EntitySummary> entities,
      Streams findings) throws IOException {
    this.name = Objects.requireNonNull(name, "name");
    this.runs = Map.copyOf(runs);
    this.documents = List.copyOf(documents);
    this.entities = List.copyOf(entities);
    this.findings = findings;
    findings.sources(s -> labels.put(s.document(), new StoredFindings.Source(s.document(), s.kind(), s.genre(),
        s.outlet(), s.headline(), s.date(), List.of(), List.of())));
  }

  /** A case made in code, its findings from lists. */
  public static CaseExport of(String name, Map<String, String> runs, List<Doc> documents, List<EntitySummary> entities,
      List<StoredFindings.Story> stories, List<StoredFindings.Fact> facts, List<StoredFindings.Source> sources,
      List<StoredFindings.Event> events, List<Signal> signals) {
    List<StoredFindings.Story> st = List.copyOf(stories);
    List<StoredFindings.Fact> fa = List.copyOf(facts);
    List<StoredFindings.Source> so = List.copyOf(sources);
    List<StoredFindings.Event> ev = List.copyOf(events);
    List<Signal> si = List.copyOf(signals);
    try {
      return new CaseExport(name, runs, documents, entities, new Streams() {
        @Override
        public void stories(Each<StoredFindings.Story> each) throws IOException {
          each(st, each);
        }

        @Override
        public void facts(Optional<String> story, Each<StoredFindings.Fact> each) throws IOException {
          for (StoredFindings.Fact f : fa) {
            if (story.isEmpty() || story.get().equals(f.story())) {
              each.accept(f);
            }
          }
        }

        @Override
        public void sources(Each<StoredFindings.Source> each) throws IOException {
          each(so, each);
        }

        @Override
        public void events(Each<StoredFindings.Event> each) throws IOException {
          each(ev, each);
        }

        @Override
        public void signals(Each<Signal> each) throws IOException {
          each(si, each);
        }

        @Override
        public long factCount() {
          return fa.size();
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e); // lists do not fail
    }
  }

  private static <T> void each(List<T> items, Each<T> each) throws IOException {
    for (T t : items) {
      each.accept(t);
    }
  }

  public String name() {
    return name;
  }

  /** The stage runs, by setting ({@code links.resolved}, {@code verify.done} ...). */
  public Map<String, String> runs() {
    return runs;
  }

  /** The documents, ordered by name. */
  public List<Doc> documents() {
    return documents;
  }

  /** The entities, most mentioned first. */
  public List<EntitySummary> entities() {
    return entities;
  }

  public void stories(Each<StoredFindings.Story> each) throws IOException {
    findings.stories(each);
  }

  public void facts(Each<StoredFindings.Fact> each) throws IOException {
    findings.facts(Optional.empty(), each);
  }

  /** The facts of one story, in their stored order. */
  public void facts(String story, Each<StoredFindings.Fact> each) throws IOException {
    findings.facts(Optional.of(story), each);
  }

  /** The sources whole, with their links and evidence. */
  public void sources(Each<StoredFindings.Source> each) throws IOException {
    findings.sources(each);
  }

  public void events(Each<StoredFindings.Event> each) throws IOException {
    findings.events(each);
  }

  public void signals(Each<Signal> each) throws IOException {
    findings.signals(each);
  }

  public long factCount() throws IOException {
    return findings.factCount();
  }

  /** A document's source as the link stage read it, without its links and evidence. */
  public Optional<StoredFindings.Source> source(String document) {
    return Optional.ofNullable(labels.get(document));
  }

  /**
   * A document of the case.
   *
   * @param parent the name of the container it was found in
   * @param original its original in the evidence store, when stored there
   */
  public record Doc(Document document, Optional<String> parent, Map<String, List<String>> metadata,
      Optional<Path> original) {
    public Doc {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(parent, "parent");
      metadata = Map.copyOf(metadata);
      Objects.requireNonNull(original, "original");
    }

    public String name() {
      return document.name();
    }

    /** The first value of the first of {@code keys} that the document's metadata has. */
    public Optional<String> meta(List<String> keys) {
      for (String k : keys) {
        List<String> v = metadata.get(k);
        if (v != null) {
          for (String s : v) {
            if (!s.isBlank()) {
              return Optional.of(s.strip());
            }
          }
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A verify-stage signal, as {@code verify --json} prints it.
   *
   * @param evidence its evidence as JSON text
   */
  public record Signal(String document, String kind, String severity, String explanation, String evidence,
      String innocentExplanation) {
    public Signal {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(evidence, "evidence");
      Objects.requireNonNull(innocentExplanation, "innocentExplanation");
    }
  }

  /** The stage runs in {@link #RUN_SETTINGS} order, then any other, as "setting: value" pairs. */
  public List<Map.Entry<String, String>> runList() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (String k : RUN_SETTINGS) {
      if (runs.containsKey(k)) {
        out.add(Map.entry(k, runs.get(k)));
      }
    }
    runs.keySet().stream().filter(k -> !RUN_SETTINGS.contains(k)).sorted()
        .forEach(k -> out.add(Map.entry(k, runs.get(k))));
    return out;
  }

  /** The runs in one line: {@code links.resolved=2 2026-..., verify.done=...}. */
  public String runLine() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : runList()) {
      b.append(b.length() == 0 ? "" : "; ").append(e.getKey()).append('=').append(e.getValue());
    }
    return b.length() == 0 ? "no stage run recorded" : b.toString();
  }

  /**
   * Reads a case as it stands (bring it up to date first): its documents ordered by name, its
   * entities most mentioned first, its sources' labels; the findings are read as a format goes
   * over them, in their stored order, so {@code folder} must stay open until the export is written.
   */
  public static CaseExport read(CaseFolder folder) throws IOException {
    try {
      var store = folder.store();
      Map<String, String> runs = runs(folder);
      List<Document> all = new ArrayList<>();
      for (Stage s : Stage.values()) {
        store.documents().forEachInStage(s, all::add);
      }
      all.sort(Comparator.comparing(Document::name).thenComparing(Document::id));
      Map<DocumentId, String> names = new HashMap<>();
      all.forEach(d -> names.put(d.id(), d.name()));
      List<Doc> docs = new ArrayList<>(all.size());
      for (Document d : all) {
        Path original = folder.layout().original(d.id());
        // only what an export reads of it (most of a parser's metadata is of no export)
        Map<String, List<String>> metadata = new HashMap<>(store.documents().metadata(d.id()));
        metadata.keySet().retainAll(Metadata.KEYS);
        docs.add(new Doc(d, d.parent().map(names::get), metadata,
            d.stored() && Files.isRegularFile(original) ? Optional.of(original) : Optional.empty()));
      }
      // every entity lists the documents that mention it: as the documents' own names, not a copy
      // of each name per entity (on a large case the pairs outnumber the documents by far)
      List<EntitySummary> entities = new ArrayList<>();
      Map<String, String> shared = new HashMap<>();
      docs.forEach(d -> shared.put(d.name(), d.name()));
      for (EntitySummary e : store.entities().entities(Optional.empty(), Integer.MAX_VALUE)) {
        entities.add(new EntitySummary(e.id(), e.name(), e.type(), e.aliases(),
            e.documents().stream().map(n -> shared.getOrDefault(n, n)).toList(), e.mentions()));
      }
      String name = Optional.ofNullable(folder.layout().root().getFileName()).map(Path::toString).orElse("case");
      return new CaseExport(name, runs, docs, entities, new Stored(store.findings()));
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** The case's stage runs as they stand. */
  private static Map<String, String> runs(CaseFolder folder) throws SQLException {
    Map<String, String> runs = new LinkedHashMap<>();
    for (String k : RUN_SETTINGS) {
      folder.store().setting(k).ifPresent(v -> runs.put(k, v));
    }
    return runs;
  }

  /**
   * True when the case's stage runs are still those this export read: its findings were not formed
   * again while it was written. The findings are read kind by kind as the formats go over them, so
   * an export written while a worker or another command linked or verified the case again may mix
   * two runs' findings.
   */
  public boolean current(CaseFolder folder) throws IOException {
    try {
      return runs.equals(runs(folder));
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** The findings as the case's store streams them, each row decoded as it comes. */
  private record Stored(FindingStore store) implements Streams {
    @Override
    public void stories(Each<StoredFindings.Story> each) throws IOException {
      rows(Findings.STORY, Optional.empty(), StoredFindings::story, each);
    }

    @Override
    public void facts(Optional<String> story, Each<StoredFindings.Fact> each) throws IOException {
      rows(Findings.FACT, story, StoredFindings::fact, each);
    }

    @Override
    public void sources(Each<StoredFindings.Source> each) throws IOException {
      rows(Findings.SOURCE, Optional.empty(), StoredFindings::source, each);
    }

    @Override
    public void events(Each<StoredFindings.Event> each) throws IOException {
      rows(Findings.EVENT, Optional.empty(), StoredFindings::event, each);
    }

    @Override
    public void signals(Each<Signal> each) throws IOException {
      rows(Verifying.SIGNAL, Optional.empty(), n -> new Signal(text(n, "document"), text(n, "kind"), text(n, "severity"),
          text(n, "explanation"), n.has("evidence") ? n.get("evidence").toString() : "", text(n, "innocentExplanation")),
          each);
    }

    @Override
    public long factCount() throws IOException {
      try {
        return store.count(Findings.FACT, Optional.empty(), List.of());
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    private <T> void rows(String kind, Optional<String> story, Function<JsonNode, T> decode, Each<T> each)
        throws IOException {
      try {
        store.forEach(kind, story, List.of(), row -> {
          T item;
          try {
            item = decode.apply(StoredFindings.tree(row));
          } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(StoredFindings.unreadable(e));
          }
          try {
            each.accept(item);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } catch (SQLException e) {
        throw failed(e);
      }
    }
  }

  private static IOException failed(SQLException e) {
    return new IOException("the case database failed: " + e.getMessage(), e);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
