/**
 * The link stage: claims read from analysed documents ({@link org.dossier.link.ClaimExtractor}),
 * documents grouped into stories, claims built into facts ({@link
 * org.dossier.link.FactBuilder}, {@link org.dossier.link.Comparison}), and propagation: who
 * copied, translated or rewrote whom ({@link org.dossier.link.Propagation}). {@link
 * org.dossier.link.Findings} writes the results as the stored JSON rows the commands print;
 * {@link org.dossier.link.StoredFindings} reads those rows back as typed records, and is the
 * only reader of their field names.
 */
package org.dossier.link;
