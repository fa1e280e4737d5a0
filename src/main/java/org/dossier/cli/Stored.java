package org.dossier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import org.dossier.pipeline.CaseFolder;
import org.dossier.report.DocumentLabels;
import org.dossier.report.Readable;

/** The link stage's stored findings, for the reading commands: brought up to date, then read. */
final class Stored {
  private Stored() {}

  /** Rows of a kind as the store streams them: of {@code story} when given, with one of {@code statuses} (all when empty). */
  interface Rows {
    void forEach(String kind, Optional<String> story, List<String> statuses, java.util.function.Consumer<JsonNode> row)
        throws IOException;
  }

  /**
   * Human output that goes over rows as the store streams them, with every document's label; the
   * same findings decoded, for a command that reads them back by id.
   */
  interface Streaming {
    void run(Rows rows, DocumentLabels labels, org.dossier.link.FindingStreams findings) throws IOException;
  }

  /**
   * Runs {@code work} on the case brought up to date, with its documents' labels and its rows as
   * the store streams them, so that a command holds only what it must (the facts in dispute, to
   * rank them), not every row of a large case.
   */
  static void streamed(CaseOptions options, PrintWriter err, Streaming work) throws IOException {
    try (CaseFolder folder = options.openExisting()) {
      UpToDate.ensure(folder, err);
      // read kind by kind (the labels, then the rows; the disputes ranked, then read back by id): a
      // link or verify run meanwhile would mix two runs' findings, which is said after
      Map<String, String> runs = org.dossier.views.CaseViews.runs(folder);
      work.run(rows(folder), labels(folder), org.dossier.views.CaseViews.findings(folder.store().findings()));
      org.dossier.views.CaseViews.requireSameRuns(folder, runs, "listing");
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /**
   * Prints the rows of {@code kind} as {@code --json} prints them, under {@code field}, brought up
   * to date first; each row as the store streams it, so a large case's findings are never all in
   * memory.
   */
  static void printJson(CaseOptions options, PrintWriter err, PrintWriter out, String field, String kind,
      Optional<String> story, Optional<String> status) throws IOException {
    try (CaseFolder folder = options.openExisting()) {
      UpToDate.ensure(folder, err);
      Rows rows = rows(folder);
      Json.printRows(out, field, row -> rows.forEach(kind, story, status.map(List::of).orElse(List.of()), row));
    }
  }

  /** The case's rows as its store streams them, each as a JSON tree. */
  static Rows rows(CaseFolder folder) {
    return (kind, story, statuses, row) -> {
      try {
        folder.store().findings().forEach(kind, story, statuses, r -> row.accept(StoredFindings.tree(r)));
      } catch (SQLException e) {
        throw org.dossier.store.CaseStore.failed(e);
      } catch (IllegalArgumentException e) {
        throw StoredFindings.unreadable(e);
      }
    };
  }

  /** Every document's label, each source row read as the store streams it ({@link DocumentLabels#read}). */
  private static DocumentLabels labels(CaseFolder folder) throws IOException {
    try {
      return DocumentLabels.read(row -> folder.store().findings().forEach(Findings.SOURCE, Optional.empty(), List.of(), row));
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    } catch (IllegalArgumentException e) {
      throw StoredFindings.unreadable(e);
    }
  }

  /** A JSON string field, or the empty string (for the verify stage's signals and families). */
  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  /**
   * A claim in one line: the value as a person writes it, the document by its outlet or headline
   * and date, the quote, the attribution, and where the quote is (file and offsets).
   */
  static String claimLine(StoredFindings.Claim c, DocumentLabels labels) {
    String value = c.value().kind().equals("statement") ? "" : String.format(Locale.ROOT, "%-24s ", Readable.value(c.value()));
    String per = c.attributedTo().map(a -> "  (per " + a + ")").orElse("");
    String at = c.document() + " @" + c.start() + "-" + c.end();
    if (!labels.known(c.document())) {
      return value + at + ": \"" + c.quote() + "\"" + per;
    }
    return value + labels.brief(c.document()) + ": \"" + c.quote() + "\"" + per + "  [" + at + "]";
  }
}
