/**
 * The domain of Dossier and the ports its adapters implement.
 *
 * <p>Records for data ({@link org.dossier.core.DocumentId}, {@link org.dossier.core.Extraction},
 * {@link org.dossier.core.IndexDocument}, the search records) and narrow interfaces for the
 * technologies behind them ({@link org.dossier.core.Extractor}, {@link org.dossier.core.DocumentIndex}).
 *
 * <p>May import: the JDK only. Every other package may import this one.
 */
package org.dossier.core;
