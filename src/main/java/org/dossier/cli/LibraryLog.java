package org.dossier.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the libraries log (PDFBox, POI, Tika, Lucene: through SLF4J, commons-logging and log4j,
 * all routed to {@code java.util.logging}) goes to the case's {@value #FILE}, with its stack
 * traces, and never to the terminal: a damaged PDF must not print a thousand stack frames over
 * the analyst's output. Until a command opens its case the records wait in a bounded buffer; a
 * command that opens none drops them. The terminal gets one line saying how many there were.
 */
final class LibraryLog {
  /** The log file in the case folder. */
  static final String FILE = "dossier.log";
  /** Records kept at most while no case is open. */
  static final int BUFFERED = 1_000;

  private static final Logger ROOT = Logger.getLogger("");
  private static final AtomicInteger WARNINGS = new AtomicInteger();
  private static final Deque<LogRecord> PENDING = new ArrayDeque<>();
  private static Handler file;
  private static Path current;

  private LibraryLog() {}

  /** Takes the libraries' records off the console, into the buffer; counts from zero. */
  static synchronized void install() {
    for (Handler h : ROOT.getHandlers()) {
      if (h != SINK) {
        ROOT.removeHandler(h);
      }
    }
    if (java.util.Arrays.stream(ROOT.getHandlers()).noneMatch(h -> h == SINK)) {
      ROOT.addHandler(SINK);
    }
    ROOT.setLevel(Level.WARNING);
    WARNINGS.set(0);
    org.dossier.extract.WorkerLog.reset();
    PENDING.clear();
    closeFile();
  }

  /** From now on records go to {@code caseDir}/{@value #FILE}, the buffered ones first. */
  static synchronized void toCase(Path caseDir) {
    Path target = caseDir.toAbsolutePath().resolve(FILE);
    if (target.equals(current)) {
      return;
    }
    closeFile();
    try {
      FileHandler h = new FileHandler(target.toString(), true);
      h.setFormatter(new org.dossier.extract.WorkerLog.OneRecord());
      h.setLevel(Level.ALL);
      file = h;
      current = target;
      for (LogRecord r : PENDING) {
        h.publish(r);
      }
      PENDING.clear();
      h.flush();
    } catch (IOException | SecurityException e) {
      file = null; // no log file: the records are dropped, the command goes on
    }
  }

  /** Records of level warning or above since {@link #install}, here and in the worker processes. */
  static int warnings() {
    return WARNINGS.get() + org.dossier.extract.WorkerLog.warnings();
  }

  /** Where the records went, or null when no case was opened. */
  static synchronized Path file() {
    return file == null ? null : current;
  }

  /** Closes the file, so that a test or a second command starts clean. */
  static synchronized void closeFile() {
    if (file != null) {
      file.close();
      file = null;
      current = null;
    }
  }

  private static synchronized void publish(LogRecord r) {
    if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
      WARNINGS.incrementAndGet();
    }
    if (file != null) {
      file.publish(r);
      file.flush();
    } else {
      if (PENDING.size() >= BUFFERED) {
        PENDING.removeFirst();
      }
      PENDING.addLast(r);
    }
  }

  private static final Handler SINK = new Handler() {
    @Override
    public void publish(LogRecord r) {
      LibraryLog.publish(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** One line per record (time, level, logger, message), then its stack trace. */
}
