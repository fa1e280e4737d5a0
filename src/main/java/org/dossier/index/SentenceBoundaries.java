package org.dossier.index;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * The JDK's sentence boundaries, found once per text: the highlighter asks for the boundary
 * before and after every match, and the JDK's iterator answers each {@code preceding} by backing
 * up and scanning forward again, a quarter of a search's time on texts with many matches. This
 * walks forward once over the stretch of text the matches are in, keeps the boundaries it
 * passes, and answers from them; past {@link #WALK} characters beyond them it looks the next one
 * up as the JDK's iterator does. The answers are the JDK's, the same boundaries in the same order.
 */
final class SentenceBoundaries extends BreakIterator {
  /** Beyond the boundaries found, this many characters are walked to; farther, the boundary is looked up. */
  static final int WALK = 2_000;

  private final BreakIterator base;
  /** found[0..count) are consecutive boundaries of the text; the base iterator stands at the last. */
  private int[] found = new int[32];
  private int count;
  private int current;
  private int begin;
  private int end;

  SentenceBoundaries() {
    this(BreakIterator.getSentenceInstance(Locale.ROOT));
  }

  private SentenceBoundaries(BreakIterator base) {
    this.base = base;
    CharacterIterator t = base.getText();
    begin = t.getBeginIndex();
    end = t.getEndIndex();
    current = base.current();
    anchor(current);
  }

  @Override
  public void setText(String text) {
    base.setText(text);
    reset();
  }

  @Override
  public void setText(CharacterIterator text) {
    base.setText(text);
    reset();
  }

  private void reset() {
    CharacterIterator t = base.getText();
    begin = t.getBeginIndex();
    end = t.getEndIndex();
    current = base.first();
    anchor(current);
  }

  @Override
  public CharacterIterator getText() {
    return base.getText();
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public int first() {
    current = base.first();
    anchor(current);
    return current;
  }

  @Override
  public int last() {
    current = base.last();
    anchor(current);
    return current;
  }

  @Override
  public int next() {
    return following(current);
  }

  @Override
  public int previous() {
    return preceding(current);
  }

  @Override
  public int next(int n) {
    int b = current;
    for (int i = 0; i < n && b != DONE; i++) {
      b = next();
    }
    for (int i = 0; i > n && b != DONE; i--) {
      b = previous();
    }
    return b;
  }

  /** The first boundary after {@code offset}; DONE (the position at the text's end, as the JDK's) when there is none. */
  @Override
  public int following(int offset) {
    check(offset);
    if (offset >= end) {
      current = end;
      return DONE;
    }
    if (offset < found[0] || offset >= found[count - 1] + WALK) {
      anchor(base.preceding(offset + 1)); // the boundary at or before offset
    }
    walkTo(offset + 1);
    int i = Arrays.binarySearch(found, 0, count, offset + 1);
    current = found[i >= 0 ? i : -i - 1];
    return current;
  }

  /** The last boundary before {@code offset}; DONE (the position at the text's start, as the JDK's) when there is none. */
  @Override
  public int preceding(int offset) {
    check(offset);
    if (offset <= begin) {
      current = begin;
      return DONE;
    }
    if (offset <= found[0] || offset > found[count - 1] + WALK) {
      anchor(base.preceding(offset));
    }
    walkTo(offset);
    int i = Arrays.binarySearch(found, 0, count, offset);
    current = found[(i >= 0 ? i : -i - 1) - 1];
    return current;
  }

  @Override
  public Object clone() {
    SentenceBoundaries c = new SentenceBoundaries((BreakIterator) base.clone());
    c.found = found.clone();
    c.count = count;
    c.current = current;
    return c;
  }

  /** Starts the boundaries found again at {@code boundary}, where the base iterator stands. */
  private void anchor(int boundary) {
    count = 0;
    add(boundary);
  }

  private void add(int boundary) {
    if (count == found.length) {
      found = Arrays.copyOf(found, count * 2);
    }
    found[count++] = boundary;
  }

  /** Walks forward until a boundary at or after {@code offset} is found (the text's end is one). */
  private void walkTo(int offset) {
    while (found[count - 1] < offset) {
      int b = base.next();
      if (b == DONE) {
        return;
      }
      add(b);
    }
  }

  private void check(int offset) {
    if (offset < begin || offset > end) {
      throw new IllegalArgumentException("offset " + offset + " is outside the text [" + begin + ", " + end + "]");
    }
  }
}
