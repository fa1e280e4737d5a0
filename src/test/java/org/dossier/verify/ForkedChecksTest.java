package org.dossier.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.collect.EvidenceStore;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;
import org.dossier.extract.Forked;
import org.dossier.extract.WorkerMain;
import org.dossier.extract.WorkerOptions;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks that parse original files run in a child process: a file whose checks fill that
 * process's heap or hang costs its own document one {@code check_failed} signal; the other
 * documents are checked, and the run's own heap is never touched.
 */
class ForkedChecksTest {
  @TempDir Path dir;

  private static final Annotations NONE = new Annotations(List.of(), List.of(), List.of(), Optional.empty(), true);

  /** The real protocol with checks that fill the heap on files named {@code *oom*} and hang on {@code *hang*}. */
  public static final class Misbehaving {
    public static void main(String[] args) throws Exception {
      WorkerMain.serve(FileChecks.Settings.class, FileChecks.Request.class, settings -> request -> {
        if (request.original().contains("oom")) {
          List<long[]> hog = new ArrayList<>();
          while (true) {
            hog.add(new long[1 << 20]);
          }
        }
        if (request.original().contains("hang")) {
          try {
            Thread.sleep(Long.MAX_VALUE);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return FileChecks.run(settings, request);
      }, e -> new FileChecks.Found(List.of(), null, null, List.of(), "error"), Integer.parseInt(args[0]));
    }
  }

  private WorkerOptions options(Class<?> main, Duration timeout) {
    return new WorkerOptions(96, timeout, main.getName(), dir.resolve("checks.log"), List.of(), dir.resolve("tmp"), 2);
  }

  private static List<Signal> of(List<Signal> all, DocumentId id) {
    return all.stream().filter(s -> s.document().equals(id)).toList();
  }

  private void add(Verifier v, Path file, String type) throws Exception {
    v.add(EvidenceStore.hash(file), file.getFileName().toString(), type, Optional.of(file), "Notes on patrol boats.",
        Map.of(), NONE, 1, Instant.parse("2031-01-01T00:00:00Z"));
  }

  @Test
  void aFileThatFillsTheHeapOrHangsIsOneSignalAndTheOthersAreChecked() throws Exception {
    Path oom = dir.resolve("oom.docx");
    VerifyCommandTest.trackedDocx(oom);
    Path hang = Fixtures.docx(dir.resolve("hang.docx"), "Hang", "Another memo on the quay.");
    Path fine = dir.resolve("fine.docx");
    VerifyCommandTest.trackedDocx(fine);
    java.nio.file.Files.writeString(fine, " ", java.nio.file.StandardOpenOption.APPEND); // other bytes, same package
    List<Signal> all;
    try (Forked<FileChecks.Found> files = FileChecks.forked(new FileChecks.Settings(Map.of()),
        options(Misbehaving.class, Duration.ofSeconds(5)))) {
      Verifier v = new Verifier(0.8, files::call);
      add(v, oom, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      add(v, hang, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      add(v, fine, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      all = v.finish(List.of()).signals();
    }
    List<Signal> o = of(all, EvidenceStore.hash(oom));
    assertEquals(List.of("check_failed"), o.stream().map(Signal::kind).toList(), o::toString);
    assertTrue(o.get(0).explanation().contains("96 MB"), o::toString);
    List<Signal> h = of(all, EvidenceStore.hash(hang));
    assertEquals(List.of("check_failed"), h.stream().map(Signal::kind).toList(), h::toString);
    assertTrue(h.get(0).explanation().contains("took longer than 5 s"), h::toString);
    // control: the third file, checked by the same child after the others, keeps its tracked changes
    List<String> f = of(all, EvidenceStore.hash(fine)).stream().map(Signal::kind).toList();
    assertTrue(f.contains("tracked_changes") && !f.contains("check_failed"), f::toString);
  }

  @Test
  void theChildFindsWhatTheChecksFindInProcess() throws Exception {
    Path tracked = dir.resolve("memo.docx");
    VerifyCommandTest.trackedDocx(tracked);
    Path a = dir.resolve("a.docx");
    Path b = dir.resolve("b.docx");
    VerifyOriginsTest.rsidDocx(a, "00A1B2C3", "The first memo on ferries and their crews.");
    VerifyOriginsTest.rsidDocx(b, "00A1B2C3", "A second memo about the harbour cranes and quay.");
    String type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    List<String> forked;
    try (Forked<FileChecks.Found> files = FileChecks.forked(new FileChecks.Settings(Map.of()),
        options(FileChecks.class, Duration.ofMinutes(2)))) {
      Verifier v = new Verifier(0.8, files::call);
      for (Path p : List.of(tracked, a, b)) {
        add(v, p, type);
      }
      forked = v.finish(List.of()).signals().stream().map(s -> s.kind() + " " + s.document().shortForm()).sorted().toList();
    }
    Verifier here = new Verifier(0.8, Map.of());
    for (Path p : List.of(tracked, a, b)) {
      add(here, p, type);
    }
    List<String> inProcess = here.finish(List.of()).signals().stream().map(s -> s.kind() + " " + s.document().shortForm())
        .sorted().toList();
    assertEquals(inProcess, forked);
    assertTrue(forked.stream().anyMatch(k -> k.startsWith("tracked_changes")), forked::toString);
    assertTrue(forked.stream().anyMatch(k -> k.startsWith("shared_rsid")), forked::toString);
  }
}
