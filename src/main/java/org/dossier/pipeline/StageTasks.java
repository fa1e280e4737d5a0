package org.dossier.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dossier.core.DocumentId;
import org.dossier.store.CaseStore;
import org.dossier.store.TaskQueue;

/**
 * The stages as tasks of the case's work queue: their kinds, keys and payloads. A document's
 * tasks are keyed by its content hash; the case-wide stages by the round of work they follow.
 * The payloads are JSON, read and written here only; the rest of the pipeline sees
 * {@link ExtractQueue.Job}s.
 */
public final class StageTasks {
  /** Extract a document (and store what it contains, as documents to extract). */
  public static final String EXTRACT = "extract";
  /** Analyse a document's extracted text. */
  public static final String ANALYZE = "analyze";
  /** Index a document: taken only by the worker that holds the index's writer. */
  public static final String INDEX = "index";
  /** Resolve the case's entities and link it (stories, facts ...), once the documents are analysed. */
  public static final String LINK = "link";
  /** The verify stage over the whole case, after the link stage. */
  public static final String VERIFY = "verify";
  /** Every stage, in the order a document goes through them. */
  public static final List<String> KINDS = List.of(EXTRACT, ANALYZE, INDEX, LINK, VERIFY);

  /** The kinds whose tasks may yet lead to a task of each kind (itself included). */
  private static final Map<String, Set<String>> UPSTREAM = Map.of(
      EXTRACT, Set.of(EXTRACT),
      ANALYZE, Set.of(EXTRACT, ANALYZE),
      INDEX, Set.of(EXTRACT, ANALYZE, INDEX),
      LINK, Set.of(EXTRACT, ANALYZE, LINK),
      VERIFY, Set.of(EXTRACT, ANALYZE, LINK, VERIFY));

  private static final ObjectMapper JSON = new ObjectMapper();

  private StageTasks() {}

  /** The kinds of task whose being queued or leased means a worker of these stages may get work. */
  static Set<String> upstream(Collection<String> stages) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : stages) {
      out.addAll(UPSTREAM.get(s));
    }
    return out;
  }

  /** Extract {@code job}'s document; with {@code analyse}, an analyze task follows. */
  static TaskQueue.NewTask extract(ExtractQueue.Job job, boolean analyse) {
    ObjectNode p = payload(job);
    p.put("analyze", analyse);
    return new TaskQueue.NewTask(EXTRACT, job.id().sha256(), p.toString());
  }

  /**
   * Analyse {@code job}'s document with the analysis {@code generation} names (see
   * {@link #generation}): when the analyzer or the case's gazetteers change, every document is
   * analysed again, which a key done before would never queue.
   */
  static TaskQueue.NewTask analyze(ExtractQueue.Job job, String generation) {
    return new TaskQueue.NewTask(ANALYZE, job.id().sha256() + "/" + generation, payload(job).toString());
  }

  /** The case's analysis as it stands (its analyzer and gazetteers), in a short form for task keys. */
  static String generation(CaseStore store) throws SQLException {
    return store.setting(Ingest.ANALYZER_SETTING)
        .map(f -> org.dossier.core.Sha256.hex(f).substring(0, 12)).orElse("");
  }

  /**
   * Index a document as {@code tx} sees it. A task done is never queued again, yet a document must
   * be indexed again when it gains a path (its entry names every path) and once its analysis is in
   * (its names are facets), so the key names the number of paths, the analysis status and the
   * analysis {@link #generation}.
   */
  static TaskQueue.NewTask index(DocumentId id, CaseStore.Batch tx, String generation) throws SQLException {
    return new TaskQueue.NewTask(INDEX,
        id.sha256() + "/" + tx.pathCount(id) + "/" + tx.analysis(id).orElse("") + "/" + generation, "{}");
  }

  /** The document a document's task (extract, analyze, index) is about: its key's first part. */
  static DocumentId document(TaskQueue.Lease lease) {
    String key = lease.key();
    int slash = key.indexOf('/');
    return new DocumentId(slash < 0 ? key : key.substring(0, slash));
  }

  /** The case-wide task of {@code kind} after the round of document work {@code round} names. */
  static TaskQueue.NewTask caseWide(String kind, String round) {
    return new TaskQueue.NewTask(kind, round, "{}");
  }

  /** What an extract or analyze task works on. */
  record Work(ExtractQueue.Job job, boolean analyse) {}

  static Work work(TaskQueue.Lease lease) {
    JsonNode p;
    try {
      p = JSON.readTree(lease.payload());
    } catch (IOException e) {
      throw new UncheckedIOException("the task " + lease.task() + " has a payload that is not JSON", e);
    }
    DocumentId id = document(lease);
    DocumentId root = p.hasNonNull("root") ? new DocumentId(p.get("root").asText()) : id;
    ExtractQueue.Work what = lease.kind().equals(ANALYZE) ? ExtractQueue.Work.ANALYZE : ExtractQueue.Work.EXTRACT;
    return new Work(new ExtractQueue.Job(id, p.path("name").asText(), p.path("depth").asInt(), what, root),
        p.path("analyze").asBoolean(false));
  }

  private static ObjectNode payload(ExtractQueue.Job job) {
    ObjectNode p = JSON.createObjectNode();
    p.put("name", job.name());
    p.put("depth", job.depth());
    p.put("root", job.root().sha256());
    return p;
  }
}
