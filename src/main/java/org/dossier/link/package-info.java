/**
 * The link stage: claims read from analysed documents ({@link org.dossier.link.ClaimExtractor}),
 * documents grouped into stories, claims reconciled into facts ({@link
 * org.dossier.link.Reconciler}, {@link org.dossier.link.Comparison}), and propagation: who
 * copied, translated or rewrote whom ({@link org.dossier.link.Propagation}).
 */
package org.dossier.link;
