package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.junit.jupiter.api.Test;

/** Names whose reading depends on the words around them. */
class NamesInContextTest {
  private static List<EntityMention> entities(Gazetteer g, String text, String lang) {
    return new DocumentAnalyzer(g).analyze(text, lang, Optional.empty()).annotations().entities();
  }

  private static String summary(List<EntityMention> ms) {
    return ms.stream().map(m -> m.text() + "=" + m.type().code() + ":" + m.canonical())
        .collect(Collectors.joining(" | "));
  }

  @Test
  void sharedDescriptiveAliasNamesTheItemTheTextNames() {
    Gazetteer g = Gazetteer.of(List.of(
        new Gazetteer.Entry(EntityType.EQUIPMENT, "Alpha-1", List.of("light amphibious assault vehicle")),
        new Gazetteer.Entry(EntityType.EQUIPMENT, "Bravo-2", List.of("light amphibious assault vehicle"))));
    assertEquals("light amphibious assault vehicles=equipment:Alpha-1 | Alpha-1=equipment:Alpha-1",
        summary(entities(g, "They bought light amphibious assault vehicles (Alpha-1).", "en")));
    assertEquals("light amphibious assault vehicles=equipment:Bravo-2 | Bravo-2=equipment:Bravo-2",
        summary(entities(g, "They bought light amphibious assault vehicles (Bravo-2).", "en")));
    // named nowhere: the entry loaded last, a case's own file over the bundled one
    assertEquals("light amphibious assault vehicles=equipment:Bravo-2",
        summary(entities(g, "They bought light amphibious assault vehicles.", "en")));
  }

  @Test
  void russianInitialsBeforeASurnameDoNotEndTheSentence() {
    String s = summary(entities(Gazetteer.of(List.of()),
        "Письмо подписал А. В. Семиренко.\nИсп. О. Н. Тарновская", "ru"));
    assertEquals("А. В. Семиренко=person:А. В. Семиренко | О. Н. Тарновская=person:О. Н. Тарновская", s);
  }

  @Test
  void anAdjectiveAfterATitleIsNotAPerson() {
    List<EntityMention> ms = entities(Gazetteer.of(List.of()),
        "Председателю Государственного комитета по науке Д. Л. Вересову", "ru");
    assertTrue(ms.stream().noneMatch(m -> m.text().startsWith("Государственн") && m.type() == EntityType.PERSON),
        summary(ms));
    assertTrue(ms.stream().anyMatch(m -> m.text().equals("Д. Л. Вересову") && m.type() == EntityType.PERSON),
        summary(ms));
  }

  @Test
  void inflectedAdjectivesMeetTheirGazetteerForm() {
    Gazetteer g = Gazetteer.of(List.of(new Gazetteer.Entry(EntityType.ORGANIZATION, "State Committee",
        List.of("Государственный комитет по военно-техническому сотрудничеству"))));
    assertEquals("Государственного комитета по военно-техническому сотрудничеству=organization:State Committee",
        summary(entities(g, "Письмо Государственного комитета по военно-техническому сотрудничеству.", "ru")));
  }

  @Test
  void theCountryOfACurrencyIsNotAPlaceMention() {
    String s = summary(entities(Gazetteer.of(List.of()), "Цена контракта — 312 400 000 долларов США.", "ru"));
    assertEquals("", s);
  }
}
