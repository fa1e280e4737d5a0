package org.dossier.index;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.dossier.core.InvalidQueryException;

/**
 * Lucene's classic syntax over Dossier's fields. A bare term searches the text (analysed as
 * English, Russian, Chinese and language-neutral, since each document's text was analysed in its
 * own language), the transliteration keys, the metadata and the file names. {@code date:2024-10}
 * and {@code date:[2024-01 TO 2024-06]} match the document's own date at the granularity written;
 * {@code year:2024} and {@code year:[2020 TO 2024]} its year; short names ({@code lang}, {@code
 * ext}) stand for their fields. AND is the default operator.
 */
final class DossierQueryParser extends QueryParser {
  /** The default field: a bare term. */
  private static final String ALL = "_all";
  private static final float TRANSLIT_BOOST = 0.3f;

  private final List<Analyzer> textAnalyzers;
  private final Analyzer translit;

  /**
   * @param perField the index's analyzers by field
   * @param textAnalyzers the analyses a document's text may have had (one per language)
   * @param translit the transliteration-key analyzer
   */
  DossierQueryParser(Analyzer perField, List<Analyzer> textAnalyzers, Analyzer translit) {
    super(ALL, perField);
    this.textAnalyzers = List.copyOf(textAnalyzers);
    this.translit = translit;
    setDefaultOperator(AND_OPERATOR);
    setAllowLeadingWildcard(true);
    setSplitOnWhitespace(true);
    setAutoGeneratePhraseQueries(true);
    // a fuzzy term keeps its first letter: the term dictionary is walked from there, not whole
    setFuzzyPrefixLength(1);
  }

