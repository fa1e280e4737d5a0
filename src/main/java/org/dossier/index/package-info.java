/**
 * Index: the embedded Lucene adapter of {@link org.dossier.core.DocumentIndex}.
 *
 * <p>Every document's text goes into a language-neutral field ({@code text}: ICU tokenizer and
 * folding), a field for its own language when Dossier has one ({@code text_en} Porter stemming,
 * {@code text_ru} Snowball Russian stemming, {@code text_zh} SmartCN segmentation), and a loose
 * transliteration field ({@code text_translit}, see {@link org.dossier.index.TranslitKey}) where
 * Cyrillic and the usual Latin spellings of the same name meet. All text fields index offsets, so
 * that snippets come from postings and highlight matches of any of them in the stored text.
 *
 * <p>May import: {@code org.dossier.core}, Lucene, ICU4J.
 */
package org.dossier.index;
