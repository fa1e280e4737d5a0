package org.dossier.collect;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the name a container gives an entry safe to use inside a document name. Nothing is ever
 * written to disk under such a name; this only keeps names readable and free of traversal.
 */
public final class EntryNames {
  private static final int MAX_LENGTH = 400;

  private EntryNames() {}

  /**
   * @param name the safe relative name
   * @param unsafe true when the original name was absolute or climbed out with {@code ..}
   */
  public record Safe(String name, boolean unsafe) {}

  /**
   * @param entryName the name as the container gives it
   * @param archive true for archives, whose absolute names are suspect; other containers (office
   *     packages) name their parts from the root by design
   */
  public static Safe sanitize(String entryName, boolean archive) {
    String raw = entryName.replace('\\', '/');
    boolean unsafe = false;
    if (archive && (raw.startsWith("/") || raw.matches("^[A-Za-z]:/.*"))) {
      unsafe = true;
    }
    List<String> parts = new ArrayList<>();
    for (String part : raw.split("/")) {
      String clean = stripControls(part).strip();
      if (clean.isEmpty() || clean.equals(".")) {
        continue;
      }
      if (clean.equals("..")) {
        unsafe = true;
        continue;
      }
      if (parts.isEmpty() && clean.matches("^[A-Za-z]:$")) {
        continue; // drive letter of an absolute Windows name
      }
      parts.add(clean);
    }
    String name = parts.isEmpty() ? "unnamed" : String.join("/", parts);
    if (name.length() > MAX_LENGTH) {
      name = name.substring(0, MAX_LENGTH);
    }
    return new Safe(name, unsafe);
  }

  private static String stripControls(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .filter(cp -> !Character.isISOControl(cp))
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
