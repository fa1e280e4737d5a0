package org.dossier.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.DocumentId;

/**
 * A document's {@link Checked} as the store keeps it between the verify stage's tasks: JSON, read
 * and written here only. The signature is kept apart ({@link #signature}), so that the checks
 * across documents read every document's checks without its signature.
 */
public final class StoredChecks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> EVIDENCE = new TypeReference<>() {};

  private StoredChecks() {}

  /** The checks of a document, without its signature. */
  public static String json(Checked c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", c.id().sha256());
    n.put("name", c.name());
    ArrayNode signals = n.putArray("signals");
    for (Signal s : c.signals()) {
      ObjectNode x = signals.addObject();
      x.put("document", s.document().sha256());
      x.put("kind", s.kind());
      x.put("severity", s.severity().name());
      x.put("explanation", s.explanation());
      x.set("evidence", JSON.valueToTree(s.evidence()));
      x.put("innocent", s.innocentExplanation());
    }
    n.put("draft", c.draft());
    n.put("tracked", c.tracked());
    n.put("signed", c.signed());
    c.date().ifPresent(d -> n.put("date", d.toString()));
    ArrayNode ids = n.putArray("identifiers");
    c.identifiers().forEach(ids::add);
    if (c.rsidRoot() != null) {
      n.put("rsidRoot", c.rsidRoot());
    }
    if (c.messageId() != null) {
      n.put("messageId", c.messageId());
    }
    ArrayNode parents = n.putArray("parents");
    c.parents().forEach(parents::add);
    c.letter().ifPresent(l -> {
      ObjectNode x = n.putObject("letter");
      x.put("series", l.series());
      x.put("number", l.number());
      x.put("date", l.date().toString());
      x.put("quote", l.quote());
    });
    return n.toString();
  }

  /** The checks stored by {@link #json}, without their signature. */
  public static Checked checked(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored verification is not JSON", e);
    }
    List<Signal> signals = new ArrayList<>();
    for (JsonNode x : n.path("signals")) {
      signals.add(new Signal(new DocumentId(x.get("document").asText()), x.get("kind").asText(),
          Kinds.Severity.valueOf(x.get("severity").asText()), x.get("explanation").asText(),
          JSON.convertValue(x.get("evidence"), EVIDENCE), x.get("innocent").asText()));
    }
    List<String> ids = new ArrayList<>();
    n.path("identifiers").forEach(x -> ids.add(x.asText()));
    List<String> parents = new ArrayList<>();
    n.path("parents").forEach(x -> parents.add(x.asText()));
    JsonNode l = n.path("letter");
    Optional<Checked.Letter> letter = l.isObject() ? Optional.of(new Checked.Letter(l.get("series").asText(),
        l.get("number").asLong(), LocalDate.parse(l.get("date").asText()), l.get("quote").asText())) : Optional.empty();
    return new Checked(new DocumentId(n.get("id").asText()), n.get("name").asText(), signals, null,
        n.path("draft").asBoolean(), n.path("tracked").asBoolean(), n.path("signed").asBoolean(),
        n.hasNonNull("date") ? Optional.of(LocalDate.parse(n.get("date").asText())) : Optional.empty(), ids,
        n.hasNonNull("rsidRoot") ? n.get("rsidRoot").asText() : null,
        n.hasNonNull("messageId") ? n.get("messageId").asText() : null, parents, letter);
  }

  /** A signature as the store keeps it: its hashes, as decimal numbers separated by spaces. */
  public static String signature(long[] signature) {
    StringBuilder b = new StringBuilder(signature.length * 20);
    for (long h : signature) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(h);
    }
    return b.toString();
  }

  /** The signature {@link #signature(long[])} wrote. */
  public static long[] signature(String stored) {
    String[] parts = stored.split(" ");
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Long.parseLong(parts[i]);
    }
    return out;
  }
}
