/**
 * Extract: text, metadata, language and embedded documents from originals, with Apache Tika and
 * Tesseract, in a separate worker process per core so that a parser that hangs or runs out of
 * memory costs one document, not the run.
 *
 * <p>{@link org.dossier.extract.ForkedExtractor} is the {@link org.dossier.core.Extractor} the
 * pipeline uses: it starts {@link org.dossier.extract.WorkerMain} with a bounded heap, sends it one
 * request at a time and kills it when a parse overruns its time. Inside the worker, {@link
 * org.dossier.extract.TikaExtractor} parses and {@link org.dossier.extract.EmbeddedSaver} stages
 * embedded documents under caps on count, size and expansion ratio.
 *
 * <p>May import: {@code org.dossier.core}, Tika, Optimaize, ICU4J, Jackson.
 */
package org.dossier.extract;
