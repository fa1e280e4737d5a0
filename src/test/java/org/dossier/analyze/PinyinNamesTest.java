package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.dossier.core.EntityRow;
import org.dossier.core.EntityType;
import org.dossier.core.ResolvedEntity;
import org.junit.jupiter.api.Test;

/** A name written in Chinese characters meets its pinyin spelling; other names do not. */
class PinyinNamesTest {
  @Test
  void aPersonsSurnameStandsApartAndAPlaceIsOneWord() {
    assertEquals("wang xiaoming", EntityResolver.hanToLatin(EntityType.PERSON, "王小明"));
    assertEquals("haibinshi", EntityResolver.hanToLatin(EntityType.PLACE, "海滨市"));
    // near miss: a name not all in Chinese characters is left as written
    assertEquals("王 Li", EntityResolver.hanToLatin(EntityType.PERSON, "王 Li"));
  }

  @Test
  void theChineseAndTheLatinSpellingOfOneNameResolveToOneEntity() {
    List<ResolvedEntity> out = new EntityResolver().resolve(List.of(
        new EntityRow(EntityType.PERSON, "王小明", "王小明", 3),
        new EntityRow(EntityType.PERSON, "Wang Xiaoming", "Wang Xiaoming", 2),
        new EntityRow(EntityType.PERSON, "Wang Xiaolong", "Wang Xiaolong", 1)));
    ResolvedEntity wang = out.stream().filter(e -> e.aliases().contains("王小明") || e.name().equals("王小明")).findFirst().orElseThrow();
    assertEquals(2, wang.names().size(), wang::toString);
    // near miss: another given name of the same surname is another person
    ResolvedEntity other = out.stream().filter(e -> e.name().equals("Wang Xiaolong")).findFirst().orElseThrow();
    assertNotEquals(wang, other);
    assertEquals(1, other.names().size(), other::toString);
  }

  @Test
  void aForeignNameChineseTranscribesMeetsItsLatinSpelling() {
    List<ResolvedEntity> out = new EntityResolver().resolve(List.of(
        new EntityRow(EntityType.PLACE, "德拉文纳市", "德拉文纳市", 2),
        new EntityRow(EntityType.PLACE, "Dravenna", "Dravenna", 3),
        new EntityRow(EntityType.ORGANIZATION, "霍尔韦格", "霍尔韦格", 1),
        new EntityRow(EntityType.ORGANIZATION, "Hollweg", "Hollweg", 2),
        // near misses: a short name, and a sound two Latin names share
        new EntityRow(EntityType.PLACE, "普金", "普金", 1),
        new EntityRow(EntityType.PLACE, "Pukin", "Pukin", 1),
        new EntityRow(EntityType.PERSON, "特朗普", "特朗普", 1),
        new EntityRow(EntityType.PERSON, "Tromp", "Tromp", 1),
        new EntityRow(EntityType.PERSON, "Tramp", "Tramp", 1)));
    assertEquals(2, entity(out, "Dravenna").names().size(), out::toString);
    assertEquals(2, entity(out, "Hollweg").names().size(), out::toString);
    assertEquals(1, entity(out, "Pukin").names().size(), out::toString);
    assertEquals(1, entity(out, "Tromp").names().size(), out::toString);
    // near miss: another type is another thing
    List<ResolvedEntity> typed = new EntityResolver().resolve(List.of(
        new EntityRow(EntityType.PERSON, "德拉文纳", "德拉文纳", 1),
        new EntityRow(EntityType.PLACE, "Dravenna", "Dravenna", 1)));
    assertEquals(2, typed.size(), typed::toString);
  }

  private static ResolvedEntity entity(List<ResolvedEntity> out, String alias) {
    return out.stream().filter(e -> e.name().equals(alias) || e.aliases().contains(alias)).findFirst().orElseThrow();
  }
}
