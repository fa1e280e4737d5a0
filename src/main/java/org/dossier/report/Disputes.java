package org.dossier.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dossier.link.FindingStreams;
import org.dossier.link.StoredFindings;

/**
 * The disputes of a case, largest first. A dispute is a fact whose sources conflict or diverge
 * (status {@code conflict} or {@code divergent}) with values that can be set against each other:
 * dates, or figures of one kind (amounts in one currency, after any conversion the text states;
 * numbers of things; percentages). Its size is how far apart its values are: for dates, the
 * longest span between two of them at the precision both give (years, then months, then days);
 * for figures, the ratio of the largest to the smallest as stated, bounds included ("more than
 * 270" against 756 is 2.8 times, compatible or not). To rank dates against figures, a year apart
 * weighs as much as one figure being twice the other.
 */
public final class Disputes {
  private Disputes() {}

  /** Figures at least this many times apart are described by their ratio, closer ones by a percentage. */
  private static final double RATIO_WORDS = 1.5;

  /** A fact in dispute, and how large the dispute is. */
  public record Dispute(StoredFindings.Fact fact, Size size) {
    public Dispute {
      Objects.requireNonNull(fact, "fact");
      Objects.requireNonNull(size, "size");
    }
  }

  /** How far apart the values of a dispute are. */
  public sealed interface Size permits Apart, Ratio {
    /** The size on one scale for ranking: years apart, or how many times the smallest figure the gap is. */
    double score();

    /** In words: {@code 2 years apart}, {@code the largest is 2.8 times the smallest}, {@code 5% apart}. */
    String words();
  }

  /** Dates this far apart. */
  public record Apart(Period period) implements Size {
    public Apart {
      Objects.requireNonNull(period, "period");
      period = period.normalized();
      if (period.isNegative()) {
        throw new IllegalArgumentException("a span between dates is not negative: " + period);
      }
    }

    @Override
    public double score() {
      return period.getYears() + period.getMonths() / 12.0 + period.getDays() / 365.25;
    }

    @Override
    public String words() {
      List<String> parts = new ArrayList<>();
      if (period.getYears() > 0) {
        parts.add(Readable.plural(period.getYears(), "year"));
      }
      if (period.getMonths() > 0) {
        parts.add(Readable.plural(period.getMonths(), "month"));
      }
      if (period.getDays() > 0) {
        parts.add(Readable.plural(period.getDays(), "day"));
      }
      if (parts.isEmpty()) {
        return "the same date";
      }
      String last = parts.remove(parts.size() - 1);
      return (parts.isEmpty() ? last : String.join(", ", parts) + " and " + last) + " apart";
    }
  }

  /** Figures whose largest is {@code largest / smallest} times the smallest. */
  public record Ratio(BigDecimal largest, BigDecimal smallest) implements Size {
    public Ratio {
      Objects.requireNonNull(largest, "largest");
      Objects.requireNonNull(smallest, "smallest");
      if (smallest.signum() < 0 || largest.compareTo(smallest) < 0) {
        throw new IllegalArgumentException("a ratio needs 0 <= smallest <= largest, got " + smallest + ", " + largest);
      }
    }

    /** Largest over smallest; infinite when the smallest is zero and the largest is not. */
    public double times() {
      if (smallest.signum() == 0) {
        return largest.signum() == 0 ? 1 : Double.POSITIVE_INFINITY;
      }
      return largest.divide(smallest, MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public double score() {
      return times() - 1;
    }

    @Override
    public String words() {
      double t = times();
      if (Double.isInfinite(t)) {
        return "one figure is zero";
      }
      if (t >= RATIO_WORDS) {
        return "the largest is " + Readable.number(t, t < 10 ? 1 : 0) + " times the smallest";
      }
      double percent = (t - 1) * 100;
      if (percent < 0.05) {
        return "the same figure";
      }
      return Readable.number(percent, percent < 10 ? 1 : 0) + "% apart";
    }
  }

  /** Disputes read back by id at once, at most, while they are handed over in rank order. */
  private static final int READ_AT_ONCE = 256;

  /**
   * The disputes among the facts {@code in} hands over (of {@code story} when given, with one of
   * {@code statuses}), handed to {@code each} largest first (in their stored order when equal).
   * Only each dispute's id and size are held to rank them; the facts are read again by id, a few
   * hundred at a time, in rank order ({@link FindingStreams#factsById}), so a case's disputes are
   * ranked in the memory of their ids, not of their claims.
   */
  public static void ranked(FindingStreams in, Optional<String> story, List<String> statuses,
      FindingStreams.Each<Dispute> each) throws IOException {
    List<String> order = order(in, story, statuses, false);
    for (int from = 0; from < order.size(); from += READ_AT_ONCE) {
      List<String> some = order.subList(from, Math.min(order.size(), from + READ_AT_ONCE));
      // a fact no longer a dispute (the case linked again meanwhile) is left out; the reader's
      // check of the stage runs says so
      in.factsById(some, f -> {
        Optional<Dispute> d = of(f);
        if (d.isPresent()) {
          each.accept(d.get());
        }
      });
    }
  }

  /**
   * The ids of the facts {@code in} hands over (of {@code story} when given, with one of {@code
   * statuses}) in the order {@code dossier facts} lists them: the disputes largest first (in their
   * stored order when equal), then the other facts in their order. Only ids and sizes are held.
   */
  public static List<String> disputesFirst(FindingStreams in, Optional<String> story, List<String> statuses)
      throws IOException {
    return order(in, story, statuses, true);
  }

  /** The disputes' ids largest first, and with {@code rest} the other facts' after them in their order. */
  private static List<String> order(FindingStreams in, Optional<String> story, List<String> statuses, boolean rest)
      throws IOException {
    List<String> ids = new ArrayList<>();
    List<String> others = new ArrayList<>();
    double[][] scores = {new double[64]};
    in.facts(story, statuses, f -> {
      Optional<Dispute> d = of(f);
      if (d.isEmpty()) {
        if (rest) {
          others.add(f.id());
        }
        return;
      }
      if (ids.size() == scores[0].length) {
        scores[0] = java.util.Arrays.copyOf(scores[0], ids.size() * 2);
      }
      scores[0][ids.size()] = d.get().size().score();
      ids.add(f.id());
    });
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double[] score = scores[0];
    java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed()); // stable
    List<String> out = new ArrayList<>(ids.size() + others.size());
    for (Integer i : order) {
      out.add(ids.get(i));
    }
    out.addAll(others);
    return out;
  }

