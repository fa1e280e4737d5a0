package org.dossier.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.dossier.core.DocumentId;
import org.dossier.core.EntityType;
import org.dossier.core.Qualifier;
import org.dossier.core.Quantity;
import org.dossier.core.Span;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;

/**
 * One document's reading by the link stage ({@link Linker#read}): what the stage keeps of it to
 * form stories, facts and sources, and the same as text and back, whole: its
 * claims with their frames, features, shingles, quotes, cited outlets and marks. A worker reads a
 * share of the case's documents and keeps their readings; the task that forms the stories takes
 * them back instead of reading every text itself. The encoding is this class's alone: a reading
 * is kept only for the version of the stage that made it.
 */
public final class Reading {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Summary summary;

  Reading(Summary summary) {
    this.summary = summary;
  }

  /** The document read. */
  public DocumentId document() {
    return summary.id;
  }

  /** Its claims, as the analyst's judgements left them. */
  public List<Claim> claims() {
    return summary.claims;
  }

  /** The reading as one line of JSON. */
  public String encode() {
    Summary s = summary;
    ObjectNode n = JSON.createObjectNode();
    n.put("id", s.id.sha256());
    n.put("name", s.name);
    n.put("fileName", s.fileName);
    n.put("language", s.language);
    s.date.ifPresent(d -> n.put("date", d.toString()));
    n.set("genre", genre(s.genre));
    ArrayNode claims = n.putArray("claims");
    s.claims.forEach(c -> claims.add(claim(c, s.id)));
    n.put("headline", s.headline);
    s.address.ifPresent(a -> n.put("address", a));
    strings(n.putArray("given"), s.given.stream().sorted().toList());
    ObjectNode features = n.putObject("features");
    // in the map's own order, which taking them back in restores: the stories' scores are sums over it
    s.features.forEach(features::put);
    strings(n.putArray("entityNames"), s.entityNames);
    strings(n.putArray("valueKeys"), s.valueKeys);
    ArrayNode shingles = n.putArray("shingles");
    for (Summary.Shingle sh : s.shingles) {
      ArrayNode a = shingles.addArray();
      a.add(sh.hash()).add(sh.start()).add(sh.end()).add(sh.words());
    }
    n.put("shingleTotal", s.shingleTotal);
    ArrayNode quotes = n.putArray("quotes");
    s.quotes.forEach(q -> quotes.addObject().put("key", q.key()).set("evidence", evidence(q.evidence())));
    cites(n.putArray("cites"), s.cites);
    s.wire.ifPresent(w -> n.set("wire", cite(w)));
    cites(n.putArray("credits"), s.credits);
    ArrayNode marks = n.putArray("translationMarks");
    s.translationMarks.forEach(e -> marks.add(evidence(e)));
    s.translatedFrom.ifPresent(t -> n.set("translatedFrom", cite(t)));
    n.put("translationWeight", s.translationWeight);
    n.put("sentences", s.sentences);
    s.monthDay.ifPresent(m -> n.put("monthDay", m.toString()));
    return n.toString();
  }

