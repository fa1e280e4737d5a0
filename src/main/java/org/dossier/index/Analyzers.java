package org.dossier.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.tartarus.snowball.ext.RussianStemmer;

/** The analysis chain of every field, in one place so that indexing and querying agree. */
final class Analyzers {
  private Analyzers() {}

  /** After the ICU tokenizer: folding (case, diacritics, width). */
  static final UnaryOperator<TokenStream> NEUTRAL = ICUFoldingFilter::new;

  /** After folding: possessives off, Porter stemming. */
  static final UnaryOperator<TokenStream> ENGLISH_AFTER_FOLDING =
      s -> new PorterStemFilter(new EnglishPossessiveFilter(s));

  /** After the ICU tokenizer: folding, possessives off, Porter stemming. */
  static final UnaryOperator<TokenStream> ENGLISH =
      s -> ENGLISH_AFTER_FOLDING.apply(new ICUFoldingFilter(s));

  /** After the ICU tokenizer: lower-casing, Snowball Russian, then folding (ё and е meet). */
  static final UnaryOperator<TokenStream> RUSSIAN =
      s -> new ICUFoldingFilter(new SnowballFilter(new LowerCaseFilter(s), new RussianStemmer()));

  /** After the ICU tokenizer: folding, then the transliteration key. */
  static final UnaryOperator<TokenStream> TRANSLIT = s -> new TranslitKeyFilter(new ICUFoldingFilter(s));

  /**
   * A document's text analysed in its own language (queries try each language's analysis), and
   * the transliteration keys of its words that look like names; word segmentation and folding run
   * once and are shared by both.
   *
   * @param chinese the {@link #chinese()} analyzer to segment Chinese with
   */
  static SearchAnalysis.TextStreams text(String text, String language, Analyzer chinese) throws IOException {
    SharedTokens raw = SharedTokens.of(text);
    SharedTokens folded = raw.through(NEUTRAL);
    TokenStream analysed = switch (language) {
      case "en" -> ENGLISH_AFTER_FOLDING.apply(folded.replay());
      case "ru" -> RUSSIAN.apply(raw.replay());
      case "zh" -> chinese.tokenStream(Fields.TEXT, text); // SmartCN segments on its own
      default -> folded.replay();
    };
    return new SearchAnalysis.TextStreams(analysed, new TranslitKeyFilter(folded.replayNameLike(raw)));
  }

  /** ICU word segmentation (dictionary-based for Han, Thai ...) and ICU folding. */
  static Analyzer neutral() {
    return chain(ICUTokenizer::new, NEUTRAL, ICUFoldingFilter::new);
  }

  static Analyzer english() {
    return chain(ICUTokenizer::new, ENGLISH, ICUFoldingFilter::new);
  }

  static Analyzer russian() {
    return chain(ICUTokenizer::new, RUSSIAN, ICUFoldingFilter::new);
  }

  /** SmartCN's HMM word segmentation, then folding (full-width to half-width). */
  static Analyzer chinese() {
    return chain(HMMChineseTokenizer::new, ICUFoldingFilter::new, ICUFoldingFilter::new);
  }

  static Analyzer translit() {
    return chain(ICUTokenizer::new, TRANSLIT, ICUFoldingFilter::new);
  }

  /** The whole value as one lower-cased term, for names, types and other keywords. */
  static Analyzer keyword() {
    return chain(KeywordTokenizer::new, LowerCaseFilter::new, LowerCaseFilter::new);
  }

  /**
   * @param tokenizer makes the tokenizer
   * @param filters wraps it for indexing and full-text queries
   * @param normalize wraps wildcard, prefix and fuzzy terms, which are not tokenized
   */
  private static Analyzer chain(
      Supplier<Tokenizer> tokenizer,
      UnaryOperator<TokenStream> filters,
      UnaryOperator<TokenStream> normalize) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = tokenizer.get();
        return new TokenStreamComponents(source, filters.apply(source));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return normalize.apply(in);
      }
    };
  }

  /** Every field's analyzer. */
  static Analyzer perField() {
    Map<String, Analyzer> map = new HashMap<>();
    Analyzer translit = translit();
    map.put(Fields.TEXT_TRANSLIT, translit);
    // names of people, organisations, places ... match across scripts: person:Danylyuk finds Данилюк
    for (String f : Fields.ENTITIES) {
      map.put(f, translit);
    }
    Analyzer keyword = keyword();
    for (String f : Fields.KEYWORDS) {
      map.put(f, keyword);
    }
    return new PerFieldAnalyzerWrapper(neutral(), map);
  }
}
