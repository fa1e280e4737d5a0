package org.dossier.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dossier.core.Annotations;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityRow;
import org.dossier.core.EntityType;
import org.dossier.core.ResolvedEntity;
import org.dossier.core.ValueMention;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five press reports in ../shared/corpus/seeds, checked by hand: every person, organisation
 * and piece of equipment they name, and every number, amount and date, normalized. Read in place;
 * skipped when the shared corpus is absent. Nothing here is special-cased in the code.
 */
class SeedAnalysisTest {
  private static final Path SEEDS = Path.of("..", "shared", "corpus", "seeds");
  private static final Map<String, Annotations> BY_DOC = new HashMap<>();
  private static List<ResolvedEntity> entities;

  @BeforeAll
  static void analyse() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(SEEDS), "skipped: ../shared/corpus/seeds is absent");
    DocumentAnalyzer analyzer = new DocumentAnalyzer(Gazetteer.load(List.of()));
    Map<String, Long> counts = new HashMap<>();
    Map<String, EntityRow> rows = new HashMap<>();
    try (var files = Files.list(SEEDS)) {
      for (Path f : files.sorted().toList()) {
        Annotations a = analyzer.analyze(Files.readString(f), "en", Optional.empty()).annotations();
        BY_DOC.put(f.getFileName().toString().substring(0, 3), a);
        for (EntityMention e : a.entities()) {
          String k = e.type() + "|" + e.text() + "|" + e.canonical();
          counts.merge(k, 1L, Long::sum);
          rows.put(k, new EntityRow(e.type(), e.text(), e.canonical(), 0));
        }
      }
    }
    List<EntityRow> list = new ArrayList<>();
    rows.forEach((k, r) -> list.add(new EntityRow(r.type(), r.text(), r.canonical(), counts.get(k))));
    entities = new EntityResolver().resolve(list);
  }

  private static Set<String> names(String doc, EntityType type) {
    return BY_DOC.get(doc).entities().stream().filter(e -> e.type() == type)
        .map(EntityMention::canonical).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> values(String doc) {
    return BY_DOC.get(doc).values().stream().map(SeedAnalysisTest::value)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String value(ValueMention v) {
    return v.value().kind() + ":" + v.value().normalized()
        + v.qualifier().map(q -> ":" + q.bound()).orElse("");
  }

  private static void has(Set<String> actual, String... expected) {
    for (String e : expected) {
      assertTrue(actual.contains(e), "missing " + e + " in " + actual);
    }
  }

  @Test
  void people() {
    has(names("000", EntityType.PERSON), "Oleksandr V. Danylyuk", "Jack Watling", "Lai Ching-te");
    has(names("001", EntityType.PERSON), "Xi Jinping", "Oleksandr Danylyuk", "Jack Watling",
        "Song Zhongping", "Mark Rutte", "Vladimir Putin");
    has(names("002", EntityType.PERSON), "Vladimir Putin");
    has(names("003", EntityType.PERSON), "Vladimir Putin", "Kim Jong Un", "Xi Jinping");
    has(names("004", EntityType.PERSON), "Jack Watling", "Oleksandr V. Danylyuk", "Xi Jinping",
        "Kim Jong Un", "Vladimir Putin");
  }

  @Test
  void organisations() {
    has(names("000", EntityType.ORGANIZATION), "Royal United Services Institute",
        "Radio Free Europe/Radio Liberty", "People's Liberation Army", "Kuomintang",
        "Democratic Progressive Party", "Constitutional Court");
    has(names("001", EntityType.ORGANIZATION), "Royal United Services Institute", "Black Moon",
        "People's Liberation Army", "North Atlantic Treaty Organization");
    has(names("002", EntityType.ORGANIZATION), "People's Liberation Army");
    has(names("003", EntityType.ORGANIZATION),
        "Royal United Services Institute for Defense and Security Studies", "Black Moon", "Washington Post");
    has(names("004", EntityType.ORGANIZATION), "Royal United Services Institute", "Black Moon",
        "Washington Post", "UPI", "People's Liberation Army");
  }

  @Test
  void equipment() {
    // 000, 001 and 003 name no model, only descriptions ("an airborne armored personnel
    // carrier"): a description is no name, and the bundled gazetteer does not turn it into one
    for (String doc : new String[] {"000", "001", "003"}) {
      assertTrue(names(doc, EntityType.EQUIPMENT).stream().noneMatch(n -> n.startsWith("BTR") || n.startsWith("BMD")),
          names(doc, EntityType.EQUIPMENT)::toString);
    }
    has(names("004", EntityType.EQUIPMENT), "BMD-4M", "2S25M Sprut-SDM1", "BTR-MDM");
  }

  @Test
  void numbersAmountsAndDates() {
    has(values("000"), "date:2025-10-04", "count:800", "count:23000000", "date:2023", "count:800:ABOUT");
    has(values("001"), "count:800:ABOUT", "date:2050:BY", "date:2027:FROM", "date:2025-05-09",
        "count:10..15:ABOUT", "date:2024-09", "date:2021-04", "quantity:37", "quantity:11",
        "money:210000000 USD:AT_LEAST");
    has(values("002"), "count:14", "date:2024", "date:2023-03");
    has(values("003"), "date:2027", "date:2023", "quantity:37", "quantity:11");
    has(values("004"), "count:800", "date:2027:BY", "date:2024-10", "quantity:37", "quantity:11",
        "money:584000000 USD:PRELIMINARY", "date:2024-04", "count:14", "date:2024");
  }

  @Test
  void quantitiesNameWhatTheyCount() {
    Set<String> things = BY_DOC.get("004").values().stream()
        .filter(v -> v.value().kind().equals("quantity"))
        .map(v -> v.value().normalized() + " " + ((org.dossier.core.Value.Things) v.value()).thing())
        .collect(Collectors.toSet());
    has(things, "37 BMD-4M light amphibious vehicles", "11 Sprut-SDM1 self-propelled anti-tank guns",
        "11 BTR-MDM airborne armored personnel carriers");
  }

  @Test
  void theCaseResolvesAcronymsShortTitlesTranslationsAndSpellings() {
    assertEquals(1, entitiesWith("RUSI", "Royal United Services Institute",
        "Royal United Services Institute for Defense and Security Studies"));
    assertEquals(1, entitiesWith("The Post", "Washington Post"));
    assertEquals(1, entitiesWith("PLA", "People's Liberation Army", "APL"));
    assertEquals(1, entitiesWith("Danylyuk", "Oleksandr Danylyuk", "Oleksandr V. Danylyuk"));
  }

  /** How many distinct entities the names belong to (1 when they are resolved together). */
  private static long entitiesWith(String... names) {
    Set<String> wanted = Set.of(names);
    long n = entities.stream().filter(e -> {
      Set<String> all = new TreeSet<>(e.aliases());
      all.add(e.name());
      return all.stream().anyMatch(wanted::contains);
    }).count();
    for (ResolvedEntity e : entities) {
      Set<String> all = new TreeSet<>(e.aliases());
      all.add(e.name());
      if (all.stream().anyMatch(wanted::contains)) {
        assertTrue(all.containsAll(wanted), e + " should hold all of " + wanted);
      }
    }
    return n;
  }

  @Test
  void attributionsNameTheirSources() {
    Set<String> sources004 = BY_DOC.get("004").attributions().stream()
        .map(a -> a.kind().code() + ":" + a.sourceText()).collect(Collectors.toSet());
    has(sources004, "dateline:UPI", "said:RUSI", "said:Jack Watling", "reported:The Washington Post",
        "reported:The Post");
    boolean nested = BY_DOC.get("003").attributions().stream().anyMatch(a -> a.kind().code().equals("told")
        && a.sourceText().contains("security official") && a.via().orElse("").contains("Washington Post"));
    assertTrue(nested, "a source quoted by an outlet: " + BY_DOC.get("003").attributions());
    boolean interview = BY_DOC.get("000").attributions().stream()
        .anyMatch(a -> a.kind().code().equals("quote") && a.sourceText().equals("Oleksandr V. Danylyuk"));
    assertTrue(interview, "interview answers are quotes of the speaker");
  }
}
