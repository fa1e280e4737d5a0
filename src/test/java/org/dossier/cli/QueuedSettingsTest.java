package org.dossier.cli;

import static org.dossier.testing.Workers.ok;
import static org.dossier.testing.Workers.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dossier.extract.Tesseract;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest --queue} with extraction options: the run's settings (OCR, caps, timeout) travel
 * with its tasks to whichever worker takes them, and the options that are each worker machine's own
 * are refused where they would be ignored.
 */
class QueuedSettingsTest {
  @TempDir Path dir;

  /**
   * Two runs queued into one case, one with {@code --no-ocr --max-entries 2}, one with the
   * defaults; one worker started with neither option extracts each run's documents as that run
   * asked: the first run's zip stopped at its cap and its scan not read, the second's (the control)
   * unpacked whole and its scan read (where Tesseract has English).
   */
  @Test
  void aWorkerExtractsEachQueuedDocumentAsItsRunAsked() throws Exception {
    Path asked = Files.createDirectories(dir.resolve("asked"));
    Fixtures.zip(asked.resolve("asked-bundle.zip"), new LinkedHashMap<>(Map.of(
        "one.txt", Fixtures.utf8("First note on the Vellmar tender: 12 cranes."),
        "two.txt", Fixtures.utf8("Second note on the Vellmar tender: delivery in May."),
        "three.txt", Fixtures.utf8("Third note on the Vellmar tender: the board signed."))));
    Fixtures.png(asked.resolve("asked-scan.png"), "VELLMAR HARBOUR CRANES");
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Fixtures.zip(plain.resolve("plain-bundle.zip"), new LinkedHashMap<>(Map.of(
        "one.txt", Fixtures.utf8("First memo of the Orska depot: 40 vehicles."),
        "two.txt", Fixtures.utf8("Second memo of the Orska depot: fuel for March."),
        "three.txt", Fixtures.utf8("Third memo of the Orska depot: the audit is due."))));
    Fixtures.png(plain.resolve("plain-scan.png"), "ORSKA DEPOT TRAINING CENTRE");
    Path shared = dir.resolve("shared");
    String schema = Workers.sharedCase(shared);
    ok(Cli.run(on(shared, "ingest", "--queue", "--quiet", "--no-ocr", "--max-entries", "2", asked.toString())));
    ok(Cli.run(on(shared, "ingest", "--queue", "--quiet", plain.toString())));

    ok(Cli.run(on(shared, "worker", "--until-idle", "--json", "--threads", "1", "--worker-heap", "512",
        "--stages", "extract")));

    assertEquals("bomb", column(schema, "status", "asked-bundle.zip"));
    assertTrue(column(schema, "reason", "asked-bundle.zip").contains("--max-entries"),
        column(schema, "reason", "asked-bundle.zip"));
    assertTrue(children(schema, "asked-bundle.zip") < 3, "the cap of 2 stopped the unpacking");
    assertEquals("needs-ocr", column(schema, "status", "asked-scan.png"));
    assertEquals("0", column(schema, "ocr", "asked-scan.png"));
    // the control: a run queued without them gets the defaults from the same worker
    assertEquals("ok", column(schema, "status", "plain-bundle.zip"));
    assertEquals(3, children(schema, "plain-bundle.zip"));
    if (Tesseract.installedLanguages("tesseract").contains("eng")) {
      assertEquals("ok", column(schema, "status", "plain-scan.png"));
      assertEquals("1", column(schema, "ocr", "plain-scan.png"));
      assertTrue(Long.parseLong(column(schema, "text_chars", "plain-scan.png")) > 0);
    } else {
      assertEquals("needs-ocr", column(schema, "status", "plain-scan.png"), "no Tesseract with English here");
    }
  }

  /** What only a worker machine has is refused with --queue, and what is the run's by a worker, each by name. */
  @Test
  void optionsOfTheOtherSideAreRefusedByName() throws Exception {
    Path caseDir = dir.resolve("never");
    Path input = Fixtures.text(dir.resolve("in/note.txt"), "A note on the Vellmar tender.");
    for (List<String> option : List.of(List.of("--worker-heap", "2048"), List.of("--tesseract", "/opt/ocr/tesseract"),
        List.of("--workers", "2"))) {
      Cli.Result r = Cli.run("--case", caseDir.toString(), "ingest", "--queue", option.get(0), option.get(1),
          input.toString());
      assertEquals(2, r.exit(), r.toString());
      assertTrue(r.err().contains(option.get(0)) && r.err().contains("dossier worker"), r.err());
    }
    for (List<String> option : List.of(List.of("--timeout", "600"), List.of("--ocr-languages", "eng"))) {
      Cli.Result r = Cli.run("--case", caseDir.toString(), "worker", option.get(0), option.get(1));
      assertEquals(2, r.exit(), r.toString());
      assertTrue(r.err().contains(option.get(0) + " is the run's") && r.err().contains("ingest --queue"), r.err());
    }
    assertFalse(Files.exists(caseDir), "nothing was created");
  }

  /** A column of the document whose name ends with {@code name}. */
  private static String column(String schema, String column, String name) throws Exception {
    return Workers.scalar(schema, "SELECT " + column + " FROM documents WHERE name LIKE '%" + name + "'");
  }

  private static int children(String schema, String name) throws Exception {
    return Integer.parseInt(Workers.scalar(schema, "SELECT count(*) FROM documents WHERE parent ="
        + " (SELECT id FROM documents WHERE name LIKE '%" + name + "')"));
  }
}
