package org.dossier.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dossier.core.Qualifier;
import org.dossier.link.StoredFindings;

/**
 * An analyst's report on a case, built from the link stage's findings: conflicts first, then
 * divergences, agreements, the timeline, where each article comes from, and the press against
 * the cache. Every sentence is made of parts, and every part that states something cites the
 * passages it rests on as footnotes (document, offsets, verbatim quote).
 */
public final class Report {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Words, and the footnotes they rest on. */
  record Part(String text, List<Integer> cites) {}

  record Sentence(List<Part> parts) {}

  record Section(String title, List<Sentence> sentences) {}

  record Footnote(int number, String document, int start, int end, String quote, String note) {}

  private final String title;
  private final List<Section> sections = new ArrayList<>();
  private final Map<String, Footnote> footnotes = new LinkedHashMap<>();

  /** Builds the report from the stored findings, as their commands print them. */
  public Report(String title, List<StoredFindings.Story> stories, List<StoredFindings.Fact> facts,
      List<StoredFindings.Source> sources, List<StoredFindings.Event> events, List<StoredFindings.Coverage> coverage,
      int singleLimit) {
    this(title, stories, facts, sources, events, coverage, List.of(), singleLimit);
  }

  /** With the verify stage's signals (as {@code verify --json} prints them) in a section of their own. */
  public Report(String title, List<StoredFindings.Story> stories, List<StoredFindings.Fact> facts,
      List<StoredFindings.Source> sources, List<StoredFindings.Event> events, List<StoredFindings.Coverage> coverage,
      List<JsonNode> signals, int singleLimit) {
    this.title = title;
    facts("Conflicts", facts, "conflict", Integer.MAX_VALUE);
    facts("Compatible only under qualifiers", facts, "divergent", Integer.MAX_VALUE);
    facts("Agreements", facts, "agree", Integer.MAX_VALUE);
    facts("Stated by one source only", facts, "single", singleLimit);
    timeline(events);
    sources(sources);
    coverage(coverage);
    signals(signals);
  }

