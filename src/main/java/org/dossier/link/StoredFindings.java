package org.dossier.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dossier.core.Qualifier;

/**
 * The link stage's findings as the reading side sees them: typed records for the rows that
 * {@link Findings} stores (stories, facts, sources, timeline events, coverage claims), and the
 * one decoder from a stored row to them (the static methods here, which alone know the field
 * names). Readers (the report, the verify stage, the commands) use these records and never the
 * JSON field names, so that a renamed field fails in one place, loudly: a row that lacks a field
 * the contract requires is an {@link IllegalArgumentException} naming the row and the field.
 */
public final class StoredFindings {
  private StoredFindings() {}

  /** What a reader reports of a stored row the decoders below refused: the case is not this version's to read. */
  public static java.io.IOException unreadable(IllegalArgumentException refused) {
    return new java.io.IOException("the case's stored findings are not what this version reads: " + refused.getMessage(),
        refused);
  }

  /** A stored row's text as a JSON tree, for the decoders below (and for {@code --json} output). */
  public static JsonNode tree(String row) {
    return Decoder.tree(row);
  }

  /** A {@link Findings#STORY} row. */
  public static Story story(JsonNode row) {
    return Decoder.story(row);
  }

  /** A {@link Findings#FACT} row. */
  public static Fact fact(JsonNode row) {
    return Decoder.fact(row);
  }

  /** A {@link Findings#SOURCE} row. */
  public static Source source(JsonNode row) {
    return Decoder.source(row);
  }

  /** A {@link Findings#EVENT} row. */
  public static Event event(JsonNode row) {
    return Decoder.event(row);
  }

  /** A {@link Findings#COVERAGE} row. */
  public static Coverage coverage(JsonNode row) {
    return Decoder.coverage(row);
  }

  /** The value kinds that are figures: compared by size. */
  private static final Set<String> FIGURES = Set.of("money", "quantity", "count", "percent");

  /**
   * A value as a claim states it.
   *
   * @param kind {@code money}, {@code quantity}, {@code count}, {@code date}, {@code percent},
   *     {@code name} or {@code statement}
   * @param text the words as written
   * @param normalized as compared: a plain decimal, {@code "<amount> <ISO currency>"} for money,
   *     an ISO 8601 prefix for a date, the resolved name, the statement
   * @param qualifier what hedges or bounds it ("more than", "in a draft"), if anything
   * @param alternates the same value in other units, normalized, when the text states a conversion
   */
  public record Value(String kind, String text, String normalized, Optional<Qualifier> qualifier,
      List<String> alternates) {
    public Value {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(normalized, "normalized");
      Objects.requireNonNull(qualifier, "qualifier");
      alternates = List.copyOf(alternates);
    }

    /** True for an amount of money, a number of things, a count or a percentage. */
    public boolean figure() {
      return FIGURES.contains(kind);
    }

    /** True for a date (an ISO 8601 prefix). */
    public boolean date() {
      return kind.equals("date") && normalized.matches(org.dossier.core.Value.Date.FORM);
    }

    /** The number of a figure (the amount of money), when it reads as one. */
    public Optional<BigDecimal> number() {
      return figure() ? number(normalized) : Optional.empty();
    }

    /** The ISO currency of an amount of money. */
    public Optional<String> currency() {
      return kind.equals("money") ? currency(normalized) : Optional.empty();
    }

    /** The amount in {@code currency}: the value itself or a conversion the text states. */
    public Optional<BigDecimal> amountIn(String currency) {
      if (!kind.equals("money")) {
        return Optional.empty();
      }
      if (currency(normalized).filter(currency::equals).isPresent()) {
        return number(normalized);
      }
      return alternates.stream().filter(a -> currency(a).filter(currency::equals).isPresent()).findFirst()
          .flatMap(Value::number);
    }

    private static Optional<BigDecimal> number(String normalized) {
      String n = normalized.strip();
      int space = n.indexOf(' ');
      String digits = space < 0 ? n : n.substring(0, space);
      if (!digits.matches("-?\\d+(\\.\\d+)?")) {
        return Optional.empty();
      }
      return Optional.of(new BigDecimal(digits));
    }

    private static Optional<String> currency(String normalized) {
      String n = normalized.strip();
      int space = n.lastIndexOf(' ');
      String code = space < 0 ? "" : n.substring(space + 1);
      return code.matches("[A-Z]{3}") ? Optional.of(code) : Optional.empty();
    }
  }

  /**
   * One claim: what a document states, where, and who it says it comes from.
   *
   * @param document the document's name (its path relative to the ingested folder)
   * @param start offset of the quote in the document's extracted text
   * @param end offset after it
   * @param quote the words, verbatim
   * @param attributedTo who the document attributes it to, as written
   * @param context the sentence it is in (clipped), or empty
   * @param genre what the document is: {@code article} (press) or a kind of record
   */
  public record Claim(String document, int start, int end, String quote, Value value,
      Optional<String> attributedTo, String context, String genre, Reading reading) {
    /** A claim without the stage's reading of it (findings of an earlier version, tests). */
    public Claim(String document, int start, int end, String quote, Value value,
        Optional<String> attributedTo, String context, String genre) {
      this(document, start, end, quote, value, attributedTo, context, genre, Reading.NONE);
    }

    public Claim {
      Objects.requireNonNull(reading, "reading");
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(quote, "quote");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(attributedTo, "attributedTo");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(genre, "genre");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("a claim needs 0 <= start <= end, got " + start + ".." + end);
      }
    }

