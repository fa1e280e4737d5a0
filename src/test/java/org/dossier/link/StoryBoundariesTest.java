package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Where one story ends and the next begins, on invented events: two events of one topic in one
 * country stay apart though they share its vocabulary; one event retold in another language is
 * one story; a retelling whose page gives a wrong date still joins when it is nearly the same text.
 */
class StoryBoundariesTest {
  private static String storyOf(Linker.Result r, String name) {
    for (Story s : r.stories()) {
      for (org.dossier.core.DocumentId d : s.documents()) {
        if (r.names().get(d).equals(name)) {
          return s.id();
        }
      }
    }
    throw new AssertionError(name + " in no story: " + r.stories());
  }

  private static final String FERRY = "The Orvanian navy signed a contract with the Dunmore shipyard for 12 Kestrel-7 patrol boats "
      + "worth $480 million, the defence ministry said on Monday. Admiral Telsa Varrow said deliveries of the "
      + "patrol boats would begin in 2033. The contract was signed in Port Ellin after two years of talks.";

  @Test
  void twoContractsOfOneNavyAreTwoStoriesAndOneRetoldInRussianIsOne() throws Exception {
    Linker.Result r = LinkHarness.link(
        LinkHarness.a("boats-en.txt", "en", "2032-03-01", FERRY),
        LinkHarness.a("boats-en2.txt", "en", "2032-03-02", "Orvania's navy has ordered 12 Kestrel-7 patrol boats from the "
            + "Dunmore shipyard in a $480 million contract, Admiral Telsa Varrow said. Deliveries begin in 2033."),
        LinkHarness.a("boats-ru.txt", "ru", "2032-03-02", "ВМС Орвании подписали контракт с верфью Данмор на 12 патрульных катеров "
            + "Kestrel-7 стоимостью 480 млн долларов, сообщило министерство обороны. По словам адмирала Тельсы Варроу, "
            + "поставки начнутся в 2033 году."),
        // the same navy, the same ministry and the same kind of contract, ten days later: another deal
        LinkHarness.a("radar-en.txt", "en", "2032-03-11", "The Orvanian navy signed a contract with Calder Systems for 40 Lumen-3 "
            + "coastal radars worth $95 million, the defence ministry said on Thursday. Commodore Jarel Ostin said the "
            + "radars would be installed by 2034. The contract was signed in Vessmark."));
    assertEquals(storyOf(r, "boats-en.txt"), storyOf(r, "boats-en2.txt"), r.stories()::toString);
    assertEquals(storyOf(r, "boats-en.txt"), storyOf(r, "boats-ru.txt"), r.stories()::toString);
    assertNotEquals(storyOf(r, "boats-en.txt"), storyOf(r, "radar-en.txt"), r.stories()::toString);
  }

  @Test
  void aRetellingWithAWrongPageDateJoinsOnlyWhenItIsNearlyTheSameText() throws Exception {
    Linker.Result r = LinkHarness.link(
        LinkHarness.a("boats.txt", "en", "2032-03-01", FERRY),
        // a page dated five months early that retells the same text: a misread date
        LinkHarness.a("mirror.txt", "en", "2031-10-01", FERRY.replace("on Monday", "on Monday, officials confirmed")),
        // five months later, the same boats in another event: the first delivery
        LinkHarness.a("delivery.txt", "en", "2032-08-03", "The first of 12 Kestrel-7 patrol boats was handed to the Orvanian "
            + "navy at the Dunmore shipyard on Tuesday, ahead of schedule, the shipyard said. Its crew of 30 sailed it to "
            + "the naval base at Cape Morrow."));
    assertEquals(storyOf(r, "boats.txt"), storyOf(r, "mirror.txt"), r.stories()::toString);
    assertNotEquals(storyOf(r, "boats.txt"), storyOf(r, "delivery.txt"), r.stories()::toString);
  }

  /**
   * Months later, nearly the same words with other figures are the next of a recurring event (the
   * navy's next order, another year's vote), not a retelling of the first: they are another
   * story. The same words with the same figures months apart are one (a misread date, a repost).
   */
  @Test
  void theSameWordsMonthsLaterWithOtherFiguresAreTheNextEventNotARetelling() throws Exception {
    Linker.Result r = LinkHarness.link(
        LinkHarness.a("order-1.txt", "en", "2032-03-01", FERRY),
        LinkHarness.a("order-1b.txt", "en", "2032-03-02", FERRY.replace("on Monday", "on Monday, officials confirmed")),
        // seven months on, the navy's next order in the ministry's same words: other boats, another sum
        LinkHarness.a("order-2.txt", "en", "2032-10-04", FERRY.replace("12 Kestrel-7", "9 Kestrel-7")
            .replace("$480 million", "$355 million").replace("in 2033", "in 2035")),
        // and a repost of the first, three weeks after the next order
        LinkHarness.a("order-1-repost.txt", "en", "2032-10-25", FERRY));
    assertEquals(storyOf(r, "order-1.txt"), storyOf(r, "order-1b.txt"), r.stories()::toString);
    assertNotEquals(storyOf(r, "order-1.txt"), storyOf(r, "order-2.txt"), r.stories()::toString);
    assertEquals(storyOf(r, "order-1.txt"), storyOf(r, "order-1-repost.txt"), "control: "
        + r.stories());
  }

