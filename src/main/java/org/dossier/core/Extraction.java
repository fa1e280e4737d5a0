package org.dossier.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What extraction produced for one document. A failure is data: the status says what went wrong
 * and the reason says what a person can do about it.
 *
 * @param status outcome
 * @param reason empty when {@code status} is OK, otherwise a sentence a person can act on
 * @param mediaType detected media type, {@code application/octet-stream} when unknown
 * @param language ISO 639-1 code of the main language, or {@code und}
 * @param metadata every metadata value the parser reported, by key
 * @param textChars number of characters written to the text file
 * @param textTruncated true when the text hit the configured cap
 * @param ocr true when OCR contributed text
 * @param embedded documents found inside this one
 * @param millis wall time of the parse
 */
public record Extraction(
    DocumentStatus status,
    String reason,
    String mediaType,
    String language,
    Map<String, List<String>> metadata,
    long textChars,
    boolean textTruncated,
    boolean ocr,
    List<EmbeddedFile> embedded,
    long millis) {

  public Extraction {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(language, "language");
    if (status.isProblem() && reason.isBlank()) {
      throw new IllegalArgumentException("status " + status + " needs a reason");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    metadata.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    metadata = java.util.Collections.unmodifiableMap(copy);
    embedded = List.copyOf(embedded);
  }

  /** A failure that produced nothing but a status and a reason. */
  public static Extraction failure(DocumentStatus status, String reason, long millis) {
    return new Extraction(
        status, reason, "application/octet-stream", "und", Map.of(), 0, false, false, List.of(),
        millis);
  }

  /** The same extraction with another status and reason. */
  public Extraction withStatus(DocumentStatus newStatus, String newReason) {
    return new Extraction(
        newStatus, newReason, mediaType, language, metadata, textChars, textTruncated, ocr,
        embedded, millis);
  }

  /** The same extraction without its embedded files. */
  public Extraction withoutEmbedded() {
    return new Extraction(
        status, reason, mediaType, language, metadata, textChars, textTruncated, ocr, List.of(),
        millis);
  }
}
