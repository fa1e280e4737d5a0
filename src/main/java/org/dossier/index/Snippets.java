package org.dossier.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * The hits of one page of results with their snippets: each hit's id, name and text read from
 * the stored fields in one pass (the text is most of a stored document, and reading it twice,
 * once for the highlighter and once for the id, cost a tenth of a search), then the unified
 * highlighter over those texts with the offsets the index keeps in its postings: sentences,
 * merged until a passage reads on its own, best first, matches marked with {@code <b>}.
 */
final class Snippets {
  private static final int SNIPPETS = 3;
  private static final int PASSAGE_MIN_CHARS = 120;
  /** Between the passages of one hit in the highlighter's answer. */
  static final String SEPARATOR = "\u2029";

  private static final int PASSAGE_CHARS = 300;

  private Snippets() {}

  /** A hit's passages from {@link #highlight}'s answer for it (null: none), each trimmed to read on its own. */
  static List<String> passages(String joined) {
    List<String> passages = new ArrayList<>();
    if (joined != null && !joined.isBlank()) {
      for (String s : joined.split(SEPARATOR)) {
        if (!s.isBlank()) {
          passages.add(Passages.trim(s, PASSAGE_CHARS));
        }
      }
    }
    return passages;
  }

  /** A hit's stored fields. */
  record Stored(String id, String name, String text) {}

  /** The stored id, name and text (cut at {@code maxChars}) of each document, in one pass each. */
  static Stored[] read(IndexSearcher searcher, ScoreDoc[] docs, int maxChars) throws IOException {
    StoredFields fields = searcher.storedFields();
    Stored[] out = new Stored[docs.length];
    for (int i = 0; i < docs.length; i++) {
      Visitor v = new Visitor();
      fields.document(docs[i].doc, v);
      String text = v.text != null && v.text.length() > maxChars ? v.text.substring(0, maxChars) : v.text;
      out[i] = new Stored(v.id, v.name, text);
    }
    return out;
  }

  /**
   * The passages of each hit in {@code docs} (joined by {@link #SEPARATOR}; null where none), for
   * {@code query} in the text field and the fields masked into it.
   */
  static String[] highlight(IndexSearcher searcher, Analyzer analyzer, FieldInfos fieldInfos, Query query,
      TopDocs docs, Stored[] stored, int maxChars) throws IOException {
    if (docs.scoreDocs.length == 0) {
      return new String[0];
    }
    Map<Integer, String> texts = new HashMap<>();
    for (int i = 0; i < docs.scoreDocs.length; i++) {
      texts.put(docs.scoreDocs[i].doc, stored[i].text());
    }
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withMaxLength(maxChars)
            .withFormatter(new DefaultPassageFormatter("<b>", "</b>", SEPARATOR, true))
            .withMaskedFieldsFunc(f -> Fields.TEXT.equals(f) ? Fields.MASKED : Set.of())
            .withHighlightPhrasesStrictly(true)
            .withScorer(new Scorer())
            // sentences, merged until a passage is long enough to read on its own
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createMinLength(
                        new SentenceBoundaries(), PASSAGE_MIN_CHARS, 0.33f));
    Map<String, String[]> out =
        new Highlighter(builder, fieldInfos, texts)
            .highlightFields(new String[] {Fields.TEXT}, query, docs, new int[] {SNIPPETS});
    return out.get(Fields.TEXT);
  }

  /** Reads a hit's id, name and text, nothing else. */
  private static final class Visitor extends StoredFieldVisitor {
    String id;
    String name;
    String text;

    @Override
    public Status needsField(FieldInfo field) {
      return switch (field.name) {
        case Fields.ID, Fields.DISPLAY_NAME, Fields.TEXT -> Status.YES;
        default -> Status.NO;
      };
    }

    @Override
    public void stringField(FieldInfo field, String value) {
      switch (field.name) {
        case Fields.ID -> id = value;
        case Fields.DISPLAY_NAME -> name = value;
        case Fields.TEXT -> text = text == null ? value : text;
        default -> { }
      }
    }
  }

  /** The highlighter over the texts the search has read, and the index's field infos, merged once per reader. */
  private static final class Highlighter extends UnifiedHighlighter {
    private final Map<Integer, String> texts;

    Highlighter(Builder builder, FieldInfos fieldInfos, Map<Integer, String> texts) {
      super(builder);
      this.fieldInfos = fieldInfos;
      this.texts = texts;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
        throws IOException {
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        CharSequence[] values = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          values[f] = Fields.TEXT.equals(fields[f]) ? texts.get(doc) : null;
        }
        out.add(values);
      }
      return out;
    }
  }

  /**
   * Lucene's passage score (BM25 within the passage, times a weight for passages early in the
   * text), the same sums in the same order, with the passage's terms told apart in place: Lucene's
   * builds a hash table of 32 KB for every passage, which was a tenth of a search.
   */
  static final class Scorer extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
      int n = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      int[] inDoc = passage.getMatchTermFreqsInDoc();
      BytesRef[] distinct = new BytesRef[n];
      int[] freqInPassage = new int[n];
      int[] freqInDoc = new int[n];
      int size = 0;
      for (int i = 0; i < n; i++) {
        int k = 0;
        while (k < size && distinct[k] != terms[i] && !distinct[k].bytesEquals(terms[i])) {
          k++;
        }
        if (k == size) {
          distinct[k] = terms[i];
          freqInDoc[k] = inDoc[i];
          size++;
        }
        freqInPassage[k]++;
      }
      double score = 0;
      for (int k = 0; k < size; k++) {
        score += tf(freqInPassage[k], passage.getLength()) * weight(contentLength, freqInDoc[k]);
      }
      score *= norm(passage.getStartOffset());
      return (float) score;
    }
  }
}
