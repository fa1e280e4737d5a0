package org.dossier.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dossier.core.Document;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.Verifying;

/**
 * The verify stage's costs, not a test:
 * <ul>
 *   <li>{@code families N}: MinHash signatures and LSH banding on N generated documents with
 *       planted versions (a few words changed), beside an all-pairs comparison of the same
 *       signatures on a sample, extrapolated (the quadratic cost Dossier avoids);
 *   <li>{@code case DIR}: the whole verify stage on an ingested case, per document, beside bare
 *       PDFBox loading and extracting the same PDFs (what the PDF checks build on).
 * </ul>
 */
public final class VerifyBenchmark {
  private VerifyBenchmark() {}

  private static final String[] WORDS = ("contract delivery payment vehicle training battalion document meeting"
      + " schedule equipment agreement minister delegation analysis report leaked signed draft annex price total"
      + " stage supplier buyer airborne parachute radio navigation repair centre officer letter the of and to in"
      + " a is that for it as was with be by on not he this are or his from at which but have an had they").split(" ");

  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "families";
    if (what.equals("case")) {
      caseCost(Path.of(args[1]));
    } else {
      families(args.length > 1 ? Integer.parseInt(args[1]) : 100_000);
    }
  }

  static String text(Random r, int words) {
    StringBuilder b = new StringBuilder(words * 8);
    for (int i = 0; i < words; i++) {
      b.append(WORDS[r.nextInt(WORDS.length)]).append(i % 17 == 16 ? ". " : " ");
    }
    return b.toString();
  }

  static void families(int n) {
    Random r = new Random(7);
    Families f = new Families();
    Set<Long> planted = new HashSet<>();
    List<String> bases = new ArrayList<>();
    long t0 = System.nanoTime();
    int versions = 0;
    for (int i = 0; i < n; i++) {
      String t;
      if (i > 0 && i % 100 == 0 && !bases.isEmpty()) {
        // a version of an earlier document: a few words changed
        int base = r.nextInt(bases.size());
        String[] w = bases.get(base).split(" ");
        for (int k = 0; k < 3; k++) {
          w[r.nextInt(w.length)] = String.valueOf(r.nextInt(1000));
        }
        t = String.join(" ", w);
        planted.add((long) baseIndex(base) * n + i);
        versions++;
      } else {
        t = text(r, 300);
        if (bases.size() < 2_000) {
          bases.add(t);
        }
      }
      f.add(Integer.toString(i), Families.signature(t));
    }
    double sign = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    List<Families.Similar> pairs = f.pairs(0.8);
    double lsh = (System.nanoTime() - t1) / 1e9;
    int found = 0;
    for (Families.Similar s : pairs) {
      long a = Long.parseLong(s.pair().a());
      long b = Long.parseLong(s.pair().b());
      if (planted.contains(Math.min(a, b) * n + Math.max(a, b))) {
        found++;
      }
    }
    // all pairs on a sample, as a comparison without banding would do
    int sample = Math.min(n, 4_000);
    long t2 = System.nanoTime();
    long compared = 0;
    for (int a = 0; a < sample; a++) {
      for (int b = a + 1; b < sample; b++) {
        Families.similarity(f.get(Integer.toString(a)), f.get(Integer.toString(b)));
        compared++;
      }
    }
    double allPairsSample = (System.nanoTime() - t2) / 1e9;
    double extrapolated = allPairsSample * ((double) n * (n - 1) / 2) / compared;
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "families: %d documents of 300 words, %d planted versions%n", n, versions);
    System.out.printf(Locale.ROOT, "  signatures (128 MinHashes of 5-word shingles)  %.1f s, %.0f docs/s%n", sign, n / sign);
    System.out.printf(Locale.ROOT, "  LSH banding (32 bands x 4 rows), threshold 0.8  %.2f s, %d pairs, %d of %d planted versions found%n",
        lsh, pairs.size(), found, versions);
    System.out.printf(Locale.ROOT, "  all pairs, %d-document sample: %.2f s; extrapolated to %d documents: %.0f s%n",
        sample, allPairsSample, n, extrapolated);
    System.out.printf(Locale.ROOT, "  heap in use after: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  /** The first 2,000 non-version documents are the bases; their indexes skip every 100th. */
  private static int baseIndex(int base) {
    int seen = -1;
    for (int i = 0; ; i++) {
      if (i > 0 && i % 100 == 0) {
        continue;
      }
      if (++seen == base) {
        return i;
      }
    }
  }

  static void caseCost(Path caseDir) throws Exception {
    try (CaseFolder folder = CaseFolder.open(caseDir, Clock.systemUTC())) {
      List<Document> docs = new ArrayList<>();
      folder.store().annotations().forEachAnalysed(docs::add);
      long t0 = System.nanoTime();
      Verifying.Summary s = Verifying.run(folder, 0.8);
      double verify = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "verify stage: %d documents, %d signals, %d families in %.2f s: %.2f ms per document%n",
          s.documents(), s.signals(), s.families(), verify, verify * 1000 / Math.max(1, s.documents()));
      long t1 = System.nanoTime();
      int pdfs = 0;
      for (Document d : docs) {
        if (!d.mediaType().startsWith("application/pdf") || !d.stored()) {
          continue;
        }
        Path p = folder.layout().original(d.id());
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(p))) {
          new PDFTextStripper().getText(doc);
          pdfs++;
        } catch (Exception e) {
          // unreadable: skipped, as the checks skip it
        }
      }
      double bare = (System.nanoTime() - t1) / 1e9;
      System.out.printf(Locale.ROOT, "bare PDFBox load + text, one thread, the same %d PDFs: %.2f s (%.2f ms per PDF)%n",
          pdfs, bare, bare * 1000 / Math.max(1, pdfs));
    }
  }
}
