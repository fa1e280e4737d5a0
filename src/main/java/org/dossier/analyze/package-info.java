/**
 * Analyze: what the text says. Names of people, organisations and places (Stanford CoreNLP's CRF
 * models for English, HanLP for Chinese, rules and gazetteers for Russian and other languages),
 * domain entities from a curated gazetteer (equipment, units, programmes, with Latin, Cyrillic and
 * Chinese aliases), values normalized (money, quantities, counts, dates resolved against the
 * document's date, percentages, ranges, ages, with their qualifiers; in English, Russian, Chinese,
 * French, German, Spanish and Italian), and attributions (who says what, in the same seven
 * languages: "according to", "said", "told", "citing", quotes, wire datelines).
 *
 * <p>{@link org.dossier.analyze.DocumentAnalyzer} runs a sequence of {@link
 * org.dossier.analyze.Annotator}s over a {@link org.dossier.analyze.Draft}, checking when it is
 * built that each annotator's requirements come before it (as CoreNLP does), and reads long texts
 * in chunks so that memory stays bounded. {@link org.dossier.analyze.EntityResolver} then joins
 * the mentions of the whole case into entities.
 *
 * <p>May import: {@code org.dossier.core}, CoreNLP, HanLP, Lucene analysis (Snowball stemmers),
 * ICU4J.
 */
package org.dossier.analyze;
