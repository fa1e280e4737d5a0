package org.dossier.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dossier.core.DocumentId;
import org.dossier.extract.ContainerLimits;
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
  /**
   * The link stage, once the documents are analysed: its task resolves the case's entities and
   * plans the round (a {@link #LINK_READ} task per page of documents); {@link #LINK_FINISH} forms
   * the stories, facts and sources from the readings the pages kept.
   */
  public static final String LINK = "link";
  /** The link stage's reading of a page of documents, kept in the case folder ({@link Linking#reading}). */
  public static final String LINK_READ = "link-read";
  /** The link stage's end: stories, facts, sources from the documents' kept readings, stored. */
  public static final String LINK_FINISH = "link-finish";
  /**
   * The verify stage, after the link stage: its task plans the round (queues a task per document
   * whose checks are not stored for what it is now); {@link #VERIFY_DOCUMENT}, {@link #VERIFY_BANDS}
   * and {@link #VERIFY_FAMILIES} tasks do the work.
   */
  public static final String VERIFY = "verify";
  /** One document's checks, signature and band hashes, stored. */
  public static final String VERIFY_DOCUMENT = "verify-document";
  /** The candidate pairs of a range of MinHash bands, from their stored band hashes. */
  public static final String VERIFY_BANDS = "verify-bands";
  /** The verify stage's end: candidates confirmed, families, the checks across documents, the findings. */
  public static final String VERIFY_FAMILIES = "verify-families";
  /** Every stage, in the order a document goes through them: what {@code dossier worker --stages} names. */
  public static final List<String> KINDS = List.of(EXTRACT, ANALYZE, INDEX, LINK, VERIFY);
  /** The link stage's kinds of task, in the order a round does them. */
  static final List<String> LINK_KINDS = List.of(LINK, LINK_READ, LINK_FINISH);
  /** The verify stage's kinds of task, in the order a round does them. */
  static final List<String> VERIFY_KINDS = List.of(VERIFY, VERIFY_DOCUMENT, VERIFY_BANDS, VERIFY_FAMILIES);
  /**
   * What the checks of a document are: a document checked under another version is checked again.
   * Raise it when the per-document checks or the signature change.
   */
  static final int VERIFY_VERSION = 1;

  /** The kinds whose tasks may yet lead to a task of each kind (itself included). */
  private static final Map<String, Set<String>> UPSTREAM = Map.of(
      EXTRACT, Set.of(EXTRACT),
      ANALYZE, Set.of(EXTRACT, ANALYZE),
      INDEX, Set.of(EXTRACT, ANALYZE, INDEX),
      LINK, Set.of(EXTRACT, ANALYZE, LINK, LINK_READ, LINK_FINISH),
      VERIFY, Set.of(EXTRACT, ANALYZE, LINK, LINK_READ, LINK_FINISH, VERIFY, VERIFY_DOCUMENT, VERIFY_BANDS,
          VERIFY_FAMILIES));

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

  /**
   * Extract {@code job}'s document as {@code run} asks (its OCR, timeout and caps travel in the
   * payload, and go on to the tasks of the documents it contains); with {@code analyse}, an analyze
   * task follows. {@code retry} is empty for a document's first extraction; a document extracted
   * again ({@code ingest --queue --retry-failed}) is so in a retry of its own ({@link #retryOf}),
   * since its tasks done before are never queued again: the retry goes into the key of this task and
   * of its follow-ons.
   */
  static TaskQueue.NewTask extract(ExtractQueue.Job job, boolean analyse, IngestSettings.Run run, String retry) {
    ObjectNode p = payload(job);
    p.put("analyze", analyse);
    ObjectNode r = p.putObject("run");
    r.put("ocr", run.ocrLanguages());
    r.put("timeoutMillis", run.timeout().toMillis());
    r.put("maxTextChars", run.maxTextChars());
    ContainerLimits l = run.limits();
    r.put("maxEntries", l.maxEntries());
    r.put("maxExpanded", l.maxExpandedBytes());
    r.put("maxRatio", l.maxRatio());
    r.put("ratioFloor", l.ratioFloorBytes());
    r.put("maxDepth", l.maxDepth());
    if (!retry.isEmpty()) {
      p.put("retry", retry);
    }
    return new TaskQueue.NewTask(EXTRACT, retried(job.id().sha256(), retry), p.toString());
  }

  /** The retry of the documents that the run {@code run} (an {@code ingest --queue --retry-failed}) extracts again. */
  static String retryOf(long run) {
    return "retry-" + run;
  }

  /** A key of a document's task, with the retry its document is extracted again in (none: empty). */
  private static String retried(String key, String retry) {
    return retry.isEmpty() ? key : key + "/" + retry;
  }

  /** What the run that queued an extract task asked of the extraction; empty for a task queued without it. */
  private static Optional<IngestSettings.Run> run(JsonNode p) {
    JsonNode r = p.get("run");
    if (r == null || !r.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new IngestSettings.Run(r.path("ocr").asText(), Duration.ofMillis(r.path("timeoutMillis").asLong()),
        new ContainerLimits(r.path("maxEntries").asInt(), r.path("maxExpanded").asLong(), r.path("maxRatio").asLong(),
            r.path("ratioFloor").asLong(), r.path("maxDepth").asInt()),
        r.path("maxTextChars").asInt()));
  }

  /**
   * Analyse {@code job}'s document with the analysis {@code generation} names (see
   * {@link #generation}): when the analyzer or the case's gazetteers change, every document is
   * analysed again, which a key done before would never queue.
   */
  static TaskQueue.NewTask analyze(ExtractQueue.Job job, String generation) {
    return analyze(job, generation, "");
  }

  /** As {@link #analyze(ExtractQueue.Job, String)}, for a document extracted again in {@code retry} ({@link #extract}). */
  static TaskQueue.NewTask analyze(ExtractQueue.Job job, String generation, String retry) {
    ObjectNode p = payload(job);
    if (!retry.isEmpty()) {
      p.put("retry", retry);
    }
    return new TaskQueue.NewTask(ANALYZE, retried(job.id().sha256() + "/" + generation, retry), p.toString());
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
    return index(id, tx, generation, "");
  }

  /** As {@link #index(DocumentId, CaseStore.Batch, String)}, for a document extracted again in {@code retry} ({@link #extract}). */
  static TaskQueue.NewTask index(DocumentId id, CaseStore.Batch tx, String generation, String retry) throws SQLException {
    return new TaskQueue.NewTask(INDEX, retried(state(id, tx, generation), retry), "{}");
  }

  /** A document as {@code tx} sees it, for a task key: its hash, number of paths, analysis status and generation. */
  private static String state(DocumentId id, CaseStore.Batch tx, String generation) throws SQLException {
    return id.sha256() + "/" + tx.pathCount(id) + "/" + tx.analysis(id).orElse("") + "/" + generation;
  }

  /** The document a document's task (extract, analyze, index) is about: its key's first part. */
  static DocumentId document(TaskQueue.Lease lease) {
    String key = lease.key();
    int slash = key.indexOf('/');
    return new DocumentId(slash < 0 ? key : key.substring(0, slash));
  }

  /** The kinds of task a worker of these stages claims: the link stage's are its three, the verify stage's its four. */
  static List<String> taskKinds(Collection<String> stages) {
    List<String> out = new java.util.ArrayList<>();
    for (String s : stages) {
      if (s.equals(LINK)) {
        out.addAll(LINK_KINDS);
      } else if (s.equals(VERIFY)) {
        out.addAll(VERIFY_KINDS);
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Check a document as {@code tx} sees it, with the case's DKIM {@code keys}. A task done is never
   * queued again, yet a document's checks change with its paths (an exact duplicate), its analysis
   * (dates, the document's date) and its analysis {@link #generation}, the case's DKIM keys and the
   * checks' {@link #VERIFY_VERSION}: the key names them all, so a round queues the documents whose
   * checks would change, and only those.
   */
  static TaskQueue.NewTask verifyDocument(DocumentId id, CaseStore.Batch tx, String generation,
      Map<String, List<String>> keys) throws SQLException {
    ObjectNode p = JSON.createObjectNode();
    ObjectNode k = p.putObject("dkim");
    new java.util.TreeMap<>(keys).forEach((name, records) -> {
      var a = k.putArray(name);
      records.forEach(a::add);
    });
    String dkim = keys.isEmpty() ? "" : org.dossier.core.Sha256.hex(k.toString()).substring(0, 12);
    return new TaskQueue.NewTask(VERIFY_DOCUMENT, state(id, tx, generation) + "/" + dkim + "/v" + VERIFY_VERSION,
        p.toString());
  }

  /** The DKIM keys a verify-document task checks its document with. */
  static Map<String, List<String>> dkimKeys(TaskQueue.Lease lease) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    read(lease).path("dkim").fields().forEachRemaining(e -> {
      List<String> records = new java.util.ArrayList<>();
      e.getValue().forEach(r -> records.add(r.asText()));
      out.put(e.getKey(), records);
    });
    return out;
  }

  /**
   * The reading of a page of a link round's documents: the {@code size} analysed whose content
   * hash is after {@code after}, through {@code through}, the {@code part}-th page of the round.
   */
  static TaskQueue.NewTask linkRead(String round, int part, String after, String through, int size) {
    ObjectNode p = JSON.createObjectNode();
    p.put("round", round);
    p.put("after", after);
    p.put("through", through);
    p.put("size", size);
    return new TaskQueue.NewTask(LINK_READ, linkReadKey(round, part), p.toString());
  }

  /** The key of a link round's {@code part}-th page. */
  static String linkReadKey(String round, int part) {
    return round + "/read-" + part;
  }

  /** A page of a link round: {@code size} documents whose content hash is after {@code after}, through {@code through}. */
  record LinkPage(String round, String after, String through, int size) {}

  static LinkPage linkPage(TaskQueue.Lease lease) {
    JsonNode p = read(lease);
    return new LinkPage(p.path("round").asText(), p.path("after").asText(), p.path("through").asText(),
        Math.max(1, p.path("size").asInt()));
  }

  /** The band partitions of a round of the verify stage: each covers {@code per} bands of {@code bands}. */
  static List<TaskQueue.NewTask> verifyBands(String round, int bands, int per) {
    List<TaskQueue.NewTask> out = new java.util.ArrayList<>();
    for (int from = 0; from < bands; from += per) {
      ObjectNode p = JSON.createObjectNode();
      p.put("round", round);
      p.put("from", from);
      p.put("to", Math.min(bands, from + per));
      out.add(new TaskQueue.NewTask(VERIFY_BANDS, round + "/bands-" + from + "-" + Math.min(bands, from + per), p.toString()));
    }
    return out;
  }

  /** A band partition's round and bands, from (inclusive) to (exclusive). */
  record Bands(String round, int from, int to) {}

  static Bands bands(TaskQueue.Lease lease) {
    JsonNode p = read(lease);
    return new Bands(p.path("round").asText(), p.path("from").asInt(), p.path("to").asInt());
  }

  /** The end of a round of the verify stage, after its band partitions. */
  static TaskQueue.NewTask verifyFamilies(String round) {
    ObjectNode p = JSON.createObjectNode();
    p.put("round", round);
    return new TaskQueue.NewTask(VERIFY_FAMILIES, round, p.toString());
  }

  /** The round a verify-families task ends. */
  static String round(TaskQueue.Lease lease) {
    return read(lease).path("round").asText();
  }

  private static JsonNode read(TaskQueue.Lease lease) {
    try {
      return JSON.readTree(lease.payload());
    } catch (IOException e) {
      throw new UncheckedIOException("the task " + lease.task() + " has a payload that is not JSON", e);
    }
  }

  /** The case-wide task of {@code kind} after the round of document work {@code round} names. */
  static TaskQueue.NewTask caseWide(String kind, String round) {
    return new TaskQueue.NewTask(kind, round, "{}");
  }

  /**
   * What an extract or analyze task works on.
   *
   * @param run what the run that queued an extract task asked of the extraction; empty for an
   *     analyze task, and for an extract task queued without it (by an earlier Dossier)
   * @param retry the retry its document is extracted again in ({@link #extract}): empty but then
   */
  record Work(ExtractQueue.Job job, boolean analyse, Optional<IngestSettings.Run> run, String retry) {}

  static Work work(TaskQueue.Lease lease) {
    JsonNode p = read(lease);
    DocumentId id = document(lease);
    DocumentId root = p.hasNonNull("root") ? new DocumentId(p.get("root").asText()) : id;
    ExtractQueue.Work what = lease.kind().equals(ANALYZE) ? ExtractQueue.Work.ANALYZE : ExtractQueue.Work.EXTRACT;
    return new Work(new ExtractQueue.Job(id, p.path("name").asText(), p.path("depth").asInt(), what, root),
        p.path("analyze").asBoolean(false), run(p), p.path("retry").asText(""));
  }

  private static ObjectNode payload(ExtractQueue.Job job) {
    ObjectNode p = JSON.createObjectNode();
    p.put("name", job.name());
    p.put("depth", job.depth());
    p.put("root", job.root().sha256());
    return p;
  }
}
