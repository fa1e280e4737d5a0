package org.dossier.index;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field names of the index (the embedded one and any other behind {@link org.dossier.core.DocumentIndex}),
 * and the query-syntax names users may type for them.
 */
public final class Fields {
  public static final String ID = "id";
  public static final String DISPLAY_NAME = "display_name";
  /** What {@code filename:} finds: every path, file name and bare name ({@link SearchAnalysis#fileNames}). */
  public static final String NAME = "name";
  public static final String NAME_TEXT = "name_text";
  public static final String PATH = "path";
  /** Stored as extracted; indexed as analysed in the document's own language. */
  public static final String TEXT = "text";
  /** Transliteration keys of the words that look like names. */
  public static final String TEXT_TRANSLIT = "text_translit";
  public static final String META = "meta";
  public static final String TYPE = "type";
  public static final String LANGUAGE = "language";
  public static final String STATUS = "status";
  public static final String EXTENSION = "extension";
  public static final String FOLDER = "folder";
  public static final String CONTAINER = "container";
  public static final String YEAR = "year";
  public static final String DATE = "date";

  /** Metadata fields, each searchable on its own and through {@link #META}. */
  public static final List<String> METADATA = List.of("title", "author", "from", "to", "subject");

  /** Single-term fields matched whole and case-insensitively. */
  public static final Set<String> KEYWORDS =
      Set.of(NAME, PATH, TYPE, LANGUAGE, STATUS, EXTENSION, FOLDER, CONTAINER, ID);

  /** Entity types: each is a searchable field and a facet of canonical names. */
  public static final List<String> ENTITIES = List.of("person", "organization", "place", "equipment", "unit");

  /** Facets, in the order results show them. */
  public static final List<String> FACETS = List.of(TYPE, LANGUAGE, YEAR, FOLDER, CONTAINER, EXTENSION,
      "person", "organization", "place", "equipment", "unit");

  /** Text fields whose matches are highlighted in the stored {@link #TEXT}. */
  public static final Set<String> MASKED = Set.of(TEXT_TRANSLIT);

  /** Short names users may type. */
  public static final Map<String, String> ALIASES =
      Map.of("lang", LANGUAGE, "ext", EXTENSION, "mime", TYPE, "filename", NAME,
          "org", "organization", "organisation", "organization", "people", "person");

  private Fields() {}
}
