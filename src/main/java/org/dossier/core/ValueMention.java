package org.dossier.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A value in the text.
 *
 * @param span where, qualifier included
 * @param text the words as written
 * @param value what they state
 * @param qualifier what hedges or bounds it, if anything
 */
public record ValueMention(Span span, String text, Value value, Optional<Qualifier> qualifier) {
  public ValueMention {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(qualifier, "qualifier");
  }
}
