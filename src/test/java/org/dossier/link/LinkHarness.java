package org.dossier.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.analyze.DocumentAnalyzer;
import org.dossier.analyze.Gazetteer;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;
import org.dossier.core.EntityMention;

/** Links invented articles as the link stage does in a case, without a case folder. */
final class LinkHarness {
  private static DocumentAnalyzer analyzer;

  private LinkHarness() {}

  /** An article: its name, language, date (ISO, or empty) and text. */
  record Article(String name, String language, String date, String text) {}

  static Article a(String name, String language, String date, String text) {
    return new Article(name, language, date, text);
  }

  private static synchronized DocumentAnalyzer analyzer() {
    if (analyzer == null) {
      analyzer = new DocumentAnalyzer(Gazetteer.load(List.of()));
    }
    return analyzer;
  }

  /** Every document analysed, the case's names spotted in each, then linked. */
  static Linker.Result link(Article... articles) throws Exception {
    return link(false, articles);
  }

  /**
   * The same; with {@code asText}, each document's reading is written as text and taken back
   * ({@link Reading#encode}, {@link Reading#decode}) before the stage forms the stories, as a
   * reading kept in the case folder or made by another worker is.
   */
  static Linker.Result link(boolean asText, Article... articles) throws Exception {
    Linker linker = new Linker();
    for (Reading r : read(articles)) {
      linker.add(asText ? Reading.decode(r.encode()) : r);
    }
    return linker.finish();
  }

  /** Each article's reading, as the link stage makes it in a case: analysed, the case's names spotted in it. */
  static List<Reading> read(Article... articles) throws Exception {
    Linker linker = new Linker();
    List<Annotations> analysed = new ArrayList<>();
    Map<String, String> caseNames = new java.util.HashMap<>();
    for (Article x : articles) {
      Annotations an = analyzer().analyze(x.text(), x.language(), date(x)).annotations();
      analysed.add(an);
      for (EntityMention m : an.entities()) {
        caseNames.put(m.type().code() + "|" + m.text() + "|" + m.canonical(), m.canonical());
      }
    }
    Gazetteer spotter = CaseNames.of(caseNames);
    List<Reading> out = new ArrayList<>();
    for (int k = 0; k < articles.length; k++) {
      Article x = articles[k];
      Annotations an = CaseNames.spot(spotter, x.text(), analysed.get(k));
      List<String> names = new ArrayList<>();
      for (EntityMention m : an.entities()) {
        names.add(m.canonical());
      }
      String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(x.name().getBytes(StandardCharsets.UTF_8)));
      out.add(linker.read(new LinkDocument(new DocumentId(id), x.name(), x.language(), "text/plain", Map.of(),
          x.text(), an, names, date(x).or(an::documentDate))));
    }
    return out;
  }

  private static Optional<LocalDate> date(Article x) {
    return x.date().isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(x.date()));
  }

  /** The provenance of a document, by name. */
  static Provenance source(Linker.Result r, String name) {
    return r.sources().stream().filter(p -> r.names().get(p.document()).equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + r.sources()));
  }
}
