package org.dossier.store;

import java.sql.SQLException;
import java.util.Optional;
import java.util.List;
import java.util.function.Consumer;
import org.dossier.core.Annotations;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;

/** What the analysis found in each document, and where it stands. */
public interface AnnotationStore {
  /** Where a document's analysis stands: its status, why, and the date relative dates were read against. */
  record AnalysisState(String status, String reason, String documentDate) {}

  /** Documents whose analysis is pending, once their text is extracted. */
  void forEachAnalysisPending(Consumer<Document> visitor) throws SQLException;

  Optional<AnalysisState> analysisState(DocumentId id) throws SQLException;

  /** The entity names, value mentions and attributions stored for a document. */
  Annotations annotations(DocumentId id) throws SQLException;

  /** Documents with an analysis that found something to read (done, partial, values only). */
  void forEachAnalysed(Consumer<Document> visitor) throws SQLException;

  /**
   * As {@link #forEachAnalysed}, a page at a time: the first {@code limit} of those documents
   * whose content hash comes after {@code after} ("" for the first page), in order of content hash.
   */
  List<Document> analysedAfter(String after, int limit) throws SQLException;

  /** Number of documents whose analysis is pending. */
  long analysisPending() throws SQLException;
}
