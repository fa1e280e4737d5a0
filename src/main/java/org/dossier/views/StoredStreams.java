package org.dossier.views;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dossier.link.FindingStreams;
import org.dossier.link.Findings;
import org.dossier.link.StoredFindings;
import org.dossier.pipeline.Verifying;
import org.dossier.store.FindingStore;

/** The findings as a case's store streams them, each row decoded as it comes. */
record StoredStreams(FindingStore store) implements FindingStreams {
  @Override
  public void stories(Each<StoredFindings.Story> each) throws IOException {
    rows(Findings.STORY, Optional.empty(), List.of(), StoredFindings::story, each);
  }

  @Override
  public void facts(Optional<String> story, List<String> statuses, Each<StoredFindings.Fact> each) throws IOException {
    rows(Findings.FACT, story, statuses, StoredFindings::fact, each);
  }

  @Override
  public void sources(Each<StoredFindings.Source> each) throws IOException {
    rows(Findings.SOURCE, Optional.empty(), List.of(), StoredFindings::source, each);
  }

  @Override
  public void events(Each<StoredFindings.Event> each) throws IOException {
    rows(Findings.EVENT, Optional.empty(), List.of(), StoredFindings::event, each);
  }

  @Override
  public void coverage(List<String> statuses, Each<StoredFindings.Coverage> each) throws IOException {
    rows(Findings.COVERAGE, Optional.empty(), statuses, StoredFindings::coverage, each);
  }

  @Override
  public void signals(Each<JsonNode> each) throws IOException {
    rows(Verifying.SIGNAL, Optional.empty(), List.of(), n -> n, each);
  }

  @Override
  public long factCount() throws IOException {
    try {
      return store.count(Findings.FACT, Optional.empty(), List.of());
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private <T> void rows(String kind, Optional<String> story, List<String> statuses, Function<JsonNode, T> decode,
      Each<T> each) throws IOException {
    try {
      store.forEach(kind, story, statuses, row -> {
        T item;
        try {
          item = decode.apply(StoredFindings.tree(row));
        } catch (IllegalArgumentException e) {
          throw new UncheckedIOException(StoredFindings.unreadable(e));
        }
        try {
          each.accept(item);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  static IOException failed(SQLException e) {
    return new IOException("the case database failed: " + e.getMessage(), e);
  }
}
