package org.dossier.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.pipeline.CaseFolder;
import org.dossier.views.CaseViews;

/**
 * The reports the workbench made (a download, or what the report page shows), kept in the case's
 * {@code tmp/reports} folder while the case's findings are those they were made from: a large
 * case's report is made once per run of the link and verify stages, not on every request (the
 * whole report is gone over even for a page, to number its footnotes as the download does).
 *
 * <p>A report is known by the stage runs it was made from ({@link CaseViews#runs}), what it is
 * (a format, or the page) and its story. It is written beside its place and moved there only if
 * the runs were the same when it was done; one that a link or verify run formed the findings
 * again under fails as {@code dossier report} does ({@link CaseViews#formedAgain}) and is not
 * kept. The {@link #KEPT} used last are kept; the others are deleted as a new one is made.
 */
final class ReportFiles {
  /** Reports kept per case: the latest runs' formats, page and a few stories. */
  static final int KEPT = 12;

  /** Writes a report. */
  @FunctionalInterface
  interface Maker {
    void write(Writer to, Path aside) throws IOException;
  }

  /** A report the case's findings were formed again under while it was made: not kept; ask again. */
  static final class FormedAgain extends IOException {
    private static final long serialVersionUID = 1L;

    FormedAgain(String message) {
      super(message);
    }
  }

  private ReportFiles() {}

  /** The case's folder of kept reports. */
  static Path folder(CaseFolder folder) {
    return folder.layout().tmp().resolve("reports");
  }

  /**
   * This report ({@code what}: a format or "page"; {@code story}, or the whole case), open to be
   * read: the one kept when it was made from the case's findings as they stand, else made by
   * {@code maker} and kept. It is opened before it could be pruned by another request, and reads
   * whole even if it is deleted or replaced meanwhile.
   *
   * @throws FormedAgain when the findings were formed again while it was made
   * @throws IOException when it cannot be written
   */
  static InputStream open(CaseFolder folder, String what, Optional<String> story, Maker maker) throws IOException {
    Map<String, String> runs;
    try {
      runs = CaseViews.runs(folder);
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
    Path dir = folder(folder);
    Path file = dir.resolve(key(runs, what, story) + "." + (what.equals("page") ? "json" : what));
    try {
      InputStream kept = Files.newInputStream(file);
      try {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
      } catch (NoSuchFileException e) {
        // pruned since it was opened: it is read all the same
      }
      return kept;
    } catch (NoSuchFileException e) {
      // not made from these runs yet
    }
    Files.createDirectories(dir);
    Path aside = Files.createTempFile(dir, ".report-", ".tmp");
    InputStream made = null;
    try {
      try (Writer w = Files.newBufferedWriter(aside, StandardCharsets.UTF_8)) {
        maker.write(w, folder.layout().tmp());
      }
      if (!CaseViews.sameRuns(folder, runs)) {
        throw new FormedAgain(CaseViews.formedAgain("report").getMessage());
      }
      made = Files.newInputStream(aside);
      Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      prune(dir, file);
      InputStream out = made;
      made = null;
      return out;
    } finally {
      if (made != null) {
        made.close();
      }
      Files.deleteIfExists(aside);
    }
  }

  /** A report's name: a digest of the runs it is made from, what it is and its story. */
  private static String key(Map<String, String> runs, String what, Optional<String> story) {
    org.dossier.core.Sha256.Parts parts = new org.dossier.core.Sha256.Parts();
    runs.forEach((k, v) -> parts.add(k).add(v));
    parts.add("").add(what).add(story.map(s -> "story " + s).orElse("case"));
    return parts.hex().substring(0, 32);
  }

  /** Deletes the reports used least recently beyond the {@link #KEPT} latest, never {@code made}. */
  private static void prune(Path dir, Path made) throws IOException {
    List<Path> kept = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> !p.getFileName().toString().startsWith("."))) {
      files.forEach(kept::add);
    }
    if (kept.size() <= KEPT) {
      return;
    }
    record Used(Path file, FileTime when) {}
    List<Used> used = new ArrayList<>();
    for (Path p : kept) {
      try {
        used.add(new Used(p, Files.getLastModifiedTime(p)));
      } catch (NoSuchFileException e) {
        // deleted by another request meanwhile
      }
    }
    used.sort(Comparator.comparing(Used::when).reversed());
    for (int i = KEPT; i < used.size(); i++) {
      Path p = used.get(i).file();
      if (!p.equals(made)) {
        Files.deleteIfExists(p); // a request reading it still reads it whole where files outlive their names
      }
    }
  }
}
