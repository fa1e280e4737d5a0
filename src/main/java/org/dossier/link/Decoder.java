package org.dossier.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.dossier.core.Qualifier;

/**
 * The decoder of {@link StoredFindings}: the one place that reads the field names {@link
 * Findings} writes. Fields the contract requires must be there; the optional ones ({@code
 * qualifier}, {@code attributedTo}, {@code alternates}, a source's {@code outlet}, {@code
 * headline} and {@code date}, an evidence's {@code note}, an event's {@code alongside}, a
 * coverage claim's {@code explanation}) may be absent or null; {@code context} and {@code genre}
 * read as empty when a row written before they existed lacks them.
 */
final class Decoder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Decoder() {}

  static JsonNode tree(String row) {
    try {
      return JSON.readTree(row);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a stored finding is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  static StoredFindings.Story story(JsonNode n) {
    List<String> docs = strings(n, "documents");
    List<String> genres = n.has("genres") ? strings(n, "genres") : List.of();
    List<StoredFindings.Member> members = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      members.add(new StoredFindings.Member(docs.get(i), i < genres.size() ? genres.get(i) : ""));
    }
    return new StoredFindings.Story(text(n, "id"), text(n, "title"), members);
  }

  static StoredFindings.Fact fact(JsonNode n) {
    return new StoredFindings.Fact(text(n, "id"), text(n, "story"), text(n, "subject"), text(n, "property"),
        text(n, "status"), text(n, "explanation"), list(n, "claims", Decoder::claim));
  }

  static StoredFindings.Claim claim(JsonNode n) {
    return new StoredFindings.Claim(text(n, "document"), integer(n, "start"), integer(n, "end"), text(n, "quote"),
        value(field(n, "value")), optional(n, "attributedTo"), optional(n, "context").orElse(""),
        optional(n, "genre").orElse(""), reading(n));
  }

  /** The stage's reading of a claim; empty in findings of a version that did not store it. */
  private static StoredFindings.Reading reading(JsonNode n) {
    if (!n.hasNonNull("sentenceStart")) {
      return StoredFindings.Reading.NONE;
    }
    List<String> events = n.hasNonNull("events") ? strings(n, "events") : List.of();
    JsonNode draft = n.get("draft");
    return new StoredFindings.Reading(integer(n, "sentenceStart"), integer(n, "sentenceEnd"), java.util.Set.copyOf(events),
        optional(n, "entityType"), draft != null && draft.asBoolean());
  }

  static StoredFindings.Value value(JsonNode n) {
    Optional<Qualifier> qualifier = optional(n, "qualifier").map(q -> new Qualifier(q, bound(n)));
    List<String> alternates = n.hasNonNull("alternates") ? strings(n, "alternates") : List.of();
    return new StoredFindings.Value(text(n, "kind"), text(n, "text"), text(n, "normalized"), qualifier, alternates);
  }

  private static Qualifier.Bound bound(JsonNode value) {
    String b = text(value, "bound");
    try {
      return Qualifier.Bound.valueOf(b.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw malformed(value, "bound", "an unknown bound \"" + b + "\"");
    }
  }

  static StoredFindings.Source source(JsonNode n) {
    Optional<LocalDate> date;
    try {
      date = optional(n, "date").map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw malformed(n, "date", "not an ISO date");
    }
    return new StoredFindings.Source(text(n, "document"), text(n, "kind"), optional(n, "genre").orElse(""),
        optional(n, "outlet"), optional(n, "headline"), date, list(n, "links", Decoder::link),
        list(n, "evidence", Decoder::evidence), optional(n, "address"),
        n.hasNonNull("setByHand") ? java.util.Set.copyOf(strings(n, "setByHand")) : java.util.Set.of());
  }

  static StoredFindings.Link link(JsonNode n) {
    JsonNode inCase = n.get("inCase");
    return new StoredFindings.Link(text(n, "to"), text(n, "relation"), inCase != null && inCase.asBoolean(),
        list(n, "evidence", Decoder::evidence), optional(n, "target").orElse(""));
  }

  static StoredFindings.Evidence evidence(JsonNode n) {
    return new StoredFindings.Evidence(text(n, "document"), integer(n, "start"), integer(n, "end"), text(n, "quote"),
        optional(n, "note"));
  }

  static StoredFindings.Event event(JsonNode n) {
    List<String> alongside = n.hasNonNull("alongside") ? strings(n, "alongside") : List.of();
    return new StoredFindings.Event(text(n, "date"), text(n, "what"), text(n, "fact"), text(n, "story"),
        text(n, "status"), alongside, list(n, "claims", Decoder::claim));
  }

  static StoredFindings.Coverage coverage(JsonNode n) {
    return new StoredFindings.Coverage(claim(n), text(n, "subject"), text(n, "property"), text(n, "status"),
        optional(n, "explanation"), list(n, "evidence", Decoder::claim));
  }

  // ------------------------------------------------------------------ fields

  private static JsonNode field(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw malformed(n, name, "missing");
    }
    return v;
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = field(n, name);
    if (!v.isValueNode()) {
      throw malformed(n, name, "not a string");
    }
    return v.asText();
  }

  private static int integer(JsonNode n, String name) {
    JsonNode v = field(n, name);
    if (!v.canConvertToInt()) {
      throw malformed(n, name, "not an integer");
    }
    return v.asInt();
  }

  private static Optional<String> optional(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  private static List<String> strings(JsonNode n, String name) {
    return list(n, name, JsonNode::asText);
  }

  private static <T> List<T> list(JsonNode n, String name, Function<JsonNode, T> item) {
    JsonNode v = field(n, name);
    if (!v.isArray()) {
      throw malformed(n, name, "not a list");
    }
    List<T> out = new ArrayList<>(v.size());
    v.forEach(x -> out.add(item.apply(x)));
    return out;
  }

  private static IllegalArgumentException malformed(JsonNode n, String name, String what) {
    String row = n.toString();
    return new IllegalArgumentException("a stored finding's \"" + name + "\" is " + what + ": "
        + (row.length() > 200 ? row.substring(0, 197) + "..." : row));
  }
}
