/**
 * The command-line face of Dossier (picocli): {@code ingest}, {@code search}, {@code show},
 * {@code status} and {@code custody}. Every command that prints findings has {@code --json}.
 * Exit codes: 0 ok, 1 failure, 2 usage error.
 *
 * <p>May import: every other {@code org.dossier} package.
 */
package org.dossier.cli;
