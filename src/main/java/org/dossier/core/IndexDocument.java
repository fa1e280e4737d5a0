package org.dossier.core;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the index receives for one document.
 *
 * @param id the document
 * @param name its name (first path)
 * @param paths every path that leads to it now: its name among them, unless that path has since come
 *     to hold other bytes (the file changed), when the document is shown by its name but found only
 *     by its other paths, or by none
 * @param text extracted text, possibly capped
 * @param language ISO 639-1 code or {@code und}
 * @param mediaType detected media type
 * @param status extraction status code
 * @param date the document's own date (created, sent), when known
 * @param folders the folder of each path, relative to the input
 * @param container the name of the document it was found in, when it was found in one
 * @param extensions the file extension of each path, lower case, without the dot
 * @param fields searchable metadata by field name (title, author, from, to, subject)
 * @param entities the names the document mentions, by entity type code: the first of each list's
 *     names are canonical (faceted); all are searchable
 * @param version the order of this build among the builds of the document: the store's clock when
 *     the build began to read the document's state, so a build that read later has a higher one
 *     (an index several processes write keeps the highest; the embedded one, written by one
 *     process in the order it builds, does not need it); 0 when no order is known (a document sent
 *     once)
 */
public record IndexDocument(
    DocumentId id,
    String name,
    List<String> paths,
    String text,
    String language,
    String mediaType,
    String status,
    Optional<LocalDate> date,
    List<String> folders,
    Optional<String> container,
    List<String> extensions,
    Map<String, List<String>> fields,
    Map<String, List<EntityName>> entities,
    long version) {

  /** A name as the index keeps it: its canonical form (a facet) and the form in the text. */
  public record EntityName(String canonical, String text) {
    public EntityName {
      Objects.requireNonNull(canonical, "canonical");
      Objects.requireNonNull(text, "text");
    }

    /** The canonical forms of {@code names}, once each in order: the facet's values. */
    public static Set<String> canonical(List<EntityName> names) {
      Set<String> out = new LinkedHashSet<>();
      names.forEach(n -> out.add(n.canonical()));
      return out;
    }

    /** Every form of {@code names}, canonical and as written, once each in order: what is searchable. */
    public static Set<String> searchable(List<EntityName> names) {
      Set<String> out = new LinkedHashSet<>();
      names.forEach(n -> {
        out.add(n.canonical());
        out.add(n.text());
      });
      return out;
    }
  }

  public IndexDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(container, "container");
    if (version < 0) {
      throw new IllegalArgumentException("a build's version is never negative: " + version);
    }
    paths = List.copyOf(paths);
    folders = List.copyOf(folders);
    extensions = List.copyOf(extensions);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    fields = java.util.Collections.unmodifiableMap(copy);
    Map<String, List<EntityName>> ents = new LinkedHashMap<>();
    entities.forEach((k, v) -> ents.put(k, List.copyOf(v)));
    entities = java.util.Collections.unmodifiableMap(ents);
  }

  /** A document without entity names (not analysed yet), of no known order among its builds. */
  public IndexDocument(
      DocumentId id,
      String name,
      List<String> paths,
      String text,
      String language,
      String mediaType,
      String status,
      Optional<LocalDate> date,
      List<String> folders,
      Optional<String> container,
      List<String> extensions,
      Map<String, List<String>> fields) {
    this(id, name, paths, text, language, mediaType, status, date, folders, container, extensions,
        fields, Map.of(), 0);
  }

  /** A document of no known order among its builds (sent once). */
  public IndexDocument(
      DocumentId id,
      String name,
      List<String> paths,
      String text,
      String language,
      String mediaType,
      String status,
      Optional<LocalDate> date,
      List<String> folders,
      Optional<String> container,
      List<String> extensions,
      Map<String, List<String>> fields,
      Map<String, List<EntityName>> entities) {
    this(id, name, paths, text, language, mediaType, status, date, folders, container, extensions,
        fields, entities, 0);
  }

  /** The same document as another build of it, of {@code version}. */
  public IndexDocument withVersion(long version) {
    return new IndexDocument(id, name, paths, text, language, mediaType, status, date, folders, container,
        extensions, fields, entities, version);
  }
}
