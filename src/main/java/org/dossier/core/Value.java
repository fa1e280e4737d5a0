package org.dossier.core;

import java.util.Objects;

/**
 * What a value mention states, normalized so that values from different texts and languages
 * compare: money with its ISO currency, quantities of things, counts of anything else, dates as
 * ISO 8601 prefixes, percentages.
 */
public sealed interface Value permits Value.Money, Value.Things, Value.Count, Value.Date, Value.Percent {

  /** {@code money}, {@code quantity}, {@code count}, {@code date} or {@code percent}. */
  String kind();

  /** Every {@link #kind}: what a claim of these kinds states is a figure or a date. */
  java.util.Set<String> KINDS = java.util.Set.of("money", "quantity", "count", "date", "percent");

  /** The normalized form: {@code 584000000 USD}, {@code 37}, {@code 2024-10}, {@code 12.5}. */
  String normalized();

  /** An amount of money, e.g. 584000000 USD. */
  record Money(Quantity amount, String currency) implements Value {
    public Money {
      Objects.requireNonNull(amount, "amount");
      if (currency == null || !currency.matches("[A-Z]{3}")) {
        throw new IllegalArgumentException("currency must be an ISO 4217 code, got " + currency);
      }
    }

    @Override
    public String kind() {
      return "money";
    }

    @Override
    public String normalized() {
      return amount.plain() + " " + currency;
    }
  }

  /**
   * A number of things that are supplied, delivered or counted as materiel: "37 BMD-4M", "11
   * airborne armoured personnel carriers", "37 единиц", "37辆".
   *
   * @param thing the words naming what is counted, as written (may be empty: "37 единиц")
   */
  record Things(Quantity number, String thing) implements Value {
    public Things {
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(thing, "thing");
    }

    @Override
    public String kind() {
      return "quantity";
    }

    @Override
    public String normalized() {
      return number.plain();
    }
  }

  /** Any other count: "14 joint exercises", "800 pages", "23 million people". */
  record Count(Quantity number, String noun) implements Value {
    public Count {
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(noun, "noun");
    }

    @Override
    public String kind() {
      return "count";
    }

    @Override
    public String normalized() {
      return number.plain();
    }
  }

  /**
   * A date or period as precise as the text: {@code 2024}, {@code 2024-10}, {@code 2024-10-05},
   * or a decade, {@code 1970s} ("the 1970s", "1970er-Jahre", "années 1970", "1970-е", "70年代").
   *
   * @param iso the ISO 8601 prefix, or a decade's first year and {@code s}
   * @param relative true when it was resolved against the document's own date ("last week")
   */
  record Date(String iso, boolean relative) implements Value {
    /** What a date may be written as: an ISO 8601 prefix or a decade. */
    public static final String FORM = "\\d{4}(-\\d{2}(-\\d{2})?)?|\\d{3}0s";

    public Date {
      if (iso == null || !iso.matches(FORM)) {
        throw new IllegalArgumentException("a date must be YYYY, YYYY-MM, YYYY-MM-DD or a decade (YYY0s), got " + iso);
      }
    }

    /** True for a decade ("1970s"). */
    public boolean decade() {
      return iso.endsWith("s");
    }

    /**
     * The prefix every more precise date within this one starts with: the ISO form itself, or a
     * decade's first three digits ("197" for the 1970s).
     */
    public String prefix() {
      return decade() ? iso.substring(0, 3) : iso;
    }

    /** True when {@code other} falls within this date ("1983-05" within "1983" and within the 1980s). */
    public boolean covers(Date other) {
      return other.iso.startsWith(prefix());
    }

    @Override
    public String kind() {
      return "date";
    }

    @Override
    public String normalized() {
      return iso;
    }
  }

  record Percent(Quantity number) implements Value {
    public Percent {
      Objects.requireNonNull(number, "number");
    }

    @Override
    public String kind() {
      return "percent";
    }

    @Override
    public String normalized() {
      return number.plain();
    }
  }
}
