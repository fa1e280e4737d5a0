package org.dossier.cli;

import static org.dossier.testing.Workers.ok;
import static org.dossier.testing.Workers.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dossier.testing.CaseDocuments;
import org.dossier.testing.Cli;
import org.dossier.testing.TestPostgres;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Tika's own test documents (../shared/corpus/tika-testdocs, read in place, never copied;
 * skipped when absent), ingested twice: by an embedded ingest (SQLite, Lucene, one process) and by
 * {@code ingest --queue} and two worker processes on PostgreSQL. The two cases agree on every
 * document (its content hash, paths, statuses, media type, language, text and its hash, metadata,
 * analysis), on the search results of a set of queries, on the entities, stories and facts, and on
 * the status; each document's extraction is in the custody log once.
 */
@Tag("slow")
class TikaCorpusWorkersTest {
  private static final Path DOCS =
      Path.of("..", "shared", "corpus", "tika-testdocs").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void twoWorkersMakeTheCaseAnEmbeddedIngestMakesOfTikasTestDocuments() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(DOCS), "skipped: " + DOCS + " is not here (shared corpus absent)");
    String url = TestPostgres.storeUrl();
    Path plain = dir.resolve("plain");
    Path shared = dir.resolve("shared");
    long t0 = System.nanoTime();
    ok(Cli.run("--case", plain.toString(), "ingest", "--quiet", "--no-ocr", DOCS.toString()));
    ok(Cli.run("--case", plain.toString(), "verify", "--json"));
    long t1 = System.nanoTime();

    JsonNode init = ok(Cli.run("--case", shared.toString(), "init", "--json", "--store", url)).json();
    String schema = "dossier_" + init.get("id").asText();
    JsonNode queued = ok(Cli.run("--case", shared.toString(), "ingest", "--queue", "--json", DOCS.toString())).json();
    assertTrue(queued.get("queued").asLong() > 400, queued::toString);
    List<JsonNode> summaries = Workers.run(shared, 2, 30);
    long t2 = System.nanoTime();
    System.out.printf(java.util.Locale.ROOT, "tika-testdocs: embedded %.1f s, queue and two workers %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    for (JsonNode s : summaries) {
      assertTrue(s.path("done").path("extract").asLong() > 0, "each worker extracted documents: " + summaries);
    }

    Map<String, CaseDocuments.Row> embedded = CaseDocuments.read(plain);
    Map<String, CaseDocuments.Row> workers = CaseDocuments.read(shared);
    assertTrue(embedded.size() > 500, "documents, with the containers' members: " + embedded.size());
    assertEquals(List.of(), CaseDocuments.differences(embedded, workers, 40));

    for (String query : new String[] {"test", "Tika", "Apache", "\"Apache Tika\"", "document*", "hello OR world",
        "lang:en", "lang:de", "lang:fr", "NOT test", "date:[1990 TO 2030]", "table~1"}) {
      JsonNode a = ok(Cli.run(on(plain, "search", "--json", "--limit", "1000", query))).json();
      JsonNode b = ok(Cli.run(on(shared, "search", "--json", "--limit", "1000", query))).json();
      assertEquals(searched(a), searched(b), query);
    }
    Map<String, String> plainIds = CaseDocuments.ids(plain);
    Map<String, String> sharedIds = CaseDocuments.ids(shared);
    JsonNode storiesA = byId(ok(Cli.run(on(plain, "stories", "--json"))).json(), plainIds);
    JsonNode storiesB = byId(ok(Cli.run(on(shared, "stories", "--json"))).json(), sharedIds);
    Map<String, String> storyA = storyKeys(storiesA);
    Map<String, String> storyB = storyKeys(storiesB);
    assertEquals("", firstDifference("stories", byStory(storiesA, storyA), byStory(storiesB, storyB)));
    assertEquals("", firstDifference("facts", byStory(byId(ok(Cli.run(on(plain, "facts", "--json"))).json(), plainIds), storyA),
        byStory(byId(ok(Cli.run(on(shared, "facts", "--json"))).json(), sharedIds), storyB)));
    assertEquals("", firstDifference("entities", byId(ok(Cli.run(on(plain, "entities", "--json"))).json(), plainIds),
        byId(ok(Cli.run(on(shared, "entities", "--json"))).json(), sharedIds)));
    assertEquals("", firstDifference("verify", sorted(byId(ok(Cli.run(on(plain, "verify", "--json"))).json(), plainIds)),
        sorted(byId(ok(Cli.run(on(shared, "verify", "--json"))).json(), sharedIds))));
    JsonNode statusPlain = ok(Cli.run(on(plain, "status", "--json"))).json();
    JsonNode statusShared = ok(Cli.run(on(shared, "status", "--json"))).json();
    assertEquals(0, statusShared.get("queue").get("dead").asLong(), statusShared::toString);
    ((ObjectNode) statusPlain).remove("queue"); // the embedded case has no work queue
    ((ObjectNode) statusShared).remove("queue");
    assertEquals("", firstDifference("status", failuresById(statusPlain, plainIds), failuresById(statusShared, sharedIds)));

    ok(Cli.run(on(shared, "custody", "verify")));
    Map<String, Integer> derived = Workers.derives(shared);
    assertEquals(Workers.derives(plain).keySet(), derived.keySet());
    assertTrue(derived.values().stream().allMatch(n -> n == 1), "a document extracted twice: " + derived);

    // control: one document's status changed in the workers' store is caught, and only it
    String id = Workers.scalar(schema, "SELECT id FROM documents WHERE status = 'ok' ORDER BY id LIMIT 1");
    assertEquals(1, Workers.update(schema, "UPDATE documents SET status = 'failed' WHERE id = '" + id + "'"));
    List<String> caught = CaseDocuments.differences(embedded, CaseDocuments.read(shared), 40);
    assertEquals(1, caught.size(), caught::toString);
    assertTrue(caught.get(0).startsWith(id) && caught.get(0).contains("status: ok <> failed"), caught::toString);
  }

  /** Each story's number (S1 ...) to its documents' hashes: what the story is, whatever its number. */
  private static Map<String, String> storyKeys(JsonNode stories) {
    Map<String, String> out = new java.util.HashMap<>();
    stories.get("stories").forEach(st -> {
      List<String> docs = new java.util.ArrayList<>();
      st.get("documents").forEach(d -> docs.add(d.asText()));
      out.put(st.get("id").asText(), String.join(",", docs));
    });
    return out;
  }

  /**
   * Stories and facts with each story named by its documents (see {@link #storyKeys}), in the
   * order of those and of the facts' keys. The facts keep their numbers, which follow the order of
   * the stories and of the claims inside each: a difference there is a difference in how the two
   * cases read their documents, whatever the order they arrived in.
   */
  private static JsonNode byStory(JsonNode findings, Map<String, String> stories) {
    ObjectNode out = findings.deepCopy();
    for (String list : new String[] {"stories", "facts"}) {
      if (!out.has(list)) {
        continue;
      }
      List<ObjectNode> items = new java.util.ArrayList<>();
      out.get(list).forEach(x -> items.add((ObjectNode) x));
      for (ObjectNode x : items) {
        if (list.equals("stories")) {
          x.put("id", stories.get(x.get("id").asText()));
        } else {
          x.put("story", stories.getOrDefault(x.path("story").asText(), x.path("story").asText()));
        }
      }
      items.sort(java.util.Comparator.comparing(x -> x.path(list.equals("stories") ? "id" : "key").asText()
          + "|" + x.path("story").asText()));
      out.set(list, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(items));
    }
    return out;
  }

  /** A status with its failures' documents named by content hash, in the order of those (they are listed by first name). */
  private static JsonNode failuresById(JsonNode status, Map<String, String> ids) {
    ObjectNode out = (ObjectNode) byId(status, ids);
    List<JsonNode> failures = new java.util.ArrayList<>();
    out.get("failures").forEach(failures::add);
    failures.sort(java.util.Comparator.comparing(JsonNode::toString));
    out.set("failures", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(failures));
    return out;
  }

  /** The verify stage's signals and families, each list in the order of its items (listed by first name). */
  private static JsonNode sorted(JsonNode verified) {
    ObjectNode out = verified.deepCopy();
    for (String list : new String[] {"signals", "families"}) {
      List<JsonNode> items = new java.util.ArrayList<>();
      out.get(list).forEach(x -> {
        if (x.has("members")) {
          List<JsonNode> members = new java.util.ArrayList<>();
          x.get("members").forEach(members::add);
          members.sort(java.util.Comparator.comparing(JsonNode::toString));
          ((ObjectNode) x).set("members", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(members));
        }
        items.add(x);
      });
      items.sort(java.util.Comparator.comparing(JsonNode::toString));
      out.set(list, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(items));
    }
    return out;
  }

  /** Where two JSON trees first differ, with both sides (short), or "" when they are equal. */
  static String firstDifference(String at, JsonNode a, JsonNode b) {
    if (a.equals(b)) {
      return "";
    }
    if (a.isObject() && b.isObject()) {
      java.util.Set<String> keys = new java.util.TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        if (!a.has(k) || !b.has(k)) {
          return at + "." + k + ": only on one side";
        }
        String d = firstDifference(at + "." + k, a.get(k), b.get(k));
        if (!d.isEmpty()) {
          return d;
        }
      }
    }
    if (a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        String d = firstDifference(at + "[" + i + "]", a.get(i), b.get(i));
        if (!d.isEmpty()) {
          return d;
        }
      }
      return at + ": " + a.size() + " items against " + b.size();
    }
    return at + ": " + shorten(a.toString()) + " <> " + shorten(b.toString());
  }

  private static String shorten(String s) {
    return s.length() <= 600 ? s : s.substring(0, 600) + "…";
  }

  /**
   * Findings as two cases of the same files must agree on them, with each document named by its
   * content hash instead of its first name (which arrival order picks), and the claims and
   * documents of a finding in the order of those hashes (they are listed in the order of the
   * names). A fact's explanation is left out: it says in words what its claims and status say,
   * naming the documents by their first names in the order of those names.
   */
  /**
   * A document's name, or a passage cited as "NAME @START-END \"QUOTE\"" (the verify stage's
   * evidence of a fact), with the name replaced by the document's content hash: a document with
   * copies is named after the copy the case met first, which the order of arrival picks.
   */
  private static String documentById(String named, Map<String, String> ids) {
    if (ids.containsKey(named)) {
      return ids.get(named);
    }
    java.util.regex.Matcher m = CITED.matcher(named);
    if (m.matches() && ids.containsKey(m.group(1))) {
      return ids.get(m.group(1)) + " @" + m.group(2);
    }
    return "?" + named;
  }

  private static final java.util.regex.Pattern CITED =
      java.util.regex.Pattern.compile("(.*?) @(\\d+-\\d+ \".*)", java.util.regex.Pattern.DOTALL);

  private static JsonNode byId(JsonNode findings, Map<String, String> ids) {
    if (findings instanceof ObjectNode o) {
      ObjectNode out = o.objectNode();
      o.fields().forEachRemaining(e -> {
        if (e.getKey().equals("explanation")) {
          return;
        }
        if (e.getKey().equals("title") && e.getValue().isTextual() && ids.containsKey(e.getValue().asText())) {
          // a story of documents without text is titled with its first document's name
          out.put("title", ids.get(e.getValue().asText()));
        } else if ((e.getKey().equals("document") || e.getKey().equals("principal")) && e.getValue().isTextual()) {
          out.put("document", ids.getOrDefault(e.getValue().asText(), "?" + e.getValue().asText()));
        } else if (e.getKey().equals("documents") && e.getValue().isArray()) {
          java.util.TreeSet<String> docs = new java.util.TreeSet<>();
          e.getValue().forEach(d -> docs.add(documentById(d.asText(), ids)));
          out.set("documents", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(docs));
        } else {
          out.set(e.getKey(), byId(e.getValue(), ids));
        }
      });
      return out;
    }
    if (findings instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
      List<JsonNode> items = new java.util.ArrayList<>();
      a.forEach(x -> items.add(byId(x, ids)));
      if (items.stream().allMatch(x -> x.has("document"))) {
        items.sort(java.util.Comparator.comparing(JsonNode::toString));
      }
      return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(items);
    }
    return findings;
  }

  /**
   * A search's result as two cases of the same files must agree on it: the total, each hit's
   * snippets by document id, and the facets. Left out, and why: a hit's "document" is the
   * document's first name, which arrival order picks (as CaseDocuments leaves it out), and so are
   * the container facet (the first container it was found in) and the folder facet (an entry's
   * folder is named after its container's first name: a presentation both a tar and a 7z hold has
   * its thumbnail in "x.tar/.../Thumbnails" in one case, "x.7z/.../Thumbnails" in the other; the
   * extension facet counts every path's name, compared); the score, and with it the hits' order, comes
   * from the index's statistics (deleted entries of documents indexed again count until their
   * segment is merged), which the order of indexing sets.
   */
  private static JsonNode searched(JsonNode result) {
    ObjectNode out = result.deepCopy();
    java.util.TreeMap<String, JsonNode> hits = new java.util.TreeMap<>();
    result.get("hits").forEach(h -> hits.put(h.get("id").asText(), h.get("snippets")));
    out.set("hits", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(hits));
    if (out.get("facets") instanceof ObjectNode facets) {
      facets.remove("container");
      facets.remove("folder");
    }
    return out;
  }
}
