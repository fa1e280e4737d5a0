package org.dossier.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a running ingest, read by progress displays from another thread. */
public final class IngestProgress {
  final AtomicLong filesTotal = new AtomicLong();
  final AtomicLong filesSeen = new AtomicLong();
  final AtomicLong filesUnchanged = new AtomicLong();
  final AtomicLong documentsQueued = new AtomicLong();
  final AtomicLong documentsDone = new AtomicLong();
  final AtomicLong problems = new AtomicLong();
  final AtomicLong bytesDone = new AtomicLong();
  private final long startNanos = System.nanoTime();

  /** Files and links found in the input, known once the walk has counted them. */
  public long filesTotal() {
    return filesTotal.get();
  }

  public long filesSeen() {
    return filesSeen.get();
  }

  /** Files whose bytes were already in the case under the same path. */
  public long filesUnchanged() {
    return filesUnchanged.get();
  }

  /** Documents to extract in this run, embedded ones included as they are found. */
  public long documentsQueued() {
    return documentsQueued.get();
  }

  public long documentsDone() {
    return documentsDone.get();
  }

  public long problems() {
    return problems.get();
  }

  public long bytesDone() {
    return bytesDone.get();
  }

  public double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
