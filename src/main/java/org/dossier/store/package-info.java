/**
 * The case store: documents, their paths, metadata, runs and settings, the analysis, entities,
 * findings, judgements, users and saved searches, and the durable work queue ({@link
 * org.dossier.store.TaskQueue}: tasks claimed under leases), each concern a narrow interface with one JDBC
 * implementation for both engines, SQLite (embedded, the default) and PostgreSQL (a schema per
 * case on a server that many processes write); {@link org.dossier.store.Dialect} holds what
 * differs. Schema migrations are numbered SQL files beside this package ({@code V001__initial.sql},
 * ...) applied in order when the store opens, with PostgreSQL's own version of a number under
 * {@code postgresql/} where its SQL must differ.
 *
 * <p>May import: {@code org.dossier.core}, sqlite-jdbc and the PostgreSQL driver (through JDBC).
 */
package org.dossier.store;