  /**
   * One template filled in by many bodies (a harbour board's release on its dues, month after
   * month, each board and chairman its own): like words, no shared name, so as many stories; a
   * retelling of one of them, naming its board and chairman, joins that one.
   */
  @Test
  void oneTemplateFilledInByOtherBodiesIsOtherStories() throws Exception {
    String[] harbours = {"Orlin", "Varne", "Tessmouth", "Calder", "Brisk", "Morrow"};
    String[] chairs = {"Tobin Marlowe", "Ismay Corrow", "Jarel Ostin", "Telsa Varrow", "Ansel Brice", "Corin Vale"};
    java.util.List<LinkHarness.Article> articles = new java.util.ArrayList<>();
    for (int i = 0; i < harbours.length; i++) {
      articles.add(LinkHarness.a(harbours[i].toLowerCase(java.util.Locale.ROOT) + ".txt", "en",
          String.format(java.util.Locale.ROOT, "2031-%02d-03", i + 1), "The " + harbours[i] + " harbour board raised"
              + " its ferry dues by " + (i + 3) + " percent on Tuesday, its chairman " + chairs[i] + " said. The "
              + harbours[i] + " board expects " + (i + 2) + ".5 million crowns a year from the dues."));
    }
    articles.add(LinkHarness.a("varne-retold.txt", "en", "2031-02-04", "Ferry dues at Varne go up 4 percent: the Varne"
        + " harbour board expects 3.5 million crowns a year from them, its chairman Ismay Corrow said on Tuesday."));
    Linker.Result r = LinkHarness.link(articles.toArray(LinkHarness.Article[]::new));
    java.util.Set<String> own = new java.util.HashSet<>();
    for (String h : harbours) {
      own.add(storyOf(r, h.toLowerCase(java.util.Locale.ROOT) + ".txt"));
    }
    assertEquals(harbours.length, own.size(), r.stories()::toString);
    assertEquals(storyOf(r, "varne.txt"), storyOf(r, "varne-retold.txt"), r.stories()::toString);
  }

  /**
   * A byline names who wrote a text, not who is in it: two fires a reporter covered weeks apart,
   * at two mills with their own people, are two stories though her name heads both; another
   * outlet's retelling of the first, under its own byline, joins the first.
   */
  @Test
  void aReportersNameInTwoBylinesDoesNotJoinTwoEvents() throws Exception {
    Linker.Result r = LinkHarness.link(
        LinkHarness.a("mill-fire.txt", "en", "2031-03-03", "Fire hurts workers at Orlin paper mill\n\nBy Ana Lenn, Harbour"
            + " Ledger, 3 March 2031\n\nA fire at the Orlin paper mill injured 12 workers on Tuesday, the mill's director"
            + " Tobin Marlowe said. The damage could reach 2.4 million crowns, the town council said."),
        LinkHarness.a("sawmill-fire.txt", "en", "2031-03-20", "Fire hurts workers at Varne sawmill\n\nBy Ana Lenn, Harbour"
            + " Ledger, 20 March 2031\n\nA fire at the Varne sawmill injured 7 workers on Friday, the sawmill's owner"
            + " Ismay Corrow said. The damage could reach 0.8 million crowns, the town council said."),
        LinkHarness.a("mill-retold.txt", "en", "2031-03-04", "Orlin mill blaze injures 12\n\nBy Vera Korvin, Kestwick"
            + " Post, 4 March 2031\n\nFire swept through the Orlin paper mill, according to the Harbour Ledger. 12 workers"
            + " were hurt, and the damage could reach 2.4 million crowns, officials said."));
    assertNotEquals(storyOf(r, "mill-fire.txt"), storyOf(r, "sawmill-fire.txt"), r.stories()::toString);
    assertEquals(storyOf(r, "mill-fire.txt"), storyOf(r, "mill-retold.txt"), r.stories()::toString);
  }
}
