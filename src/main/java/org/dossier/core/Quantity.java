package org.dossier.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number or a range of numbers, as a text states it ("37", "10 to 15", "2.1亿").
 *
 * @param low the number, or the low end of a range
 * @param high equal to {@code low} for a single number
 */
public record Quantity(BigDecimal low, BigDecimal high) {
  public Quantity {
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    if (high.compareTo(low) < 0) {
      throw new IllegalArgumentException("a range needs low <= high, got " + low + " to " + high);
    }
    low = low.stripTrailingZeros();
    high = high.stripTrailingZeros();
  }

  public static Quantity of(BigDecimal n) {
    return new Quantity(n, n);
  }

  public boolean isRange() {
    return low.compareTo(high) != 0;
  }

  /** Plain decimals: {@code 37}, {@code 584000000}, {@code 10..15} for a range. */
  public String plain() {
    return isRange() ? low.toPlainString() + ".." + high.toPlainString() : low.toPlainString();
  }
}
