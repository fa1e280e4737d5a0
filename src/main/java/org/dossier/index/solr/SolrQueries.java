package org.dossier.index.solr;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.dossier.index.Fields;

/**
 * A query parsed by Dossier's parser ({@link org.dossier.index.SearchAnalysis#parse}) as Solr
 * request parameters that make Solr build the same Lucene query: each part becomes one of Solr's
 * query parsers that takes its terms as they are ({@code term}, {@code prefix}, {@code fuzzy},
 * {@code bool}; the standard parser for phrases, wildcards, regular expressions and ranges of
 * numbers, whose terms the schema's whitespace and keyword analysis leave alone; Lucene's XML syntax
 * for ranges of terms), its terms in parameters of their own
 * so that nothing needs escaping twice. The query is never parsed twice from the user's text: the
 * two engines cannot read one query two ways.
 */
final class SolrQueries {
  private static final String PARAM = "dq";
  private final Map<String, String> params = new LinkedHashMap<>();

  private SolrQueries() {}

  /** The query as Solr parameters: {@code q} and the parameters it refers to. */
  record Translated(String q, Map<String, String> params) {}

  /**
   * @throws IllegalArgumentException when a part of the query has no equivalent in Solr (Dossier's
   *     parser makes none such today)
   */
  static Translated of(Query query) {
    SolrQueries t = new SolrQueries();
    String q = t.local(query);
    return new Translated(q, Map.copyOf(t.params));
  }

  private String local(Query query) {
    if (query instanceof TermQuery t) {
      return "{!term f=" + quoted(t.getTerm().field()) + " v=" + ref(t.getTerm().text()) + "}";
    }
    if (query instanceof BooleanQuery b) {
      return bool(b);
    }
    if (query instanceof BoostQuery b) {
      return "{!lucene v=" + ref("_query_:\"" + escapeInQuotes(local(b.getQuery())) + "\"^" + b.getBoost()) + "}";
    }
    if (query instanceof PhraseQuery p) {
      return phrase(p);
    }
    if (query instanceof PrefixQuery p) {
      return "{!prefix f=" + quoted(p.getPrefix().field()) + " v=" + ref(p.getPrefix().text()) + "}";
    }
    if (query instanceof FuzzyQuery f) {
      return "{!fuzzy f=" + quoted(f.getTerm().field()) + " maxEdits=" + f.getMaxEdits() + " prefixLength="
          + f.getPrefixLength() + " maxExpansions=" + FuzzyQuery.defaultMaxExpansions + " transpositions="
          + f.getTranspositions() + " v=" + ref(f.getTerm().text()) + "}";
    }
    if (query instanceof WildcardQuery w) {
      return standard(w.getTerm().field(), wildcard(w.getTerm().text()));
    }
    if (query instanceof RegexpQuery r) {
      Term t = r.getRegexp();
      return standard(t.field(), "/" + t.text().replace("/", "\\/") + "/");
    }
    if (query instanceof TermRangeQuery r) {
      return range(r);
    }
    if (query instanceof PointRangeQuery p && p.getNumDims() == 1) {
      return standard(p.getField(), points(p));
    }
    if (query instanceof MatchAllDocsQuery) {
      return "{!lucene v=" + ref("*:*") + "}";
    }
    if (query instanceof MatchNoDocsQuery) {
      return nothing();
    }
    throw new IllegalArgumentException("a part of the query has no equivalent on Solr: " + query.getClass().getSimpleName()
        + " " + query);
  }

  private String bool(BooleanQuery b) {
    boolean positive = false;
    StringBuilder out = new StringBuilder("{!bool");
    for (BooleanClause c : b.clauses()) {
      String name = switch (c.getOccur()) {
        case MUST -> "must";
        case SHOULD -> "should";
        case FILTER -> "filter";
        case MUST_NOT -> "must_not";
      };
      positive |= c.getOccur() != BooleanClause.Occur.MUST_NOT;
      out.append(' ').append(name).append('=').append(ref(local(c.getQuery())));
    }
    if (!positive) {
      // Lucene matches nothing with only prohibited clauses, where Solr would add "everything"
      return nothing();
    }
    if (b.getMinimumNumberShouldMatch() > 0) {
      out.append(" mm=").append(b.getMinimumNumberShouldMatch());
    }
    return out.append('}').toString();
  }

