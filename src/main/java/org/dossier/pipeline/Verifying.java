package org.dossier.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dossier.core.Annotations;
import org.dossier.core.Document;
import org.dossier.extract.Forked;
import org.dossier.extract.WorkerOptions;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import org.dossier.store.FindingRow;
import org.dossier.store.CaseStore;
import org.dossier.core.DocumentId;
import org.dossier.store.VerificationStore;
import org.dossier.verify.Checked;
import org.dossier.verify.Families;
import org.dossier.verify.FileChecks;
import org.dossier.verify.StoredChecks;
import org.dossier.verify.Signal;
import org.dossier.verify.Verifier;

/**
 * Runs the verify stage over the case on every core and stores its signals and families as
 * findings, in one transaction with its setting (so a run that stops is run again). It reads the
 * link stage's facts, so linking clears its setting. The checks that parse original files run in
 * a child process with a bounded heap and {@link Verifier#CHECK_TIME} per document ({@link
 * FileChecks#forked}): a file that fills that heap or hangs is one {@code check_failed} signal.
 *
 * <p>The same work comes in parts for the workers of a distributed case ({@link Worker}): a
 * document's checks ({@link #checkDocument}, {@link #keep}: its signals, signature and band hashes
 * stored by document and kind), a range of bands' candidate pairs ({@link #candidates}) and the end
 * ({@link #finish}); {@link #run} does the same parts in one process, in memory.
 */
public final class Verifying {
  public static final String SETTING = "verify.done";
  /**
   * Bump when the checks change enough that a case's verify findings should be formed again; the
   * setting starts with it (2: the check across records compares figures and dates only).
   */
  static final String VERSION = "2";
  public static final String SIGNAL = "signal";
  /** Estimated shingle similarity at which two documents are one family, unless the user sets another. */
  public static final String THRESHOLD = "0.8";
  public static final String FAMILY = "family";
  /** Evidence written with its keys in order: a signal's evidence is an unordered map, and its findings read the same whoever wrote them. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  /** The heap of the process that reads originals for the checks (the run's own heap is untouched by them). */
  static final int CHECK_HEAP_MB = 1024;

  private Verifying() {}

  /** What one run did. */
  public record Summary(int documents, int signals, int families, Duration took) {}