    /** True when the document is press coverage rather than material of the cache. */
    public boolean press() {
      return genre.equals("article");
    }
  }

  /**
   * What the link stage read around a claim, beyond what it states.
   *
   * @param sentenceStart offset of the claim's sentence in the document's text ({@code -1} when unknown)
   * @param sentenceEnd offset after it
   * @param events the kinds of event the claim's value is about, as the stage read them from the
   *     words beside it ({@code deal}, {@code delivery}, {@code payment} ...; see {@code events.tsv})
   * @param entityType for a name, its type's code ({@code person}, {@code organization}, {@code
   *     place}, {@code equipment} ...)
   * @param draft true when the whole document is marked as a draft
   */
  public record Reading(int sentenceStart, int sentenceEnd, Set<String> events, Optional<String> entityType,
      boolean draft) {
    /** Nothing known: findings of a version that did not store it. */
    public static final Reading NONE = new Reading(-1, -1, Set.of(), Optional.empty(), false);

    public Reading {
      events = Set.copyOf(events);
      Objects.requireNonNull(entityType, "entityType");
    }

    /** True when the sentence is known. */
    public boolean located() {
      return sentenceStart >= 0;
    }
  }

  /**
   * Claims of one story about the same thing, and whether they agree.
   *
   * @param status {@code agree}, {@code conflict}, {@code divergent} or {@code single}
   * @param explanation why, in a sentence
   */
  public record Fact(String id, String story, String subject, String property, String status,
      String explanation, List<Claim> claims) {
    public Fact {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(story, "story");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(explanation, "explanation");
      claims = List.copyOf(claims);
    }
  }

  /**
   * A passage that supports a finding.
   *
   * @param note what it shows, when the passage alone does not say
   */
  public record Evidence(String document, int start, int end, String quote, Optional<String> note) {
    public Evidence {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(quote, "quote");
      Objects.requireNonNull(note, "note");
    }
  }

  /**
   * How a document relates to an upstream source.
   *
   * @param to the other document's name, or an outlet named in the text
   * @param relation {@code copies}, {@code translates}, {@code rewrites} or {@code shares-source}
   * @param inCase true when {@code to} is a document of the case
   */
  public record Link(String to, String relation, boolean inCase, List<Evidence> evidence, String target) {
    public Link {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(relation, "relation");
      Objects.requireNonNull(target, "target");
      evidence = List.copyOf(evidence);
    }

    /** A link without the analyst's name for it (findings of an earlier version). */
    public Link(String to, String relation, boolean inCase, List<Evidence> evidence) {
      this(to, relation, inCase, evidence, "");
    }
  }

  /**
   * A document and where its content comes from.
   *
   * @param kind {@code original}, {@code repost}, {@code translation} or {@code rewrite}
   * @param genre {@code article} or a kind of record ({@code contract}, {@code letter} ...)
   * @param outlet the outlet that published it, when it is an article that names one
   * @param headline its headline or first line
   * @param date its own date
   * @param address its web address, when known
   * @param setByHand which of outlet, headline, date and address the analyst set
   */
  public record Source(String document, String kind, String genre, Optional<String> outlet,
      Optional<String> headline, Optional<LocalDate> date, List<Link> links, List<Evidence> evidence,
      Optional<String> address, java.util.Set<String> setByHand) {
    public Source(String document, String kind, String genre, Optional<String> outlet,
        Optional<String> headline, Optional<LocalDate> date, List<Link> links, List<Evidence> evidence) {
      this(document, kind, genre, outlet, headline, date, links, evidence, Optional.empty(), java.util.Set.of());
    }

    public Source {
      Objects.requireNonNull(address, "address");
      setByHand = java.util.Set.copyOf(setByHand);
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(genre, "genre");
      Objects.requireNonNull(outlet, "outlet");
      Objects.requireNonNull(headline, "headline");
      Objects.requireNonNull(date, "date");
      links = List.copyOf(links);
      evidence = List.copyOf(evidence);
    }
  }

  /** A document of a story, and its genre. */
  public record Member(String document, String genre) {
    public Member {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(genre, "genre");
    }
  }

  /** Documents about the same event, titled by a headline. */
  public record Story(String id, String title, List<Member> documents) {
    public Story {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      documents = List.copyOf(documents);
    }
  }

  /**
   * A dated event of the timeline.
   *
   * @param date an ISO 8601 prefix
   * @param what the event's subject
   * @param fact the date fact it comes from
   * @param alongside the other dates that fact's sources give, when they conflict
   */
  public record Event(String date, String what, String fact, String story, String status,
      List<String> alongside, List<Claim> claims) {
    public Event {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(fact, "fact");
      Objects.requireNonNull(story, "story");
      Objects.requireNonNull(status, "status");
      alongside = List.copyOf(alongside);
      claims = List.copyOf(claims);
    }
  }

  /**
   * A claim of the press set against the cache's own documents.
   *
   * @param status {@code supported}, {@code contradicted} or {@code not-found}
   * @param explanation why, when the comparison needs saying
   * @param evidence the cache's claims it rests on
   */
  public record Coverage(Claim claim, String subject, String property, String status,
      Optional<String> explanation, List<Claim> evidence) {
    public Coverage {
      Objects.requireNonNull(claim, "claim");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(explanation, "explanation");
      evidence = List.copyOf(evidence);
    }
  }
}
