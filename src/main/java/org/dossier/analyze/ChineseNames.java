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
        Span span = new Span(sentence.start() + t.offset, sentence.start() + t.offset + t.word.length());
        if (span.end() <= sentence.end() && MatchKeys.simplified(draft.cover(span)).equals(t.word)) {
          draft.entities.add(new EntityMention(span, draft.cover(span), type, t.word, "hanlp"));
        }
      }
    }
  }
}
