package org.dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The passages' scorer gives Lucene's scores to the bit, so the same passages are chosen. */
class SnippetsTest {
  @Test
  void passagesScoreAsLucenesScorerScoresThem() {
    Random r = new Random(5);
    String[] words = {"contract", "Vetrov-3", "+text:contract +text_translit:vetrov 3", "the buyer", "Ветров-3", "合同"};
    PassageScorer lucene = new PassageScorer();
    Snippets.Scorer ours = new Snippets.Scorer();
    int withSeveral = 0;
    for (int n = 0; n < 5_000; n++) {
      Passage p = new Passage();
      int start = r.nextInt(5_000);
      int end = start + 1 + r.nextInt(600);
      p.setStartOffset(start);
      p.setEndOffset(end);
      int matches = r.nextInt(30);
      int at = start;
      for (int i = 0; i < matches && at < end; i++) {
        // equal terms as the same object and as separate copies: both are one term
        String w = words[r.nextInt(r.nextBoolean() ? 2 : words.length)];
        BytesRef term = new BytesRef(w.getBytes(StandardCharsets.UTF_8));
        p.addMatch(at, Math.min(end, at + w.length()), term, 1 + r.nextInt(40));
        at += 1 + r.nextInt(20);
      }
      int contentLength = end + r.nextInt(100_000);
      float expected = lucene.score(p, contentLength);
      assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(ours.score(p, contentLength)), p.toString());
      withSeveral += p.getNumMatches() > 1 ? 1 : 0;
    }
    assertNotEquals(0, withSeveral);
  }
}
