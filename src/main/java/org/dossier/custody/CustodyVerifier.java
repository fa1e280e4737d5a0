package org.dossier.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.dossier.core.DocumentId;

/** Re-reads the custody log and every original it names, and reports what does not match. */
public final class CustodyVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PROBLEMS = 1000;

  private final Path logFile;
  private final Function<DocumentId, Path> originals;
  private final Function<DocumentId, Path> texts;
  private final int threads;

  /**
   * @param logFile the custody log
   * @param originals where the evidence store keeps each original
   * @param texts where the case keeps each document's extracted text
   * @param threads how many files to hash at once
   */
  public CustodyVerifier(Path logFile, Function<DocumentId, Path> originals, Function<DocumentId, Path> texts, int threads) {
    this.logFile = logFile;
    this.originals = originals;
    this.texts = texts;
    this.threads = Math.max(1, threads);
  }

  /** The SHA-256 of a file, in hex: an original or a text, as the log recorded it. */
  private static String sha256Of(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    }
  }

  /**
   * @param anchor the sequence number and hash of the last entry the store committed, when the
   *     store has one; the log must contain exactly that entry
   */
  public CustodyReport verify(Optional<CustodyLog.Entry> anchor) throws IOException {
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    Set<String> stored = new LinkedHashSet<>();
    names.clear();
    Map<String, String> derived = new LinkedHashMap<>();
    long entries = 0;
    String prevHash = CustodyLog.GENESIS;
    long expectedSeq = 1;
    boolean anchorSeen = anchor.isEmpty();
    if (!Files.exists(logFile)) {
      if (anchor.isPresent()) {
        problems.add("the custody log " + logFile + " is missing");
      }
      return new CustodyReport(0, 0, CustodyLog.GENESIS, problems);
    }
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(logFile), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        entries++;
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        String hash = CustodyLog.sha256(bytes);
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          add(problems, "line " + entries + " is not valid JSON: the log was edited");
          prevHash = hash;
          expectedSeq++;
          continue;
        }
        long seq = node.path("seq").asLong(-1);
        if (seq != expectedSeq) {
          add(problems, "line " + entries + " has seq " + seq + ", expected " + expectedSeq
              + ": entries were removed, inserted or reordered");
        }
        String prev = node.path("prev").asText("");
        if (!prev.equals(prevHash)) {
          add(problems, "line " + entries + " (seq " + seq + ", " + node.path("action").asText()
              + " " + node.path("name").asText("") + ") does not chain to the line before it:"
              + " that line was edited, removed or inserted");
        }
        if (anchor.isPresent() && anchor.get().seq() == seq) {
          anchorSeen = true;
          if (!anchor.get().hash().equals(hash)) {
            add(problems, "line " + entries + " (seq " + seq + ") differs from the entry the case"
                + " database recorded: the log was rewritten");
          }
        }
        if (node.path("stored").asBoolean(false) && node.hasNonNull("sha256")) {
          stored.add(node.get("sha256").asText());
        }
        if (node.hasNonNull("sha256") && node.hasNonNull("name")) {
          names.putIfAbsent(node.get("sha256").asText(), node.get("name").asText());
        }
        if (node.path("action").asText().equals("derive") && node.hasNonNull("sha256") && node.hasNonNull("textSha256")) {
          derived.put(node.get("sha256").asText(), node.get("textSha256").asText()); // the last extraction's
        }
        prevHash = hash;
        expectedSeq = seq + 1;
      }
    }
    if (!anchorSeen) {
      add(problems, "the log ends before seq " + anchor.get().seq()
          + ", which the case database recorded: the log was truncated");
    }
    long checked = checkOriginals(stored, problems) + checkTexts(derived, problems);
    return new CustodyReport(entries, checked, prevHash, problems);
  }

  /** Document paths by original hash, as the log first names them, for messages a reader can act on. */
  private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

  private String named(String hex) {
    String name = names.get(hex);
    return name == null ? "original " + hex : "the original of " + name + " (" + hex + ")";
  }

  /** Each extracted text against the hash the log recorded when it was written. */
  private long checkTexts(Map<String, String> derived, List<String> problems) {
    long n = 0;
    for (Map.Entry<String, String> e : derived.entrySet()) {
      DocumentId id;
      try {
        id = new DocumentId(e.getKey());
      } catch (IllegalArgumentException x) {
        add(problems, "a derive entry names an invalid hash '" + e.getKey() + "'");
        continue;
      }
      Path file = texts.apply(id);
      String what = "the extracted text of " + names.getOrDefault(e.getKey(), e.getKey());
      n++;
      try {
        if (e.getValue().isEmpty()) {
          if (Files.exists(file)) {
            add(problems, what + " appeared after extraction, which wrote none: " + file);
          }
          continue;
        }
        String actual = sha256Of(file);
        if (!actual.equals(e.getValue())) {
          add(problems, what + " was modified after extraction: " + file + " hashes to " + actual
              + ", the log recorded " + e.getValue());
        }
      } catch (NoSuchFileException x) {
        add(problems, what + " is missing: " + file);
      } catch (IOException x) {
        add(problems, what + " cannot be read: " + x.getMessage());
      }
    }
    return n;
  }

  private long checkOriginals(Set<String> hashes, List<String> problems) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, org.dossier.core.Daemons.named("custody-verify"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String hex : hashes) {
        futures.add(pool.submit(() -> checkOne(hex, problems)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return hashes.size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while verifying originals", e);
    } catch (ExecutionException e) {
      throw new IOException("verifying originals failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private void checkOne(String hex, List<String> problems) {
    DocumentId id;
    try {
      id = new DocumentId(hex);
    } catch (IllegalArgumentException e) {
      add(problems, "an entry names an invalid hash '" + hex + "'");
      return;
    }
    Path file = originals.apply(id);
    try {
      String actual = sha256Of(file);
      if (!actual.equals(hex)) {
        add(problems, named(hex) + " was modified: its bytes now hash to " + actual);
      }
    } catch (NoSuchFileException e) {
      add(problems, named(hex) + " is missing from " + file);
    } catch (IOException e) {
      add(problems, named(hex) + " cannot be read: " + e.getMessage());
    }
  }

  private static void add(List<String> problems, String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
