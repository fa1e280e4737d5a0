package org.dossier.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.analyze.EntityResolver;
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
      if (j.action() == Judgement.Action.MERGE || j.action() == Judgement.Action.SPLIT) {
        known(folder, j);
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
      return CustodyWrites.append(folder.store(), custody, "judgement", fields, tx -> {
        Judgement saved = tx.addJudgement(j);
        if (bears) {
          tx.deleteSetting(Linking.SETTING);
        }
        if (j.bearsOnEntities()) {
          tx.deleteSetting(Ingest.ENTITIES_SETTING); // the names are joined again, then linked
        }
        return saved;
      });
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /** Refuses a merge or split that names a name no document of the case gives an entity of its type. */
  private static void known(CaseFolder folder, Judgement j) throws SQLException {
    org.dossier.core.EntityType type = j.entityType().orElseThrow();
    if (EntityResolver.key(type, j.entityName()).equals(EntityResolver.key(type, j.value()))) {
      throw new IllegalArgumentException("'" + j.entityName() + "' and '" + j.value() + "' are one name to the resolver"
          + " (the same words across scripts, cases or titles): they are always one entity");
    }
    java.util.Set<String> wanted = new java.util.HashSet<>(java.util.List.of(
        EntityResolver.key(type, j.entityName()), EntityResolver.key(type, j.value())));
    java.util.Set<String> found = new java.util.HashSet<>();
    folder.store().entities().forEachEntityName(r -> {
      if (r.type() == type) {
        for (String n : new String[] {r.text(), r.canonical()}) {
          String k = EntityResolver.key(type, n);
          if (wanted.contains(k)) {
            found.add(k);
          }
        }
      }
    });
    for (String name : new String[] {j.entityName(), j.value()}) {
      if (!found.contains(EntityResolver.key(type, name))) {
        throw new IllegalArgumentException("no " + type.code() + " named '" + name + "' in this case");
      }
    }
  }
}
