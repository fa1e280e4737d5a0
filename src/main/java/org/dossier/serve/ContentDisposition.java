package org.dossier.serve;

import java.nio.charset.StandardCharsets;

/** The Content-Disposition of a download named after a document (RFC 6266: an ASCII fallback and the UTF-8 name). */
final class ContentDisposition {
  private ContentDisposition() {}

  static String attachment(String documentName) {
    int slash = documentName.lastIndexOf('/');
    String name = documentName.substring(slash + 1);
    StringBuilder ascii = new StringBuilder();
    name.codePoints().forEach(c -> {
      boolean plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%';
      ascii.append(plain ? (char) c : '_');
    });
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean token = Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0;
      encoded.append(token ? String.valueOf((char) c) : String.format(java.util.Locale.ROOT, "%%%02X", c));
    }
    String fallback = ascii.toString().isBlank() ? "document" : ascii.toString();
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
  }
}
