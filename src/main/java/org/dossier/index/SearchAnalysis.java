package org.dossier.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.dossier.core.IndexDocument;
import org.dossier.core.InvalidQueryException;

/**
 * Dossier's side of searching, for an index adapter whose engine runs elsewhere (SolrCloud): the
 * same analysis of every field, the same query parser and the same snippets as {@link
 * LuceneIndex}, from the same code, so that the engines cannot drift apart. The engine receives
 * tokens already analysed and a query already parsed; snippets are made here from the hits'
 * stored texts.
 */
public final class SearchAnalysis {
  private static final Analyzer PER_FIELD = Analyzers.perField();
  private static final Analyzer CHINESE = Analyzers.chinese();
  private static final List<Analyzer> TEXT_ANALYZERS =
      List.of(Analyzers.neutral(), Analyzers.english(), Analyzers.russian(), CHINESE);
  private static final Analyzer TRANSLIT = Analyzers.translit();

  private SearchAnalysis() {}

  /**
   * A document's text as the {@code text} field indexes it (analysed in the document's own
   * language) and as {@code text_translit} does (the transliteration keys of the words that look
   * like names), with positions and offsets into the text.
   */
  public record TextStreams(TokenStream text, TokenStream translit) {}

  /** {@code text} as the {@code text} and {@code text_translit} fields index it, for a document in {@code language}. */
  public static TextStreams text(String text, String language) throws IOException {
    return Analyzers.text(text, language, CHINESE);
  }

  /** A value of any other analysed field (names, metadata, entity names) as the field indexes it. */
  public static TokenStream tokens(String field, String value) {
    return PER_FIELD.tokenStream(field, value);
  }

  /**
   * The names {@code filename:} (the {@link Fields#NAME} field, a keyword: each name one term,
   * matched whole and case-insensitively) finds a document by, in order, each once: each of its
   * paths whole ({@code mail/cover.eml}), each path's file name ({@code cover.eml}) and that name
   * without its extension ({@code cover}). So a copy under another name finds the document as its
   * first name does, and the bare name a person types finds the file; a word inside a name does not
   * ({@code filename:cover} finds neither {@code cover-2.eml} nor {@code cover letter.eml}: a bare
   * query searches the words of every path, {@link Fields#NAME_TEXT}). The document is still shown
   * by its first name.
   */
  public static Set<String> fileNames(IndexDocument d) {
    Set<String> out = new LinkedHashSet<>();
    out.addAll(d.paths());
    for (String p : d.paths()) {
      String file = p.substring(p.lastIndexOf('/') + 1);
      int dot = file.lastIndexOf('.');
      if (!file.isEmpty()) {
        out.add(file);
        if (dot > 0 && dot < file.length() - 1) {
          out.add(file.substring(0, dot));
        }
      }
    }
    return out;
  }

  /**
   * A query in Dossier's syntax as {@link LuceneIndex} runs it.
   *
   * @throws InvalidQueryException when it cannot be parsed
   */
  public static Query parse(String query) {
    return DossierQueryParser.parse(query, PER_FIELD, TEXT_ANALYZERS, TRANSLIT);
  }

  /** A hit's stored text and the language it was analysed in. */
  public record HitText(String text, String language) {}

  /**
   * The snippets of each hit for {@code query}, as {@link LuceneIndex} makes them: the hits' texts
   * are indexed again, alone, in a small index in memory (the same fields, the same analysis, so
   * the same postings and offsets), and the same highlighter runs over it. A passage's score
   * depends only on its own document, so the snippets are those the whole index would give.
   */
  public static List<List<String>> snippets(Query query, List<HitText> hits) throws IOException {
    if (hits.isEmpty()) {
      return List.of();
    }
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(PER_FIELD))) {
      for (HitText h : hits) {
        Document doc = new Document();
        TextStreams t = text(h.text(), h.language());
        doc.add(new Field(Fields.TEXT, t.text(), LuceneIndex.TEXT_INDEXED));
        doc.add(new Field(Fields.TEXT_TRANSLIT, t.translit(), LuceneIndex.TEXT_INDEXED));
        writer.addDocument(doc);
      }
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        ScoreDoc[] docs = new ScoreDoc[hits.size()];
        Snippets.Stored[] stored = new Snippets.Stored[hits.size()];
        for (int i = 0; i < docs.length; i++) {
          docs[i] = new ScoreDoc(i, 1f); // one segment, written in order: the i-th hit is document i
          String text = hits.get(i).text();
          stored[i] = new Snippets.Stored(null, null,
              text.length() > LuceneIndex.DEFAULT_MAX_CHARS ? text.substring(0, LuceneIndex.DEFAULT_MAX_CHARS) : text);
        }
        String[] joined = Snippets.highlight(searcher, PER_FIELD, FieldInfos.getMergedFieldInfos(reader),
            LuceneIndex.fuzzyAsTerms(query, searcher), new TopDocs(new TotalHits(docs.length,
                TotalHits.Relation.EQUAL_TO), docs), stored, LuceneIndex.DEFAULT_MAX_CHARS);
        List<List<String>> out = new ArrayList<>();
        for (String j : joined) {
          out.add(Snippets.passages(j));
        }
        return out;
      }
    }
  }
}
