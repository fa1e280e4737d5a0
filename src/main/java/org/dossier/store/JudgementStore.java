package org.dossier.store;

import java.sql.SQLException;
import java.util.List;
import org.dossier.core.Judgement;

/** The analyst's judgements, in the order they were made (added through {@link CaseStore.Batch#addJudgement}). */
public interface JudgementStore {
  /** Every judgement, undos included, in order. */
  List<Judgement> all() throws SQLException;

  /** The judgements about one target, in order. */
  List<Judgement> about(String target) throws SQLException;

  /** The judgements in force ({@link Judgement#active}). */
  default List<Judgement> active() throws SQLException {
    return Judgement.active(all());
  }
}
