package org.dossier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The verify stage's per-document and per-band rows, read on the store's read connections. */
final class JdbcVerifications implements VerificationStore {
  /** Documents looked up in one query. */
  private static final int CHUNK = 500;
  /** Rows fetched at a time from a band, so a band is streamed rather than held. */
  private static final int FETCH = 2_000;

  private final ReadConnections readers;

  JdbcVerifications(ReadConnections readers) {
    this.readers = readers;
  }

  @Override
  public Optional<String> inputs(String document, String kind) throws SQLException {
    return readers.read(r -> {
      try (PreparedStatement ps = r.prepareStatement("SELECT inputs FROM verify_documents WHERE document = ? AND kind = ?")) {
        ps.setString(1, document);
        ps.setString(2, kind);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  @Override
  public void forEach(String kind, BiConsumer<String, String> visitor) throws SQLException {
    readers.streamedRows("SELECT document, value FROM verify_documents WHERE kind = ? ORDER BY document", FETCH,
        ps -> ps.setString(1, kind), rs -> visitor.accept(rs.getString(1), rs.getString(2)));
  }

  @Override
  public Map<String, String> values(String kind, Collection<String> documents) throws SQLException {
    Map<String, String> out = new HashMap<>();
    List<String> all = new ArrayList<>(documents);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      readers.read(r -> {
        try (PreparedStatement ps = r.prepareStatement("SELECT document, value FROM verify_documents WHERE kind = ?"
            + " AND document IN (" + "?, ".repeat(chunk.size() - 1) + "?)")) {
          ps.setString(1, kind);
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 2, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getString(2));
            }
          }
        }
        return null;
      });
    }
    return out;
  }

  @Override
  public void band(int band, Consumer<BandRow> visitor) throws SQLException {
    readers.streamedRows("SELECT hash, document FROM verify_bands WHERE band = ? ORDER BY hash, document", FETCH,
        ps -> ps.setInt(1, band), rs -> visitor.accept(new BandRow(band, rs.getLong(1), rs.getString(2))));
  }

  @Override
  public void candidates(String round, BiConsumer<String, String> visitor) throws SQLException {
    readers.read(r -> {
      try (PreparedStatement ps = r.prepareStatement("SELECT a, b FROM verify_candidates WHERE round = ? ORDER BY a, b")) {
        ps.setString(1, round);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            visitor.accept(rs.getString(1), rs.getString(2));
          }
        }
      }
      return null;
    });
  }
}
