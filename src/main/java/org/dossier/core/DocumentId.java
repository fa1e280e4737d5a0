package org.dossier.core;

import java.util.regex.Pattern;

/** The identity of a document: the lowercase hex SHA-256 of its original bytes. */
public record DocumentId(String sha256) implements Comparable<DocumentId> {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public DocumentId {
    if (sha256 == null || !HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "a document id must be 64 lowercase hex digits (SHA-256), got: " + sha256);
    }
  }

  /** The first 12 hex digits, enough to tell documents apart in a human listing. */
  public String shortForm() {
    return sha256.substring(0, 12);
  }

  @Override
  public int compareTo(DocumentId other) {
    return sha256.compareTo(other.sha256);
  }

  @Override
  public String toString() {
    return sha256;
  }
}
