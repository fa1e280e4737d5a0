/**
 * The command-line face of Dossier (picocli): {@code ingest}, {@code search}, {@code show},
 * {@code analyze}, {@code entities},
 * {@code status}, {@code custody}, the reading commands of the link stage ({@code stories},
 * {@code facts}, {@code sources}, {@code timeline}, {@code coverage}, {@code report}) and of the
 * verify stage ({@code verify}, {@code diff}). Every command that prints findings has {@code
 * --json}, which prints the stored rows as they are; human output decodes them into {@link
 * org.dossier.link.StoredFindings} ({@code Stored}) and words them with {@code
 * org.dossier.report}'s {@code Readable}, {@code DocumentLabels} and {@code Disputes}. Exit codes:
 * 0 ok, 1 failure, 2 usage error.
 *
 * <p>May import: every other {@code org.dossier} package.
 */
package org.dossier.cli;
