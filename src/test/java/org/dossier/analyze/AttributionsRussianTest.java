package org.dossier.analyze;

import static org.dossier.analyze.AttributionCheck.has;
import static org.dossier.analyze.AttributionCheck.none;

import org.dossier.core.Attribution.Kind;
import org.junit.jupiter.api.Test;

/** Russian attribution forms, each with a sentence that looks alike but attributes nothing. */
class AttributionsRussianTest {

  @Test
  void poDannymPoInformatsiiPoSoobshcheniyu() {
    has("По данным издания, завод в Кестрове выпустил 40 турбин.", "ru",
        Kind.ACCORDING_TO, "издания", null, "завод в Кестрове выпустил 40 турбин");
    has("По информации «Вестей Кестрова», завод закроют в марте.", "ru",
        Kind.ACCORDING_TO, "Вестей Кестрова", null, "завод закроют в марте");
    has("Завод закроют в марте, по сообщению газеты «Северный курьер».", "ru",
        Kind.ACCORDING_TO, "Северный курьер", null, "Завод закроют в марте");
    none("Согласно договору, завод закроют в марте.", "ru");
  }

  @Test
  void kakSoobshchilSoobshchaetPeredaetPishet() {
    has("Как сообщила Вера Ланская, завод закроют в марте.", "ru",
        Kind.SAID, "Вера Ланская", null, "завод закроют в марте");
    has("Как сообщает «Радио Стеллан», мост откроют в мае.", "ru",
        Kind.REPORTED, "Радио Стеллан", null, "мост откроют в мае");
    has("Завод выпустил 40 турбин, сообщает «Вести Кестрова».", "ru",
        Kind.REPORTED, "Вести Кестрова", null, "Завод выпустил 40 турбин");
    has("Мост откроют в мае, передаёт «Радио Стеллан».", "ru",
        Kind.REPORTED, "Радио Стеллан", null, "Мост откроют в мае");
    has("Мост откроют в мае, пишет газета «Северный курьер».", "ru",
        Kind.REPORTED, "Северный курьер", null, "Мост откроют в мае");
    // the same verbs in other senses
    none("Кестровский завод передает турбины армии.", "ru");
    none("Как сообщение попало в газету, неизвестно.", "ru");
  }

  @Test
  void zayavilSoobshchilOtmetil() {
    has("Министр Вера Ланская заявила, что завод закроют в марте.", "ru",
        Kind.SAID, "Вера Ланская", null, "завод закроют в марте");
    has("Издание сообщило, что мост откроют в мае.", "ru",
        Kind.SAID, "Издание", null, "мост откроют в мае");
    has("Завод закроют в марте, — отметил Олег Ланской.", "ru",
        Kind.SAID, "Олег Ланской", null, "Завод закроют в марте");
    none("Он заявил, что завод закроют в марте.", "ru");
  }

  @Test
  void obEtomSoobshchilAttributesTheSentenceBefore() {
    has("Завод в Кестрове закроют в марте. Об этом сообщил Олег Ланской.", "ru",
        Kind.SAID, "Олег Ланской", null, "Завод в Кестрове закроют в марте");
    has("Завод в Кестрове закроют в марте. Об этом «Вестям Кестрова» сообщил Олег Ланской.", "ru",
        Kind.TOLD, "Олег Ланской", "Вестям Кестрова", "Завод в Кестрове закроют в марте");
    none("Завод в Кестрове закроют в марте. Об этом мало кто знал.", "ru");
  }

  @Test
  void soSsylkoyNa() {
    has("«Вести Кестрова» со ссылкой на источник в министерстве сообщают, что завод закроют.", "ru",
        Kind.REPORTED, "источник", "Вести Кестрова", "завод закроют");
    has("Завод закроют в марте, сообщает «Радио Стеллан» со ссылкой на пресс-службу министерства.", "ru",
        Kind.REPORTED, "пресс-службу министерства", "Радио Стеллан", "Завод закроют в марте");
    none("Письмо пришло со ссылкой на страницу оплаты.", "ru");
  }
}
