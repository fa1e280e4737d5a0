package org.dossier.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A case's stored findings as their readers go over them: each kind in its stored order, each row
 * decoded as it comes and handed over, none held. The export, the report and the registers read a
 * case this way, so a case whose findings outweigh the heap is read in the memory of one row (and
 * of what the reader itself keeps). A case's store streams them ({@code CaseViews.findings}); a
 * case made in code streams its lists ({@link #of}).
 *
 * <p>A reader goes over one kind at a time: it never opens one of these streams inside another
 * (on one connection, the inner read's end would end the outer's).
 */
public interface FindingStreams {
  /** Takes the findings one at a time; a reader's failure goes through. */
  interface Each<T> {
    void accept(T item) throws IOException;
  }

  void stories(Each<StoredFindings.Story> each) throws IOException;

  /** The facts of {@code story} when given, else all, with one of {@code statuses} when not empty. */
  void facts(Optional<String> story, List<String> statuses, Each<StoredFindings.Fact> each) throws IOException;

  /**
   * The facts with these ids in the order of {@code ids}, read by id (a reader that ranked facts
   * holding their ids only reads them back in rank order).
   */
  void factsById(List<String> ids, Each<StoredFindings.Fact> each) throws IOException;

  void sources(Each<StoredFindings.Source> each) throws IOException;

  void events(Each<StoredFindings.Event> each) throws IOException;

  /** The press's claims against the cache, with one of {@code statuses} when not empty. */
  void coverage(List<String> statuses, Each<StoredFindings.Coverage> each) throws IOException;

  /** The verify stage's signals, each as {@code verify --json} prints it. */
  void signals(Each<JsonNode> each) throws IOException;

  long factCount() throws IOException;

  /**
   * One story's findings: the story, its facts, its documents' sources, its events and its
   * press claims against the cache, and the signals of its documents. Empty when no such story.
   */
  FindingStreams story(String id);

  /** Findings from lists (a case made in code), filtered as the store filters. */
  static FindingStreams of(List<StoredFindings.Story> stories, List<StoredFindings.Fact> facts,
      List<StoredFindings.Source> sources, List<StoredFindings.Event> events, List<StoredFindings.Coverage> coverage,
      List<JsonNode> signals) {
    List<StoredFindings.Story> st = List.copyOf(stories);
    List<StoredFindings.Fact> fa = List.copyOf(facts);
    List<StoredFindings.Source> so = List.copyOf(sources);
    List<StoredFindings.Event> ev = List.copyOf(events);
    List<StoredFindings.Coverage> co = List.copyOf(coverage);
    List<JsonNode> si = List.copyOf(signals);
    return new FindingStreams() {
      @Override
      public void stories(Each<StoredFindings.Story> each) throws IOException {
        each(st, each);
      }

      @Override
      public void facts(Optional<String> story, List<String> statuses, Each<StoredFindings.Fact> each)
          throws IOException {
        for (StoredFindings.Fact f : fa) {
          if ((story.isEmpty() || story.get().equals(f.story())) && (statuses.isEmpty() || statuses.contains(f.status()))) {
            each.accept(f);
          }
        }
      }

      @Override
      public void factsById(List<String> ids, Each<StoredFindings.Fact> each) throws IOException {
        java.util.Map<String, StoredFindings.Fact> byId = new java.util.HashMap<>();
        fa.forEach(f -> byId.putIfAbsent(f.id(), f));
        for (String id : ids) {
          if (byId.containsKey(id)) {
            each.accept(byId.get(id));
          }
        }
      }

      @Override
      public void sources(Each<StoredFindings.Source> each) throws IOException {
        each(so, each);
      }

      @Override
      public void events(Each<StoredFindings.Event> each) throws IOException {
        each(ev, each);
      }

      @Override
      public void coverage(List<String> statuses, Each<StoredFindings.Coverage> each) throws IOException {
        for (StoredFindings.Coverage c : co) {
          if (statuses.isEmpty() || statuses.contains(c.status())) {
            each.accept(c);
          }
        }
      }

      @Override
      public void signals(Each<JsonNode> each) throws IOException {
        each(si, each);
      }

      @Override
      public long factCount() {
        return fa.size();
      }

      @Override
      public FindingStreams story(String id) {
        java.util.Set<String> documents = new java.util.HashSet<>();
        st.stream().filter(x -> x.id().equals(id)).forEach(x -> x.documents().forEach(m -> documents.add(m.document())));
        return of(st.stream().filter(x -> x.id().equals(id)).toList(), fa.stream().filter(x -> x.story().equals(id)).toList(),
            so.stream().filter(x -> documents.contains(x.document())).toList(),
            ev.stream().filter(x -> x.story().equals(id)).toList(),
            co.stream().filter(x -> documents.contains(x.claim().document())).toList(),
            si.stream().filter(x -> documents.contains(x.path("document").asText())).toList());
      }
    };
  }

  private static <T> void each(List<T> items, Each<T> each) throws IOException {
    for (T t : items) {
      each.accept(t);
    }
  }
}
