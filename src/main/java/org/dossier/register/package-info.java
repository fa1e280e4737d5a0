/**
 * Registers built from the link stage's stored facts: the arms-transfer register ({@link
 * org.dossier.register.Transfers}, one row per deal in the shape of SIPRI's trade register) and
 * the events register ({@link org.dossier.register.Events}, the timeline with kinds, places and
 * participants). Every cell holds its values with the passages they rest on; JSON, CSV and tables
 * are made at the edges (the CLI, the report).
 */
package org.dossier.register;
