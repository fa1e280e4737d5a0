package org.dossier.pipeline;

import java.util.List;
import java.util.Map;

/**
 * What an ingest did.
 *
 * @param filesSeen files and links found in the input
 * @param filesUnchanged files already in the case with the same bytes at the same path
 * @param newDocuments documents that were not in the case before
 * @param extracted documents extracted in this run
 * @param documents documents in the case after the run
 * @param byStatus documents in the case per status code
 * @param problems documents and paths of this case with a problem status
 * @param warnings things the user should know about the run as a whole
 * @param seconds wall time
 */
public record IngestSummary(
    long filesSeen,
    long filesUnchanged,
    long newDocuments,
    long extracted,
    long documents,
    Map<String, Long> byStatus,
    long problems,
    List<String> warnings,
    double seconds,
    java.util.Optional<Linking.Summary> linked) {
  public IngestSummary {
    byStatus = Map.copyOf(byStatus);
    warnings = List.copyOf(warnings);
  }
}
