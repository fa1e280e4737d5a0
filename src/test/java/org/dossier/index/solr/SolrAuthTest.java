package org.dossier.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.dossier.testing.Workers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SolrCloud cluster that asks every request for a user and password (Solr's BasicAuthPlugin):
 * with the credentials in the environment (or in the file it names) a case is created, indexes and
 * searches; without them, or with a wrong password, a command fails saying which variables to set;
 * the password is nowhere in the case folder nor in what the commands print. Commands run as
 * processes of their own, each with its own environment.
 */
class SolrAuthTest {
  private static final String USER = "desk-archive";
  /** Different on each run, so that finding it anywhere means it was written there. */
  private static final String PASSWORD = "Tern-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
  @TempDir static Path dir;
  static SolrCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = SolrCluster.launchWithBasicAuth(2, USER, PASSWORD);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** {@code dossier --case caseDir command...} in a process of its own with the Solr variables {@code env} alone. */
  private static Cli.Result run(Map<String, String> env, Path caseDir, String... command) throws Exception {
    return Cli.inProcess(List.of(), e -> {
      e.keySet().removeIf(k -> k.startsWith("DOSSIER_SOLR_"));
      e.putAll(env);
    }, dir, Workers.on(caseDir, command));
  }

  private static Cli.Result ok(Cli.Result r) {
    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.toString().contains(PASSWORD), "the password is printed: " + r);
    return r;
  }

  private static final Map<String, String> GIVEN = Map.of(SolrCredentials.USER, USER, SolrCredentials.PASSWORD, PASSWORD);

  @Test
  void withItsCredentialsACaseIndexesAndSearchesAndWithoutThemItIsToldWhatToSet() throws Exception {
    Path files = dir.resolve("files");
    Fixtures.text(files.resolve("ferry-log.txt"), "Ferry log of the Quillfeather Shipping Cooperative: the"
        + " Marten Grey docked at Oster Quay after midnight.\n");
    Fixtures.text(files.resolve("ledger-note.txt"), "Ledger note: the Quillfeather Shipping Cooperative paid the"
        + " harbour dues twice in March.\n");
    Fixtures.text(files.resolve("choir-flyer.txt"), "The Linden Lane Choir sings on Sunday.\n");
    // control: the cluster does refuse a request without credentials
    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(cluster.nodes().get(0) + "/admin/collections?action=LIST")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, anonymous.statusCode(), anonymous::body);

    Path caseDir = dir.resolve("guarded");
    String url = cluster.indexUrl("guarded", 2, 1);
    // without credentials, init is refused, says what to set, and leaves nothing
    Cli.Result refused = run(Map.of(), caseDir, "init", "--index", url);
    assertEquals(1, refused.exit(), refused::toString);
    assertTrue(refused.err().contains("asks for a user and password (HTTP 401)"), refused::toString);
    assertTrue(refused.err().contains("DOSSIER_SOLR_USER and DOSSIER_SOLR_PASSWORD, or DOSSIER_SOLR_CREDENTIALS"),
        refused::toString);
    assertFalse(Files.exists(caseDir));

    ok(run(GIVEN, caseDir, "init", "--index", url));
    ok(run(GIVEN, caseDir, "ingest", "--quiet", files.toString()));
    JsonNode found = new ObjectMapper().readTree(ok(run(GIVEN, caseDir, "search", "--json", "Quillfeather")).out());
    assertEquals(2, found.get("total").asLong(), found::toString);
    // the same from a file of user:password
    Path file = dir.resolve("solr-credentials");
    Files.writeString(file, USER + ":" + PASSWORD + "\n", StandardCharsets.UTF_8);
    JsonNode fromFile = new ObjectMapper().readTree(ok(run(Map.of(SolrCredentials.FILE, file.toString()), caseDir,
        "search", "--json", "\"Linden Lane\"")).out());
    assertEquals(1, fromFile.get("total").asLong(), fromFile::toString);

    // without them, or with a wrong password, the case's search fails and says what to set
    Cli.Result none = run(Map.of(), caseDir, "search", "Quillfeather");
    assertEquals(1, none.exit(), none::toString);
    assertTrue(none.err().contains("asks for a user and password (HTTP 401): set DOSSIER_SOLR_USER"), none::toString);
    Cli.Result wrong = run(Map.of(SolrCredentials.USER, USER, SolrCredentials.PASSWORD, "not-" + PASSWORD), caseDir,
        "search", "Quillfeather");
    assertEquals(1, wrong.exit(), wrong::toString);
    assertTrue(wrong.err().contains("did not accept the user and password given (HTTP 401)"), wrong::toString);
    assertFalse(wrong.toString().contains(PASSWORD), wrong::toString);
    // one of the pair alone is a mistake, said before Solr is asked
    Cli.Result half = run(Map.of(SolrCredentials.USER, USER), caseDir, "search", "Quillfeather");
    assertEquals(1, half.exit(), half::toString);
    assertTrue(half.err().contains("need both DOSSIER_SOLR_USER and DOSSIER_SOLR_PASSWORD"), half::toString);

    // the password is kept nowhere in the case folder (settings, logs, store)
    String settings = Files.readString(caseDir.resolve("case.properties"), StandardCharsets.UTF_8);
    assertTrue(settings.contains("index.url=" + url), settings);
    assertFalse(settings.contains(USER), settings);
    List<Path> all;
    try (Stream<Path> walk = Files.walk(caseDir)) {
      all = walk.filter(Files::isRegularFile).toList();
    }
    assertTrue(all.size() > 3, all::toString);
    byte[] secret = PASSWORD.getBytes(StandardCharsets.UTF_8);
    for (Path f : all) {
      assertFalse(contains(Files.readAllBytes(f), secret), f + " holds the password");
    }
    // control: the search above does find bytes that are there
    assertTrue(contains(Files.readAllBytes(caseDir.resolve("case.properties")), url.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
