package org.dossier.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.dossier.core.Document;
import org.dossier.store.VerificationStore;
import org.dossier.testing.Cli;
import org.dossier.testing.Workers;
import org.dossier.verify.Checked;
import org.dossier.verify.Families;
import org.dossier.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify stage as tasks of the work queue: a document's checks stored once however often its
 * task runs, a band partition that reads its own bands only, and two workers that end with the
 * signals and families the stage makes in one process.
 */
class VerifyPartsTest {
  @TempDir Path dir;

  /** An invented memo of some length, so that its versions share most of their word shingles. */
  private static final String MEMO = """
      Memo No. HRB-2031/44 on the renewal of the ferry pier at Olvanger
      The harbour board of Olvanger met on the morning of the ninth to weigh three offers for the renewal
      of the old ferry pier, whose timber piles have settled unevenly since the spring storms. The first
      offer came from Brannick Marine Works and proposed steel piles driven to the bedrock, with a deck of
      recycled oak laid on galvanised bearers. The second offer came from the cooperative of Selvik and asked
      for a longer season of work but a smaller sum, with concrete caissons floated in from the yard at
      Tarnby. The third offer, from a firm that had never built in salt water, was set aside at once by the
      chair. The board asked the engineer to walk the pier again at low tide, to count the piles that lean
      more than a hand from true, and to report before the council sits at the end of the month. The
      treasurer reminded the members that the grant from the coastal fund lapses if no contract is signed
      before the first frost, and that the ferry company will not run its winter timetable from a pier that
      the inspector has marked unsafe. The members agreed to hear both remaining bidders in person next week.
      """;

  /** Unrelated texts, each long enough for a signature: the negative control, never a family. */
  private static final List<String> OTHERS = List.of("""
      The orchard cooperative at Hemmel counted its apple crates on a wet Thursday and found the yield well
      below the forecast of the spring. Frost in the blossom weeks had thinned the early varieties, while the
      late russets on the southern slope had fared better than anyone dared to hope. The pickers asked for
      their wages to be paid weekly rather than at the end of the harvest, and the committee agreed after a
      short and good natured argument about the price of cider barrels.
      """, """
      A small observatory on the ridge above Quillan reopened after its dome motor was rebuilt by two retired
      machinists who refused any payment beyond coffee. The first clear night brought a queue of schoolchildren
      who wanted to see the rings of the sixth planet, and the volunteers kept the shutter open until the dew
      fogged the eyepieces. The town council has promised a new access road, though nobody expects the gravel
      before the autumn rains make the track impassable once again.
      """, """
      Library notice: from the first of the month the reading room of the Dunmarsh municipal library closes at
      seven in the evening instead of nine, because the heating contract was renegotiated and the boiler now runs
      on a shorter schedule. Members who borrowed atlases from the reference shelf are asked to return them
      to the desk rather than the night slot, where the heavy bindings have damaged the sorting rollers twice
      this winter already. Thursday, 5 March 2026 is the day the new hours begin.
      """);

  /** The case's files: three versions of the memo, a copy of it, and the unrelated documents. */
  private static Path corpus(Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    write(in.resolve("memo-draft.txt"), "DRAFT\n" + MEMO.replace("next week", "on Tuesday"));
    write(in.resolve("memo-v2.txt"), MEMO.replace("recycled oak", "tropical hardwood"));
    write(in.resolve("memo-final.txt"), MEMO + "\nSigned: the chair of the harbour board\n");
    write(in.resolve("memo-copy.txt"), MEMO);
    for (int i = 0; i < OTHERS.size(); i++) {
      write(in.resolve("other-" + i + ".txt"), OTHERS.get(i));
    }
    return in;
  }

  private static void write(Path p, String text) throws Exception {
    Files.writeString(p, text.strip() + "\n", StandardCharsets.UTF_8);
  }

  /** A SQLite case of the corpus, ingested. */
  private Path ingested() throws Exception {
    Path in = corpus(dir);
    Path plain = dir.resolve("plain");
    Workers.ok(Cli.run("--case", plain.toString(), "ingest", "--quiet", "--no-ocr", in.toString()));
    return plain;
  }

