package org.dossier.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Qualifier;
import org.dossier.link.StoredFindings;

/**
 * Values as a person writes them, for the commands' human output and the report (the JSON keeps
 * the normalized forms): money as {@code USD 270 million}, {@code more than USD 4.17 billion},
 * {@code CNY 30,000} (scale words from a million up, two decimals at most, trailing zeros
 * dropped, thousands separators below a million); counts with thousands separators; percentages
 * with a sign; dates as given (ISO 8601 prefixes: {@code 2024}, {@code 2024-10}, {@code
 * 2024-10-14}). A normalized form that does not read as its kind is shown as it is.
 */
public final class Readable {
  private Readable() {}

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final String[] SCALES = {"million", "billion", "trillion"};
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  /** A plain decimal or a range of two ({@code 10..15}), then an ISO currency for money. */
  private static final Pattern FIGURE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(?:\\.\\.(-?\\d+(?:\\.\\d+)?))?(?: ([A-Z]{3}))?");

  /** English qualifiers, shown as written before the value; others are shown by their bound. */
  private static final Set<String> ENGLISH = Set.of("more than", "greater than", "over", "above", "at least",
      "upwards of", "upward of", "in excess of", "no less than", "no fewer than", "north of", "up to", "as many as",
      "as much as", "less than", "fewer than", "under", "below", "at most", "no more than", "not more than",
      "a maximum of", "about", "around", "approximately", "roughly", "some", "nearly", "almost", "close to",
      "an estimated", "estimated", "circa", "as early as", "as soon as", "from", "starting", "beginning", "since",
      "after", "by the end of", "by end of", "until the end of", "before the end of", "no later than the end of", "by",
      "before", "no later than", "until", "till", "not later than");

  private static final Map<Qualifier.Bound, String> BOUND_WORDS = Map.of(Qualifier.Bound.AT_LEAST, "at least",
      Qualifier.Bound.AT_MOST, "at most", Qualifier.Bound.ABOUT, "about", Qualifier.Bound.BY, "by",
      Qualifier.Bound.FROM, "from", Qualifier.Bound.PRELIMINARY, "preliminary");

  /** A value with its qualifier: {@code more than USD 300 million}, {@code USD 338.9 million (preliminary)}. */
  public static String value(StoredFindings.Value v) {
    String bare = bare(v);
    if (v.qualifier().isEmpty()) {
      return bare;
    }
    Qualifier q = v.qualifier().get();
    String written = q.text().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (q.bound() == Qualifier.Bound.PRELIMINARY) {
      return bare + (written.equals("in a draft") ? " (in a draft)" : " (preliminary)");
    }
    return (ENGLISH.contains(written) ? written : BOUND_WORDS.get(q.bound())) + " " + bare;
  }

  /** A value without its qualifier. Names and statements are their normalized text. */
  public static String bare(StoredFindings.Value v) {
    return switch (v.kind()) {
      case "money" -> money(v.normalized());
      case "quantity", "count" -> count(v.normalized());
      case "percent" -> percent(v.normalized());
      default -> v.normalized();
    };
  }

  /** A normalized amount ({@code 618000000 USD}, {@code 1000000..2000000 EUR}) as a person writes it. */
  public static String money(String normalized) {
    Matcher m = FIGURE.matcher(normalized.strip());
    if (!m.matches() || m.group(3) == null) {
      return normalized;
    }
    BigDecimal low = new BigDecimal(m.group(1));
    if (m.group(2) == null) {
      return money(low, m.group(3));
    }
    BigDecimal high = new BigDecimal(m.group(2));
    int scale = scale(high);
    if (scale == scale(low)) {
      return m.group(3) + " " + scaled(low, scale) + "\u2013" + scaled(high, scale) + (scale < 0 ? "" : " " + SCALES[scale]);
    }
    return m.group(3) + " " + amount(low) + "\u2013" + amount(high);
  }

  /** {@code USD 270 million}, {@code EUR 748.3 million}, {@code CNY 30,000}. */
  public static String money(BigDecimal amount, String currency) {
    return currency + " " + amount(amount);
  }

  /** An amount without its currency: {@code 4.17 billion}, {@code 30,000}, {@code 1,250.5}. */
  static String amount(BigDecimal amount) {
    int scale = scale(amount);
    return scaled(amount, scale) + (scale < 0 ? "" : " " + SCALES[scale]);
  }

  /** The scale word an amount is written with (after rounding to two decimals), or -1 below a million. */
  private static int scale(BigDecimal amount) {
    BigDecimal a = amount.abs();
    if (rounded(a).compareTo(MILLION) < 0) {
      return -1;
    }
    int scale = 0;
    BigDecimal unit = MILLION;
    while (scale < SCALES.length - 1 && rounded(a.divide(unit)).compareTo(THOUSAND) >= 0) {
      unit = unit.multiply(THOUSAND);
      scale++;
    }
    return scale;
  }

  private static String scaled(BigDecimal amount, int scale) {
    BigDecimal unit = scale < 0 ? BigDecimal.ONE : MILLION.multiply(THOUSAND.pow(scale));
    return grouped(rounded(amount.divide(unit)));
  }

  private static BigDecimal rounded(BigDecimal n) {
    BigDecimal r = n.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return r.scale() < 0 ? r.setScale(0) : r;
  }

  /** A normalized count ({@code 4000}, {@code 10..15}) with thousands separators, exact. */
  public static String count(String normalized) {
    Matcher m = FIGURE.matcher(normalized.strip());
    if (!m.matches() || m.group(3) != null) {
      return normalized;
    }
    String low = grouped(new BigDecimal(m.group(1)));
    return m.group(2) == null ? low : low + "\u2013" + grouped(new BigDecimal(m.group(2)));
  }

  /** A normalized percentage ({@code 12.5}) as {@code 12.5%}. */
  public static String percent(String normalized) {
    Matcher m = FIGURE.matcher(normalized.strip());
    return m.matches() && m.group(3) == null ? count(normalized) + "%" : normalized;
  }

  /** A number with thousands separators, its decimals as they are: {@code 1,234,567.891}. */
  static String grouped(BigDecimal n) {
    String plain = n.toPlainString();
    boolean negative = plain.startsWith("-");
    String digits = negative ? plain.substring(1) : plain;
    int dot = digits.indexOf('.');
    String whole = dot < 0 ? digits : digits.substring(0, dot);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        b.append(',');
      }
      b.append(whole.charAt(i));
    }
    return (negative ? "-" : "") + b + (dot < 0 ? "" : digits.substring(dot));
  }

  /** A plain number at most {@code decimals} places, trailing zeros dropped: {@code 2.8}, {@code 12}. */
  static String number(double n, int decimals) {
    return grouped(rounded(BigDecimal.valueOf(n).setScale(decimals, RoundingMode.HALF_UP)));
  }

  /** {@code 1 year}, {@code 3 months}: a count with its noun, plural when it is not one. */
  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The text, clipped at a word to at most {@code max} characters with an ellipsis. */
  static String clip(String text, int max) {
    String t = text.strip().replaceAll("\\s+", " ");
    if (t.length() <= max) {
      return t;
    }
    int cut = t.lastIndexOf(' ', max - 1);
    String head = (cut > max / 2 ? t.substring(0, cut) : t.substring(0, max - 1)).replaceAll("[\\s,;:.\u2014\u2013-]+$", "");
    return head + "\u2026";
  }
}
