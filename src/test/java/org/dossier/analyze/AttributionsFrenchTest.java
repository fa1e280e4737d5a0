package org.dossier.analyze;

import static org.dossier.analyze.AttributionCheck.has;
import static org.dossier.analyze.AttributionCheck.none;

import org.dossier.core.Attribution.Kind;
import org.junit.jupiter.api.Test;

/** French attribution forms (no name model: sources are read from capitals, quotes and descriptions). */
class AttributionsFrenchTest {

  @Test
  void selonDapres() {
    has("Selon le quotidien Le Kestral, l'usine a produit 40 turbines.", "fr",
        Kind.ACCORDING_TO, "Le Kestral", null, "l'usine a produit 40 turbines");
    has("L'usine fermera en mars, d'après le quotidien.", "fr",
        Kind.ACCORDING_TO, "le quotidien", null, "L'usine fermera en mars");
    has("D’après Radio Stellan, le pont rouvrira en mai.", "fr",
        Kind.ACCORDING_TO, "Radio Stellan", null, "le pont rouvrira en mai");
    none("Selon moi, le pont rouvrira en mai.", "fr");
    none("Les prix varient selon la saison.", "fr");
  }

  @Test
  void aDeclareAffirmeIndiqueAnnonceExpliquePrecise() {
    has("Anna Velmar a déclaré lundi que l'usine fermerait en mars.", "fr",
        Kind.SAID, "Anna Velmar", null, "l'usine fermerait en mars");
    has("L'usine fermera en mars, a déclaré Anna Velmar.", "fr",
        Kind.SAID, "Anna Velmar", null, "L'usine fermera en mars");
    has("Le ministère a affirmé que le pont rouvrirait en mai.", "fr",
        Kind.SAID, "Le ministère", null, "le pont rouvrirait en mai");
    has("La mairie a indiqué que le pont rouvrirait en mai.", "fr",
        Kind.SAID, "La mairie", null, "le pont rouvrirait en mai");
    has("Le pont rouvrira en mai, a expliqué le porte-parole du ministère.", "fr",
        Kind.SAID, "le porte-parole du ministère", null, "Le pont rouvrira en mai");
    has("Anna Velmar a précisé à Radio Stellan que le pont rouvrirait en mai.", "fr",
        Kind.TOLD, "Anna Velmar", "Radio Stellan", "le pont rouvrirait en mai");
    has("Le groupe a annoncé que l'usine fermerait en mars.", "fr",
        Kind.SAID, "Le groupe", null, "l'usine fermerait en mars");
    none("Le groupe a annoncé la fermeture de l'usine.", "fr");
    none("Il a déclaré que l'usine fermerait en mars.", "fr");
  }

  @Test
  void ecritRapporteQualifie() {
    has("L'usine fermera en mars, écrit Le Kestral.", "fr",
        Kind.REPORTED, "Le Kestral", null, "L'usine fermera en mars");
    has("Le pont rouvrira en mai, rapporte le quotidien régional.", "fr",
        Kind.REPORTED, "le quotidien régional", null, "Le pont rouvrira en mai");
    has("Le Kestral rapporte que le pont rouvrira en mai.", "fr",
        Kind.REPORTED, "Le Kestral", null, "le pont rouvrira en mai");
    has("Anna Velmar qualifie la fermeture de « désastre pour la ville ».", "fr",
        Kind.SAID, "Anna Velmar", null, "la fermeture de « désastre pour la ville »");
    none("Le groupe rapporte des bénéfices record.", "fr");
    none("Anna Velmar écrit un livre sur le pont.", "fr");
  }

  @Test
  void citeParMakesTheOutletTheRelay() {
    has("Le ministre, cité par Le Kestral, a affirmé que l'usine fermerait.", "fr",
        Kind.ACCORDING_TO, "Le ministre", "Le Kestral", "l'usine fermerait");
    has("L'usine fermera en mars, a déclaré Anna Velmar, citée par Radio Stellan.", "fr",
        Kind.SAID, "Anna Velmar", "Radio Stellan", "L'usine fermera en mars");
    none("Le pont, cité par tous comme un modèle, rouvrira en mai.", "fr");
  }
}
