package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.analyze.DocumentAnalyzer;
import org.dossier.analyze.Gazetteer;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;
import org.dossier.core.EntityMention;
import org.junit.jupiter.api.Test;

/**
 * A document's reading written as text and taken back is the same reading: the stories, facts
 * and sources formed from readings kept in the case folder, or made by other workers, are those
 * formed from the texts themselves. On the invented case of {@link FictionalStories}.
 */
class ReadingAsTextTest {
  private static final LinkHarness.Article[] CASE = FictionalStories.ARTICLES;

  @Test
  void findingsFromReadingsTakenBackAreTheFindingsFromTheTexts() throws Exception {
    Linker.Result direct = LinkHarness.link(false, CASE);
    Linker.Result taken = LinkHarness.link(true, CASE);
    assertFalse(direct.facts().isEmpty());
    assertFalse(direct.sources().stream().allMatch(p -> p.links().isEmpty()), "the case has copies and translations");
    assertEquals(direct.stories(), taken.stories());
    assertEquals(direct.facts(), taken.facts());
    assertEquals(direct.sources(), taken.sources());
    assertEquals(direct.claims(), taken.claims());
    assertEquals(direct.genres(), taken.genres());
    assertEquals(direct.headlines(), taken.headlines());
    assertEquals(direct.dates(), taken.dates());
  }

  @Test
  void aReadingTakenBackWritesTheSameText() {
    DocumentAnalyzer analyzer = new DocumentAnalyzer(Gazetteer.load(List.of()));
    Linker linker = new Linker();
    for (LinkHarness.Article x : CASE) {
      Annotations an = analyzer.analyze(x.text(), x.language(), Optional.empty()).annotations();
      List<String> names = an.entities().stream().map(EntityMention::canonical).toList();
      Reading r = linker.read(new LinkDocument(new DocumentId("ab".repeat(32)), x.name(), x.language(), "text/plain",
          Map.of("og:url", List.of("https://harbour-ledger.example/2026/03/boats")), x.text(), an, names,
          an.documentDate(), Map.of("headline", "Set by hand"), x.name()));
      String text = r.encode();
      assertEquals(text, Reading.decode(text).encode(), x.name());
      assertTrue(text.contains("Set by hand"), text);
    }
  }

  @Test
  void aReadingHoldsEachTextOfItsClaimsOnce() {
    DocumentAnalyzer analyzer = new DocumentAnalyzer(Gazetteer.load(List.of()));
    LinkHarness.Article x = CASE[0];
    Annotations an = analyzer.analyze(x.text(), x.language(), Optional.empty()).annotations();
    Reading r = new Linker().read(new LinkDocument(new DocumentId("ef".repeat(32)), x.name(), x.language(),
        "text/plain", Map.of(), x.text(), an, an.entities().stream().map(EntityMention::canonical).toList(),
        an.documentDate()));
    for (List<Claim> claims : List.of(r.summary.claims, Reading.decode(r.encode()).summary.claims)) {
      int sharing = 0;
      for (Claim a : claims) {
        for (Claim b : claims) {
          if (a != b && a.context().equals(b.context())) {
            assertSame(a.context(), b.context(), "one sentence's context, held once");
            sharing++;
          }
        }
        if (a.stated() instanceof Claim.Said said) {
          assertSame(a.quote(), said.text());
        }
      }
      assertTrue(sharing > 0, "the article has sentences with several claims");
    }
  }

  @Test
  void textThatIsNotAWholeReadingIsRefused() {
    Linker linker = new Linker();
    String text = linker.read(new LinkDocument(new DocumentId("cd".repeat(32)), "storm.txt", "en", "text/plain",
        Map.of(), FictionalStories.STORM, new Annotations(List.of(), List.of(), List.of(), Optional.empty(), true),
        List.of(), Optional.empty())).encode();
    assertThrows(IllegalArgumentException.class, () -> Reading.decode(text.substring(0, text.length() / 2)));
    assertThrows(IllegalArgumentException.class, () -> Reading.decode("{}"));
    assertThrows(IllegalArgumentException.class, () -> Reading.decode("[1, 2]"));
    assertThrows(IllegalArgumentException.class, () -> Reading.decode(text.replace("\"shingleTotal\"", "\"total\"")));
    // control: the whole text is taken
    assertEquals(text, Reading.decode(text).encode());
  }
}
