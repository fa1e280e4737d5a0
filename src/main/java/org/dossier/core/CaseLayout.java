package org.dossier.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a case keeps its parts.
 *
 * <pre>
 * case/
 *   evidence/sha256/ab/cd/&lt;sha256&gt;   originals, content-addressed, read-only
 *   text/ab/&lt;sha256&gt;.txt              extracted text, UTF-8
 *   readings/ab/&lt;sha256&gt;.json.gz       the link stage's reading of each document, kept for the next link
 *   custody.jsonl                    append-only, hash-chained log
 *   case.properties                  the case's id and which store it uses (written by init)
 *   dossier.db                       SQLite store (unless the case's store is on PostgreSQL)
 *   index/                           search index
 *   tmp/                             staging, emptied at each run
 * </pre>
 */
public record CaseLayout(Path root) {
  public CaseLayout {
    Objects.requireNonNull(root, "root");
    root = root.toAbsolutePath().normalize();
  }

  public Path evidence() {
    return root.resolve("evidence").resolve("sha256");
  }

  public Path original(DocumentId id) {
    String h = id.sha256();
    return evidence().resolve(h.substring(0, 2)).resolve(h.substring(2, 4)).resolve(h);
  }

  public Path text(DocumentId id) {
    String h = id.sha256();
    return root.resolve("text").resolve(h.substring(0, 2)).resolve(h + ".txt");
  }

  /** The link stage's reading of a document: kept so that a later link, or the task of another worker, need not read its text again. */
  public Path reading(DocumentId id) {
    String h = id.sha256();
    return readings().resolve(h.substring(0, 2)).resolve(h + ".json.gz");
  }

  /** Where the link stage's readings are kept ({@link #reading}). */
  public Path readings() {
    return root.resolve("readings");
  }

  public Path custodyLog() {
    return root.resolve("custody.jsonl");
  }

  /** The case's settings: its id and its store, chosen when it was created. */
  public Path settings() {
    return root.resolve("case.properties");
  }

  public Path database() {
    return root.resolve("dossier.db");
  }

  public Path index() {
    return root.resolve("index");
  }

  public Path tmp() {
    return root.resolve("tmp");
  }

  /**
   * Where reports are made and the workbench keeps the ones it made ({@code tmp/reports}): a
   * reader's folder, which an ingest's cleaning of its own staging leaves alone.
   */
  public Path reports() {
    return tmp().resolve("reports");
  }

  public Path lockFile() {
    return root.resolve("case.lock");
  }

  public Path manifest() {
    return root.resolve("manifest-sha256.txt");
  }

  public Path log() {
    return root.resolve("dossier.log");
  }
}
