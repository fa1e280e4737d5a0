package org.dossier.core;

import java.util.Arrays;

/** How far a document has gone through the ingest pipeline; each stage implies the ones before. */
public enum Stage {
  /** The original is stored and logged. */
  COLLECTED("collected"),
  /** Text, metadata and embedded documents are recorded. */
  EXTRACTED("extracted"),
  /** The document is in the committed search index. */
  INDEXED("indexed");

  private final String code;

  Stage(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Stage fromCode(String code) {
    return Arrays.stream(values())
        .filter(s -> s.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown stage '" + code + "'"));
  }
}
