package org.dossier.analyze;

import static org.dossier.analyze.AttributionCheck.has;
import static org.dossier.analyze.AttributionCheck.none;

import org.dossier.core.Attribution.Kind;
import org.junit.jupiter.api.Test;

/** German attribution forms (no name model; every noun has a capital, so names are read with care). */
class AttributionsGermanTest {

  @Test
  void lautNachAngabenZufolge() {
    has("Laut der Zeitung Nordbote wurden 40 Turbinen geliefert.", "de",
        Kind.ACCORDING_TO, "Nordbote", null, "wurden 40 Turbinen geliefert");
    has("Nach Angaben von Radio Stellan wird die Brücke im Mai geöffnet.", "de",
        Kind.ACCORDING_TO, "Radio Stellan", null, "wird die Brücke im Mai geöffnet");
    has("Nach Angaben der Polizei wurde die Brücke gesperrt.", "de",
        Kind.ACCORDING_TO, "der Polizei", null, "wurde die Brücke gesperrt");
    has("Dem Ministerium zufolge wird das Werk im März geschlossen.", "de",
        Kind.ACCORDING_TO, "Dem Ministerium", null, "wird das Werk im März geschlossen");
    none("Die Musik im Werk war sehr laut.", "de");
    none("Nach Angaben suchte man lange vergeblich.", "de");
  }

  @Test
  void sagteErklaerteBerichteteTeilteMitBestaetigte() {
    has("Anna Velmar sagte, das Werk werde im März geschlossen.", "de",
        Kind.SAID, "Anna Velmar", null, "das Werk werde im März geschlossen");
    has("Das Werk wird im März geschlossen, sagte ein Sprecher des Ministeriums.", "de",
        Kind.SAID, "ein Sprecher des Ministeriums", null, "Das Werk wird im März geschlossen");
    has("Am Montag erklärte Anna Velmar, dass die Brücke gesperrt bleibt.", "de",
        Kind.SAID, "Anna Velmar", null, "die Brücke gesperrt bleibt");
    has("Die Zeitung berichtete, dass die Brücke gesperrt bleibt.", "de",
        Kind.REPORTED, "Die Zeitung", null, "die Brücke gesperrt bleibt");
    has("Die Brücke bleibt gesperrt, berichtet Radio Stellan.", "de",
        Kind.REPORTED, "Radio Stellan", null, "Die Brücke bleibt gesperrt");
    has("Das Ministerium teilte am Montag mit, dass das Werk geschlossen wird.", "de",
        Kind.SAID, "Das Ministerium", null, "das Werk geschlossen wird");
    has("Die Polizei bestätigte, dass die Brücke gesperrt wurde.", "de",
        Kind.SAID, "Die Polizei", null, "die Brücke gesperrt wurde");
    has("Anna Velmar sagte der Zeitung, das Werk werde geschlossen.", "de",
        Kind.TOLD, "Anna Velmar", "der Zeitung", "das Werk werde geschlossen");
    // the same verbs with plain objects, and a sentence start that is not a source
    none("Die Zeitung berichtete über den Prozess in Stellan.", "de");
    none("Das Werk teilte sich die Halle mit einer Bäckerei.", "de");
    none("Er sagte, das Werk werde geschlossen.", "de");
  }

  @Test
  void wieBerichtetSo() {
    has("Wie die Zeitung berichtete, wird das Werk im März geschlossen.", "de",
        Kind.REPORTED, "die Zeitung", null, "wird das Werk im März geschlossen");
    has("Das Werk wird im März geschlossen, wie Radio Stellan berichtet.", "de",
        Kind.REPORTED, "Radio Stellan", null, "Das Werk wird im März geschlossen");
    has("Das Werk wird im März geschlossen, so Anna Velmar.", "de",
        Kind.SAID, "Anna Velmar", null, "Das Werk wird im März geschlossen");
    has("Die Brücke bleibt bis Mai gesperrt, wie Radio Stellan schreibt.", "de",
        Kind.REPORTED, "Radio Stellan", null, "Die Brücke bleibt bis Mai gesperrt");
    none("Sie schreibt jeden Tag einen Brief an ihre Schwester.", "de");
    none("Das Werk ist so groß wie eine Stadt.", "de");
    none("Das Werk wird geschlossen, so viel steht fest.", "de");
  }

  @Test
  void wieMitArtikelUndEinschubVorDemNamen() {
    has("Wie die Harlow Rundschau berichtete, wird das Werk im März geschlossen.", "de",
        Kind.REPORTED, "Harlow Rundschau", null, "wird das Werk im März geschlossen");
    has("Wie unter anderem das Stellan-Magazin meldete, wird das Werk im März geschlossen.", "de",
        Kind.REPORTED, "das Stellan-Magazin", null, "wird das Werk im März geschlossen");
    // near misses: "wie" inside a clause, and a name that reports nothing
    none("Das Werk wird so groß wie die Harlow Rundschau.", "de");
    none("Sie fragte sich, warum die Harlow Rundschau meldete.", "de");
  }
}
