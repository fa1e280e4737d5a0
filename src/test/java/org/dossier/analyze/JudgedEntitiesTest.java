package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dossier.core.EntityRow;
import org.dossier.core.EntityType;
import org.dossier.core.ResolvedEntity;
import org.junit.jupiter.api.Test;

/**
 * The analyst's merges and splits of names: a merge joins names no rule would; a split keeps two
 * names apart however many rules would join them, and through a third name too; a later judgement
 * of a pair replaces an earlier one.
 */
class JudgedEntitiesTest {
  /** "Halvorsen" alone would join the one fuller name it ends; "Halvorsen Marine" is an organisation. */
  private static final List<EntityRow> ROWS = List.of(
      new EntityRow(EntityType.PERSON, "Ilse Halvorsen", "Ilse Halvorsen", 4),
      new EntityRow(EntityType.PERSON, "Halvorsen", "Halvorsen", 3),
      new EntityRow(EntityType.PERSON, "I. Halvorsen", "Ilse Halvorsen", 1),
      new EntityRow(EntityType.PERSON, "Mira Quell", "Mira Quell", 2),
      new EntityRow(EntityType.PERSON, "Мира Квелл", "Мира Квелл", 2));

  private static ResolvedEntity of(List<ResolvedEntity> all, String name) {
    return all.stream().filter(e -> e.names().stream().anyMatch(r -> r.text().equals(name))).findFirst().orElseThrow();
  }

  @Test
  void withoutJudgementsTheRulesJoinTheSurnameToTheFullName() {
    List<ResolvedEntity> out = new EntityResolver().resolve(ROWS);
    assertEquals(of(out, "Ilse Halvorsen"), of(out, "Halvorsen"));
    // the Cyrillic spelling is another entity: no rule joins a transliteration this loose
    assertTrue(of(out, "Mira Quell") != of(out, "Мира Квелл"));
  }

  @Test
  void aSplitKeepsTwoNamesApartAndTheRestTogether() {
    List<ResolvedEntity> out = new EntityResolver().resolve(ROWS,
        List.of(new EntityResolver.Judged(EntityType.PERSON, "Ilse Halvorsen", "Halvorsen", false)));
    ResolvedEntity full = of(out, "Ilse Halvorsen");
    ResolvedEntity surname = of(out, "Halvorsen");
    assertTrue(full != surname, out::toString);
    // control: the initial's row, which its document gave the full name, stays with it
    assertEquals(full, of(out, "I. Halvorsen"));
    assertEquals(1, surname.names().size());
  }

  @Test
  void aSplitHoldsThroughAThirdName() {
    // "I. Halvorsen" joins "Ilse Halvorsen" by its document's fuller name; splitting it from the
    // surname must keep the surname out of that whole entity
    List<ResolvedEntity> out = new EntityResolver().resolve(ROWS,
        List.of(new EntityResolver.Judged(EntityType.PERSON, "I. Halvorsen", "Halvorsen", false)));
    assertTrue(of(out, "Ilse Halvorsen") != of(out, "Halvorsen"), out::toString);
  }

  @Test
  void aMergeJoinsWhatNoRuleWouldAndALaterSplitUndoesIt() {
    EntityResolver.Judged merge = new EntityResolver.Judged(EntityType.PERSON, "Mira Quell", "мира квелл", true);
    List<ResolvedEntity> merged = new EntityResolver().resolve(ROWS, List.of(merge));
    ResolvedEntity mira = of(merged, "Mira Quell");
    assertEquals(mira, of(merged, "Мира Квелл"));
    assertTrue(mira.aliases().contains("Мира Квелл") || mira.name().equals("Мира Квелл"), mira::toString);
    // control: the other entities are as the rules formed them
    assertEquals(of(merged, "Ilse Halvorsen"), of(merged, "Halvorsen"));
    List<ResolvedEntity> split = new EntityResolver().resolve(ROWS,
        List.of(merge, new EntityResolver.Judged(EntityType.PERSON, "Мира Квелл", "Mira Quell", false)));
    assertTrue(of(split, "Mira Quell") != of(split, "Мира Квелл"));
  }

  @Test
  void aJudgementOfNamesNotInTheCaseChangesNothing() {
    List<ResolvedEntity> out = new EntityResolver().resolve(ROWS,
        List.of(new EntityResolver.Judged(EntityType.PERSON, "Nobody Here", "Halvorsen", false),
            new EntityResolver.Judged(EntityType.ORGANIZATION, "Ilse Halvorsen", "Halvorsen", false)));
    assertEquals(new EntityResolver().resolve(ROWS), out);
  }
}
