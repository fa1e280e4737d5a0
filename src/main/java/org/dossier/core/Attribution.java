package org.dossier.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a statement is attributed to.
 *
 * @param statement what is attributed: a sentence, a quote, or the whole text for a dateline
 * @param source who says it, where it is named
 * @param sourceText the source's name as written
 * @param kind how the text attributes it
 * @param via who relays it, when the source spoke to someone else ("told the Washington Post"),
 *     as written; empty otherwise
 */
public record Attribution(
    Span statement, Span source, String sourceText, Kind kind, Optional<String> via) {

  /** How a statement is attributed. */
  public enum Kind {
    ACCORDING_TO("according-to"),
    SAID("said"),
    REPORTED("reported"),
    TOLD("told"),
    QUOTE("quote"),
    DATELINE("dateline");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Kind fromCode(String code) {
      return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown attribution kind " + code));
    }
  }

  public Attribution {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceText, "sourceText");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(via, "via");
  }
}
