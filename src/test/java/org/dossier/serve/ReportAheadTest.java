package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench makes each case's report page as it starts and once an update is done, before anyone asks for it. */
class ReportAheadTest {
  @TempDir Path dir;

  private static List<Path> kept(Path reports) throws Exception {
    if (!Files.isDirectory(reports)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(reports)) {
      return s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{16}-[0-9a-f]{16}\\.json")).toList();
    }
  }

  @Test
  void theReportPageIsMadeAheadAndTheFirstVisitTakesItAndAgainAfterAnUpdate() throws Exception {
    Path caseDir = WorkbenchTest.buildCase(dir);
    Path reports = caseDir.resolve("tmp").resolve("reports");
    assertEquals(List.of(), kept(reports), "control: no report page before the workbench starts");
    try (Workbench bench = Workbench.start(List.of(caseDir), "127.0.0.1", 0)) {
      // no request yet: the page is made ahead
      for (int i = 0; i < 600 && kept(reports).isEmpty(); i++) {
        Thread.sleep(100);
      }
      List<Path> ahead = kept(reports);
      assertEquals(1, ahead.size(), ahead::toString);
      java.nio.file.attribute.FileTime made = Files.getLastModifiedTime(ahead.get(0));
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + bench.port() + "/cases/" + Workbench.key(caseDir) + "/report")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Disputes, largest first"), page.body());
      assertEquals(ahead, kept(reports), "the visit took the page made ahead");
      assertEquals(made.toMillis() <= Files.getLastModifiedTime(ahead.get(0)).toMillis(), true);

      // a judgement the stages must take in: once the update is done, the page of the new runs is made ahead
      String first = ahead.get(0).getFileName().toString().substring(0, 16);
      assertEquals(0, org.dossier.testing.Cli.run("--case", caseDir.toString(), "mark", "document",
          "2026-03-03_harbour-ledger.txt", "--headline", "Harbour papers show a boat deal").exit());
      bench.refresh(bench.served(Workbench.key(caseDir)));
      List<Path> next = List.of();
      for (int i = 0; i < 1200 && next.isEmpty(); i++) {
        Thread.sleep(100);
        next = kept(reports).stream().filter(p -> !p.getFileName().toString().startsWith(first)).toList();
      }
      List<Path> all = kept(reports);
      assertEquals(1, next.size(), () -> "the new runs' page made ahead: " + all);
    }
  }
}
