package org.dossier.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.dossier.core.EntityType;
import org.dossier.link.StoredFindings;
import org.dossier.pipeline.Linking;
import org.dossier.store.EntitySummary;

/**
 * The case as FollowTheMoney entities, one JSON object a line ({@code {"id", "schema",
 * "properties": {name: [values]}}}), as Aleph imports them ({@code alephclient write-entities}):
 * <ul>
 *   <li>each document as the schema Aleph gives its type (Pages, PlainText, HyperText, Email,
 *       Workbook, Table, Package, Image, else Document) with its file name, title, author,
 *       dates, mime type, language (ISO 639-3), size, container ({@code parent}), the names it
 *       mentions, its outlet as {@code publisher}, the SHA-1 of its original as {@code
 *       contentHash} (FtM's checksum is SHA-1; Dossier's SHA-256 id is the key of the entity's
 *       id) and the stage runs the export comes from in {@code processingAgent};
 *   <li>people as Person, organisations and units as Organization, equipment as Asset, with
 *       every name they go by across scripts ({@code name}, {@code alias}); places and other
 *       names only as the documents' mentioned names;
 *   <li>a Documentation entity for each entity and each document that mentions it;
 *   <li>each dated event of the timeline as an Event ({@code recordId} the fact it comes from,
 *       the other dates its sources give in {@code description}), with a Documentation entity per
 *       source document quoting the passage;
 *   <li>a Mention for each name a document attributes a claim to, resolved to the entity of
 *       that name when the case has one.
 * </ul>
 * No Payment or Contract: the facts hold amounts and dates, not who paid whom under which
 * contract, and inventing the parties would not be honest. Ids are stable ({@link Ids}). Values are
 * clipped to FtM's limits per property type.
 */
public final class FtmExport {
  /** FtM's longest value per property type (its model's {@code maxLength}). */
  static final Map<String, Integer> MAX = Map.of("name", 384, "string", 1024, "text", 65000, "date", 32,
      "checksum", 40, "language", 16, "mimetype", 250, "number", 250, "address", 250, "entity", 200);

  private static final ObjectMapper JSON = new ObjectMapper(new JsonFactory().setCharacterEscapes(new TerminalSafe()));

  private final CaseExport c;
  private final Writer out;
  private final String retrieved;

  private FtmExport(CaseExport c, Writer out) {
    this.c = c;
    this.out = out;
    String run = c.runs().getOrDefault(Linking.SETTING, "");
    int space = run.indexOf(' ');
    this.retrieved = space < 0 ? "" : Metadata.ftmDate(run.substring(space + 1)).orElse("");
  }

  public static void write(CaseExport c, Writer out) throws IOException {
    new FtmExport(c, out).run();
    out.flush();
  }

  /** One entity being built: its properties, each a list of values. */
  private static final class Entity {
    final String id;
    final String schema;
    final Map<String, List<String>> properties = new TreeMap<>();

    Entity(String id, String schema) {
      this.id = id;
      this.schema = schema;
    }

    Entity add(String property, String type, Optional<String> value) {
      value.ifPresent(v -> add(property, type, v));
      return this;
    }

    Entity add(String property, String type, String value) {
      if (value == null || value.isBlank()) {
        return this;
      }
      String v = value.strip();
      int max = MAX.getOrDefault(type, 1024);
      if (v.length() > max) {
        int cut = Character.isLowSurrogate(v.charAt(max)) ? max - 1 : max;
        v = v.substring(0, cut);
      }
      List<String> values = properties.computeIfAbsent(property, k -> new ArrayList<>());
      if (!values.contains(v)) {
        values.add(v);
      }
      return this;
    }
  }