  @Test
  void aDocumentCheckedTwiceLeavesOneResult() throws Exception {
    Path plain = ingested();
    try (CaseFolder folder = CaseFolder.open(plain, Clock.systemUTC())) {
      List<Document> docs = new ArrayList<>();
      folder.store().annotations().forEachAnalysed(docs::add);
      Document memo = docs.stream().filter(d -> d.name().endsWith("memo-v2.txt")).findFirst().orElseThrow();
      Verifier checker = new Verifier(0.8, Map.of());
      for (int run = 0; run < 2; run++) { // the task done again after a lost lease
        Checked c = Verifying.checkDocument(folder, memo.id(), checker);
        folder.store().write(tx -> {
          Verifying.keep(tx, "key-of-the-task", c);
          return null;
        });
      }
      VerificationStore v = folder.store().verifications();
      List<String> checks = new ArrayList<>();
      v.forEach(VerificationStore.CHECKS, (doc, json) -> checks.add(doc));
      assertEquals(List.of(memo.id().sha256()), checks);
      assertEquals(Optional.of("key-of-the-task"), v.inputs(memo.id().sha256(), VerificationStore.CHECKS));
      assertEquals(1, v.values(VerificationStore.SIGNATURE, List.of(memo.id().sha256())).size());
      int[] rows = new int[Families.BANDS];
      for (int band = 0; band < Families.BANDS; band++) {
        int b = band;
        v.band(band, r -> rows[b]++);
      }
      for (int band = 0; band < Families.BANDS; band++) {
        assertEquals(1, rows[band], "band " + band + " holds the document once");
      }
    }
  }

  @Test
  void aBandPartitionReadsItsBandsOnlyAndTheyMakeTheCandidatesOfAllBands() throws Exception {
    Path plain = ingested();
    try (CaseFolder folder = CaseFolder.open(plain, Clock.systemUTC())) {
      List<Document> docs = new ArrayList<>();
      folder.store().annotations().forEachAnalysed(docs::add);
      Verifier checker = new Verifier(0.8, Map.of());
      for (Document d : docs) {
        Checked c = Verifying.checkDocument(folder, d.id(), checker);
        folder.store().write(tx -> {
          Verifying.keep(tx, "k", c);
          return null;
        });
      }
      Recording store = new Recording(folder.store().verifications());
      Set<Families.Pair> all = new LinkedHashSet<>();
      for (int from = 0; from < Families.BANDS; from += Verifying.BANDS_PER_TASK) {
        store.bands.clear();
        int to = from + Verifying.BANDS_PER_TASK;
        all.addAll(Verifying.candidates(store, from, to));
        Set<Integer> expected = new TreeSet<>();
        for (int b = from; b < to; b++) {
          expected.add(b);
        }
        assertEquals(expected, new TreeSet<>(store.bands), "a partition reads its own bands, each once");
        assertEquals(to - from, store.bands.size());
        assertEquals(0, store.others, "and nothing else of the store");
      }
      Set<Families.Pair> whole = Verifying.candidates(folder.store().verifications(), 0, Families.BANDS);
      assertEquals(whole, all);
      Set<String> names = new HashSet<>();
      Map<String, String> nameOf = new java.util.HashMap<>();
      docs.forEach(d -> nameOf.put(d.id().sha256(), d.name().replaceAll(".*/", "")));
      for (Families.Pair p : all) {
        names.add(nameOf.get(p.a()));
        names.add(nameOf.get(p.b()));
      }
      assertTrue(names.containsAll(Set.of("memo-draft.txt", "memo-v2.txt", "memo-final.txt", "memo-copy.txt")), names.toString());
      assertFalse(names.stream().anyMatch(n -> n.startsWith("other-")), "unrelated documents are no candidates: " + names);
    }
  }

  /** The verification store as a band partition sees it, with what it reads. */
  private static final class Recording implements VerificationStore {
    final VerificationStore real;
    final List<Integer> bands = new ArrayList<>();
    int others;

    Recording(VerificationStore real) {
      this.real = real;
    }

    @Override
    public Optional<String> inputs(String document, String kind) throws SQLException {
      others++;
      return real.inputs(document, kind);
    }

    @Override
    public void forEach(String kind, BiConsumer<String, String> visitor) throws SQLException {
      others++;
      real.forEach(kind, visitor);
    }

