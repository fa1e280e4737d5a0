package org.dossier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dossier.pipeline.CaseFolder;

/** The link stage's stored findings, for the reading commands: brought up to date, then read. */
final class Stored {
  private static final ObjectMapper JSON = new ObjectMapper();

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

  static List<JsonNode> parse(List<String> rows) throws IOException {
    List<JsonNode> out = new ArrayList<>(rows.size());
    for (String r : rows) {
      out.add(JSON.readTree(r));
    }
    return out;
  }

  /** A JSON string field, or the empty string. */
  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** A claim in one line: value, document, quote, attribution. */
  static String claimLine(JsonNode c) {
    String attributed = text(c, "attributedTo");
    JsonNode v = c.get("value");
    return String.format(java.util.Locale.ROOT, "%-14s %s @%d-%d \"%s\"%s", text(v, "normalized"),
        text(c, "document"), c.get("start").asInt(), c.get("end").asInt(), text(c, "quote"),
        attributed.isEmpty() ? "" : "  (per " + attributed + ")");
  }
}
