package org.dossier.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dossier.core.Annotations;
import org.dossier.core.Document;
import org.dossier.core.EntityMention;
import org.dossier.core.Judgement;
import org.dossier.link.Findings;
import org.dossier.link.LinkDocument;
import org.dossier.link.Linker;
import org.dossier.link.Reading;
import org.dossier.store.CaseStore;

/**
 * Runs the link stage over the whole case: reads each analysed document (text, annotations,
 * resolved names) on every core, or takes back the reading kept from an earlier run or a worker's
 * {@code link-read} task when the document and what it was read with are unchanged ({@link
 * #reading}); forms stories, facts, sources, the timeline and coverage, and replaces the stored
 * findings in one transaction. The analyst's judgements in force are
 * respected: claims marked wrong are left out, attributions marked wrong removed, propagation
 * links marked wrong never drawn, facts given a status by hand keep it (with the stage's own
 * reading in the explanation), a document's outlet, headline, date or address set by hand replace
 * the stage's reading of them. It runs after the
 * entities are resolved, so an interrupted run leaves the setting unset and the next command runs
 * it again.
 */
public final class Linking {
  public static final String SETTING = "links.resolved";
  /** The round of the workers' link stage last planned: its end is queued once its pages are read. */
  static final String ROUND_SETTING = "links.round";
  /** Bump when the link stage changes enough that a case's findings should be formed again (3: claims carry the stage's reading for the registers; 4: the same statement with other figures is a dispute; 5: short quotations as statements, office adjectives, longer case names; 6: documents of one date taken by least file name and content, not in the order of arrival; propagation read from copied passages, addresses of the original page, outlets cited in another script, translations of a fuller copy; 7: like words alone do not join a text naming other actors to a story). */
  static final String VERSION = "7";

  /** True when the case's findings were formed by this version of the link stage. */
  public static boolean current(CaseFolder folder) throws SQLException {
    return folder.store().setting(SETTING).map(v -> v.startsWith(VERSION + " ")).orElse(false);
  }
  /** Largest text read for linking; claims past it are not read (the rest is still searchable). */
  static final int MAX_CHARS = 2_000_000;

  private Linking() {}

  /**
   * What one run did.
   *
   * @param read documents whose text it read (the others' readings were kept from before)
   */
  public record Summary(int documents, int read, int stories, int facts, Duration took) {}

  /**
   * What the link stage reads the documents with, the case's alone: its resolved names, the
   * analyst's judgements in force, and what a kept reading must have been made with to be taken.
   */
  static final class Inputs {
    final Map<String, String> resolved;
    final org.dossier.analyze.Gazetteer caseNames;
    final java.util.Set<String> wrongClaims = new java.util.HashSet<>();
    final java.util.Set<String> wrongAttributions = new java.util.HashSet<>();
    final java.util.Set<String> wrongLinks = new java.util.HashSet<>();
    final Map<String, Judgement> statuses = new java.util.HashMap<>();
    final Map<org.dossier.core.DocumentId, Map<String, String>> given = new java.util.HashMap<>();
    /** The judgements on each document's claims and attributions, by content hash: part of its reading's key. */
    final Map<String, java.util.SortedSet<String>> judgedClaims = new java.util.HashMap<>();
    /** What every reading depends on beside its document: the stage's version, its cap on text and its code. */
    final String caseKey = new org.dossier.core.Sha256.Parts().add(VERSION).add(String.valueOf(MAX_CHARS)).add(code()).hex();

    /**
     * What the case gives every document's reading, for the quick key: the analysis and the case's
     * names (in key order: the same names give the same key whatever order the store returned them in).
     */
    final String namesKey;