  private String phrase(PhraseQuery p) {
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    StringBuilder text = new StringBuilder("\"");
    for (int i = 0; i < terms.length; i++) {
      String t = terms[i].text();
      if (positions[i] != positions[0] + i || t.isEmpty() || t.codePoints().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("a phrase with gaps or spaces in its terms has no equivalent on Solr: " + p);
      }
      text.append(i == 0 ? "" : " ").append(escapeInQuotes(t));
    }
    text.append('"');
    if (p.getSlop() > 0) {
      text.append('~').append(p.getSlop());
    }
    return standard(p.getField(), text.toString());
  }

  private static String points(PointRangeQuery p) {
    byte[] lo = p.getLowerPoint();
    byte[] hi = p.getUpperPoint();
    if (Fields.DATE.equals(p.getField())) {
      long l = LongPoint.decodeDimension(lo, 0);
      long h = LongPoint.decodeDimension(hi, 0);
      return "[" + (l == Long.MIN_VALUE ? "*" : Long.toString(l)) + " TO " + (h == Long.MAX_VALUE ? "*" : Long.toString(h)) + "]";
    }
    if (Fields.YEAR.equals(p.getField())) {
      int l = IntPoint.decodeDimension(lo, 0);
      int h = IntPoint.decodeDimension(hi, 0);
      return "[" + (l == Integer.MIN_VALUE ? "*" : Integer.toString(l)) + " TO "
          + (h == Integer.MAX_VALUE ? "*" : Integer.toString(h)) + "]";
    }
    throw new IllegalArgumentException("a range on " + p.getField() + " has no equivalent on Solr");
  }

  /** The standard parser on one field (its default field), for syntax that has no parser of its own. */
  private String standard(String field, String syntax) {
    return "{!lucene df=" + quoted(field) + " v=" + ref(syntax) + "}";
  }

  private String nothing() {
    return "{!lucene v=" + ref("-*:*") + "}";
  }

  private String ref(String value) {
    String name = PARAM + (params.size() + 1);
    params.put(name, value);
    return "$" + name;
  }

  /** A wildcard pattern as the standard parser reads it: its wildcards and escapes kept, anything else literal. */
  private static String wildcard(String pattern) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        out.append(c).append(pattern.charAt(++i));
      } else if (c == '*' || c == '?') {
        out.append(c);
      } else {
        if ("+-!(){}[]^\"~:\\/&|".indexOf(c) >= 0 || Character.isWhitespace(c)) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A range of terms through Lucene's XML query syntax, which takes its bounds as they are (the
   * standard parser would analyse them): an open lower bound is the empty term, which every term
   * follows; an open upper bound is a term after any a text makes (U+10FFFF four times).
   */
  private String range(TermRangeQuery r) {
    String lower = r.getLowerTerm() == null ? "" : r.getLowerTerm().utf8ToString();
    String upper = r.getUpperTerm() == null ? "\uDBFF\uDFFF".repeat(4) : r.getUpperTerm().utf8ToString();
    boolean includeLower = r.getLowerTerm() == null || r.includesLower();
    boolean includeUpper = r.getUpperTerm() == null || r.includesUpper();
    return "{!xmlparser v=" + ref("<RangeQuery fieldName=\"" + xml(r.getField()) + "\" lowerTerm=\"" + xml(lower)
        + "\" upperTerm=\"" + xml(upper) + "\" includeLower=\"" + includeLower + "\" includeUpper=\"" + includeUpper
        + "\"/>") + "}";
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String escapeInQuotes(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** A local parameter's value in single quotes. */
  private static String quoted(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
