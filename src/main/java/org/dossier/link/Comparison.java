package org.dossier.link;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import org.dossier.core.Qualifier;
import org.dossier.core.Qualifier.Bound;
import org.dossier.core.Quantity;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;

/**
 * Whether two claims about the same thing can both be true: the same value after normalization
 * (units, stated conversions, rounding, date granularity), compatible only under their
 * qualifiers, or not at all.
 */
final class Comparison {
  enum Verdict { AGREE, DIVERGENT, CONFLICT }

  /**
   * @param comparable false when the values cannot be set against each other at all (different
   *     currencies with no conversion, different kinds): divergent, but no evidence either way
   */
  record Result(Verdict verdict, String why, boolean comparable) {
    Result(Verdict verdict, String why) {
      this(verdict, why, true);
    }
  }

  /** Unqualified round numbers within this share of each other are the same figure. */
  private static final BigDecimal ROUNDING = new BigDecimal("0.025");
  /** "About" a figure covers this share around it. */
  private static final BigDecimal ABOUT = new BigDecimal("0.10");

  private Comparison() {}

  static Result compare(Claim a, Claim b) {
    if (a.measure().isEmpty() || b.measure().isEmpty()) {
      return new Result(Verdict.DIVERGENT, "not values", false);
    }
    ValueMention vx = a.measure().get().value();
    ValueMention vy = b.measure().get().value();
    Value x = vx.value();
    Value y = vy.value();
    Optional<Qualifier> qa = a.qualifier();
    Optional<Qualifier> qb = b.qualifier();
    if (a.preliminary() != b.preliminary()) {
      Claim p = a.preliminary() ? a : b;
      if (sameNumber(x, y)) {
        return new Result(Verdict.AGREE, "the same value, one of them preliminary");
      }
      ValueMention pv = p == a ? vx : vy;
      String why = p.draftDocument() && pv.qualifier().filter(q -> q.bound() == Bound.PRELIMINARY).isEmpty()
          ? "is in a draft" : "is " + describe(pv.qualifier().orElse(p.qualifier().get()));
      return new Result(Verdict.DIVERGENT, "\"" + pv.text() + "\" " + why
          + ", so a different final value does not contradict it");
    }
    if (x instanceof Value.Date dx && y instanceof Value.Date dy) {
      Result r = dates(dx, qa, dy, qb);
      if (r.verdict() == Verdict.CONFLICT && (dx.relative() || dy.relative())) {
        // "last month", "on Friday": read against each document's own date, which may be wrong
        Value.Date rel = dx.relative() ? dx : dy;
        return new Result(Verdict.DIVERGENT, r.why() + ", but " + rel.iso()
            + " was read relative to its document's own date (\"" + (dx.relative() ? vx : vy).text() + "\")", true);
      }
      return r;
    }
    if (x instanceof Value.Money mx && y instanceof Value.Money my) {
      Optional<Value.Money> my2 = converted(b, mx.currency());
      Optional<Value.Money> mx2 = converted(a, my.currency());
      if (!mx.currency().equals(my.currency())) {
        if (my2.isPresent()) {
          Result r = numbers(mx.amount(), qa, my2.get().amount(), qb);
          return new Result(r.verdict, r.why + " (after the conversion the text states)", r.comparable);
        }
        if (mx2.isPresent()) {
          Result r = numbers(mx2.get().amount(), qa, my.amount(), qb);
          return new Result(r.verdict, r.why + " (after the conversion the text states)", r.comparable);
        }
        return new Result(Verdict.DIVERGENT, "different currencies (" + mx.currency() + ", "
            + my.currency() + ") and no conversion stated", false);
      }
      return numbers(mx.amount(), qa, my.amount(), qb);
    }
    Optional<Quantity> nx = number(x);
    Optional<Quantity> ny = number(y);
    if (nx.isPresent() && ny.isPresent()) {
      return numbers(nx.get(), qa, ny.get(), qb);
    }
    return new Result(Verdict.DIVERGENT, "values of different kinds (" + x.kind() + ", " + y.kind() + ")", false);
  }

  private static boolean sameNumber(Value x, Value y) {
    return x.kind().equals(y.kind()) && x.normalized().equals(y.normalized());
  }

  private static Optional<Value.Money> converted(Claim c, String currency) {
    return c.measure().map(Claim.Measure::alternates).orElse(java.util.List.of()).stream().filter(v -> v instanceof Value.Money m && m.currency().equals(currency))
        .map(v -> (Value.Money) v).findFirst();
  }

