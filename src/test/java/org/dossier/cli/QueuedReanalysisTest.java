package org.dossier.cli;

import static org.dossier.testing.Workers.ok;
import static org.dossier.testing.Workers.on;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dossier.testing.Cli;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gazetteer given to {@code ingest --queue} after the documents were analysed: the workers analyse
 * them again, index them again with the names it taught, and link the case again.
 */
class QueuedReanalysisTest {
  @TempDir Path dir;

  @Test
  void aGazetteerQueuedLaterReachesTheIndexThroughTheWorkers() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("barge-log.txt"), "The barge Hollin Grey carried two Kelvane-9 pumps to the Orvik"
        + " quay on 3 May 2031, the harbour master wrote.\n", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("bakery.txt"), "The Linden Lane bakery closes early on Thursday.\n",
        StandardCharsets.UTF_8);
    Path shared = dir.resolve("shared");
    Workers.sharedCase(shared);
    ok(Cli.run(on(shared, "ingest", "--queue", "--quiet", in.toString())));
    Workers.run(shared, 1, 20);
    assertEquals(0, total(shared, "equipment:\"Kelvane-9\""), "no model knows the pump before the gazetteer");
    assertEquals(1, total(shared, "Kelvane"));

    Path gazetteer = dir.resolve("pumps.tsv");
    Files.writeString(gazetteer, "equipment\tKelvane-9\tKelvane 9 pump\n", StandardCharsets.UTF_8);
    ok(Cli.run(on(shared, "ingest", "--queue", "--quiet", "--gazetteer", gazetteer.toString(), in.toString())));
    Workers.run(shared, 1, 20);
    assertEquals(1, total(shared, "equipment:\"Kelvane-9\""), "analysed and indexed again with the gazetteer's names");
    String facts = ok(Cli.run(on(shared, "facts", "--json"))).out();
    assertEquals(true, facts.contains("Kelvane-9"), facts);
  }

  private static long total(Path caseDir, String query) {
    return ok(Cli.run(on(caseDir, "search", "--json", query))).json().get("total").asLong();
  }
}
