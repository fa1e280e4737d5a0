package org.dossier.store;

import java.util.List;
import org.dossier.core.EntityType;

/**
 * An entity of the case as {@code dossier entities} lists it.
 *
 * @param name its fullest name
 * @param type what it is
 * @param aliases every other name it goes by in the case
 * @param documents the documents that mention it, by name
 * @param mentions how many times it is mentioned
 */
public record EntitySummary(
    long id, String name, EntityType type, List<String> aliases, List<String> documents, long mentions) {
  public EntitySummary {
    aliases = List.copyOf(aliases);
    documents = List.copyOf(documents);
  }
}