  /**
   * True when two figures of one kind (and currency) are within {@link #ROUNDING} of each other
   * without being the same: one figure reported twice, once wrongly or from another draft, far
   * likelier than two figures of two things ("$5.43 bn", "$5.5 bn"). They dispute, as one fact.
   */
  static boolean close(Claim a, Claim b) {
    Optional<Value> va = a.measure().map(m -> m.value().value());
    Optional<Value> vb = b.measure().map(m -> m.value().value());
    if (va.isEmpty() || vb.isEmpty() || !va.get().kind().equals(vb.get().kind())
        || va.get() instanceof Value.Money ma && vb.get() instanceof Value.Money mb && !ma.currency().equals(mb.currency())) {
      return false;
    }
    Optional<Quantity> x = number(va.get());
    Optional<Quantity> y = number(vb.get());
    if (x.isEmpty() || y.isEmpty() || x.get().isRange() || y.get().isRange()) {
      return false;
    }
    return apart(x.get().low(), y.get().low()).compareTo(ROUNDING) <= 0;
  }

  /** How far apart two figures are, as a share of the larger; 0 for two zeros. */
  private static BigDecimal apart(BigDecimal x, BigDecimal y) {
    BigDecimal max = x.abs().max(y.abs());
    return max.signum() == 0 ? BigDecimal.ZERO : x.subtract(y).abs().divide(max, MathContext.DECIMAL64);
  }

  /** The number of a figure (an amount's, a count's, a share's); empty for a date. */
  static Optional<Quantity> number(Value v) {
    if (v instanceof Value.Things t) {
      return Optional.of(t.number());
    }
    if (v instanceof Value.Count c) {
      return Optional.of(c.number());
    }
    if (v instanceof Value.Percent p) {
      return Optional.of(p.number());
    }
    if (v instanceof Value.Money m) {
      return Optional.of(m.amount());
    }
    return Optional.empty();
  }

  static Result numbers(Quantity a, Optional<Qualifier> qa, Quantity b, Optional<Qualifier> qb) {
    Bound ba = qa.map(Qualifier::bound).orElse(null);
    Bound bb = qb.map(Qualifier::bound).orElse(null);
    if (a.isRange() || b.isRange()) {
      boolean overlap = a.low().compareTo(b.high()) <= 0 && b.low().compareTo(a.high()) <= 0;
      if (a.plain().equals(b.plain())) {
        return new Result(Verdict.AGREE, "the same range");
      }
      return overlap ? new Result(Verdict.DIVERGENT, "overlapping ranges (" + a.plain() + ", " + b.plain() + ")")
          : new Result(Verdict.CONFLICT, "ranges that do not overlap (" + a.plain() + ", " + b.plain() + ")");
    }
    BigDecimal x = a.low();
    BigDecimal y = b.low();
    if (ba == Bound.AT_LEAST || ba == Bound.AT_MOST || bb == Bound.AT_LEAST || bb == Bound.AT_MOST) {
      boolean fits = fits(x, ba, y) && fits(y, bb, x);
      if (x.compareTo(y) == 0 && ba == bb) {
        return new Result(Verdict.AGREE, "the same bound");
      }
      String q = qa.filter(q1 -> q1.bound() == Bound.AT_LEAST || q1.bound() == Bound.AT_MOST)
          .or(() -> qb).map(Qualifier::text).orElse("");
      return fits
          ? new Result(Verdict.DIVERGENT, "compatible only under the qualifier \"" + q + "\": a bound, not a figure")
          : new Result(Verdict.CONFLICT, "outside the bound \"" + q + "\"");
    }
    if (x.compareTo(y) == 0) {
      return new Result(Verdict.AGREE, "the same value");
    }
    BigDecimal share = apart(x, y);
    if (ba == Bound.ABOUT || bb == Bound.ABOUT) {
      return share.compareTo(ABOUT) <= 0
          ? new Result(Verdict.AGREE, "the same value, rounded (\"" + qa.or(() -> qb).map(Qualifier::text).orElse("about") + "\")")
          : new Result(Verdict.CONFLICT, "different values, even allowing for \"about\"");
    }
    if (ba == Bound.BY || ba == Bound.FROM || bb == Bound.BY || bb == Bound.FROM) {
      return new Result(Verdict.DIVERGENT, "one value is a bound in time (\"" + qa.or(() -> qb).map(Qualifier::text).orElse("") + "\")");
    }
    if (share.compareTo(ROUNDING) <= 0 && (roundingOf(x, y) || roundingOf(y, x))) {
      return new Result(Verdict.AGREE, "the same value, rounded");
    }
    return new Result(Verdict.CONFLICT, "different values (" + x.toPlainString() + ", " + y.toPlainString() + ")");
  }

