package org.dossier.analyze;

import static org.dossier.analyze.AttributionCheck.has;
import static org.dossier.analyze.AttributionCheck.none;

import org.dossier.core.Attribution.Kind;
import org.junit.jupiter.api.Test;

/** Spanish attribution forms (no name model: sources are read from capitals, quotes and descriptions). */
class AttributionsSpanishTest {

  @Test
  void segunDeAcuerdoCon() {
    has("Según el diario El Faro de Stellan, la planta produjo 40 turbinas.", "es",
        Kind.ACCORDING_TO, "El Faro de Stellan", null, "la planta produjo 40 turbinas");
    has("La planta cerrará en marzo, de acuerdo con el ministerio.", "es",
        Kind.ACCORDING_TO, "el ministerio", null, "La planta cerrará en marzo");
    none("Los precios cambian según el caso.", "es");
    none("Estamos de acuerdo con la decisión.", "es");
  }

  @Test
  void dijoAfirmoDeclaroInformoAseguroSenaloExplico() {
    has("Ana Velmar dijo que la planta cerraría en marzo.", "es",
        Kind.SAID, "Ana Velmar", null, "la planta cerraría en marzo");
    has("La planta cerrará en marzo, dijo Ana Velmar.", "es",
        Kind.SAID, "Ana Velmar", null, "La planta cerrará en marzo");
    has("El ministerio afirmó que el puente abrirá en mayo.", "es",
        Kind.SAID, "El ministerio", null, "el puente abrirá en mayo");
    has("El puente abrirá en mayo, declaró el portavoz del ayuntamiento.", "es",
        Kind.SAID, "el portavoz del ayuntamiento", null, "El puente abrirá en mayo");
    has("La policía informó que el puente fue cerrado.", "es",
        Kind.REPORTED, "La policía", null, "el puente fue cerrado");
    has("El puente abrirá en mayo, informa Radio Stellan.", "es",
        Kind.REPORTED, "Radio Stellan", null, "El puente abrirá en mayo");
    has("Ana Velmar aseguró que la planta cerraría.", "es",
        Kind.SAID, "Ana Velmar", null, "la planta cerraría");
    has("La fiscalía señaló que el puente fue cerrado.", "es",
        Kind.SAID, "La fiscalía", null, "el puente fue cerrado");
    has("Ana Velmar explicó a los periodistas que la planta cerraría.", "es",
        Kind.TOLD, "Ana Velmar", "los periodistas", "la planta cerraría");
    none("La empresa informó de pérdidas en el tercer trimestre.", "es");
    none("La policía aseguró el edificio durante la noche.", "es");
    none("Ella dijo que la planta cerraría en marzo.", "es");
  }

  @Test
  void citadoPorAndCito() {
    has("El ministro, citado por el diario El Faro, afirmó que la planta cerraría.", "es",
        Kind.ACCORDING_TO, "El ministro", "El Faro", "la planta cerraría");
    has("El diario El Faro citó a fuentes oficiales que aseguraron que la planta cerraría.", "es",
        Kind.SAID, "fuentes oficiales", "El Faro", "la planta cerraría");
    none("El libro, citado por todos, trata del puente.", "es");
  }

  @Test
  void segunWithTheReportingVerbBeforeTheSource() {
    // "según ha comunicado X", "según informó X": the verb of reporting stands between según and the source
    has("La planta cerrará en marzo, según ha comunicado el diario El Faro de Stellan.", "es",
        Kind.ACCORDING_TO, "El Faro de Stellan", null, "La planta cerrará en marzo");
    has("Según informó Radio Stellan, el puente abrirá en mayo.", "es",
        Kind.ACCORDING_TO, "Radio Stellan", null, "el puente abrirá en mayo");
    // near miss: a verb after según with no source after it
    none("La planta cerrará en marzo, según informó la semana pasada.", "es");
  }
}
