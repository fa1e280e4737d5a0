package org.dossier.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dossier.testing.Cli;
import org.dossier.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second fictional case, written unlike the bundled example: no weapons and no English
 * records. Dravenna's transit board buys electric buses from a coach builder; the cache holds a
 * German invoice (a Word file), Spanish minutes (a PDF) and a payments sheet; the press is a
 * French article, a Chinese article and an English piece, none with a byline or a dateline.
 * Coverage sets each figure the press gives against the records, across languages and formats.
 * Every organisation, person, place and figure is invented.
 */
class SecondCaseTest {
  @TempDir static Path dir;
  static Path caseDir;

  static final String FR = "dravenna-bus_fr.txt";
  static final String ZH = "dravenna-bus_zh.txt";
  static final String EN = "dravenna-bus_en.txt";
  static final String INVOICE = "rechnung_hf-118.docx";
  static final String MINUTES = "acta_consejo.pdf";
  static final String SHEET = "pagos.xlsx";

  @BeforeAll
  static void ingest() throws Exception {
    Fixtures.text(dir.resolve("press/" + FR),
        "Dravenna achète 40 bus électriques\n\n"
            + "La régie des transports de Dravenna a acheté 40 bus électriques au constructeur Hollweg"
            + " Fahrzeugwerke pour 16,5 millions d'euros, selon des documents consultés par notre rédaction.\n\n"
            + "Les premiers véhicules doivent arriver en mai 2032, a indiqué un porte-parole de la régie."
            + " Le conseil avait approuvé l'achat en janvier, selon le procès-verbal de la séance.\n");
    Fixtures.text(dir.resolve("press/" + ZH),
        "德拉文纳市购买电动公交车\n\n"
            + "德拉文纳市交通管理局向德国客车制造商霍尔韦格购买了45辆电动公交车，总价约2000万欧元，该局发言人周二表示。"
            + "据当地媒体报道，首批车辆将于2032年5月交付。德拉文纳市议会今年1月批准了这项采购。\n");
    Fixtures.text(dir.resolve("press/" + EN),
        "Dravenna's new buses\n\n"
            + "Dravenna's transit board paid 16.5 million euros for 40 electric buses from Hollweg Fahrzeugwerke,"
            + " a council member told reporters on Friday. The board approved the purchase in January 2032, she said.\n\n"
            + "The board also employs 1,200 drivers, she added, and plans to hire more next year.\n");
    Fixtures.docx(dir.resolve("cache/" + INVOICE), "Rechnung HF-2032-118",
        "Hollweg Fahrzeugwerke GmbH",
        "RECHNUNG Nr. HF-2032-118",
        "Datum: 14.02.2032",
        "Kunde: Verkehrsbetriebe Dravenna",
        "Pos. 1: 40 Elektrobusse Modell HV-12",
        "Gesamtbetrag: 16.500.000 EUR",
        "Zahlbar bis: 31.03.2032");
    Fixtures.pdf(dir.resolve("cache/" + MINUTES), "Acta del consejo",
        "ACTA DE LA REUNIÓN DEL CONSEJO DE TRANSPORTE DE DRAVENNA\n"
            + "Fecha: 20 de enero de 2032\n"
            + "Asistentes: Irena Solvik, Tomas Brell, Ana Quirola\n"
            + "Orden del día: compra de autobuses eléctricos\n"
            + "El consejo aprueba la compra de 40 autobuses eléctricos a Hollweg Fahrzeugwerke por un importe total"
            + " de 16,5 millones de euros.\n"
            + "La entrega del primer lote está prevista para mayo de 2032.");
    Fixtures.xlsx(dir.resolve("cache/" + SHEET), "Pagos", new Object[][] {
        {"Fecha", "Concepto", "Importe (EUR)"},
        {"2032-02-20", "Anticipo autobuses eléctricos HF-2032-118", 4_950_000},
        {"2032-03-30", "Saldo autobuses eléctricos HF-2032-118", 11_550_000}});
    caseDir = dir.resolve("case");
    Cli.Result r = Cli.run("--case", caseDir.toString(), "ingest", "--quiet",
        dir.resolve("press").toString(), dir.resolve("cache").toString());
    assertEquals(0, r.exit(), r.toString());
  }

  private static JsonNode json(String command) {
    Cli.Result r = Cli.run("--case", caseDir.toString(), command, "--json");
    assertEquals(0, r.exit(), r.toString());
    return r.json();
  }

  private static JsonNode source(String document) {
    for (JsonNode s : json("sources").get("documents")) {
      if (s.get("document").asText().endsWith(document)) {
        return s;
      }
    }
    throw new AssertionError("no source row for " + document);
  }

  /** The coverage rows of a press document's figures whose quote contains {@code quote}. */
  private static List<JsonNode> coverage(String document, String quote) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : json("coverage").get("claims")) {
      if (c.get("document").asText().endsWith(document) && c.get("quote").asText().contains(quote)) {
        out.add(c);
      }
    }
    assertFalse(out.isEmpty(), "no coverage row quotes \"" + quote + "\" from " + document + ": " + json("coverage").toPrettyString());
    return out;
  }

  private static boolean any(List<JsonNode> rows, String status) {
    return rows.stream().anyMatch(c -> c.get("status").asText().equals(status));
  }

  @Test
  void articlesAreArticlesWhateverTheyAreAboutAndRecordsAreNot() {
    for (String press : List.of(FR, ZH, EN)) {
      assertEquals("article", source(press).get("genre").asText(), source(press)::toPrettyString);
    }
    for (String record : List.of(INVOICE, MINUTES, SHEET)) {
      assertFalse(source(record).get("genre").asText().equals("article"), source(record)::toPrettyString);
    }
  }

  @Test
  void theRecordsInOtherLanguagesSupportTheFiguresThePressGetsRight() {
    List<JsonNode> buses = coverage(FR, "40 bus");
    assertTrue(any(buses, "supported"), buses::toString);
    assertTrue(buses.stream().anyMatch(c -> c.get("evidence").toString().contains(INVOICE)
        || c.get("evidence").toString().contains(MINUTES)), buses::toString);
    assertTrue(any(coverage(FR, "16,5 millions"), "supported"), coverage(FR, "16,5 millions")::toString);
    assertTrue(any(coverage(EN, "16.5 million"), "supported"), coverage(EN, "16.5 million")::toString);
  }

  @Test
  void theRecordsContradictTheFiguresThePressGetsWrong() {
    List<JsonNode> buses = coverage(ZH, "45");
    assertTrue(any(buses, "contradicted"), buses::toString);
    List<JsonNode> price = coverage(ZH, "2000万");
    assertTrue(any(price, "contradicted"), price::toString);
  }

  @Test
  void aFigureTheRecordsDoNotHoldIsNotFoundRatherThanSupported() {
    List<JsonNode> drivers = coverage(EN, "1,200 drivers");
    assertFalse(any(drivers, "supported"), drivers::toString);
    assertFalse(any(drivers, "contradicted"), drivers::toString);
  }
}
