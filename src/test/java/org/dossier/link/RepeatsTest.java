package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dossier.core.DocumentId;
import org.dossier.core.EntityType;
import org.dossier.core.Quantity;
import org.dossier.core.Span;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;
import org.junit.jupiter.api.Test;

/** A document that repeats one line thousands of times says it a few times to the link stage. */
class RepeatsTest {
  private static final DocumentId A = new DocumentId("a".repeat(64));
  private static final DocumentId B = new DocumentId("b".repeat(64));

  private static Claim count(DocumentId d, int at, String n, String head) {
    Value v = new Value.Count(Quantity.of(new BigDecimal(n)), "trucks");
    ValueMention m = new ValueMention(new Span(at, at + 2), n, v, Optional.empty());
    return new Claim(d, new Span(at, at + 2), n, new Span(at, at + 40), "12 trucks left the depot.", new Claim.Measure(m, List.of()),
        Optional.empty(), "trucks", "number", false, Frame.of("count", Set.of(head), Map.of(head, 1.5f)));
  }

  private static Claim name(DocumentId d, int at) {
    return new Claim(d, new Span(at, at + 4), "Lisk", new Span(at, at + 40), "Lisk depot.",
        new Claim.Named("Lisk", EntityType.PLACE, "Lisk"), Optional.empty(), "Lisk", "named", false,
        Frame.of("name:place", Set.of("e:lisk"), Map.of()));
  }

  @Test
  void repeatsOfOneFigureOfOneThingAreCappedPerDocument() {
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < 35_000; i++) {
      claims.add(count(A, i * 50, "12", "c:truck"));
    }
    for (int i = 0; i < 100; i++) {
      claims.add(name(A, i * 50));
    }
    claims.add(count(A, 9, "13", "c:truck"));
    claims.add(count(B, 0, "12", "c:truck"));
    claims.add(count(B, 50, "12", "c:truck"));
    List<Claim> kept = FactBuilder.withoutRepeats(claims);
    assertEquals(FactBuilder.REPEATS, kept.stream().filter(c -> c.document().equals(A) && c.stated().normalized().equals("12")).count());
    assertEquals(FactBuilder.NAME_MENTIONS, kept.stream().filter(c -> c.stated() instanceof Claim.Named).count());
    // near misses: another figure, and another document's claims, are their own
    assertEquals(1, kept.stream().filter(c -> c.stated().normalized().equals("13")).count());
    assertEquals(2, kept.stream().filter(c -> c.document().equals(B)).count());
  }
}
