package org.dossier.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.james.jdkim.DKIMSigner;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Email verification: a thread whose reply alters the quoted text (and a faithful reply), a
 * DKIM-signed message with a test key (and the same message with one byte changed), headers
 * whose Date and Message-ID do not fit.
 */
class EmailVerifyTest {
  @TempDir static Path dir;
  static JsonNode result;

  static String message(String id, String inReplyTo, String date, String received, String body) {
    StringBuilder b = new StringBuilder();
    if (received != null) {
      b.append("Received: from mx.orlen.example by mail.valdria.example; ").append(received).append("\r\n");
    }
    b.append("From: Ivo Marsh <ivo.marsh@orlen.example>\r\n")
        .append("To: Dana Kell <dana.kell@coastguard.valdria.example>\r\n")
        .append("Subject: Delivery of the patrol boats\r\n")
        .append("Date: ").append(date).append("\r\n")
        .append("Message-ID: <").append(id).append(">\r\n");
    if (inReplyTo != null) {
      b.append("In-Reply-To: <").append(inReplyTo).append(">\r\nReferences: <").append(inReplyTo).append(">\r\n");
    }
    b.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(body).append("\r\n");
    return b.toString();
  }

  @BeforeAll
  static void ingestAndVerify() throws Exception {
    Path in = dir.resolve("mail");
    String date = "Tue, 3 Feb 2026 09:15:00 +0000";
    String got = "Tue, 3 Feb 2026 09:15:40 +0000";
    String original = message("a1@orlen.example", null, date, got,
        "Please confirm that 24 boats will be delivered by 30 June 2026.\r\nRegards, Ivo");
    Fixtures.text(in.resolve("thread/1_question.eml"), original);
    Fixtures.text(in.resolve("thread/2_reply_altered.eml"), message("a2@orlen.example", "a1@orlen.example",
        "Tue, 3 Feb 2026 11:00:00 +0000", "Tue, 3 Feb 2026 11:00:30 +0000",
        "Confirmed.\r\n\r\n> Please confirm that 26 boats will be delivered by 30 June 2026.\r\n> Regards, Ivo"));
    Fixtures.text(in.resolve("thread/3_reply_faithful.eml"), message("a3@orlen.example", "a1@orlen.example",
        "Tue, 3 Feb 2026 12:00:00 +0000", "Tue, 3 Feb 2026 12:00:30 +0000",
        "Noted.\r\n\r\n> Please confirm that 24 boats will be delivered by 30 June 2026.\r\n> Regards, Ivo"));
    // dated two weeks before any server saw it, with a Message-ID from another domain
    Fixtures.text(in.resolve("odd/backdated.eml"), message("x9@bulkmailer.example", null,
        "Tue, 20 Jan 2026 09:00:00 +0000", "Tue, 3 Feb 2026 09:00:00 +0000", "The schedule is attached."));
    // DKIM: signed with a test key; the same message with one byte changed
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    String unsigned = message("d1@orlen.example", null, date, got, "The first batch of 12 boats leaves Lorne on 2 June 2026.");
    DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; d=orlen.example; s=test2026;"
        + " h=from:to:subject:date:message-id; bh=; b=;", kp.getPrivate());
    String signature = signer.sign(new ByteArrayInputStream(unsigned.getBytes(StandardCharsets.UTF_8)));
    String signed = signature + "\r\n" + unsigned;
    Fixtures.text(in.resolve("dkim/signed.eml"), signed);
    Fixtures.text(in.resolve("dkim/tampered.eml"), signed.replace("12 boats", "13 boats"));
    Fixtures.text(in.resolve("dkim-keys/test2026._domainkey.orlen.example.txt"),
        "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(kp.getPublic().getEncoded()));
    Path caseDir = dir.resolve("case");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "ingest", "--quiet", "--no-ocr", in.toString());
    assertEquals(0, r.exit(), r.toString());
    r = Cli.run("--case", caseDir.toString(), "verify", "--json");
    assertEquals(0, r.exit(), r.toString());
    result = r.json();
  }

  private static List<String> kinds(String document) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : result.get("signals")) {
      if (s.get("document").asText().equals(document)) {
        out.add(s.get("kind").asText());
      }
    }
    return out;
  }

  @Test
  void aReplyThatAltersItsQuoteIsFlagged() {
    assertTrue(kinds("thread/2_reply_altered.eml").contains("email_quote_altered"), result::toPrettyString);
    assertFalse(kinds("thread/3_reply_faithful.eml").contains("email_quote_altered"), result::toPrettyString);
  }

  @Test
  void dkimPassesOnTheSignedMessageAndFailsOnTheTamperedOne() {
    assertTrue(kinds("dkim/signed.eml").contains("dkim_pass"), result::toPrettyString);
    assertTrue(kinds("dkim/tampered.eml").contains("dkim_fail"), result::toPrettyString);
    assertTrue(kinds("thread/1_question.eml").contains("dkim_unsigned"), result::toPrettyString);
    for (JsonNode s : result.get("signals")) {
      if (s.get("kind").asText().equals("dkim_pass")) {
        assertTrue(s.get("evidence").get("aligned").asBoolean(), s::toString);
        assertEquals("orlen.example", s.get("evidence").get("d").asText());
      }
    }
  }

  @Test
  void headersThatDoNotFitAreFlaggedAndFaithfulOnesAreNot() {
    assertTrue(kinds("odd/backdated.eml").contains("email_date_before_received"), result::toPrettyString);
    assertTrue(kinds("odd/backdated.eml").contains("email_message_id_domain"), result::toPrettyString);
    for (String clean : List.of("thread/1_question.eml", "thread/3_reply_faithful.eml", "dkim/signed.eml")) {
      for (JsonNode s : result.get("signals")) {
        if (s.get("document").asText().equals(clean)) {
          assertFalse(s.get("severity").asText().equals("warning"), "a warning on a clean control: " + s);
          assertFalse(s.get("kind").asText().startsWith("email_"), "an email signal on a clean control: " + s);
        }
      }
    }
  }
}
