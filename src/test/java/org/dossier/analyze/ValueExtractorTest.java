package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dossier.core.ValueMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueExtractorTest {
  private static List<ValueMention> values(String text, String lang, String date) {
    Draft d = new Draft(text, lang, Optional.ofNullable(date).map(LocalDate::parse));
    new SentenceSplitter().annotate(d);
    new ValueExtractor().annotate(d);
    return d.values();
  }

  /** kind:normalized[:qualifier bound] of each value, joined by " | ". */
  static String summary(String text, String lang, String date) {
    return values(text, lang, date).stream()
        .map(v -> v.value().kind() + ":" + v.value().normalized()
            + v.qualifier().map(q -> ":" + q.bound()).orElse(""))
        .collect(Collectors.joining(" | "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "The total cost is listed as more than $210 million.;en;money:210000000 USD:AT_LEAST",
    "It had a value of $584 million before it was finalized.;en;money:584000000 USD:PRELIMINARY",
    "A deal worth $584m was signed.;en;money:584000000 USD",
    "Le contrat valait 584 millions de dollars.;fr;money:584000000 USD",
    "Сумма контракта — 210 млн долларов.;ru;money:210000000 USD",
    "合同总价为2.1亿美元。;zh;money:210000000 USD",
    "An order of €555m is expected.;en;money:555000000 EUR",
    "Цена контракта составляет 312 400 000 (триста двенадцать миллионов) долларов США.;ru;money:312400000 USD",
    "Stage two: USD 62,480,000 due.;en;money:62480000 USD",
    "They will sell 37 BMD-4M light amphibious vehicles.;en;quantity:37",
    "including 11 airborne armoured personnel carriers;en;quantity:11",
    "поставка 37 единиц техники;ru;quantity:37",
    "采购37辆突击车;zh;quantity:37",
    "They held 14 joint exercises in 2024.;en;count:14 | date:2024",
    "An 800-page dossier and 800 pages of contracts.;en;count:800 | count:800",
    "according to a Sept. 26 analysis of documents;en;date:2025-09-26",
    "an island of 23 million people;en;count:23000000",
    "speed it up by about 10 to 15 years;en;count:10..15:ABOUT",
    "Xi ordered readiness as early as 2027.;en;date:2027:FROM",
    "a force ready by 2027;en;date:2027:BY",
    "the deal was agreed in October 2024;en;date:2024-10",
    "Sept. 26 (UPI) -- Russia will train paratroopers;en;date:2025-09-26",
    "Договор подписан 26 сентября 2024 г.;ru;date:2024-09-26",
    "2024年10月签署;zh;date:2024-10",
    "Chinese representatives attended last week.;en;date:2025-09",
    "Earlier this month, leaders met.;en;date:2025-09",
    "nearly double the number, 14 drills;en;count:14",
    "Prices rose 12.5% last year.;en;percent:12.5 | date:2024",
    "вторая партия (12 машин) — до 31.12.2025.;ru;quantity:12 | date:2025-12-31:BY",
    "машины «Кестрел-9М» — 24 ед.;ru;quantity:24",
  })
  void normalizes(String text, String lang, String expected) {
    assertEquals(expected, summary(text, lang, "2025-09-26"), text);
  }

  @Test
  void codesAndOrdinalsAreNotValues() {
    assertEquals("", summary("Contract No. 44 of KDE-2024/117 for BMD-4M on the 80th day.", "en", "2025-09-26"));
  }

  @Test
  void qualifierTextIsKept() {
    ValueMention v = values("The total cost is listed as more than $210 million.", "en", null).get(0);
    assertEquals("more than $210 million", v.text());
    assertEquals("more than", v.qualifier().orElseThrow().text());
    assertTrue(v.span().start() > 0);
  }
}