  /**
   * A reading {@link #encode} wrote.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static Reading decode(String line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a stored reading is not JSON: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("a stored reading is not a JSON object");
    }
    try {
      DocumentId id = new DocumentId(text(n, "id"));
      // the reading's name and sentences are in many of its parts (claims, evidence): one copy of each
      UnaryOperator<String> one = Claim.sharing();
      Summary s = new Summary(id, one.apply(text(n, "name")), one.apply(text(n, "fileName")), text(n, "language"),
          optional(n, "date").map(LocalDate::parse), genre(n.get("genre")), Claim.shared(list(n.get("claims"), c -> claim(c, id)), one),
          text(n, "headline"), optional(n, "address"), Set.copyOf(list(n.get("given"), JsonNode::asText)),
          integer(n, "sentences"), optional(n, "monthDay").map(MonthDay::parse));
      n.get("features").fields().forEachRemaining(e -> s.features.put(Summary.intern(e.getKey()), e.getValue().asInt()));
      s.entityNames.addAll(list(n.get("entityNames"), e -> Summary.intern(e.asText())));
      s.valueKeys.addAll(list(n.get("valueKeys"), v -> Summary.intern(v.asText())));
      for (JsonNode a : n.get("shingles")) {
        s.shingles.add(new Summary.Shingle(a.get(0).asLong(), a.get(1).asInt(), a.get(2).asInt(), a.get(3).asText()));
      }
      s.shingleTotal = integer(n, "shingleTotal");
      for (JsonNode q : n.get("quotes")) {
        s.quotes.add(new Summary.Quote(text(q, "key"), evidence(q.get("evidence"), one)));
      }
      s.cites.addAll(list(n.get("cites"), c -> cite(c, one)));
      s.wire = Optional.ofNullable(n.get("wire")).map(c -> cite(c, one));
      s.credits.addAll(list(n.get("credits"), c -> cite(c, one)));
      s.translationMarks.addAll(list(n.get("translationMarks"), e -> evidence(e, one)));
      s.translatedFrom = Optional.ofNullable(n.get("translatedFrom")).map(c -> cite(c, one));
      s.translationWeight = integer(n, "translationWeight");
      return new Reading(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("a stored reading is malformed: " + e, e);
    }
  }

  // ------------------------------------------------------------------ parts

  private static ObjectNode genre(Genre g) {
    ObjectNode n = JSON.createObjectNode().put("kind", g.kind());
    g.outlet().ifPresent(o -> n.put("outlet", o));
    strings(n.putArray("evidence"), g.evidence());
    return n;
  }

  private static Genre genre(JsonNode n) {
    return new Genre(text(n, "kind"), optional(n, "outlet"), list(n.get("evidence"), e -> Summary.intern(e.asText())));
  }

  /** A claim; its document only when not the reading's own (it always is, as the stage reads). */
  private static ObjectNode claim(Claim c, DocumentId reading) {
    ObjectNode n = JSON.createObjectNode();
    if (!c.document().equals(reading)) {
      n.put("document", c.document().sha256());
    }
    n.put("start", c.span().start()).put("end", c.span().end());
    n.put("quote", c.quote());
    n.put("sentenceStart", c.sentence().start()).put("sentenceEnd", c.sentence().end());
    n.put("context", c.context());
    n.set("stated", stated(c.stated()));
    c.attributedTo().ifPresent(a -> n.put("attributedTo", a));
    n.put("subject", c.subject()).put("property", c.property()).put("draft", c.draftDocument());
    ObjectNode f = n.putObject("frame").put("dimension", c.frame().dimension());
    strings(f.putArray("head"), c.frame().head().stream().sorted().toList());
    strings(f.putArray("keys"), c.frame().keys());
    ArrayNode w = f.putArray("weights"); // as bits: exact
    for (String k : c.frame().keys()) {
      w.add(Float.floatToIntBits(c.frame().weight(k)));
    }
    return n;
  }

  private static Claim claim(JsonNode n, DocumentId reading) {
    JsonNode f = n.get("frame");
    List<String> keys = list(f.get("keys"), k -> Summary.intern(k.asText()));
    JsonNode w = f.get("weights");
    float[] weights = new float[w.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Float.intBitsToFloat(w.get(i).asInt());
    }
    Frame frame = new Frame(text(f, "dimension"), new LinkedHashSet<>(list(f.get("head"), JsonNode::asText)), keys, weights);
    return new Claim(optional(n, "document").map(DocumentId::new).orElse(reading), new Span(integer(n, "start"), integer(n, "end")),
        text(n, "quote"), new Span(integer(n, "sentenceStart"), integer(n, "sentenceEnd")), text(n, "context"),
        stated(n.get("stated")), optional(n, "attributedTo"), text(n, "subject"), text(n, "property"),
        n.get("draft").asBoolean(), frame);
  }

  private static ObjectNode stated(Claim.Stated s) {
    ObjectNode n = JSON.createObjectNode();
    if (s instanceof Claim.Measure m) {
      n.put("as", "measure");
      ValueMention v = m.value();
      n.put("start", v.span().start()).put("end", v.span().end()).put("text", v.text());
      n.set("value", value(v.value()));
      v.qualifier().ifPresent(q -> n.put("qualifier", q.text()).put("bound", q.bound().name()));
      ArrayNode alt = n.putArray("alternates");
      m.alternates().forEach(a -> alt.add(value(a)));
    } else if (s instanceof Claim.Named nm) {
      n.put("as", "named").put("name", nm.name()).put("type", nm.type().name()).put("text", nm.text());
    } else if (s instanceof Claim.Trait t) {
      n.put("as", "trait").put("property", t.property()).put("value", t.value()).put("text", t.text());
    } else if (s instanceof Claim.Said said) {
      n.put("as", "said").put("text", said.text());
    }
    return n;
  }

