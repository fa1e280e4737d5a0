package org.dossier.analyze;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dossier.core.Attribution;
import org.dossier.core.EntityMention;
import org.dossier.core.Span;
import org.dossier.core.ValueMention;

/**
 * A piece of text being annotated: one chunk of a document. Offsets are relative to {@link
 * #text()}; the analyzer shifts them to the document when it collects the chunk.
 */
public final class Draft {
  private final String text;
  private final String language;
  private final Optional<LocalDate> documentDate;
  final List<Span> sentences = new ArrayList<>();
  final List<EntityMention> entities = new ArrayList<>();
  final List<ValueMention> values = new ArrayList<>();
  final List<Attribution> attributions = new ArrayList<>();

  public Draft(String text, String language, Optional<LocalDate> documentDate) {
    this.text = text;
    this.language = language;
    this.documentDate = documentDate;
  }

  public String text() {
    return text;
  }

  /** ISO 639-1 code, or {@code und}. */
  public String language() {
    return language;
  }

  public Optional<LocalDate> documentDate() {
    return documentDate;
  }

  public List<Span> sentences() {
    return sentences;
  }

  public List<EntityMention> entities() {
    return entities;
  }

  public List<ValueMention> values() {
    return values;
  }

  public List<Attribution> attributions() {
    return attributions;
  }

  String cover(Span s) {
    return text.substring(s.start(), s.end());
  }
}
