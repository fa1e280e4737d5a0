package org.dossier.extract;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import java.util.regex.Pattern;

/**
 * The libraries' log records of the worker processes: a child writes them to its standard error
 * one record at a time in {@link OneRecord}'s format, and the parent copies them to the case's
 * log, counting the warnings, so that a command can say in one line how many there were. The
 * parent's own records use the same format.
 */
public final class WorkerLog {
  private static final AtomicInteger WARNINGS = new AtomicInteger();
  private static final Pattern RECORD = Pattern.compile("^\\S+ (WARNING|SEVERE) ");

  private WorkerLog() {}

  /** Warnings (and worse) the workers logged since {@link #reset}. */
  public static int warnings() {
    return WARNINGS.get();
  }

  public static void reset() {
    WARNINGS.set(0);
  }

  /** In a child: records of level warning and above go to standard error, one per record. */
  public static void install() {
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    StreamHandler h = new StreamHandler(err, new OneRecord()) {
      @Override
      public synchronized void publish(LogRecord r) {
        super.publish(r);
        flush();
      }
    };
    h.setLevel(Level.WARNING);
    root.addHandler(h);
    root.setLevel(Level.WARNING);
  }

  /** In the parent: copies a child's standard error to {@code log} until it ends, counting its warnings. */
  static void pump(InputStream childErr, Path log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(childErr, StandardCharsets.UTF_8));
        OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (RECORD.matcher(line).find()) {
          WARNINGS.incrementAndGet();
        }
        out.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      // the child is gone or the log cannot be written: nothing more to copy
    }
  }

  /** {@code <instant> <LEVEL> <logger>: <message>}, then the stack trace if there is one. */
  public static final class OneRecord extends Formatter {
    @Override
    public String format(LogRecord r) {
      StringBuilder b = new StringBuilder();
      b.append(Instant.ofEpochMilli(r.getMillis())).append(' ').append(r.getLevel()).append(' ')
          .append(r.getLoggerName()).append(": ").append(formatMessage(r)).append(System.lineSeparator());
      if (r.getThrown() != null) {
        StringWriter w = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(w));
        b.append(w);
      }
      return b.toString();
    }
  }
}
