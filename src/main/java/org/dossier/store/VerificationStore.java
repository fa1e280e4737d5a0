package org.dossier.store;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The verify stage's work kept between the tasks that do it (on several machines): each
 * document's checks and signature (as the verify stage writes them, text), its band hashes, and
 * the candidate pairs each round's band partitions found. Written in a {@link CaseStore.Batch}
 * ({@link CaseStore.Batch#putVerification}, {@link CaseStore.Batch#putCandidates}).
 */
public interface VerificationStore {
  /** The checks' kind of a document's row. */
  String CHECKS = "checks";
  /** The signature's kind of a document's row. */
  String SIGNATURE = "signature";

  /** One document's hash in one band. */
  record BandRow(int band, long hash, String document) {}

  /** What a document's row of {@code kind} was made from (its task's key), if it has one. */
  Optional<String> inputs(String document, String kind) throws SQLException;

  /** Every document's row of {@code kind}: document and value. */
  void forEach(String kind, BiConsumer<String, String> visitor) throws SQLException;

  /** The rows of {@code kind} of these documents, by document. */
  Map<String, String> values(String kind, Collection<String> documents) throws SQLException;

  /** The documents' hashes in one band, in order of hash then document: a bucket's rows together. */
  void band(int band, Consumer<BandRow> visitor) throws SQLException;

  /** The candidate pairs of a round, each once. */
  void candidates(String round, BiConsumer<String, String> visitor) throws SQLException;
}
