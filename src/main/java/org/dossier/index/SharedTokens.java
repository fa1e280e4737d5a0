package org.dossier.index;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text's ICU tokens, computed once and replayed into every field that starts from them ({@code
 * text}, {@code text_en}, {@code text_ru}, {@code text_translit}). Word segmentation is the
 * costliest step of indexing; each field then applies only its own filters, exactly as its
 * query-time analyzer does after the same tokenizer.
 */
final class SharedTokens {
  private char[] chars = new char[1024];
  private int[] termEnd = new int[256];
  private int[] start = new int[256];
  private int[] end = new int[256];
  private int[] posInc = new int[256];
  private int count;
  private int finalOffset;

  /** The ICU tokens of a text. */
  static SharedTokens of(String text) throws IOException {
    Tokenizer tokenizer = new ICUTokenizer();
    tokenizer.setReader(new StringReader(text));
    return collect(tokenizer);
  }

  /** These tokens passed through {@code filters} (which must not add or drop tokens' offsets). */
  SharedTokens through(UnaryOperator<TokenStream> filters) throws IOException {
    return collect(filters.apply(replay()));
  }

  private static SharedTokens collect(TokenStream stream) throws IOException {
    SharedTokens t = new SharedTokens();
    try (stream) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        t.add(term, offset.startOffset(), offset.endOffset(), inc.getPositionIncrement());
      }
      stream.end();
      t.finalOffset = offset.endOffset();
    }
    return t;
  }

  private void add(CharTermAttribute term, int s, int e, int inc) {
    int used = count == 0 ? 0 : termEnd[count - 1];
    if (used + term.length() > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + term.length()));
    }
    System.arraycopy(term.buffer(), 0, chars, used, term.length());
    if (count == termEnd.length) {
      int n = count * 2;
      termEnd = Arrays.copyOf(termEnd, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      posInc = Arrays.copyOf(posInc, n);
    }
    termEnd[count] = used + term.length();
    start[count] = s;
    end[count] = e;
    posInc[count] = inc;
    count++;
  }

  int size() {
    return count;
  }

  /** A fresh stream over the tokens, with terms, offsets and position increments. */
  TokenStream replay() {
    return replay(null);
  }

  /**
   * These tokens, keeping only those whose counterpart in {@code original} (the same tokens
   * before folding) looks like part of a name: it has a capital, a non-Latin letter, or letters
   * and digits together. Positions of skipped tokens are kept, so phrases still line up.
   */
  TokenStream replayNameLike(SharedTokens original) {
    if (original.count != count) {
      throw new IllegalArgumentException(
          "token counts differ: " + original.count + " original, " + count + " here");
    }
    return replay(original);
  }

  private boolean nameLike(int i) {
    int from = i == 0 ? 0 : termEnd[i - 1];
    boolean letter = false;
    boolean digit = false;
    for (int k = from; k < termEnd[i]; k++) {
      char c = chars[k];
      if (c >= 'A' && c <= 'Z') {
        return true;
      }
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c >= 'a' && c <= 'z') {
        letter = true;
      } else if (Character.isLetter(c)) {
        return true;
      }
    }
    return letter && digit;
  }

  private TokenStream replay(SharedTokens filter) {
    return new TokenStream() {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
      private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
      private int next;

      @Override
      public boolean incrementToken() {
        int skipped = 0;
        while (next < count && filter != null && !filter.nameLike(next)) {
          skipped += posInc[next];
          next++;
        }
        if (next >= count) {
          return false;
        }
        clearAttributes();
        int from = next == 0 ? 0 : termEnd[next - 1];
        term.copyBuffer(chars, from, termEnd[next] - from);
        offset.setOffset(start[next], end[next]);
        inc.setPositionIncrement(posInc[next] + skipped);
        next++;
        return true;
      }

      @Override
      public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        next = 0;
      }
    };
  }
}
