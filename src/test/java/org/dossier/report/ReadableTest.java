package org.dossier.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.dossier.core.Qualifier;
import org.dossier.link.StoredFindings;
import org.junit.jupiter.api.Test;

/** Money, counts and qualified values as a person writes them. */
class ReadableTest {
  private static StoredFindings.Value value(String kind, String normalized, String qualifier, Qualifier.Bound bound) {
    return new StoredFindings.Value(kind, "as written", normalized,
        qualifier.isEmpty() ? Optional.empty() : Optional.of(new Qualifier(qualifier, bound)), List.of());
  }

  @Test
  void moneyUsesScaleWordsFromAMillionAndSeparatorsBelow() {
    assertEquals("USD 270 million", Readable.money("270000000 USD"));
    assertEquals("USD 4.17 billion", Readable.money("4170000000 USD"));
    assertEquals("EUR 748.3 million", Readable.money("748300000 EUR"));
    assertEquals("CNY 30,000", Readable.money("30000 CNY"));
    assertEquals("USD 62.48 million", Readable.money("62480000 USD"));
    assertEquals("USD 1.23 million", Readable.money("1234567 USD")); // two decimals at most
    assertEquals("GBP 3 trillion", Readable.money("3000000000000 GBP"));
    assertEquals("USD 1,250.5", Readable.money("1250.50 USD")); // trailing zero dropped
    assertEquals("USD 0.01", Readable.money("0.005 USD"));
    assertEquals("USD 270 million", Readable.money(new BigDecimal("270000000"), "USD"));
  }

  @Test
  void moneyAtTheEdgesOfEachScale() {
    assertEquals("USD 0", Readable.money("0 USD"));
    assertEquals("USD 999,999", Readable.money("999999 USD"));
    assertEquals("USD 1 million", Readable.money("999999.999 USD")); // rounds up into the next scale
    assertEquals("USD 1 million", Readable.money("1000000 USD"));
    assertEquals("USD 1 billion", Readable.money("999999999 USD"));
    assertEquals("USD 5,000 trillion", Readable.money("5000000000000000 USD")); // no word past trillion
    assertEquals("USD -5 million", Readable.money("-5000000 USD"));
  }

  @Test
  void rangesOddCurrenciesAndWhatDoesNotReadAsMoney() {
    assertEquals("USD 1\u20132 million", Readable.money("1000000..2000000 USD"));
    assertEquals("EUR 500,000\u20132 million", Readable.money("500000..2000000 EUR"));
    assertEquals("XAU 12.5", Readable.money("12.5 XAU")); // gold, by the ounce
    assertEquals("XDR 1.5 billion", Readable.money("1500000000 XDR"));
    assertEquals("about 5 dollars", Readable.money("about 5 dollars"));
    assertEquals("270000000", Readable.money("270000000")); // no currency: not money, shown as it is
  }

  @Test
  void countsHaveSeparatorsAndKeepTheirDecimals() {
    assertEquals("4,000", Readable.count("4000"));
    assertEquals("23,000,000", Readable.count("23000000"));
    assertEquals("0", Readable.count("0"));
    assertEquals("2.5", Readable.count("2.5"));
    assertEquals("1,234,567.891", Readable.count("1234567.891"));
    assertEquals("10\u201315", Readable.count("10..15"));
    assertEquals("-1,200", Readable.count("-1200"));
    assertEquals("many", Readable.count("many"));
    assertEquals("12.5%", Readable.percent("12.5"));
  }

  @Test
  void valuesCarryTheirQualifiersInEnglish() {
    assertEquals("more than USD 4.17 billion",
        Readable.value(value("money", "4170000000 USD", "more than", Qualifier.Bound.AT_LEAST)));
    assertEquals("USD 338.9 million (preliminary)",
        Readable.value(value("money", "338900000 USD", "(предварительно)", Qualifier.Bound.PRELIMINARY)));
    assertEquals("26 (in a draft)", Readable.value(value("quantity", "26", "in a draft", Qualifier.Bound.PRELIMINARY)));
    assertEquals("by 2025-06-30", Readable.value(value("date", "2025-06-30", "не позднее", Qualifier.Bound.BY)));
    assertEquals("about 600", Readable.value(value("count", "600", "примерно", Qualifier.Bound.ABOUT)));
    assertEquals("at least 40", Readable.value(value("count", "40", "plus de", Qualifier.Bound.AT_LEAST)));
    assertEquals("up to 4,000", Readable.value(value("count", "4000", "Up to", Qualifier.Bound.AT_MOST)));
    assertEquals("2024-10", Readable.value(value("date", "2024-10", "", Qualifier.Bound.ABOUT)));
    assertEquals("Ilse Marrow", Readable.value(value("name", "Ilse Marrow", "", Qualifier.Bound.ABOUT)));
  }
}
