package org.dossier.core;

import java.util.Arrays;

/**
 * What happened to a document or to a path of the input. {@link #OK} is the only clean outcome;
 * every other status comes with a reason a person can act on.
 */
public enum DocumentStatus {
  /** Stored, waiting for extraction. */
  PENDING("pending"),
  OK("ok"),
  /** Zero bytes. */
  EMPTY("empty"),
  /** Larger than the configured size cap: hashed and logged, not copied or parsed. */
  TOO_LARGE("too-large"),
  /** Password-protected or encrypted content. */
  ENCRYPTED("encrypted"),
  /** Truncated, malformed or otherwise unparseable. */
  CORRUPT("corrupt"),
  /** An image or scanned page with no text layer while Tesseract is unavailable. */
  NEEDS_OCR("needs-ocr"),
  /** The parser ran past its time bound and was killed. */
  TIMEOUT("timeout"),
  /** The parser ran out of its memory bound and was killed. */
  OUT_OF_MEMORY("out-of-memory"),
  /** A container that breaks a cap on expansion ratio, total size, depth or entry count. */
  BOMB("bomb"),
  /** An archive entry whose name is absolute or climbs out with {@code ../}. */
  UNSAFE_PATH("unsafe-path"),
  /** XML declaring external entities; they were not resolved. */
  UNSAFE_XML("unsafe-xml"),
  /** A file name that is not valid UTF-8. */
  BAD_NAME("bad-name"),
  /** A symbolic link that points outside the input; not followed. */
  SYMLINK_OUTSIDE("symlink-outside"),
  /** A FIFO, socket or device: not a regular file. */
  NOT_REGULAR("not-regular"),
  /** The operating system refused to read it. */
  UNREADABLE("unreadable"),
  /** An unexpected failure of the extractor itself. */
  FAILED("failed");

  private final String code;

  DocumentStatus(String code) {
    this.code = code;
  }

  /** The stable name used in the database, in JSON and on the command line. */
  public String code() {
    return code;
  }

  /** True for every status that {@code dossier status} lists as a problem. */
  public boolean isProblem() {
    return this != OK && this != PENDING;
  }

  public static DocumentStatus fromCode(String code) {
    return Arrays.stream(values())
        .filter(s -> s.code.equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown status '" + code + "'; known: " + Arrays.toString(values())));
  }

  @Override
  public String toString() {
    return code;
  }
}
