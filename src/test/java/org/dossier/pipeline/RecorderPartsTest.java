package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentStatus;
import org.dossier.custody.CustodyLog;
import org.dossier.store.CaseStore;
import org.dossier.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several tasks' writes in one transaction ({@link Recorder#record(List)}): a part whose {@code
 * before} says no (its task's lease was lost) is left out whole, rows and custody entry, and the
 * others are written with theirs, each part's {@code after} seeing its own documents only.
 */
class RecorderPartsTest {
  @TempDir Path dir;

  private static Recorder.Part refusal(String name, boolean ours, List<String> afters) {
    return new Recorder.Part(List.of(new RecorderEvent.Refused("/in", name, DocumentStatus.UNREADABLE, "denied",
        Recorder.fields("name", name))), new Recorder.Around() {
          @Override
          public boolean before(CaseStore.Batch tx) {
            return ours;
          }

          @Override
          public void after(CaseStore.Batch tx, List<DocumentId> toIndex) {
            afters.add(name);
          }
        });
  }

  @Test
  void aPartLeftOutWritesNothingAndTheOthersAreWritten() throws Exception {
    List<String> afters = new java.util.ArrayList<>();
    try (CaseFolder folder = CaseFolder.open(dir.resolve("case"), Clock.systemUTC());
        CustodyLog log = folder.openCustodyLog()) {
      long run = folder.store().startRun("test", List.of());
      Recorder recorder = new Recorder(run, folder, log, null, new HashSet<>(), new IngestProgress(), 1000);
      List<List<DocumentId>> out = recorder.record(List.of(refusal("lost-lease.bin", false, afters),
          refusal("kept-a.bin", true, afters), refusal("kept-b.bin", true, afters)));
      assertNull(out.get(0), "the part left out");
      assertNotNull(out.get(1));
      assertNotNull(out.get(2));
      assertEquals(List.of("kept-a.bin", "kept-b.bin"), afters);
      List<String> problems = folder.store().documents().problems().stream().map(Object::toString).toList();
      assertEquals(2, problems.size(), problems::toString);
      assertEquals(0, problems.stream().filter(p -> p.contains("lost-lease")).count(), problems::toString);
    }
    List<String> refused = Files.readAllLines(dir.resolve("case/custody.jsonl")).stream()
        .filter(l -> l.contains("\"refuse\"")).toList();
    assertEquals(2, refused.size(), refused::toString);
    assertEquals(0, refused.stream().filter(l -> l.contains("lost-lease")).count(), refused::toString);
    Cli.Result verified = Cli.run("--case", dir.resolve("case").toString(), "custody", "verify");
    assertEquals(0, verified.exit(), verified::toString);
  }
}
