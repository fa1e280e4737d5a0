package org.dossier.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.dossier.pipeline.IngestProgress;

/**
 * Shows an ingest's progress on standard error: a redrawn bar with counts, rate and ETA on a
 * terminal, a plain line every few seconds otherwise.
 */
final class ProgressDisplay implements AutoCloseable {
  private static final int WIDTH = 28;

  private final IngestProgress progress;
  private final PrintWriter err;
  private final boolean terminal;
  private final Thread thread;
  private volatile boolean running = true;

  ProgressDisplay(IngestProgress progress, PrintWriter err, boolean terminal) {
    this.progress = progress;
    this.err = err;
    this.terminal = terminal;
    this.thread = new Thread(this::loop, "ingest-progress");
    this.thread.setDaemon(true);
  }

  ProgressDisplay start() {
    thread.start();
    return this;
  }

  private void loop() {
    long interval = terminal ? 250 : 5000;
    while (running) {
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        draw(false);
      }
    }
  }

  private synchronized void draw(boolean last) {
    long total = progress.filesTotal() + Math.max(0, progress.documentsQueued() - progress.filesTotal());
    long files = progress.filesSeen();
    long done = progress.documentsDone();
    long queued = progress.documentsQueued();
    double secs = Math.max(0.001, progress.elapsedSeconds());
    double rate = done / secs;
    long left = Math.max(0, queued - done) + Math.max(0, progress.filesTotal() - files);
    String eta = rate > 0 && left > 0 ? duration(left / rate) : "--:--";
    String counts =
        String.format(
            Locale.ROOT,
            "files %d/%d  documents %d/%d  %.1f docs/s  %s/s  problems %d  ETA %s",
            files, progress.filesTotal(), done, queued, rate,
            Sizes.human((long) (progress.bytesDone() / secs)), progress.problems(), eta);
    if (terminal) {
      double fraction = total == 0 ? 0 : (double) (files + done) / (progress.filesTotal() + queued);
      int filled = (int) Math.round(Math.min(1, fraction) * WIDTH);
      String bar = "[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "]";
      err.print("\r" + bar + " " + counts + "  ");
      if (last) {
        err.println();
      }
    } else {
      err.println("ingest: " + counts);
    }
    err.flush();
  }

  private static String duration(double seconds) {
    long s = (long) seconds;
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    draw(true);
  }
}
