package org.dossier.analyze;

import static org.dossier.analyze.AttributionCheck.has;
import static org.dossier.analyze.AttributionCheck.none;

import org.dossier.core.Attribution.Kind;
import org.junit.jupiter.api.Test;

/** Italian attribution forms (no name model: sources are read from capitals, quotes and descriptions). */
class AttributionsItalianTest {

  @Test
  void secondoComeRiportatoDa() {
    has("Secondo il quotidiano Il Corriere di Stellan, l'impianto ha prodotto 40 turbine.", "it",
        Kind.ACCORDING_TO, "Il Corriere di Stellan", null, "l'impianto ha prodotto 40 turbine");
    has("L'impianto chiuderà a marzo, secondo fonti del ministero.", "it",
        Kind.ACCORDING_TO, "fonti del ministero", null, "L'impianto chiuderà a marzo");
    has("Come riportato dal quotidiano Il Corriere, il ponte riaprirà a maggio.", "it",
        Kind.REPORTED, "Il Corriere", null, "il ponte riaprirà a maggio");
    none("Il secondo giorno il ponte riaprirà.", "it");
    none("Arrivò secondo dopo una lunga corsa.", "it");
  }

  @Test
  void haDettoDichiaratoAffermatoSpiegatoRiferito() {
    has("Anna Velmar ha detto che l'impianto chiuderà a marzo.", "it",
        Kind.SAID, "Anna Velmar", null, "l'impianto chiuderà a marzo");
    has("L'impianto chiuderà a marzo, ha dichiarato Anna Velmar.", "it",
        Kind.SAID, "Anna Velmar", null, "L'impianto chiuderà a marzo");
    has("Il ministero ha affermato che il ponte riaprirà a maggio.", "it",
        Kind.SAID, "Il ministero", null, "il ponte riaprirà a maggio");
    has("Il ponte riaprirà a maggio, ha spiegato il portavoce del comune.", "it",
        Kind.SAID, "il portavoce del comune", null, "Il ponte riaprirà a maggio");
    has("La polizia ha riferito che il ponte è stato chiuso.", "it",
        Kind.REPORTED, "La polizia", null, "il ponte è stato chiuso");
    has("Anna Velmar ha detto ai giornalisti che l'impianto chiuderà.", "it",
        Kind.TOLD, "Anna Velmar", "giornalisti", "l'impianto chiuderà");
    none("La polizia ha riferito al magistrato per tre ore.", "it");
    none("Lei ha detto che l'impianto chiuderà a marzo.", "it");
  }

  @Test
  void riferisceScrive() {
    has("Il ponte riaprirà a maggio, riferisce Radio Stellan.", "it",
        Kind.REPORTED, "Radio Stellan", null, "Il ponte riaprirà a maggio");
    has("L'impianto chiuderà a marzo, scrive il quotidiano.", "it",
        Kind.REPORTED, "il quotidiano", null, "L'impianto chiuderà a marzo");
    none("Anna Velmar scrive un libro sul ponte.", "it");
  }
}
