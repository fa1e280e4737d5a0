package org.dossier.index;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic syntax over Dossier's fields: bare terms search every text field; {@code
 * date:2024-10} and {@code date:[2024-01 TO 2024-06]} match the document's own date at the
 * granularity written; {@code year:2024} and {@code year:[2020 TO 2024]} match its year; short
 * names ({@code lang}, {@code ext}) stand for their fields. AND is the default operator.
 */
final class DossierQueryParser extends MultiFieldQueryParser {

  DossierQueryParser(Analyzer analyzer) {
    super(
        Fields.DEFAULT_FIELDS.keySet().stream().sorted().toArray(String[]::new),
        analyzer,
        Fields.DEFAULT_FIELDS);
    setDefaultOperator(AND_OPERATOR);
    setAllowLeadingWildcard(true);
    setSplitOnWhitespace(true);
    setAutoGeneratePhraseQueries(true);
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
      int y = year(queryText);
      return IntPoint.newExactQuery(Fields.YEAR, y);
    }
    return super.getFieldQuery(f, queryText, quoted);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    return super.getFieldQuery(canonical(field), queryText, slop);
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
    return super.getRangeQuery(f, part1, part2, startInclusive, endInclusive);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    return super.getWildcardQuery(canonical(field), termStr);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return super.getPrefixQuery(canonical(field), termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    return super.getFuzzyQuery(canonical(field), termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return super.getRegexpQuery(canonical(field), termStr);
  }

  private static String canonical(String field) {
    if (field == null) {
      return null;
    }
    String lower = field.toLowerCase(Locale.ROOT);
    return ALIASES.getOrDefault(lower, field);
  }

  private static final Map<String, String> ALIASES = Fields.ALIASES;

  /** First and last epoch day of a date written as {@code 2024}, {@code 2024-10} or {@code 2024-10-05}. */
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
      throw new ParseException(
          "'" + s + "' is not a date; write 2024, 2024-10 or 2024-10-05");
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
