package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.dossier.core.Span;
import org.junit.jupiter.api.Test;

/** Where a statement lies beside its source and cue, read without the rest of the analysis. */
class AttributionStatementsTest {

  /** The statement of {@code sentence} when the source and cue are the first occurrence of {@code frame}. */
  private static String statement(String before, String sentence, String frame, boolean strict, boolean leading,
      String language) {
    String text = before + sentence;
    Span s = new Span(before.length(), text.length());
    Span previous = before.isEmpty() ? null : new Span(0, before.strip().length());
    int f = text.indexOf(frame, before.length());
    Optional<Span> st = AttributionStatements.of(text, s, previous, f, f + frame.length(), strict, leading,
        AttributionCues.of(language));
    return st.map(x -> text.substring(x.start(), x.end())).orElse(null);
  }

  @Test
  void theClauseAfterThatOrAColon() {
    assertEquals("the plant would close", statement("", "Varsh said on Monday that the plant would close.",
        "Varsh said", false, false, "en"));
    assertEquals("die Brücke gesperrt bleibt", statement("", "Die Polizei sagte am Montag, dass die Brücke gesperrt bleibt.",
        "Die Polizei sagte", false, false, "de"));
    assertEquals("the bridge will reopen", statement("", "The council announced: the bridge will reopen.",
        "The council announced", true, false, "en"));
    // a relative clause is not a reported one
    assertEquals("the plant that closed had 40 workers", statement("",
        "Varsh said the plant that closed had 40 workers.", "Varsh said", false, false, "en"));
  }

  @Test
  void theSideOfTheSentenceThatHoldsIt() {
    assertEquals("The plant will close", statement("", "The plant will close, Varsh said.", "Varsh said", false, false, "en"));
    assertEquals("The plant will close", statement("", "“The plant will close,” said Varsh, the mayor.", "said Varsh",
        false, false, "en"));
    assertEquals("The plant, Varsh said, will close in May", statement("", "The plant, Varsh said, will close in May.",
        "Varsh said", false, false, "en"));
    assertEquals("the plant will close", statement("", "According to Varsh, the plant will close.", "According to Varsh",
        false, true, "en"));
  }

  @Test
  void aStrictVerbNeedsAStatement() {
    assertEquals(null, statement("", "The company reported a loss of $5 million.", "The company reported", true, false, "en"));
    assertEquals("Sales fell", statement("", "Sales fell, the company reported.", "the company reported", true, false, "en"));
  }

  @Test
  void obEtomIsTheSentenceBefore() {
    assertEquals("Завод закроют в марте", statement("Завод закроют в марте. ", "Об этом сообщил Олег Ланской.",
        "сообщил Олег Ланской", false, false, "ru"));
  }

  @Test
  void trimmingTakesQuoteMarksOnlyInPairs() {
    String text = "“The plant will close,” ";
    Span t = AttributionStatements.trim(text, 0, text.length());
    assertEquals("The plant will close", text.substring(t.start(), t.end()));
    String inner = "the plant was “closed”.";
    Span u = AttributionStatements.trim(inner, 0, inner.length());
    assertEquals("the plant was “closed”", inner.substring(u.start(), u.end()));
  }

  @Test
  void chineseCountsTwoCharactersAWord() {
    assertEquals(3, AttributionStatements.words("该厂将关闭", 0, 5, 10));
    assertEquals(2, AttributionStatements.words("the plant will close", 0, 20, 2));
  }
}
