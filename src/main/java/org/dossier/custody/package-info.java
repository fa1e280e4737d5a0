/**
 * Chain of custody: the append-only, hash-chained {@code custody.jsonl} log, its verification, and
 * the BagIt-style manifest of the originals.
 *
 * <p>Each line is one JSON object with {@code seq}, {@code time}, {@code action}, the action's
 * fields (path, hash ...) and {@code prev}, the SHA-256 of the previous line's bytes. Editing,
 * removing or reordering any line breaks the chain at the next line; the store keeps the hash of
 * the last committed line so that truncating the tail is detected too.
 *
 * <p>May import: {@code org.dossier.core}, Jackson.
 */
package org.dossier.custody;
