package org.dossier.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dossier.custody.CustodyLog;
import org.dossier.store.UserStore;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The workbench's users of a case: each added with a bcrypt hash of a password and a role, given
 * API tokens (random, shown once, stored as SHA-256), every change under the case's write lock and
 * appended to the custody log (never a password, hash or token) before it is stored.
 */
public final class Accounts {
  /** A user's name: lower-case letters, digits, dot, underscore and dash, 1 to 64. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");
  /** Shortest password accepted. */
  public static final int MIN_PASSWORD = 10;
  /** Longest password accepted (bcrypt reads at most 72 bytes). */
  public static final int MAX_PASSWORD_BYTES = 72;

  private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(12);
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Compared against when the name is unknown, so that an unknown name takes as long as a wrong password. */
  private static final String DUMMY = BCRYPT.encode("not a password of anyone");

  private Accounts() {}

  /** What a user may do in a case: a reader reads, an editor also judges, an owner too. */
  public enum Role {
    READER, EDITOR, OWNER;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** True when this role may do what {@code needed} may. */
    public boolean covers(Role needed) {
      return compareTo(needed) >= 0;
    }

    /** @throws IllegalArgumentException for anything but owner, editor or reader */
    public static Role of(String code) {
      for (Role r : values()) {
        if (r.code().equals(code)) {
          return r;
        }
      }
      throw new IllegalArgumentException("a role is owner, editor or reader, not '" + code + "'");
    }
  }

  /** @throws IllegalArgumentException when {@code name} is not a user's name */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a user's name is 1 to 64 of a-z, 0-9, '.', '_' and '-'");
    }
    return name;
  }

  /** @throws IllegalArgumentException when the password is too short or too long */
  public static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new IllegalArgumentException("a password has at most " + MAX_PASSWORD_BYTES + " bytes");
    }
  }

  /**
   * Adds a user.
   *
   * @throws IllegalArgumentException for a bad name, role or password, or a name already taken
   * @throws IllegalStateException when another process is writing the case
   */
  public static void add(CaseFolder folder, String name, Role role, String password) throws IOException {
    checkName(name);
    checkPassword(password);
    String hash = BCRYPT.encode(password);
    try (Closeable lock = folder.lockForWriting(); CustodyLog custody = folder.openCustodyLog()) {
      if (folder.store().users().user(name).isPresent()) {
        throw new IllegalArgumentException("there is already a user '" + name + "'; change the role with 'dossier user role'");
      }
      Instant now = Instant.now(folder.clock());
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("user", name);
      fields.put("role", role.code());
      append(folder, custody, "user-add", fields, tx -> tx.addUser(name, hash, role.code(), now));
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /** Changes a user's role. */
  public static void setRole(CaseFolder folder, String name, Role role) throws IOException {
    checkName(name);
    try (Closeable lock = folder.lockForWriting(); CustodyLog custody = folder.openCustodyLog()) {
      if (folder.store().users().user(name).isEmpty()) {
        throw new IllegalArgumentException("there is no user '" + name + "'");
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("user", name);
      fields.put("role", role.code());
      append(folder, custody, "user-role", fields, tx -> tx.setRole(name, role.code()));
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  /** Issues an API token to a user and returns it: it is shown this once, only its hash is kept. */
  public static String issueToken(CaseFolder folder, String name, String label) throws IOException {
    checkName(name);
    if (label.length() > 200 || label.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a token's label is at most 200 characters, no control characters");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = HexFormat.of().formatHex(raw);
    String hash = sha256(token);
    try (Closeable lock = folder.lockForWriting(); CustodyLog custody = folder.openCustodyLog()) {
      if (folder.store().users().user(name).isEmpty()) {
        throw new IllegalArgumentException("there is no user '" + name + "'");
      }
      Instant now = Instant.now(folder.clock());
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("user", name);
      fields.put("label", label);
      fields.put("token", hash.substring(0, 12)); // names the token, cannot be used as it
      append(folder, custody, "user-token", fields, tx -> tx.addToken(hash, name, now, label));
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
    return token;
  }

  /** A write of the store inside the custody transaction. */
  @FunctionalInterface
  private interface Change {
    void apply(org.dossier.store.CaseStore.Batch tx) throws SQLException;
  }

  private static void append(CaseFolder folder, CustodyLog custody, String action, Map<String, Object> fields,
      Change change) throws SQLException {
    CustodyWrites.append(folder.store(), custody, action, fields, tx -> {
      change.apply(tx);
      return null;
    });
  }

  /**
   * The user a name and password sign in as, or empty. An unknown name, or a case not served
   * ({@code users} null), costs the same bcrypt comparison as a wrong password.
   */
  public static Optional<UserStore.Account> signIn(UserStore users, String name, String password) throws SQLException {
    if (name == null || password == null || !NAME.matcher(name).matches()
        || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      BCRYPT.matches("x", DUMMY);
      return Optional.empty();
    }
    Optional<UserStore.Account> a = users == null ? Optional.empty() : users.user(name); // no case: as no such user
    boolean ok = BCRYPT.matches(password, a.map(UserStore.Account::hash).orElse(DUMMY));
    return ok && a.isPresent() ? a : Optional.empty();
  }

  /** The user an API token belongs to, or empty. */
  public static Optional<UserStore.Account> byToken(UserStore users, String token) throws SQLException {
    if (token == null || !token.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    // looked up by the token's hash: the lookup's timing tells nothing about the token
    return users.byToken(sha256(token));
  }

  /** SHA-256 of a string's UTF-8 bytes, in hex. */
  public static String sha256(String s) {
    return org.dossier.core.Sha256.hex(s);
  }
}
