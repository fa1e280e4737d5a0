package org.dossier.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dossier.core.CaseLayout;
import org.dossier.pipeline.Linking;

/**
 * What the link stage's end holds of each document: a case's kept readings taken back light, as
 * {@code link-finish} holds them, then each part let go in turn and the heap measured after a
 * collection, so that each part's share is the memory it frees. The classes and tables the
 * readings need are loaded by a first reading, let go before the measure begins.
 *
 * <p>{@code ./bench readings CASE_FOLDER}: reads the readings kept in the case's {@code readings/}.
 */
public final class LightReadingMemory {
  private LightReadingMemory() {}

  public static void main(String[] args) throws IOException {
    List<Path> files = files(Path.of(args[0]));
    if (files.isEmpty()) {
      System.out.println("no kept readings in " + args[0]);
      return;
    }
    try (Linker.Sharing sharing = Linker.sharing()) {
      read(files.get(0)); // the classes and tables a reading needs, not counted
      long before = used();
      List<Summary> docs = new ArrayList<>();
      for (Path f : files) {
        docs.add(read(f));
      }
      long[] at = {used()};
      int n = docs.size();
      System.out.printf(Locale.ROOT, "%,d light readings (%,d of the press): %.1f KB each, of which%n", n,
          docs.stream().filter(s -> s.genre.press()).count(), (at[0] - before) / 1024.0 / n);
      Runnable[] parts = {
        () -> docs.forEach(s -> s.claims = List.of()),
        () -> docs.forEach(s -> s.shingles = List.of()),
        () -> docs.forEach(s -> s.features = java.util.Map.of()),
        () -> docs.forEach(s -> {
          s.entityNames = java.util.Set.of();
          s.valueKeys = java.util.Set.of();
        }),
        () -> docs.forEach(s -> s.quotes.clear()),
        () -> docs.forEach(s -> {
          s.cites.clear();
          s.credits.clear();
          s.translationMarks.clear();
        }),
        sharing::close,
      };
      String[] names = {"story claims", "shingles", "features (their arrays)", "names and value keys (their arrays)",
          "quotes", "cited outlets, credits, marks of translation", "strings shared across readings"};
      for (int p = 0; p < parts.length; p++) {
        parts[p].run();
        long now = used();
        System.out.printf(Locale.ROOT, "  %-48s %6.2f KB%n", names[p], (at[0] - now) / 1024.0 / n);
        at[0] = now;
      }
      System.out.printf(Locale.ROOT, "  %-48s %6.2f KB%n", "the rest (names, headline, dates, genre ...)",
          (at[0] - before) / 1024.0 / n);
    }
  }

  /** The readings kept in a case folder ({@link CaseLayout#readings}), in order of name. */
  static List<Path> files(Path caseFolder) throws IOException {
    try (Stream<Path> walk = Files.walk(new CaseLayout(caseFolder).readings())) {
      return walk.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList();
    }
  }

  /** A kept reading taken back light, as the link stage's end holds it. */
  static Summary read(Path f) throws IOException {
    Summary s = Linking.keptReading(f).orElseThrow(() -> new IOException("not a kept reading: " + f)).summary;
    s.lighten();
    return s;
  }

  /** The heap in use after collections. */
  private static long used() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return r.totalMemory() - r.freeMemory();
  }
}
