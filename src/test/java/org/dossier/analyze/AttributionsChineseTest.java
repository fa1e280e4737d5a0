package org.dossier.analyze;

import static org.dossier.analyze.AttributionCheck.has;
import static org.dossier.analyze.AttributionCheck.none;
import static org.dossier.analyze.AttributionCheck.notFrom;

import org.dossier.core.Attribution.Kind;
import org.junit.jupiter.api.Test;

/** Chinese attribution forms, each with a sentence that looks alike but attributes nothing. */
class AttributionsChineseTest {

  @Test
  void juXBaodaoChengXiaoxi() {
    has("据《北原日报》报道，该厂去年生产了40台涡轮机。", "zh",
        Kind.ACCORDING_TO, "北原日报", null, "该厂去年生产了40台涡轮机");
    has("据北原晚报报导，大桥将于五月重新开放。", "zh",
        Kind.ACCORDING_TO, "北原晚报", null, "大桥将于五月重新开放");
    has("據北原時報報導，大橋將於五月重新開放。", "zh",
        Kind.ACCORDING_TO, "北原時報", null, "大橋將於五月重新開放");
    has("据该报称，该厂将于三月关闭。", "zh", Kind.ACCORDING_TO, "该报", null, "该厂将于三月关闭");
    has("据消息人士透露，该厂将于三月关闭。", "zh", Kind.ACCORDING_TO, "消息人士", null, "该厂将于三月关闭");
    has("该厂将于三月关闭，据北原电视台消息。", "zh",
        Kind.ACCORDING_TO, "北原电视台", null, "该厂将于三月关闭");
    // reportedly, data, evidence: no source
    none("据悉，该厂将于三月关闭。", "zh");
    none("数据显示，该厂去年生产了40台涡轮机。", "zh");
  }

  @Test
  void sourceBeforeTheVerb() {
    has("北原日报18日报道称，该厂去年生产了40台涡轮机。", "zh",
        Kind.REPORTED, "北原日报", null, "该厂去年生产了40台涡轮机");
    has("该报称，该厂将于三月关闭。", "zh", Kind.SAID, "该报", null, "该厂将于三月关闭");
    has("北原外交部发言人表示，大桥将于五月重新开放。", "zh",
        Kind.SAID, "北原外交部发言人", null, "大桥将于五月重新开放");
    has("北原警方指出，大桥已经关闭。", "zh", Kind.SAID, "北原警方", null, "大桥已经关闭");
    has("北原市政府宣布，大桥将于五月重新开放。", "zh", Kind.SAID, "北原市政府", null, "大桥将于五月重新开放");
    has("北原电视台透露，该厂将于三月关闭。", "zh", Kind.SAID, "北原电视台", null, "该厂将于三月关闭");
    has("北原公司在声明中说，该厂将于三月关闭。", "zh", Kind.SAID, "北原公司", null, "该厂将于三月关闭");
    has("北原公司聲明，該廠將於三月關閉。", "zh", Kind.SAID, "北原公司", null, "該廠將於三月關閉");
    has("北原時報稱，該廠將於三月關閉。", "zh", Kind.SAID, "北原時報", null, "該廠將於三月關閉");
    has("北原警方說，大橋已經關閉。", "zh", Kind.SAID, "北原警方", null, "大橋已經關閉");
    has("北原時報十八日報導，該廠將於三月關閉。", "zh", Kind.REPORTED, "北原時報", null, "該廠將於三月關閉");
    none("十八日報導的內容很多。", "zh");
    // 说 and 称 inside other words
    none("可以说，该厂将于三月关闭。", "zh");
    none("这座大桥被称为北原之门。", "zh");
    none("他说，该厂将于三月关闭。", "zh");
  }

  @Test
  void anInterviewNamesTheRelay() {
    has("北原公司发言人在接受《北原日报》采访时表示，该厂将于三月关闭。", "zh",
        Kind.SAID, "北原公司发言人", "北原日报", "该厂将于三月关闭");
  }

  @Test
  void genjuNeedsASource() {
    has("根据北原日报的报道，该厂将于三月关闭。", "zh",
        Kind.ACCORDING_TO, "北原日报", null, "该厂将于三月关闭");
    none("根据合同，该厂将于三月关闭。", "zh");
  }

  @Test
  void aDayBetweenTheSourceAndTheReportingWordIsNotTheSource() {
    // 据 X 18日 报道: the day the outlet reported is no part of its name
    has("据北原日报18日报道，该厂去年生产了40台涡轮机。", "zh",
        Kind.ACCORDING_TO, "北原日报", null, "该厂去年生产了40台涡轮机");
    has("據南港時報十八日報導，大橋將於五月重新開放。", "zh",
        Kind.ACCORDING_TO, "南港時報", null, "大橋將於五月重新開放");
    // a day alone is no source
    notFrom("据十八日报道，大桥将于五月重新开放。", "zh", "十八日");
  }

  @Test
  void aDayBeforeTheSourceIsNotPartOfIt() {
    // "24日 X 报道": the words of the source start after the day
    has("24日南港多家媒体报道称，该厂将于三月关闭。", "zh",
        Kind.REPORTED, "南港多家媒体", null, "该厂将于三月关闭");
    // a name that starts with 日 after no numeral keeps it
    has("日升晚报报道称，该厂将于三月关闭。", "zh",
        Kind.REPORTED, "日升晚报", null, "该厂将于三月关闭");
  }

  @Test
  void aGlossInParenthesesBetweenTheSourceAndTheVerb() {
    // "X（KBT）报道称": the name's abbreviation or spelling in another script, then the verb
    has("南港广播公司（KBT）报道称，该厂将于三月关闭。", "zh",
        Kind.REPORTED, "南港广播公司", null, "该厂将于三月关闭");
    has("南港广播公司(KBT)报道称，该厂将于三月关闭。", "zh",
        Kind.REPORTED, "南港广播公司", null, "该厂将于三月关闭");
    // what stands before the gloss is no source: nothing is attributed
    none("新型导弹（KX-9）称得上先进。", "zh");
  }
}
