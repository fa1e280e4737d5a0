package org.dossier.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dossier.core.DocumentId;
import org.dossier.core.Qualifier;
import org.dossier.core.Value;

/**
 * The link stage's results as the JSON the commands print (the contracts of {@code stories},
 * {@code facts}, {@code sources}, {@code timeline} and {@code coverage}), one row per item, so
 * that the store can keep them and a reading command only selects.
 */
public final class Findings implements Linker.Sink {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One stored item. */
  public record Row(String kind, String id, String story, String status, String document, ObjectNode json) {}

  public static final String STORY = "story";
  public static final String FACT = "fact";
  public static final String SOURCE = "source";
  public static final String EVENT = "event";
  public static final String COVERAGE = "coverage";
  /** Every kind the link stage writes, which it replaces together. */
  public static final List<String> KINDS = List.of(STORY, FACT, SOURCE, EVENT, COVERAGE);

  private final java.util.function.Consumer<Row> out;
  /** The case's documents and stories, from {@link #documents}. */
  private Linker.Documents r;
  private final Map<DocumentId, String> storyOf = new HashMap<>();
  /** Each story's latest document date. */
  private final Map<String, java.time.LocalDate> storyDates = new HashMap<>();
  /**
   * A timeline event of a story written so far, as the text of its JSON (its tree would take
   * several times the memory, held until the end) and what it is sorted by.
   */
  private record Event(String date, String what, String story, String status, String json) {}

  /** The timeline's events of the stories written so far: sorted by date across stories at the end. */
  private final List<Event> events = new ArrayList<>();
  /** Coverage rows written so far. */
  private int covered;
  /** Whether the case has documents of its own beside the press: coverage sets press figures against them. */
  private boolean anyRecords;

  private Findings(java.util.function.Consumer<Row> out) {
    this.out = out;
  }

  public static List<Row> of(Linker.Result r) {
    List<Row> out = new ArrayList<>();
    forEach(r, out::add);
    return out;
  }

  /**
   * The rows of {@link #of}, each handed to {@code sink} as it is made: a case's facts as JSON
   * trees take several times the memory of the facts themselves, so a caller that writes each row
   * out (as text) keeps one tree at a time, not every row's.
   */
  public static void forEach(Linker.Result r, java.util.function.Consumer<Row> sink) {
    Findings w = new Findings(sink);
    w.documents(new Linker.Documents(r.stories(), r.genres(), r.names(), r.dates(), r.headlines(), r.addresses(),
        r.setByHand()));
    Map<String, List<Fact>> facts = new HashMap<>();
    r.facts().forEach(f -> facts.computeIfAbsent(f.story(), k -> new ArrayList<>()).add(f));
    Map<DocumentId, List<Claim>> claims = new HashMap<>();
    r.claims().forEach(c -> claims.computeIfAbsent(c.document(), k -> new ArrayList<>()).add(c));
    for (Story s : r.stories()) {
      List<Claim> own = new ArrayList<>();
      s.documents().forEach(d -> own.addAll(claims.getOrDefault(d, List.of())));
      w.story(s, facts.getOrDefault(s.id(), List.of()), own);
    }
    w.sources(r.sources());
  }

  /**
   * The rows of the findings as the link stage's end forms them ({@link Linker#finish(Linker.Sink)}),
   * each handed to {@code sink} as it is made: the stories first, each story's facts and coverage
   * as the end reaches it, the sources and the timeline (sorted by date across the stories) last.
   * The rows of one kind come in the order {@link #of} gives them.
   */
  public static Linker.Sink writer(java.util.function.Consumer<Row> sink) {
    return new Findings(sink);
  }

  @Override
  public void documents(Linker.Documents d) {
    r = d;
    for (Story s : r.stories()) {
      s.documents().forEach(x -> storyOf.put(x, s.id()));
      s.documents().stream().map(x -> r.dates().get(x)).filter(java.util.Objects::nonNull)
          .max(java.util.Comparator.naturalOrder()).ifPresent(x -> storyDates.put(s.id(), x));
    }
    anyRecords = r.genres().values().stream().anyMatch(g -> !g.press());
    for (Story s : r.stories()) {
      ObjectNode n = JSON.createObjectNode();
      n.put("id", s.id());
      n.put("title", s.title());
      ArrayNode docs = n.putArray("documents");
      s.documents().forEach(x -> docs.add(name(x)));
      ArrayNode kinds = n.putArray("genres");
      s.documents().forEach(x -> kinds.add(r.genres().get(x).kind()));
      out.accept(new Row(STORY, s.id(), s.id(), "", "", n));
    }
  }

  @Override
  public void story(Story story, List<Fact> facts, List<Claim> claims) {
    for (Fact f : facts) {
      out.accept(new Row(FACT, f.id(), f.story(), f.status(), "", fact(f)));
    }
    events(facts);
    coverage(facts, claims);
  }

  @Override
  public void sources(List<Provenance> sources) {
    for (Provenance p : sources) {
      out.accept(new Row(SOURCE, name(p.document()), storyOf.getOrDefault(p.document(), ""), p.kind(),
          name(p.document()), source(p)));
    }
    timeline();
  }

