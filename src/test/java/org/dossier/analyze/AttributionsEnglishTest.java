package org.dossier.analyze;

import static org.dossier.analyze.AttributionCheck.has;
import static org.dossier.analyze.AttributionCheck.none;
import static org.dossier.analyze.AttributionCheck.notFrom;
import static org.dossier.analyze.AttributionCheck.seen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dossier.core.Attribution.Kind;
import org.junit.jupiter.api.Test;

/** English attribution forms, each with a sentence that looks alike but attributes nothing. */
class AttributionsEnglishTest {

  @Test
  void accordingToBeforeOrAfterTheStatement() {
    has("The Velmar plant shipped 40 turbines last year, according to the Harlow Courier.", "en",
        Kind.ACCORDING_TO, "Harlow Courier", null, "The Velmar plant shipped 40 turbines last year");
    has("According to the daily, the Velmar plant shipped 40 turbines last year.", "en",
        Kind.ACCORDING_TO, "the daily", null, "the Velmar plant shipped 40 turbines last year");
    has("According to two officials familiar with the talks, the plant will close.", "en",
        Kind.ACCORDING_TO, "two officials", null, "the plant will close");
    none("The launch of the Velmar plant went according to plan.", "en");
  }

  @Test
  void saidWithTheSourceBeforeOrAfter() {
    has("Mayor Edda Varsh said on Monday that the Velmar plant would close in March.", "en",
        Kind.SAID, "Edda Varsh", null, "the Velmar plant would close in March");
    has("The Velmar plant will close in March, said Edda Varsh, the mayor of Stellan.", "en",
        Kind.SAID, "Edda Varsh", null, "The Velmar plant will close in March");
    has("\"The plant will close in March,\" Edda Varsh added.", "en",
        Kind.SAID, "Edda Varsh", null, "The plant will close in March");
    has("A spokeswoman for the ministry said the figures were wrong.", "en",
        Kind.SAID, "A spokeswoman for the ministry", null, "the figures were wrong");
    // "it" and a pronoun with nobody named before: no source
    none("It said the Velmar plant would close in March.", "en");
    none("She said the Velmar plant would close in March.", "en");
  }

  @Test
  void aPronounIsThePersonNamedBefore() {
    Seen s = of("Edda Varsh visited the Velmar plant. She said it would close in March.", "en", "Edda Varsh");
    assertEquals(Kind.SAID, s.kind());
    assertEquals("it would close in March", s.statement());
  }

  @Test
  void theReportSaidIsADescribedSource() {
    has("The report said the Velmar plant had shipped 40 turbines.", "en",
        Kind.SAID, "The report", null, "the Velmar plant had shipped 40 turbines");
  }

  @Test
  void reportedWroteAnnouncedConfirmedClaimedNeedAStatement() {
    has("The Velmar plant will close in March, the Harlow Courier reported.", "en",
        Kind.REPORTED, "the Harlow Courier", null, "The Velmar plant will close in March");
    has("The Harlow Courier reported on Tuesday that the Velmar plant would close.", "en",
        Kind.REPORTED, "The Harlow Courier", null, "the Velmar plant would close");
    has("The ministry confirmed that 40 turbines had been shipped to Stellan.", "en",
        Kind.SAID, "The ministry", null, "40 turbines had been shipped to Stellan");
    has("Officials wrote in a memo that the figures were wrong.", "en",
        Kind.SAID, "Officials", null, "the figures were wrong");
    has("The Stellan council announced: the bridge will reopen in May.", "en",
        Kind.SAID, "The Stellan council", null, "the bridge will reopen in May");
    has("Radio Stellan claimed that the bridge had been closed for a year.", "en",
        Kind.SAID, "Radio Stellan", null, "the bridge had been closed for a year");
    // the same verbs with plain objects
    none("The Velmar deal reported a loss of $5 million in the third quarter.", "en");
    none("The company announced a new plant in Stellan.", "en");
    none("The ministry confirmed the appointment.", "en");
  }

  @Test
  void asTheOutletReported() {
    has("As the Harlow Courier reported on Monday, the Velmar plant will close in March.", "en",
        Kind.REPORTED, "the Harlow Courier", null, "the Velmar plant will close in March");
    has("The Velmar plant will close in March, as reported by Radio Stellan.", "en",
        Kind.REPORTED, "Radio Stellan", null, "The Velmar plant will close in March");
    none("As the river rose, the bridge was closed.", "en");
  }

  @Test
  void toldNamesWhoRelays() {
    has("\"The plant will close in March,\" Edda Varsh told the Harlow Courier.", "en",
        Kind.TOLD, "Edda Varsh", "Harlow Courier", "The plant will close in March");
    has("\"We spent 40 million on the repairs,\" mayor Edda Varsh told the Harlow Courier.", "en",
        Kind.TOLD, "Edda Varsh", "Harlow Courier", "We spent 40 million on the repairs");
    has("Edda Varsh told reporters that the plant would close.", "en",
        Kind.TOLD, "Edda Varsh", "reporters", "the plant would close");
    none("The bridge told its own story through old photographs.", "en");
  }

  @Test
  void inAnInterviewWith() {
    has("In an interview with Radio Stellan, Edda Varsh said the plant would close.", "en",
        Kind.SAID, "Edda Varsh", "Radio Stellan", "the plant would close");
    has("Edda Varsh said in an interview with the Harlow Courier that the plant would close.", "en",
        Kind.SAID, "Edda Varsh", "Harlow Courier", "the plant would close");
    none("In an interview with the mayor last year, nothing was decided.", "en");
  }

  @Test
  void citingMakesTheReporterTheRelay() {
    has("The Harlow Courier, citing two officials, reported that the plant would close.", "en",
        Kind.REPORTED, "two officials", "The Harlow Courier", "the plant would close");
    has("The plant will close, the Harlow Courier reported, citing two senior officials.", "en",
        Kind.REPORTED, "two senior officials", "the Harlow Courier", "The plant will close");
    has("Citing a source at the ministry, Radio Stellan said the bridge would reopen.", "en",
        Kind.SAID, "a source at the ministry", "Radio Stellan", "the bridge would reopen");
    none("Sales fell in March, citing weak demand.", "en");
  }

  @Test
  void quotesGoToTheSpeakerAndQuotedNamesAreNotQuotes() {
    String text = "Edda Varsh said the \"Northern Star\" line was \"a costly mistake for the town\".";
    assertTrue(seen(text, "en").contains(new AttributionCheck.Seen(Kind.QUOTE, "Edda Varsh", null,
        "a costly mistake for the town")), seen(text, "en").toString());
    assertTrue(seen(text, "en").stream().noneMatch(s -> s.statement().equals("Northern Star")), seen(text, "en").toString());
  }

  @Test
  void statementsStayInTheirSentence() {
    String text = "The bridge closed in May. Edda Varsh said the plant would close. Nobody objected.";
    Seen s = of(text, "en", "Edda Varsh");
    assertEquals("the plant would close", s.statement());
    notFrom(text, "en", "Nobody");
  }

  private record Seen(Kind kind, String source, String via, String statement) {}

  private static Seen of(String text, String language, String source) {
    AttributionCheck.Seen s = AttributionCheck.of(text, language, source);
    return new Seen(s.kind(), s.source(), s.via(), s.statement());
  }
}
