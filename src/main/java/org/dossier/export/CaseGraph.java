package org.dossier.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dossier.link.StoredFindings;
import org.dossier.store.EntitySummary;

/**
 * The case as one graph, for Gephi and other graph tools: documents, entities and the outside
 * outlets that documents copy, translate or rewrite are nodes ({@code kind} document, entity,
 * outlet); an entity is joined to each document that mentions it ({@code relation} mentions,
 * undirected), and a document to what it copies, translates or rewrites (directed, from the copy
 * to its source) or shares a source with (undirected), the evidence on the edge. Filter on
 * {@code relation} to see the mentions or the propagation alone.
 *
 * <p>The nodes and edges are made as a writer goes over them ({@link Items#forEach}): the
 * documents and entities from what the export holds, the propagation from the sources as they
 * stream (once for the outside outlets, which are nodes and so come first, once for the edges).
 */
public record CaseGraph(Map<String, String> attributes, Items<Node> nodes, Items<Edge> edges) {
  /** The attributes every node has, in this order (empty where they do not apply). */
  public static final List<String> NODE_KEYS = List.of("kind", "type", "document", "source kind", "outlet", "date",
      "mentions", "also written");
  /** The attributes every edge has. */
  public static final List<String> EDGE_KEYS = List.of("relation", "evidence");

  public CaseGraph {
    attributes = Map.copyOf(new LinkedHashMap<>(attributes));
    Objects.requireNonNull(nodes, "nodes");
    Objects.requireNonNull(edges, "edges");
  }

  /** Hands a graph's nodes or edges over one at a time, in their order. */
  public interface Items<T> {
    void forEach(org.dossier.link.FindingStreams.Each<T> each) throws IOException;
  }

  /** A node: its id, label and {@link #NODE_KEYS} values. */
  public record Node(String id, String label, Map<String, String> values) {
    public Node {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
      values = Map.copyOf(values);
    }

    public String value(String key) {
      return values.getOrDefault(key, "");
    }
  }

  /** An edge: directed from {@code source} to {@code target}, or not. */
  public record Edge(String id, String source, String target, boolean directed, double weight,
      Map<String, String> values) {
    public Edge {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
      values = Map.copyOf(values);
    }

    public String value(String key) {
      return values.getOrDefault(key, "");
    }
  }

  /** The graph-level attributes in a stable order: the case, then the stage runs. */
  public List<Map.Entry<String, String>> attributeList() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    out.add(Map.entry("case", attributes.getOrDefault("case", "")));
    for (String k : org.dossier.views.CaseViews.RUN_SETTINGS) {
      if (attributes.containsKey(k)) {
        out.add(Map.entry(k, attributes.get(k)));
      }
    }
    return out;
  }

  public static CaseGraph of(CaseExport c) throws IOException {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("case", c.name());
    attrs.putAll(c.runs());
    Map<String, String> docIds = new HashMap<>();
    c.documentNames(n -> docIds.put(n.name(), "d" + n.id().sha256()));
    // the outside outlets that documents copy, translate or rewrite, in the order the sources name them
    Map<String, String> outlets = new LinkedHashMap<>();
    c.sources(s -> {
      if (docIds.containsKey(s.document())) {
        for (StoredFindings.Link l : s.links()) {
          if (!l.inCase()) {
            outlets.computeIfAbsent(l.to(), o -> "o" + Ids.of(c.name(), "outlet:" + o));
          }
        }
      }
    });
    Items<Node> nodes = each -> {
      c.documents(d -> {
        Optional<StoredFindings.Source> s = c.source(d.name());
        Map<String, String> v = new HashMap<>();
        v.put("kind", "document");
        v.put("type", s.map(StoredFindings.Source::genre).orElse(""));
        v.put("document", d.name());
        v.put("source kind", s.map(StoredFindings.Source::kind).orElse(""));
        v.put("outlet", s.flatMap(StoredFindings.Source::outlet).orElse(""));
        v.put("date", s.flatMap(StoredFindings.Source::date).map(Object::toString).orElse(""));
        String label = s.flatMap(StoredFindings.Source::outlet).map(o -> o + ": " + d.name()).orElse(d.name());
        each.accept(new Node(docIds.get(d.name()), label, v));
      });
      for (EntitySummary e : c.entities()) {
        Map<String, String> v = new HashMap<>();
        v.put("kind", "entity");
        v.put("type", e.type().code());
        v.put("mentions", Long.toString(e.mentions()));
        v.put("also written", String.join("\n", e.aliases()));
        each.accept(new Node(entityId(c, e), e.name(), v));
      }
      for (Map.Entry<String, String> o : outlets.entrySet()) {
        each.accept(new Node(o.getValue(), o.getKey(), Map.of("kind", "outlet", "outlet", o.getKey())));
      }
    };
    Items<Edge> edges = each -> {
      int[] count = {0};
      for (EntitySummary e : c.entities()) {
        String id = entityId(c, e);
        for (String doc : e.documents()) {
          String target = docIds.get(doc);
          if (target != null) {
            each.accept(new Edge("m" + count[0]++, id, target, false, 1.0, Map.of("relation", "mentions")));
          }
        }
      }
      Set<String> shared = new HashSet<>();
      c.sources(s -> {
        String from = docIds.get(s.document());
        if (from == null) {
          return;
        }
        for (StoredFindings.Link l : s.links()) {
          String to = l.inCase() ? docIds.get(l.to()) : outlets.get(l.to());
          if (to == null) {
            continue; // a document the case no longer holds
          }
          if (l.relation().equals("shares-source") && !shared.add(from.compareTo(to) < 0 ? from + " " + to : to + " " + from)) {
            continue; // the same pair, told from its other side
          }
          List<String> evidence = new ArrayList<>();
          for (StoredFindings.Evidence e : l.evidence()) {
            String at = e.quote().isEmpty() ? "" : e.document() + " @" + e.start() + "-" + e.end() + ": \"" + e.quote() + "\"";
            String note = e.note().orElse("");
            evidence.add(at.isEmpty() ? note : note.isEmpty() ? at : at + " (" + note + ")");
          }
          each.accept(new Edge("p" + count[0]++, from, to, !l.relation().equals("shares-source"), 1.0,
              Map.of("relation", l.relation(), "evidence", String.join("\n", evidence))));
        }
      });
    };
    return new CaseGraph(attrs, nodes, edges);
  }

  private static String entityId(CaseExport c, EntitySummary e) {
    return "e" + Ids.of(c.name(), "entity:" + e.type().code() + ":" + e.name());
  }
}
