package org.dossier.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@link StoryGenerator} knows about the corpus it wrote: the stories (which documents tell
 * the same event), the facts (which values in which documents state the same thing, and whether
 * they agree) and each document's kind and links to what it copies, translates or rewrites.
 * Documents are named as Dossier names them: the path relative to the ingested folder.
 *
 * @param seed the seed the corpus was generated from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoryGold(long seed, List<StoryRow> stories, List<FactRow> facts, List<Doc> documents) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * One story.
   *
   * @param topic arms, floods, election or fire
   * @param sharesSurfaceWith for an unrelated story, the arms story whose country and number it
   *     shares
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StoryRow(String id, String topic, List<String> documents, String sharesSurfaceWith) {}

  /**
   * One fact: every claim of one value about one thing in one story.
   *
   * @param kind quantity, money, date, count or percent
   * @param role what the value is about (qty, money, agreed, delivery, initial, pages ...)
   * @param status agree, conflict, divergent or single
   */
  public record FactRow(String id, String story, String description, String kind, String role,
      String status, List<Claim> claims) {}

  /**
   * A value as one document writes it.
   *
   * @param text exactly as written, qualifier words included ("more than $300 million")
   * @param start offset of {@code text} in the document's text (UTF-16 units, as Java counts)
   * @param end offset after it
   * @param variant equal variants state the same thing: {@code v0} the true value, {@code v1} a
   *     contradicting one, {@code q:...} a qualified or preliminary one
   */
  public record Claim(String document, String text, int start, int end, String variant) {}

  /**
   * One document.
   *
   * @param kind original, repost, translation or rewrite
   * @param language en or ru
   * @param links at most one: to the document it derives from (or, when that one is not in the
   *     case, the name of its outlet), with relation copies, translates, rewrites or shares-source
   */
  public record Doc(String document, String story, String kind, String language, String date,
      String outlet, List<Link> links) {}

  public record Link(String to, String relation) {}

  void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writeValue(file.toFile(), this);
  }

  static StoryGold read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), StoryGold.class);
  }

  /** Counts per story topic, document kind and language, fact status and kind, link relation. */
  String summary() {
    Map<String, Integer> topics = new TreeMap<>();
    stories.forEach(s -> topics.merge(s.topic(), 1, Integer::sum));
    Map<String, Integer> kinds = new TreeMap<>();
    Map<String, Integer> languages = new TreeMap<>();
    Map<String, Integer> relations = new TreeMap<>();
    Set<String> names = new HashSet<>();
    documents.forEach(d -> names.add(d.document()));
    int toOutlets = 0;
    for (Doc d : documents) {
      kinds.merge(d.kind(), 1, Integer::sum);
      languages.merge(d.language(), 1, Integer::sum);
      for (Link l : d.links()) {
        relations.merge(l.relation(), 1, Integer::sum);
        if (!names.contains(l.to())) {
          toOutlets++;
        }
      }
    }
    Map<String, Integer> statuses = new TreeMap<>();
    Map<String, Integer> factKinds = new TreeMap<>();
    int claims = 0;
    for (FactRow f : facts) {
      statuses.merge(f.status(), 1, Integer::sum);
      factKinds.merge(f.kind(), 1, Integer::sum);
      claims += f.claims().size();
    }
    return String.format(Locale.ROOT,
        "gold: %d documents %s %s; %d stories %s; %d facts, %d claims, status %s, kind %s;"
            + " links %s (%d to an outlet not in the case)",
        documents.size(), kinds, languages, stories.size(), topics, facts.size(), claims, statuses,
        factKinds, relations, toOutlets);
  }
}
