package org.dossier.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.dossier.pipeline.CaseFolder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --json} and access to {@code --case DIR}, shared by every command. {@code --case} is
 * declared once on the root command and inherited, so it may come before or after the command.
 */
final class CaseOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  Path caseDir() {
    return ((DossierCommand) mixee.root().userObject()).caseDir;
  }

  /** Opens the case, which must exist. */
  CaseFolder openExisting() throws IOException {
    Path caseDir = caseDir();
    if (!CaseFolder.exists(caseDir)) {
      throw new IllegalArgumentException(
          "no case at " + caseDir.toAbsolutePath() + "; run 'dossier ingest PATH' first (or 'dossier"
              + " init' to choose its store), or pass --case DIR");
    }
    CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC());
    LibraryLog.toCase(caseDir);
    return folder;
  }

  CaseFolder openOrCreate() throws IOException {
    Path caseDir = caseDir();
    if (java.nio.file.Files.exists(caseDir) && !java.nio.file.Files.isDirectory(caseDir)) {
      throw new IllegalArgumentException("--case " + caseDir + " is a file, not a case folder");
    }
    CaseFolder folder = CaseFolder.openForWriting(caseDir, Clock.systemUTC());
    LibraryLog.toCase(caseDir);
    return folder;
  }
}