    Inputs(CaseStore store) throws SQLException {
      resolved = store.entities().resolvedNames();
      caseNames = org.dossier.link.CaseNames.of(resolved);
      org.dossier.core.Sha256.Parts names = new org.dossier.core.Sha256.Parts().add(store.setting(Ingest.ANALYZER_SETTING).orElse(""));
      new java.util.TreeMap<>(resolved).forEach((k, v) -> names.add(k).add(v));
      namesKey = names.hex();
      for (Judgement j : store.judgements().active()) {
        if (j.action() == Judgement.Action.WRONG) {
          (j.target().startsWith("claim:") ? wrongClaims : j.target().startsWith("link:") ? wrongLinks : wrongAttributions)
              .add(j.target());
          if (!j.target().startsWith("link:")) {
            j.document().ifPresent(d -> judgedClaims.computeIfAbsent(d.sha256(), k -> new java.util.TreeSet<>())
                .add(j.target()));
          }
        } else if (j.action() == Judgement.Action.STATUS) {
          statuses.put(j.target().substring("fact:".length()), j); // the latest in force wins
        } else if (j.action() == Judgement.Action.SET) {
          given.computeIfAbsent(j.document().orElseThrow(), k -> new java.util.HashMap<>())
              .put(j.field().orElseThrow(), j.value()); // the latest in force wins
        }
      }
    }

    Linker linker() {
      return new Linker(wrongClaims, wrongAttributions, wrongLinks);
    }

    /** A linker that keeps its readings light, taking each story's claims back from {@code kept}. */
    Linker linker(Linker.Claims kept) {
      return new Linker(wrongClaims, wrongAttributions, wrongLinks, kept);
    }
  }

  /** Packages whose classes and resources make a document's reading: the link stage's, the analysis's, the core types. */
  private static final List<String> READING_CODE = List.of("org/dossier/link/", "org/dossier/analyze/", "org/dossier/core/");
  private static volatile String code;

  /**
   * The link stage's code as it reads documents, as a hash of {@link #READING_CODE}'s classes and
   * resources where this process loaded them from (its jar, or a folder of classes): a reading
   * kept by another build, which may read otherwise though the stage's {@link #VERSION} did not
   * change, is read again. A process that cannot read its own code takes a key of its own, so it
   * keeps readings but takes none back from another process.
   */
  static String code() {
    String c = code;
    if (c == null) {
      c = org.dossier.core.CodeDigest.of(Linker.class, READING_CODE);
      code = c;
    }
    return c;
  }

  /** Runs the stage in a process that holds the case for writing: its spill of findings goes to the case's staging folder. */
  public static Summary run(CaseFolder folder) throws IOException {
    return run(folder, folder.layout().tmp());
  }

  /** What {@link #form} did: the documents, those whose text it read, the stories and the facts it formed. */
  private record Formed(int documents, int read, int stories, int facts) {}

