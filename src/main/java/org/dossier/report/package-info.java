/**
 * The analyst's report ({@link org.dossier.report.Report}): findings as sentences, each citing
 * its passages as footnotes ({@code Citations}), the disputes first ({@link
 * org.dossier.report.Disputes}, also used by {@code dossier facts}). {@link
 * org.dossier.report.Readable} writes values and {@link org.dossier.report.DocumentLabels} names
 * documents for the report and the commands' human output alike.
 *
 * <p>May import: {@code core} and {@code link} (the stored findings as {@link
 * org.dossier.link.StoredFindings}).
 */
package org.dossier.report;
