package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.dossier.core.Attribution;
import org.dossier.core.Attribution.Kind;
import org.junit.jupiter.api.Test;

/** Wire datelines and credit lines, beside picture credits and brackets that are not datelines. */
class DatelinesTest {

  private static void dateline(String text, String agency) {
    Optional<Datelines.Dateline> d = Datelines.find(text);
    assertTrue(d.isPresent(), "no dateline in «" + text + "»");
    Attribution a = d.get().attribution();
    assertEquals(agency, a.sourceText());
    assertEquals(agency, text.substring(a.source().start(), a.source().end()));
    assertEquals(Kind.DATELINE, a.kind());
    assertEquals(0, a.statement().start());
    assertEquals(text.length(), a.statement().end(), "the whole text is the agency's");
  }

  private static void noDateline(String text) {
    assertEquals(Optional.empty(), Datelines.find(text).map(Datelines.Dateline::attribution), "«" + text + "»");
  }

  @Test
  void placeInCapitalsAndAgency() {
    dateline("KESTROV (Radio Stellan) — The bridge over the Velm will reopen in May.", "Radio Stellan");
    dateline("KESTROV (NPA) The bridge over the Velm will reopen in May.", "NPA");
    dateline("Harlow Courier\nBy Edda Varsh\n\nNORTH VELM (NPA) - The bridge will reopen in May.", "NPA");
  }

  @Test
  void agencyAloneBeforeADash() {
    dateline("(NPA) – The bridge over the Velm will reopen in May.", "NPA");
    dateline("(Stellan Press) - The bridge over the Velm will reopen in May.", "Stellan Press");
    dateline("Sept. 26 (NPA) -- The bridge over the Velm will reopen in May.", "NPA");
  }

  @Test
  void placeAndDate() {
    dateline("Kestrov, Dec 18 (NPA) - The bridge over the Velm will reopen in May.", "NPA");
    dateline("KESTROV, 13 abr (Radio Stellan) – El puente reabrirá en mayo.", "Radio Stellan");
    dateline("NORTH VELM, Oct 5 (Velm News) - The bridge will reopen in May.", "Velm News");
    dateline("Kestrov, Dec. 18, 2024 (NPA) The bridge over the Velm will reopen in May.", "NPA");
    dateline("Kestrow (vpa) - Die Brücke wird im Mai geöffnet.", "vpa");
  }

  @Test
  void chineseCredits() {
    dateline("（北原社记者王明北原18日电）大桥将于五月重新开放。", "北原社");
    dateline("【北原社北原5日电】大桥将于五月重新开放。", "北原社");
    dateline("北原社北原5月5日电 大桥将于五月重新开放。", "北原社");
    noDateline("（图为北原大桥）大桥将于五月重新开放。");
  }

  @Test
  void creditLines() {
    dateline("Die Brücke wird im Mai geöffnet.\n\n– vpa", "vpa");
    dateline("(vpa)\nDie Brücke wird im Mai geöffnet.", "vpa");
    noDateline("Outlets that covered the bridge:\n- Radio Stellan\n- Harlow Courier\nand others.");
  }

  @Test
  void pictureCreditsAndOtherBracketsAreNotDatelines() {
    noDateline("(NPA photo) The bridge over the Velm at dawn.\n\nThe bridge will reopen in May.");
    noDateline("The bridge at dawn (Velm News: Edda Varsh)\nThe bridge will reopen in May.");
    noDateline("Edda Varsh (left) — the mayor of Kestrov — opened the bridge.");
    noDateline("Edda Varsh (Radio Stellan) — a reporter since 1990 — opened the bridge.");
    noDateline("Radio Stellan (RS) — the broadcaster said the bridge will reopen.");
    noDateline("The mayor (NPA) said the bridge will reopen in May.");
  }

  @Test
  void theCreditIsNotPartOfTheFirstStatement() {
    var seen = AttributionCheck.seen("KESTROV (NPA) — The bridge will reopen in May, officials said.", "en");
    assertTrue(seen.contains(new AttributionCheck.Seen(Kind.SAID, "officials", null, "The bridge will reopen in May")),
        seen.toString());
  }
}
