package org.dossier.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dossier.core.DocumentId;
import org.dossier.core.EntityType;
import org.dossier.core.Qualifier;
import org.dossier.core.Span;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;

/**
 * One thing a document states, with who it says it comes from and where it says it: a value
 * about something ("five systems", "$5bn deal", "signed on Friday"), a name in a role ("arrested
 * Jack Doe"), or a statement (a sentence another document may repeat).
 *
 * @param document the document that states it
 * @param span the words that state it, in the document's extracted text
 * @param quote the text of {@code span}, verbatim
 * @param sentence the sentence it is in
 * @param context the sentence's text, clipped to {@link #CONTEXT} characters
 * @param stated what is stated
 * @param attributedTo who the clause attributes it to, as written, if anyone
 * @param subject what it is about, for people ("S-400 systems", "the deal", "arrest")
 * @param property what is stated about it ("value", "date", "number", "named", "statement")
 * @param draftDocument true when the whole document is marked as a draft
 * @param frame what it is about, for comparing it with other documents' claims
 */
public record Claim(
    DocumentId document,
    Span span,
    String quote,
    Span sentence,
    String context,
    Stated stated,
    Optional<String> attributedTo,
    String subject,
    String property,
    boolean draftDocument,
    Frame frame) {

  public static final int CONTEXT = 240;

  /** What a claim states. */
  public sealed interface Stated permits Measure, Named, Said, Trait {
    /** {@code money}, {@code count} ..., {@code name}, {@code statement} or a trait's property ({@code colour}). */
    String kind();

    /** The words as written. */
    String text();

    /** The value as compared: normalized number or date, resolved name, or the statement. */
    String normalized();
  }

  /**
   * A value.
   *
   * @param alternates the same value in other units, when the text states a conversion ("$584m
   *     (€555m)")
   */
  public record Measure(ValueMention value, List<Value> alternates) implements Stated {
    public Measure {
      Objects.requireNonNull(value, "value");
      alternates = List.copyOf(alternates);
    }

    @Override
    public String kind() {
      return value.value().kind();
    }

    @Override
    public String text() {
      return value.text();
    }

    @Override
    public String normalized() {
      return value.value().normalized();
    }
  }

  /**
   * A named person, organisation, place or item.
   *
   * @param name the name of the case entity it resolves to
   * @param text the name as written
   */
  public record Named(String name, EntityType type, String text) implements Stated {
    public Named {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
      return "name";
    }

    @Override
    public String normalized() {
      return name;
    }
  }

  /**
   * A quality a text gives a thing it names: its colour ("a green jacket", "une veste verte").
   *
   * @param property the quality: {@code colour}
   * @param value the quality as a glossary concept, which crosses languages ({@code green})
   * @param text the words as written
   */
  public record Trait(String property, String value, String text) implements Stated {
    public Trait {
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
      return property;
    }

    @Override
    public String normalized() {
      return value;
    }
  }

  /** A statement: a sentence or a quotation, which other documents may repeat or translate. */
  public record Said(String text) implements Stated {
    public Said {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
      return "statement";
    }

    @Override
    public String normalized() {
      return text;
    }
  }

  public Claim {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(sentence, "sentence");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(stated, "stated");
    Objects.requireNonNull(attributedTo, "attributedTo");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(frame, "frame");
  }

  /**
   * The same claims with their equal texts held once: the claims of one sentence repeat its
   * context, a statement's quote is its text, a name's is its subject. The link stage keeps every
   * document's claims until its findings are written, so these copies were most of its memory.
   */
  public static List<Claim> shared(List<Claim> claims) {
    return shared(claims, sharing());
  }

  /** One copy of each equal text given to it: {@link #shared}'s, for a document's other parts too. */
  static java.util.function.UnaryOperator<String> sharing() {
    Map<String, String> seen = new HashMap<>();
    return t -> seen.computeIfAbsent(t, k -> k);
  }

  /** {@link #shared}, the texts held once with those {@code one} has seen. */
  static List<Claim> shared(List<Claim> claims, java.util.function.UnaryOperator<String> one) {
    List<Claim> out = new ArrayList<>(claims.size());
    for (Claim c : claims) {
      Stated st = c.stated;
      if (st instanceof Measure m) {
        ValueMention v = m.value();
        st = new Measure(new ValueMention(v.span(), one.apply(v.text()), v.value(), v.qualifier()), m.alternates());
      } else if (st instanceof Named n) {
        st = new Named(one.apply(n.name()), n.type(), one.apply(n.text()));
      } else if (st instanceof Trait t) {
        st = new Trait(one.apply(t.property()), one.apply(t.value()), one.apply(t.text()));
      } else if (st instanceof Said said) {
        st = new Said(one.apply(said.text()));
      }
      out.add(new Claim(c.document, c.span, one.apply(c.quote), c.sentence, one.apply(c.context), st,
          c.attributedTo.map(one), one.apply(c.subject), one.apply(c.property), c.draftDocument, c.frame));
    }
    return out;
  }

  /** The value, when the claim states one. */
  public Optional<Measure> measure() {
    return stated instanceof Measure m ? Optional.of(m) : Optional.empty();
  }

  /** True when the value was later replaced: qualified as preliminary, or in a draft. */
  public boolean preliminary() {
    return draftDocument || qualifier().filter(q -> q.bound() == Qualifier.Bound.PRELIMINARY).isPresent();
  }

  /**
   * The qualifier the value carries, or, in a document marked as a draft, an implicit
   * "preliminary".
   */
  public Optional<Qualifier> qualifier() {
    Optional<Qualifier> own = measure().flatMap(m -> m.value().qualifier());
    if (own.isPresent() || !draftDocument) {
      return own;
    }
    return Optional.of(new Qualifier("in a draft", Qualifier.Bound.PRELIMINARY));
  }
}
