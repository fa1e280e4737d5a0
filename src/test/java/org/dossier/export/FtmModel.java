package org.dossier.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validator of FollowTheMoney entities against FtM's own model ({@link #location}, the
 * schemata as the npm package {@code @alephdata/followthemoney} ships them, fetched by {@code .ci/run}): each line an object with {@code id},
 * {@code schema} and {@code properties}; the schema known and not abstract; each property one the
 * schema has (its own or inherited); each value a string within its type's length; dates ISO 8601
 * prefixes; languages and countries from the model's lists; entity references to entities of the
 * same output whose schema is the property's range or descends from it; required properties set;
 * ids unique. {@link #problems} lists every breach.
 */
final class FtmModel {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATE = "\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}(:\\d{2}(:\\d{2})?)?)?)?)?";

  private final JsonNode schemata;
  private final JsonNode types;

  /** The version of FtM's model the tests validate against; {@code .ci/run} fetches it with npm. */
  static final String VERSION = "3.8.4";

  /**
   * Where FtM's model is: {@code -Ddossier.ftm.model=FILE}, else {@code
   * ~/.cache/dossier/followthemoney-3.8.4/defaultModel.json}, as {@code .ci/run} puts it.
   */
  static java.nio.file.Path location() {
    String set = System.getProperty("dossier.ftm.model", "");
    return !set.isEmpty() ? java.nio.file.Path.of(set) : java.nio.file.Path.of(System.getProperty("user.home"),
        ".cache", "dossier", "followthemoney-" + VERSION, "defaultModel.json");
  }

  /** FtM's model; the test is skipped, with how to get the model, when it is not there. */
  FtmModel() throws IOException {
    java.nio.file.Path file = location();
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(file),
        "FollowTheMoney's model is not at " + file + ": .ci/run fetches it (npm pack @alephdata/followthemoney@"
            + VERSION + ", dist/defaultModel.json); the FtM validation is skipped");
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      JsonNode m = JSON.readTree(in);
      schemata = m.get("schemata");
      types = m.get("types");
    }
  }

  /** The schema and every schema it descends from. */
  List<String> lineage(String schema) {
    List<String> out = new ArrayList<>();
    schemata.get(schema).get("schemata").forEach(s -> out.add(s.asText()));
    return out;
  }

  /** The property's definition, from the schema or the one it inherits it from. */
  JsonNode property(String schema, String name) {
    for (String s : lineage(schema)) {
      JsonNode p = schemata.get(s).path("properties").get(name);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  Set<String> required(String schema) {
    Set<String> out = new HashSet<>();
    for (String s : lineage(schema)) {
      schemata.get(s).path("required").forEach(r -> out.add(r.asText()));
    }
    return out;
  }

  /** Every breach of the model in these JSON lines; empty when they validate. */
  List<String> problems(List<String> lines) throws IOException {
    List<String> out = new ArrayList<>();
    Map<String, String> schemaOf = new HashMap<>();
    List<JsonNode> entities = new ArrayList<>();
    for (String line : lines) {
      JsonNode e = JSON.readTree(line);
      entities.add(e);
      String id = e.path("id").asText("");
      String schema = e.path("schema").asText("");
      if (id.isEmpty() || id.length() > types.get("entity").get("maxLength").asInt()) {
        out.add("bad id: " + line);
      }
      if (schemaOf.put(id, schema) != null) {
        out.add("id used twice: " + id);
      }
    }
    for (JsonNode e : entities) {
      String id = e.path("id").asText();
      String schema = e.path("schema").asText();
      JsonNode def = schemata.get(schema);
      if (def == null) {
        out.add(id + ": no schema " + schema);
        continue;
      }
      if (def.path("abstract").asBoolean(false)) {
        out.add(id + ": abstract schema " + schema);
      }
      JsonNode props = e.get("properties");
      if (props == null || !props.isObject()) {
        out.add(id + ": no properties object");
        continue;
      }
      for (String r : required(schema)) {
        if (!props.has(r) || props.get(r).isEmpty()) {
          out.add(id + " (" + schema + "): required " + r + " missing");
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        JsonNode pd = property(schema, p.getKey());
        if (pd == null) {
          out.add(id + " (" + schema + "): no property " + p.getKey());
          continue;
        }
        String type = pd.get("type").asText();
        JsonNode td = types.get(type);
        if (!p.getValue().isArray()) {
          out.add(id + "." + p.getKey() + ": not a list");
          continue;
        }
        for (JsonNode v : p.getValue()) {
          if (!v.isTextual() || v.asText().isEmpty()) {
            out.add(id + "." + p.getKey() + ": not a string: " + v);
            continue;
          }
          String s = v.asText();
          if (td.has("maxLength") && s.length() > td.get("maxLength").asInt()) {
            out.add(id + "." + p.getKey() + ": longer than " + type + " allows (" + s.length() + ")");
          }
          if (td.has("values") && !td.get("values").has(s)) {
            out.add(id + "." + p.getKey() + ": " + s + " is not a " + type);
          }
          switch (type) {
            case "date" -> {
              if (!s.matches(DATE)) {
                out.add(id + "." + p.getKey() + ": not an FtM date: " + s);
              }
            }
            case "mimetype" -> {
              if (!s.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
                out.add(id + "." + p.getKey() + ": not a bare MIME type: " + s);
              }
            }
            case "checksum" -> {
              if (!s.matches("[0-9a-f]{40}")) {
                out.add(id + "." + p.getKey() + ": not a SHA-1: " + s);
              }
            }
            case "number" -> {
              if (!s.matches("-?\\d+(\\.\\d+)?")) {
                out.add(id + "." + p.getKey() + ": not a number: " + s);
              }
            }
            case "entity" -> {
              String target = schemaOf.get(s);
              String range = pd.get("range").asText();
              if (target == null) {
                out.add(id + "." + p.getKey() + ": refers to no entity of the output: " + s);
              } else if (schemata.get(target) == null || !lineage(target).contains(range)) {
                out.add(id + "." + p.getKey() + ": refers to a " + target + ", not a " + range);
              }
            }
            default -> { }
          }
        }
      }
    }
    return out;
  }
}