  private static Claim.Stated stated(JsonNode n) {
    return switch (text(n, "as")) {
      case "measure" -> new Claim.Measure(new ValueMention(new Span(integer(n, "start"), integer(n, "end")), text(n, "text"),
          value(n.get("value")), optional(n, "qualifier").map(q -> new Qualifier(q, Qualifier.Bound.valueOf(text(n, "bound"))))),
          list(n.get("alternates"), Reading::value));
      case "named" -> new Claim.Named(text(n, "name"), EntityType.valueOf(text(n, "type")), text(n, "text"));
      case "trait" -> new Claim.Trait(text(n, "property"), text(n, "value"), text(n, "text"));
      case "said" -> new Claim.Said(text(n, "text"));
      default -> throw new IllegalArgumentException("an unknown claim kind " + n.get("as"));
    };
  }

  /** A value with its numbers as written by {@link BigDecimal#toString}, so that scale survives. */
  private static ObjectNode value(Value v) {
    ObjectNode n = JSON.createObjectNode().put("kind", v.kind());
    if (v instanceof Value.Money m) {
      quantity(n, m.amount()).put("currency", m.currency());
    } else if (v instanceof Value.Things t) {
      quantity(n, t.number()).put("thing", t.thing());
    } else if (v instanceof Value.Count c) {
      quantity(n, c.number()).put("noun", c.noun());
    } else if (v instanceof Value.Percent p) {
      quantity(n, p.number());
    } else if (v instanceof Value.Date d) {
      n.put("iso", d.iso()).put("relative", d.relative());
    }
    return n;
  }

  private static ObjectNode quantity(ObjectNode n, Quantity q) {
    return n.put("low", q.low().toString()).put("high", q.high().toString());
  }

  private static Value value(JsonNode n) {
    return switch (text(n, "kind")) {
      case "money" -> new Value.Money(quantity(n), text(n, "currency"));
      case "quantity" -> new Value.Things(quantity(n), text(n, "thing"));
      case "count" -> new Value.Count(quantity(n), text(n, "noun"));
      case "percent" -> new Value.Percent(quantity(n));
      case "date" -> new Value.Date(text(n, "iso"), n.get("relative").asBoolean());
      default -> throw new IllegalArgumentException("an unknown value kind " + n.get("kind"));
    };
  }

  private static Quantity quantity(JsonNode n) {
    return new Quantity(new BigDecimal(text(n, "low")), new BigDecimal(text(n, "high")));
  }

  private static ObjectNode evidence(Evidence e) {
    return JSON.createObjectNode().put("document", e.document()).put("start", e.start()).put("end", e.end())
        .put("quote", e.quote()).put("note", e.note());
  }

  /** Evidence, its strings one copy each across the reading ({@code one}). */
  private static Evidence evidence(JsonNode n, UnaryOperator<String> one) {
    return new Evidence(one.apply(text(n, "document")), integer(n, "start"), integer(n, "end"), one.apply(text(n, "quote")),
        one.apply(text(n, "note")));
  }

  private static void cites(ArrayNode a, List<Summary.Cite> cites) {
    cites.forEach(c -> a.add(cite(c)));
  }

  private static ObjectNode cite(Summary.Cite c) {
    ObjectNode n = JSON.createObjectNode().put("outlet", c.outlet()).put("how", c.how()).put("outletLike", c.outletLike());
    n.set("evidence", evidence(c.evidence()));
    return n;
  }

  private static Summary.Cite cite(JsonNode n, UnaryOperator<String> one) {
    // outlets and the ways of citing them recur across the case: one copy of each
    return new Summary.Cite(Summary.intern(text(n, "outlet")), Summary.intern(text(n, "how")), evidence(n.get("evidence"), one),
        n.get("outletLike").asBoolean());
  }

  // ------------------------------------------------------------------ fields

  private static void strings(ArrayNode a, Iterable<String> values) {
    values.forEach(a::add);
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("\"" + name + "\" is missing or not a string");
    }
    return v.asText();
  }

  private static int integer(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || !v.canConvertToInt()) {
      throw new IllegalArgumentException("\"" + name + "\" is missing or not an integer");
    }
    return v.asInt();
  }

  private static Optional<String> optional(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  private static <T> List<T> list(JsonNode v, Function<JsonNode, T> item) {
    if (v == null || !v.isArray()) {
      throw new IllegalArgumentException("a list is missing");
    }
    List<T> out = new ArrayList<>(v.size());
    v.forEach(x -> out.add(item.apply(x)));
    return out;
  }
}
