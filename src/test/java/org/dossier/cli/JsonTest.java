package org.dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static final ObjectMapper READ = new ObjectMapper();

  private static String whole(String field, List<JsonNode> rows) {
    StringWriter s = new StringWriter();
    Json.print(new PrintWriter(s), Map.of(field, rows));
    return s.toString();
  }

  private static String streamed(String field, List<JsonNode> rows) throws IOException {
    StringWriter s = new StringWriter();
    Json.printRows(new PrintWriter(s), field, row -> rows.forEach(row));
    return s.toString();
  }

  @Test
  void rowsPrintedOneAtATimeReadAsTheWholeListPrinted() throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    rows.add(READ.readTree("{\"id\":\"F1\",\"claims\":[{\"quote\":\"Верфь «Северная» получила 12 млн\",\"at\":[3,41]}],"
        + "\"status\":\"conflict\",\"value\":{\"low\":1.5E7,\"high\":null}}"));
    rows.add(READ.readTree("{\"id\":\"F2\",\"quote\":\"船厂获得了一千二百万\",\"tags\":[],\"nested\":{\"a\":{\"b\":[1,[2,3]]}}}"));
    rows.add(READ.readTree("{\"id\":\"F3\",\"quote\":\"a bell \\u0007 and an escape \\u001b[31m in a leaked text\"}"));
    for (int n = 0; n <= rows.size(); n++) {
      List<JsonNode> some = rows.subList(0, n);
      assertEquals(whole("facts", some), streamed("facts", some), n + " rows");
    }
    // what reaches a terminal is escaped the same way: no raw control character
    assertTrue(streamed("facts", rows).chars().noneMatch(c -> c < 0x20 && c != '\n'), "control characters escaped");
  }

  @Test
  void twoListsPrintedOneRowAtATimeReadAsTheWholeMapPrinted() throws IOException {
    List<JsonNode> signals = List.of(READ.readTree("{\"document\":\"ledger.pdf\",\"kind\":\"fonts\",\"evidence\":[1,2]}"),
        READ.readTree("{\"document\":\"备忘录.txt\",\"kind\":\"dates\"}"));
    List<JsonNode> families = List.of(READ.readTree("{\"principal\":\"a.txt\",\"members\":[{\"document\":\"b.txt\"}]}"));
    for (List<JsonNode> f : List.of(families, List.<JsonNode>of())) {
      Map<String, Object> whole = new java.util.LinkedHashMap<>();
      whole.put("signals", signals);
      whole.put("families", f);
      StringWriter w = new StringWriter();
      Json.print(new PrintWriter(w), whole);
      StringWriter s = new StringWriter();
      Json.printLists(new PrintWriter(s), List.of(Map.entry("signals", row -> signals.forEach(row)),
          Map.entry("families", row -> f.forEach(row))));
      assertEquals(w.toString(), s.toString(), f.size() + " families");
    }
  }

  @Test
  void aSourceThatFailsHalfWayFailsThePrinting() {
    IOException e = assertThrows(IOException.class, () -> Json.printRows(new PrintWriter(new StringWriter()), "facts",
        row -> {
          row.accept(READ.readTree("{\"id\":\"F1\"}"));
          throw new IOException("the case database failed: disk gone");
        }));
    assertEquals("the case database failed: disk gone", e.getMessage());
  }
}