  /**
   * Reads the case's documents (or takes their kept readings back), forms the stories, facts and
   * sources and writes their rows to {@code spill}.
   */
  private static Formed form(CaseFolder folder, CaseStore store, Inputs inputs, java.nio.file.Path spill)
      throws IOException, SQLException {
    List<Document> docs = new ArrayList<>();
    store.annotations().forEachAnalysed(docs::add);
    // each reading is kept whole in the case folder and light here: the end takes a story's claims back from there
    Map<org.dossier.core.DocumentId, String> keys = new java.util.concurrent.ConcurrentHashMap<>();
    Linker linker = inputs.linker(id -> claims(folder, id, keys.get(id)));
    java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, org.dossier.core.Daemons.named("dossier-link"));
    try {
      // in slices, so that only a slice of texts is in memory at once
      int slice = 64 * threads;
      for (int from = 0; from < docs.size(); from += slice) {
        List<Future<Optional<Kept>>> pending = new ArrayList<>();
        for (Document d : docs.subList(from, Math.min(docs.size(), from + slice))) {
          pending.add(pool.submit(() -> reading(folder, inputs, linker, d, read)));
        }
        for (Future<Optional<Kept>> f : pending) {
          Optional<Kept> k = f.get();
          if (k.isPresent()) {
            keys.put(k.get().reading().document(), k.get().quick());
            linker.add(k.get().reading());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("linking was interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("linking failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    int[] counts = new int[2];
    try (org.dossier.store.FindingRow.Spill rows = org.dossier.store.FindingRow.Spill.to(spill)) {
      Linker.Sink written = Findings.writer(r -> rows.add(new org.dossier.store.FindingRow(r.kind(), r.id(), r.story(),
          r.status(), r.document(), r.json().toString())));
      linker.finish(new Linker.Sink() {
        @Override
        public void documents(Linker.Documents d) throws IOException {
          counts[0] = d.stories().size();
          written.documents(d);
        }

        @Override
        public void story(org.dossier.link.Story story, List<org.dossier.link.Fact> facts,
            List<org.dossier.link.Claim> claims) throws IOException {
          List<org.dossier.link.Fact> judged = new ArrayList<>(facts.size());
          for (org.dossier.link.Fact f : facts) {
            Judgement set = inputs.statuses.get(f.key());
            judged.add(set == null ? f : f.judged(set));
          }
          counts[1] += judged.size();
          written.story(story, judged, claims);
        }

        @Override
        public void sources(List<org.dossier.link.Provenance> sources) throws IOException {
          written.sources(sources);
        }
      });
    }
    return new Formed(docs.size(), read.get(), counts[0], counts[1]);
  }

  /**
   * Runs the stage, its spill of findings in {@code staging}: a worker's own staging folder, which
   * no other process of a shared case empties while it runs.
   */
  static Summary run(CaseFolder folder, java.nio.file.Path staging) throws IOException {
    Instant start = Instant.now();
    CaseStore store = folder.store();
    try {
      Inputs inputs = new Inputs(store);
      // the rows go to a file as the end forms them, a story at a time, then into the store in one
      // transaction: neither every story's claims nor every row is in memory at once, and the
      // store is not held while the stories are formed
      Files.createDirectories(staging);
      java.nio.file.Path spill = Files.createTempFile(staging, "findings-", ".rows");
      try {
        // the readings are let go (form has returned) before the rows go into the store, and
        // the names they shared with them
        Formed formed;
        try (Linker.Sharing names = Linker.sharing()) {
          formed = form(folder, store, inputs, spill);
        }
        store.write(tx -> {
          keep(folder, tx, sink -> org.dossier.store.FindingRow.Spill.read(spill, sink));
          return null;
        });
        return new Summary(formed.documents(), formed.read(), formed.stories(), formed.facts(),
            Duration.between(start, Instant.now()));
      } finally {
        Files.deleteIfExists(spill);
      }
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /**
   * A document's claims as the end takes them back, from the reading kept under {@code quick}
   * earlier in this run: another run that kept another reading of it since (an analyst's
   * judgement, a new batch) makes this one fail, to be run again, rather than mix two readings.
   */
  static List<org.dossier.link.Claim> claims(CaseFolder folder, org.dossier.core.DocumentId id, String quick)
      throws IOException {
    Optional<Kept> k = kept(folder.layout().reading(id));
    if (k.isEmpty() || quick == null || !k.get().quick().equals(quick)) {
      throw new IOException("the link stage's reading of " + id.sha256() + " changed or went while the stage ran;"
          + " it will be formed again at the next run");
    }
    return k.get().reading().claims();
  }

  /**
   * A document's reading: the one kept in the case folder when it was made from what the document
   * is read from now, else read and kept ({@code read} counts those). Empty when the document has
   * no text. Two keys say so: a quick one ({@link #quickKey}: nothing of the case changed since,
   * the usual case after a worker's page or an analyst's judgement on another document), checked
   * without reading the text; else the exact one ({@link #readingKey}), for which the text is read
   * and the case's names spotted in it (a name another document brought may be in it): the claims,
   * the costly part, are read only when that changed what the stage would read.
   */
  static Optional<Kept> reading(CaseFolder folder, Inputs inputs, Linker linker, Document d,
      java.util.concurrent.atomic.AtomicInteger read) throws IOException, SQLException {
    java.nio.file.attribute.BasicFileAttributes text;
    try {
      text = Files.readAttributes(folder.layout().text(d.id()), java.nio.file.attribute.BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    String fileName = fileName(folder.store(), d);
    String quick = quickKey(inputs, d, fileName, text);
    java.nio.file.Path kept = folder.layout().reading(d.id());
    Optional<Kept> earlier = kept(kept);
    if (earlier.isPresent() && earlier.get().quick().equals(quick)) {
      return earlier;
    }
    Optional<LinkDocument> doc = read(folder, d, inputs.resolved, inputs.caseNames,
        inputs.given.getOrDefault(d.id(), Map.of()), fileName);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    String exact = readingKey(inputs, doc.get());
    Reading r;
    if (earlier.isPresent() && earlier.get().exact().equals(exact)) {
      r = earlier.get().reading(); // the case changed, not what this document is read from
    } else {
      r = linker.read(doc.get());
      read.incrementAndGet();
    }
    keep(kept, quick, exact, r);
    return Optional.of(new Kept(quick, exact, r));
  }

  /**
   * What a document's reading is made from, as far as it can be told without reading its text: the
   * stage's version and code, the analysis and the case's names, the document's name and least
   * file name, language and type, its text as stored (size and time), the fields the analyst set on
   * it and the judgements on its claims.
   */
  private static String quickKey(Inputs inputs, Document d, String fileName,
      java.nio.file.attribute.BasicFileAttributes text) {
    org.dossier.core.Sha256.Parts h = new org.dossier.core.Sha256.Parts().add(inputs.caseKey).add(inputs.namesKey).add(d.id().sha256()).add(d.name()).add(fileName)
        .add(d.language()).add(d.mediaType()).add(String.valueOf(text.size()))
        .add(String.valueOf(text.lastModifiedTime().toMillis()));
    new java.util.TreeMap<>(inputs.given.getOrDefault(d.id(), Map.of())).forEach((k, v) -> h.add(k).add(v));
    inputs.judgedClaims.getOrDefault(d.id().sha256(), java.util.Collections.emptySortedSet()).forEach(h::add);
    return h.hex();
  }

  /**
   * Everything {@link Linker#read} reads a document from: the document as the stage sees it (its
   * text, its annotations with the case's names spotted, the names they resolve to, its metadata,
   * date and the fields the analyst set) and the judgements on its claims, with the stage's
   * version. Records print their parts in a fixed form, which the key takes.
   */
  private static String readingKey(Inputs inputs, LinkDocument d) {
    org.dossier.core.Sha256.Parts h = new org.dossier.core.Sha256.Parts().add(inputs.caseKey).add(d.id().sha256()).add(d.name()).add(d.fileName())
        .add(d.language()).add(d.mediaType()).add(d.text()).add(d.annotations().toString())
        .add(d.resolvedNames().toString()).add(d.date().toString());
    new java.util.TreeMap<>(d.metadata()).forEach((k, v) -> h.add(k).add(v.toString()));
    new java.util.TreeMap<>(d.given()).forEach((k, v) -> h.add(k).add(v));
    inputs.judgedClaims.getOrDefault(d.id().sha256(), java.util.Collections.emptySortedSet()).forEach(h::add);
    return h.hex();
  }

  /** A reading kept, with the quick and the exact key it was made under. */
  record Kept(String quick, String exact, Reading reading) {}

  /**
   * The reading kept at {@code file}; a file unreadable or of an older form is ignored. Kept
   * compressed: a reading's claims carry their sentences' context, and take several times its
   * text's room as JSON, a ninth of that compressed.
   */
  private static Optional<Kept> kept(java.nio.file.Path file) throws IOException {
    String content;
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
      content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return Optional.empty(); // cut short: read again
    }
    int first = content.indexOf('\n');
    int second = first < 0 ? -1 : content.indexOf('\n', first + 1);
    if (second < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Kept(content.substring(0, first), content.substring(first + 1, second),
          Reading.decode(content.substring(second + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // of an older form: read again
    }
  }

  /**
   * The reading kept at {@code file} ({@link org.dossier.core.CaseLayout#reading}), as a later link
   * takes it back; none when it is missing, cut short or of an older form. For tools that read a
   * case's readings.
   */
  public static Optional<Reading> keptReading(java.nio.file.Path file) throws IOException {
    return kept(file).map(Kept::reading);
  }

  /** Keeps a reading under its keys, whole or not at all (written beside it, then moved into place). */
  private static void keep(java.nio.file.Path file, String quick, String exact, Reading r) throws IOException {
    Files.createDirectories(file.getParent());
    java.nio.file.Path tmp = Files.createTempFile(file.getParent(), ".reading-", ".tmp");
    try {
      try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(tmp))) {
        out.write((quick + "\n" + exact + "\n" + r.encode()).getBytes(StandardCharsets.UTF_8));
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Stores a run's findings as the case's, in {@code tx}. The settings come first, then the
   * findings: a worker's verify stage keeping its result holds the link setting, then replaces its
   * own findings ({@link Verifying#keepResult}); taken in the other order, each would wait for the
   * other (a deadlock PostgreSQL breaks by failing one).
   */
  static void keep(CaseFolder folder, CaseStore.Batch tx, org.dossier.store.FindingRow.Source rows) throws SQLException {
    tx.setSetting(SETTING, VERSION + " " + Instant.now(folder.clock()).toString());
    tx.deleteSetting(Verifying.SETTING); // verification reads the facts
    tx.replaceFindings(Findings.KINDS, rows);
  }

  private static Optional<LinkDocument> read(CaseFolder folder, Document d, Map<String, String> resolved,
      org.dossier.analyze.Gazetteer caseNames, Map<String, String> given, String fileName) throws IOException, SQLException {
    String text;
    try {
      text = Files.readString(folder.layout().text(d.id()), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    CaseStore store = folder.store();
    Annotations a = store.annotations().annotations(d.id());
    if (text.length() > MAX_CHARS) {
      text = text.substring(0, MAX_CHARS);
      int cut = MAX_CHARS;
      a = new Annotations(
          a.entities().stream().filter(m -> m.span().end() <= cut).toList(),
          a.values().stream().filter(m -> m.span().end() <= cut).toList(),
          a.attributions().stream().filter(m -> m.statement().end() <= cut && m.source().end() <= cut).toList(),
          a.documentDate(), a.entitiesAnalysed());
    }
    a = org.dossier.link.CaseNames.spot(caseNames, text, a);
    List<String> names = new ArrayList<>(a.entities().size());
    for (EntityMention m : a.entities()) {
      names.add(resolved.getOrDefault(m.type().code() + "|" + m.text() + "|" + m.canonical(), m.canonical()));
    }
    Optional<LocalDate> date = a.documentDate();
    if (given.containsKey("date")) {
      date = Optional.of(given.get("date")).filter(v -> !v.isEmpty()).map(LocalDate::parse);
    }
    return Optional.of(new LinkDocument(d.id(), d.name(), d.language(), d.mediaType(),
        store.documents().metadata(d.id()), text, a, names, date, given, fileName));
  }

  /**
   * The least file name of a document's paths: the link stage takes the documents of one date in
   * this order (then by content), so that neither the order of arrival nor the copy first met (whose
   * path is the document's name) changes the stories it groups in one pass.
   */
  private static String fileName(CaseStore store, Document d) throws SQLException {
    String least = LinkDocument.fileName(d.name());
    for (org.dossier.core.DocumentPath p : store.documents().paths(d.id())) {
      String f = LinkDocument.fileName(p.name());
      if (f.compareTo(least) < 0) {
        least = f;
      }
    }
    return least;
  }
}
