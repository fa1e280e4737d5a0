package org.dossier.analyze;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.EnumSet;
import java.util.Set;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;

/**
 * People, organisations and places in Chinese with HanLP's segmenter and its role-tagging name
 * recognisers (persons, places, organisations). One segmenter per thread.
 */
final class ChineseNames implements Annotator {
  private static final ThreadLocal<Segment> SEGMENTS =
      ThreadLocal.withInitial(() -> HanLP.newSegment()
          .enableNameRecognize(true)
          .enablePlaceRecognize(true)
          .enableOrganizationRecognize(true)
          .enableOffset(true));

  /** The hundred commonest Chinese surnames: before a name they are its surname, not a verb. */
  private static final String COMMON_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于"
      + "蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

  /** Prepositions, particles and conjunctions: never in a Chinese given name. */
  private static final String FUNCTION = "的了是在和与于对把被将从向为也都就而及或但";

  /** True when HanLP reads the word alone as a transcribed foreign name, which takes no Chinese surname. */
  private static boolean foreign(String word) {
    java.util.List<Term> terms = SEGMENTS.get().seg(word);
    return terms.size() == 1 && terms.get(0).nature != null && terms.get(0).nature.toString().startsWith("nrf");
  }

  /**
   * True when the name's last two characters stand elsewhere in the text without its first:
   * "占普达" where the text also writes "普达政府" is the verb 占 and the name 普达.
   */
  private static boolean standsAlone(String text, String name) {
    String tail = name.substring(1);
    for (int i = text.indexOf(tail); i >= 0; i = text.indexOf(tail, i + 1)) {
      if (i == 0 || text.charAt(i - 1) != name.charAt(0)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Set<Layer> requires() {
    return EnumSet.of(Layer.SENTENCES);
  }

  @Override
  public Set<Layer> produces() {
    return EnumSet.of(Layer.NAMES);
  }

  @Override
  public void annotate(Draft draft) {
    String text = draft.text();
    Segment segment = SEGMENTS.get();
    String whole = null; // the text in simplified characters, made only if a name needs it
    for (Span sentence : draft.sentences()) {
      // HanLP's models read simplified characters: a traditional text is read as simplified,
      // character for character, and its names keep their own spelling
      String s = MatchKeys.simplified(text.substring(sentence.start(), sentence.end()));
      for (Term t : segment.seg(s)) {
        String nature = t.nature == null ? "" : t.nature.toString();
        EntityType type = nature.startsWith("nr") ? EntityType.PERSON
            : nature.startsWith("ns") ? EntityType.PLACE
            : nature.startsWith("nt") ? EntityType.ORGANIZATION
            : null;
        if (type == null || t.word.length() < 2 || t.offset < 0) {
          continue;
        }
        String word = t.word;
        int offset = t.offset;
        if (type == EntityType.PERSON && nature.equals("nr")) {
          if (word.substring(1).chars().anyMatch(c -> FUNCTION.indexOf(c) >= 0)) {
            continue; // a surname and a preposition or particle ("任对台"): no given name
          }
          if (word.length() == 3 && COMMON_SURNAMES.indexOf(word.charAt(0)) < 0) {
            if (whole == null) {
              whole = MatchKeys.simplified(text);
            }
            if (foreign(word.substring(1)) || standsAlone(whole, word)) {
              word = word.substring(1); // a verb before a foreign name ("占" + "普达")
              offset++;
            }
          }
        }
        Span span = new Span(sentence.start() + offset, sentence.start() + offset + word.length());
        if (span.end() <= sentence.end() && MatchKeys.simplified(draft.cover(span)).equals(word)) {
          draft.entities.add(new EntityMention(span, draft.cover(span), type, word, "hanlp"));
        }
      }
    }
  }
}
