package org.dossier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dossier.link.StoredFindings;
import org.dossier.pipeline.CaseFolder;

/** The link stage's stored findings, for the reading commands: brought up to date, then read. */
final class Stored {
  private Stored() {}

  static List<JsonNode> read(CaseOptions options, PrintWriter err, String kind, Optional<String> story,
      Optional<String> status) throws IOException {
    try (CaseFolder folder = options.openExisting()) {
      UpToDate.ensure(folder, err);
      return parse(folder.store().findings(kind, story, status));
    } catch (SQLException e) {
      throw new IOException("the case database failed: " + e.getMessage(), e);
    }
  }

  /** Stored rows as JSON trees, as {@code --json} prints them and the decoders read them. */
  static List<JsonNode> parse(List<String> rows) throws IOException {
    List<JsonNode> out = new ArrayList<>(rows.size());
    for (String r : rows) {
      try {
        out.add(StoredFindings.tree(r));
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    return out;
  }

  /** Stored link findings, decoded ({@link StoredFindings}); a malformed row is an I/O failure. */
  static <T> List<T> decode(List<JsonNode> rows, Function<JsonNode, T> decoder) throws IOException {
    List<T> out = new ArrayList<>(rows.size());
    for (JsonNode r : rows) {
      try {
        out.add(decoder.apply(r));
      } catch (IllegalArgumentException e) {
        throw new IOException("the case's stored findings are not what this version reads: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** A JSON string field, or the empty string (for the verify stage's signals and families). */
  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** A claim in one line: value, document, quote, attribution. */
  static String claimLine(StoredFindings.Claim c) {
    return String.format(java.util.Locale.ROOT, "%-14s %s @%d-%d \"%s\"%s", c.value().normalized(),
        c.document(), c.start(), c.end(), c.quote(), c.attributedTo().map(a -> "  (per " + a + ")").orElse(""));
  }
}
