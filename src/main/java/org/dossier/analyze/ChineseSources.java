package org.dossier.analyze;

import java.util.Optional;
import org.dossier.analyze.AttributionSources.How;
import org.dossier.analyze.AttributionSources.Source;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;

/**
 * Chinese sources, which no spaces delimit: a name the analysis found, a 《title》, or characters
 * ending in a word for a source (日报, 发言人, 该报) before a reporting verb, past dates and adverbs
 * (18日, 对外, 在声明中, 在接受《X》采访时); and the words between 据 or 根据 and a reporting word.
 */
final class ChineseSources {
  private final SourceText t;
  private final String text;

  ChineseSources(SourceText t) {
    this.t = t;
    this.text = t.text;
  }

  private static final String[] ZH_SUFFIXES = {"消息人士", "知情人士", "通讯社", "通訊社", "电视台", "電視台",
      "委员会", "委員會", "研究院", "研究所", "发言人", "發言人", "分析师", "分析師", "日报", "日報", "晚报",
      "时报", "時報", "早报", "周刊", "週刊", "杂志", "雜誌", "电台", "電台", "网站", "網站", "媒体", "媒體",
      "官员", "官員", "人士", "部长", "部長", "政府", "当局", "當局", "警方", "法院", "检方", "檢方", "公司",
      "集团", "集團", "大学", "大學", "中心", "协会", "協會", "专家", "專家", "报告", "報告", "声明", "聲明",
      "报", "報", "社", "台", "网", "網", "部", "局", "署"};
  /** A digit or a Chinese numeral of a day or month ("18日", "十八日", "十二月"). */
  private static boolean numeral(char c) {
    return Character.isDigit(c) || "〇零一二三四五六七八九十廿卅".indexOf(c) >= 0;
  }

  private static final String ZH_STOP_CHARS = "的在和与與对對据據称稱说說是了也还還并並而但将將向从從被由这這那";
  private static final String[] ZH_SKIPS = {"对外", "對外", "对记者", "對記者", "向记者", "向記者", "日前", "近日",
      "此前", "随后", "隨後", "当天", "當天", "同日", "今天", "昨天", "前天", "再次", "上午", "下午", "晚间",
      "晚間", "也", "还", "還", "则", "則", "曾", "已", "亦", "并", "並"};

  /**
   * The Chinese source ending before {@code pos}: a name the analysis found, a 《title》, or words
   * ending in a source word (日报, 发言人, 该报), past dates and adverbs ("18日", "对外", "在声明中").
   * The outlet of "在接受《X》采访时" goes into {@code interviewer[0]}.
   */
  Optional<Source> beforeZh(int limit, int pos, String[] interviewer) {
    int p = pos;
    for (int round = 0; round < 4 && p > limit; round++) {
      int q = skipZhAdverb(limit, p, interviewer);
      if (q == p) {
        break;
      }
      p = q;
    }
    if (p <= limit) {
      return Optional.empty();
    }
    EntityMention e = t.endingAt(p);
    if (e != null && e.span().start() >= limit && (e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION)) {
      return Optional.of(new Source(e.span(), e.text(), How.NAME));
    }
    char last = text.charAt(p - 1);
    if (last == '》' || last == '」') {
      int open = t.lastIndexOf(last == '》' ? '《' : '「', p - 1, limit, 30);
      if (open >= limit && p - open <= 30) {
        return Optional.of(new Source(new Span(open + 1, p - 1), text.substring(open + 1, p - 1), How.QUOTED));
      }
    }
    for (String pro : new String[] {"他们", "她们", "他", "她"}) {
      if (text.startsWith(pro, p - pro.length()) && p - pro.length() >= limit) {
        return Optional.of(new Source(new Span(p - pro.length(), p), pro, How.PRONOUN));
      }
    }
    for (String suffix : ZH_SUFFIXES) {
      int s = p - suffix.length();
      if (s >= limit && text.startsWith(suffix, s)) {
        while (s > limit && p - s < 10 && SourceText.isHan(text.charAt(s - 1)) && ZH_STOP_CHARS.indexOf(text.charAt(s - 1)) < 0
            && !dayEndsAt(limit, s)) {
          s--;
        }
        if (s > limit && text.charAt(s - 1) == '该' || s > limit && text.charAt(s - 1) == '該') {
          s--;
        }
        if (p - s < 2) {
          return Optional.empty();
        }
        return Optional.of(new Source(new Span(s, p), text.substring(s, p), How.DESCRIPTION));
      }
    }
    return Optional.empty();
  }

  /** True when a day, month or year written with numerals ends at {@code p} ("24日", "十二月"). */
  private boolean dayEndsAt(int limit, int p) {
    return p - 2 >= limit && "日号號月年".indexOf(text.charAt(p - 1)) >= 0 && numeral(text.charAt(p - 2));
  }

