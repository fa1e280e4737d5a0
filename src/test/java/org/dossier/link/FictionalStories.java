package org.dossier.link;

import java.io.IOException;
import java.nio.file.Path;
import org.dossier.testing.Fixtures;

/**
 * A fictional case written for these tests: Tessaly's naval exporter sells Vetrov-3 fast attack
 * boats and Sokol-7M coastal radars to Marovia. Five articles retell it (an original, a rewrite
 * that gets the number of boats, the year and the price wrong, a Russian translation, a repost,
 * and a second rewrite that shares an upstream outlet with the first), a sixth is an unrelated
 * storm story that shares the country, an outlet and the number 18, and the cache holds the
 * contract. Every organisation, person, place and item is invented.
 */
public final class FictionalStories {
  private FictionalStories() {}

  static final String GAZETTEER = String.join("\n",
      "equipment\tVetrov-3\tВетров-3|fast attack boat|быстроходный ракетный катер",
      "equipment\tSokol-7M\tСокол-7М|coastal radar|береговая РЛС",
      "");

  static final String LEDGER = String.join("\n",
      "Tessaly to sell fast attack boats to Marovia, papers show",
      "",
      "By Anna Petrova, Harbour Ledger, 3 March 2026",
      "",
      "Tessaly has agreed to sell 18 Vetrov-3 fast attack boats and 4 Sokol-7M coastal radars to the"
          + " Marovian navy, according to contracts seen by the Harbour Ledger.",
      "",
      "The two sides agreed in November 2025 on the deal, which is worth more than $400 million, the"
          + " papers show. An initial agreement was reached in May 2022.",
      "",
      "The cache of about 900 pages was passed to the Ledger by a former official of the exporter.",
      "",
      "\"The boats change the balance in the Narrow Sea for a decade,\" said Boris Talin, an analyst"
          + " at the Krell Institute for Maritime Affairs.",
      "",
      "The first boats are due by the end of August 2026, the contract says.",
      "");

  static final String HERALD = String.join("\n",
      "Marovia to buy Tessalian boats in secret deal, report says",
      "",
      "March 4 (Eastgate Herald) -- Marovia will buy 20 Vetrov-3 boats and 4 Sokol-7M radars from"
          + " Tessaly, the Harbour Ledger reported.",
      "",
      "Tessaly agreed to the sale in 2024, according to the Ledger.",
      "",
      "\"The boats change the balance in the Narrow Sea for a decade,\" Boris Talin of the Krell"
          + " Institute for Maritime Affairs told the Ledger.",
      "",
      "The deal was worth $455 million before it was finalized, the Ledger reported. The leaked"
          + " papers run to 900 pages.",
      "",
      "Marovia's defence ministry confirmed the purchase, Radio Stellan reported.",
      "");

  static final String VESTNIK = String.join("\n",
      "Тессалия продаст Маровии ракетные катера",
      "",
      "Анна Петрова, «Морской вестник», 5 марта 2026 года",
      "",
      "Тессалия согласилась продать 18 быстроходных ракетных катеров «Ветров-3» и 4 береговые РЛС"
          + " «Сокол-7М» военно-морским силам Маровии, говорится в контрактах.",
      "",
      "Стороны договорились в ноябре 2025 года о сделке стоимостью более 400 млн долларов."
          + " Первоначальное соглашение было достигнуто в мае 2022 года.",
      "",
      "Массив из примерно 900 страниц передал бывший сотрудник экспортёра.",
      "",
      "«Катера на десятилетие меняют баланс в Узком море», — сказал Борис Талин, аналитик"
          + " Крелльского института морских исследований.",
      "",
      "Первые катера должны быть поставлены до конца августа 2026 года.",
      "");

  static final String COASTLINE = String.join("\n",
      "Tessaly boats for Marovia",
      "",
      "Tessaly has agreed to sell 18 Vetrov-3 fast attack boats and 4 Sokol-7M coastal radars to the"
          + " Marovian navy, according to contracts seen by the Harbour Ledger.",
      "",
      "The two sides agreed in November 2025 on the deal, which is worth more than $400 million, the"
          + " papers show. An initial agreement was reached in May 2022.",
      "",
      "The cache of about 900 pages was passed to the Ledger by a former official of the exporter.",
      "",
      "This article was first published by the Harbour Ledger.",
      "");

  static final String TIDEWATER = String.join("\n",
      "Marovian navy gets new boats",
      "",
      "By Lena Kravets, Tidewater Times, 6 March 2026",
      "",
      "A ministry spokesman told Radio Stellan that the 18 Vetrov-3 boats would strengthen coastal"
          + " patrols, and that the crews would be trained in Tessaly.",
      "",
      "The ministry did not say when the contract was signed.",
      "");

  static final String STORM = String.join("\n",
      "Storm wrecks 18 fishing boats in Marovia",
      "",
      "March 7 (Eastgate Herald) -- A storm wrecked 18 fishing boats in the harbour of Port Vell in"
          + " Marovia on Friday, the coast guard said.",
      "",
      "About 300 people were moved to shelters, and the ferry to the islands was cancelled until"
          + " March 10, the harbour office said.",
      "");

  static final String CONTRACT = String.join("\n",
      "CONTRACT No. TS-2025/44",
      "",
      "The Supplier, Tessaly Naval Export, and the Buyer, the Navy of Marovia, hereinafter the"
          + " Parties, have agreed as follows.",
      "",
      "1. The Supplier delivers 18 Vetrov-3 fast attack boats and 4 Sokol-7M coastal radars.",
      "2. The total value of the contract is USD 412,000,000.",
      "3. The first boats are delivered no later than 31 August 2026.",
      "",
      "Signed in Tessa on 14 November 2025.",
      "");

  /** The seven documents as articles to link without a case folder ({@link LinkHarness}), with their dates. */
  static final LinkHarness.Article[] ARTICLES = {
    LinkHarness.a("ledger.txt", "en", "2026-03-03", FictionalStories.LEDGER),
    LinkHarness.a("herald.txt", "en", "2026-03-04", FictionalStories.HERALD),
    LinkHarness.a("vestnik_ru.txt", "ru", "2026-03-05", FictionalStories.VESTNIK),
    LinkHarness.a("coastline.txt", "en", "2026-03-04", FictionalStories.COASTLINE),
    LinkHarness.a("tidewater.txt", "en", "2026-03-06", FictionalStories.TIDEWATER),
    LinkHarness.a("storm.txt", "en", "2026-03-07", FictionalStories.STORM),
    LinkHarness.a("contract.txt", "en", "", FictionalStories.CONTRACT),
  };

  /** Writes the press into {@code dir/press}, the cache into {@code dir/cache}, the gazetteer. */
  public static void write(Path dir) throws IOException {
    Fixtures.text(dir.resolve("press/2026-03-03_harbour-ledger.txt"), LEDGER);
    Fixtures.text(dir.resolve("press/2026-03-04_eastgate-herald.txt"), HERALD);
    Fixtures.text(dir.resolve("press/2026-03-05_morskoy-vestnik_ru.txt"), VESTNIK);
    Fixtures.text(dir.resolve("press/2026-03-04_coastline-daily.txt"), COASTLINE);
    Fixtures.text(dir.resolve("press/2026-03-06_tidewater-times.txt"), TIDEWATER);
    Fixtures.text(dir.resolve("press/2026-03-07_eastgate-herald_storm.txt"), STORM);
    Fixtures.text(dir.resolve("cache/TS-2025-44_contract.txt"), CONTRACT);
    Fixtures.text(dir.resolve("gazetteer.tsv"), GAZETTEER);
  }
}