  /**
   * Parses {@code text} as the index with these analyzers would search it.
   *
   * @throws InvalidQueryException when it cannot be parsed, with where and why
   */
  static Query parse(String text, Analyzer perField, List<Analyzer> textAnalyzers, Analyzer translit) {
    try {
      return new DossierQueryParser(perField, textAnalyzers, translit).parse(text);
    } catch (ParseException e) {
      throw new InvalidQueryException("cannot parse the query '" + text + "': " + firstLine(e), e);
    } catch (RuntimeException e) {
      throw new InvalidQueryException("cannot run the query '" + text + "': " + e.getMessage(), e);
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl >= 0 ? m.substring(0, nl) : m;
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    String f = canonical(field);
    if (Fields.DATE.equals(f)) {
      long[] range = dayRange(queryText, queryText);
      return LongPoint.newRangeQuery(Fields.DATE, range[0], range[1]);
    }
    if (Fields.YEAR.equals(f)) {
      return IntPoint.newExactQuery(Fields.YEAR, year(queryText));
    }
    if (ALL.equals(f)) {
      return everywhere(queryText, quoted, 0);
    }
    if (Fields.TEXT.equals(f)) {
      return text(queryText, quoted, 0);
    }
    return super.getFieldQuery(f, queryText, quoted);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    String f = canonical(field);
    if (ALL.equals(f)) {
      return everywhere(queryText, true, slop);
    }
    if (Fields.TEXT.equals(f)) {
      return text(queryText, true, slop);
    }
    return super.getFieldQuery(f, queryText, slop);
  }

  /** The text in each language's analysis, the transliteration keys, metadata and names. */
  private Query everywhere(String queryText, boolean quoted, int slop) {
    Set<Query> parts = new LinkedHashSet<>();
    add(parts, text(queryText, quoted, slop), 1f);
    add(parts, createFieldQuery(translit, occur(), Fields.TEXT_TRANSLIT, queryText, phrase(quoted), slop),
        TRANSLIT_BOOST);
    add(parts, createFieldQuery(getAnalyzer(), occur(), Fields.META, queryText, phrase(quoted), slop), 1f);
    add(parts, createFieldQuery(getAnalyzer(), occur(), Fields.NAME_TEXT, queryText, phrase(quoted), slop), 1f);
    return any(parts);
  }

  /** The text field, with the query analysed as each language's documents were. */
  private Query text(String queryText, boolean quoted, int slop) {
    Set<Query> parts = new LinkedHashSet<>();
    for (Analyzer a : textAnalyzers) {
      add(parts, createFieldQuery(a, occur(), Fields.TEXT, queryText, phrase(quoted), slop), 1f);
    }
    return any(parts);
  }

  private boolean phrase(boolean quoted) {
    return quoted || getAutoGeneratePhraseQueries();
  }

  private BooleanClause.Occur occur() {
    return getDefaultOperator() == AND_OPERATOR ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD;
  }

  private static void add(Set<Query> parts, Query q, float boost) {
    if (q != null) {
      parts.add(boost == 1f ? q : new BoostQuery(q, boost));
    }
  }

  /** One of the parts, or null when there are none (every word was dropped by analysis). */
  private static Query any(Set<Query> parts) {
    if (parts.isEmpty()) {
      return null;
    }
    if (parts.size() == 1) {
      return parts.iterator().next();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : parts) {
      b.add(q, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /** A multi-term query (wildcard, prefix, fuzzy ...) on a bare term: text, metadata, names. */
  private interface MultiTerm {
    Query on(String field) throws ParseException;
  }

  private Query multiTerm(String field, MultiTerm make, boolean translitToo) throws ParseException {
    String f = canonical(field);
    if (!ALL.equals(f)) {
      return make.on(f);
    }
    Set<Query> parts = new LinkedHashSet<>();
    add(parts, make.on(Fields.TEXT), 1f);
    if (translitToo) {
      add(parts, make.on(Fields.TEXT_TRANSLIT), TRANSLIT_BOOST);
    }
    add(parts, make.on(Fields.META), 1f);
    add(parts, make.on(Fields.NAME_TEXT), 1f);
    return any(parts);
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    String f = canonical(field);
    if (Fields.DATE.equals(f)) {
      long lo = part1 == null || part1.equals("*") ? Long.MIN_VALUE : dayRange(part1, part1)[0];
      long hi = part2 == null || part2.equals("*") ? Long.MAX_VALUE : dayRange(part2, part2)[1];
      if (!startInclusive && lo != Long.MIN_VALUE) {
        lo = dayRange(part1, part1)[1] + 1;
      }
      if (!endInclusive && hi != Long.MAX_VALUE) {
        hi = dayRange(part2, part2)[0] - 1;
      }
      return LongPoint.newRangeQuery(Fields.DATE, lo, hi);
    }
    if (Fields.YEAR.equals(f)) {
      int lo = part1 == null || part1.equals("*") ? Integer.MIN_VALUE : year(part1);
      int hi = part2 == null || part2.equals("*") ? Integer.MAX_VALUE : year(part2);
      if (!startInclusive && lo != Integer.MIN_VALUE) {
        lo++;
      }
      if (!endInclusive && hi != Integer.MAX_VALUE) {
        hi--;
      }
      return IntPoint.newRangeQuery(Fields.YEAR, lo, hi);
    }
    return super.getRangeQuery(ALL.equals(f) ? Fields.TEXT : f, part1, part2, startInclusive, endInclusive);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    return multiTerm(field, f -> super.getWildcardQuery(f, termStr), false);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return multiTerm(field, f -> super.getPrefixQuery(f, termStr), false);
  }

  /**
   * Edits allowed grow with the term, as search engines usually do: none up to 2 characters, one
   * up to 5, two beyond; an explicit {@code ~1} lowers it further. Fuzzy terms also reach the
   * transliteration keys, where a misspelt Latin name meets its Cyrillic form.
   */
  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    int length = termStr.codePointCount(0, termStr.length());
    int auto = length <= 2 ? 0 : length <= 5 ? 1 : 2;
    float edits = Math.min(minSimilarity, auto);
    return multiTerm(field, f -> Fields.TEXT.equals(f) ? fuzzyText(termStr, (int) edits)
        : super.getFuzzyQuery(f, termStr, edits), true);
  }

  /** Fuzzy on the text, for the term as each language's analysis would have indexed it. */
  private Query fuzzyText(String termStr, int edits) {
    Set<Query> parts = new LinkedHashSet<>();
    for (Analyzer a : textAnalyzers) {
      String term = singleToken(a, termStr);
      if (term != null) {
        parts.add(new FuzzyQuery(new Term(Fields.TEXT, term), edits, getFuzzyPrefixLength()));
      }
    }
    return any(parts);
  }

  /** The one token the analyzer makes of a word, or null when it makes none or several. */
  private static String singleToken(Analyzer a, String word) {
    try (TokenStream ts = a.tokenStream(Fields.TEXT, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String first = ts.incrementToken() ? term.toString() : null;
      boolean more = first != null && ts.incrementToken();
      ts.end();
      return more ? null : first;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return multiTerm(field, f -> super.getRegexpQuery(f, termStr), false);
  }

  private static String canonical(String field) {
    if (field == null) {
      return ALL;
    }
    return Fields.ALIASES.getOrDefault(field.toLowerCase(Locale.ROOT), field);
  }

  /** First and last epoch day of dates written as {@code 2024}, {@code 2024-10} or {@code 2024-10-05}. */
  static long[] dayRange(String from, String to) throws ParseException {
    return new long[] {bounds(from)[0], bounds(to)[1]};
  }

  private static long[] bounds(String s) throws ParseException {
    String t = s.strip();
    try {
      if (t.matches("\\d{4}")) {
        int y = Integer.parseInt(t);
        return new long[] {
          LocalDate.of(y, 1, 1).toEpochDay(), LocalDate.of(y, 12, 31).toEpochDay()
        };
      }
      if (t.matches("\\d{4}-\\d{1,2}")) {
        YearMonth ym = YearMonth.parse(t.length() == 6 ? t.substring(0, 5) + "0" + t.substring(5) : t);
        return new long[] {ym.atDay(1).toEpochDay(), ym.atEndOfMonth().toEpochDay()};
      }
      LocalDate d = LocalDate.parse(t);
      return new long[] {d.toEpochDay(), d.toEpochDay()};
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new ParseException("'" + s + "' is not a date; write 2024, 2024-10 or 2024-10-05");
    }
  }

  private static int year(String s) throws ParseException {
    String t = s.strip();
    if (!t.matches("-?\\d{1,4}")) {
      throw new ParseException("'" + s + "' is not a year; write e.g. 2024");
    }
    return Integer.parseInt(t);
  }
}
