package org.dossier.core;

/**
 * A name as the case-wide resolver reads it: one distinct (type, text, canonical) of the
 * entity mentions, with how often it occurs.
 */
public record EntityRow(EntityType type, String text, String canonical, long mentions) {}
