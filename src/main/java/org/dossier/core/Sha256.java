package org.dossier.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex: of bytes (a custody log line), of a text's UTF-8 bytes (a token, a name), or of several parts. */
public final class Sha256 {
  private Sha256() {}

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A SHA-256 of several parts, each closed off by a zero byte so that two lists of parts give one
   * hash only when they are the same parts (a key of what something was made from).
   */
  public static final class Parts {
    private final MessageDigest sha = digest();

    public Parts add(String part) {
      return add(part.getBytes(StandardCharsets.UTF_8));
    }

    public Parts add(byte[] part) {
      sha.update(part);
      sha.update((byte) 0);
      return this;
    }

    /** The hash of the parts added, in lower-case hex. */
    public String hex() {
      return HexFormat.of().formatHex(sha.digest());
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
