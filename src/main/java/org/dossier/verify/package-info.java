/**
 * The verify stage: signals that bear on whether the documents of a cache are genuine and
 * complete, each with its evidence and its usual innocent explanation ({@link
 * org.dossier.verify.Kinds}), and version families found with MinHash and LSH.
 */
package org.dossier.verify;
