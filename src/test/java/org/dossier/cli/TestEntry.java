package org.dossier.cli;

import java.io.PrintWriter;

/** Lets tests in other packages run the real command line with captured output. */
public final class TestEntry {
  private TestEntry() {}

  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return Main.commandLine(out, err).execute(args);
  }
}
