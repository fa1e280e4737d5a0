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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.dossier.pipeline.CaseFolder;
import org.dossier.views.CaseViews;

/**
 * The reports the workbench made (a download, or what the report page shows), kept in the case's
 * reports folder ({@link org.dossier.core.CaseLayout#reports}) while the case's findings are those
 * they were made from: a large case's report is made once per run of the link and verify stages,
 * not on every request (the whole report is gone over even for a page, to number its footnotes as
 * the download does).
 *
 * <p>A report is known by what made it: the stage runs ({@link CaseViews#runs}), this build's
 * code ({@link org.dossier.core.CodeDigest}) and the case folder's name (the report's title
 * says it); then by what it is (a format, or the page) and its story. It is made by one request
 * at a time (another asking for it meanwhile waits and takes it), written beside its place and
 * moved there only if the runs were the same when it was done; one that a link or verify run
 * formed the findings again under fails as {@code dossier report} does ({@link
 * CaseViews#formedAgain}) and is not kept. As a report is made, those of other runs unused for a
 * while are deleted, and of this run's the {@link #KEPT} used last are kept.
 */
final class ReportFiles {
  /** Reports of the latest runs kept per case: its formats, the page and a few stories. */
  static final int KEPT = 12;
  /** Reports of other runs or builds unused this long are deleted as a report is made. */
  static final Duration OTHERS = Duration.ofMinutes(10);
  /** A kept report's name: what made it, what it is. */
  private static final Pattern KEPT_NAME = Pattern.compile("([0-9a-f]{16})-[0-9a-f]{16}\\.(?:md|html|json)");
  /** The reports being made in this process, each with the lock a second request for it waits on. */
  private static final Map<Path, Object> MAKING = new ConcurrentHashMap<>();
  private static volatile String code;

  /**
   * This build's code, as {@link org.dossier.core.CodeDigest} gives it: read once, when the
   * workbench starts, so that a jar replaced under a running server does not name its reports.
   */
  static String code() {
    String c = code;
    if (c == null) {
      c = org.dossier.core.CodeDigest.of(ReportFiles.class, List.of("org/dossier/"));
      code = c;
    }
    return c;
  }

  /** Writes a report, {@code aside} the folder for its footnotes until its end. */
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
    return folder.layout().reports();
  }

  /**
   * This report ({@code what}: a format or "page"; {@code story}, or the whole case), open to be
   * read: the one kept when it was made from the case's findings as they stand, else made by
   * {@code maker} and kept. It is opened before another request could prune it, and reads whole
   * even if it is deleted or replaced meanwhile. The maker reads what it reports on itself, after
   * the runs the report is known by were read.
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
    String madeBy = madeBy(folder, runs);
    org.dossier.core.Sha256.Parts it = new org.dossier.core.Sha256.Parts().add(what)
        .add(story.map(s -> "story " + s).orElse("case"));
    Path file = dir.resolve(madeBy + "-" + it.hex().substring(0, 16) + "." + (what.equals("page") ? "json" : what));
    Optional<InputStream> kept = kept(file);
    if (kept.isPresent()) {
      return kept.get();
    }
    Object lock = MAKING.computeIfAbsent(file, k -> new Object());
    try {
      synchronized (lock) {
        kept = kept(file); // made by a request that asked first
        if (kept.isPresent()) {
          return kept.get();
        }
        // a request that asked first and failed: if the findings were formed again under it, so they
        // were under this one, which is not made again only to fail the same way
        requireSameRuns(folder, runs);
        return make(folder, runs, file, madeBy, maker);
      }
    } finally {
      MAKING.remove(file, lock);
    }
  }

  private static void requireSameRuns(CaseFolder folder, Map<String, String> runs) throws IOException {
    if (!CaseViews.sameRuns(folder, runs)) {
      throw new FormedAgain(CaseViews.formedAgain("report").getMessage());
    }
  }

  /** What made a report, as the first part of its name: the runs, this build's code and the case folder's name. */
  private static String madeBy(CaseFolder folder, Map<String, String> runs) {
    org.dossier.core.Sha256.Parts parts = new org.dossier.core.Sha256.Parts().add(code())
        .add(String.valueOf(folder.layout().root().toAbsolutePath().normalize().getFileName()));
    runs.forEach((k, v) -> parts.add(k).add(v));
    return parts.hex().substring(0, 16);
  }

  /** The kept report, open, its use noted; empty when there is none. */
  private static Optional<InputStream> kept(Path file) throws IOException {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // pruned since it was opened, or not this process's to touch: it is read all the same
    }
    return Optional.of(in);
  }

  private static InputStream make(CaseFolder folder, Map<String, String> runs, Path file, String madeBy, Maker maker)
      throws IOException {
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path aside = Files.createTempFile(dir, ".report-", ".tmp");
    InputStream made = null;
    try {
      try (Writer w = Files.newBufferedWriter(aside, StandardCharsets.UTF_8)) {
        maker.write(w, dir);
      }
      requireSameRuns(folder, runs);
      made = Files.newInputStream(aside);
      Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      prune(dir, file, madeBy);
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

  /**
   * Deletes this run's reports beyond the {@link #KEPT} used last (never {@code made}), those of
   * other runs or builds not used for {@link #OTHERS} (another server may still serve its own; a
   * newer run's made meanwhile is kept), and what a stopped process left aside ({@link
   * org.dossier.core.Leftovers}). A file that cannot be deleted now is left for the next report made.
   */
  private static void prune(Path dir, Path made, String madeBy) {
    org.dossier.core.Leftovers.sweep(dir, name -> KEPT_NAME.matcher(name).matches());
    record Used(Path file, FileTime when) {}
    List<Used> ours = new ArrayList<>();
    long others = System.currentTimeMillis() - OTHERS.toMillis();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path p : files) {
        try {
          java.util.regex.Matcher m = KEPT_NAME.matcher(p.getFileName().toString());
          if (!m.matches()) {
            continue;
          }
          FileTime when = Files.getLastModifiedTime(p);
          if (m.group(1).equals(madeBy)) {
            ours.add(new Used(p, when));
          } else if (when.toMillis() < others) {
            Files.deleteIfExists(p); // another run's or build's, unused a while: never asked for again
          }
        } catch (IOException e) {
          // gone meanwhile, or not this process's to delete: the next report made tries again
        }
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      return;
    }
    ours.sort(Comparator.comparing(Used::when).reversed());
    for (int i = KEPT; i < ours.size(); i++) {
      Path p = ours.get(i).file();
      if (!p.equals(made)) {
        try {
          Files.deleteIfExists(p); // a request reading it still reads it whole where files outlive their names
        } catch (IOException e) {
          // the next report made tries again
        }
      }
    }
  }
}
