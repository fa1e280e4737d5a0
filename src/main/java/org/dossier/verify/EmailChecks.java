package org.dossier.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;

/**
 * Email checks on the original message: the Received chain against the Date header, the
 * Message-ID domain against the From domain, DKIM signatures verified with Apache James jDKIM
 * against public keys the user supplies (there is no DNS here), and the threading facts
 * ({@link Thread}) that let quoted replies be compared with the messages they quote.
 */
final class EmailChecks {
  private EmailChecks() {}

  /** Headers read at most; a message with more is read as far as this. */
  static final int MAX_MESSAGE = 32 << 20;
  private static final Pattern DOMAIN = Pattern.compile("@([A-Za-z0-9.-]+)");
  private static final Pattern TAG = Pattern.compile("(?:^|;)\\s*([a-z]+)\\s*=\\s*([^;]*)");

  /** What threading needs of a message: its id and the ids it answers (its body is the document's text). */
  record Message(String id, List<String> parents) {}

  static Optional<Message> run(Subject s, List<Signal> out, Map<String, List<String>> keys) throws IOException {
    if (s.original().isEmpty() || !s.mediaType().startsWith("message/rfc822")) {
      return Optional.empty();
    }
    byte[] bytes = Files.readAllBytes(s.original().get());
    if (bytes.length > MAX_MESSAGE) {
      return Optional.empty();
    }
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = raw.indexOf("\r\n\r\n");
    int sep = 4;
    if (end < 0 || raw.indexOf("\n\n") >= 0 && raw.indexOf("\n\n") < end) {
      end = raw.indexOf("\n\n");
      sep = 2;
    }
    if (end < 0) {
      return Optional.empty();
    }
    Map<String, List<String>> headers = headers(raw.substring(0, end));
    String from = first(headers, "from").orElse("");
    Optional<String> fromDomain = domain(from);
    // the Date header against the servers that received the message
    Optional<Instant> date = first(headers, "date").flatMap(EmailChecks::rfc2822);
    List<Instant> received = new ArrayList<>();
    for (String r : headers.getOrDefault("received", List.of())) {
      int semi = r.lastIndexOf(';');
      if (semi >= 0) {
        rfc2822(r.substring(semi + 1)).ifPresent(received::add);
      }
    }
    if (date.isPresent() && !received.isEmpty()) {
      Instant firstHop = received.stream().min(Instant::compareTo).get();
      Instant lastHop = received.stream().max(Instant::compareTo).get();
      long before = firstHop.getEpochSecond() - date.get().getEpochSecond();
      if (date.get().isAfter(lastHop.plusSeconds(15 * 60))) {
        out.add(Signal.of(s.id(), "email_date_before_received", "The Date header (" + date.get()
            + ") is later than the last server received the message (" + lastHop + ").",
            Map.of("date", date.get().toString(), "firstReceived", firstHop.toString(), "lastReceived", lastHop.toString())));
      } else if (before > 24 * 3600) {
        out.add(Signal.of(s.id(), "email_date_before_received", "The message is dated " + (before / 3600)
            + " hours before the first server received it (" + firstHop + ").",
            Map.of("date", date.get().toString(), "firstReceived", firstHop.toString(), "lastReceived", lastHop.toString())));
      }
    }
    Optional<String> messageId = first(headers, "message-id");
    Optional<String> idDomain = messageId.flatMap(EmailChecks::domain);
    if (idDomain.isPresent() && fromDomain.isPresent() && !related(idDomain.get(), fromDomain.get())) {
      out.add(Signal.of(s.id(), "email_message_id_domain", "The Message-ID was made in " + idDomain.get()
          + ", the sender writes from " + fromDomain.get() + ".",
          Map.of("messageId", messageId.get(), "from", from)));
    }
    dkim(s, bytes, headers, fromDomain, keys, out);
    List<String> parents = new ArrayList<>();
    first(headers, "in-reply-to").ifPresent(v -> parents.addAll(ids(v)));
    first(headers, "references").ifPresent(v -> ids(v).forEach(x -> {
      if (!parents.contains(x)) {
        parents.add(x);
      }
    }));
    return messageId.map(id -> new Message(ids(id).isEmpty() ? id.strip() : ids(id).get(0), parents));
  }