  private String name(DocumentId id) {
    return r.names().getOrDefault(id, id.sha256());
  }

  private ObjectNode fact(Fact f) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", f.id());
    n.put("key", f.key());
    n.put("story", f.story());
    n.put("subject", f.subject());
    n.put("property", f.property());
    n.put("status", f.status());
    n.put("explanation", f.explanation());
    ArrayNode claims = n.putArray("claims");
    f.claims().forEach(c -> claims.add(claim(c)));
    return n;
  }

  ObjectNode claim(Claim c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("document", name(c.document()));
    n.put("quote", c.quote());
    n.put("start", c.span().start());
    n.put("end", c.span().end());
    ObjectNode v = n.putObject("value");
    v.put("kind", c.stated().kind());
    v.put("text", c.stated().text());
    v.put("normalized", c.stated().normalized());
    Optional<Qualifier> q = c.qualifier();
    if (q.isPresent()) {
      v.put("qualifier", q.get().text());
      v.put("bound", q.get().bound().name().toLowerCase(java.util.Locale.ROOT));
    } else {
      v.putNull("qualifier");
    }
    List<org.dossier.core.Value> alternates = c.measure().map(Claim.Measure::alternates).orElse(List.of());
    if (!alternates.isEmpty()) {
      ArrayNode alt = v.putArray("alternates");
      alternates.forEach(a -> alt.add(a.normalized()));
    }
    if (c.attributedTo().isPresent()) {
      n.put("attributedTo", c.attributedTo().get());
    } else {
      n.putNull("attributedTo");
    }
    n.put("context", c.context());
    n.put("genre", r.genres().get(c.document()).kind());
    // the stage's reading of the claim, for the registers: its sentence, the events its head
    // names (what a date dates, what an amount prices), a name's type, a draft's mark
    n.put("sentenceStart", c.sentence().start());
    n.put("sentenceEnd", c.sentence().end());
    ArrayNode events = n.putArray("events");
    c.frame().head().stream().filter(h -> h.startsWith("x:") && !h.startsWith("x:period-")).map(h -> h.substring(2))
        .sorted().forEach(events::add);
    if (c.stated() instanceof Claim.Named named) {
      n.put("entityType", named.type().code());
    }
    if (c.draftDocument()) {
      n.put("draft", true);
    }
    return n;
  }

  private ObjectNode source(Provenance p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("document", name(p.document()));
    n.put("kind", p.kind());
    n.put("genre", p.genre().kind());
    p.genre().outlet().ifPresent(o -> n.put("outlet", o));
    String headline = r.headlines().get(p.document());
    if (headline != null) {
      n.put("headline", headline);
    }
    java.time.LocalDate date = r.dates().get(p.document());
    if (date != null) {
      n.put("date", date.toString());
    }
    String address = r.addresses().get(p.document());
    if (address != null) {
      n.put("address", address);
    }
    java.util.Set<String> set = r.setByHand().getOrDefault(p.document(), java.util.Set.of());
    if (!set.isEmpty()) {
      ArrayNode byHand = n.putArray("setByHand");
      set.forEach(byHand::add);
    }
    ArrayNode links = n.putArray("links");
    for (SourceLink l : p.links()) {
      ObjectNode ln = links.addObject();
      ln.put("to", l.to());
      ln.put("relation", l.relation());
      ln.put("inCase", l.toDocument().isPresent());
      ln.put("target", l.target(p.document()));
      ArrayNode ev = ln.putArray("evidence");
      l.evidence().forEach(e -> ev.add(evidence(e)));
    }
    ArrayNode ev = n.putArray("evidence");
    p.evidence().forEach(e -> ev.add(evidence(e)));
    return n;
  }

  static ObjectNode evidence(Evidence e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("document", e.document());
    n.put("start", e.start());
    n.put("end", e.end());
    n.put("quote", e.quote());
    if (!e.note().isEmpty()) {
      n.put("note", e.note());
    }
    return n;
  }

  /** Dated events from a story's date facts; the dates of a conflict side by side. */
  private void events(List<Fact> facts) {
    for (Fact f : facts) {
      if (!f.property().equals("date") && !f.property().equals("expected date") || f.claims().stream().allMatch(this::expected)) {
        continue; // a timeline holds what happened; a date its documents give as still to come is a plan
      }
      // dates that agree (one a coarser form of the other) are one row, at the most precise
      List<Claim> sorted = new ArrayList<>(f.claims());
      sorted.sort(Comparator.comparingInt((Claim c) -> -c.stated().normalized().length()));
      Map<String, List<Claim>> byDate = new TreeMap<>();
      for (Claim c : sorted) {
        String iso = c.stated().normalized();
        String within = c.measure().map(m -> m.value().value()).filter(v -> v instanceof Value.Date)
            .map(v -> ((Value.Date) v).prefix()).orElse(iso); // a decade holds its years
        String home = byDate.keySet().stream().filter(k -> k.startsWith(within)).findFirst().orElse(iso);
        byDate.computeIfAbsent(home, k -> new ArrayList<>()).add(c);
      }
      for (Map.Entry<String, List<Claim>> e : byDate.entrySet()) {
        ObjectNode n = JSON.createObjectNode();
        n.put("date", e.getKey());
        n.put("what", f.subject());
        n.put("fact", f.id());
        n.put("story", f.story());
        n.put("status", f.status());
        if (byDate.size() > 1) {
          ArrayNode other = n.putArray("alongside");
          byDate.keySet().stream().filter(d -> !d.equals(e.getKey())).forEach(other::add);
        }
        ArrayNode claims = n.putArray("claims");
        e.getValue().forEach(c -> claims.add(claim(c)));
        events.add(new Event(n.get("date").asText(), n.get("what").asText(), n.get("story").asText(),
            n.get("status").asText(), n.toString()));
      }
    }
  }

  /** The events of every story, by date (a stable sort: of one date and subject, in the stories' order). */
  private void timeline() {
    events.sort(Comparator.comparing(Event::date).thenComparing(Event::what));
    int made = 0;
    for (Event e : events) {
      ObjectNode n;
      try {
        n = (ObjectNode) JSON.readTree(e.json());
      } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
        throw new IllegalStateException("an event's own JSON does not read back: " + x.getOriginalMessage(), x);
      }
      out.accept(new Row(EVENT, "E" + (++made), e.story(), e.status(), "", n));
    }
    events.clear();
  }

  /**
   * True when a date claim is of something still to come when it was written: a deadline or a
   * forecast ("by 2027", "as early as 2027"), or a date after its document's own date (or, for
   * an undated document, after the latest date of its story's documents).
   */
  private boolean expected(Claim c) {
    if (c.property().equals("expected date")) {
      return true;
    }
    if (c.qualifier().filter(q -> q.bound() == Qualifier.Bound.BY || q.bound() == Qualifier.Bound.FROM).isPresent()) {
      return true;
    }
    if (!(c.measure().map(m -> m.value().value()).orElse(null) instanceof org.dossier.core.Value.Date d)) {
      return false;
    }
    java.time.LocalDate now = r.dates().get(c.document());
    if (now == null) {
      now = storyDates.get(storyOf.get(c.document()));
    }
    return now != null && ClaimExtractor.later(d, java.util.Optional.of(now));
  }

  /**
   * Each press claim of a story against the claims of the cache's own documents in the same fact:
   * the records say the same (supported), something else (contradicted), or nothing (not found).
   */
  private void coverage(List<Fact> facts, List<Claim> claims) {
    Map<Claim, List<Claim>> records = new java.util.IdentityHashMap<>();
    for (Fact f : facts) {
      List<Claim> own = new ArrayList<>();
      for (Claim c : f.claims()) {
        if (!r.genres().get(c.document()).press()) {
          own.add(c);
        }
      }
      for (Claim c : f.claims()) {
        if (r.genres().get(c.document()).press()) {
          records.put(c, own);
        }
      }
    }
    if (!anyRecords) {
      return;
    }
    for (Claim c : claims) {
      if (!r.genres().get(c.document()).press()) {
        continue;
      }
      if (c.measure().isEmpty()) {
        continue; // names and statements are compared in the facts; coverage sets figures against records
      }
      List<Claim> against = records.getOrDefault(c, List.of());
      List<Claim> support = new ArrayList<>();
      List<Claim> draftSupport = new ArrayList<>();
      List<Claim> contra = new ArrayList<>();
      List<String> why = new ArrayList<>();
      boolean pressPreliminary = c.preliminary();
      for (Claim d : against) {
        Comparison.Result res = Comparison.compare(c, d);
        boolean prelim = d.preliminary();
        switch (res.verdict()) {
          case AGREE -> (prelim && !pressPreliminary ? draftSupport : support).add(d);
          case CONFLICT -> {
            contra.add(d);
            why.add(res.why());
          }
          case DIVERGENT -> {
            if (res.comparable()) {
              if (prelim && !pressPreliminary) {
                continue;
              }
              support.add(d);
              why.add(res.why());
            }
          }
        }
      }
      String status;
      List<Claim> evidence = new ArrayList<>();
      if (!support.isEmpty()) {
        status = "supported";
        evidence.addAll(support);
      } else if (!contra.isEmpty()) {
        status = "contradicted";
        evidence.addAll(contra);
        evidence.addAll(draftSupport);
        if (!draftSupport.isEmpty()) {
          why.add("the figure matches only a draft");
        }
      } else if (!draftSupport.isEmpty()) {
        status = "supported";
        evidence.addAll(draftSupport);
        why.add("only a draft gives this figure");
      } else {
        status = "not-found";
      }
      ObjectNode n = claim(c);
      n.put("subject", c.subject());
      n.put("property", c.property());
      n.put("status", status);
      if (!why.isEmpty()) {
        n.put("explanation", String.join("; ", why.stream().distinct().toList()));
      }
      ArrayNode ev = n.putArray("evidence");
      for (Claim d : evidence.subList(0, Math.min(evidence.size(), 6))) {
        ev.add(claim(d));
      }
      out.accept(new Row(COVERAGE, "C" + (++covered), storyOf.getOrDefault(c.document(), ""), status, name(c.document()), n));
    }
  }
}
