package org.dossier.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** JSON output of the commands. */
final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** Hands rows over one at a time. */
  interface Rows {
    void forEach(java.util.function.Consumer<JsonNode> row) throws IOException;
  }

  /**
   * Prints {@code {"field": [rows]}} as {@link #print} prints a map of one list, byte for byte, but
   * each row as {@code rows} hands it over: the list is never in memory.
   */
  static void printRows(PrintWriter out, String field, Rows rows) throws IOException {
    printLists(out, List.of(Map.entry(field, rows)));
  }

  /**
   * Prints {@code {"a": [rows], "b": [rows]}} as {@link #print} prints a map of these lists, byte
   * for byte, each list's rows as its {@code Rows} hands them over, one list after the other.
   */
  static void printLists(PrintWriter out, List<Map.Entry<String, Rows>> lists) throws IOException {
    JsonGenerator g = MAPPER.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    for (Map.Entry<String, Rows> list : lists) {
      g.writeFieldName(list.getKey());
      g.writeStartArray();
      try {
        list.getValue().forEach(row -> {
          try {
            g.writeTree(row);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.close();
    out.println();
    out.flush();
  }

  /** A value (a read model's map) as the tree {@link #print} would print. */
  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  static void print(PrintWriter out, Object value) {
    try {
      out.println(MAPPER.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
