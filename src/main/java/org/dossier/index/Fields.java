package org.dossier.index;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Field names of the Lucene index, and the query-syntax names users may type for them. */
final class Fields {
  static final String ID = "id";
  static final String DISPLAY_NAME = "display_name";
  static final String NAME = "name";
  static final String NAME_TEXT = "name_text";
  static final String PATH = "path";
  /** Stored as extracted; indexed as analysed in the document's own language. */
  static final String TEXT = "text";
  /** Transliteration keys of the words that look like names. */
  static final String TEXT_TRANSLIT = "text_translit";
  static final String META = "meta";
  static final String TYPE = "type";
  static final String LANGUAGE = "language";
  static final String STATUS = "status";
  static final String EXTENSION = "extension";
  static final String FOLDER = "folder";
  static final String CONTAINER = "container";
  static final String YEAR = "year";
  static final String DATE = "date";

  /** Metadata fields, each searchable on its own and through {@link #META}. */
  static final List<String> METADATA = List.of("title", "author", "from", "to", "subject");

  /** Single-term fields matched whole and case-insensitively. */
  static final Set<String> KEYWORDS =
      Set.of(NAME, PATH, TYPE, LANGUAGE, STATUS, EXTENSION, FOLDER, CONTAINER, ID);

  /** Entity types: each is a searchable field and a facet of canonical names. */
  static final List<String> ENTITIES = List.of("person", "organization", "place", "equipment", "unit");

  /** Facets, in the order results show them. */
  static final List<String> FACETS = List.of(TYPE, LANGUAGE, YEAR, FOLDER, CONTAINER, EXTENSION,
      "person", "organization", "place", "equipment", "unit");

  /** Text fields whose matches are highlighted in the stored {@link #TEXT}. */
  static final Set<String> MASKED = Set.of(TEXT_TRANSLIT);

  /** Short names users may type. */
  static final Map<String, String> ALIASES =
      Map.of("lang", LANGUAGE, "ext", EXTENSION, "mime", TYPE, "filename", NAME,
          "org", "organization", "organisation", "organization", "people", "person");

  private Fields() {}
}
