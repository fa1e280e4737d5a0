package org.dossier.views;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.DocumentId;
import org.dossier.core.DocumentIndex;
import org.dossier.core.InvalidQueryException;
import org.dossier.core.SearchRequest;
import org.dossier.core.SearchResult;
import org.dossier.pipeline.CaseFolder;
import org.dossier.store.SavedSearchStore.Saved;

/**
 * Saved searches and their alerts, as the CLI and the workbench show them: a user saves a query
 * under a name; the documents added to the case after the user last saw its hits, that match it,
 * are its alert, until the user marks them seen. Only the documents added since are searched
 * again, so an alert costs one query over them, whatever the size of the case.
 */
public final class SavedSearches {
  /** Documents added since a search was seen that one alert looks at; past it, the count says "at least". */
  public static final int MAX_NEW = 100_000;
  /** Longest name of a saved search. */
  public static final int MAX_NAME = 100;
  /** Longest query saved. */
  public static final int MAX_QUERY = 2_000;

  private SavedSearches() {}

  /**
   * A saved search and what it finds now.
   *
   * @param total the documents of the case it matches
   * @param fresh those of them added after its user last saw its hits
   * @param more true when more documents were added than an alert looks at: {@code fresh} is a floor
   * @param newest the newest document of the case, up to which "seen" marks it
   */
  public record Alert(Saved saved, long total, long fresh, boolean more, long newest) {}

  /** Saves {@code query} under {@code name} for {@code user}, seen as of now; returns it. */
  public static Saved save(CaseFolder folder, DocumentIndex index, String user, String name, String query, Instant at)
      throws IOException, SQLException {
    String n = name.strip();
    String q = query.strip();
    if (n.isEmpty() || n.length() > MAX_NAME || n.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a saved search's name is one line of 1 to " + MAX_NAME + " characters");
    }
    if (q.isEmpty() || q.length() > MAX_QUERY) {
      throw new IllegalArgumentException("a saved query holds 1 to " + MAX_QUERY + " characters");
    }
    try {
      index.search(new SearchRequest(q, 1, 0)); // refuse a query that cannot run, now rather than at each alert
    } catch (InvalidQueryException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    long newest = folder.store().documents().lastSeq();
    folder.store().write(tx -> tx.saveSearch(user, n, q, at, newest));
    return folder.store().savedSearches().byName(user, n).orElseThrow();
  }

  /** A user's saved searches, each with its alert. */
  public static List<Alert> alerts(CaseFolder folder, DocumentIndex index, String user) throws IOException, SQLException {
    long newest = folder.store().documents().lastSeq();
    List<Alert> out = new ArrayList<>();
    for (Saved s : folder.store().savedSearches().of(user)) {
      out.add(alert(folder, index, s, newest));
    }
    return out;
  }

  /** One saved search with its alert. */
  public static Alert alert(CaseFolder folder, DocumentIndex index, Saved s) throws IOException, SQLException {
    return alert(folder, index, s, folder.store().documents().lastSeq());
  }

  private static Alert alert(CaseFolder folder, DocumentIndex index, Saved s, long newest) throws IOException, SQLException {
    long total = count(index, new SearchRequest(s.query(), 1, 0));
    if (newest <= s.seenSeq()) {
      return new Alert(s, total, 0, false, newest);
    }
    List<DocumentId> added = folder.store().documents().addedAfter(s.seenSeq(), MAX_NEW + 1);
    boolean more = added.size() > MAX_NEW;
    List<DocumentId> looked = more ? added.subList(0, MAX_NEW) : added;
    long fresh = count(index, new SearchRequest(s.query(), 1, 0, Optional.of(new HashSet<>(looked))));
    return new Alert(s, total, fresh, more, newest);
  }

  /** The documents added since a saved search was seen that match it, best first. */
  public static SearchResult fresh(CaseFolder folder, DocumentIndex index, Saved s, int limit, int offset)
      throws IOException, SQLException {
    List<DocumentId> added = folder.store().documents().addedAfter(s.seenSeq(), MAX_NEW);
    return index.search(new SearchRequest(s.query(), limit, offset, Optional.of(new HashSet<>(added))));
  }

  private static long count(DocumentIndex index, SearchRequest r) throws IOException {
    try {
      return index.search(r).total();
    } catch (InvalidQueryException e) {
      return -1; // a query the index no longer reads (its syntax changed): shown as such
    }
  }

  /** Marks a user's saved search seen up to {@code newest}; false when the user has none of that id. */
  public static boolean seen(CaseFolder folder, String user, long id, long newest, Instant at) throws SQLException {
    return folder.store().write(tx -> tx.markSearchSeen(user, id, newest, at));
  }

  /** Deletes a user's saved search; false when the user has none of that id. */
  public static boolean delete(CaseFolder folder, String user, long id) throws SQLException {
    return folder.store().write(tx -> tx.deleteSearch(user, id));
  }

  /** As {@code saved --json} and the API print it. */
  public static Map<String, Object> json(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.saved().id());
    m.put("name", a.saved().name());
    m.put("query", a.saved().query());
    m.put("user", a.saved().user());
    m.put("created", a.saved().created().toString());
    m.put("seenAt", a.saved().seenAt().toString());
    m.put("total", a.total());
    m.put("new", a.fresh());
    m.put("atLeast", a.more());
    return m;
  }
}
