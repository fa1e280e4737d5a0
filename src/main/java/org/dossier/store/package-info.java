/**
 * The embedded case store on SQLite: documents, their paths, metadata, runs and settings. Schema
 * migrations are numbered SQL files beside this package ({@code V001__initial.sql}, ...) applied
 * in order when the store opens.
 *
 * <p>May import: {@code org.dossier.core}, sqlite-jdbc (through JDBC).
 */
package org.dossier.store;
