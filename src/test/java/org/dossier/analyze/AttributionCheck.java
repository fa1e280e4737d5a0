package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import org.dossier.core.Attribution;
import org.dossier.core.Attribution.Kind;

/** Analyses a text written in a test and checks its attributions: source, kind, via and statement. */
final class AttributionCheck {
  private static final DocumentAnalyzer ANALYZER = new DocumentAnalyzer(Gazetteer.load(List.of()));

  /** One attribution as the tests see it. */
  record Seen(Kind kind, String source, String via, String statement) {
    @Override
    public String toString() {
      return kind.code() + " [" + source + "]" + (via == null ? "" : " via [" + via + "]") + " <" + statement + ">";
    }
  }

  private AttributionCheck() {}

  static List<Seen> seen(String text, String language) {
    List<Attribution> all = ANALYZER.analyze(text, language, Optional.empty()).annotations().attributions();
    return all.stream().map(a -> new Seen(a.kind(), a.sourceText(), a.via().orElse(null),
        text.substring(a.statement().start(), a.statement().end()))).toList();
  }

  /** The text has an attribution of this kind, source, relay and statement. */
  static void has(String text, String language, Kind kind, String source, String via, String statement) {
    List<Seen> seen = seen(text, language);
    Seen wanted = new Seen(kind, source, via, statement);
    if (!seen.contains(wanted)) {
      fail("missing " + wanted + " in «" + text + "»; found " + seen);
    }
  }

  /** The source's attribution (not a quote), whatever its statement. */
  static Seen of(String text, String language, String source) {
    List<Seen> seen = seen(text, language);
    return seen.stream().filter(s -> s.source().equals(source) && s.kind() != Kind.QUOTE).findFirst()
        .orElseThrow(() -> new AssertionError("no attribution to [" + source + "] in «" + text + "»; found " + seen));
  }

  /** The text attributes nothing (quotes and datelines aside, which need a source too). */
  static void none(String text, String language) {
    List<Seen> seen = seen(text, language);
    assertEquals(List.of(), seen, "«" + text + "» attributes nothing");
  }

  /** No attribution names this source. */
  static void notFrom(String text, String language, String source) {
    List<Seen> seen = seen(text, language);
    assertTrue(seen.stream().noneMatch(s -> s.source().equals(source)), "«" + text + "»: " + seen);
  }
}
