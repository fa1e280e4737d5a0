package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The link stage on invented retellings of invented events, in several languages: which claims
 * become one fact and with which status, and which stay apart. Each rule has its near miss.
 */
class FactsAcrossLanguagesTest {
  private static Linker.Result link(LinkHarness.Article... articles) throws Exception {
    return LinkHarness.link(articles);
  }

  private static LinkHarness.Article a(String name, String language, String date, String text) {
    return LinkHarness.a(name, language, date, text);
  }

  private static Fact factQuoting(Linker.Result r, String document, String quote) {
    for (Fact f : r.facts()) {
      for (Claim c : f.claims()) {
        if (r.names().get(c.document()).equals(document) && c.stated() instanceof Claim.Measure && c.quote().contains(quote)) {
          return f;
        }
      }
    }
    throw new AssertionError("no fact quotes \"" + quote + "\" from " + document + ": " + r.facts());
  }

  private static Set<String> documents(Linker.Result r, Fact f) {
    return f.claims().stream().map(c -> r.names().get(c.document())).collect(Collectors.toSet());
  }

  @Test
  void theSameCountInThreeLanguagesAgreesAndAnotherCountOfTheSameItemConflicts() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-04-02", "Orvania will buy 24 Kestrel-7 patrol boats from the Dunmore shipyard, officials said on Tuesday. "
            + "The yard also builds 3 ferries a year."),
        a("ru.txt", "ru", "2031-04-02", "Орвания купит 24 патрульных катера Kestrel-7 у верфи Данмор, сообщили официальные лица."),
        a("fr.txt", "fr", "2031-04-03", "L'Orvanie achètera 24 patrouilleurs Kestrel-7 au chantier de Dunmore, ont indiqué des responsables."),
        a("en2.txt", "en", "2031-04-03", "Orvania will buy 26 Kestrel-7 patrol boats from the Dunmore shipyard, a trade magazine said."));
    Fact boats = factQuoting(r, "en.txt", "24 Kestrel-7");
    assertTrue(documents(r, boats).containsAll(Set.of("en.txt", "ru.txt", "fr.txt", "en2.txt")), boats::toString);
    assertEquals("conflict", boats.status(), boats::toString);
    // near miss: the ferries are another thing, counted once
    Fact ferries = factQuoting(r, "en.txt", "3 ferries");
    assertFalse(ferries.id().equals(boats.id()), ferries::toString);
    assertFalse(ferries.status().equals("conflict"), ferries::toString);
  }

  @Test
  void aLengthJoinedToItsNumberInOneWordMeetsTheSameLengthWrittenApart() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-04-02", "The Orvanian minister's two-day visit to Telmar ended with a ferry deal,"
            + " officials said on Tuesday."),
        a("ru.txt", "ru", "2031-04-02", "Во время двухдневного визита орванийского министра в Телмар была заключена"
            + " сделка о паромах, сообщили официальные лица."),
        a("de.txt", "de", "2031-04-03", "Der zweitägige Besuch des orvanischen Ministers in Telmar endete mit einem"
            + " Fährabkommen, hieß es am Dienstag."));
    Fact days = factQuoting(r, "en.txt", "two-day");
    assertEquals(Set.of("en.txt", "ru.txt", "de.txt"), documents(r, days), days::toString);
    assertEquals("agree", days.status(), days::toString);
  }

  @Test
  void controlAnotherLengthJoinedToItsNumberDisputesIt() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-04-02", "The Orvanian minister's two-day visit to Telmar ended with a ferry deal,"
            + " officials said on Tuesday."),
        a("ru.txt", "ru", "2031-04-02", "Во время трёхдневного визита орванийского министра в Телмар была заключена"
            + " сделка о паромах, сообщили официальные лица."));
    Fact days = factQuoting(r, "en.txt", "two-day");
    assertTrue(documents(r, days).contains("ru.txt"), days::toString);
    assertEquals("conflict", days.status(), days::toString);
  }

  @Test
  void aLengthInYearsMeetsItsRomanceRetellingAndAnAgeStaysApart() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-04-02", "The leaked Telmar files hold almost 35 years of shipping records, the"
            + " consortium said on Tuesday."),
        a("es.txt", "es", "2031-04-02", "Los archivos filtrados de Telmar contienen casi treinta y cinco años de registros"
            + " de envíos, según el consorcio."),
        a("fr.txt", "fr", "2031-04-03", "Le marin de Telmar, un homme de 35 ans, a été interrogé par le consortium."));
    Fact years = factQuoting(r, "en.txt", "35 years");
    assertTrue(documents(r, years).contains("es.txt"), years::toString);
    assertEquals("agree", years.status(), years::toString);
    // control: thirty-five years of a sailor's age are another fact
    assertFalse(documents(r, years).contains("fr.txt"), years::toString);
  }

  @Test
  void datesOfOneEventDisputeAndAnInitialAgreementStaysApart() throws Exception {
    Linker.Result r = link(
        a("one.txt", "en", "2031-05-10", "Orvania and Telmar signed the ferry deal in March 2030, the papers show. "
            + "An initial agreement was reached in June 2028."),
        a("two.txt", "en", "2031-05-11", "Telmar agreed to the ferry sale in 2029, according to a former minister."),
        a("three.txt", "de", "2031-05-12", "Orvania und Telmar unterzeichneten den Vertrag im März 2030."));
    Fact deal = factQuoting(r, "two.txt", "2029");
    assertEquals("conflict", deal.status(), deal::toString);
    assertTrue(documents(r, deal).containsAll(Set.of("one.txt", "two.txt", "three.txt")), deal::toString);
    Fact initial = factQuoting(r, "one.txt", "June 2028");
    assertFalse(initial.id().equals(deal.id()), "the initial agreement was merged: " + initial);
  }

  @Test
  void aVerbOfSpeechDoesNotDateTheEventItReports() throws Exception {
    Linker.Result r = link(
        a("one.txt", "en", "2031-05-10", "Documents show Telmar agreeing in March 2030 to sell 12 ferries to Orvania."),
        a("two.txt", "en", "2031-05-11", "The ferries are slow, a shipping analyst reported, adding that Telmar in 2029"
            + " agreed to supply Orvania with the ferries."),
        a("three.txt", "en", "2031-05-12", "The harbour minister said in 2029 that the ferries were ready."));
    // "adding that Telmar in 2029 agreed": the year dates the agreement, not the adding
    Fact deal = factQuoting(r, "two.txt", "2029");
    assertEquals("conflict", deal.status(), deal::toString);
    assertTrue(documents(r, deal).contains("one.txt"), deal::toString);
    // near miss: a year the minister spoke in dates no agreement
    Fact said = factQuoting(r, "three.txt", "2029");
    assertFalse(said.id().equals(deal.id()), said::toString);
  }

  @Test
  void whereAPeriodBeginsAndWhereItEndsAreTwoFacts() throws Exception {
    Linker.Result r = link(
        a("one.txt", "zh", "2031-05-10", "据文件显示，瓦尔纳营地的照片拍摄于2030年6月。"),
        a("two.txt", "zh", "2031-05-11", "文件显示，这些瓦尔纳营地照片是在2030年3月到6月期间拍摄的。"),
        a("en.txt", "en", "2031-05-12", "The photos of the Varna camp were taken between March and June 2030, the files show."));
    Fact end = factQuoting(r, "one.txt", "2030年6月");
    assertTrue(documents(r, end).contains("en.txt"), end::toString);
    // near miss: the start of the period, the only date the second text writes in full, is no
    // rival date for its end
    assertFalse(end.status().equals("conflict"), end::toString);
    assertFalse(end.claims().stream().anyMatch(c -> r.names().get(c.document()).equals("two.txt")), end::toString);
  }

  @Test
  void anEndGivenAloneIsAnEndAndTwoEndsOfOneRecordDispute() throws Exception {
    Linker.Result r = link(
        a("fr.txt", "fr", "2031-05-10", "Selon les registres, les paiements de Velmar à Ostrava Holdings se poursuivent "
            + "jusqu'en 2029. La société a été fondée en 2019. Les archives couvrent la période entre 2016 et 2029."),
        a("de.txt", "de", "2031-05-11", "Laut den Registern dauern die Zahlungen von Velmar an Ostrava Holdings bis zum "
            + "Herbst 2030. Die Steuerbehörde ermittelt seit 2024 gegen den Direktor."),
        a("en.txt", "en", "2031-05-12", "The registers show payments from Velmar to Ostrava Holdings. Velmar was "
            + "founded in 2019."));
    Fact end = factQuoting(r, "fr.txt", "2029");
    assertTrue(documents(r, end).contains("de.txt"), end::toString);
    assertEquals("conflict", end.status(), end::toString);
    // near miss: the year the company was founded is no end of the records
    Fact founded = factQuoting(r, "en.txt", "2019");
    assertFalse(founded.id().equals(end.id()), founded::toString);
    assertFalse(founded.status().equals("conflict"), founded::toString);
    // nor is where an investigation begins a rival for where the archives begin: one end of
    // a period each, nothing else in common
    Fact archives = factQuoting(r, "fr.txt", "2016");
    assertFalse(documents(r, archives).contains("de.txt"), archives::toString);
  }

  @Test
  void periodsThatBeginAlikeAreOnePeriodWhoseEndsDispute() throws Exception {
    Linker.Result r = link(
        a("es.txt", "es", "2031-06-10", "Los registros de la naviera Corvel abarcan desde 1983 hasta 2019, según el archivo."),
        a("de.txt", "de", "2031-06-11", "Die Unterlagen über Corvel umfassen die Zeit von den 1980er-Jahren bis zum Sommer 2021. "
            + "Der Hafen von Lisk führte Bücher von 1950 bis 1961."),
        a("en.txt", "en", "2031-06-12", "Corvel, a shipping line, is based in Lisk."));
    // the two ends of one period: the texts share nothing else that crosses their languages
    Fact end = factQuoting(r, "es.txt", "2019");
    assertTrue(documents(r, end).contains("de.txt"), end::toString);
    assertEquals("conflict", end.status(), end::toString);
    Fact start = factQuoting(r, "es.txt", "1983");
    assertTrue(documents(r, start).contains("de.txt"), start::toString);
    assertFalse(start.status().equals("conflict"), start::toString);
    // near miss: a period of another decade is another period, its end no rival
    Fact harbour = factQuoting(r, "de.txt", "1961");
    assertFalse(harbour.id().equals(end.id()), harbour::toString);
  }

  @Test
  void aPartOfOneAmountIsNoRivalForAnother() throws Exception {
    Linker.Result r = link(
        a("one.txt", "en", "2031-06-10", "Velmar's cabinet has cleared a large package of arms sales to Orvania "
            + "worth more than $12 billion that includes radars, drones and patrol boats."),
        a("two.txt", "en", "2031-06-11", "Arms sales that Velmar announced for Orvania in its previous term "
            + "included $5 billion for patrol aircraft, officials said."));
    // "includes" says how two amounts relate, not what either is of
    Fact part = factQuoting(r, "two.txt", "$5 billion");
    assertFalse(documents(r, part).contains("one.txt"), part::toString);
  }

  @Test
  void aFigureRetoldInChineseMeetsItsEnglishOnWhatCrossesLanguages() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-07-01", "Velmar's coast guard took delivery of 14 patrol boats, whose lightweight hulls were "
            + "welded by craftsmen at a northern yard, officials said. A spokesman added that 5 tugboats will follow."),
        a("zh.txt", "zh", "2031-07-02", "官员表示，韦尔马海岸警卫队接收了14艘巡逻艇，其轻型船体由北方船厂的老工匠们手工焊接，"
            + "工期长达两年，船坞附近的居民对此津津乐道。"));
    Fact boats = factQuoting(r, "en.txt", "14 patrol boats");
    assertTrue(documents(r, boats).contains("zh.txt"), boats::toString);
    // near miss: the tugboats are another count, in one document only
    Fact tugs = factQuoting(r, "en.txt", "5 tugboats");
    assertFalse(tugs.id().equals(boats.id()), tugs::toString);
  }

  @Test
  void anAmountInAListIsDisputedOnlyByTheSameItem() throws Exception {
    Linker.Result r = link(
        a("list.txt", "en", "2031-06-01", "The package includes radars worth more than $640 million, spare parts worth $72 million"
            + " and training worth $40 million."),
        a("other.txt", "en", "2031-06-02", "The package includes spare parts worth $80 million, radars worth $640 million"
            + " and training worth $40 million."));
    Fact parts = factQuoting(r, "other.txt", "$80 million");
    assertTrue(parts.claims().stream().anyMatch(c -> c.quote().contains("$72 million")), parts::toString);
    assertFalse(parts.claims().stream().anyMatch(c -> c.quote().contains("$640 million")), parts::toString);
    assertEquals("conflict", parts.status(), parts::toString);
    Fact radars = factQuoting(r, "other.txt", "$640 million");
    assertFalse(radars.status().equals("conflict"), "a bound and a figure that fits it: " + radars);
  }

  @Test
  void theOnlyAmountsOfTwoDocumentsAreOneUnlessFarApart() throws Exception {
    Linker.Result r = link(
        a("a.txt", "en", "2031-07-01", "Grell Motors sold the Varna plant to a fund. The price was put at more than $270 million."),
        a("b.txt", "en", "2031-07-02", "An early valuation put the Varna plant at $618 million, a filing shows."),
        a("c.txt", "en", "2031-07-03", "The Varna plant changed hands; staff were given a $5 voucher each."));
    Fact price = factQuoting(r, "a.txt", "$270 million");
    assertTrue(documents(r, price).contains("b.txt"), price::toString);
    assertFalse(documents(r, price).contains("c.txt"), "a voucher is not the price: " + price);
  }

  @Test
  void aPersonNamedInTwoLanguagesIsOneFactWithTheRoleTheTextsShare() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-08-01", "Police arrested Marten Olvey, a 34-year-old engineer, at his home in Harrowgate on Monday."),
        a("es.txt", "es", "2031-08-02", "La policía arrestó a Marten Olvey, un ingeniero de 34 años, en su casa de Harrowgate."));
    Fact named = r.facts().stream().filter(f -> f.subject().equals("Marten Olvey")).findFirst().orElseThrow(() ->
        new AssertionError(r.facts().toString()));
    assertEquals(Set.of("en.txt", "es.txt"), documents(r, named));
    assertTrue(named.property().contains("arrest"), named::toString);
    Fact age = factQuoting(r, "en.txt", "34-year-old");
    assertEquals("agree", age.status(), age::toString);
    assertTrue(documents(r, age).contains("es.txt"), age::toString);
  }

  @Test
  void twoCountsOfOneThingMeetWhenOneWordReadsAsTwoConcepts() throws Exception {
    // "políticos" reads as both politics and policy (the stem of "política"): one word, not two things
    Linker.Result r = link(
        a("en.txt", "en", "2031-09-01", "The files also reveal the hidden dealings of 96 other politicians and public"
            + " officials around the world, the consortium said."),
        a("es.txt", "es", "2031-09-02", "Los archivos revelan también los negocios de 104 políticos y funcionarios de"
            + " todo el mundo, según el consorcio."));
    Fact count = factQuoting(r, "en.txt", "96 other politicians");
    assertEquals(Set.of("en.txt", "es.txt"), documents(r, count), count::toString);
  }

  @Test
  void controlCountsOfTwoThingsStayApart() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-09-01", "The files also reveal the hidden dealings of 96 other politicians and public"
            + " officials around the world, the consortium said."),
        a("es.txt", "es", "2031-09-02", "Los archivos revelan también los negocios de 104 periodistas de"
            + " todo el mundo, según el consorcio."));
    Fact count = factQuoting(r, "en.txt", "96 other politicians");
    assertEquals(Set.of("en.txt"), documents(r, count), count::toString);
  }

  @Test
  void aFigureARoundingAwayFromAnotherThatIsNotItsRoundingDisputesIt() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-05-02", "Orvania signed a deal worth $6.43 billion for Kestrel-7 patrol boats, officials said."),
        a("en2.txt", "en", "2031-05-03", "The Kestrel-7 contract, worth $6.5 billion, was signed in Telmar on Friday."));
    Fact money = factQuoting(r, "en.txt", "$6.43 billion");
    assertEquals(Set.of("en.txt", "en2.txt"), documents(r, money), money::toString);
    assertEquals("conflict", money.status(), money::toString);
  }

  @Test
  void controlAFigureRoundedAtItsLastDigitAgrees() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-05-02", "Orvania signed a deal worth $6.43 billion for Kestrel-7 patrol boats, officials said."),
        a("en2.txt", "en", "2031-05-03", "The Kestrel-7 contract, worth $6.4 billion, was signed in Telmar on Friday."));
    Fact money = factQuoting(r, "en.txt", "$6.43 billion");
    assertEquals(Set.of("en.txt", "en2.txt"), documents(r, money), money::toString);
    assertEquals("agree", money.status(), money::toString);
  }

  private static java.util.Optional<Fact> namedFact(Linker.Result r, String subject) {
    return r.facts().stream().filter(f -> f.subject().equals(subject)).findFirst();
  }

  @Test
  void aNewspaperThatTakesPartInTheEventIsANamedFact() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-09-01", "The files were obtained by the Telmar Courier, which shared them with"
            + " reporters in Orvania on Monday."),
        a("es.txt", "es", "2031-09-02", "Los archivos fueron obtenidos por el Telmar Courier, que los compartió con"
            + " periodistas de Orvania."));
    Fact paper = namedFact(r, "Telmar Courier").orElseThrow(() -> new AssertionError(r.facts().toString()));
    assertEquals(Set.of("en.txt", "es.txt"), documents(r, paper), paper::toString);
    assertEquals("agree", paper.status(), paper::toString);
  }

  @Test
  void controlANewspaperThatOnlyReportsIsNoNamedFact() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-09-01", "Orvania will close the Dunmore shipyard, the Telmar Courier said on Monday."),
        a("es.txt", "es", "2031-09-02", "Orvania cerrará el astillero de Dunmore, dijo el Telmar Courier el lunes."));
    assertTrue(namedFact(r, "Telmar Courier").isEmpty(), r.facts()::toString);
  }

  @Test
  void theSameWordsGivenToDifferentSpeakersAreADispute() throws Exception {
    Linker.Result r = link(
        a("one.txt", "en", "2031-12-01", "\"The bridge will not reopen before the summer floods are over,\" said Marten Olvey,"
            + " the transport minister."),
        a("two.txt", "en", "2031-12-02", "\"The bridge will not reopen before the summer floods are over,\" said Ilse Varga,"
            + " the mayor of Harlow."),
        a("three.txt", "en", "2031-12-02", "\"The bridge will not reopen before the summer floods are over,\" Olvey said."));
    Fact said = r.facts().stream().filter(f -> f.claims().get(0).stated() instanceof Claim.Said
        && f.claims().size() >= 2).findFirst().orElseThrow(() -> new AssertionError(r.facts().toString()));
    assertEquals("conflict", said.status(), said::toString);
    assertTrue(said.explanation().contains("Olvey") && said.explanation().contains("Varga"), said::toString);
    // near miss: the same words given to one speaker, named in full and by surname
    Linker.Result same = link(
        a("one.txt", "en", "2031-12-01", "\"The bridge will not reopen before the summer floods are over,\" said Marten Olvey,"
            + " the transport minister."),
        a("three.txt", "en", "2031-12-02", "\"The bridge will not reopen before the summer floods are over,\" Olvey said."));
    Fact agreed = same.facts().stream().filter(f -> f.claims().get(0).stated() instanceof Claim.Said
        && f.claims().size() >= 2).findFirst().orElseThrow(() -> new AssertionError(same.facts().toString()));
    assertEquals("agree", agreed.status(), agreed::toString);
  }

  /** The documents whose claims name {@code place} in one fact of names. */
  private static Set<String> naming(Linker.Result r, String place) {
    return r.facts().stream().filter(f -> f.claims().get(0).stated() instanceof Claim.Named n && n.name().equals(place))
        .findFirst().map(f -> documents(r, f)).orElse(Set.of());
  }

  @Test
  void aCountrysAdjectiveBesideAnOfficeNamesTheCountryInThatOffice() throws Exception {
    // invented people and events; the country is one the glossary lists with its adjectives
    Linker.Result r = link(
        a("en.txt", "en", "2031-04-02", "The Telmar ferry line lists the president of Uruguay and the harbour"
            + " master Orla Quennet among the guests of its maiden voyage."),
        a("es.txt", "es", "2031-04-02", "La naviera de Telmar cuenta al presidente uruguayo y a la"
            + " capitana de puerto Orla Quennet entre los invitados de su viaje inaugural."),
        a("de.txt", "de", "2031-04-03", "Die Telmar-Reederei zählt den uruguayischen Präsidenten und die"
            + " Hafenmeisterin Orla Quennet zu den Gästen ihrer Jungfernfahrt."));
    assertEquals(Set.of("en.txt", "es.txt", "de.txt"), naming(r, "Uruguay"), r.facts()::toString);
  }

  @Test
  void controlACountrysAdjectiveAwayFromAnOfficeNamesNoCountry() throws Exception {
    Linker.Result r = link(
        a("en.txt", "en", "2031-04-02", "The Telmar ferry line lists the president of Uruguay and the harbour"
            + " master Orla Quennet among the guests of its maiden voyage."),
        a("es.txt", "es", "2031-04-02", "La naviera de Telmar, según la prensa uruguaya, cuenta al"
            + " presidente y a la capitana de puerto Orla Quennet entre los invitados de su viaje inaugural."));
    assertFalse(naming(r, "Uruguay").contains("es.txt"), r.facts()::toString);
  }

  /** The fact whose statements quote {@code words} in {@code document}, or null. */
  private static Fact quoting(Linker.Result r, String document, String words) {
    for (Fact f : r.facts()) {
      for (Claim c : f.claims()) {
        if (c.stated() instanceof Claim.Said && c.quote().equals(words) && r.names().get(c.document()).equals(document)) {
          return f;
        }
      }
    }
    return null;
  }

  @Test
  void aShortQuotationInflectedInsideAnotherSentenceIsTheSameWords() throws Exception {
    Linker.Result r = link(
        a("one.txt", "en", "2031-04-02", "Harbour pilots call the new Telmar levy “tolls on every tide” and say the"
            + " port board never asked them before it voted."),
        a("two.txt", "en", "2031-04-03", "The Telmar port board defends the charge that its pilots dismissed as"
            + " “a toll on every tide”."));
    Fact toll = quoting(r, "one.txt", "tolls on every tide");
    assertTrue(toll != null && documents(r, toll).contains("two.txt"), r.facts()::toString);
    assertEquals("agree", toll.status(), toll::toString);
  }

  @Test
  void controlAnotherQuotationSharingOneWordIsNotTheSameWords() throws Exception {
    Linker.Result r = link(
        a("one.txt", "en", "2031-04-02", "Harbour pilots call the new Telmar levy “tolls on every tide” and say the"
            + " port board never asked them before it voted."),
        a("two.txt", "en", "2031-04-03", "The Telmar port board defends the charge that its pilots dismissed as"
            + " “a fine for every barge”."));
    Fact toll = quoting(r, "one.txt", "tolls on every tide");
    assertTrue(toll == null || !documents(r, toll).contains("two.txt"), String.valueOf(toll));
  }
}
