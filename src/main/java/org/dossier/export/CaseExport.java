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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;
import org.dossier.core.Stage;
import org.dossier.link.FindingStreams;
import org.dossier.link.StoredFindings;
import org.dossier.pipeline.CaseFolder;
import org.dossier.views.CaseViews;
import org.dossier.store.EntitySummary;

/**
 * What an export holds: the case's documents with their metadata, its entities, each document's
 * source as the link stage read it (its kind, genre, outlet, headline and date, not its links),
 * and the stored findings as the link and verify stages left them (the analyst's judgements are
 * already applied there), with the settings that say which stage runs produced them. Every format
 * words the same findings; its {@link #runs} against the case's ({@link CaseViews#sameRuns}) tell
 * whether they were formed again while it wrote: they are read kind by kind as the formats go over
 * them.
 *
 * <p>The findings are not held: each format goes over them as the store streams them ({@link
 * #stories}, {@link #facts}, {@link #sources}, {@link #events}, {@link #signals}), so a case whose
 * findings outweigh the heap exports in the memory of its documents and entities. A case read
 * from its folder ({@link #read}) streams from that folder's store, which must stay open while
 * the export is written; one made in code ({@link #of}) from its lists.
 */
public final class CaseExport {
  /** Run by a writer once its output is written, before it replaces what the target held. */
  public interface Check {
    void check() throws IOException;
  }

  /**
   * The case's documents as an export goes over them, ordered by name: from the store, a document
   * read whole as it is handed over (only each one's name and id held), or from a list.
   */
  private interface Docs {
    void forEach(FindingStreams.Each<Doc> each) throws IOException;

    /** Each document's name, id and media type, in the same order, read from nothing. */
    void names(java.util.function.Consumer<Name> each);

    long count();

    /** The names of the documents other documents were found in. */
    java.util.Set<String> containers();
  }

  private final String name;
  private final Map<String, String> runs;
  private final Docs documents;
  private final List<EntitySummary> entities;
  private final FindingStreams findings;
  /** Each document's source without its links and evidence, by document name. */
  private final Map<String, StoredFindings.Source> labels = new HashMap<>();

  private CaseExport(String name, Map<String, String> runs, Docs documents, List<EntitySummary> entities,
      FindingStreams findings) throws IOException {
    this.name = Objects.requireNonNull(name, "name");
    this.runs = Map.copyOf(runs);
    this.documents = Objects.requireNonNull(documents, "documents");
    this.entities = List.copyOf(entities);
    this.findings = findings;
    findings.sources(s -> labels.put(s.document(), new StoredFindings.Source(s.document(), s.kind(), s.genre(),
        s.outlet(), s.headline(), s.date(), List.of(), List.of())));
  }

  /** A case made in code, its findings from lists. */
  public static CaseExport of(String name, Map<String, String> runs, List<Doc> documents, List<EntitySummary> entities,
      List<StoredFindings.Story> stories, List<StoredFindings.Fact> facts, List<StoredFindings.Source> sources,
      List<StoredFindings.Event> events, List<Signal> signals) {
    List<Doc> docs = List.copyOf(documents);
    java.util.Set<String> containers = new java.util.HashSet<>();
    docs.forEach(d -> d.parent().ifPresent(containers::add));
    Docs listed = new Docs() {
      @Override
      public void forEach(FindingStreams.Each<Doc> each) throws IOException {
        for (Doc d : docs) {
          each.accept(d);
        }
      }

      @Override
      public void names(java.util.function.Consumer<Name> each) {
        docs.forEach(d -> each.accept(new Name(d.name(), d.document().id(), d.document().mediaType())));
      }

      @Override
      public long count() {
        return docs.size();
      }

      @Override
      public java.util.Set<String> containers() {
        return containers;
      }
    };
    try {
      return new CaseExport(name, runs, listed, entities,
          FindingStreams.of(stories, facts, sources, events, List.of(), signals.stream().map(Signal::tree).toList()));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // lists do not fail
    }
  }

  public String name() {
    return name;
  }

  /** The stage runs the export read, by setting ({@code links.resolved}, {@code verify.done} ...). */
  public Map<String, String> runs() {
    return runs;
  }

  /**
   * The documents ordered by name, each read whole as it is handed over (from a case's store: its
   * row, its parent's name, the metadata an export reads). Not inside a stream of the findings.
   */
  public void documents(FindingStreams.Each<Doc> each) throws IOException {
    documents.forEach(each);
  }

  /** Each document's name, id and media type, ordered by name, without reading the documents. */
  public void documentNames(java.util.function.Consumer<Name> each) {
    documents.names(each);
  }

  /** What an export holds of a document: its name, id and media type. */
  public record Name(String name, DocumentId id, String mediaType) {
    public Name {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(mediaType, "mediaType");
    }
  }

  public long documentCount() {
    return documents.count();
  }

  /** Whether other documents were found in the document of this name (an archive, a mail, a folder). */
  public boolean container(String document) {
    return documents.containers().contains(document);
  }

  /** The entities, most mentioned first. */
  public List<EntitySummary> entities() {
    return entities;
  }

  public void stories(FindingStreams.Each<StoredFindings.Story> each) throws IOException {
    findings.stories(each);
  }

