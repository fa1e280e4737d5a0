package org.dossier.core;

import java.util.Objects;

/**
 * The words that hedge or bound a value ("more than", "about", "before it was finalized"), kept
 * as written and read as a bound.
 */
public record Qualifier(String text, Bound bound) {
  /** How a qualifier bounds its value. */
  public enum Bound {
    /** "more than", "over", "at least", "свыше", "超过": the true value is at or above. */
    AT_LEAST,
    /** "up to", "less than", "under", "до", "不到": the true value is at or below. */
    AT_MOST,
    /** "about", "nearly", "around", "около", "约": close to the value. */
    ABOUT,
    /** "by 2027", "no later than": a deadline; the event happens at or before. */
    BY,
    /** "as early as", "from": the event happens at or after. */
    FROM,
    /** "before it was finalized", "preliminary", "draft": a value that was later replaced. */
    PRELIMINARY
  }

  public Qualifier {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(bound, "bound");
  }
}
