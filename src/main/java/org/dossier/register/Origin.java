package org.dossier.register;

/**
 * Where a cell's value is known from: a record of the cache (a final document), only a draft of
 * one, or only the press.
 */
public enum Origin {
  RECORD("record"),
  DRAFT("draft"),
  PRESS("press");

  private final String code;

  Origin(String code) {
    this.code = code;
  }

  /** The JSON and CSV word: {@code record}, {@code draft}, {@code press}. */
  public String code() {
    return code;
  }

  /** What a reader is told about a value known only this way, or empty for a record. */
  public String caveat() {
    return switch (this) {
      case RECORD -> "";
      case DRAFT -> "known only from a draft";
      case PRESS -> "known only from the press, not from a record of the cache";
    };
  }
}
