package org.dossier.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a case's store lives: a SQLite file in the case folder, or a schema on a PostgreSQL server. */
public sealed interface StoreLocation {
  /** The environment variable a PostgreSQL password is read from: never the command line, never the case folder. */
  String PASSWORD_VARIABLE = "DOSSIER_PG_PASSWORD";

  /** The embedded default. */
  record Sqlite(Path file) implements StoreLocation {
    public Sqlite {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String describe() {
      return file.toString();
    }
  }

  /**
   * A schema of its own on a PostgreSQL server, claimed by one case.
   *
   * @param url the JDBC URL of the database, without a password or a schema
   * @param schema the case's schema (lower-case letters, digits, underscores)
   * @param caseId the case the schema belongs to, kept in it as the setting {@value CaseStore#CASE_ID}
   */
  record Postgres(String url, String schema, String caseId) implements StoreLocation {
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public Postgres {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(caseId, "caseId");
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
      }
      if (!SCHEMA.matcher(schema).matches()) {
        throw new IllegalArgumentException("a case's schema is lower-case letters, digits and underscores"
            + " (at most 63), not '" + schema + "'");
      }
    }

    /** The schema a case gets unless the URL names one ({@code currentSchema}). */
    public static String schemaOf(String caseId) {
      return "dossier_" + caseId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /**
     * A location from what a user typed: {@code postgresql://[USER@]HOST[:PORT]/DB[?user=..&..]} or a
     * {@code jdbc:postgresql:} URL. The schema is the URL's {@code currentSchema} when given, else
     * {@link #schemaOf} the case. A password in the URL is refused: it would be kept in the case
     * folder and seen in the process list; it comes from {@value StoreLocation#PASSWORD_VARIABLE}.
     *
     * @throws IllegalArgumentException when the URL is not one of these
     */
    public static Postgres parse(String given, String caseId) {
      String s = given.strip();
      String rest;
      if (s.startsWith("jdbc:postgresql:")) {
        rest = s.substring("jdbc:postgresql:".length());
      } else if (s.startsWith("postgresql:") || s.startsWith("postgres:")) {
        rest = s.substring(s.indexOf(':') + 1);
      } else {
        throw new IllegalArgumentException("--store takes 'sqlite' or a PostgreSQL URL"
            + " (postgresql://HOST:PORT/DB?user=NAME), not '" + given + "'");
      }
      Matcher m = Pattern.compile("//(?:([^@/?]*)@)?([^/?]+)(/[^?]*)?(?:\\?(.*))?").matcher(rest);
      if (!m.matches() || m.group(3) == null || m.group(3).length() < 2) {
        throw new IllegalArgumentException("a PostgreSQL URL names a host and a database:"
            + " postgresql://HOST:PORT/DB?user=NAME, not '" + given + "'");
      }
      Map<String, String> params = new LinkedHashMap<>();
      if (m.group(4) != null && !m.group(4).isEmpty()) {
        for (String p : m.group(4).split("&")) {
          int eq = p.indexOf('=');
          String k = URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8);
          params.put(k, eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      String userInfo = m.group(1);
      if (userInfo != null) {
        if (userInfo.contains(":")) {
          throw passwordRefused();
        }
        params.putIfAbsent("user", URLDecoder.decode(userInfo, StandardCharsets.UTF_8));
      }
      if (params.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("password"))) {
        throw passwordRefused();
      }
      String schema = params.remove("currentSchema");
      StringBuilder url = new StringBuilder("jdbc:postgresql://").append(m.group(2)).append(m.group(3));
      String sep = "?";
      for (Map.Entry<String, String> e : params.entrySet()) {
        url.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
        sep = "&";
      }
      return new Postgres(url.toString(), schema == null || schema.isEmpty() ? schemaOf(caseId) : schema, caseId);
    }

    private static IllegalArgumentException passwordRefused() {
      return new IllegalArgumentException("no password in the store's URL: it would be kept in the case folder"
          + " and shown in the process list; set " + PASSWORD_VARIABLE + " instead");
    }

    private static String encode(String s) {
      return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The connection's properties: the case's schema, the password from the environment, batched inserts. */
    Properties properties() {
      Properties p = new Properties();
      p.setProperty("currentSchema", schema);
      String password = System.getenv(PASSWORD_VARIABLE);
      if (password != null) {
        p.setProperty("password", password);
      }
      p.setProperty("reWriteBatchedInserts", "true");
      p.setProperty("ApplicationName", "dossier");
      p.setProperty("connectTimeout", "10");
      return p;
    }

    @Override
    public String describe() {
      return url + " (schema " + schema + ")";
    }
  }

  /** Where it is, for a person (never with a password). */
  String describe();
}
