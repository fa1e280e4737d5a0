package org.dossier.custody;

import java.util.List;

/**
 * The outcome of {@link CustodyVerifier#verify}.
 *
 * @param entries lines read
 * @param originalsChecked distinct originals re-hashed
 * @param head SHA-256 of the last line, to record outside the case
 * @param problems one sentence per problem found; empty when the log and originals are intact
 */
public record CustodyReport(long entries, long originalsChecked, String head, List<String> problems) {
  public CustodyReport {
    problems = List.copyOf(problems);
  }

  public boolean intact() {
    return problems.isEmpty();
  }
}
