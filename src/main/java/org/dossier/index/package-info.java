/**
 * Index: the embedded Lucene adapter of {@link org.dossier.core.DocumentIndex}.
 *
 * <p>A document's text is stored, and indexed in {@code text} as analysed in its own language
 * (ICU word segmentation and folding everywhere; Porter stemming for English, Snowball for
 * Russian, SmartCN segmentation for Chinese); {@link org.dossier.index.DossierQueryParser} tries
 * each language's analysis of the query. Words that look like names also go into {@code
 * text_translit} under their {@link org.dossier.core.TranslitKey}, where Cyrillic and the usual
 * Latin spellings meet. Both fields index offsets, so snippets come from the postings.
 * Segmentation and folding run once per document ({@link org.dossier.index.SharedTokens}).
 * {@link org.dossier.index.SearchAnalysis} lends the same analysis, parser and snippets to an
 * adapter whose engine runs elsewhere ({@link org.dossier.index.solr}).
 *
 * <p>May import: {@code org.dossier.core}, Lucene, ICU4J.
 */
package org.dossier.index;
