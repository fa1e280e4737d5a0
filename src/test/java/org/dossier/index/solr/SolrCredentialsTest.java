package org.dossier.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Solr's user and password come from: the environment's pair, or the file it names; nothing else. */
class SolrCredentialsTest {
  @TempDir Path dir;

  @Test
  void thePairOrTheFileGiveTheCredentials() throws Exception {
    assertEquals(Optional.empty(), SolrCredentials.from(Map.of()));
    assertEquals(Optional.of(new SolrCredentials("desk", "p:w d")),
        SolrCredentials.from(Map.of(SolrCredentials.USER, "desk", SolrCredentials.PASSWORD, "p:w d")));
    Path file = dir.resolve("creds");
    Files.writeString(file, "desk:s3cret:with colon \r\nsecond line ignored\n", StandardCharsets.UTF_8);
    assertEquals(Optional.of(new SolrCredentials("desk", "s3cret:with colon ")),
        SolrCredentials.from(Map.of(SolrCredentials.FILE, file.toString())));
    // the password is never in what is printed of them
    assertFalse(new SolrCredentials("desk", "s3cret").toString().contains("s3cret"));
  }

  @Test
  void variablesThatDoNotGiveCredentialsAreRefusedSayingWhy() throws Exception {
    Path noColon = dir.resolve("no-colon");
    Files.writeString(noColon, "s3cret\n", StandardCharsets.UTF_8);
    Path empty = dir.resolve("empty");
    Files.writeString(empty, "", StandardCharsets.UTF_8);
    for (Map<String, String> env : java.util.List.of(
        Map.of(SolrCredentials.USER, "desk"),
        Map.of(SolrCredentials.PASSWORD, "s3cret"),
        Map.of(SolrCredentials.USER, "desk", SolrCredentials.PASSWORD, "s3cret", SolrCredentials.FILE, noColon.toString()),
        Map.of(SolrCredentials.USER, "", SolrCredentials.PASSWORD, "s3cret"),
        Map.of(SolrCredentials.USER, "a:b", SolrCredentials.PASSWORD, "s3cret"),
        Map.of(SolrCredentials.FILE, noColon.toString()),
        Map.of(SolrCredentials.FILE, empty.toString()),
        Map.of(SolrCredentials.FILE, dir.resolve("missing").toString()))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> SolrCredentials.from(env), env::toString);
      assertTrue(e.getMessage().contains("DOSSIER_SOLR_"), e.getMessage());
      assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }
  }
}
