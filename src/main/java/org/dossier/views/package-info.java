/**
 * Read models: what the CLI's {@code --json} and the workbench's REST API both give for a
 * search, a document and its annotated text, so the two contracts are one. Values from
 * documents are carried as they are; each edge (terminal, JSON, HTML) escapes them its own way.
 */
package org.dossier.views;