  public void facts(FindingStreams.Each<StoredFindings.Fact> each) throws IOException {
    findings.facts(Optional.empty(), List.of(), each);
  }

  /** The facts of one story, in their stored order. */
  public void facts(String story, FindingStreams.Each<StoredFindings.Fact> each) throws IOException {
    findings.facts(Optional.of(story), List.of(), each);
  }

  /** The sources whole, with their links and evidence. */
  public void sources(FindingStreams.Each<StoredFindings.Source> each) throws IOException {
    findings.sources(each);
  }

  public void events(FindingStreams.Each<StoredFindings.Event> each) throws IOException {
    findings.events(each);
  }

  public void signals(FindingStreams.Each<Signal> each) throws IOException {
    findings.signals(n -> each.accept(Signal.of(n)));
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

    /** A signal's row as the verify stage stores it. */
    static Signal of(JsonNode n) {
      return new Signal(text(n, "document"), text(n, "kind"), text(n, "severity"), text(n, "explanation"),
          n.has("evidence") ? n.get("evidence").toString() : "", text(n, "innocentExplanation"));
    }

    /** The row {@link #of} reads this from. */
    JsonNode tree() {
      com.fasterxml.jackson.databind.node.ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      n.put("document", document).put("kind", kind).put("severity", severity).put("explanation", explanation);
      if (!evidence.isEmpty()) {
        n.set("evidence", StoredFindings.tree(evidence));
      }
      n.put("innocentExplanation", innocentExplanation);
      return n;
    }
  }

  /** The stage runs in {@link #CaseViews.RUN_SETTINGS} order, then any other, as "setting: value" pairs. */
  public List<Map.Entry<String, String>> runList() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (String k : CaseViews.RUN_SETTINGS) {
      if (runs.containsKey(k)) {
        out.add(Map.entry(k, runs.get(k)));
      }
    }
    runs.keySet().stream().filter(k -> !CaseViews.RUN_SETTINGS.contains(k)).sorted()
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
      Map<String, String> runs = CaseViews.runs(folder);
      // of each document only its name and id (and which documents hold others): each is read
      // whole again as a format goes over them, so a case of millions of files is held in names
      List<Name> all = new ArrayList<>();
      java.util.Set<DocumentId> parents = new java.util.HashSet<>();
      Map<String, String> types = new HashMap<>(); // a media type held once however many documents have it
      for (Stage s : Stage.values()) {
        store.documents().forEachInStage(s, d -> {
          all.add(new Name(d.name(), d.id(), types.computeIfAbsent(d.mediaType(), t -> t)));
          d.parent().ifPresent(parents::add);
        });
      }
      all.sort(Comparator.comparing(Name::name).thenComparing(Name::id));
      // the documents that hold others, by id: their names, for their contents to name them
      Map<DocumentId, String> containers = new HashMap<>();
      all.stream().filter(n -> parents.contains(n.id())).forEach(n -> containers.put(n.id(), n.name()));
      // every entity lists the documents that mention it: as the documents' own names, not a copy
      // of each name per entity (on a large case the pairs outnumber the documents by far)
      List<EntitySummary> entities = new ArrayList<>();
      Map<String, String> shared = new HashMap<>();
      all.forEach(d -> shared.put(d.name(), d.name()));
      for (EntitySummary e : store.entities().entities(Optional.empty(), Integer.MAX_VALUE)) {
        entities.add(new EntitySummary(e.id(), e.name(), e.type(), e.aliases(),
            e.documents().stream().map(n -> shared.getOrDefault(n, n)).toList(), e.mentions()));
      }
      String name = Optional.ofNullable(folder.layout().root().getFileName()).map(Path::toString).orElse("case");
      return new CaseExport(name, runs, new StoredDocs(folder, List.copyOf(all), containers, java.util.Set.copyOf(containers.values())), entities,
          CaseViews.findings(store.findings()));
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /** The documents read from the case's store one at a time, in the order of their names. */
  private record StoredDocs(CaseFolder folder, List<Name> names, Map<DocumentId, String> parents,
      java.util.Set<String> containers) implements Docs {
    @Override
    public void forEach(FindingStreams.Each<Doc> each) throws IOException {
      var store = folder.store().documents();
      for (Name n : names) {
        Doc doc;
        try {
          Optional<Document> found = store.document(n.id());
          if (found.isEmpty()) {
            continue; // no longer in the case
          }
          Document d = found.get();
          Optional<String> parent = d.parent().map(parents::get);
          Path original = folder.layout().original(d.id());
          // only what an export reads of it (most of a parser's metadata is of no export)
          Map<String, List<String>> metadata = new HashMap<>(store.metadata(d.id()));
          metadata.keySet().retainAll(Metadata.KEYS);
          doc = new Doc(d, parent, metadata,
              d.stored() && Files.isRegularFile(original) ? Optional.of(original) : Optional.empty());
        } catch (SQLException e) {
          throw org.dossier.store.CaseStore.failed(e);
        }
        each.accept(doc);
      }
    }

    @Override
    public void names(java.util.function.Consumer<Name> each) {
      names.forEach(each);
    }

    @Override
    public long count() {
      return names.size();
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
