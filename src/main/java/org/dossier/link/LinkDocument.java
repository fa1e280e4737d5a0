package org.dossier.link;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;

/**
 * One analysed document as the link stage reads it.
 *
 * @param name as the foundation names documents (its first path)
 * @param language ISO 639-1 code or {@code und}
 * @param text the extracted text
 * @param annotations what the analyze stage found
 * @param resolvedNames for each of {@code annotations.entities()}, the name of the case entity
 *     it was resolved to (its own text when it was not resolved)
 * @param date the document's own date, if known (the analyst's, when set by hand)
 * @param given the document's fields the analyst set by hand ({@code outlet}, {@code headline},
 *     {@code address}; an empty value: it has none), which override the stage's reading
 * @param fileName where the document stands among those of its date: the least file name of its
 *     paths (without folders), which neither the order of arrival nor the copy first met changes
 */
public record LinkDocument(DocumentId id, String name, String language, String mediaType,
    Map<String, List<String>> metadata, String text, Annotations annotations,
    List<String> resolvedNames, Optional<LocalDate> date, Map<String, String> given, String fileName) {
  public LinkDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(annotations, "annotations");
    if (resolvedNames.size() != annotations.entities().size()) {
      throw new IllegalArgumentException("one resolved name per entity mention");
    }
    given = Map.copyOf(given);
    Objects.requireNonNull(fileName, "fileName");
  }

  /** A document known by one path. */
  public LinkDocument(DocumentId id, String name, String language, String mediaType,
      Map<String, List<String>> metadata, String text, Annotations annotations,
      List<String> resolvedNames, Optional<LocalDate> date, Map<String, String> given) {
    this(id, name, language, mediaType, metadata, text, annotations, resolvedNames, date, given, fileName(name));
  }

  /** A path's file name, without its folders (an entry's folders include its container's first name). */
  public static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** A document with nothing set by hand. */
  public LinkDocument(DocumentId id, String name, String language, String mediaType,
      Map<String, List<String>> metadata, String text, Annotations annotations,
      List<String> resolvedNames, Optional<LocalDate> date) {
    this(id, name, language, mediaType, metadata, text, annotations, resolvedNames, date, Map.of());
  }
}
