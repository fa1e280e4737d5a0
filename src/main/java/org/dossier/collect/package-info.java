/**
 * Collect: walk the input, refuse what must not be followed, hash every original and store it
 * content-addressed and read-only.
 *
 * <p>{@link org.dossier.collect.InputWalker} turns input folders into named files and refusals;
 * {@link org.dossier.collect.EvidenceStore} keeps originals under their SHA-256; {@link
 * org.dossier.collect.EntryNames} makes a container's entry names safe to use as document names.
 *
 * <p>May import: {@code org.dossier.core}.
 */
package org.dossier.collect;
