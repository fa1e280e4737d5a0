package org.dossier.core;

import java.util.Arrays;

/** What an entity is; the codes are the JSON and command-line vocabulary. */
public enum EntityType {
  PERSON("person"),
  ORGANIZATION("organization"),
  PLACE("place"),
  /** Military equipment and systems: vehicles, weapons, aircraft, parachute systems ... */
  EQUIPMENT("equipment"),
  /** Military units, formations and programmes. */
  UNIT("unit"),
  OTHER("other");

  private final String code;

  EntityType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static EntityType fromCode(String code) {
    return Arrays.stream(values())
        .filter(t -> t.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown entity type '" + code + "'; known: person, organization, place, equipment,"
                + " unit, other"));
  }

  @Override
  public String toString() {
    return code;
  }
}
