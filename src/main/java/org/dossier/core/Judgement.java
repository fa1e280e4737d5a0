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
 * One judgement of the analyst, kept in the case: a tag, a star or a note on a document; a claim
 * or an attribution marked wrong; a fact's status set by hand; or the undoing of an earlier one.
 * Judgements are appended, never edited, each attributed to a user and a time, and logged in
 * custody; the stages read the active ones (those not undone) and respect them.
 *
 * @param seq its number in the case, in the order made
 * @param target what it is about: {@link #document}, {@link #claim}, {@link #attribution} or {@link #fact}
 * @param value the tag, the note, or the status set; empty otherwise
 * @param undoes for an {@link Action#UNDO}, the judgement it reverses; 0 otherwise
 */
public record Judgement(long seq, Instant at, String user, String target, Action action, String value, String reason,
    long undoes) {
  /** What a judgement does. */
  public enum Action {
    TAG, STAR, NOTE, WRONG, STATUS, UNDO;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Action of(String code) {
      for (Action a : values()) {
        if (a.code().equals(code)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown judgement '" + code + "'; known: tag, star, note, wrong, status, undo");
    }
  }

  /** Statuses a fact may be given by hand. */
  public static final Set<String> FACT_STATUSES = Set.of("agree", "conflict", "divergent", "single");

  private static final Pattern TARGET = Pattern.compile(
      "document:[0-9a-f]{64}|(?:claim|attribution):[0-9a-f]{64}:\\d{1,10}-\\d{1,10}|fact:[0-9a-f]{16,64}");

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
      case WRONG -> kind.equals("claim") || kind.equals("attribution");
      case STATUS -> kind.equals("fact") && FACT_STATUSES.contains(value);
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
   * A fact's key: the SHA-256 (first 16 bytes, hex) of its sorted claim targets, so that it
   * survives a new run of the link stage that finds the same claims, whatever the fact's number.
   */
  public static String factKey(List<String> claimTargets) {
    List<String> sorted = new ArrayList<>(claimTargets);
    sorted.sort(null);
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256")
          .digest(String.join("\n", sorted).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        hex.append(String.format(Locale.ROOT, "%02x", h[i]));
      }
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document a target is about, if it names one. */
  public Optional<DocumentId> document() {
    Matcher m = Pattern.compile("^(?:document|claim|attribution):([0-9a-f]{64})").matcher(target);
    return m.find() ? Optional.of(new DocumentId(m.group(1))) : Optional.empty();
  }

  /** True when the link stage reads it: claims, attributions and facts (not a document's tags). */
  public boolean bearsOnFindings() {
    return !target.startsWith("document:");
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
