package org.dossier.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The figures two versions of a text hold, read as analysis reads them. */
class DiffTest {
  @Test
  void aFigureIsReadInItsConventionNotAsItsDigits() {
    assertEquals(Set.of("1.5", "1234.56", "62480000", "7"),
        Diff.numbers("A fee of 1,5 per cent on 1.234,56 tonnes; 62 480 000 roubles over 7 years."));
    // the same figure in two conventions is no change between versions
    assertEquals(Diff.numbers("Total: 1,234.56"), Diff.numbers("Total: 1.234,56"));
    // near miss: another figure is one
    assertEquals(Set.of("1234.57"), Diff.numbers("Total: 1.234,57"));
  }
}
