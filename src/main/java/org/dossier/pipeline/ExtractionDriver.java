package org.dossier.pipeline;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One thread of an ingest's extract stage: takes documents from the in-process queue, runs
 * {@link DocumentSteps} on each, hands what they found to the recorder and queues the embedded
 * documents they found.
 */
final class ExtractionDriver implements Runnable {
  private final DocumentSteps steps;
  private final IngestSettings settings;
  private final ExtractQueue queue;
  private final List<Throwable> failures;
  private final DocumentSteps.Outcomes outcomes;

  ExtractionDriver(DocumentSteps steps, IngestSettings settings, IngestProgress progress, ExtractQueue queue,
      Recorder recorder, List<Throwable> failures) {
    this.steps = steps;
    this.settings = settings;
    this.queue = queue;
    this.failures = failures;
    this.outcomes = new DocumentSteps.Outcomes() {
      @Override
      public void record(RecorderEvent event) throws InterruptedException {
        recorder.send(event);
      }

      @Override
      public void extract(ExtractQueue.Job child) {
        progress.documentsQueued.incrementAndGet();
        queue.putChild(child);
      }
    };
  }

  /** Takes documents from the queue until it ends; a failure of the case itself stops all. */
  @Override
  public void run() {
    try {
      while (true) {
        Optional<ExtractQueue.Job> job = queue.take();
        if (job.isEmpty()) {
          return;
        }
        try {
          if (job.get().work() == ExtractQueue.Work.ANALYZE) {
            steps.analyze(job.get(), outcomes);
          } else {
            steps.extract(job.get(), settings.analyze(), outcomes);
          }
        } finally {
          queue.done();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | SQLException | RuntimeException e) {
      failures.add(e);
      queue.abort();
    }
  }
}
