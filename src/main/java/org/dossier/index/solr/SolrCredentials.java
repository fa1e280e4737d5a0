package org.dossier.index.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user and password Dossier sends to a Solr that asks for them (Solr's {@code
 * BasicAuthPlugin}), on every request. They come from the environment of each command, never from
 * the index URL or the case's settings, so they are neither kept in the case folder nor shown in
 * the process list: {@value #USER} and {@value #PASSWORD}, or {@value #FILE}, a file whose one line
 * is {@code user:password}.
 *
 * @param user the Solr user
 * @param password its password; never printed ({@link #toString} leaves it out)
 */
public record SolrCredentials(String user, String password) {
  /** The variable naming the Solr user. */
  public static final String USER = "DOSSIER_SOLR_USER";
  /** The variable holding its password. */
  public static final String PASSWORD = "DOSSIER_SOLR_PASSWORD";
  /** The variable naming a file of one line, {@code user:password}. */
  public static final String FILE = "DOSSIER_SOLR_CREDENTIALS";
  /** For messages: where the credentials come from. */
  public static final String WHERE = USER + " and " + PASSWORD + ", or " + FILE + " (a file: user:password)";

  public SolrCredentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    // Basic authentication sends user:password, so the user cannot hold the colon
    if (user.isEmpty() || user.contains(":") || user.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a Solr user is a name without ':' or control characters");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException("a Solr user's password cannot be empty");
    }
  }

  /**
   * The credentials this process's environment gives, if any.
   *
   * @throws IllegalStateException when the variables are set but do not give credentials (one of
   *     the pair only, both ways at once, a file that cannot be read or is not {@code user:password})
   */
  public static Optional<SolrCredentials> fromEnvironment() {
    return from(System.getenv());
  }

  /** As {@link #fromEnvironment}, from the variables {@code env}. */
  static Optional<SolrCredentials> from(Map<String, String> env) {
    String user = env.get(USER);
    String password = env.get(PASSWORD);
    String file = env.get(FILE);
    boolean pair = user != null || password != null;
    if (pair && file != null) {
      throw new IllegalStateException("Solr's credentials are given twice: set " + USER + " and " + PASSWORD
          + ", or " + FILE + ", not both");
    }
    try {
      if (pair) {
        if (user == null || password == null) {
          throw new IllegalStateException("Solr's credentials need both " + USER + " and " + PASSWORD + " (only "
              + (user == null ? PASSWORD : USER) + " is set)");
        }
        return Optional.of(new SolrCredentials(user, password));
      }
      if (file != null) {
        return Optional.of(read(Path.of(file)));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Solr's credentials (" + WHERE + "): " + e.getMessage(), e);
    }
    return Optional.empty();
  }

  private static SolrCredentials read(Path file) {
    String line;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      line = in.readLine();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + FILE + " " + file + ": " + e.getMessage(), e);
    }
    int colon = line == null ? -1 : line.indexOf(':');
    if (colon < 0) {
      // the line itself is not shown: it may be a password without its user
      throw new IllegalArgumentException(FILE + " " + file + " does not hold user:password on its first line");
    }
    return new SolrCredentials(line.substring(0, colon), line.substring(colon + 1));
  }

  /** The user only: the password is never printed. */
  @Override
  public String toString() {
    return "SolrCredentials[user=" + user + "]";
  }
}
