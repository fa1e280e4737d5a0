package org.dossier.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dossier.collect.EvidenceStore;
import org.dossier.core.Document;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentPath;
import org.dossier.core.Stage;
import org.dossier.pipeline.CaseFolder;

/**
 * Each document of a case as two runs of the same files must agree on it, whichever engine and
 * process wrote it: for comparing an embedded ingest with workers on a shared store.
 */
public final class CaseDocuments {
  private CaseDocuments() {}

  /**
   * One document: what the store says of it and the hash of its extracted text.
   *
   * <p>Normalized, and why: {@code paths} is a sorted set, not the order they arrived in (children
   * of containers extracted in parallel arrive in whatever order their containers finish, in an
   * embedded ingest's threads as among workers); for the same reason the document's first name,
   * which is the first of its paths to arrive, is left out (it is one of the paths), and so are
   * its parent and depth, which are those of that first path: a picture that two containers hold
   * has the parent whose extraction registered it first (seen on the Tika corpus: an image of a
   * presentation that another container holds a copy of), while every container it was found in
   * is a path, compared. The run that recorded a document and when, and how long its extraction
   * took, are left out: they differ by nature. Every text is read as PostgreSQL stores it (see
   * {@link #stored}), whichever engine wrote it.
   */
  public record Row(String sha256, Set<String> paths, long size, boolean stored, String stage, String status, String reason, String mediaType, String language, long textChars,
      boolean textTruncated, String textSha256, Map<String, List<String>> metadata, String analysis) {}

  /** Each name of a document (its first, which arrival order picks, and each of its paths) to its content hash. */
  public static Map<String, String> ids(Path caseDir) throws IOException {
    try (CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC())) {
      Map<String, String> out = new TreeMap<>();
      for (Stage stage : Stage.values()) {
        List<Document> docs = new ArrayList<>();
        folder.store().documents().forEachInStage(stage, docs::add);
        for (Document d : docs) {
          out.put(d.name(), d.id().sha256());
          for (DocumentPath p : folder.store().documents().paths(d.id())) {
            out.put(p.name(), d.id().sha256()); // any of its names, as findings or signals may give it
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  /** Every document of the case at {@code caseDir} (SQLite or PostgreSQL), by content hash. */
  public static Map<String, Row> read(Path caseDir) throws IOException {
    try (CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC())) {
      Map<String, Row> out = new TreeMap<>();
      List<Document> docs = new ArrayList<>();
      for (Stage stage : Stage.values()) {
        folder.store().documents().forEachInStage(stage, docs::add);
      }
      for (Document d : docs) {
        Set<String> paths = new TreeSet<>();
        for (DocumentPath p : folder.store().documents().paths(d.id())) {
          // an entry's path is named after its container's first name, which arrival order picks
          // (a container two others hold): the entry's own part is compared, with the container's id
          String name = p.name();
          if (p.root().matches("[0-9a-f]{64}")) {
            Optional<Document> container = folder.store().documents().document(new DocumentId(p.root()));
            if (container.isPresent() && name.startsWith(container.get().name() + "/")) {
              name = "…/" + name.substring(container.get().name().length() + 1);
            }
          }
          paths.add(stored(p.root() + " | " + name + " | " + p.status().code() + " | " + p.reason()));
        }
        Path text = folder.layout().text(d.id());
        String textHash = Files.exists(text) ? EvidenceStore.hash(text).sha256() : "";
        out.put(d.id().sha256(), new Row(d.id().sha256(), paths, d.size(), d.stored(), d.stage().code(), d.status().code(), stored(d.reason()),
            stored(d.mediaType()), d.language(), d.textChars(), d.textTruncated(), textHash,
            metadata(folder.store().documents().metadata(d.id())),
            folder.store().annotations().analysisState(d.id()).map(a -> stored(a.status() + " | " + a.reason() + " | "
                + a.documentDate())).orElse("")));
      }
      return out;
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  /**
   * A document's metadata without Tika's "File Modified Date" (the metadata-extractor's image
   * parsers report the modification time of the file they read: the copy the extraction staged,
   * so the time of the run, which differs by nature) and "resourceName" (the entry name of the
   * path it was extracted under, the first to arrive: a picture two containers hold under two
   * names has either, as its first name). Keys and values are read as PostgreSQL stores them
   * ({@link #stored}).
   */
  private static Map<String, List<String>> metadata(Map<String, List<String>> all) {
    Map<String, List<String>> out = new TreeMap<>();
    all.forEach((k, v) -> out.put(stored(k), v.stream().map(CaseDocuments::stored).toList()));
    out.remove("File Modified Date");
    out.remove("resourceName");
    return out;
  }

  /**
   * A text as the PostgreSQL store keeps it: its text type cannot hold U+0000, so the store writes
   * U+FFFD in its place (Dialect.POSTGRES.text, on every text it writes), while SQLite keeps it.
   * A difference of the engine, not of the workers: seen on the Tika corpus in metadata values
   * that end in a C string's NUL (a JPEG's w:Comments, an MSG's mapi:msg-submission-id, an MP3's
   * xmpDM:logComment, an EXIF "Windows XP Author" in UTF-16). Only U+0000 is mapped, and the same
   * way on both sides, so any other difference in a text still shows.
   */
  static String stored(String s) {
    return s == null ? null : s.replace('\0', '\uFFFD');
  }

  /**
   * What differs between two readings, one line per document and field (at most {@code max}
   * lines): empty when they agree.
   */
  public static List<String> differences(Map<String, Row> a, Map<String, Row> b, int max) {
    List<String> out = new ArrayList<>();
    Set<String> ids = new TreeSet<>(a.keySet());
    ids.addAll(b.keySet());
    for (String id : ids) {
      Row x = a.get(id);
      Row y = b.get(id);
      if (x == null || y == null) {
        out.add(id + ": only in " + (x == null ? "the second: " + y : "the first: " + x));
      } else if (!x.equals(y)) {
        var components = Row.class.getRecordComponents();
        for (var c : components) {
          try {
            Object u = c.getAccessor().invoke(x);
            Object v = c.getAccessor().invoke(y);
            if (!Objects.equals(u, v)) {
              String where = id + " " + x.paths().stream().findFirst().orElse("(no path)") + " " + c.getName();
              if (u instanceof Map<?, ?> m && v instanceof Map<?, ?> n) {
                out.addAll(keyByKey(where, m, n));
              } else {
                out.add(where + ": " + u + " <> " + v);
              }
            }
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      if (out.size() >= max) {
        break;
      }
    }
    return out;
  }

  /**
   * The keys on which two maps differ, one line each with both sides' values (absent: "-"), NULs,
   * other control characters and U+FFFD shown as U+XXXX, so that a report says what differs.
   */
  static List<String> keyByKey(String where, Map<?, ?> a, Map<?, ?> b) {
    List<String> out = new ArrayList<>();
    Set<String> keys = new TreeSet<>();
    a.keySet().forEach(k -> keys.add(String.valueOf(k)));
    b.keySet().forEach(k -> keys.add(String.valueOf(k)));
    for (String k : keys) {
      Object u = a.get(k);
      Object v = b.get(k);
      if (!Objects.equals(u, v)) {
        out.add(where + " [" + visible(k) + "]: " + (a.containsKey(k) ? visible(String.valueOf(u)) : "-") + " <> "
            + (b.containsKey(k) ? visible(String.valueOf(v)) : "-"));
      }
    }
    return out;
  }

  private static String visible(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (Character.isISOControl(c) && c != '\n' || c == 0xFFFD) {
        b.append(String.format(Locale.ROOT, "U+%04X", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }
}
