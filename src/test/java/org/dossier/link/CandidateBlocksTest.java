package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dossier.core.Annotations;
import org.dossier.core.DocumentId;
import org.junit.jupiter.api.Test;

/** The blocks of story candidates {@link CandidateBlocks} measures: features held by invented documents, set by hand. */
class CandidateBlocksTest {
  private static final Annotations NONE = new Annotations(List.of(), List.of(), List.of(), Optional.empty(), true);

  @Test
  void documentsJoinedByNoRareFeatureAreBlocksOfTheirOwn() {
    // two harbours' documents, each pair sharing a name; the word every document holds is in more
    // than the cap of documents (a 25th of the case, at least 100) and joins nothing
    List<Summary> docs = new ArrayList<>();
    for (int i = 0; i < 110; i++) {
      Map<String, Integer> f = new java.util.HashMap<>(Map.of("wreport", 1));
      if (i < 3) {
        f.put("eselvan harbour", 1);
      } else if (i < 5) {
        f.put("eorlo quay", 1);
      } else {
        f.put("eowner " + i, 1); // in no other document: joins nothing
      }
      docs.add(doc(i, f));
    }
    int[] sizes = CandidateBlocks.sizes(docs, null);
    assertArrayEquals(new int[] {3, 2, 1}, java.util.Arrays.copyOf(sizes, 3));
    assertArrayEquals(new int[] {1}, java.util.Arrays.stream(sizes).skip(2).distinct().toArray());

    // control: one name both harbours' documents carry joins their blocks
    docs.get(0).features.put("ecaspar line", 1);
    docs.get(4).features.put("ecaspar line", 1);
    assertArrayEquals(new int[] {5, 1}, java.util.Arrays.copyOf(CandidateBlocks.sizes(docs, null), 2));
    // ... when features of its kind may join documents (names), not when only another kind may (values)
    assertArrayEquals(new int[] {5, 1}, java.util.Arrays.copyOf(CandidateBlocks.sizes(docs, "e"), 2));
    assertArrayEquals(new int[] {1}, java.util.Arrays.stream(CandidateBlocks.sizes(docs, "v")).distinct().toArray());
  }

  @Test
  void aFeatureJoinsUpToTheCapOfDocumentsAndNoMore() {
    // 110 documents: the cap is 100 (a 25th of the case is less)
    List<Summary> docs = new ArrayList<>();
    for (int i = 0; i < 110; i++) {
      docs.add(doc(i, i < 100 ? Map.of("efleet", 1) : Map.of("eowner " + i, 1)));
    }
    assertArrayEquals(new int[] {100, 1}, java.util.Arrays.copyOf(CandidateBlocks.sizes(docs, null), 2));
    // control: in 101 documents, the name is common to too many to tell stories apart
    docs.get(100).features.put("efleet", 1);
    assertArrayEquals(new int[] {1}, java.util.Arrays.stream(CandidateBlocks.sizes(docs, null)).distinct().toArray());
  }

  private static Summary doc(int i, Map<String, Integer> features) {
    Summary s = new Linker().read(new LinkDocument(new DocumentId(String.format(java.util.Locale.ROOT, "%064x", i)), "note-" + i + ".txt", "en",
        "text/plain", Map.of(), "A short note.", NONE, List.of(), Optional.empty())).summary;
    s.features = new java.util.HashMap<>(features);
    return s;
  }
}
