package org.dossier.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.DocumentId;
import org.dossier.link.ClaimExtractor;
import org.dossier.link.StoredFindings;

/**
 * The verify stage over the documents of a case: per-document checks (text, dates, PDF and
 * Office forensics), then checks across documents (version families, the same item with
 * different figures in different records, outgoing letter numbers against their dates,
 * DOCX files that share an rsidRoot). Documents are added from several threads; {@link
 * #finish} does the cross-document work.
 */
public final class Verifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final double threshold;
  private final Families families = new Families();
  private final List<Signal> signals = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, List<String>> rsidRoots = new HashMap<>();
  private final List<Member> members = Collections.synchronizedList(new ArrayList<>());
  /** The e-mails' texts, for the replies' quoted lines, when the documents were added here ({@link #add}). */
  private final Map<String, String> bodies = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Letter> letters = Collections.synchronizedList(new ArrayList<>());

  /** What a family needs to know of a document to rank it as draft or final. */
  private record Member(DocumentId id, String name, boolean draft, boolean tracked, boolean signed,
      Optional<LocalDate> date, List<String> identifiers) {}

  /** A document's own identifier, as its title or first line gives it: "№ KDE-2024/117". */
  private static final Pattern IDENTIFIER = Pattern.compile(
      "(?iu)(?:№|No\\.?|Nr\\.?|#)\\s*([\\p{L}\\d]+(?:[-/][\\p{L}\\d]+)+)");

  private static List<String> identifiers(Map<String, List<String>> metadata, String text) {
    List<String> out = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    metadata.getOrDefault("dc:title", List.of()).forEach(t -> where.append(t).append('\n'));
    // the title block: the first lines that hold words (a "DRAFT" mark may come before the title)
    int lines = 0;
    for (String line : text.split("\n", 12)) {
      if (!line.isBlank() && lines++ < 3) {
        where.append(line).append('\n');
      }
    }
    Matcher m = IDENTIFIER.matcher(where);
    while (m.find()) {
      String id = m.group(1).toUpperCase(java.util.Locale.ROOT);
      if (!out.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * What two spellings of one identifier share: "17/2024", "17-2024" and "17.2024" are one number
   * written three ways, and Cyrillic and Latin letters that look alike ("КДЕ", "KDE") one spelling.
   */
  static String identifierKey(String id) {
    return org.dossier.core.TranslitKey.of(id.toLowerCase(java.util.Locale.ROOT)) + "|" + id.replaceAll("[^\\d]+", "-");
  }

  /** An outgoing letter's number and date. */
  private record Letter(DocumentId id, String series, long number, LocalDate date, String quote) {}

  /** The results: signals, and families as the command prints them. */
  public record Result(List<Signal> signals, List<ObjectNode> families, Map<String, String> names) {}

  /** An e-mail of the case: its ids and its text. */
  private record Mail(DocumentId id, String messageId, List<String> parents) {}

  private final List<Mail> messages = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param threshold estimated Jaccard similarity at which two documents are one family (about 0.8)
   * @param dkimKeys DKIM public key records by {@code <selector>._domainkey.<domain>} (lower case)
   */
  public Verifier(double threshold, Map<String, List<String>> dkimKeys) {
    this(threshold, dkimKeys, CHECK_TIME);
  }

  /**
   * As {@link #Verifier(double, Map)}, with the time one document's checks may take; the checks of
   * original files run in this process (tests; {@link #Verifier(double, java.util.function.Function)}
   * isolates them).
   */
  public Verifier(double threshold, Map<String, List<String>> dkimKeys, java.time.Duration checkTime) {
    this.threshold = threshold;
    this.checkTime = checkTime;
    FileChecks.Settings settings = new FileChecks.Settings(dkimKeys);
    this.files = r -> bounded(() -> FileChecks.run(settings, r), FileChecks.Found::failure);
  }

  /**
   * @param files runs the checks of a document's original file with the case's DKIM keys, as
   *     {@link FileChecks#forked} does in a child process with its own bounds
   */
  public Verifier(double threshold, java.util.function.Function<FileChecks.Request, FileChecks.Found> files) {
    this.threshold = threshold;
    this.checkTime = CHECK_TIME;
    this.files = files;
  }

  private final java.time.Duration checkTime;
  private final java.util.function.Function<FileChecks.Request, FileChecks.Found> files;

  /** A DKIM key file's name: {@code <selector>._domainkey.<domain>.txt}. */
  public static final Pattern KEY_FILE = Pattern.compile("(?:^|/)dkim-keys/([^/]+\\._domainkey\\.[^/]+)\\.txt$");

  /** The TXT record of a key file: zone-file quoting ("v=DKIM1; " "p=...") joined. */
  public static String keyRecord(String text) {
    String t = text.strip();
    if (t.contains("\"")) {
      StringBuilder b = new StringBuilder();
      Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(t);
      while (m.find()) {
        b.append(m.group(1));
      }
      t = b.toString();
    }
    return t.replaceAll("\\s+", " ").strip();
  }

  private static final Pattern SIGNED = Pattern.compile("(?iu)\\bsigned\\b|подписан|подпись|/s/|м\\.п\\.|签字|签署");
  private static final Pattern REGISTRATION = Pattern.compile("(?iu)(?:рег(?:истрационный)?\\.?\\s*№|registration\\s+no\\.?|№\\s*\\d+/[\\p{L}\\d-]+)");
  private static final Pattern OUTGOING = Pattern.compile(
      "(?iu)(?:исх\\.?\\s*№|outgoing\\s+(?:no\\.?|№)|our\\s+ref\\.?|letter\\s+no\\.?)\\s*(\\d{1,6})\\s*(/\\s*[\\p{L}\\d-]+)?");

  /** Time the checks of one document may take before they are given up. */
  public static final java.time.Duration CHECK_TIME = java.time.Duration.ofSeconds(120);

  /** Threads that run each document's checks under {@link #CHECK_TIME}; daemons, so a stuck one ends with the run. */
  private static final java.util.concurrent.ExecutorService CHECKS = java.util.concurrent.Executors.newCachedThreadPool(org.dossier.core.Daemons.named("dossier-verify-check"));

  /**
   * What {@code checks} return, or {@code failure} of why they did not: they ran out of time, out
   * of memory or into a reader's error. The checks that read text and metadata run so; those that
   * read original files run in a child process unless a test says otherwise.
   */
  private <T> T bounded(java.util.concurrent.Callable<T> checks, java.util.function.Function<String, T> failure) {
    java.util.concurrent.Future<T> f = CHECKS.submit(checks);
    try {
      return f.get(checkTime.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      f.cancel(true);
      return failure.apply("the checks took longer than " + checkTime.toMillis() / 1000.0 + " s");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      return failure.apply(c instanceof OutOfMemoryError ? "the checks ran out of memory"
          : c instanceof StackOverflowError ? "the file nests too deeply for the checks"
          : "a reader failed (" + c.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return failure.apply("interrupted");
    }
  }

  private static Signal failed(Subject s, String reason) {
    return Signal.of(s.id(), "check_failed", "The forensic checks of this document did not finish: " + reason + ".",
        Map.of("reason", reason));
  }

  /** Checks one document and keeps what the checks across documents need of it. Safe from several threads. */
  public void add(DocumentId id, String name, String mediaType, Optional<java.nio.file.Path> original,
      String text, Map<String, List<String>> metadata, org.dossier.core.Annotations a, int paths,
      java.time.Instant ingested) {
    Checked c = check(id, name, mediaType, original, text, metadata, a, paths, ingested);
    accept(c);
    if (c.messageId() != null) {
      bodies.put(id.sha256(), text);
    }
  }

  /**
   * The checks of one document on their own (its signals, its signature, what ranks it in a
   * family): what {@link #add} keeps, and what a worker's task stores. Safe from several threads.
   */
  public Checked check(DocumentId id, String name, String mediaType, Optional<java.nio.file.Path> original,
      String text, Map<String, List<String>> metadata, org.dossier.core.Annotations a, int paths,
      java.time.Instant ingested) {
    Subject s = new Subject(id, name, mediaType, original, text, metadata, a, paths, ingested);
    List<Signal> own = new ArrayList<>();
    if (paths > 1) {
      own.add(Signal.of(id, "exact_duplicate", "The same bytes were found at " + paths + " paths.",
          Map.of("paths", paths)));
    }
    List<String> unfinished = new ArrayList<>();
    own.addAll(bounded(() -> {
      List<Signal> checked = new ArrayList<>();
      TextChecks.run(s, checked);
      MetadataChecks.run(s, checked);
      return checked;
    }, reason -> {
      unfinished.add(reason);
      return List.of();
    }));
    String rsidRoot = null;
    String messageId = null;
    List<String> parents = List.of();
    if (original.isPresent() && FileChecks.reads(mediaType)) {
      FileChecks.Found found = files.apply(new FileChecks.Request(id, mediaType, original.get().toString()));
      if (found.failed() != null && unfinished.isEmpty()) {
        unfinished.add(found.failed());
      }
      own.addAll(found.signals());
      rsidRoot = found.rsidRoot();
      messageId = found.messageId();
      parents = found.parents();
    }
    if (!unfinished.isEmpty()) {
      own.add(failed(s, unfinished.get(0)));
    }
    boolean draft = ClaimExtractor.isDraft(text);
    boolean tracked = own.stream().anyMatch(x -> x.kind().equals("tracked_changes"));
    String head = text.substring(0, Math.min(text.length(), 4_000));
    String tail = text.substring(Math.max(0, text.length() - 2_000));
    boolean signed = !draft && (SIGNED.matcher(tail).find() || REGISTRATION.matcher(head).find());
    Optional<Checked.Letter> letter = Optional.empty();
    Matcher m = OUTGOING.matcher(head);
    if (m.find()) {
      // the letter's date: the one right after its number ("Исх. № 0287/КОЭ от 21.10.2024"), else its own
      Optional<LocalDate> dated = Optional.empty();
      for (org.dossier.core.ValueMention v : a.values()) {
        if (v.value() instanceof org.dossier.core.Value.Date d && d.iso().length() == 10
            && v.span().start() >= m.end() && v.span().start() - m.end() < 80) {
          dated = Optional.of(LocalDate.parse(d.iso()));
          break;
        }
      }
      Optional<LocalDate> date = dated.or(a::documentDate);
      if (date.isPresent()) {
        String series = m.group(2) == null ? "" : m.group(2).replaceAll("[\\s/]", "").toLowerCase(java.util.Locale.ROOT);
        letter = Optional.of(new Checked.Letter(series, Long.parseLong(m.group(1)), date.get(), m.group()));
      }
    }
    return new Checked(id, name, own, Families.signature(text), draft, tracked, signed, a.documentDate(),
        identifiers(metadata, text), rsidRoot, messageId, parents, letter);
  }

  /**
   * Keeps a document's checks for the checks across documents; its signature, when it has one, is
   * kept for the families found in memory ({@link #finish(List)}). Safe from several threads.
   */
  public void accept(Checked c) {
    DocumentId id = c.id();
    names.put(id.sha256(), c.name());
    signals.addAll(c.signals());
    if (c.rsidRoot() != null) {
      synchronized (rsidRoots) {
        rsidRoots.computeIfAbsent(c.rsidRoot(), k -> new ArrayList<>()).add(id.sha256());
      }
    }
    if (c.messageId() != null) {
      messages.add(new Mail(id, c.messageId(), c.parents()));
    }
    families.add(id.sha256(), c.signature());
    members.add(new Member(id, c.name(), c.draft(), c.tracked(), c.signed(), c.date(), c.identifiers()));
    c.letter().ifPresent(l -> letters.add(new Letter(id, l.series(), l.number(), l.date(), l.quote())));
  }

  /**
   * What the checks across documents read beyond the documents' {@link Checked} results: the
   * candidate pairs confirmed as near-duplicates, the signatures of a family's members and the
   * texts of the e-mails that answer one another. In memory for documents {@link #add}ed here; from
   * the store when workers' tasks did the per-document and per-band work.
   */
  public interface Sources {
    /** The pairs of documents whose estimated similarity reaches {@code threshold}. */
    List<Families.Similar> similar(double threshold) throws Exception;

    /** The signature of a document, or null when its text is too short to compare. */
    long[] signature(DocumentId id) throws Exception;

    /** A document's text. */
    String text(DocumentId id) throws Exception;
  }

  /**
   * Cross-document checks over the documents {@link #accept}ed here, their signatures in memory,
   * the texts of the e-mails among them read by {@code texts} when the checks need them (not held
   * since their checks: a case of e-mails would hold every body).
   */
  public Result finish(Facts facts, Texts texts) throws Exception {
    return finish(facts, inMemory(texts));
  }

  /** Where the checks across documents read a document's text. */
  @FunctionalInterface
  public interface Texts {
    String text(DocumentId id) throws Exception;
  }

  /** The sources of the documents added here: their signatures and e-mails' texts in memory. */
  private Sources inMemory() {
    return inMemory(id -> bodies.getOrDefault(id.sha256(), ""));
  }

  /** The sources of the documents accepted here: their signatures in memory, their texts read by {@code texts}. */
  private Sources inMemory(Texts texts) {
    return new Sources() {
      @Override
      public List<Families.Similar> similar(double t) {
        return families.pairs(t);
      }

      @Override
      public long[] signature(DocumentId id) {
        return families.get(id.sha256());
      }

      @Override
      public String text(DocumentId id) throws Exception {
        return texts.text(id);
      }
    };
  }

  /**
   * The link stage's stored facts the checks across documents read (those in conflict or
   * divergent: {@link #DISPUTED}), handed over one at a time, so that the stage's end holds one.
   */
  @FunctionalInterface
  public interface Facts {
    void each(java.util.function.Consumer<StoredFindings.Fact> visitor) throws Exception;
  }

  /** The statuses of the facts the checks across documents read: others give no two figures. */
  public static final List<String> DISPUTED = List.of("conflict", "divergent");

  /** Cross-document checks over the documents {@link #add}ed; {@code facts} are the link stage's stored facts. */
  public Result finish(List<StoredFindings.Fact> facts) {
    try {
      return finish(facts::forEach, inMemory());
    } catch (Exception e) {
      throw new IllegalStateException("the checks across documents failed in memory", e);
    }
  }

  /**
   * Cross-document checks over the documents {@link #accept}ed, with what else they read from
   * {@code sources}; {@code facts} are the link stage's stored facts. The documents are taken in
   * order of content hash, so the result depends neither on the order they came in nor on which
   * copy's name a document has (its first, which the order of arrival picks).
   */
  public Result finish(Facts facts, Sources sources) throws Exception {
    members.sort(java.util.Comparator.comparing((Member m) -> m.id().sha256()));
    messages.sort(java.util.Comparator.comparing((Mail m) -> m.id().sha256()));
    letters.sort(java.util.Comparator.comparing((Letter l) -> l.id().sha256()));
    List<ObjectNode> fams = families(sources);
    threads(sources);
    numbering();
    rsid();
    crossDocument(facts);
    List<Signal> all = new ArrayList<>(signals);
    all.sort(java.util.Comparator.comparing((Signal x) -> -x.severity().ordinal())
        .thenComparing(x -> names.getOrDefault(x.document().sha256(), "")).thenComparing(Signal::kind));
    return new Result(all, fams, Map.copyOf(names));
  }

  private List<ObjectNode> families(Sources sources) throws Exception {
    int n = members.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      indexOf.put(members.get(i).id().sha256(), i);
    }
    Map<Long, Double> sims = new HashMap<>();
    for (Families.Similar p : sources.similar(threshold)) {
      Integer ia = indexOf.get(p.pair().a());
      Integer ib = indexOf.get(p.pair().b());
      if (ia == null || ib == null) {
        continue; // a document no longer among the case's analysed ones
      }
      int a = ia;
      int b = ib;
      sims.put((long) Math.min(a, b) * n + Math.max(a, b), p.similarity());
      int x = root(parent, a);
      int y = root(parent, b);
      if (x != y) {
        parent[Math.max(x, y)] = Math.min(x, y);
      }
    }
    // versions rewritten too much for shingles still carry the document's own identifier
    Map<String, List<Integer>> byIdentifier = new HashMap<>();
    Map<String, String> shown = new HashMap<>(); // an identifier as the first document writes it
    for (int i = 0; i < n; i++) {
      for (String id : members.get(i).identifiers()) {
        byIdentifier.computeIfAbsent(identifierKey(id), k -> new ArrayList<>()).add(i);
        shown.putIfAbsent(identifierKey(id), id);
      }
    }
    Map<Integer, String> sharedId = new HashMap<>();
    for (Map.Entry<String, List<Integer>> e : byIdentifier.entrySet()) {
      List<Integer> g = e.getValue();
      if (g.size() < 2 || g.size() > 50) {
        continue;
      }
      for (int i : g) {
        sharedId.put(i, shown.get(e.getKey()));
        int x = root(parent, g.get(0));
        int y = root(parent, i);
        if (x != y) {
          parent[Math.max(x, y)] = Math.min(x, y);
        }
      }
    }
    // DOCX files that share an rsidRoot began as one file: versions of it
    for (Map.Entry<String, List<String>> e : rsidRoots.entrySet()) {
      List<String> g = e.getValue();
      if (g.size() < 2 || g.size() > 50) {
        continue;
      }
      for (String h : g) {
        Integer i = indexOf.get(h);
        Integer first = indexOf.get(g.get(0));
        if (i != null && first != null) {
          sharedId.putIfAbsent(i, "rsidRoot " + e.getKey());
          int x = root(parent, first);
          int y = root(parent, i);
          if (x != y) {
            parent[Math.max(x, y)] = Math.min(x, y);
          }
        }
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
    }
    List<ObjectNode> out = new ArrayList<>();
    for (List<Integer> g : groups.values()) {
      if (g.size() < 2) {
        continue;
      }
      // the principal: the final — signed or registered, not a draft, no tracked changes, latest
      int principal = g.get(0);
      for (int i : g) {
        if (rank(members.get(i)) > rank(members.get(principal))) {
          principal = i;
        }
      }
      Member p = members.get(principal);
      ObjectNode f = JSON.createObjectNode();
      f.put("principal", p.name());
      ArrayNode ms = f.putArray("members");
      for (int i : g) {
        Member m = members.get(i);
        ObjectNode mn = ms.addObject();
        mn.put("document", m.name());
        Double known = sims.get((long) Math.min(i, principal) * n + Math.max(i, principal));
        double sim = i == principal ? 1.0 : known != null ? known
            : Families.similarity(sources.signature(m.id()), sources.signature(p.id()));
        mn.put("similarity", Math.round(sim * 1000) / 1000.0);
        String role;
        if (i == principal) {
          role = p.signed() || !p.draft() && g.stream().anyMatch(j -> members.get(j).draft()) ? "final" : "unknown";
        } else if (m.draft() || m.tracked() || p.signed() && !m.signed()) {
          role = "draft";
        } else if (sim >= 0.98) {
          role = "copy";
        } else {
          role = "unknown";
        }
        mn.put("role", role);
        if (sharedId.containsKey(i)) {
          mn.put("identifier", sharedId.get(i));
        }
      }
      out.add(f);
    }
    return out;
  }

  private static int rank(Member m) {
    int r = 0;
    r += m.signed() ? 4 : 0;
    r += m.draft() ? -4 : 0;
    r += m.tracked() ? -2 : 0;
    return r * 100_000 + m.date().map(d -> (int) (d.toEpochDay() % 100_000)).orElse(0);
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** A reply's quoted lines against the message it answers, when both are in the case. */
  private void threads(Sources sources) throws Exception {
    Map<String, Mail> byId = new HashMap<>();
    for (Mail m : messages) {
      byId.put(m.messageId(), m);
    }
    for (Mail child : messages) {
      Mail parent = child.parents().stream().map(byId::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
      if (parent == null) {
        continue;
      }
      String original = squash(sources.text(parent.id()));
      List<String> altered = new ArrayList<>();
      int quoted = 0;
      for (String line : sources.text(child.id()).split("\\R")) {
        String l = line.strip();
        if (!l.startsWith(">")) {
          continue;
        }
        String q = squash(l.replaceFirst("^(?:>\\s?)+", ""));
        if (q.length() < 12) {
          continue;
        }
        quoted++;
        if (!original.contains(q)) {
          altered.add(l);
        }
      }
      if (!altered.isEmpty()) {
        DocumentId id = child.id();
        DocumentId pid = parent.id();
        signals.add(Signal.of(id, "email_quote_altered", altered.size() + " of " + quoted + " quoted line(s) differ from "
            + names.getOrDefault(pid.sha256(), "the message") + ", which this message answers.",
            Map.of("quotedMessage", names.getOrDefault(pid.sha256(), ""), "lines", altered.subList(0, Math.min(10, altered.size())))));
      }
    }
  }

  private static String squash(String s) {
    return s.replaceAll("[\\s\\u00a0]+", " ").strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** Outgoing letter numbers in one series should rise with their dates. */
  private void numbering() {
    Map<String, List<Letter>> bySeries = new HashMap<>();
    for (Letter l : letters) {
      bySeries.computeIfAbsent(l.series(), k -> new ArrayList<>()).add(l);
    }
    for (List<Letter> series : bySeries.values()) {
      series.sort(java.util.Comparator.comparing(Letter::date).thenComparingLong(Letter::number));
      for (int i = 1; i < series.size(); i++) {
        Letter prev = series.get(i - 1);
        Letter cur = series.get(i);
        if (cur.number() < prev.number() && cur.date().isAfter(prev.date())) {
          signals.add(Signal.of(cur.id(), "numbering_out_of_order", "Letter " + cur.quote().strip() + " of " + cur.date()
              + " has a lower number than " + prev.quote().strip() + " of " + prev.date() + ".",
              Map.of("this", Map.of("number", cur.number(), "date", cur.date().toString()),
                  "earlier", Map.of("document", names.getOrDefault(prev.id().sha256(), ""), "number", prev.number(),
                      "date", prev.date().toString()))));
        }
      }
    }
  }

  /** DOCX files that share an rsidRoot began as the same file. */
  private void rsid() {
    for (Map.Entry<String, List<String>> e : rsidRoots.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      List<String> docs = e.getValue().stream().map(h -> names.getOrDefault(h, h)).sorted().toList();
      for (String h : e.getValue()) {
        signals.add(Signal.of(new DocumentId(h), "shared_rsid_root", "This DOCX shares its rsidRoot " + e.getKey()
            + " with " + (docs.size() - 1) + " other(s): they began as the same file.",
            Map.of("rsidRoot", e.getKey(), "documents", docs)));
      }
    }
  }

  /** The same item given different figures in different records of the cache (from the facts). */
  private void crossDocument(Facts facts) throws Exception {
    Map<String, String> idByName = new HashMap<>();
    names.forEach((h, n) -> idByName.put(n, h));
    facts.each(f -> crossDocument(f, idByName));
  }

  private void crossDocument(StoredFindings.Fact f, Map<String, String> idByName) {
    if (!DISPUTED.contains(f.status())) {
      return;
    }
    Map<String, List<StoredFindings.Claim>> byValue = new LinkedHashMap<>();
    for (StoredFindings.Claim c : f.claims()) {
      if (c.press() || !idByName.containsKey(c.document()) || !org.dossier.core.Value.KINDS.contains(c.value().kind())) {
        continue; // the press, and statements or names: records word a sentence differently without disagreeing
      }
      byValue.computeIfAbsent(c.value().normalized(), k -> new ArrayList<>()).add(c);
    }
    if (byValue.size() < 2) {
      return;
    }
    List<Map<String, Object>> values = new ArrayList<>();
    byValue.forEach((v, cs) -> values.add(Map.of("value", v, "documents",
        cs.stream().map(c -> c.document() + " @" + c.start() + "-" + c.end() + " \"" + c.quote() + "\"").distinct().toList())));
    java.util.Set<String> docs = new java.util.LinkedHashSet<>();
    byValue.values().forEach(cs -> cs.forEach(c -> docs.add(c.document())));
    for (String d : docs) {
      signals.add(Signal.of(new DocumentId(idByName.get(d)), "cross_document_mismatch", "Records of the cache give "
          + byValue.keySet() + " for the " + f.property() + " of " + f.subject()
          + " (fact " + f.id() + ").", Map.of("fact", f.id(), "values", values)));
    }
  }
}
