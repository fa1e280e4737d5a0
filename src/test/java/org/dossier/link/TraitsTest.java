package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The colour a text gives a thing (clothes, vehicles) is a claim: the same colour in two
 * languages agrees, another colour of the same thing is a dispute. Invented texts.
 */
class TraitsTest {
  private static List<Fact> colours(Linker.Result r) {
    return r.facts().stream().filter(f -> f.property().equals("colour")).toList();
  }

  private static Set<String> quotes(Fact f) {
    return f.claims().stream().map(Claim::quote).collect(Collectors.toSet());
  }

  @Test
  void aColourRetoldAgreesAndAnotherColourOfTheSameThingIsADispute() throws Exception {
    Linker.Result r = LinkHarness.link(
        LinkHarness.a("en.txt", "en", "2031-03-02", "Dario Venk, the Orvanian courier, left the Lisk court "
            + "in a green jacket and black boots after the hearing on Tuesday."),
        LinkHarness.a("fr.txt", "fr", "2031-03-03", "Les images montrent Dario Venk, le coursier orvanien, quittant le tribunal "
            + "de Lisk vêtu d'une veste grise et de bottes noires après l'audience de mardi."));
    List<Fact> colours = colours(r);
    Fact jacket = colours.stream().filter(f -> quotes(f).contains("green jacket")).findFirst().orElseThrow(() -> new AssertionError(colours.toString()));
    assertEquals("conflict", jacket.status(), jacket::toString);
    assertEquals(Set.of("green jacket", "veste grise"), quotes(jacket));
    Fact boots = colours.stream().filter(f -> quotes(f).contains("black boots")).findFirst().orElseThrow(() -> new AssertionError(colours.toString()));
    assertEquals("agree", boots.status(), boots::toString);
    assertEquals(Set.of("black boots", "bottes noires"), quotes(boots));
  }

  @Test
  void aColourInChineseMeetsItsEnglish() throws Exception {
    Linker.Result r = LinkHarness.link(
        LinkHarness.a("en.txt", "en", "2031-03-02", "Dario Venk, the Orvanian courier, left the Lisk court "
            + "in a green jacket after the hearing on Tuesday."),
        LinkHarness.a("zh.txt", "zh", "2031-03-03", "视频显示，奥尔瓦尼亚信使Dario Venk周二听证会后身穿绿色的外套离开Lisk法院。"));
    Fact jacket = colours(r).stream().filter(f -> quotes(f).contains("green jacket")).findFirst()
        .orElseThrow(() -> new AssertionError(colours(r).toString()));
    assertEquals("agree", jacket.status(), jacket::toString);
    assertEquals(Set.of("green jacket", "绿色的外套"), quotes(jacket));
  }

  @Test
  void namesIdiomsAndOtherThingsAreNoColourClaims() throws Exception {
    Linker.Result r = LinkHarness.link(
        LinkHarness.a("one.txt", "en", "2031-03-02", "Dario Venk, the Orvanian courier who works for Blue Bus Lines, was seen near the White House in a "
            + "grey van; officials called the green energy deal a red line on the black market."),
        LinkHarness.a("two.txt", "en", "2031-03-03", "Dario Venk, the Orvanian courier, left the Lisk court in a blue jacket "
            + "on Tuesday, near the White House."));
    for (Claim c : r.facts().stream().flatMap(f -> f.claims().stream()).toList()) {
      if (c.stated() instanceof Claim.Trait) {
        assertTrue(Set.of("grey van", "blue jacket").contains(c.quote()), c::toString);
      }
    }
    // a van and a jacket are two things: their colours do not dispute
    assertFalse(colours(r).stream().anyMatch(f -> f.status().equals("conflict")), colours(r)::toString);
  }
}
