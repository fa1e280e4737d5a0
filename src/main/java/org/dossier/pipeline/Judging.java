package org.dossier.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Judgement;
import org.dossier.custody.CustodyLog;

/**
 * Records the analyst's judgements: each under the case's write lock (so never beside a running
 * ingest), appended to the custody log first and then stored, in one transaction with the log's
 * anchor. A judgement about claims, attributions or facts marks the link stage to run again, so
 * every later reading (facts, report, exports) respects it; a tag, star or note on a document
 * does not.
 */
public final class Judging {
  private Judging() {}

  /**
   * Records {@code j} and returns it with its number.
   *
   * @throws IllegalArgumentException when an undo names no judgement of this case, or one
   *     already undone
   * @throws IllegalStateException when another process is writing the case
   */
  public static Judgement record(CaseFolder folder, Judgement j) throws IOException {
    try (Closeable lock = folder.lockForWriting(); CustodyLog custody = folder.openCustodyLog()) {
      List<Judgement> all = folder.store().judgements().all();
      boolean bears = j.bearsOnFindings();
      if (j.action() == Judgement.Action.UNDO) {
        Optional<Judgement> undone = all.stream().filter(x -> x.seq() == j.undoes()).findFirst();
        if (undone.isEmpty() || !undone.get().target().equals(j.target())) {
          throw new IllegalArgumentException("there is no judgement " + j.undoes() + " about " + j.target() + " to undo");
        }
        boolean inForce = Judgement.active(all).stream().anyMatch(x -> x.seq() == j.undoes())
            || undone.get().action() == Judgement.Action.UNDO;
        if (!inForce) {
          throw new IllegalArgumentException("judgement " + j.undoes() + " is already undone");
        }
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("at", j.at().toString());
      fields.put("user", j.user());
      fields.put("target", j.target());
      fields.put("action", j.action().code());
      fields.put("value", j.value());
      fields.put("reason", j.reason());
      if (j.undoes() > 0) {
        fields.put("undoes", j.undoes());
      }
      custody.append("judgement", fields);
      return folder.store().write(tx -> {
        Judgement saved = tx.addJudgement(j);
        tx.setSetting(CaseFolder.CUSTODY_SEQ, Long.toString(custody.lastSeq()));
        tx.setSetting(CaseFolder.CUSTODY_HEAD, custody.head());
        if (bears) {
          tx.deleteSetting(Linking.SETTING);
        }
        return saved;
      });
    } catch (SQLException e) {
      throw new IOException("the case database failed: " + e.getMessage(), e);
    }
  }
}
