package org.dossier.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Metadata timestamps as Tika writes them (ISO 8601, with or without zone or time). */
final class Dates {
  private Dates() {}

  static Optional<Instant> parse(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    String t = s.strip();
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      // fall through
    }
    try {
      return Optional.of(Instant.parse(t));
    } catch (java.time.format.DateTimeParseException e) {
      // fall through
    }
    try {
      return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
    } catch (java.time.format.DateTimeParseException e) {
      // fall through
    }
    try {
      return Optional.of(LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
