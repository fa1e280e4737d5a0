package org.dossier.link;

import static org.dossier.link.LinkHarness.a;
import static org.dossier.link.LinkHarness.link;
import static org.dossier.link.LinkHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Who copied, translated or rewrote whom, on invented articles: each rule beside its near miss.
 */
class PropagationRulesTest {
  private static boolean linksTo(Provenance p, String to, String relation) {
    return p.links().stream().anyMatch(l -> l.to().contains(to) && l.relation().equals(relation));
  }

  @Test
  void aWireDatelineMakesTheTextTheAgencysDispatchButANewspapersOwnDatelineDoesNot() throws Exception {
    Linker.Result r = link(
        a("wire.txt", "en", "2031-09-02", "HARLOW (NPA) — The Varna bridge will close for repairs in May, the transport ministry"
            + " said on Monday. The works are expected to last four months, officials said."),
        a("paper.txt", "en", "2031-09-03", "Sept. 3 (Harlow Courier) -- The Varna bridge will close for repairs in May, the transport"
            + " ministry said. Drivers will use the old ferry."));
    Provenance wire = source(r, "wire.txt");
    assertEquals("repost", wire.kind(), wire::toString);
    assertTrue(linksTo(wire, "NPA", "copies"), wire::toString);
    Provenance paper = source(r, "paper.txt");
    assertFalse(linksTo(paper, "Harlow Courier", "copies"), "a newspaper's own dateline: " + paper);
  }

  @Test
  void outletsAreKnownByHowTheTextCitesThemAndInstitutionsAreNot() throws Exception {
    Linker.Result r = link(
        a("one.txt", "en", "2031-10-01", "The Varna plant will close in March, the daily Harlow Courier reported on Friday. "
            + "About 400 workers will lose their jobs at the plant, the newspaper said."),
        a("two.txt", "en", "2031-10-02", "The Varna plant will close in March, the Dunmore Institute for Industry reported, "
            + "adding that about 400 workers would lose their jobs at the plant."));
    assertTrue(linksTo(source(r, "one.txt"), "Harlow Courier", "rewrites"), source(r, "one.txt")::toString);
    assertFalse(linksTo(source(r, "two.txt"), "Dunmore Institute", "rewrites"), source(r, "two.txt")::toString);
  }

