package org.dossier.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** What the exports read from a document's metadata (as the parser reported it), by the same keys as the index. */
final class Metadata {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private Metadata() {}

  static Optional<String> title(CaseExport.Doc d) {
    return d.meta("dc:title");
  }

  static Optional<String> author(CaseExport.Doc d) {
    return d.meta("dc:creator", "meta:last-author", "Author");
  }

  static Optional<String> created(CaseExport.Doc d) {
    return d.meta("dcterms:created", "Creation-Date");
  }

  static Optional<String> modified(CaseExport.Doc d) {
    return d.meta("dcterms:modified", "Last-Modified");
  }

  static Optional<String> from(CaseExport.Doc d) {
    return d.meta("Message:From", "Message:From-Email", "Message:From-Name");
  }

  static Optional<String> to(CaseExport.Doc d) {
    return d.meta("Message:To", "Message-To");
  }

  static Optional<String> subject(CaseExport.Doc d) {
    return d.meta("dc:subject", "subject");
  }

  /**
   * A date as FollowTheMoney writes one: an ISO 8601 prefix in UTC without a zone
   * ({@code 2024-09-03}, {@code 2024-09-03T10:15:00}); empty when it does not read as one.
   */
  static Optional<String> ftmDate(String s) {
    String v = s.strip();
    if (v.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
      return Optional.of(v);
    }
    try {
      return Optional.of(SECONDS.format(LocalDateTime.ofInstant(Instant.parse(v), ZoneOffset.UTC)));
    } catch (DateTimeParseException e) {
      // not an instant
    }
    try {
      return Optional.of(SECONDS.format(OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC)));
    } catch (DateTimeParseException e) {
      // not with an offset
    }
    try {
      return Optional.of(SECONDS.format(LocalDateTime.parse(v)));
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      return Optional.of(LocalDate.parse(v).toString());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
