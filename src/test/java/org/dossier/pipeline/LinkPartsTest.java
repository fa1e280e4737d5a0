package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.dossier.core.Document;
import org.dossier.link.FictionalStories;
import org.dossier.testing.Cli;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link stage as tasks of the work queue: the documents read a page per task, by two workers,
 * each reading kept in the case folder; one task forms the findings from them, which are those the
 * stage forms in one process. On the invented case of {@link FictionalStories}.
 */
class LinkPartsTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void twoWorkersReadingPagesLinkTheCaseAsOneProcessDoes() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    FictionalStories.write(in);
    Files.delete(in.resolve("gazetteer.tsv"));
    Path plain = dir.resolve("plain");
    Workers.ok(Cli.run("--case", plain.toString(), "ingest", "--quiet", "--no-ocr", in.toString()));

    Path shared = dir.resolve("shared");
    String schema = Workers.sharedCase(shared);
    Workers.ok(Cli.run("--case", shared.toString(), "ingest", "--queue", "--json", in.toString()));
    List<JsonNode> summaries = Workers.run(shared, 2, 20, "--link-page", "2");

    // seven documents, two a page: four pages, each read once, then one end
    assertEquals("4", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'link-read' AND state = 'done'"),
        summaries.toString());
    assertEquals("1", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'link-finish' AND state = 'done'"));
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state <> 'done'"));
    // the pages cover the documents by content hash, each document in one page
    List<String> hashes = new ArrayList<>();
    try (CaseFolder folder = CaseFolder.open(shared, Clock.systemUTC())) {
      List<Document> docs = new ArrayList<>();
      folder.store().annotations().forEachAnalysed(docs::add);
      docs.forEach(d -> hashes.add(d.id().sha256()));
      for (Document d : docs) {
        assertTrue(Files.isRegularFile(folder.layout().reading(d.id())), d.name() + "'s reading is kept");
      }
    }
    hashes.sort(null);
    assertEquals(7, hashes.size());
    List<String> covered = new ArrayList<>();
    String pages = Workers.scalar(schema, "SELECT string_agg(payload, E'\\n' ORDER BY key) FROM tasks WHERE kind = 'link-read'");
    for (String page : pages.split("\n")) {
      JsonNode p = JSON.readTree(page);
      for (String h : hashes) {
        if (h.compareTo(p.get("after").asText()) > 0 && h.compareTo(p.get("through").asText()) <= 0) {
          covered.add(h);
        }
      }
    }
    assertEquals(hashes, covered);
    // the end read no text: every reading was kept by a page
    String said = Files.readString(dir.resolve("worker-0.err")) + Files.readString(dir.resolve("worker-1.err"));
    assertTrue(said.contains("7 documents (0 read here"), said);

    for (String reader : List.of("stories", "facts", "sources")) {
      JsonNode one = Workers.ok(Cli.run("--case", plain.toString(), reader, "--json")).json();
      JsonNode workers = Workers.ok(Cli.run("--case", shared.toString(), reader, "--json")).json();
      assertEquals(one, workers, reader);
    }
    assertTrue(Workers.ok(Cli.run("--case", shared.toString(), "facts", "--json")).json().toString().contains("Vetrov-3"));
    JsonNode status = Workers.ok(Cli.run("--case", shared.toString(), "status", "--json")).json();
    assertTrue(status.toString().contains("link-read"), status.toString());
  }
}
