package org.dossier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Ingest;
import org.dossier.pipeline.IngestSettings;

/** Brings a case up to date before a reading command answers: pending stages run first. */
final class UpToDate {
  private UpToDate() {}

  static void ensure(CaseFolder folder, PrintWriter err) throws IOException {
    long open = org.dossier.pipeline.Worker.openTasks(folder);
    if (open > 0) {
      // a distributed case whose workers are at it: they bring it up to date, not this command
      err.println("dossier: " + open + " tasks are queued or running for the case's workers; this answer is from"
          + " what they have written so far");
      err.flush();
      return;
    }
    if (Ingest.pending(folder)) {
      err.println("dossier: bringing the case up to date first (pending extraction, analysis or indexing)");
      err.flush();
      new Ingest(folder, IngestSettings.defaults(), w -> err.println("dossier: warning: " + w)).run(java.util.List.of());
    }
  }
}
