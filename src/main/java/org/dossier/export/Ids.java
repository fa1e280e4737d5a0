package org.dossier.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable ids for exported entities and graph nodes: the SHA-1 of the case's name and a key that
 * names the thing within the case ({@code document:<sha256>}, {@code entity:person:<name>} ...),
 * so the same case exported twice gives the same ids and two cases do not collide.
 */
final class Ids {
  private Ids() {}

  static String of(String caseName, String key) {
    return hex(sha1(), (caseName + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
  }

  static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-1 in this JVM", e);
    }
  }

  private static String hex(MessageDigest md, byte[] bytes) {
    return HexFormat.of().formatHex(md.digest(bytes));
  }
}
