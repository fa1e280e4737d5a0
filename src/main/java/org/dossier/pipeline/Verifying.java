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
import org.dossier.verify.FileChecks;
import org.dossier.verify.Signal;
import org.dossier.verify.Verifier;

/**
 * Runs the verify stage over the case on every core and stores its signals and families as
 * findings, in one transaction with its setting (so a run that stops is run again). It reads the
 * link stage's facts, so linking clears its setting. The checks that parse original files run in
 * a child process with a bounded heap and {@link Verifier#CHECK_TIME} per document ({@link
 * FileChecks#forked}): a file that fills that heap or hangs is one {@code check_failed} signal.
 */
public final class Verifying {
  public static final String SETTING = "verify.done";
  public static final String SIGNAL = "signal";
  /** Estimated shingle similarity at which two documents are one family, unless the user sets another. */
  public static final String THRESHOLD = "0.8";
  public static final String FAMILY = "family";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The heap of the process that reads originals for the checks (the run's own heap is untouched by them). */
  static final int CHECK_HEAP_MB = 1024;

  private Verifying() {}

  /** What one run did. */
  public record Summary(int documents, int signals, int families, Duration took) {}

  /** True when the stored signals are missing or older than the case's documents and facts. */
  public static boolean pending(CaseFolder folder) throws IOException {
    try {
      return folder.store().setting(SETTING).isEmpty() && folder.store().documents().documentCount() > 0;
    } catch (SQLException e) {
      throw new IOException("the case database failed: " + e.getMessage(), e);
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
      List<Document> docs = new ArrayList<>();
      store.annotations().forEachAnalysed(docs::add);
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
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      WorkerOptions isolated = new WorkerOptions(CHECK_HEAP_MB, Verifier.CHECK_TIME, FileChecks.class.getName(),
          folder.layout().log(), List.of(), folder.layout().tmp().resolve("checks"), threads);
      Forked<FileChecks.Found> files = FileChecks.forked(new FileChecks.Settings(keys), isolated);
      Verifier verifier = new Verifier(threshold, files::call);
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "dossier-verify");
        t.setDaemon(true);
        return t;
      });
      try {
        int slice = 64 * threads;
        for (int from = 0; from < docs.size(); from += slice) {
          List<Future<?>> pending = new ArrayList<>();
          for (Document d : docs.subList(from, Math.min(docs.size(), from + slice))) {
            pending.add(pool.submit(() -> {
              check(folder, d, verifier);
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
      List<StoredFindings.Fact> facts = new ArrayList<>();
      for (String f : store.findings().findings(Findings.FACT, Optional.empty(), Optional.empty())) {
        facts.add(StoredFindings.fact(StoredFindings.tree(f)));
      }
      Verifier.Result result = verifier.finish(facts);
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
      store.write(tx -> {
        tx.replaceFindings(List.of(SIGNAL, FAMILY), rows);
        tx.setSetting(SETTING, Instant.now(folder.clock()).toString());
        return null;
      });
      return new Summary(docs.size(), result.signals().size(), result.families().size(),
          Duration.between(start, Instant.now()));
    } catch (SQLException e) {
      throw new IOException("the case database failed: " + e.getMessage(), e);
    }
  }

  private static void check(CaseFolder folder, Document d, Verifier verifier) throws IOException, SQLException {
    String text;
    try {
      text = Files.readString(folder.layout().text(d.id()), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      text = "";
    }
    CaseStore store = folder.store();
    Annotations a = store.annotations().annotations(d.id());
    Path original = folder.layout().original(d.id());
    Optional<Path> orig = d.stored() && Files.isRegularFile(original) ? Optional.of(original) : Optional.empty();
    int paths = (int) store.documents().paths(d.id()).stream().filter(p -> p.document().isPresent()).count();
    Instant ingested = store.documents().ingestedAt(d.id()).orElse(Instant.now(folder.clock()));
    verifier.add(d.id(), d.name(), d.mediaType(), orig, text, store.documents().metadata(d.id()), a, paths, ingested);
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