  private void signals(List<JsonNode> signals) {
    List<Sentence> out = new ArrayList<>();
    for (JsonNode sg : signals) {
      if (text(sg, "severity").equals("info") && !text(sg, "kind").equals("draft_marking")) {
        continue; // fonts, unsigned mail, duplicates: in 'dossier verify', not in the report
      }
      JsonNode ev = sg.path("evidence");
      String quote = ev.has("quote") ? text(ev, "quote") : ev.has("mark") ? text(ev, "mark") : ev.has("value") ? text(ev, "value") : "";
      int at = cite(text(sg, "document"), ev.path("start").asInt(0), ev.path("end").asInt(0), ev.has("start") ? quote : "",
          text(sg, "kind") + ", " + text(sg, "severity") + "; evidence " + clip(ev.toString(), 400), "");
      out.add(new Sentence(List.of(new Part(text(sg, "document") + ": " + text(sg, "explanation"), List.of(at)),
          new Part(" Innocent explanation: " + text(sg, "innocentExplanation"), List.of()))));
    }
    if (!out.isEmpty()) {
      sections.add(new Section("Verification signals", out));
    }
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 3) + "...";
  }

  // ------------------------------------------------------------------ building

  private int cite(StoredFindings.Claim c) {
    return cite(c.document(), c.start(), c.end(), c.quote(), "", c.context());
  }

  private int cite(StoredFindings.Evidence e) {
    return cite(e.document(), e.start(), e.end(), e.quote(), e.note().orElse(""), "");
  }

  private int cite(String doc, int start, int end, String quote, String note, String context) {
    String key = doc + "@" + start + "-" + end + "|" + (quote.isEmpty() ? note : "");
    Footnote f = footnotes.get(key);
    if (f == null) {
      String shown = quote.isEmpty() ? "" : quote;
      String n = !context.isEmpty() && !context.equals(quote) ? "in: \u201c" + context + "\u201d" : note;
      f = new Footnote(footnotes.size() + 1, doc, start, end, shown, n);
      footnotes.put(key, f);
    }
    return f.number();
  }

  private List<Integer> citeClaims(List<StoredFindings.Claim> claims, int max) {
    return citeFirst(claims, this::cite, max);
  }

  private List<Integer> citeEvidence(List<StoredFindings.Evidence> evidence, int max) {
    return citeFirst(evidence, this::cite, max);
  }

  /** Cites passages in order until {@code max} distinct footnotes. */
  private static <T> List<Integer> citeFirst(List<T> passages, java.util.function.ToIntFunction<T> cite, int max) {
    List<Integer> out = new ArrayList<>();
    for (T p : passages) {
      int n = cite.applyAsInt(p);
      if (!out.contains(n)) {
        out.add(n);
      }
      if (out.size() >= max) {
        break;
      }
    }
    return out;
  }

  private void facts(String heading, List<StoredFindings.Fact> facts, String status, int limit) {
    List<Sentence> out = new ArrayList<>();
    int shown = 0;
    for (StoredFindings.Fact f : facts) {
      if (!f.status().equals(status)) {
        continue;
      }
      if (shown++ >= limit) {
        break;
      }
      Map<String, List<StoredFindings.Claim>> byValue = new LinkedHashMap<>();
      for (StoredFindings.Claim c : f.claims()) {
        String q = c.value().qualifier().map(Qualifier::text).orElse("");
        byValue.computeIfAbsent(c.value().normalized() + (q.isEmpty() ? "" : " (" + q + ")"), k -> new ArrayList<>()).add(c);
      }
      List<Part> parts = new ArrayList<>();
      String what = cap(f.property()) + " of " + f.subject() + " (" + f.id() + ", story " + f.story() + ")";
      switch (status) {
        case "conflict" -> parts.add(new Part(what + ": sources conflict, giving ", List.of()));
        case "divergent" -> parts.add(new Part(what + ": sources give ", List.of()));
        case "agree" -> parts.add(new Part(what + ": sources agree on ", List.of()));
        default -> parts.add(new Part(what + ": ", List.of()));
      }
      int i = 0;
      for (Map.Entry<String, List<StoredFindings.Claim>> e : byValue.entrySet()) {
        List<String> docs = e.getValue().stream().map(StoredFindings.Claim::document).distinct().toList();
        String sep = i == 0 ? "" : i == byValue.size() - 1 ? " and " : ", ";
        String attributed = e.getValue().stream().flatMap(c -> c.attributedTo().stream()).filter(s -> !s.isEmpty()).findFirst()
            .map(s -> ", attributed to " + s).orElse("");
        parts.add(new Part(sep + e.getKey() + " in " + String.join(", ", docs.subList(0, Math.min(3, docs.size())))
            + (docs.size() > 3 ? " and " + (docs.size() - 3) + " more" : "") + attributed,
            citeClaims(e.getValue(), 6)));
        i++;
      }
      parts.add(new Part(".", List.of()));
      out.add(new Sentence(parts));
      if (!status.equals("single") && !status.equals("agree")) {
        out.add(new Sentence(List.of(new Part(f.explanation(), citeClaims(f.claims(), 6)))));
      }
    }
    if (!out.isEmpty()) {
      sections.add(new Section(heading, out));
    }
  }

  private void timeline(List<StoredFindings.Event> events) {
    List<Sentence> out = new ArrayList<>();
    for (StoredFindings.Event e : events) {
      String also = e.alongside().isEmpty() ? "" : " (other sources: " + String.join(", ", e.alongside()) + ")";
      out.add(new Sentence(List.of(new Part(e.date() + ": " + e.what() + also + ".", citeClaims(e.claims(), 6)))));
    }
    if (!out.isEmpty()) {
      sections.add(new Section("Timeline", out));
    }
  }

  private void sources(List<StoredFindings.Source> sources) {
    List<Sentence> out = new ArrayList<>();
    for (StoredFindings.Source d : sources) {
      if (!d.genre().equals("article")) {
        continue;
      }
      List<Part> parts = new ArrayList<>();
      List<Integer> own = citeEvidence(d.evidence(), 4);
      String article = d.kind().equals("original") ? "an original report" : "a " + d.kind();
      parts.add(new Part(d.document() + " reads as " + article, own));
      int i = 0;
      for (StoredFindings.Link l : d.links()) {
        String rel = switch (l.relation()) {
          case "copies" -> "copies";
          case "translates" -> "translates";
          case "rewrites" -> "rewrites";
          default -> "shares a source with";
        };
        parts.add(new Part((i == 0 ? ": it " : "; it ") + rel + " " + l.to(), citeEvidence(l.evidence(), 4)));
        i++;
      }
      parts.add(new Part(".", List.of()));
      if (parts.stream().allMatch(p -> p.cites().isEmpty())) {
        // an original with nothing to cite: say so from its own first passage
        continue;
      }
      out.add(new Sentence(parts));
    }
    if (!out.isEmpty()) {
      sections.add(new Section("Where the articles come from", out));
    }
  }

  private void coverage(List<StoredFindings.Coverage> coverage) {
    List<Sentence> out = new ArrayList<>();
    for (String status : List.of("contradicted", "supported", "not-found")) {
      for (StoredFindings.Coverage c : coverage) {
        if (!c.status().equals(status)) {
          continue;
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(c.claim().document() + " gives " + c.claim().value().text() + " for the "
            + c.property() + " of " + c.subject(), List.of(cite(c.claim()))));
        switch (status) {
          case "contradicted" -> parts.add(new Part("; the cache contradicts it", citeClaims(c.evidence(), 4)));
          case "supported" -> parts.add(new Part("; the cache supports it", citeClaims(c.evidence(), 4)));
          default -> parts.add(new Part("; no document of the cache states this", List.of()));
        }
        String why = c.explanation().orElse("");
        parts.add(new Part(why.isEmpty() ? "." : " (" + why + ").", List.of()));
        out.add(new Sentence(parts));
      }
    }
    if (!out.isEmpty()) {
      sections.add(new Section("The press against the cache", out));
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  // ------------------------------------------------------------------ rendering

  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(title).append("\n\n");
    for (Section s : sections) {
      b.append("## ").append(s.title()).append("\n\n");
      for (Sentence st : s.sentences()) {
        b.append("- ");
        for (Part p : st.parts()) {
          b.append(p.text());
          p.cites().forEach(n -> b.append("[^").append(n).append(']'));
        }
        b.append('\n');
      }
      b.append('\n');
    }
    for (Footnote f : footnotes.values()) {
      b.append("[^").append(f.number()).append("]: ").append(f.document()).append(", characters ")
          .append(f.start()).append("\u2013").append(f.end());
      if (!f.quote().isEmpty()) {
        b.append(": \u201c").append(f.quote().replace("\n", " ")).append("\u201d");
      }
      if (!f.note().isEmpty()) {
        b.append(" (").append(f.note().replace("\n", " ")).append(')');
      }
      b.append('\n');
    }
    return b.toString();
  }

  public String html() {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}"
            + "sup a{text-decoration:none}ol.notes{font-size:90%}</style></head><body>\n<h1>")
        .append(esc(title)).append("</h1>\n");
    for (Section s : sections) {
      b.append("<h2>").append(esc(s.title())).append("</h2>\n<ul>\n");
      for (Sentence st : s.sentences()) {
        b.append("<li>");
        for (Part p : st.parts()) {
          b.append(esc(p.text()));
          for (int n : p.cites()) {
            b.append("<sup><a href=\"#fn").append(n).append("\" id=\"r").append(n).append("\">").append(n).append("</a></sup>");
          }
        }
        b.append("</li>\n");
      }
      b.append("</ul>\n");
    }
    b.append("<h2>Sources</h2>\n<ol class=\"notes\">\n");
    for (Footnote f : footnotes.values()) {
      b.append("<li id=\"fn").append(f.number()).append("\">").append(esc(f.document())).append(", characters ")
          .append(f.start()).append("\u2013").append(f.end());
      if (!f.quote().isEmpty()) {
        b.append(": <q>").append(esc(f.quote())).append("</q>");
      }
      if (!f.note().isEmpty()) {
        b.append(" <small>(").append(esc(f.note())).append(")</small>");
      }
      b.append("</li>\n");
    }
    b.append("</ol>\n</body></html>\n");
    return b.toString();
  }

  public ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("title", title);
    ArrayNode secs = root.putArray("sections");
    for (Section s : sections) {
      ObjectNode sn = secs.addObject();
      sn.put("title", s.title());
      ArrayNode sents = sn.putArray("sentences");
      for (Sentence st : s.sentences()) {
        ObjectNode o = sents.addObject();
        StringBuilder t = new StringBuilder();
        ArrayNode cites = o.putArray("citations");
        for (Part p : st.parts()) {
          t.append(p.text());
          p.cites().forEach(n -> {
            if (!contains(cites, n)) {
              cites.add(n);
            }
          });
        }
        o.put("text", t.toString());
      }
    }
    ArrayNode notes = root.putArray("footnotes");
    for (Footnote f : footnotes.values()) {
      ObjectNode n = notes.addObject();
      n.put("number", f.number());
      n.put("document", f.document());
      n.put("start", f.start());
      n.put("end", f.end());
      n.put("quote", f.quote());
      if (!f.note().isEmpty()) {
        n.put("note", f.note());
      }
    }
    return root;
  }

  private static boolean contains(ArrayNode a, int n) {
    for (JsonNode x : a) {
      if (x.asInt() == n) {
        return true;
      }
    }
    return false;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
