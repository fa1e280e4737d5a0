package org.dossier.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;
import org.dossier.core.Qualifier;
import org.dossier.core.Quantity;
import org.dossier.core.Value;

/** How values are kept in the {@code mentions} table: the parts a {@link Value} needs, as JSON. */
final class AnalysisRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnalysisRows() {}

  static String detail(Value v) {
    ObjectNode n = JSON.createObjectNode();
    if (v instanceof Value.Money m) {
      quantity(n, m.amount());
      n.put("currency", m.currency());
    } else if (v instanceof Value.Things t) {
      quantity(n, t.number());
      n.put("thing", t.thing());
    } else if (v instanceof Value.Count c) {
      quantity(n, c.number());
      n.put("noun", c.noun());
    } else if (v instanceof Value.Percent p) {
      quantity(n, p.number());
    } else if (v instanceof Value.Date d) {
      n.put("iso", d.iso());
      n.put("relative", d.relative());
    }
    return n.toString();
  }

  private static void quantity(ObjectNode n, Quantity q) {
    n.put("low", q.low().toPlainString());
    n.put("high", q.high().toPlainString());
  }

  static Value value(String kind, String detail) {
    JsonNode n;
    try {
      n = JSON.readTree(detail);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored value is not JSON: " + detail, e);
    }
    return switch (kind) {
      case "money" -> new Value.Money(quantity(n), n.path("currency").asText());
      case "quantity" -> new Value.Things(quantity(n), n.path("thing").asText());
      case "count" -> new Value.Count(quantity(n), n.path("noun").asText());
      case "percent" -> new Value.Percent(quantity(n));
      case "date" -> new Value.Date(n.path("iso").asText(), n.path("relative").asBoolean());
      default -> throw new IllegalArgumentException("unknown value kind " + kind);
    };
  }

  private static Quantity quantity(JsonNode n) {
    return new Quantity(new BigDecimal(n.path("low").asText()), new BigDecimal(n.path("high").asText()));
  }

  static Optional<Qualifier> qualifier(String text, String bound) {
    if (text.isEmpty() || bound.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Qualifier(text, Qualifier.Bound.valueOf(bound)));
  }
}
