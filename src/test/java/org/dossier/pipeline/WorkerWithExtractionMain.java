package org.dossier.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * {@code dossier worker} (extract stage, one thread, no OCR) whose extraction child runs another
 * entry point than {@code WorkerMain}: a parser that hangs, say. For tests that kill the worker's
 * process. Arguments: the case folder, the child's main class.
 */
public final class WorkerWithExtractionMain {
  private WorkerWithExtractionMain() {}

  public static void main(String[] args) throws Exception {
    IngestSettings d = IngestSettings.defaults();
    IngestSettings settings = new IngestSettings(d.maxFileSize(), d.limits(), 1, 256, Duration.ofMinutes(10),
        d.maxTextChars(), d.maxIndexChars(), "", d.tesseract(), false);
    try (CaseFolder folder = CaseFolder.open(Path.of(args[0]), Clock.systemUTC())) {
      new Worker(folder, new Worker.Options(Set.of(StageTasks.EXTRACT), 1, true, Duration.ofSeconds(30), settings),
          System.err::println, args[1]).run();
    }
  }
}
