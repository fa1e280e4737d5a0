package org.dossier.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dossier.analyze.Gazetteer;
import org.dossier.core.Annotations;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;

/**
 * Names the analysis found anywhere in the case, looked for again in every document: a name
 * that a model read in an English article ("Jack Doe", "Harlow Capital") is found in the Spanish
 * or German retelling that no name model reads, and in passages a model missed. Only names
 * written as names are looked for (a capital first, two words or one of five letters at least),
 * and a name found this way never replaces a mention the analysis made itself.
 */
public final class CaseNames {
  /** Letters a one-word name needs to be looked for across the case ("Modi" is too short to trust). */
  static final int ONE_WORD = 5;

  private CaseNames() {}

  /**
   * A gazetteer of the case's names, from the resolved names keyed {@code type|text|canonical},
   * taken in key order: when several names share a form, the gazetteer names the one it loaded
   * last, so the order of the map (which a store gives in its engine's order) must not choose it.
   */
  public static Gazetteer of(Map<String, String> resolved) {
    Map<String, Set<String>> aliases = new LinkedHashMap<>();
    Map<String, EntityType> types = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(resolved).entrySet()) {
      String[] k = e.getKey().split("\\|", 3);
      if (k.length < 3) {
        continue;
      }
      EntityType type = EntityType.fromCode(k[0]);
      if (type == EntityType.OTHER) {
        continue;
      }
      String key = type.code() + "|" + e.getValue();
      for (String form : new String[] {k[1], k[2], e.getValue()}) {
        if (nameLike(form)) {
          aliases.computeIfAbsent(key, x -> new LinkedHashSet<>()).add(form.strip());
          types.put(key, type);
        }
      }
    }
    List<Gazetteer.Entry> entries = new ArrayList<>();
    aliases.forEach((key, forms) -> entries.add(new Gazetteer.Entry(types.get(key),
        key.substring(key.indexOf('|') + 1), List.copyOf(forms))));
    return Gazetteer.of(entries).capitalsOnly();
  }

  /** True for a form worth looking for elsewhere: written as a name, and long enough. */
  static boolean nameLike(String form) {
    String f = form.strip();
    if (f.isEmpty() || !Character.isUpperCase(f.codePointAt(0)) || f.length() > 80) {
      return false;
    }
    String[] words = f.split("\\s+");
    return words.length >= 2 || f.codePoints().filter(Character::isLetter).count() >= ONE_WORD
        && !f.equals(f.toUpperCase(java.util.Locale.ROOT));
  }

  /** The document's annotations with the case's names it holds and did not already mark. */
  public static Annotations spot(Gazetteer names, String text, Annotations a) {
    List<EntityMention> found = names.find(text);
    if (found.isEmpty()) {
      return a;
    }
    List<EntityMention> all = new ArrayList<>(a.entities());
    for (EntityMention m : found) {
      List<EntityMention> inside = new ArrayList<>();
      boolean taken = false;
      for (EntityMention own : a.entities()) {
        if (!own.span().overlaps(m.span())) {
          continue;
        }
        if (own.source().equals("rules") && own.span().equals(m.span())) {
          inside.add(own); // a guess by rules gives way to what a model read elsewhere in the case
        } else if ((own.source().equals("gazetteer") || own.source().equals("rules")) && longer(m, own)) {
          // the longer name the case knows holds a name the analysis looked up in a list or
          // guessed by rules, blind to the words around it: "Varna Harbour Authority" written
          // where the place list found only "Varna" names the authority (what a model read in
          // its context stays as it read it)
          inside.add(own);
        } else {
          taken = true;
          break;
        }
      }
      if (!taken) {
        all.removeAll(inside);
        all.add(m);
      }
    }
    all.sort((x, y) -> x.span().compareTo(y.span()));
    return new Annotations(all, a.values(), a.attributions(), a.documentDate(), a.entitiesAnalysed());
  }

  /**
   * True when a case name found in a text holds a mention of the analysis and more words: the
   * longer name is the one written there, as a reader takes the longest name on the page.
   */
  private static boolean longer(EntityMention found, EntityMention own) {
    return found.span().contains(own.span()) && found.span().length() > own.span().length()
        && found.text().strip().split("\\s+").length > own.text().strip().split("\\s+").length;
  }
}