  private static void dkim(Subject s, byte[] bytes, Map<String, List<String>> headers, Optional<String> fromDomain,
      Map<String, List<String>> keys, List<Signal> out) {
    List<String> sigs = headers.getOrDefault("dkim-signature", List.of());
    if (sigs.isEmpty()) {
      out.add(Signal.of(s.id(), "dkim_unsigned", "The message carries no DKIM signature.", Map.of()));
      return;
    }
    Map<String, String> tags = new LinkedHashMap<>();
    Matcher m = TAG.matcher(sigs.get(0).replaceAll("\\s+", " "));
    while (m.find()) {
      tags.put(m.group(1), m.group(2).strip());
    }
    String d = tags.getOrDefault("d", "");
    String sel = tags.getOrDefault("s", "");
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("d", d);
    ev.put("s", sel);
    ev.put("from", fromDomain.orElse(""));
    ev.put("aligned", fromDomain.map(f -> related(f, d)).orElse(false));
    String record = sel + "._domainkey." + d;
    if (!keys.containsKey(record.toLowerCase(Locale.ROOT))) {
      ev.put("missingKey", record);
      out.add(Signal.of(s.id(), "dkim_no_key", "The message is DKIM-signed by " + d + " (selector " + sel
          + ") but no public key for " + record + " was supplied.", ev));
      return;
    }
    DKIMVerifier verifier = new DKIMVerifier((method, selector, token) -> {
      List<String> r = keys.get((selector + "._domainkey." + token).toString().toLowerCase(Locale.ROOT));
      if (r == null) {
        throw new PermFailException("no key for " + selector + "._domainkey." + token);
      }
      return r;
    });
    try {
      List<SignatureRecord> ok = verifier.verify(new ByteArrayInputStream(bytes));
      if (ok != null && !ok.isEmpty()) {
        out.add(Signal.of(s.id(), "dkim_pass", "The DKIM signature of " + d + " verifies with the supplied key"
            + ((Boolean) ev.get("aligned") ? "" : "; but " + d + " is not the From domain") + ".", ev));
        return;
      }
      ev.put("reason", "no valid signature");
    } catch (FailException | IOException | RuntimeException e) {
      ev.put("reason", String.valueOf(e.getMessage()));
    }
    out.add(Signal.of(s.id(), "dkim_fail", "The DKIM signature of " + d + " does not verify: " + ev.get("reason") + ".", ev));
  }

  /** A parent's and its child's domains are related ("mail.example.org" and "example.org"). */
  static boolean related(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    return x.equals(y) || x.endsWith("." + y) || y.endsWith("." + x);
  }

  private static Optional<String> domain(String address) {
    Matcher m = DOMAIN.matcher(address);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return Optional.ofNullable(last).map(v -> v.replaceAll("[.>]+$", ""));
  }

  private static List<String> ids(String v) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<([^>]+)>").matcher(v);
    while (m.find()) {
      out.add(m.group(1).strip());
    }
    return out;
  }

  static Map<String, List<String>> headers(String block) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String[] lines = block.split("\r?\n");
    StringBuilder cur = null;
    for (String line : lines) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && cur != null) {
        cur.append(' ').append(line.strip());
        continue;
      }
      if (cur != null) {
        add(out, cur.toString());
      }
      cur = new StringBuilder(line);
    }
    if (cur != null) {
      add(out, cur.toString());
    }
    return out;
  }

  private static void add(Map<String, List<String>> out, String header) {
    int colon = header.indexOf(':');
    if (colon > 0) {
      out.computeIfAbsent(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(header.substring(colon + 1).strip());
    }
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  static Optional<Instant> rfc2822(String value) {
    String v = value.replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").strip();
    if (!v.isEmpty() && Character.isLetter(v.charAt(0)) && v.indexOf(',') < 0) {
      v = v.replaceFirst("^[A-Za-z]{3} ", "");
    }
    try {
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(ZonedDateTime.parse(v.replaceFirst("^[A-Za-z]{3}, ", ""),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss Z", Locale.ENGLISH)).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
