package org.dossier.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;
import org.dossier.custody.CustodyLog;
import org.dossier.store.CaseStore;

/**
 * How the custody log stays one hash chain when several processes write a case (workers on
 * other machines, an ingest beside them): every transaction that appends takes the store's
 * custody lock first ({@link CaseStore.Batch#lockCustody}, held to its commit), catches up with
 * the lines the others appended ({@link CustodyLog#catchUp}), appends, syncs the log and stores
 * its new head as the case's custody anchor, then commits. A batch of the recorder's writes its
 * rows first and takes the lock only for its entries at the end, so other writers wait for the
 * appends, the sync, the anchor and the commit alone; it then holds row locks (its task's row,
 * the rows it wrote) while it waits for the custody lock, so a writer that takes the custody lock
 * first must not then write documents, paths or tasks, or the two could deadlock (today those
 * write settings, judgements, users and tokens only). So appends never interleave, each
 * entry chains onto the one before it whoever wrote that, and the store never refers to an entry
 * the log lacks. A writer that dies between the sync and the commit leaves entries after the
 * anchor, which the next writer chains onto.
 */
final class CustodyWrites {
  private CustodyWrites() {}

  /** In a transaction, before its first append: the lock, then the lines others wrote meanwhile. */
  static void hold(CaseStore.Batch tx, CustodyLog log) throws SQLException {
    tx.lockCustody();
    try {
      log.catchUp();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the custody log's last entry", e);
    }
  }

  /** In the same transaction, after its appends: the log synced, its head the store's anchor. */
  static void anchor(CaseStore.Batch tx, CustodyLog log) throws SQLException {
    log.sync();
    tx.setSettings(Map.of(CaseFolder.CUSTODY_SEQ, Long.toString(log.lastSeq()), CaseFolder.CUSTODY_HEAD, log.head()));
  }

  /**
   * One entry and the store's change that goes with it, in one transaction. A transaction cut by
   * a lost connection runs again; its entry, already in the log, is not appended twice (it stays
   * in the chain as a dead writer's would, and the redo's anchor covers it).
   */
  static <T> T append(CaseStore store, CustodyLog log, String action, Map<String, ?> fields,
      CaseStore.Work<T> change) throws SQLException {
    boolean[] appended = {false};
    return store.write(tx -> {
      hold(tx, log);
      if (!appended[0]) {
        log.append(action, fields);
        appended[0] = true;
      }
      T result = change.run(tx);
      anchor(tx, log);
      return result;
    });
  }
}
