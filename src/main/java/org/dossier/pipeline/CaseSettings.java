package org.dossier.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.dossier.core.CaseLayout;
import org.dossier.index.solr.SolrCredentials;
import org.dossier.index.solr.SolrLocation;
import org.dossier.store.StoreLocation;

/**
 * What a case is and where its store and index live, chosen once when the case is created ({@code
 * dossier init}) and kept in {@code case.properties} in the case folder, so that every later command
 * opens the same store and index. A case folder without the file is a SQLite case with its Lucene
 * index in the folder (as every case was before); a file without {@code index} keeps its index there
 * too.
 *
 * @param id the case's id: its PostgreSQL schema and its Solr collection are named from it
 * @param store where its store lives
 * @param index its index on SolrCloud; empty: the Lucene index in the case folder
 */
public record CaseSettings(String id, StoreLocation store, Optional<SolrLocation> index) {
  private static final String SQLITE = "sqlite";
  private static final String POSTGRESQL = "postgresql";
  private static final String SOLR = "solr";
  private static final String LUCENE = "lucene";

  /** A case whose index is the Lucene index in its folder. */
  public CaseSettings(String id, StoreLocation store) {
    this(id, store, Optional.empty());
  }

  public CaseSettings {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(index, "index");
    if (!id.matches("[a-z0-9]{1,40}")) {
      throw new IllegalArgumentException("a case id is lower-case letters and digits, not '" + id + "'");
    }
  }

  /**
   * The settings of a new case: a new id, and the store {@code given} to {@code init --store}
   * ({@code sqlite}, a {@code postgresql://} or {@code jdbc:postgresql:} URL), SQLite by default.
   *
   * @throws IllegalArgumentException when the store is neither
   */
  public static CaseSettings forNewCase(CaseLayout layout, Optional<String> given) {
    return forNewCase(layout, given, Optional.empty());
  }

  /**
   * The settings of a new case, as {@link #forNewCase(CaseLayout, Optional)}, with the index {@code
   * index} given to {@code init --index}: a {@code solr://} or {@code solr+zk://} URL ({@link
   * SolrLocation#parse}), or {@code lucene}, the default.
   *
   * @throws IllegalArgumentException when the store or the index is not one Dossier knows
   */
  public static CaseSettings forNewCase(CaseLayout layout, Optional<String> given, Optional<String> index) {
    byte[] bytes = new byte[8];
    new SecureRandom().nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    Optional<SolrLocation> solr = index.map(String::strip).filter(i -> !i.equalsIgnoreCase(LUCENE))
        .map(i -> SolrLocation.parse(i, id));
    if (given.isEmpty() || given.get().strip().equalsIgnoreCase(SQLITE)) {
      return new CaseSettings(id, new StoreLocation.Sqlite(layout.database()), solr);
    }
    return new CaseSettings(id, StoreLocation.Postgres.parse(given.get(), id), solr);
  }

  /** The case's settings; those of a SQLite case without an id when the folder has no settings file. */
  public static Optional<CaseSettings> read(CaseLayout layout) throws IOException {
    Path file = layout.settings();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    String id = required(p, "id", file);
    String store = required(p, "store", file);
    String index = p.getProperty("index", LUCENE).strip();
    try {
      Optional<SolrLocation> solr = switch (index) {
        case LUCENE -> Optional.empty();
        case SOLR -> Optional.of(SolrLocation.parse(required(p, "index.url", file), id));
        default -> throw new IOException(file + " names an index Dossier does not know: " + index);
      };
      return Optional.of(switch (store) {
        case SQLITE -> new CaseSettings(id, new StoreLocation.Sqlite(layout.database()), solr);
        case POSTGRESQL -> new CaseSettings(id, new StoreLocation.Postgres(required(p, "store.url", file),
            required(p, "store.schema", file), id), solr);
        default -> throw new IOException(file + " names a store Dossier does not know: " + store);
      });
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a case's settings: " + e.getMessage(), e);
    }
  }

  private static String required(Properties p, String key, Path file) throws IOException {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IOException(file + " lacks " + key);
    }
    return v.strip();
  }

  /** Writes the settings into the case folder, whole or not at all. */
  public void write(CaseLayout layout) throws IOException {
    StringBuilder out = new StringBuilder("# Dossier case settings, chosen when the case was created: every command"
        + " on the case uses this store and index\n");
    out.append("id=").append(id).append('\n');
    if (store instanceof StoreLocation.Postgres pg) {
      out.append("store=").append(POSTGRESQL).append('\n');
      out.append("store.url=").append(pg.url()).append('\n');
      out.append("store.schema=").append(pg.schema()).append('\n');
      out.append("# the password, if the server asks for one, comes from ").append(StoreLocation.PASSWORD_VARIABLE)
          .append('\n');
    } else {
      out.append("store=").append(SQLITE).append('\n');
    }
    if (index.isPresent()) {
      out.append("index=").append(SOLR).append('\n');
      out.append("index.url=").append(index.get().url()).append('\n');
      out.append("# Solr's user and password, if it asks for them, come from ").append(SolrCredentials.WHERE)
          .append('\n');
    }
    Path tmp = layout.settings().resolveSibling(layout.settings().getFileName() + ".tmp");
    Files.writeString(tmp, out, StandardCharsets.UTF_8);
    Files.move(tmp, layout.settings(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
