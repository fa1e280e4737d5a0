package org.dossier.index;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
  /** Languages with a field of their own; other languages are served by {@code text} alone. */
  static final Set<String> LANGUAGE_FIELDS = Set.of("en", "ru", "zh");

  private Analyzers() {}

  /** ICU word segmentation (dictionary-based for Han, Thai ...) and ICU folding. */
  static Analyzer neutral() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new ICUTokenizer();
        return new TokenStreamComponents(source, new ICUFoldingFilter(source));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ICUFoldingFilter(in);
      }
    };
  }

  static Analyzer english() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new ICUTokenizer();
        TokenStream s = new EnglishPossessiveFilter(source);
        s = new ICUFoldingFilter(s);
        return new TokenStreamComponents(source, new PorterStemFilter(s));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ICUFoldingFilter(in);
      }
    };
  }

  /** Lower-cases, stems with Snowball Russian, then folds (so ё and е meet). */
  static Analyzer russian() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new ICUTokenizer();
        TokenStream s = new LowerCaseFilter(source);
        s = new SnowballFilter(s, new RussianStemmer());
        return new TokenStreamComponents(source, new ICUFoldingFilter(s));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ICUFoldingFilter(in);
      }
    };
  }

  /** SmartCN's HMM word segmentation, then folding (full-width to half-width). */
  static Analyzer chinese() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new HMMChineseTokenizer();
        return new TokenStreamComponents(source, new ICUFoldingFilter(source));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ICUFoldingFilter(in);
      }
    };
  }

  static Analyzer translit() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new ICUTokenizer();
        TokenStream s = new ICUFoldingFilter(source);
        return new TokenStreamComponents(source, new TranslitKeyFilter(s));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ICUFoldingFilter(in);
      }
    };
  }

  /** The whole value as one lower-cased term, for names, types and other keywords. */
  static Analyzer keyword() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  /** Every field's analyzer. */
  static Analyzer perField() {
    Map<String, Analyzer> map = new HashMap<>();
    map.put(Fields.TEXT_EN, english());
    map.put(Fields.TEXT_RU, russian());
    map.put(Fields.TEXT_ZH, chinese());
    map.put(Fields.TEXT_TRANSLIT, translit());
    Analyzer keyword = keyword();
    for (String f : Fields.KEYWORDS) {
      map.put(f, keyword);
    }
    return new PerFieldAnalyzerWrapper(neutral(), map);
  }
}