  /** The fact as a dispute, when it is one. */
  public static Optional<Dispute> of(StoredFindings.Fact f) {
    if (!f.status().equals("conflict") && !f.status().equals("divergent")) {
      return Optional.empty();
    }
    Optional<Size> largest = Optional.empty();
    for (Optional<Size> s : List.of(dates(f.claims()), money(f.claims()), numbers(f.claims(), "quantity", "count"),
        numbers(f.claims(), "percent"))) {
      if (s.isPresent() && (largest.isEmpty() || s.get().score() > largest.get().score())) {
        largest = s;
      }
    }
    return largest.map(s -> new Dispute(f, s));
  }

  /** The longest span between two of the dates, each pair at the precision both give. */
  private static Optional<Size> dates(List<StoredFindings.Claim> claims) {
    List<String> dates = claims.stream().map(StoredFindings.Claim::value).filter(StoredFindings.Value::date)
        .map(StoredFindings.Value::normalized).distinct().toList();
    if (claims.stream().filter(c -> c.value().date()).count() < 2) {
      return Optional.empty();
    }
    Period longest = Period.ZERO;
    for (String a : dates) {
      for (String b : dates) {
        int precision = Math.min(a.length(), b.length());
        LocalDate x = start(a.substring(0, precision));
        LocalDate y = start(b.substring(0, precision));
        if (x.isBefore(y)) {
          Period p = Period.between(x, y);
          if (new Apart(p).score() > new Apart(longest).score()) {
            longest = p;
          }
        }
      }
    }
    return Optional.of(new Apart(longest));
  }

  private static LocalDate start(String iso) {
    return LocalDate.parse(iso.length() == 4 ? iso + "-01-01" : iso.length() == 7 ? iso + "-01" : iso);
  }

  /** Amounts in the currency most of them are in (or are converted to in the text). */
  private static Optional<Size> money(List<StoredFindings.Claim> claims) {
    Map<String, Integer> byCurrency = new LinkedHashMap<>();
    for (StoredFindings.Claim c : claims) {
      c.value().currency().ifPresent(cur -> byCurrency.merge(cur, 1, Integer::sum));
    }
    Optional<String> currency = byCurrency.entrySet().stream()
        .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)).map(Map.Entry::getKey);
    if (currency.isEmpty()) {
      return Optional.empty();
    }
    List<BigDecimal> amounts = new ArrayList<>();
    for (StoredFindings.Claim c : claims) {
      c.value().amountIn(currency.get()).ifPresent(amounts::add);
    }
    return ratio(amounts);
  }

  private static Optional<Size> numbers(List<StoredFindings.Claim> claims, String... kinds) {
    List<String> wanted = List.of(kinds);
    List<BigDecimal> numbers = new ArrayList<>();
    for (StoredFindings.Claim c : claims) {
      if (wanted.contains(c.value().kind())) {
        c.value().number().ifPresent(numbers::add);
      }
    }
    return ratio(numbers);
  }

  private static Optional<Size> ratio(List<BigDecimal> figures) {
    if (figures.size() < 2) {
      return Optional.empty();
    }
    BigDecimal smallest = figures.stream().map(BigDecimal::abs).min(Comparator.naturalOrder()).orElseThrow();
    BigDecimal largest = figures.stream().map(BigDecimal::abs).max(Comparator.naturalOrder()).orElseThrow();
    return Optional.of(new Ratio(largest, smallest));
  }

}
