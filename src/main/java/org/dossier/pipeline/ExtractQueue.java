package org.dossier.pipeline;

import java.util.ArrayDeque;
import java.util.Optional;
import org.dossier.core.DocumentId;

/**
 * Documents waiting for extraction. Files of the input wait in a bounded lane, so the collector
 * cannot run far ahead of the workers; embedded documents wait in a lane of their own that is
 * served first and never blocks, so a worker adding children cannot deadlock on a full queue.
 * The queue ends once it is closed and every job taken has been marked {@link #done}.
 */
final class ExtractQueue {
  /** What to do with a document. */
  enum Work {
    /** Extract it, then analyse it. */
    EXTRACT,
    /** Its text is extracted already: analyse it. */
    ANALYZE
  }

  /** A document to work on. */
  /**
   * @param root the top input whose tree of containers this document is in (itself for a top input,
   *     and for a document taken up again after a restart, whose tree is not known)
   */
  record Job(DocumentId id, String name, int depth, Work work, DocumentId root) {
    Job(DocumentId id, String name, int depth) {
      this(id, name, depth, Work.EXTRACT, id);
    }

    Job(DocumentId id, String name, int depth, Work work) {
      this(id, name, depth, work, id);
    }
  }

  private final ArrayDeque<Job> files = new ArrayDeque<>();
  private final ArrayDeque<Job> children = new ArrayDeque<>();
  private final int capacity;
  private long unfinished;
  private boolean closed;
  private boolean aborted;

  ExtractQueue(int capacity) {
    this.capacity = capacity;
  }

  /** Adds a file of the input, waiting while the lane is full. */
  synchronized void put(Job job) throws InterruptedException {
    while (files.size() >= capacity && !aborted) {
      wait();
    }
    files.add(job);
    unfinished++;
    notifyAll();
  }

  /** Adds an embedded document; never waits. */
  synchronized void putChild(Job job) {
    children.add(job);
    unfinished++;
    notifyAll();
  }

  /** The next job, or empty once the queue is closed and drained (or aborted). */
  synchronized Optional<Job> take() throws InterruptedException {
    while (true) {
      if (aborted) {
        return Optional.empty();
      }
      Job next = children.poll();
      if (next == null) {
        next = files.poll();
      }
      if (next != null) {
        notifyAll();
        return Optional.of(next);
      }
      if (closed && unfinished == 0) {
        return Optional.empty();
      }
      wait();
    }
  }

  /** Marks a taken job finished, after any children it had were added. */
  synchronized void done() {
    unfinished--;
    notifyAll();
  }

  /** No more files will be added. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }

  /** Stops everything: workers take nothing more, producers stop waiting. */
  synchronized void abort() {
    aborted = true;
    notifyAll();
  }
}
