package org.dossier.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dossier.register.Cell;
import org.dossier.register.Citation;
import org.dossier.register.Column;
import org.dossier.register.Entry;
import org.dossier.register.EventRow;
import org.dossier.register.Transfer;
import org.dossier.report.Readable;

/**
 * The registers as JSON-ready maps, shared by {@code dossier register --json} and the web API:
 * {@code {"rows": [{"<column>": {"status", "explanation", "values": [{"value", "status",
 * "claims": [{"document", "start", "end", "quote"}]}]}}]}}.
 */
public final class RegisterViews {
  private RegisterViews() {}

  /** A row of the transfers register as {@code register transfers --json} lists it under {@code rows}. */
  public static Map<String, Object> transfer(Transfer t) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("story", t.story());
    row.put("title", t.title());
    for (Column c : Column.values()) {
      row.put(c.key(), cell(t.cell(c)));
    }
    return row;
  }

  /** A row of the events register as {@code register events --json} lists it under {@code events}. */
  public static Map<String, Object> event(EventRow e) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("date", e.date());
    n.put("what", e.what());
    n.put("kinds", e.kinds());
    n.put("story", e.story());
    n.put("fact", e.fact());
    n.put("status", e.status());
    n.put("alongside", e.alongside());
    n.put("explanation", e.explanation());
    n.put("place", cell(e.place()));
    n.put("participants", cell(e.participants()));
    n.put("origin", e.origin().code());
    n.put("claims", claims(e.citations()));
    return n;
  }

  public static Map<String, Object> cell(Cell c) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("status", c.status());
    n.put("explanation", c.explanation());
    List<Map<String, Object>> values = new ArrayList<>();
    for (Entry e : c.values()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("value", e.text());
      e.value().ifPresent(m -> {
        v.put("text", Readable.value(m));
        v.put("qualifier", m.qualifier().map(q -> q.text()).orElse(null));
      });
      if (!e.label().isEmpty()) {
        v.put("of", e.label());
      }
      if (!e.note().isEmpty()) {
        v.put("note", e.note());
      }
      if (!e.names().isEmpty()) {
        v.put("names", e.names());
      }
      v.put("status", e.origin().code());
      v.put("claims", claims(e.citations()));
      values.add(v);
    }
    n.put("values", values);
    return n;
  }

  private static List<Map<String, Object>> claims(List<Citation> citations) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Citation c : citations) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("document", c.document());
      m.put("start", c.start());
      m.put("end", c.end());
      m.put("quote", c.quote());
      out.add(m);
    }
    return out;
  }

  /** A value as a person reads it: a measure in words, with what it is of and a note. */
  public static String shown(Entry e) {
    String v = e.value().map(Readable::value).orElse(e.text());
    String of = e.label().isEmpty() ? "" : e.label() + ": ";
    String note = e.note().isEmpty() ? "" : " (" + e.note() + ")";
    String names = e.names().size() > 1 || e.names().size() == 1 && !e.names().get(0).equals(e.text())
        ? " [" + String.join(", ", e.names()) + "]" : "";
    String origin = switch (e.origin()) {
      case RECORD -> "";
      case DRAFT -> " (draft only)";
      case PRESS -> " (press only)";
    };
    return of + v + names + note + origin;
  }
}
