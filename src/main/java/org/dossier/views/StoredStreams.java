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

/**
 * The findings as a case's store streams them, each row decoded as it comes: all of them, or one
 * story's ({@code story}), read through the store's index by story (each row of the link stage's
 * kinds is stored under the story of its document).
 */
record StoredStreams(FindingStore store, Optional<String> story) implements FindingStreams {
  StoredStreams(FindingStore store) {
    this(store, Optional.empty());
  }

  @Override
  public void stories(Each<StoredFindings.Story> each) throws IOException {
    rows(Findings.STORY, story, List.of(), StoredFindings::story, each);
  }

  @Override
  public void facts(Optional<String> of, List<String> statuses, Each<StoredFindings.Fact> each) throws IOException {
    if (story.isPresent() && of.isPresent() && !of.equals(story)) {
      return; // another story's facts are not in this one's
    }
    rows(Findings.FACT, story.isPresent() ? story : of, statuses, StoredFindings::fact, each);
  }

  @Override
  public void factsById(List<String> ids, Each<StoredFindings.Fact> each) throws IOException {
    List<String> rows;
    try {
      rows = store.byIds(Findings.FACT, ids);
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
    for (String row : rows) {
      StoredFindings.Fact f;
      try {
        f = StoredFindings.fact(StoredFindings.tree(row));
      } catch (IllegalArgumentException e) {
        throw StoredFindings.unreadable(e);
      }
      if (story.isEmpty() || story.get().equals(f.story())) {
        each.accept(f);
      }
    }
  }

  @Override
  public void sources(Each<StoredFindings.Source> each) throws IOException {
    rows(Findings.SOURCE, story, List.of(), StoredFindings::source, each);
  }

  @Override
  public void events(Each<StoredFindings.Event> each) throws IOException {
    rows(Findings.EVENT, story, List.of(), StoredFindings::event, each);
  }

  @Override
  public void coverage(List<String> statuses, Each<StoredFindings.Coverage> each) throws IOException {
    rows(Findings.COVERAGE, story, statuses, StoredFindings::coverage, each);
  }

  /** The signals, of the story's documents only when a story is given (read first, then the signals). */
  @Override
  public void signals(Each<JsonNode> each) throws IOException {
    if (story.isEmpty()) {
      rows(Verifying.SIGNAL, Optional.empty(), List.of(), n -> n, each);
      return;
    }
    java.util.Set<String> documents = new java.util.HashSet<>();
    sources(s -> documents.add(s.document()));
    rows(Verifying.SIGNAL, Optional.empty(), List.of(), n -> n, n -> {
      if (documents.contains(n.path("document").asText())) {
        each.accept(n);
      }
    });
  }

  @Override
  public long factCount() throws IOException {
    try {
      return store.count(Findings.FACT, story, List.of());
    } catch (SQLException e) {
      throw org.dossier.store.CaseStore.failed(e);
    }
  }

  @Override
  public FindingStreams story(String id) {
    return new StoredStreams(store, Optional.of(id));
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
      throw org.dossier.store.CaseStore.failed(e);
    }
  }
}