  private void emit(Entity e) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", e.id);
    json.put("schema", e.schema);
    json.put("properties", e.properties);
    out.write(JSON.writeValueAsString(json));
    out.write('\n');
  }

  private String id(String key) {
    return Ids.of(c.name(), key);
  }

  private void run() throws IOException {
    Map<String, String> docIds = new HashMap<>();
    Map<String, String> schemas = new HashMap<>();
    c.documentNames(d -> {
      docIds.put(d.name(), id("document:" + d.id().sha256()));
      schemas.put(d.name(), schema(d.mediaType(), c.container(d.name())));
    });
    // the names each document mentions, by the entity's type
    Map<String, Map<String, List<String>>> mentioned = new HashMap<>();
    Map<String, String> entityIds = new LinkedHashMap<>();
    Map<String, String> entitySchemas = new HashMap<>();
    Map<String, String> byName = new HashMap<>();
    for (EntitySummary e : c.entities()) {
      String property = switch (e.type()) {
        case PERSON -> "peopleMentioned";
        case ORGANIZATION, UNIT -> "companiesMentioned";
        case PLACE -> "locationMentioned";
        default -> "namesMentioned";
      };
      for (String doc : e.documents()) {
        mentioned.computeIfAbsent(doc, k -> new TreeMap<>()).computeIfAbsent(property, k -> new ArrayList<>()).add(e.name());
      }
      String schema = schema(e.type());
      if (schema != null) {
        String key = "entity:" + e.type().code() + ":" + e.name();
        entityIds.put(key, id(key));
        entitySchemas.put(key, schema);
        for (String n : concat(e.name(), e.aliases())) {
          byName.putIfAbsent(n.toLowerCase(Locale.ROOT), key);
        }
      }
    }
    c.documents(d -> {
      Entity e = new Entity(docIds.get(d.name()), schemas.get(d.name()));
      String name = d.name();
      // FtM's Thing requires a name, and Document a file name: both the file's name
      e.add("name", "name", name.substring(name.lastIndexOf('/') + 1));
      e.add("fileName", "string", name.substring(name.lastIndexOf('/') + 1));
      Optional<StoredFindings.Source> s = c.source(name);
      e.add("title", "string", Metadata.title(d).or(() -> s.flatMap(StoredFindings.Source::headline)));
      e.add("author", "string", Metadata.author(d));
      e.add("authoredAt", "date", Metadata.created(d).flatMap(Metadata::ftmDate));
      e.add("modifiedAt", "date", Metadata.modified(d).flatMap(Metadata::ftmDate));
      e.add("date", "date", s.flatMap(StoredFindings.Source::date).map(Object::toString));
      if (s.map(StoredFindings.Source::genre).filter("article"::equals).isPresent()) {
        e.add("publishedAt", "date", s.flatMap(StoredFindings.Source::date).map(Object::toString));
      }
      e.add("publisher", "string", s.flatMap(StoredFindings.Source::outlet));
      e.add("mimeType", "mimetype", mime(d.document().mediaType()));
      e.add("language", "language", language(d.document().language()));
      e.add("fileSize", "number", Long.toString(d.document().size()));
      e.add("contentHash", "checksum", sha1(d));
      e.add("processingAgent", "string", "Dossier; " + c.runLine());
      if (d.parent().isPresent()) {
        String parent = d.parent().get();
        if (docIds.containsKey(parent) && FOLDERS.contains(schemas.get(parent))) {
          e.add("parent", "entity", docIds.get(parent));
        } else {
          e.add("description", "text", "Found inside " + parent);
        }
      }
      if (e.schema.equals("Email")) {
        e.add("from", "string", Metadata.from(d));
        e.add("to", "string", Metadata.to(d));
        e.add("subject", "string", Metadata.subject(d));
      }
      for (Map.Entry<String, List<String>> m : mentioned.getOrDefault(name, Map.of()).entrySet()) {
        for (String v : m.getValue()) {
          e.add(m.getKey(), m.getKey().equals("locationMentioned") ? "address" : "name", v);
        }
      }
      emit(e);
    });
    for (EntitySummary s : c.entities()) {
      String key = "entity:" + s.type().code() + ":" + s.name();
      String eid = entityIds.get(key);
      if (eid == null) {
        continue;
      }
      Entity e = new Entity(eid, entitySchemas.get(key));
      e.add("name", "name", s.name());
      for (String a : s.aliases()) {
        e.add("alias", "name", a);
      }
      e.add("retrievedAt", "date", retrieved);
      emit(e);
      for (String doc : s.documents()) {
        String did = docIds.get(doc);
        if (did != null) {
          emit(new Entity(id("documentation:" + key + ":" + doc), "Documentation").add("document", "entity", did)
              .add("entity", "entity", eid).add("role", "string", "mentions").add("retrievedAt", "date", retrieved));
        }
      }
    }
    c.events(ev -> {
      String key = "event:" + ev.fact() + ":" + ev.date() + ":" + ev.what();
      String eid = id(key);
      Entity e = new Entity(eid, "Event").add("name", "name", ev.what()).add("recordId", "string", ev.fact());
      Metadata.ftmDate(ev.date()).ifPresent(v -> e.add("date", "date", v));
      String description = "Story " + ev.story() + "; the sources " + (ev.status().equals("agree") ? "agree"
          : ev.status().equals("single") ? "are one" : "disagree (" + ev.status() + ")")
          + (ev.alongside().isEmpty() ? "" : "; other dates given: " + String.join(", ", ev.alongside()));
      e.add("description", "text", description).add("retrievedAt", "date", retrieved);
      emit(e);
      Set<String> seen = new HashSet<>();
      for (StoredFindings.Claim cl : ev.claims()) {
        String did = docIds.get(cl.document());
        if (did == null) {
          continue;
        }
        String dk = "documentation:" + key + ":" + cl.document() + ":" + cl.start() + ":" + cl.end();
        if (seen.add(dk)) {
          emit(new Entity(id(dk), "Documentation").add("document", "entity", did).add("entity", "entity", eid)
              .add("role", "string", "dates it").add("summary", "text", cl.quote())
              .add("description", "text", cl.document() + " @" + cl.start() + "-" + cl.end())
              .add("retrievedAt", "date", retrieved));
        }
      }
    });
    Set<String> mentions = new HashSet<>();
    c.facts(f -> {
      for (StoredFindings.Claim cl : f.claims()) {
        if (cl.attributedTo().isEmpty() || !docIds.containsKey(cl.document())) {
          continue;
        }
        String name = cl.attributedTo().get();
        String key = "mention:" + cl.document() + ":" + name;
        if (!mentions.add(key)) {
          continue;
        }
        Entity m = new Entity(id(key), "Mention").add("document", "entity", docIds.get(cl.document()))
            .add("name", "name", name);
        String resolved = byName.get(name.strip().toLowerCase(Locale.ROOT));
        if (resolved != null && !entitySchemas.get(resolved).equals("Asset")) {
          m.add("resolved", "entity", entityIds.get(resolved)).add("detectedSchema", "string", entitySchemas.get(resolved));
        } else {
          m.add("detectedSchema", "string", "LegalEntity");
        }
        emit(m);
      }
    });
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> out = new ArrayList<>(rest.size() + 1);
    out.add(first);
    out.addAll(rest);
    return out;
  }

  /** The schemas that may be a document's {@code parent} (FtM's Folder and its descendants). */
  static final Set<String> FOLDERS = Set.of("Folder", "Package", "Workbook", "Email");

  /** The schema of an entity of the case, or null for those exported only as mentioned names. */
  static String schema(EntityType t) {
    return switch (t) {
      case PERSON -> "Person";
      case ORGANIZATION, UNIT -> "Organization";
      case EQUIPMENT -> "Asset";
      default -> null;
    };
  }

  /** The schema Aleph's ingestors give a file of this type; a container always a folder of some kind. */
  static String schema(String mediaType, boolean container) {
    String m = mime(mediaType).orElse("");
    String s;
    if (m.equals("message/rfc822") || m.equals("application/vnd.ms-outlook")) {
      s = "Email";
    } else if (m.matches("application/(zip|x-tar|gzip|x-gzip|x-7z-compressed|x-rar-compressed|vnd\\.rar|x-bzip2|java-archive|x-gtar)")) {
      s = "Package";
    } else if (m.equals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        || m.equals("application/vnd.ms-excel") || m.equals("application/vnd.oasis.opendocument.spreadsheet")) {
      s = "Workbook";
    } else if (m.equals("text/csv") || m.equals("text/tab-separated-values")) {
      s = "Table";
    } else if (m.equals("application/pdf") || m.startsWith("application/vnd.openxmlformats-officedocument")
        || m.equals("application/msword") || m.equals("application/rtf") || m.startsWith("application/vnd.oasis.opendocument")
        || m.equals("application/vnd.ms-powerpoint")) {
      s = "Pages";
    } else if (m.equals("text/html") || m.equals("application/xhtml+xml")) {
      s = "HyperText";
    } else if (m.startsWith("text/")) {
      s = "PlainText";
    } else if (m.startsWith("image/")) {
      s = "Image";
    } else {
      s = "Document";
    }
    return container && !FOLDERS.contains(s) && (s.equals("Document") || s.equals("PlainText")) ? "Folder" : s;
  }

  /** A media type without its parameters ({@code text/plain; charset=UTF-8} is {@code text/plain}). */
  static Optional<String> mime(String mediaType) {
    int semi = mediaType.indexOf(';');
    String m = (semi < 0 ? mediaType : mediaType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    return m.contains("/") ? Optional.of(m) : Optional.empty();
  }

  /** An ISO 639-1 code as FtM's ISO 639-3 ({@code ru} is {@code rus}); nothing for {@code und}. */
  static Optional<String> language(String code) {
    if (code.length() != 2) {
      return Optional.empty();
    }
    try {
      String three = Locale.forLanguageTag(code).getISO3Language();
      return three.length() == 3 ? Optional.of(three) : Optional.empty();
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }

  /** The SHA-1 of the document's original, read from the evidence store, when it is stored. */
  static Optional<String> sha1(CaseExport.Doc d) throws IOException {
    if (d.original().isEmpty()) {
      return Optional.empty();
    }
    MessageDigest md = Ids.sha1();
    try (InputStream in = Files.newInputStream(d.original().get())) {
      byte[] buf = new byte[65536];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return Optional.of(java.util.HexFormat.of().formatHex(md.digest()));
  }

  /** JSON's escapes, and also for the characters that must not reach a terminal raw (C1 controls, bidi overrides). */
  static final class TerminalSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    TerminalSafe() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch >= 0x80 && ch <= 0x9f || ch >= 0x202a && ch <= 0x202e || ch >= 0x2066 && ch <= 0x2069) {
        return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
      }
      return null;
    }
  }
}
