package org.dossier.core;

import java.util.Objects;

/**
 * A name in the text.
 *
 * @param span where
 * @param text the words as written
 * @param type what it names
 * @param canonical the fullest name this document gives the same entity (an acronym's
 *     expansion, a surname's full name); equal to {@code text} when there is none
 * @param source what found it: {@code corenlp}, {@code hanlp}, {@code rules}, {@code gazetteer}
 */
public record EntityMention(Span span, String text, EntityType type, String canonical, String source) {
  public EntityMention {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(canonical, "canonical");
    Objects.requireNonNull(source, "source");
  }

  public EntityMention withCanonical(String name) {
    return new EntityMention(span, text, type, name, source);
  }
}
