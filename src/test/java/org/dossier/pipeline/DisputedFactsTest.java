package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dossier.link.Findings;
import org.dossier.store.FindingRow;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify stage reads the link stage's stored facts as the store streams them, only those in
 * dispute: two records of the cache giving two totals for one item in a fact in conflict are each
 * flagged; the same figures in a fact whose documents agree are not. On an invented case whose
 * facts are written in the store as the link stage would.
 */
class DisputedFactsTest {
  @TempDir Path dir;

  private static String fact(String id, String status, String draft, String signed) {
    return "{\"id\":\"" + id + "\",\"key\":\"k" + id + "\",\"story\":\"S1\",\"subject\":\"ferry hull works\",\"property\":"
        + "\"cost\",\"status\":\"" + status + "\",\"explanation\":\"Two totals.\",\"claims\":[" + claim(draft, "EUR 410,000",
        "EUR 410000") + "," + claim(signed, "EUR 455,000", "EUR 455000") + "]}";
  }

  private static String claim(String doc, String text, String normalized) {
    return "{\"document\":\"" + doc + "\",\"quote\":\"" + text + "\",\"start\":0,\"end\":" + text.length()
        + ",\"value\":{\"kind\":\"money\",\"text\":\"" + text + "\",\"normalized\":\"" + normalized
        + "\",\"qualifier\":null},\"attributedTo\":null,\"context\":\"" + text + "\",\"genre\":\"contract\"}";
  }

  @Test
  void recordsInADisputedStoredFactAreFlaggedAndThoseInAnAgreedOneAreNot() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("draft-order.txt"), "Works order 7 of the Velmor ferry yard: hull repairs.\n",
        StandardCharsets.UTF_8);
    Files.writeString(in.resolve("signed-order.txt"), "Works order 7, signed, of the Velmor ferry yard: hull repairs.\n",
        StandardCharsets.UTF_8);
    Path c = dir.resolve("case");
    assertEquals(0, Cli.run("ingest", "--case", c.toString(), "--quiet", "--no-ocr", in.toString()).exit());
    try (CaseFolder folder = CaseFolder.openForWriting(c, Clock.systemUTC())) {
      List<String> names = new ArrayList<>();
      folder.store().annotations().forEachAnalysed(d -> names.add(d.name()));
      String draft = names.stream().filter(n -> n.endsWith("draft-order.txt")).findFirst().orElseThrow();
      String signed = names.stream().filter(n -> n.endsWith("signed-order.txt")).findFirst().orElseThrow();
      for (String status : List.of("conflict", "agree")) {
        folder.store().write(tx -> {
          tx.replaceFindings(List.of(Findings.FACT), List.of(
              new FindingRow(Findings.FACT, "F1", "S1", status, "", fact("F1", status, draft, signed))));
          return null;
        });
        Verifying.run(folder, 0.8);
        List<String> flagged = new ArrayList<>();
        folder.store().findings().forEach(Verifying.SIGNAL, Optional.empty(), List.of(), s -> {
          if (s.contains("cross_document_mismatch")) {
            flagged.add(s);
          }
        });
        if (status.equals("conflict")) {
          assertEquals(2, flagged.size(), flagged::toString);
          assertTrue(flagged.stream().allMatch(s -> s.contains("\"F1\"")), flagged::toString);
        } else {
          assertEquals(List.of(), flagged);
        }
      }
    }
  }
}