  private int skipZhAdverb(int limit, int p, String[] interviewer) {
    // "X（KBT）报道称": a gloss in another script (an abbreviation, the name as spelt abroad) after the name
    if (p - 2 > limit && (text.charAt(p - 1) == ')' || text.charAt(p - 1) == '）')) {
      int open = Math.max(t.lastIndexOf('(', p - 1, limit, 30), t.lastIndexOf('（', p - 1, limit, 30));
      if (open > limit && open < p - 2 && text.substring(open + 1, p - 1).codePoints().anyMatch(Character::isLetter)
          && text.substring(open + 1, p - 1).chars().noneMatch(c -> SourceText.isHan((char) c))) {
        return open;
      }
    }
    for (String s : ZH_SKIPS) {
      if (p - s.length() >= limit && text.startsWith(s, p - s.length())) {
        return p - s.length();
      }
    }
    // "18日", "5月18日", "周三", "星期三"
    int q = p;
    if (q > limit && (text.charAt(q - 1) == '日' || text.charAt(q - 1) == '号')) {
      int d = q - 1;
      while (d > limit && numeral(text.charAt(d - 1)) && q - d < 4) {
        d--;
      }
      if (d < q - 1) {
        if (d > limit && text.charAt(d - 1) == '月') {
          int m = d - 1;
          while (m > limit && numeral(text.charAt(m - 1)) && d - m < 4) {
            m--;
          }
          d = m < d - 1 ? m : d;
        }
        return d;
      }
    }
    if (q - 2 >= limit && (text.charAt(q - 2) == '周' || text.charAt(q - 2) == '週') && "一二三四五六日天".indexOf(text.charAt(q - 1)) >= 0) {
      return q - 2;
    }
    if (q - 3 >= limit && text.startsWith("星期", q - 3) && "一二三四五六日天".indexOf(text.charAt(q - 1)) >= 0) {
      return q - 3;
    }
    // "在声明中", "在记者会上", "在接受《北原日报》采访时"
    char c = q > limit ? text.charAt(q - 1) : ' ';
    if (c == '中' || c == '上' || c == '时' || c == '時') {
      int at = -1;
      for (int i = q - 2; i >= Math.max(limit, q - 20); i--) {
        char x = text.charAt(i);
        if (x == '在') {
          at = i;
          break;
        }
        if (SourceText.PUNCT.indexOf(x) >= 0 && x != '《' && x != '》') {
          break;
        }
      }
      int interview = t.lastIndexOfAny(q, Math.max(limit, q - 20), "接受");
      if (interview >= 0 && (text.startsWith("采访", q - 3) || text.startsWith("採訪", q - 3))) {
        String outlet = text.substring(interview + 2, q - 3);
        if (outlet.startsWith("《") && outlet.endsWith("》")) {
          outlet = outlet.substring(1, outlet.length() - 1);
        }
        if (!outlet.isEmpty()) {
          interviewer[0] = outlet;
        }
        return at >= 0 && at < interview ? at : interview;
      }
      if (at >= 0) {
        return at;
      }
    }
    return p;
  }

  /**
   * "据|北原日报|报道": the source after 据 or 根据 up to a reporting word, a 的 or a comma, and
   * where the cue ends ({@code end[0]}); for 根据 only when the words look like a source.
   */
  Optional<Source> afterZh(int from, int limit, boolean strict, int[] end) {
    int max = Math.min(limit, from + 20);
    int closing = -1;
    int closingEnd = -1;
    boolean reportWord = false;
    for (int i = from; i < max && closing < 0; i++) {
      char c = text.charAt(i);
      if ("，,。：:；;、！？\n".indexOf(c) >= 0) {
        closing = i;
        closingEnd = i;
        break;
      }
      if (i == from) {
        continue;
      }
      for (String w : ZH_REPORT_WORDS) {
        if (text.startsWith(w, i) && !text.startsWith("消息人士", i)) {
          closing = i;
          closingEnd = i + w.length();
          reportWord = true;
          break;
        }
      }
    }
    if (closing <= from) {
      return Optional.empty();
    }
    int s = from;
    int e = closing;
    if (text.charAt(e - 1) == '的') {
      e--;
    }
    // "据X18日报道": the day it reported, or an adverb, is no part of the source
    for (int round = 0; round < 4 && e > s; round++) {
      int q = skipZhAdverb(s, e, new String[1]);
      if (q == e) {
        break;
      }
      e = q;
    }
    boolean quoted = e - s >= 3 && text.charAt(s) == '《' && text.charAt(e - 1) == '》';
    if (quoted) {
      s++;
      e--;
    }
    if (e <= s || e - s > 16) {
      return Optional.empty();
    }
    String src = text.substring(s, e);
    boolean named = t.endingAt(e) != null || quoted || endsWithSuffix(src) || src.startsWith("该") || src.startsWith("該");
    if (strict && !named && !reportWord || !named && src.length() < 2) {
      return Optional.empty();
    }
    end[0] = closingEnd;
    return Optional.of(new Source(new Span(s, e), src, quoted ? How.QUOTED : How.NAME));
  }

  /** What ends the source of 据 or 根据: 据X|报道, 根据X的|数据. */
  private static final String[] ZH_REPORT_WORDS = {"报道", "报导", "報導", "消息", "称", "稱", "介绍", "介紹",
      "透露", "表示", "说", "說", "指出", "数据", "數據", "统计", "統計", "报告", "報告", "说法", "說法", "声明", "聲明"};

  private static boolean endsWithSuffix(String s) {
    for (String suffix : ZH_SUFFIXES) {
      if (s.endsWith(suffix) && s.length() > suffix.length()) {
        return true;
      }
    }
    return false;
  }
}