  @Test
  void anUncreditedTextThatATranslatedWireDispatchRendersIsThatDispatch() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-11-04", "Police arrested Marten Olvey at his home in Harrowgate on Monday. "
            + "Olvey, a 34-year-old engineer, was taken to the central police station. "
            + "The arrest came a week after the documents appeared online. "
            + "Prosecutors said he would appear before a judge on Wednesday."),
        a("es.txt", "es", "2031-11-05", "HARROWGATE, 4 nov (NPA) – La policía arrestó el lunes a Marten Olvey en su casa de Harrowgate. "
            + "Olvey, un ingeniero de 34 años, fue llevado a la comisaría central de policía. "
            + "El arresto se produjo una semana después de que los documentos aparecieran en internet. "
            + "Los fiscales dijeron que comparecerá ante un juez el miércoles."),
        a("other.txt", "en", "2031-11-05", "Harrowgate residents said they were surprised by the arrest of Marten Olvey on Monday. "
            + "A neighbour described him as quiet."));
    Provenance es = source(r, "es.txt");
    assertTrue(linksTo(es, "en.txt", "translates") || linksTo(source(r, "en.txt"), "es.txt", "translates"), r.sources()::toString);
    assertTrue(linksTo(source(r, "en.txt"), "NPA", "copies"), source(r, "en.txt")::toString);
    // near miss: an article of its own about the same arrest copies nothing
    assertEquals("original", source(r, "other.txt").kind(), source(r, "other.txt")::toString);
  }

  @Test
  void aChineseTranslationMeetsItsEnglishOriginalOnConceptsNamesAndNumbersAlone() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-11-04", "Orvania approved the sale of 12 Kestrel-7 patrol boats to Velmar worth $480 million, "
            + "the foreign ministry said on Tuesday. The package also includes radar systems, spare parts and training. "
            + "The sale still needs the approval of parliament. Velmar has sharply increased its defence budget in the "
            + "past decade as military pressure grew. The ministry said the sale shows a firm commitment to regional security."),
        a("zh.txt", "zh", "2031-11-05", "外交部周二表示，奥尔瓦尼亚批准向韦尔马出售12艘Kestrel-7巡逻艇，价值4.8亿美元。"
            + "这批军售还包括雷达系统、零件和培训。这项军售尚待议会批准。过去十年来，随着军事压力加大，韦尔马显著增加了国防预算。"
            + "外交部表示，这次军售展现了对地区安全的坚定承诺。"),
        a("own.txt", "zh", "2031-11-05", "韦尔马港口的渔民周二说，他们对新的Kestrel-7巡逻艇感到担忧。一名渔民说，港口附近的生活已经改变，"
            + "很多人不再出海。"));
    assertTrue(linksTo(source(r, "zh.txt"), "en.txt", "translates"), r.sources()::toString);
    // near miss: a Chinese article of its own about the same boats translates nothing
    assertEquals("original", source(r, "own.txt").kind(), source(r, "own.txt")::toString);
  }

  @Test
  void sentencesOfTwoLanguagesAreComparedOnWhatCrossesLanguages() {
    Frame en = Frame.of("statement", java.util.Set.of(), java.util.Map.of("c:arms-sale", 1f, "e:velmar", 1f,
        "v:money:480000000 USD", 1f, "w:en:hull", 1f, "w:en:alloy", 1f, "w:en:shipyard", 1f));
    Frame zh = Frame.of("statement", java.util.Set.of(), java.util.Map.of("c:arms-sale", 1f, "e:velmar", 1f,
        "v:money:480000000 USD", 1f, "h:船体", 1f, "h:铝合", 1f, "h:合金", 1f, "h:北岸", 1f));
    java.util.Map<String, Double> idf = java.util.Map.of();
    double within = Frame.similarity(Frame.weighed(en, idf, false), zh, idf, false);
    double across = Frame.similarity(Frame.weighed(en, idf, true), zh, idf, true);
    // the words of one language cannot meet the other's: they only dilute a translation's score
    assertTrue(across > 0.99 && within < 0.6, within + " / " + across);
    // near miss: what the two sentences do not share still tells them apart across languages
    Frame other = Frame.of("statement", java.util.Set.of(), java.util.Map.of("c:fishing", 1f, "e:velmar", 1f, "h:渔民", 1f));
    double otherAcross = Frame.similarity(Frame.weighed(en, idf, true), other, idf, true);
    assertTrue(otherAcross < 0.6, () -> "" + otherAcross);
  }

  @Test
  void anInterviewWhoseQuestionsAnOutletPutsIsThatOutletsPiece() throws Exception {
    Linker.Result r = link(
        a("talk.txt", "en", "2031-12-01", "Dr. Alma Veyne, who studied the Varna plant for a decade, spoke to Harlow Radio about its closure.\n"
            + "Harlow Radio: Why did the plant close?\n"
            + "Alma Veyne: The owners stopped paying for repairs two years ago.\n"
            + "Harlow Radio: What happens to the 400 workers?\n"
            + "Alma Veyne: Most will move to the port.\n"),
        a("ru.txt", "ru", "2031-12-02", "Эксперт Альма Вейн рассказала в интервью Радио Харлоу о закрытии завода.\n"
            + "Радио Харлоу: Почему закрылся завод?\n"
            + "Альма Вейн: Владельцы перестали платить за ремонт.\n"
            + "Радио Харлоу: Что будет с рабочими?\n"
            + "Альма Вейн: Большинство перейдёт в порт.\n"),
        // near miss: an article that mentions an interview, with no questions put by the outlet
        a("news.txt", "en", "2031-12-02", "Dr. Alma Veyne spoke to Harlow Radio about the closure of the Varna plant. "
            + "She said the owners had stopped paying for repairs. About 400 workers will lose their jobs."));
    Provenance talk = source(r, "talk.txt");
    assertEquals("repost", talk.kind(), talk::toString);
    assertTrue(linksTo(talk, "Harlow Radio", "copies"), talk::toString);
    assertTrue(linksTo(source(r, "ru.txt"), "Радио Харлоу", "copies"), source(r, "ru.txt")::toString);
    Provenance news = source(r, "news.txt");
    assertFalse(linksTo(news, "Harlow Radio", "copies"), "one mention of an interview is no transcript: " + news);
  }

  @Test
  void marksOfTranslationMakeATranslation() throws Exception {
    Linker.Result r = link(
        a("two.txt", "en", "2032-01-10", "The Orvanian navy will spend 1,5 billion dollars on new ships, and the port"
            + " authority will add 2,4 million dollars for the docks, the ministry said."),
        // an acronym in another language's word order: the text was written in that language first
        a("acronym.txt", "en", "2032-01-10", "The Orvanian Coastal Guard (GCO) will buy new ships next year, officials said."
            + " The GCO has 40 ships today."),
        // near miss: the acronym in the text's own order
        a("own.txt", "en", "2032-01-11", "The Telmar Harbour Police (THP) will buy new boats next year, officials said."
            + " The THP has 12 boats today."),
        // near miss: one decimal comma may be a typing slip
        a("one.txt", "en", "2032-01-11", "The Telmar rail line will cost 3,2 billion dollars, its builder said on Monday."
            + " Work starts next spring."),
        // near miss: a thousands separator is no decimal comma
        a("none.txt", "en", "2032-01-12", "About 3,200 workers will build the Telmar rail line, which will cost"
            + " 12,000 million dollars, its builder said."));
    assertEquals("translation", source(r, "two.txt").kind(), source(r, "two.txt")::toString);
    assertEquals("translation", source(r, "acronym.txt").kind(), source(r, "acronym.txt")::toString);
    assertEquals("original", source(r, "own.txt").kind(), source(r, "own.txt")::toString);
    assertEquals("original", source(r, "one.txt").kind(), source(r, "one.txt")::toString);
    assertEquals("original", source(r, "none.txt").kind(), source(r, "none.txt")::toString);
  }

  @Test
  void whatAirsAnotherOutletsPictureIsTheBroadcastersAndAStatementIsNot() throws Exception {
    Linker.Result r = link(
        a("aired.txt", "en", "2032-02-01", "Video aired by KHTV shows police leading Marten Olvey from his house in"
            + " Harrowgate. Olvey, 34, was taken to the central police station, officials said."),
        // near miss: an organisation that issues a statement broadcasts nothing
        a("issued.txt", "en", "2032-02-01", "A statement issued by Varna Rail said the line would reopen on Monday."
            + " About 400 passengers were stranded, the company said."));
    Provenance aired = source(r, "aired.txt");
    assertTrue(aired.links().stream().anyMatch(l -> l.to().contains("KHTV")), aired::toString);
    Provenance issued = source(r, "issued.txt");
    assertFalse(issued.links().stream().anyMatch(l -> l.to().contains("Varna Rail")), issued::toString);
  }

  @Test
  void aBylineThatCreditsAnAgencyMakesTheTextItsDispatchButAPictureCreditDoesNot() throws Exception {
    Linker.Result r = link(
        a("carried.txt", "en", "2032-03-01", "Varna bridge to close for repairs\n"
            + "Ben Aldous and Mira Kade/NPA\n"
            + "The Varna bridge will close for repairs in May, the transport ministry said on Monday."
            + " The works are expected to last four months, officials said.\n"),
        a("photo.txt", "en", "2032-03-01", "Storm floods Varna harbour\n"
            + "Photo: Lena Ostrova/NPA\n"
            + "A storm flooded the harbour of Varna on Sunday, the coast guard said. About 30 boats sank.\n"));
    Provenance carried = source(r, "carried.txt");
    assertEquals("repost", carried.kind(), carried::toString);
    assertTrue(linksTo(carried, "NPA", "copies"), carried::toString);
    Provenance photo = source(r, "photo.txt");
    assertFalse(linksTo(photo, "NPA", "copies"), photo::toString);
  }

  @Test
  void anOutletCitedInAnotherScriptIsTheArticleWhoseFiguresItsPassageGives() throws Exception {
    Linker.Result r = link(
        a("dam.txt", "en", "2032-04-06", "Orvania will build the Tarsa dam on the Velm river for $3.27 billion, the energy"
            + " ministry said on Monday. The dam will carry 41 TR-40 turbines and flood 1,200 hectares of farmland."
            + " Work will start in April and last six years."),
        a("farmers.txt", "en", "2032-04-06", "Farmers in the Velm valley protested on Monday against the Tarsa dam and its"
            + " 41 TR-40 turbines, which they say will ruin their land. About 300 people marched to the energy ministry."),
        // cites an agency by its Chinese name for a passage whose figures only dam.txt gives
        a("relay.txt", "zh", "2032-04-07", "据南港通讯社6日报道，奥尔瓦尼亚将斥资32.7亿美元修建塔尔萨水坝。"
            + "能源部表示，水坝将安装TR-40涡轮机，工程将于四月开工。韦尔姆河谷的农民举行抗议，称土地将被淹没。"),
        // near miss: the passage's one figure is in both English articles: which one it retells is not known
        a("either.txt", "zh", "2032-04-07", "据北岸日报报道，塔尔萨水坝将安装41台TR-40涡轮机。"
            + "能源部表示，工程将于四月开工。韦尔姆河谷的农民举行抗议，称土地将被淹没。"));
    Provenance relay = source(r, "relay.txt");
    assertEquals(1, r.stories().size(), "one story in two languages, or the near miss tells nothing: " + r.stories());
    assertTrue(linksTo(relay, "dam.txt", "rewrites"), r.sources()::toString);
    assertTrue(linksTo(relay, "南港通讯社", "rewrites"), relay::toString);
    Provenance either = source(r, "either.txt");
    assertFalse(linksTo(either, "dam.txt", "rewrites") || linksTo(either, "farmers.txt", "rewrites"), either::toString);
  }

  @Test
  void aPassageTakenWordForWordIsARewriteButTheSameWordsQuotedAreNot() throws Exception {
    String run = "the harbour board of Telmar will dredge the eastern channel of the Ostra estuary to a depth of fourteen"
        + " metres, close the old coal pier for good and move the ferry berth two kilometres north of the fish market,"
        + " where the new terminal for 1,400 passengers a day will rise by the spring of the following year";
    Linker.Result r = link(
        a("board.txt", "en", "2032-05-03", "Telmar's harbour will change shape. Under a plan approved on Monday, " + run + "."
            + " The board's chairman, Ivo Rask, said the works would cost 212 million marks, paid by a bond."
            + " Fishermen fear the dredging will drive the cod from the estuary for years."
            + " The coal pier, built in 1911, has been idle since the mine closed."
            + " Shipping lines have asked for a deeper channel for a decade."),
        a("digest.txt", "en", "2032-05-04", "Big changes for the Ostra estuary. According to the plan, " + run + "."
            + " Residents of the old town worry about traffic on the coast road, which already jams every summer."
            + " The mayor has promised a bypass, though no money has been found for it."
            + " A public hearing is set for June in the town hall."),
        // near miss: the same words, put in quotation marks as what the board wrote
        a("quoted.txt", "en", "2032-05-04", "The plan is ambitious. The board wrote that \u201c" + run + ".\u201d"
            + " Critics in the town council called the timetable unrealistic and the cost unclear."
            + " Ferry passengers were not consulted, a residents' group said on Tuesday."
            + " The council votes on the plan next month."));
    assertEquals(1, r.stories().size(), "one story, or the near miss tells nothing: " + r.stories());
    Provenance digest = source(r, "digest.txt");
    assertTrue(linksTo(digest, "board.txt", "rewrites"), r.sources()::toString);
    Provenance quoted = source(r, "quoted.txt");
    assertFalse(quoted.links().stream().anyMatch(l -> !l.relation().equals("shares-source")), quoted::toString);
  }

  @Test
  void theAddressOfThePageInAnotherLanguageThatATextRendersMakesItATranslation() throws Exception {
    String chrome = "跳到主要内容\n南港之声中文\n\n渔民抗议港口疏浚计划\n\n发布\n港口的照片\n";
    Linker.Result r = link(
        a("rendered.zh.txt", "zh", "2032-06-02", chrome
            + "harbourvoice.example/news/fishermen-protest-harbour-dredging-plan/55120\n\n"
            + "数百名渔民周一在港口抗议疏浚计划。\n渔民说，疏浚会赶走鱼群。\n港务局表示，工程将于秋季开始。\n"),
        // near miss: an address whose English words name another story
        a("other.zh.txt", "zh", "2032-06-02", chrome
            + "harbourvoice.example/sport/cup-final-tickets-go-on-sale/55121\n\n"
            + "数百名渔民周一在港口抗议疏浚计划。\n渔民说，疏浚会赶走鱼群。\n港务局表示，工程将于秋季开始。\n"),
        // near miss: an address in the text's own words, transliterated
        a("own.zh.txt", "zh", "2032-06-02", chrome
            + "nangang.example/xinwen/yumin-kangyi-gangkou-shujun/55122\n\n"
            + "数百名渔民周一在港口抗议疏浚计划。\n渔民说，疏浚会赶走鱼群。\n港务局表示，工程将于秋季开始。\n"));
    Provenance rendered = source(r, "rendered.zh.txt");
    assertEquals("translation", rendered.kind(), rendered::toString);
    assertTrue(linksTo(rendered, "harbourvoice.example/news/fishermen-protest-harbour-dredging-plan", "translates"),
        rendered::toString);
    assertFalse(source(r, "other.zh.txt").links().stream().anyMatch(l -> l.relation().equals("translates")),
        source(r, "other.zh.txt")::toString);
    assertFalse(source(r, "own.zh.txt").links().stream().anyMatch(l -> l.relation().equals("translates")),
        source(r, "own.zh.txt")::toString);
  }

  @Test
  void aTranslationOfWhatOnlyAFullerCopyOfItsOriginalHoldsTranslatesTheCopyToo() throws Exception {
    String first = "Министерство обороны Орвании заплатило компании Tarvik 240 миллионов евро за расторжение контракта"
        + " на поставку двух кораблей. Деньги были переведены на счета компании в марте, сообщил источник в министерстве."
        + " Корабли останутся в порту Варны до конца года.";
    String firstEn = "The Orvanian defence ministry paid the Tarvik company 240 million euros for cancelling the contract"
        + " to deliver two ships. The money was transferred to the company's accounts in March, a source in the ministry said."
        + " The ships will stay in the port of Varna until the end of the year.";
    Linker.Result r = link(
        // the article as stored: cut after its third sentence
        a("cut.ru.txt", "ru", "2032-07-01", first),
        // a later copy of it, whole
        a("full.ru.txt", "ru", "2032-07-02", first + " После этого Орвания сможет продать оба корабля третьей стране."
            + " Интерес к кораблям проявили Велмар и Тесмарк, добавил источник. Продажа может занять два года,"
            + " считают эксперты в Варне."),
        a("full.en.txt", "en", "2032-07-03", firstEn + " After that, Orvania will be able to sell both ships to a third country."
            + " Velmar and Tesmark have shown interest in the ships, the source added. The sale may take two years,"
            + " experts in Varna believe."),
        // near miss: a translation of the first sentences only, which the cut article holds too
        a("short.en.txt", "en", "2032-07-03", firstEn));
    Provenance full = source(r, "full.en.txt");
    assertTrue(linksTo(full, "full.ru.txt", "translates"), r.sources()::toString);
    assertTrue(linksTo(full, "cut.ru.txt", "translates"), full::toString);
    Provenance shortOne = source(r, "short.en.txt");
    assertFalse(linksTo(shortOne, "full.ru.txt", "translates"), shortOne::toString);
  }
}
