package org.dossier.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dossier.link.StoredFindings;
import org.dossier.store.EntitySummary;

/**
 * The case as one graph, for Gephi and other graph tools: documents, entities and the outside
 * outlets that documents copy, translate or rewrite are nodes ({@code kind} document, entity,
 * outlet); an entity is joined to each document that mentions it ({@code relation} mentions,
 * undirected), and a document to what it copies, translates or rewrites (directed, from the copy
 * to its source) or shares a source with (undirected), the evidence on the edge. Filter on
 * {@code relation} to see the mentions or the propagation alone.
 */
public record CaseGraph(Map<String, String> attributes, List<Node> nodes, List<Edge> edges) {
  /** The attributes every node has, in this order (empty where they do not apply). */
  public static final List<String> NODE_KEYS = List.of("kind", "type", "document", "source kind", "outlet", "date",
      "mentions", "also written");
  /** The attributes every edge has. */
  public static final List<String> EDGE_KEYS = List.of("relation", "evidence");

  public CaseGraph {
    attributes = Map.copyOf(new LinkedHashMap<>(attributes));
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
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
    for (String k : CaseExport.RUN_SETTINGS) {
      if (attributes.containsKey(k)) {
        out.add(Map.entry(k, attributes.get(k)));
      }
    }
    return out;
  }

  public static CaseGraph of(CaseExport c) {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("case", c.name());
    attrs.putAll(c.runs());
    Map<String, StoredFindings.Source> sources = c.sourcesByDocument();
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    Map<String, String> docIds = new HashMap<>();
    for (CaseExport.Doc d : c.documents()) {
      String id = "d" + d.document().id().sha256();
      docIds.put(d.name(), id);
      Optional<StoredFindings.Source> s = Optional.ofNullable(sources.get(d.name()));
      Map<String, String> v = new HashMap<>();
      v.put("kind", "document");
      v.put("type", s.map(StoredFindings.Source::genre).orElse(""));
      v.put("document", d.name());
      v.put("source kind", s.map(StoredFindings.Source::kind).orElse(""));
      v.put("outlet", s.flatMap(StoredFindings.Source::outlet).orElse(""));
      v.put("date", s.flatMap(StoredFindings.Source::date).map(Object::toString).orElse(""));
      String label = s.flatMap(StoredFindings.Source::outlet).map(o -> o + ": " + d.name()).orElse(d.name());
      nodes.add(new Node(id, label, v));
    }
    for (EntitySummary e : c.entities()) {
      String id = "e" + Ids.of(c.name(), "entity:" + e.type().code() + ":" + e.name());
      Map<String, String> v = new HashMap<>();
      v.put("kind", "entity");
      v.put("type", e.type().code());
      v.put("mentions", Long.toString(e.mentions()));
      v.put("also written", String.join("\n", e.aliases()));
      nodes.add(new Node(id, e.name(), v));
      for (String doc : e.documents()) {
        String target = docIds.get(doc);
        if (target != null) {
          edges.add(new Edge("m" + edges.size(), id, target, false, 1.0, Map.of("relation", "mentions")));
        }
      }
    }
    Map<String, String> outlets = new LinkedHashMap<>();
    java.util.Set<String> shared = new java.util.HashSet<>();
    for (StoredFindings.Source s : c.sources()) {
      String from = docIds.get(s.document());
      if (from == null) {
        continue;
      }
      for (StoredFindings.Link l : s.links()) {
        String to = l.inCase() ? docIds.get(l.to()) : outlets.get(l.to());
        if (to == null && !l.inCase()) {
          to = "o" + Ids.of(c.name(), "outlet:" + l.to());
          outlets.put(l.to(), to);
          nodes.add(new Node(to, l.to(), Map.of("kind", "outlet", "outlet", l.to())));
        }
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
        edges.add(new Edge("p" + edges.size(), from, to, !l.relation().equals("shares-source"), 1.0,
            Map.of("relation", l.relation(), "evidence", String.join("\n", evidence))));
      }
    }
    return new CaseGraph(attrs, nodes, edges);
  }
}