  /**
   * True when {@code rounded} is {@code exact} rounded at its own last significant digit, to the
   * nearest or down ("5.4 billion" for 5.43 or 5.46 billion, "$210 million" for $214 million),
   * and has fewer significant digits than its size, as rounding leaves a figure. "5.5 billion" is
   * no rounding of 5.43 billion.
   */
  static boolean roundingOf(BigDecimal rounded, BigDecimal exact) {
    BigDecimal r = rounded.stripTrailingZeros();
    if (r.scale() >= 0) {
      return false;
    }
    int scale = r.scale();
    return exact.setScale(scale, java.math.RoundingMode.HALF_UP).compareTo(r) == 0
        || exact.setScale(scale, java.math.RoundingMode.DOWN).compareTo(r) == 0;
  }

  /** True when {@code other} satisfies the bound of {@code x}. */
  private static boolean fits(BigDecimal x, Bound bound, BigDecimal other) {
    if (bound == Bound.AT_LEAST) {
      return other.compareTo(x) >= 0;
    }
    if (bound == Bound.AT_MOST) {
      return other.compareTo(x) <= 0;
    }
    return true;
  }

  static Result dates(Value.Date x, Optional<Qualifier> qa, Value.Date y, Optional<Qualifier> qb) {
    String a = x.iso();
    String b = y.iso();
    Bound ba = qa.map(Qualifier::bound).orElse(null);
    Bound bb = qb.map(Qualifier::bound).orElse(null);
    // one within the other: "2024" and "2024-10", the 1980s and 1983
    boolean prefix = x.covers(y) || y.covers(x);
    String coarser = x.covers(y) ? a : b;
    if (ba == Bound.BY || bb == Bound.BY || ba == Bound.FROM || bb == Bound.FROM) {
      if (a.equals(b) && ba == bb) {
        return new Result(Verdict.AGREE, "the same date");
      }
      if (prefix && ba == bb) {
        return new Result(Verdict.AGREE, "the same limit at a coarser granularity (" + coarser + ")");
      }
      // "by June 2025" fits any date up to the end of June 2025
      boolean fits = fitsTime(x, ba, y) && fitsTime(y, bb, x);
      String q = qa.filter(q1 -> q1.bound() == Bound.BY || q1.bound() == Bound.FROM).or(() -> qb).map(Qualifier::text).orElse("");
      return fits ? new Result(Verdict.DIVERGENT, "compatible only under \"" + q + "\": a limit, not a date")
          : new Result(Verdict.CONFLICT, "outside the limit \"" + q + "\"");
    }
    if (a.equals(b)) {
      return new Result(Verdict.AGREE, "the same date");
    }
    if (prefix) {
      return new Result(Verdict.AGREE, "the same date at a coarser granularity (" + coarser + ")");
    }
    if (x.decade() || y.decade()) {
      return new Result(Verdict.CONFLICT, "different decades (" + a + ", " + b + ")");
    }
    if (!a.substring(0, 4).equals(b.substring(0, 4))) {
      return new Result(Verdict.CONFLICT, "different years (" + a + ", " + b + ")");
    }
    return new Result(Verdict.CONFLICT, "different dates (" + a + ", " + b + ")");
  }

  /** True when {@code other} satisfies the limit {@code x} sets, compared at the coarser of the two. */
  private static boolean fitsTime(Value.Date x, Bound bound, Value.Date other) {
    String p = x.prefix();
    String o = other.prefix();
    int n = Math.min(p.length(), o.length());
    int c = o.substring(0, n).compareTo(p.substring(0, n));
    if (bound == Bound.BY) {
      return c <= 0;
    }
    if (bound == Bound.FROM) {
      return c >= 0;
    }
    return true;
  }

  static String describe(Qualifier q) {
    return switch (q.bound()) {
      case PRELIMINARY -> "preliminary (\"" + q.text() + "\")";
      default -> "qualified (\"" + q.text() + "\")";
    };
  }
}
