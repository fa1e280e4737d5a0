package org.dossier.link;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dossier.core.DocumentId;
import org.dossier.core.Qualifier;
import org.dossier.core.Span;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;

/**
 * One thing a document states: a subject, a property of it, and a value, with who says so and
 * where.
 *
 * @param document the document that states it
 * @param span the value and the words naming its subject when they are adjacent, in the
 *     document's extracted text
 * @param quote the text of {@code span}, verbatim
 * @param sentence the sentence it is in
 * @param context the sentence's text, clipped to {@link #CONTEXT} characters
 * @param value the value mention it is read from
 * @param alternates the same value in other units, when the text states a conversion ("$584m
 *     (€555m)")
 * @param attributedTo who the document attributes it to, as written, if anyone
 * @param subject what it is about, for people ("Kestrel-9M", "the contract", "agreement")
 * @param subjectKey what it is about, for grouping: the resolved entity or concept
 * @param property what is stated about it ("quantity", "value", "date", "count in 2024")
 * @param propertyKey the property for grouping
 * @param draftDocument true when the whole document is marked as a draft
 */
public record Claim(
    DocumentId document,
    Span span,
    String quote,
    Span sentence,
    String context,
    ValueMention value,
    List<Value> alternates,
    Optional<String> attributedTo,
    String subject,
    String subjectKey,
    String property,
    String propertyKey,
    boolean draftDocument) {

  public static final int CONTEXT = 240;

  public Claim {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(sentence, "sentence");
    Objects.requireNonNull(value, "value");
    alternates = List.copyOf(alternates);
    Objects.requireNonNull(attributedTo, "attributedTo");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(subjectKey, "subjectKey");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(propertyKey, "propertyKey");
  }

  /** What claims about the same thing share: subject and property. */
  public String key() {
    return subjectKey + "|" + propertyKey;
  }

  /** True when the value was later replaced: qualified as preliminary, or in a draft. */
  public boolean preliminary() {
    return draftDocument || value.qualifier().filter(q -> q.bound() == Qualifier.Bound.PRELIMINARY).isPresent();
  }

  /**
   * The qualifier the value carries, or, in a document marked as a draft, an implicit
   * "preliminary".
   */
  public Optional<Qualifier> qualifier() {
    if (value.qualifier().isPresent() || !draftDocument) {
      return value.qualifier();
    }
    return Optional.of(new Qualifier("in a draft", Qualifier.Bound.PRELIMINARY));
  }
}
