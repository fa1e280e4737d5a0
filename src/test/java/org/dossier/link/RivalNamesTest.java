package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two documents that put different places or bodies in one role ("stationed at"), each naming
 * its own only, dispute who or where; names that stand next to each other, offices ("the
 * commander of"), and documents naming both are no dispute. Invented texts.
 */
class RivalNamesTest {
  private static List<Fact> rivalries(Linker.Result r) {
    return r.facts().stream().filter(f -> f.status().equals("conflict") && f.property().startsWith("named: ")).toList();
  }

  private static Set<String> names(Fact f) {
    return f.claims().stream().map(c -> ((Claim.Named) c.stated()).name()).collect(Collectors.toSet());
  }

  @Test
  void differentPlacesInOneRoleDispute() throws Exception {
    Linker.Result r = LinkHarness.link(
        LinkHarness.a("one.txt", "en", "2031-03-02", "Sergeant Ilsa Marrow was deployed to Camp Ardel, according to the unit roster. "
            + "Marrow was arrested on Thursday."),
        LinkHarness.a("two.txt", "en", "2031-03-03", "Marrow is reportedly deployed to Fort Lisk in Nevada. Marrow was arrested on Thursday."),
        LinkHarness.a("three.txt", "en", "2031-03-03", "Sergeant Ilsa Marrow, who was deployed in Oregon, according to a unit roster, was arrested on Thursday."),
        LinkHarness.a("four.txt", "en", "2031-03-04", "Reporters visited Camp Ardel in Oregon after Marrow was arrested on Thursday."));
    List<Fact> rivals = rivalries(r);
    assertTrue(rivals.stream().anyMatch(f -> names(f).containsAll(Set.of("Camp Ardel", "Fort Lisk"))), rivals::toString);
    // near miss: a place and the place it is in, as another text writes them side by side
    assertFalse(rivals.stream().anyMatch(f -> names(f).containsAll(Set.of("Camp Ardel", "Oregon"))), rivals::toString);
  }

  @Test
  void anOfficeIsNoRole() throws Exception {
    Linker.Result r = LinkHarness.link(
        LinkHarness.a("one.txt", "en", "2031-03-02", "Sergeant Ilsa Marrow was arrested in Oregon on Thursday over the leaked flight plans of the Kestrel squadron, said the commander of Camp Ardel."),
        LinkHarness.a("two.txt", "en", "2031-03-03", "Ilsa Marrow was arrested in Oregon on Thursday over leaked flight plans of the Kestrel squadron, said the commander of Fort Lisk."));
    assertEquals(List.of(), rivalries(r));
  }

  @Test
  void aDocumentThatNamesBothIsNoSide() throws Exception {
    Linker.Result r = LinkHarness.link(
        LinkHarness.a("one.txt", "en", "2031-03-02", "Sergeant Ilsa Marrow was deployed to Camp Ardel last year. Marrow was arrested on Thursday."),
        LinkHarness.a("two.txt", "en", "2031-03-03", "Marrow trained at Fort Lisk before she was deployed to Camp Ardel. "
            + "Marrow was deployed to Fort Lisk again in May. Marrow was arrested on Thursday."));
    assertEquals(List.of(), rivalries(r));
  }
}
