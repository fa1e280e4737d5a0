package org.dossier.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentPath;
import org.dossier.core.Stage;

/** Documents and the paths they were found at, with their metadata and counts. */
public interface DocumentStore {
  Optional<Document> document(DocumentId id) throws SQLException;

  Optional<Document> documentByName(String name) throws SQLException;

  /** The ids of the documents with these names, by name; a name of no document is left out. */
  default Map<String, DocumentId> idsByName(java.util.Collection<String> names) throws SQLException {
    Map<String, DocumentId> out = new java.util.HashMap<>();
    for (String name : new java.util.LinkedHashSet<>(names)) {
      documentByName(name).ifPresent(d -> out.put(name, d.id()));
    }
    return out;
  }

  /** Documents whose id starts with {@code prefix} (hex), at most {@code limit}. */
  List<Document> documentsByIdPrefix(String prefix, int limit) throws SQLException;

  /** The documents found at paths with this name (usually one). */
  List<DocumentId> documentsAtPath(String name) throws SQLException;

  /** Documents found directly inside {@code parent}, in the order they arrived. */
  List<Document> children(DocumentId parent) throws SQLException;

  /**
   * Visits the documents in a stage, in arrival order, a page at a time so that the visitor may
   * write meanwhile.
   */
  void forEachInStage(Stage stage, Consumer<Document> visitor) throws SQLException;

  /** Visits every document whose original is in the evidence store, ordered by id. */
  void forEachStoredOriginal(Consumer<DocumentId> visitor) throws SQLException;

  Optional<PathState> path(String root, String name) throws SQLException;

  /** Every path at which the document was found, in the order they arrived. */
  List<DocumentPath> paths(DocumentId id) throws SQLException;

  /** All metadata values of a document, by key, in the order the parser reported them. */
  Map<String, List<String>> metadata(DocumentId id) throws SQLException;

  /** When the run that first recorded a document started. */
  Optional<java.time.Instant> ingestedAt(DocumentId id) throws SQLException;

  long documentCount() throws SQLException;

  /** The number of the last document added (documents are numbered in the order they were added); 0 when none. */
  long lastSeq() throws SQLException;

  /** The documents added after the one numbered {@code seq}, at most {@code max}, in the order added. */
  List<DocumentId> addedAfter(long seq, int max) throws SQLException;

  /** Number of documents per stage code. */
  Map<String, Long> countByStage() throws SQLException;

  /** Number of documents per status code. */
  Map<String, Long> countByStatus() throws SQLException;

  /**
   * Documents with a problem status and paths with a problem of their own (a bad name, a link
   * out of the input, an unreadable file), ordered by status then name.
   */
  List<Problem> problems() throws SQLException;
}
