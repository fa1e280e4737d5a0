/**
 * The workbench: an embedded web server (Javalin on Jetty) over one or more case folders, with
 * a REST API under {@code /api/v1} (the same read models as the CLI's {@code --json}, described
 * by {@code /api/openapi.json}) and server-rendered pages (jte templates, escaped by HTML
 * context). Documents are hostile: nothing from them runs as script or markup (a strict
 * Content-Security-Policy, no inline scripts or handlers), originals go out only as downloads,
 * and no path from a request reaches the disk: cases and documents are looked up by key.
 */
package org.dossier.serve;
