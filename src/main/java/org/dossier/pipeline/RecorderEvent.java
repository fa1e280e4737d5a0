package org.dossier.pipeline;

import java.util.Map;
import java.util.Optional;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.core.Extraction;
import org.dossier.store.NewDocument;

/** What the other threads of an ingest ask the {@link Recorder} to write. */
sealed interface RecorderEvent {

  /**
   * A document found at a path (a file of the input or an entry of a container).
   *
   * @param root the absolute input folder, or the container's id
   * @param document the new document to insert, when nobody had it before
   * @param custodyAction {@code acquire} or {@code unpack}
   * @param custody the custody entry's fields
   */
  record Found(
      String root,
      String name,
      DocumentId id,
      long size,
      long modified,
      DocumentStatus pathStatus,
      String pathReason,
      Optional<NewDocument> document,
      String custodyAction,
      Map<String, Object> custody)
      implements RecorderEvent {}

  /** A path that could not be read. */
  record Refused(
      String root, String name, DocumentStatus status, String reason, Map<String, Object> custody)
      implements RecorderEvent {}

  /** A finished extraction, and the analysis of its text. */
  /**
   * @param textSha256 the SHA-256 of the extracted text as written to the case ("" when the
   *     extraction wrote none); the custody log records it, so that an edited text is found
   */
  /** An extraction; {@code analysis} null when the run leaves the analysis for later. */
  record Extracted(DocumentId id, Extraction extraction, Analysis analysis, java.util.Optional<String> textSha256)
      implements RecorderEvent {}

  /** A finished analysis of a document extracted earlier. */
  record Analyzed(DocumentId id, Analysis analysis) implements RecorderEvent {}

  /** A document extracted earlier whose indexing was interrupted. */
  record Reindex(DocumentId id) implements RecorderEvent {}
}
