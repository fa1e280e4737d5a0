package org.dossier.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;

/**
 * Domain entities from a curated gazetteer (bundled {@code gazetteer.tsv}) plus any a case adds
 * ({@code <case>/gazetteer/*.tsv}): equipment, units, programmes, with aliases in any script.
 * Matching is by {@link MatchKeys}, longest alias first, so "БМД-4М", "BMD 4M" and "light
 * amphibious assault vehicles" all find BMD-4M.
 */
public final class Gazetteer implements Annotator {
  /** One gazetteer entry. */
  public record Entry(EntityType type, String name, List<String> aliases) {}

  private record Alias(List<String> keys, Entry entry) {}

  private final Map<String, List<Alias>> byFirstKey = new HashMap<>();
  private final List<Entry> entries = new ArrayList<>();
  private boolean capitalsOnly;

  private Gazetteer() {}

  /** The bundled gazetteer and the case's own files, if any. */
  public static Gazetteer load(List<Path> extraFiles) {
    Gazetteer g = new Gazetteer();
    try (InputStream in = Gazetteer.class.getResourceAsStream("gazetteer.tsv")) {
      if (in == null) {
        throw new IllegalStateException("gazetteer.tsv is not on the classpath");
      }
      g.read(in, "the bundled gazetteer");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path f : extraFiles) {
      try (InputStream in = Files.newInputStream(f)) {
        g.read(in, f.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the gazetteer " + f, e);
      }
    }
    g.byFirstKey.values().forEach(l -> l.sort((a, b) -> b.keys().size() - a.keys().size()));
    return g;
  }

  /** A gazetteer of the given entries only. */
  public static Gazetteer of(List<Entry> entries) {
    Gazetteer g = new Gazetteer();
    for (Entry e : entries) {
      g.entries.add(e);
      g.add(e.name(), e);
      e.aliases().forEach(a -> g.add(a, e));
    }
    g.byFirstKey.values().forEach(l -> l.sort((a, b) -> b.keys().size() - a.keys().size()));
    return g;
  }

  /** The {@code *.tsv} files in a folder, sorted, or none if it does not exist. */
  public static List<Path> filesIn(Path dir) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.tsv")) {
      s.forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }

  private void read(InputStream in, String source) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < 2) {
        throw new IllegalArgumentException(source + " line " + n
            + ": expected 'type<TAB>name<TAB>aliases', got '" + line + "'");
      }
      EntityType type = EntityType.fromCode(cols[0].strip());
      String name = cols[1].strip();
      List<String> aliases = new ArrayList<>();
      if (cols.length > 2) {
        for (String a : cols[2].split("\\|")) {
          if (!a.isBlank()) {
            aliases.add(a.strip());
          }
        }
      }
      Entry e = new Entry(type, name, List.copyOf(aliases));
      entries.add(e);
      add(name, e);
      aliases.forEach(a -> add(a, e));
    }
  }

  private void add(String alias, Entry e) {
    List<String> keys = MatchKeys.keys(alias);
    if (!keys.isEmpty()) {
      byFirstKey.computeIfAbsent(keys.get(0), k -> new ArrayList<>()).add(new Alias(keys, e));
    }
  }

  /** The gazetteer's names in a text, as mentions whose canonical name is the entry's name. */
  public List<EntityMention> find(String text) {
    Draft d = new Draft(text, "und", java.util.Optional.empty());
    annotate(d);
    return List.copyOf(d.entities);
  }

  /** Only matches written like names (capital or Han first letter): for place names. */
  public Gazetteer capitalsOnly() {
    capitalsOnly = true;
    return this;
  }

  private static boolean nameLike(String text, Span span) {
    int c = text.codePointAt(span.start());
    return Character.isUpperCase(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public Set<Layer> requires() {
    return EnumSet.noneOf(Layer.class);
  }

  @Override
  public Set<Layer> produces() {
    return EnumSet.of(Layer.DOMAIN_ENTITIES);
  }

  @Override
  public void annotate(Draft draft) {
    String text = draft.text();
    List<MatchKeys.Word> words = MatchKeys.words(text);
    List<Found> found = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Alias best = null;
      for (Alias a : byFirstKey.getOrDefault(words.get(i).key(), List.of())) {
        if (matches(a.keys(), words, i, text)) {
          best = a;
          break; // longest first
        }
      }
      if (best == null) {
        i++;
        continue;
      }
      MatchKeys.Word first = words.get(i);
      MatchKeys.Word last = words.get(i + best.keys().size() - 1);
      Span span = new Span(first.start(), last.end());
      if (capitalsOnly && !nameLike(text, span)) {
        i++;
        continue;
      }
      found.add(new Found(span, candidates(best)));
      i += best.keys().size();
    }
    // an alias several entries share ("self-propelled anti-tank gun") names the one the text
    // also names unambiguously; failing that, the entry loaded last (a case's own file)
    Set<Entry> named = new java.util.HashSet<>();
    found.stream().filter(f -> f.entries().size() == 1).forEach(f -> named.add(f.entries().get(0)));
    for (Found f : found) {
      Entry e = f.entries().stream().filter(named::contains).reduce((a, b) -> b)
          .orElse(f.entries().get(f.entries().size() - 1));
      draft.entities.add(new EntityMention(f.span(), text.substring(f.span().start(), f.span().end()),
          e.type(), e.name(), "gazetteer"));
    }
  }

  private record Found(Span span, List<Entry> entries) {}

  /** The entries that have exactly this alias, in the order they were loaded. */
  private List<Entry> candidates(Alias alias) {
    List<Entry> out = new ArrayList<>();
    for (Alias a : byFirstKey.get(alias.keys().get(0))) {
      if (a.keys().equals(alias.keys()) && !out.contains(a.entry())) {
        out.add(a.entry());
      }
    }
    return out;
  }

  /** The alias's keys at word {@code i}, with nothing but spaces and hyphens between words. */
  private static boolean matches(List<String> keys, List<MatchKeys.Word> words, int i, String text) {
    if (i + keys.size() > words.size()) {
      return false;
    }
    for (int k = 0; k < keys.size(); k++) {
      MatchKeys.Word w = words.get(i + k);
      if (!w.key().equals(keys.get(k))) {
        return false;
      }
      if (k > 0) {
        String gap = text.substring(words.get(i + k - 1).end(), w.start());
        if (!gap.matches("[\\s\\-–'’«»\"]{0,3}")) {
          return false;
        }
      }
    }
    return true;
  }
}
