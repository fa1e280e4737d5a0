package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Long runs of what the value readers look for finish in time: no regex backtracks without bound. */
class HostileValuesTest {
  @ParameterizedTest
  @ValueSource(strings = {"1,000", "1.000", "1'000", "1 000", "2019-", "13 avril ", "一一一", "十七日",
    "vingt-et-", "jeudi ", "周四", "plus de ", "1,5.", "В 2017-м "})
  void longRunsAreReadInLinearTime(String unit) {
    String text = unit.repeat(100_000 / unit.length()) + "9.9.9 x";
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (String lang : new String[] {"en", "fr", "zh"}) {
        Draft d = new Draft(text, lang, Optional.of(LocalDate.parse("2023-05-19")));
        new SentenceSplitter().annotate(d);
        new ValueExtractor().annotate(d);
      }
    });
  }
}
