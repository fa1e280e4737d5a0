package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dates in seven languages through the extractor: days and months with and without a year,
 * weekdays against the document's date (Friday 19 May 2023 here, or none), and years that a
 * bare number may be.
 */
class DatesTest {
  private static final String DOC = "2023-05-19";

  /** "date:ISO:r" (r for relative) of each date, or the other values' kinds, joined by " | ". */
  private static String dates(String text, String lang, String date) {
    java.time.LocalDate d = date == null || date.isEmpty() ? null : java.time.LocalDate.parse(date);
    Draft draft = new Draft(text, lang, java.util.Optional.ofNullable(d));
    new SentenceSplitter().annotate(draft);
    new ValueExtractor().annotate(draft);
    return draft.values().stream().map(v -> v.value() instanceof org.dossier.core.Value.Date dt
        ? "date:" + dt.iso() + (dt.relative() ? ":r" : "") + "«" + v.text() + "»"
        : v.value().kind() + ":" + v.value().normalized()).collect(java.util.stream.Collectors.joining(" | "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "La reunión fue el 13 abr en Valdoria.;es;date:2023-04-13:r«13 abr»",
    "La réunion a eu lieu jeudi 13 avril à Montclair.;fr;date:2023-04-13:r«jeudi 13 avril»",
    "Der Vertrag wurde am 13. April 2023 unterzeichnet.;de;date:2023-04-13«13. April 2023»",
    "El contrato se firmó el 5 de octubre de 2018.;es;date:2018-10-05«5 de octubre de 2018»",
    "O contrato foi assinado em 5 de outubro de 2018.;pt;date:2018-10-05«5 de outubro de 2018»",
    "Il contratto è stato firmato il 5 ottobre 2018.;it;date:2018-10-05«5 ottobre 2018»",
    "Il contratto è stato firmato il 5 ottobre.;it;date:2022-10-05:r«5 ottobre»",
    "Le 1er mars, la firme a fermé.;fr;date:2023-03-01:r«1er mars»",
    "Договор подписан 5 октября.;ru;date:2022-10-05:r«5 октября»",
    "Договор подписан 26 сентября 2024 г.;ru;date:2024-09-26«26 сентября 2024 г.»",
    "Thursday, April 13, 2023 was the day.;en;date:2023-04-13«Thursday, April 13, 2023»",
    "They met on 13 May.;en;date:2023-05-13:r«13 May»",
    "Il 13 set la società ha chiuso.;it;date:2022-09-13:r«13 set»",
    "Anfang März und im April, seit Mai 2020.;de;date:2023-03:r«März» | date:2023-04:r«April» | date:2020-05«Mai 2020»",
    "début mars, en avril, depuis mai 2020.;fr;date:2023-03:r«mars» | date:2023-04:r«avril» | date:2020-05«mai 2020»",
    "en octubre de 2018 y a maggio;es;date:2018-10«octubre de 2018» | date:2023-05:r«maggio»",
    "二〇一九年十二月十七日，董事会开会。;zh;date:2019-12-17«二〇一九年十二月十七日»",
    "12月17日，董事会开会。;zh;date:2022-12-17:r«12月17日»",
    "十七日，董事会开会。;zh;date:2023-05-17:r«十七日»",
    "28日，董事会开会。;zh;date:2023-04-28:r«28日»",
    "22日，董事会开会。;zh;date:2023-05-22:r«22日»",
  })
  void readsDaysAndMonths(String text, String lang, String expected) {
    assertEquals(expected, dates(text, lang, DOC), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "The board met on Thursday and again late Wednesday.;en;date:2023-05-18:r«Thursday» | date:2023-05-17:r«Wednesday»",
    "El jueves la empresa respondió.;es;date:2023-05-18:r«jueves»",
    "El próximo jueves se reunirán.;es;date:2023-05-25:r«jueves»",
    "Jeudi, la société a répondu. Elle avait écrit mardi.;fr;date:2023-05-18:r«Jeudi» | date:2023-05-16:r«mardi»",
    "Am Donnerstag antwortete die Firma.;de;date:2023-05-18:r«Donnerstag»",
    "giovedì la società ha risposto.;it;date:2023-05-18:r«giovedì»",
    "Компания ответила в четверг.;ru;date:2023-05-18:r«четверг»",
    "公司周四回应，星期四再次回应，週四也回应。;zh;date:2023-05-18:r«周四» | date:2023-05-18:r«星期四» | date:2023-05-18:r«週四»",
    "本周三(17日)，公司宣布裁员。;zh;date:2023-05-17:r«本周三» | date:2023-05-17:r«17日»",
    "上周五和下周二。;zh;date:2023-05-12:r«上周五» | date:2023-05-23:r«下周二»",
    "On Friday it closed.;en;date:2023-05-19:r«Friday»",
  })
  void resolvesWeekdaysAgainstTheDocumentDate(String text, String lang, String expected) {
    assertEquals(expected, dates(text, lang, DOC), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    // near-misses: names, repeated weekdays, durations, verbs
    "Domingo Pérez llegó tarde.;es",
    "Ha hablado con Martes Ibáñez.;es",
    "每周一开会，3日内完成。;zh",
    "All 5 may leave.;en",
    "The Mars mission was late.;en",
    "Il a vu sept documents.;fr",
  })
  void nearMissesAreNotDates(String text, String lang) {
    assertEquals("", dates(text, lang, DOC).replaceAll("count:[^|]*", "").replace(" | ", "").strip(), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "Договор подписан 5 октября.;ru",
    "La reunión fue el 13 abr en Valdoria.;es",
    "17日，董事会开会。;zh",
    "according to a Sept. 26 memo;en",
  })
  void aDayWithoutAYearNorADocumentDateIsNotACount(String text, String lang) {
    assertEquals("", dates(text, lang, null), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "Les données couvrent la période entre 1983 et 2021.;fr;date:1983«1983» | date:2021«2021»",
    "Les documents de 2015 révèlent un réseau.;fr;date:2015«2015»",
    "Llegó en 2010 y trabajó allí.;es;date:2010«2010»",
    "2019 y trabajó en Valdoria.;es;date:2019«2019»",
    "Im Jahr 2019 wurde die Firma gegründet.;de;date:2019«2019»",
    "Nel 2014 la società fu chiusa.;it;date:2014«2014»",
    "В 2017-м компания закрылась.;ru;date:2017«2017»",
    "In 2019-2020 the firm grew.;en;date:2019«2019» | date:2020«2020»",
    "the 2019 elections;en;date:2019«2019»",
    "2019 marks a turn.;en;date:2019«2019»",
    " date 2018-10-05 Home News;fr;date:2018-10-05«2018-10-05»",
    // counts, not years
    "2000 soldats sont arrivés.;fr;count:2000",
    "Mehr als 2000 Soldaten kamen.;de;count:2000",
    "Более 2000 человек пришли.;ru;count:2000",
    "plus de 1990 comptes;fr;count:1990",
    "Between 1990-2000 troops were sent.;en;count:1990..2000",
    "a 2000-page report;en;count:2000",
    "It cost $2019 in fees.;en;money:2019 USD",
    "Il a payé 2000 euros.;fr;money:2000 EUR",
    "招募了2000名士兵。;zh;count:2000",
    // neither
    "No. 2019 was filed.;en;''",
    "Flight 2019 departed, and page 2019 says.;en;''",
    "The Boeing 737 landed.;en;''",
  })
  void tellsYearsFromCounts(String text, String lang, String expected) {
    assertEquals(expected, dates(text, lang, ""), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "In the 1990s the firm grew.;en;date:1990s«1990s»",
    "Since the 1980's the mill has closed.;en;date:1980s«1980's»",
    "Die Akten stammen aus den 1960er-Jahren bis 2011.;de;date:1960s«1960er-Jahren» | date:2011«2011»",
    "In den 1980ern wuchs die Firma.;de;date:1980s«1980ern»",
    "Dans les années 1950, la firme a grandi.;fr;date:1950s«années 1950»",
    "Dans les années 70, la firme a grandi.;fr;date:1970s«années 70»",
    "En los años 80 la firma creció.;es;date:1980s«años 80»",
    "Negli anni '60 la ditta crebbe.;it;date:1960s«anni '60»",
    "В 1990-е годы фирма выросла.;ru;date:1990s«1990-е годы»",
    "С 1970-х фирма росла.;ru;date:1970s«С 1970-х»",
    "上世纪八十年代，工厂扩大。;zh;date:1980s«上世纪八十年代»",
    "1990年代，工厂扩大。;zh;date:1990s«1990年代»",
    // negative controls: a year, a count, a number before 年代 that is no decade
    "In 1990 the firm grew.;en;date:1990«1990»",
    "Es kamen 1960 Soldaten.;de;count:1960",
    "370年代的数字。;zh;count:370",
  })
  void readsDecades(String text, String lang, String expected) {
    assertEquals(expected, dates(text, lang, ""), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "Le Courrier de Montclair — jeudi 13 avril 2023\\n\\nJeudi, il a parlé.;fr;2023-04-13",
    "Diario de Valdoria, 5 de octubre de 2018\\n\\nEl jueves habló.;es;2018-10-05",
    "Valdorfer Bote, 13.04.2023\\n\\nAm Donnerstag sprach er.;de;2023-04-13",
    " date 2018-10-05 Home News\\nIl a parlé le 3 mars 2017.;fr;2018-10-05",
    "The Harbour Ledger, October 5, 2018. He spoke.;en;2018-10-05",
    "2023年4月13日 本报讯;zh;2023-04-13",
  })
  void aDateAtTheTopIsTheDocumentsDate(String text, String lang, String expected) {
    assertEquals(expected, DocumentAnalyzer.topDate(text.replace("\\n", "\n"), lang).map(Object::toString).orElse(""));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    // a year or a day without its year does not date the document
    "Le Courrier de Montclair, 13 avril\\n\\nEn 2019 il a parlé.;fr",
    "Founded in 2019 the firm grew.;en",
  })
  void noFullDateAtTheTopNoDocumentDate(String text, String lang) {
    assertEquals("", DocumentAnalyzer.topDate(text.replace("\\n", "\n"), lang).map(Object::toString).orElse(""));
  }
}