    @Override
    public Map<String, String> values(String kind, Collection<String> documents) throws SQLException {
      others++;
      return real.values(kind, documents);
    }

    @Override
    public void band(int band, Consumer<BandRow> visitor) throws SQLException {
      bands.add(band);
      real.band(band, visitor);
    }

    @Override
    public void candidates(String round, BiConsumer<String, String> visitor) throws SQLException {
      others++;
      real.candidates(round, visitor);
    }
  }

  /**
   * Two workers on a case whose store is on PostgreSQL verify it in tasks (per document, per band
   * range, the end) and store the signals and families that the stage makes in one process of a
   * SQLite case of the same files: the memo's versions one family, the unrelated documents none.
   */
  @Test
  void twoWorkersVerifyTheCaseAsOneProcessDoes() throws Exception {
    Path plain = ingested();
    JsonNode embedded = Workers.ok(Cli.run("--case", plain.toString(), "verify", "--json")).json();

    Path shared = dir.resolve("shared");
    String schema = Workers.sharedCase(shared);
    Workers.ok(Cli.run("--case", shared.toString(), "ingest", "--queue", "--json", dir.resolve("in").toString()));
    List<JsonNode> summaries = Workers.run(shared, 2, 20);
    long documents = summaries.stream().mapToLong(s -> s.path("done").path(StageTasks.VERIFY_DOCUMENT).asLong()).sum();
    assertEquals(7, documents, "each document checked in a task of its own: " + summaries);
    assertEquals("4", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'verify-bands' AND state = 'done'"));
    assertEquals("1", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE kind = 'verify-families' AND state = 'done'"));
    assertEquals("0", Workers.scalar(schema, "SELECT count(*) FROM tasks WHERE state <> 'done'"));
    JsonNode queued = Workers.ok(Cli.run("--case", shared.toString(), "verify", "--json")).json();

    assertEquals(embedded, queued);
    JsonNode families = queued.get("families");
    assertEquals(1, families.size(), families.toString());
    Set<String> members = new TreeSet<>();
    families.get(0).get("members").forEach(m -> members.add(m.get("document").asText().replaceAll(".*/", "")));
    assertEquals(Set.of("memo-copy.txt", "memo-draft.txt", "memo-final.txt", "memo-v2.txt"), members);
    assertTrue(queued.get("signals").size() > 0, queued.toString());
    JsonNode status = Workers.ok(Cli.run("--case", shared.toString(), "status", "--json")).json();
    JsonNode tasks = status.get("queue").get("tasks");
    for (String kind : StageTasks.VERIFY_KINDS) {
      assertTrue(tasks.has(kind), "status shows the " + kind + " tasks: " + tasks);
    }

    // a second round: one more version of the memo comes; only its checks are done, the others' stand
    Path more = Files.createDirectories(dir.resolve("more"));
    write(more.resolve("memo-v3.txt"), MEMO.replace("settled unevenly", "sunk unevenly"));
    Workers.ok(Cli.run("--case", plain.toString(), "ingest", "--quiet", "--no-ocr", more.toString()));
    JsonNode embeddedAgain = Workers.ok(Cli.run("--case", plain.toString(), "verify", "--json")).json();
    Workers.ok(Cli.run("--case", shared.toString(), "ingest", "--queue", "--json", more.toString()));
    List<JsonNode> again = Workers.run(shared, 1, 20);
    assertEquals(1, again.get(0).path("done").path(StageTasks.VERIFY_DOCUMENT).asLong(), again.toString());
    assertEquals(2, again.get(0).path("done").path(StageTasks.VERIFY_FAMILIES).asLong()
        + again.get(0).path("done").path(StageTasks.VERIFY).asLong(), "the round planned and ended: " + again);
    assertEquals("8", Workers.scalar(schema, "SELECT count(*) FROM verify_documents WHERE kind = 'checks'"));
    JsonNode queuedAgain = Workers.ok(Cli.run("--case", shared.toString(), "verify", "--json")).json();
    assertEquals(embeddedAgain, queuedAgain);
    assertEquals(5, queuedAgain.get("families").get(0).get("members").size(), queuedAgain.toString());
  }
}
