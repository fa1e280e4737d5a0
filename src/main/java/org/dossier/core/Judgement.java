package org.dossier.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One judgement of the analyst, kept in the case: a tag, a star or a note on a document; a claim,
 * an attribution or a propagation link marked wrong; a fact's status set by hand; a document's
 * outlet, headline, date or address set by hand; two names of entities merged into one entity or
 * split apart; or the undoing of an earlier one.
 * Judgements are appended, never edited, each attributed to a user and a time, and logged in
 * custody; the stages read the active ones (those not undone) and respect them.
 *
 * @param seq its number in the case, in the order made
 * @param target what it is about: {@link #document}, {@link #claim}, {@link #attribution},
 *     {@link #fact}, {@link #field}, {@link #link} or {@link #entity}
 * @param value the tag, the note, the status or field value set, or the other entity name merged
 *     or split; empty otherwise
 * @param undoes for an {@link Action#UNDO}, the judgement it reverses; 0 otherwise
 */
public record Judgement(long seq, Instant at, String user, String target, Action action, String value, String reason,
    long undoes) {
  /** What a judgement does. */
  public enum Action {
    TAG, STAR, NOTE, WRONG, STATUS, SET, MERGE, SPLIT, UNDO;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Action of(String code) {
      for (Action a : values()) {
        if (a.code().equals(code)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown judgement '" + code + "'; known: tag, star, note, wrong, status, set, merge, split, undo");
    }
  }

  /** Statuses a fact may be given by hand. */
  public static final Set<String> FACT_STATUSES = Set.of("agree", "conflict", "divergent", "single");

  /** A document's fields the analyst may set by hand. */
  public static final Set<String> FIELDS = Set.of("outlet", "headline", "date", "address");

  /** Longest entity name a judgement names. */
  public static final int MAX_NAME = 300;

  private static final Pattern TARGET = Pattern.compile(
      "document:[0-9a-f]{64}|(?:claim|attribution):[0-9a-f]{64}:\\d{1,10}-\\d{1,10}|fact:[0-9a-f]{16,64}"
      + "|field:[0-9a-f]{64}:(?:outlet|headline|date|address)|link:[0-9a-f]{64}:[0-9a-f]{64}"
      + "|entity:[a-z]{2,20}:[^\\p{Cc}]{1," + MAX_NAME + "}");

  public Judgement {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("a judgement names who made it");
    }
    if (target == null || !TARGET.matcher(target).matches()) {
      throw new IllegalArgumentException("not a judgement target: " + target);
    }
    String kind = target.substring(0, target.indexOf(':'));
    boolean fits = switch (action) {
      case TAG, STAR, NOTE -> kind.equals("document");
      case WRONG -> kind.equals("claim") || kind.equals("attribution") || kind.equals("link");
      case STATUS -> kind.equals("fact") && FACT_STATUSES.contains(value);
      case SET -> kind.equals("field");
      case MERGE, SPLIT -> kind.equals("entity");
      case UNDO -> undoes > 0;
    };
    if (!fits) {
      throw new IllegalArgumentException("'" + action.code() + "' does not apply to " + kind
          + (action == Action.STATUS ? " with status '" + value + "' (agree, conflict, divergent, single)" : ""));
    }
    if ((action == Action.TAG || action == Action.NOTE) && value.isBlank()) {
      throw new IllegalArgumentException("a " + action.code() + " needs its text");
    }
    if (action == Action.WRONG && reason.isBlank()) {
      throw new IllegalArgumentException("say why it is wrong (a reason)");
    }
    if (kind.equals("entity")) {
      EntityType.fromCode(entityPart(target, false));
    }
    if (action == Action.MERGE || action == Action.SPLIT) {
      if (value.isBlank() || value.length() > MAX_NAME || value.codePoints().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("a " + action.code() + " names the other entity (at most " + MAX_NAME
            + " characters, no control characters)");
      }
      if (value.strip().equals(entityPart(target, true))) {
        throw new IllegalArgumentException("a name cannot be " + (action == Action.MERGE ? "merged with" : "split from") + " itself");
      }
    }
    if (action == Action.SET) {
      String field = target.substring(target.lastIndexOf(':') + 1);
      if (value.codePoints().anyMatch(Character::isISOControl) || value.length() > 1000) {
        throw new IllegalArgumentException("a document's " + field + " is one line of at most 1000 characters");
      }
      if (field.equals("date") && !value.isEmpty()) {
        try {
          java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
          throw new IllegalArgumentException("a document's date is written YYYY-MM-DD; got " + value);
        }
      }
      if (field.equals("address") && !value.isEmpty() && !webAddress(value)) {
        throw new IllegalArgumentException("a document's address is a web address (http:// or https://); got " + value);
      }
    }
  }

  /** A judgement not yet stored (its seq is 0). */
  public static Judgement of(Instant at, String user, String target, Action action, String value, String reason) {
    return new Judgement(0, at, user, target, action, value, reason, 0);
  }

  /** The undoing of judgement {@code seq}, about the same target. */
  public static Judgement undo(Instant at, String user, Judgement undone, String reason) {
    return new Judgement(0, at, user, undone.target(), Action.UNDO, "", reason, undone.seq());
  }

  public static String document(DocumentId id) {
    return "document:" + id.sha256();
  }

  /** A claim: the quote at {@code start}..{@code end} of a document's text. */
  public static String claim(DocumentId id, int start, int end) {
    return "claim:" + id.sha256() + ":" + start + "-" + end;
  }

  /** Who a claim at this span is attributed to. */
  public static String attribution(DocumentId id, int start, int end) {
    return "attribution:" + id.sha256() + ":" + start + "-" + end;
  }

  /** A fact, by a key of its claims ({@link #factKey}). */
  public static String fact(String key) {
    return "fact:" + key;
  }

  /**
   * A document's field ({@link #FIELDS}) as the analyst sets it: a {@link Action#SET} with the new
   * value, empty for "it has none".
   */
  public static String field(DocumentId id, String field) {
    if (!FIELDS.contains(field)) {
      throw new IllegalArgumentException("a document's field is one of outlet, headline, date, address; got " + field);
    }
    return "field:" + id.sha256() + ":" + field;
  }

  /**
   * A propagation link of a document to its source: the other document (its id) or an outlet
   * outside the case (the SHA-256 of the outlet's folded name), as {@code SourceLink} keys it.
   */
  public static String link(DocumentId from, String toKey) {
    return "link:" + from.sha256() + ":" + toKey;
  }

  /** A name of the case's entities, of a type: merged with, or split from, another name. */
  public static String entity(EntityType type, String name) {
    return "entity:" + type.code() + ":" + name.strip();
  }

  /** The field a {@link #field} target sets. */
  public Optional<String> field() {
    return target.startsWith("field:") ? Optional.of(target.substring(target.lastIndexOf(':') + 1)) : Optional.empty();
  }

  /** The entity type an {@link #entity} target names. */
  public Optional<EntityType> entityType() {
    if (!target.startsWith("entity:")) {
      return Optional.empty();
    }
    return Optional.of(EntityType.fromCode(entityPart(target, false)));
  }

  /** The name an {@link #entity} target names; empty for other targets. */
  public String entityName() {
    if (!target.startsWith("entity:")) {
      return "";
    }
    return entityPart(target, true);
  }

  /** Of an {@code entity:TYPE:NAME} target, the name ({@code name}) or the type's code. */
  private static String entityPart(String target, boolean name) {
    int colon = target.indexOf(':', "entity:".length());
    return name ? target.substring(colon + 1) : target.substring("entity:".length(), colon);
  }

  /** True for a web address a document may be given: http or https, one line, no spaces, 1,000 characters at most. */
  public static boolean webAddress(String s) {
    return s.length() <= 1000 && s.matches("(?i)https?://[^\\s]+");
  }

  /**
   * A fact's key: the SHA-256 (first 16 bytes, hex) of its sorted claim targets, so that it
   * survives a new run of the link stage that finds the same claims, whatever the fact's number.
   */
  public static String factKey(List<String> claimTargets) {
    List<String> sorted = new ArrayList<>(claimTargets);
    sorted.sort(null);
    return Sha256.hex(String.join("\n", sorted)).substring(0, 32);
  }

  /** The document a target is about, if it names one. */
  public Optional<DocumentId> document() {
    Matcher m = Pattern.compile("^(?:document|claim|attribution|field|link):([0-9a-f]{64})").matcher(target);
    return m.find() ? Optional.of(new DocumentId(m.group(1))) : Optional.empty();
  }

  /** True when the link stage reads it: all but a document's tags, stars and notes. */
  public boolean bearsOnFindings() {
    return !target.startsWith("document:");
  }

  /** True when entity resolution reads it: a merge or a split of names. */
  public boolean bearsOnEntities() {
    return target.startsWith("entity:");
  }

  /** The judgements in force: every one not undone (undos themselves left out), in order. */
  public static List<Judgement> active(List<Judgement> all) {
    Set<Long> undone = new HashSet<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      Judgement j = all.get(i);
      if (j.action() == Action.UNDO && !undone.contains(j.seq())) {
        undone.add(j.undoes());
      }
    }
    List<Judgement> out = new ArrayList<>();
    for (Judgement j : all) {
      if (j.action() != Action.UNDO && !undone.contains(j.seq())) {
        out.add(j);
      }
    }
    return out;
  }
}
