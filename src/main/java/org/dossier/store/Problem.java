package org.dossier.store;

import org.dossier.core.DocumentStatus;

/**
 * A document or path whose status is a problem.
 *
 * @param name the document's name, or the path's name when nothing could be read there
 * @param status what went wrong
 * @param reason what a person can do about it
 */
public record Problem(String name, DocumentStatus status, String reason) {}
