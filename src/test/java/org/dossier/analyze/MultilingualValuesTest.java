package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Collectors;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Money, counts, ages and percentages in French, German, Spanish, Italian, Russian and Chinese
 * press wording, on invented sentences; each rule with a near-miss that must not fire.
 */
class MultilingualValuesTest {
  private static java.util.List<ValueMention> values(String text, String lang) {
    Draft d = new Draft(text, lang, Optional.empty());
    new SentenceSplitter().annotate(d);
    new ValueExtractor().annotate(d);
    return d.values();
  }

  /** kind:normalized[noun][:bound] of each value. */
  private static String summary(String text, String lang) {
    return values(text, lang).stream().map(v -> v.value().kind() + ":" + v.value().normalized()
        + (v.value() instanceof Value.Count c ? "[" + c.noun() + "]" : "")
        + (v.value() instanceof Value.Things t ? "[" + t.thing() + "]" : "")
        + v.qualifier().map(q -> ":" + q.bound()).orElse("")).collect(Collectors.joining(" | "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "Le contrat valait 618 millions de dollars et 3 milliards d'euros.;fr;money:618000000 USD | money:3000000000 EUR",
    "Costó 4 mil millones de dólares.;es;money:4000000000 USD",
    "Es ging um 300 Millionen Euro und 2 Mrd. Dollar und 5 Millionen US-Dollar.;de;money:300000000 EUR | money:2000000000 USD | money:5000000 USD",
    "Circa 3 miliardi di euro e 500 milioni di dollari.;it;money:3000000000 EUR:ABOUT | money:500000000 USD",
    "Die Firma erhielt 2,6 Milliarden Euro.;de;money:2600000000 EUR",
    "Сумма составила 1,274 млрд евро.;ru;money:1274000000 EUR",
    "合同价值2亿美元和3億美元，以及5000万新台幣。;zh;money:200000000 USD | money:300000000 USD | money:50000000 TWD",
    "逾一二三億美元的资产和七億美元。;zh;money:12300000000 USD:AT_LEAST | money:700000000 USD",
    "He paid CHF 300 and 300 Swiss francs.;en;money:300 CHF | money:300 CHF",
    "The 1.1 billion-euro settlement was paid.;en;money:1100000000 EUR",
    "It signed a 500-million-dollar contract and a $2.4-billion deal.;en;money:500000000 USD | money:2400000000 USD",
    "Some 3-4 million people live there.;en;count:3000000..4000000[people]:ABOUT",
  })
  void readsMoney(String text, String lang, String expected) {
    assertEquals(expected, summary(text, lang), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "Plus de 318'000 comptes ont été ouverts.;fr;count:318000[comptes]:AT_LEAST",
    "Unas 380.000 facturas y más de 900.000 correos.;es;count:380000[facturas]:ABOUT | count:900000[correos]:AT_LEAST",
    "Se publicaron 12,5 millones de registros.;es;count:12500000[registros]",
    "El pueblo tiene 8,000 habitantes.;es;count:8000[habitantes]",
    "Die Firma hat 1,200 Mitarbeiter.;de;count:1200[Mitarbeiter]",
    "Mehr als 200 bewaffnete Soldaten kamen.;de;count:200[bewaffnete Soldaten]:AT_LEAST",
    "Ein 8000-Seelen-Ort in den Alpen.;de;count:8000[Seelen]",
    "Più di 200 soldati, circa 300 carri, fino a 40 navi.;it;count:200[soldati]:AT_LEAST | quantity:300[carri]:ABOUT | quantity:40[navi]:AT_MOST",
    "Casi 200 soldados, alrededor de 300 tanques, hasta 40 buques.;es;count:200[soldados]:ABOUT | quantity:300[tanques]:ABOUT | quantity:40[buques]:AT_MOST",
    "Près de 200 soldats, jusqu'à 40 navires, moins de 10 avions.;fr;count:200[soldats]:ABOUT | quantity:40[navires]:AT_MOST | quantity:10[avions]:AT_MOST",
    "Командование пяти полков и двух вертолетоносцев, трех бригад.;ru;count:5[полков] | count:2[вертолетоносцев] | count:3[бригад]",
    // the adjectives after a Romance noun are part of it, but not what follows them
    "La ville a acheté 40 bus électriques neufs à Lyon.;fr;count:40[bus électriques neufs]",
    "Compró 40 autobuses eléctricos a la empresa.;es;count:40[autobuses eléctricos]",
    "Il y a 40 bus dans la ville.;fr;count:40[bus]",
    // an English plural may be a compound's first noun: the plural after it is the head
    "They signed eight ferry sales agreements.;en;count:8[ferry sales agreements]",
    "The board approved three parts suppliers.;en;count:3[parts suppliers]",
    // near misses: a verb, an adverb or a possessive after the plural ends the noun
    "The eight clerks always eat at noon.;en;count:8[clerks]",
    "Six officials thus agreed to wait.;en;count:6[officials]",
    "Forty clerks' desks were moved.;en;count:40[clerks']",
    "Vingt et un journalistes et quatre-vingt-dix-sept documents.;fr;count:21[journalistes] | count:97[documents]",
    "Treinta y dos periodistas revisaron doscientos documentos.;es;count:32[periodistas] | count:200[documentos]",
    "Einundzwanzig Journalisten prüften zweihundert Dokumente.;de;count:21[Journalisten] | count:200[Dokumente]",
    "Ventuno giornalisti e cento documenti.;it;count:21[giornalisti] | count:100[documenti]",
    "公司获得3000多张照片和36套火箭炮系统，1937名被拘留者。;zh;count:3000[张照片]:AT_LEAST | quantity:36[套火箭炮系统] | count:1937[名被拘留者]",
    "两万人参加，一千二百名士兵。;zh;count:20000[人] | count:1200[名士兵]",
    "超过100万的诺瓦尼亚人被拘留。;zh;count:1000000[诺瓦尼亚人]:AT_LEAST",
    "More than 1 million Velts and 300 Dunmorians live in Orvania.;en;count:1000000[Velts]:AT_LEAST | count:300[Dunmorians]",
    "It sold 300 Kestrel Systems radars.;en;quantity:300[Kestrel Systems radars]",
    "In 2019 Velts voted.;en;date:2019",
    // a number joined to its unit in one adjective: the unit as the glossary knows it
    "Во время двухдневного визита министра в Варнхольм.;ru;count:2[день]",
    "Недельный отпуск, двадцатипятитонная баржа, трёхчасовой допрос.;ru;count:25[тонна] | count:3[час]",
    "Они подписали 10-недельный договор.;ru;count:10[неделя]",
    // years joined to a number are ages, as written, whether in digits or in words
    "Пятилетний контракт и 5-летний договор.;ru;count:5[летний] | count:5[летний]",
    "Nach dem zweitägigen Besuch kam eine zehnköpfige Delegation.;de;count:2[Tag] | count:10[Kopf]",
    "Ein 3-tägiger Streik und ein dreijähriger Vertrag.;de;count:3[Tag] | count:3[jähriger]",
  })
  void readsCountsAndWhatTheyCount(String text, String lang, String expected) {
    assertEquals(expected, summary(text, lang), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    // near-misses: number-like words that count nothing
    "Tu sei stato bravo.;it",
    "Un immeuble neuf a été vendu.;fr",
    "Er hat in Acht genommen.;de",
    "三星公司和四川省，五六个人，一些人，统一。;zh",
    "des dizaines de lettres;fr",
    "The Boeing 737 landed.;en",
    // a unit's root without a number, a numeral's form before another root, a noun on the root
    "Летнего отпуска не было, семинар прошел, пятидневка кончилась, сорокалетие отметили.;ru",
    "Die tägige Frist, der Zweiteiler, das Dreieck.;de",
  })
  void nearMissesCountNothing(String text, String lang) {
    assertEquals("", summary(text, lang), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "The share was 55 % and rose.;en",
    "El 55 por ciento de los votos.;es",
    "Avec 55 pour cent des votes.;fr",
    "Mit 55 Prozent der Stimmen.;de",
    "Con il 55 per cento dei voti.;it",
    "Набрал 55 процентов голосов.;ru",
    "获得百分之五十五的选票。;zh",
  })
  void readsPercentages(String text, String lang) {
    assertEquals("percent:55", summary(text, lang), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "A 23-year-old engineer was arrested.;en;year-old",
    "Agents took the 23-year old into custody.;en;year old",
    "The suspect, aged 23, was arrested.;en;aged",
    "He is 23 years old.;en;years old",
    "Un joven de 23 años fue detenido.;es;años",
    "Der 23-Jährige wurde festgenommen.;de;Jährige",
    "Ce jeune homme de 23 ans a été arrêté.;fr;ans",
    "Un ragazzo di 23 anni è stato fermato.;it;anni",
    "23-летний мужчина задержан.;ru;летний",
    "一名23岁男子被捕。;zh;岁",
  })
  void readsAges(String text, String lang, String noun) {
    java.util.List<ValueMention> vs = values(text, lang);
    assertEquals(1, vs.size(), text + " → " + vs);
    Value.Count c = (Value.Count) vs.get(0).value();
    assertEquals("23", c.number().plain());
    assertEquals(noun, c.noun());
    assertTrue(Ages.isAgeNoun(c.noun()), noun);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    // the Romance words for years are an age beside a cue of age, else a length of time
    "Un joven de 23 años fue detenido.;es;true",
    "Jack Varnell, de 21 años, fue detenido.;es;true",
    "Arrestaron a Marten Olvey, un ingeniero de 34 años, en su casa.;es;true",
    "Arrêté chez lui, Marten Olvey, un ingénieur de 34 ans, a parlé.;fr;true",
    "El sospechoso tiene 23 años.;es;true",
    "Murió a los 80 años.;es;true",
    "Tenía 23 años de edad.;es;true",
    "Il a 23 ans, dit-il.;fr;true",
    "Ce jeune homme de 23 ans a été arrêté.;fr;true",
    "Arrêté à l'âge de 23 ans.;fr;true",
    "Un ragazzo di 23 anni è stato fermato.;it;true",
    "Fermato all'età di 23 anni.;it;true",
    "O suspeito tem 23 anos.;pt;true",
    "Los registros abarcan casi treinta años de envíos.;es;false",
    "Firmaron un contrato por 10 años.;es;false",
    "Los 40 años que lleva la empresa.;es;false",
    "La empresa funciona desde hace 40 años.;es;false",
    "Le cabinet a travaillé pendant 40 ans pour eux.;fr;false",
    "Un accord de 10 ans de coopération a été signé.;fr;false",
    "Il y a 40 ans, le port a fermé.;fr;false",
    "Lo studio ha lavorato per 40 anni.;it;false",
    "Il porto chiuse 40 anni fa.;it;false",
    // neither cue: an age, as press wording mostly means it
    "Una técnica del puerto de Telmar de 34 años fue detenida.;es;true",
    // the noun alone says it for the others
    "23-летний мужчина задержан.;ru;true",
    "Его задержали в возрасте 23 лет.;ru;true",
    "Архив охватывает более 40 лет переписки.;ru;false",
    "За 10 лет порт закрылся дважды.;ru;false",
    "He was arrested, aged 34, at his home.;en;true",
    "A 23-year-old engineer was arrested.;en;true",
    "The files cover 40 years of records.;en;false",
  })
  void yearsAreAnAgeOnlyBesideACueOfAge(String text, String lang, boolean age) {
    ValueMention v = values(text, lang).get(0);
    Value.Count c = (Value.Count) v.value();
    assertEquals(age, Ages.readsAsAge(text, v.span().start(), v.span().end(), c.noun()), text + " → " + c.noun());
  }

  @Test
  void otherNounsAreNotAges() {
    for (String noun : new String[] {"years", "documents", "page", "Seelen", "名", "человек", "old", ""}) {
      assertFalse(Ages.isAgeNoun(noun), noun);
    }
    assertEquals("page", ((Value.Count) values("an 800-page dossier", "en").get(0).value()).noun());
  }

  @Test
  void englishAndGermanReadTheSameDigitsDifferently() {
    assertEquals("count:1500000[people]", summary("1.5 million people", "en"));
    assertEquals("money:1500000000 EUR", summary("1.500 Millionen Euro", "de"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    // a short text whose language was guessed wrong keeps its numbers
    "Plus de 318'000 comptes.;en;count:318000[comptes]:AT_LEAST",
    "Más de 380.000 facturas.;en;count:380000[facturas]:AT_LEAST",
    "Un total de 1.500 Millionen Euro.;und;money:1500000000 EUR",
    "Сумма 1,274 млрд евро.;en;money:1274000000 EUR",
    "Se publicaron 12,5 millones de registros.;und;count:12500000[registros]",
  })
  void aWrongLanguageDoesNotTurnNumbersIntoNonsense(String text, String lang, String expected) {
    assertEquals(expected, summary(text, lang), text);
  }
}