  /** True when the stored signals are missing or older than the case's documents and facts. */
  public static boolean pending(CaseFolder folder) throws IOException {
    try {
      return pendingRound(folder.store()) && folder.store().documents().documentCount() > 0;
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  public static Summary run(CaseFolder folder, double threshold) throws IOException {
    return run(folder, threshold, Optional.empty());
  }

  /**
   * @param keyDir a folder of DKIM key files ({@code <selector>._domainkey.<domain>.txt}) besides
   *     those ingested in a {@code dkim-keys/} folder
   */
  public static Summary run(CaseFolder folder, double threshold, Optional<Path> keyDir) throws IOException {
    Instant start = Instant.now();
    CaseStore store = folder.store();
    try {
      // the link stage's run whose facts the checks read: if another replaces it first, nothing is kept
      Optional<String> linked = store.setting(Linking.SETTING);
      List<Document> docs = new ArrayList<>();
      store.annotations().forEachAnalysed(docs::add);
      Map<String, List<String>> keys = dkimKeys(folder, docs, keyDir);
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      Forked<FileChecks.Found> files = fileChecks(folder, keys, threads);
      Verifier verifier = new Verifier(threshold, files::call);
      ExecutorService pool = Executors.newFixedThreadPool(threads, org.dossier.core.Daemons.named("dossier-verify"));
      try {
        int slice = 64 * threads;
        for (int from = 0; from < docs.size(); from += slice) {
          List<Future<?>> pending = new ArrayList<>();
          for (Document d : docs.subList(from, Math.min(docs.size(), from + slice))) {
            pending.add(pool.submit(() -> {
              Subject s = subject(folder, d);
              // checked and its results kept, its text not: the e-mails' texts are read again at the end
              verifier.accept(verifier.check(d.id(), d.name(), d.mediaType(), s.original(), s.text(), s.metadata(),
                  s.annotations(), s.paths(), s.ingested()));
              return null;
            }));
          }
          for (Future<?> f : pending) {
            f.get();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("verification was interrupted", e);
      } catch (ExecutionException e) {
        throw new IOException("verification failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
        files.close();
      }
      Verifier.Result result;
      try {
        result = verifier.finish(facts(store), id -> text(folder, id));
      } catch (SQLException | IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("the checks across documents failed: " + e, e);
      }
      store.write(tx -> keepResult(folder, tx, result, linked));
      return new Summary(docs.size(), result.signals().size(), result.families().size(),
          Duration.between(start, Instant.now()));
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /**
   * The DKIM keys of the case: those of the key files among {@code docs} ({@code dkim-keys/}), and
   * those in {@code keyDir}, by {@code <selector>._domainkey.<domain>} (lower case).
   */
  static Map<String, List<String>> dkimKeys(CaseFolder folder, List<Document> docs, Optional<Path> keyDir)
      throws IOException {
    Map<String, List<String>> keys = new HashMap<>();
    for (Document d : docs) {
      java.util.regex.Matcher m = Verifier.KEY_FILE.matcher(d.name());
      if (m.find()) {
        try {
          String record = Verifier.keyRecord(Files.readString(folder.layout().text(d.id()), StandardCharsets.UTF_8));
          keys.computeIfAbsent(m.group(1).toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(record);
        } catch (NoSuchFileException e) {
          // a key file without text: nothing to use
        }
      }
    }
    if (keyDir.isPresent()) {
      try (var files = Files.list(keyDir.get())) {
        for (Path f : files.sorted().toList()) {
          String n = f.getFileName().toString();
          if (n.contains("._domainkey.") && n.endsWith(".txt") && Files.isRegularFile(f)) {
            keys.computeIfAbsent(n.substring(0, n.length() - 4).toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                .add(Verifier.keyRecord(Files.readString(f, StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return keys;
  }

  /** The checks of original files with the case's DKIM keys, in a child JVM of {@link #CHECK_HEAP_MB}; close it after. */
  static Forked<FileChecks.Found> fileChecks(CaseFolder folder, Map<String, List<String>> keys, int threads) {
    WorkerOptions isolated = new WorkerOptions(CHECK_HEAP_MB, Verifier.CHECK_TIME, FileChecks.class.getName(),
        folder.layout().log(), List.of(), folder.layout().tmp().resolve("checks"), threads);
    return FileChecks.forked(new FileChecks.Settings(keys), isolated);
  }

  /** The case's stored facts the checks across documents read, streamed from the store one at a time. */
  private static Verifier.Facts facts(CaseStore store) {
    return visitor -> store.findings().forEach(Findings.FACT, java.util.Optional.empty(), Verifier.DISPUTED,
        f -> visitor.accept(StoredFindings.fact(StoredFindings.tree(f))));
  }

  /**
   * The stage's findings (signals, families) in place of the last, and its setting (the case
   * verified), in {@code tx}: the end of {@link #run}, and of the workers' verify-families task.
   * Nothing is kept when the link stage ran again since {@code linked} (its setting when the checks
   * began) was read: the checks read the facts of a run that is gone, and that link cleared this
   * stage's setting and queued it again.
   *
   * @return whether the findings were kept
   */
  static boolean keepResult(CaseFolder folder, CaseStore.Batch tx, Verifier.Result result, Optional<String> linked)
      throws SQLException {
    if (!tx.settingIs(Linking.SETTING, linked)) {
      return false; // linked again since the facts were read: that link clears this stage and queues it again
    }
    List<FindingRow> rows = new ArrayList<>();
    int k = 0;
    for (Signal s : result.signals()) {
      String name = result.names().getOrDefault(s.document().sha256(), s.document().sha256());
      rows.add(new FindingRow(SIGNAL, "V" + (++k), "", s.severity().code(), name, json(s, name).toString()));
    }
    k = 0;
    for (ObjectNode f : result.families()) {
      rows.add(new FindingRow(FAMILY, "M" + (++k), "", "", f.path("principal").asText(), f.toString()));
    }
    tx.replaceFindings(List.of(SIGNAL, FAMILY), rows);
    tx.setSetting(SETTING, VERSION + " " + Instant.now(folder.clock()).toString());
    return true;
  }

  /** What the checks read of one document. */
  record Subject(Optional<Path> original, String text, Map<String, List<String>> metadata, Annotations annotations,
      int paths, Instant ingested) {}

  static Subject subject(CaseFolder folder, Document d) throws IOException, SQLException {
    CaseStore store = folder.store();
    Annotations a = store.annotations().annotations(d.id());
    Path original = folder.layout().original(d.id());
    Optional<Path> orig = d.stored() && Files.isRegularFile(original) ? Optional.of(original) : Optional.empty();
    int paths = (int) store.documents().paths(d.id()).stream().filter(p -> p.document().isPresent()).count();
    Instant ingested = store.documents().ingestedAt(d.id()).orElse(Instant.now(folder.clock()));
    return new Subject(orig, text(folder, d.id()), store.documents().metadata(d.id()), a, paths, ingested);
  }

  private static String text(CaseFolder folder, DocumentId id) throws IOException {
    try {
      return Files.readString(folder.layout().text(id), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    }
  }

  // ------------------------------------------------------------------ the stage as tasks of the work queue

  /** The setting that names the round of the stage whose tasks are under way (the verify task's key). */
  static final String ROUND_SETTING = "verify.round";
  /** Bands a band partition task covers. */
  static final int BANDS_PER_TASK = 8;

  /**
   * One document's checks, as a worker's task does them: read and checked with {@code verifier}
   * (whose file checks have the case's DKIM keys); {@link #keep} stores them.
   */
  static Checked checkDocument(CaseFolder folder, DocumentId id, Verifier verifier) throws IOException, SQLException {
    Document d = folder.store().documents().document(id)
        .orElseThrow(() -> new IllegalStateException("the case has no document " + id.sha256()));
    Subject s = subject(folder, d);
    return verifier.check(d.id(), d.name(), d.mediaType(), s.original(), s.text(), s.metadata(), s.annotations(),
        s.paths(), s.ingested());
  }

  /** Keeps a document's checks, signature and band hashes, made from {@code inputs} (its task's key). */
  static void keep(CaseStore.Batch tx, String inputs, Checked c) throws SQLException {
    long[] sig = c.signature();
    tx.putVerification(c.id().sha256(), inputs, StoredChecks.json(c),
        Optional.ofNullable(sig).map(StoredChecks::signature), sig == null ? new long[0] : Families.bandHashes(sig));
  }

  /**
   * The candidate pairs of bands {@code from} to {@code to} (exclusive), from the stored band hashes
   * of those bands alone, read a band at a time in order of hash: a band partition's task.
   */
  static Set<Families.Pair> candidates(VerificationStore store, int from, int to) throws Exception {
    return Families.candidates(from, to, (band, visitor) -> store.band(band,
        r -> visitor.accept(new Families.BandHash(r.band(), r.hash(), r.document()))));
  }

  /**
   * The stage's end after its document and band tasks: every analysed document's stored checks
   * (without signatures), the round's candidate pairs confirmed on their documents' signatures,
   * the checks across documents and those that need the facts; the findings written in {@code tx}
   * as {@link #run} writes them.
   *
   * @throws IllegalStateException when an analysed document has no stored checks (its task is dead)
   */
  static Verifier.Result finish(CaseFolder folder, String round, double threshold) throws Exception {
    CaseStore store = folder.store();
    Set<String> analysed = new HashSet<>();
    store.annotations().forEachAnalysed(d -> analysed.add(d.id().sha256()));
    Verifier verifier = new Verifier(threshold, r -> {
      throw new IllegalStateException("the checks across documents read no original");
    });
    int[] found = {0};
    store.verifications().forEach(VerificationStore.CHECKS, (doc, json) -> {
      if (analysed.contains(doc)) {
        verifier.accept(StoredChecks.checked(json));
        found[0]++;
      }
    });
    if (found[0] < analysed.size()) {
      throw new IllegalStateException((analysed.size() - found[0]) + " of the " + analysed.size()
          + " analysed documents have no stored checks: their verify-document tasks have not been done (see"
          + " 'dossier status')");
    }
    List<Families.Pair> pairs = new ArrayList<>();
    store.verifications().candidates(round, (a, b) -> pairs.add(new Families.Pair(a, b)));
    Verifier.Sources sources = new Verifier.Sources() {
      @Override
      public List<Families.Similar> similar(double t) throws Exception {
        Set<String> docs = new HashSet<>();
        pairs.forEach(p -> {
          docs.add(p.a());
          docs.add(p.b());
        });
        Map<String, long[]> sigs = new HashMap<>();
        store.verifications().values(VerificationStore.SIGNATURE, docs)
            .forEach((d, v) -> sigs.put(d, StoredChecks.signature(v)));
        return Families.confirm(pairs, sigs, t);
      }

      @Override
      public long[] signature(DocumentId id) throws Exception {
        String v = store.verifications().values(VerificationStore.SIGNATURE, List.of(id.sha256())).get(id.sha256());
        return v == null ? null : StoredChecks.signature(v);
      }

      @Override
      public String text(DocumentId id) throws Exception {
        return Verifying.text(folder, id);
      }
    };
    return verifier.finish(facts(store), sources);
  }

  /**
   * Whether the case's verification is not stored (as {@link #pending}, without counting the
   * documents): a round of the stage under way has work left.
   */
  static boolean pendingRound(CaseStore store) throws SQLException {
    return !current(store);
  }

  /** True when the case's verify findings are stored, formed by this version of the checks. */
  public static boolean current(CaseStore store) throws SQLException {
    return store.setting(SETTING).map(v -> v.startsWith(VERSION + " ")).orElse(false);
  }

  static ObjectNode json(Signal s, String name) {
    ObjectNode n = JSON.createObjectNode();
    n.put("document", name);
    n.put("kind", s.kind());
    n.put("severity", s.severity().code());
    n.put("explanation", s.explanation());
    n.set("evidence", JSON.valueToTree(s.evidence()));
    n.put("innocentExplanation", s.innocentExplanation());
    return n;
  }
}
