package org.dossier.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the exports read from a document's metadata (as the parser reported it), by the same keys as the index. */
final class Metadata {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private static final List<String> TITLE = List.of("dc:title");
  private static final List<String> AUTHOR = List.of("dc:creator", "meta:last-author", "Author");
  private static final List<String> CREATED = List.of("dcterms:created", "Creation-Date");
  private static final List<String> MODIFIED = List.of("dcterms:modified", "Last-Modified");
  private static final List<String> FROM = List.of("Message:From", "Message:From-Email", "Message:From-Name");
  private static final List<String> TO = List.of("Message:To", "Message-To");
  private static final List<String> SUBJECT = List.of("dc:subject", "subject");

  /** Every key an export reads: a case's export holds no other of its documents' metadata. */
  static final Set<String> KEYS = Stream.of(TITLE, AUTHOR, CREATED, MODIFIED, FROM, TO, SUBJECT)
      .flatMap(List::stream).collect(Collectors.toUnmodifiableSet());

  private Metadata() {}

  static Optional<String> title(CaseExport.Doc d) {
    return d.meta(TITLE);
  }

  static Optional<String> author(CaseExport.Doc d) {
    return d.meta(AUTHOR);
  }

  static Optional<String> created(CaseExport.Doc d) {
    return d.meta(CREATED);
  }

  static Optional<String> modified(CaseExport.Doc d) {
    return d.meta(MODIFIED);
  }

  static Optional<String> from(CaseExport.Doc d) {
    return d.meta(FROM);
  }

  static Optional<String> to(CaseExport.Doc d) {
    return d.meta(TO);
  }

  static Optional<String> subject(CaseExport.Doc d) {
    return d.meta(SUBJECT);
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
