package org.dossier.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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

/**
 * What an export holds: the case's documents with their metadata, its entities, and the stored
 * findings as the link and verify stages left them (the analyst's judgements are already applied
 * there), with the settings that say which stage runs produced them. Read once; every format
 * words the same snapshot.
 *
 * @param name the case's name (its folder's name): the namespace of the stable ids
 * @param runs the stage runs, by setting ({@code links.resolved}, {@code verify.done} ...)
 */
public record CaseExport(String name, Map<String, String> runs, List<Doc> documents,
    List<EntitySummary> entities, List<StoredFindings.Story> stories, List<StoredFindings.Fact> facts,
    List<StoredFindings.Source> sources, List<StoredFindings.Event> events, List<Signal> signals) {

  /** The settings that name a stage run, in the order a reader wants them. */
  public static final List<String> RUN_SETTINGS =
      List.of(Linking.SETTING, Verifying.SETTING, Ingest.ENTITIES_SETTING, "analysis.fingerprint");

  public CaseExport {
    Objects.requireNonNull(name, "name");
    runs = Map.copyOf(runs);
    documents = List.copyOf(documents);
    entities = List.copyOf(entities);
    stories = List.copyOf(stories);
    facts = List.copyOf(facts);
    sources = List.copyOf(sources);
    events = List.copyOf(events);
    signals = List.copyOf(signals);
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
    public Optional<String> meta(String... keys) {
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

  /** The stored sources by document name. */
  public Map<String, StoredFindings.Source> sourcesByDocument() {
    Map<String, StoredFindings.Source> out = new HashMap<>();
    sources.forEach(s -> out.put(s.document(), s));
    return out;
  }

  /**
   * Reads a case as it stands; bring it up to date first. Documents come ordered by name,
   * entities most mentioned first, findings in their stored order.
   */
  public static CaseExport read(CaseFolder folder) throws IOException {
    try {
      var store = folder.store();
      Map<String, String> runs = new LinkedHashMap<>();
      for (String k : RUN_SETTINGS) {
        store.setting(k).ifPresent(v -> runs.put(k, v));
      }
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
        docs.add(new Doc(d, d.parent().map(names::get), store.documents().metadata(d.id()),
            d.stored() && Files.isRegularFile(original) ? Optional.of(original) : Optional.empty()));
      }
      List<EntitySummary> entities = store.entities().entities(Optional.empty(), Integer.MAX_VALUE);
      var f = store.findings();
      List<Signal> signals = new ArrayList<>();
      for (JsonNode n : rows(f, Verifying.SIGNAL, r -> r)) {
        signals.add(new Signal(text(n, "document"), text(n, "kind"), text(n, "severity"), text(n, "explanation"),
            n.has("evidence") ? n.get("evidence").toString() : "", text(n, "innocentExplanation")));
      }
      String name = Optional.ofNullable(folder.layout().root().getFileName()).map(Path::toString).orElse("case");
      return new CaseExport(name, runs, docs, entities, rows(f, Findings.STORY, StoredFindings::story),
          rows(f, Findings.FACT, StoredFindings::fact), rows(f, Findings.SOURCE, StoredFindings::source),
          rows(f, Findings.EVENT, StoredFindings::event), signals);
    } catch (SQLException e) {
      throw new IOException("the case database failed: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static <T> List<T> rows(org.dossier.store.FindingStore store, String kind, Function<JsonNode, T> decode)
      throws SQLException, IOException {
    List<T> out = new ArrayList<>();
    for (String row : store.findings(kind, Optional.empty(), Optional.empty())) {
      try {
        out.add(decode.apply(StoredFindings.tree(row)));
      } catch (IllegalArgumentException e) {
        throw new IOException("the case's stored findings are not what this version reads: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
