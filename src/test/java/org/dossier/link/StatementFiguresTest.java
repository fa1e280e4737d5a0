package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Two documents that make the same statement with different figures in it (a retelling in
 * another language that changes a number) dispute the figure; with the same figures they agree,
 * and a figure only one of them gives says nothing. Invented texts about an invented leak.
 */
class StatementFiguresTest {
  private static Linker.Result link(String englishFigure, String frenchFigure) throws Exception {
    return LinkHarness.link(
        LinkHarness.a("en.txt", "en", "2031-06-02",
            "The leaked files of the Telmar law firm name " + englishFigure + " shell companies of clients in 90 countries."),
        LinkHarness.a("fr.txt", "fr", "2031-06-02",
            "Les fichiers divulgués du cabinet d'avocats Telmar nomment " + frenchFigure + " sociétés écrans de clients dans 90 pays"
                + " et 14 paradis fiscaux."));
  }

  /** The fact holding both documents' statements. */
  private static Fact statement(Linker.Result r) {
    for (Fact f : r.facts()) {
      boolean en = false;
      boolean fr = false;
      for (Claim c : f.claims()) {
        if (c.stated() instanceof Claim.Said) {
          en |= r.names().get(c.document()).equals("en.txt");
          fr |= r.names().get(c.document()).equals("fr.txt");
        }
      }
      if (en && fr) {
        return f;
      }
    }
    throw new AssertionError("the two statements were not read as one: " + r.facts());
  }

  @Test
  void theSameStatementWithAnotherFigureIsADispute() throws Exception {
    Fact f = statement(link("more than 240,000", "plus de 214 000"));
    assertTrue(f.status().equals("conflict") || f.status().equals("divergent"), f::toString);
    assertTrue(f.explanation().contains("240,000") && f.explanation().contains("214 000"), f::toString);
  }

  @Test
  void controlTheSameFiguresAgreeAndAFigureOnlyOneGivesSaysNothing() throws Exception {
    // the French also counts 14 tax havens, which the English does not mention
    Fact f = statement(link("more than 240,000", "plus de 240 000"));
    assertEquals("agree", f.status(), f::toString);
  }
}
