package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.junit.jupiter.api.Test;

/** Chinese names as HanLP reads them, without the words it sometimes takes into a name. */
class ChineseNamesTest {
  private static List<String> people(String text) {
    return new DocumentAnalyzer(Gazetteer.load(List.of())).analyze(text, "zh", Optional.empty()).annotations()
        .entities().stream().filter(e -> e.type() == EntityType.PERSON).map(EntityMention::text).distinct().toList();
  }

  @Test
  void aVerbBeforeAForeignNameIsNotItsSurname() {
    // "占" (to account for) before a name the text also writes alone
    assertEquals(List.of("普达"), people("这笔交易占普达第一任期军售的一半以上。普达政府表示支持。"));
    // near miss: a common surname before a given name the text repeats alone stays one name
    assertEquals(List.of("王小明"), people("北原市长王小明在声明中说，小明将出席会议。"));
  }

  @Test
  void aSurnameBeforeAPrepositionIsNoName() {
    assertEquals(List.of("王小明", "李建国"), people("北原市长王小明在声明中说，任对台交流的李建国也将出席。"));
  }
}
