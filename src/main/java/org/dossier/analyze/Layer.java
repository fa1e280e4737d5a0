package org.dossier.analyze;

/** What an annotator adds to a {@link Draft}; annotators declare the layers they need. */
public enum Layer {
  SENTENCES,
  /** People, organisations and places. */
  NAMES,
  /** Equipment, units and programmes from the gazetteer. */
  DOMAIN_ENTITIES,
  VALUES,
  ATTRIBUTIONS,
  /** Each mention's fullest name in the document. */
  CANONICAL_NAMES
}
