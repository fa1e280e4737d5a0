package org.dossier.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.dossier.core.CaseLayout;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentPath;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.IndexDocument;
import org.dossier.store.CaseStore;

/**
 * Builds what the index receives for a document from the store and its text file.
 *
 * <p>Each build carries its version ({@link IndexDocument#version}): the store's clock
 * ({@link CaseStore#clockMicros}, PostgreSQL's own on a shared store) read before anything else
 * of the document, and above every version this process gave before. Two builds of one document
 * (two index tasks of it on two workers, say) are thus ordered by when they began to read: every
 * read of the later one came after the earlier began, so it saw every change the earlier saw. A
 * change committed while a build reads (the document extracted, analysed, found under a new path)
 * queues an index task of its own ({@link StageTasks#index}: its key follows the document's paths
 * and analysis), whose build begins later still. So the index that keeps each document's highest
 * version (Solr's) ends with the newest state, whatever order the builds reach it in.
 */
final class IndexDocuments {
  /** The last version this process gave: a later build of it never gets the same or a lower one. */
  private static final AtomicLong LAST_VERSION = new AtomicLong();

  /** Metadata keys feeding each searchable metadata field, most specific first. */
  private static final Map<String, List<String>> FIELDS =
      Map.of(
          "title", List.of("dc:title"),
          "author", List.of("dc:creator", "meta:last-author", "Author"),
          "from", List.of("Message:From", "Message:From-Email", "Message:From-Name"),
          "to", List.of("Message:To", "Message-To", "Message:CC", "Message-Cc",
              "Message-Recipient-Address"),
          "subject", List.of("dc:subject", "subject"));

  private static final List<String> DATE_KEYS =
      List.of("dcterms:created", "Creation-Date", "dcterms:modified", "Last-Modified");

  private final CaseStore store;
  private final CaseLayout layout;
  private final int maxChars;

  IndexDocuments(CaseStore store, CaseLayout layout, int maxChars) {
    this.store = store;
    this.layout = layout;
    this.maxChars = maxChars;
  }

  Optional<IndexDocument> build(DocumentId id) throws SQLException, IOException {
    long read = store.clockMicros(); // before any of the document's state
    long version = LAST_VERSION.accumulateAndGet(read, (last, now) -> Math.max(last + 1, now));
    Optional<Document> found = store.documents().document(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Document doc = found.get();
    // the paths that lead to it now: its name (its first path) among them, unless that path has
    // since come to hold other bytes (the file changed), when the document is found by its other
    // paths, or by none, and only shown by that name
    List<String> names = new ArrayList<>();
    for (DocumentPath p : store.documents().paths(id)) {
      names.add(p.name());
    }
    Map<String, List<String>> metadata = store.documents().metadata(id);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    FIELDS.forEach(
        (field, keys) -> {
          List<String> values = new ArrayList<>();
          for (String key : keys) {
            values.addAll(metadata.getOrDefault(key, List.of()));
          }
          if (!values.isEmpty()) {
            fields.put(field, values.stream().distinct().toList());
          }
        });
    Optional<String> container = Optional.empty();
    if (doc.parent().isPresent()) {
      container = store.documents().document(doc.parent().get()).map(Document::name);
    }
    return Optional.of(
        new IndexDocument(
            id,
            doc.name(),
            names,
            text(layout.text(id)),
            doc.language().isEmpty() ? "und" : doc.language(),
            doc.mediaType().isEmpty() ? "application/octet-stream" : doc.mediaType(),
            doc.status().code(),
            date(metadata),
            names.stream().map(IndexDocuments::folder).toList(),
            container,
            names.stream().map(IndexDocuments::extension).filter(e -> !e.isEmpty()).toList(),
            fields,
            entities(id),
            version));
  }

  /** The names the analysis found, by type, each once. */
  private Map<String, List<IndexDocument.EntityName>> entities(DocumentId id) throws SQLException {
    Map<String, List<IndexDocument.EntityName>> out = new LinkedHashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (EntityMention m : store.annotations().annotations(id).entities()) {
      if (m.type() == EntityType.OTHER || !seen.add(m.type() + "|" + m.canonical() + "|" + m.text())) {
        continue;
      }
      out.computeIfAbsent(m.type().code(), k -> new ArrayList<>())
          .add(new IndexDocument.EntityName(m.canonical(), m.text()));
    }
    return out;
  }

  private String text(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      char[] buf = new char[8192];
      StringBuilder out = new StringBuilder();
      int n;
      while (out.length() < maxChars && (n = in.read(buf, 0, Math.min(buf.length, maxChars - out.length()))) > 0) {
        out.append(buf, 0, n);
      }
      return out.toString();
    } catch (NoSuchFileException e) {
      return "";
    } catch (java.nio.charset.MalformedInputException e) {
      return "";
    }
  }

  /** The document's own date: created, else modified; only plausible years. */
  static Optional<LocalDate> date(Map<String, List<String>> metadata) {
    for (String key : DATE_KEYS) {
      for (String value : metadata.getOrDefault(key, List.of())) {
        if (value.length() >= 10) {
          try {
            LocalDate d = LocalDate.parse(value.substring(0, 10));
            if (d.getYear() >= 1900 && d.getYear() <= Year.now(java.time.ZoneOffset.UTC).getValue() + 1) {
              return Optional.of(d);
            }
          } catch (DateTimeParseException ignored) {
            // not ISO: try the next value
          }
        }
      }
    }
    return Optional.empty();
  }

  static String folder(String name) {
    int slash = name.lastIndexOf('/');
    return slash > 0 ? name.substring(0, slash) : ".";
  }

  static String extension(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    if (dot <= 0 || dot == last.length() - 1) {
      return "";
    }
    String ext = last.substring(dot + 1).toLowerCase(Locale.ROOT);
    return ext.length() <= 10 && ext.chars().allMatch(Character::isLetterOrDigit) ? ext : "";
  }
}
