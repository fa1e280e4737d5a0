package org.dossier.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workbench's accounts of a case: users with a password hash and a role, and their API tokens
 * (stored as SHA-256 hashes). Added through {@link CaseStore.Batch#addUser}, {@link
 * CaseStore.Batch#setRole} and {@link CaseStore.Batch#addToken}.
 */
public interface UserStore {
  /** A user of the case; {@code hash} is the password's bcrypt hash. */
  record Account(String name, String hash, String role, Instant created) {}

  /** How many users the case has: none means the case is served in single-user mode. */
  long count() throws SQLException;

  /** Every user, by name. */
  List<Account> all() throws SQLException;

  Optional<Account> user(String name) throws SQLException;

  /** The user a token's SHA-256 (hex) belongs to. */
  Optional<Account> byToken(String tokenHash) throws SQLException;

  /** How many tokens each user holds. */
  Map<String, Long> tokenCounts() throws SQLException;
}
