package org.dossier.core;

import java.util.List;

/**
 * An entity the resolver formed: its name, type, aliases, and the names (as read) it joins.
 */
public record ResolvedEntity(String name, EntityType type, List<String> aliases, List<EntityRow> names) {
  public ResolvedEntity {
    aliases = List.copyOf(aliases);
    names = List.copyOf(names);
  }
}
