package org.dossier.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dossier.core.EntityRow;
import org.dossier.core.EntityType;
import org.dossier.core.ResolvedEntity;
import org.dossier.core.TranslitKey;

/**
 * Joins the names of a whole case into entities, in time linear in the number of distinct names:
 * a name and the fullest name its document gives it; names equal once case, diacritics, articles
 * and script are set aside ("Данилюк" and "Danylyuk"; "Oleksandr V. Danylyuk" and "Oleksandr
 * Danylyuk"); an organisation's name and a longer one it begins ("Royal United Services
 * Institute ... for Defense and Security Studies"); an acronym and the one organisation whose
 * initials it spells; a surname, or a short title ("The Post"), and the one fuller name it ends.
 */
public final class EntityResolver {
  private static final Set<String> MINOR = Set.of("of", "for", "and", "the", "on", "in", "de", "и", "по", "для");

  /**
   * Two names of one type the analyst judged: one entity ({@code merge}) or two ({@code split},
   * which no rule of the resolver may then join, however many steps apart).
   */
  public record Judged(EntityType type, String name, String other, boolean merge) {}

  /** Resolves the names and returns the entities, most mentioned first. */
  public List<ResolvedEntity> resolve(List<EntityRow> rows) {
    return resolve(rows, List.of());
  }

  /**
   * Resolves the names as the analyst judged them: merges first, then the resolver's own rules,
   * none of which joins two names split apart (a later judgement of a pair replaces an earlier one).
   */
  public List<ResolvedEntity> resolve(List<EntityRow> rows, List<Judged> judged) {
    Map<String, Integer> ids = new LinkedHashMap<>(); // node key -> index
    List<String> keys = new ArrayList<>();
    UnionFind uf = new UnionFind();
    Map<String, EntityType> typeOf = new HashMap<>();
    Map<String, Long> weight = new HashMap<>();
    Map<String, String> display = new HashMap<>();
    for (EntityRow r : rows) {
      String a = node(r.type(), r.text());
      String b = node(r.type(), r.canonical().isBlank() ? r.text() : r.canonical());
      for (String[] n : new String[][] {{a, r.text()}, {b, r.canonical().isBlank() ? r.text() : r.canonical()}}) {
        if (!ids.containsKey(n[0])) {
          ids.put(n[0], keys.size());
          keys.add(n[0]);
          uf.add();
          typeOf.put(n[0], r.type());
        }
        display.merge(n[0], n[1], (x, y) -> x.length() >= y.length() ? x : y);
      }
      weight.merge(a, r.mentions(), Long::sum);
    }
    Map<String, Judged> last = new LinkedHashMap<>(); // the latest judgement of each pair
    for (Judged j : judged) {
      String x = node(j.type(), j.name());
      String y = node(j.type(), j.other());
      last.put(x.compareTo(y) < 0 ? x + "\n" + y : y + "\n" + x, j);
    }
    for (Map.Entry<String, Judged> e : last.entrySet()) {
      String[] pair = e.getKey().split("\n", 2);
      if (ids.containsKey(pair[0]) && ids.containsKey(pair[1])) {
        if (e.getValue().merge()) {
          uf.union(ids.get(pair[0]), ids.get(pair[1]));
        } else {
          uf.forbid(ids.get(pair[0]), ids.get(pair[1]));
        }
      }
    }
    for (EntityRow r : rows) {
      uf.union(ids.get(node(r.type(), r.text())), ids.get(node(r.type(), r.canonical().isBlank() ? r.text() : r.canonical())));
    }
    // organisations: a name and a longer one that begins with it (three words at least)
    Map<String, List<String>> byOpening = new HashMap<>();
    Map<String, List<String>> byInitials = new HashMap<>();
    Map<String, List<String>> byLastWord = new HashMap<>();
    for (String k : keys) {
      EntityType t = typeOf.get(k);
      String[] w = words(k);
      if ((t == EntityType.ORGANIZATION || t == EntityType.UNIT) && w.length >= 3) {
        byOpening.computeIfAbsent(t + "|" + w[0] + " " + w[1] + " " + w[2], x -> new ArrayList<>()).add(k);
        String ini = initials(display.get(k));
        if (ini.length() >= 2) {
          byInitials.computeIfAbsent(t + "|" + ini, x -> new ArrayList<>()).add(k);
        }
      }
      if (w.length >= 2) {
        byLastWord.computeIfAbsent(t + "|" + w[w.length - 1], x -> new ArrayList<>()).add(k);
      }
    }
    for (List<String> group : byOpening.values()) {
      for (String shorter : group) {
        for (String longer : group) {
          if (longer.startsWith(shorter + " ")) {
            uf.union(ids.get(shorter), ids.get(longer));
          }
        }
      }
    }
    for (String k : keys) {
      EntityType t = typeOf.get(k);
      String[] w = words(k);
      String shown = display.get(k);
      // an acronym spelling the initials of organisations that are all one entity
      if ((t == EntityType.ORGANIZATION || t == EntityType.UNIT) && w.length == 1
          && shown.equals(shown.toUpperCase(Locale.ROOT)) && shown.length() >= 2) {
        List<String> matches = byInitials.getOrDefault(t + "|" + shown.replace(".", ""), List.of());
        if (!matches.isEmpty() && oneEntity(matches, ids, uf)) {
          uf.union(ids.get(k), ids.get(matches.get(0)));
        }
      }
      // a surname, or "the Post", and the one fuller name it ends
      boolean shortForm = t == EntityType.PERSON && w.length == 1
          || t == EntityType.ORGANIZATION && w.length == 1 && !shown.equals(shown.toUpperCase(Locale.ROOT));
      if (shortForm) {
        List<String> matches = byLastWord.getOrDefault(t + "|" + w[0], List.of());
        if (!matches.isEmpty() && oneEntity(matches, ids, uf)) {
          uf.union(ids.get(k), ids.get(matches.get(0)));
        }
      }
    }
    transcriptions(keys, ids, uf, typeOf, display);
    // collect
    Map<Integer, List<String>> clusters = new LinkedHashMap<>();
    for (String k : keys) {
      clusters.computeIfAbsent(uf.find(ids.get(k)), x -> new ArrayList<>()).add(k);
    }
    Map<String, List<EntityRow>> rowsByNode = new HashMap<>();
    for (EntityRow r : rows) {
      rowsByNode.computeIfAbsent(node(r.type(), r.text()), x -> new ArrayList<>()).add(r);
    }
    List<ResolvedEntity> out = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    for (List<String> members : clusters.values()) {
      List<EntityRow> names = new ArrayList<>();
      long total = 0;
      Set<String> forms = new LinkedHashSet<>();
      Set<String> here = new java.util.HashSet<>(members);
      for (String m : members) {
        for (EntityRow r : rowsByNode.getOrDefault(m, List.of())) {
          names.add(r);
          total += r.mentions();
          forms.add(r.text().replaceAll("\\s+", " "));
          if (!r.canonical().isBlank() && (judged.isEmpty() || here.contains(node(r.type(), r.canonical())))) {
            forms.add(r.canonical().replaceAll("\\s+", " "));
          }
        }
      }
      if (names.isEmpty()) {
        continue;
      }
      // the name documents give it most often as their fullest name, then the longest, then
      // one not in capitals
      Map<String, Long> asCanonical = new HashMap<>();
      for (EntityRow r : names) {
        // a fuller name the analyst split off is not this entity's name
        String c = r.canonical().isBlank() || !judged.isEmpty() && !here.contains(node(r.type(), r.canonical()))
            ? r.text() : r.canonical();
        asCanonical.merge(c, r.mentions(), Long::sum);
      }
      String name = asCanonical.keySet().stream()
          .max(Comparator.<String>comparingLong(asCanonical::get)
              .thenComparingInt(f -> words(fold(f)).length)
              .thenComparing(f -> !f.equals(f.toUpperCase(Locale.ROOT)))
              .thenComparingInt(String::length))
          .orElseThrow();
      List<String> aliases = forms.stream().filter(f -> !f.equals(name)).sorted().toList();
      out.add(new ResolvedEntity(name, typeOf.get(members.get(0)), aliases, names));
      totals.add(total);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      order.add(i);
    }
    order.sort((x, y) -> Long.compare(totals.get(y), totals.get(x)));
    List<ResolvedEntity> sorted = new ArrayList<>();
    order.forEach(i -> sorted.add(out.get(i)));
    return sorted;
  }

  /** A place's administrative suffix in Chinese ("德拉文纳市": the city of Dravenna). */
  private static final java.util.regex.Pattern HAN_PLACE_SUFFIX = java.util.regex.Pattern.compile("[市省县縣州区區镇鎮村]$");

  /**
   * A foreign name Chinese text transcribes (德拉文纳, 霍尔韦格) and the one Latin name of the
   * same type it sounds like: one entity. Three characters and three consonants at least, and one
   * candidate only: a short or common sound is no evidence.
   */
  private static void transcriptions(List<String> keys, Map<String, Integer> ids, UnionFind uf,
      Map<String, EntityType> typeOf, Map<String, String> display) {
    Map<String, List<String>> latinBySound = new HashMap<>();
    List<String> han = new ArrayList<>();
    for (String k : keys) {
      String shown = display.get(k).strip();
      if (shown.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
        han.add(k);
      } else if (shown.codePoints().filter(Character::isLetter).allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)) {
        String sound = TranslitKey.sound(fold(shown));
        if (sound.length() >= 3) {
          latinBySound.computeIfAbsent(typeOf.get(k) + "|" + sound, x -> new ArrayList<>()).add(k);
        }
      }
    }
    for (String k : han) {
      String shown = display.get(k).strip();
      EntityType t = typeOf.get(k);
      if (t == EntityType.PLACE) {
        shown = HAN_PLACE_SUFFIX.matcher(shown).replaceFirst("");
      }
      if (shown.length() < 3) {
        continue;
      }
      String sound = TranslitKey.sound(fold(PINYIN.get().transliterate(shown)));
      List<String> matches = latinBySound.getOrDefault(t + "|" + sound, List.of());
      if (sound.length() >= 3 && !matches.isEmpty() && oneEntity(matches, ids, uf)) {
        uf.union(ids.get(k), ids.get(matches.get(0)));
      }
    }
  }

  private static boolean oneEntity(List<String> nodes, Map<String, Integer> ids, UnionFind uf) {
    int root = uf.find(ids.get(nodes.get(0)));
    return nodes.stream().allMatch(n -> uf.find(ids.get(n)) == root);
  }

  /**
   * The key under which spellings of one name meet: folded, without articles, possessives,
   * honorifics or middle initials, each word under its transliteration key.
   */
  /** The key under which the resolver meets a name of this type ({@link #node}): two names with one key are one name. */
  public static String key(EntityType type, String name) {
    return node(type, name);
  }

  static String node(EntityType type, String name) {
    String f = fold(hanToLatin(type, name)).replaceAll("[’'`]s\\b", "").replaceAll("[^\\p{L}\\p{N}\\s-]", " ");
    List<String> out = new ArrayList<>();
    String[] words = f.strip().split("[\\s-]+");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.isEmpty() || (i == 0 && w.equals("the") && words.length > 1)) {
        continue;
      }
      if (type == EntityType.PERSON && (w.length() == 1 && words.length > 2
          || Set.of("mr", "mrs", "ms", "dr", "prof", "president", "general", "col", "colonel").contains(w) && words.length > 1)) {
        continue;
      }
      out.add(TranslitKey.of(w));
    }
    return type.code() + "|" + String.join(" ", out);
  }

  private static final ThreadLocal<com.ibm.icu.text.Transliterator> PINYIN =
      ThreadLocal.withInitial(() -> com.ibm.icu.text.Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower"));

  /**
   * A name written in Chinese characters, in pinyin as English writes Chinese names: a person's
   * surname apart from the given name ("王小明" → "wang xiaoming"), a place in one word ("海南" →
   * "hainan"). Names that are not all Chinese characters are returned as they are.
   */
  static String hanToLatin(EntityType type, String name) {
    String n = name.strip();
    if (n.isEmpty() || !n.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      return name;
    }
    String[] syllables = PINYIN.get().transliterate(n).strip().split("\\s+");
    if (type == EntityType.PERSON && syllables.length >= 2 && syllables.length <= 4) {
      return syllables[0] + " " + String.join("", java.util.Arrays.copyOfRange(syllables, 1, syllables.length));
    }
    return String.join("", syllables);
  }

  private static String[] words(String key) {
    String k = key.contains("|") ? key.substring(key.indexOf('|') + 1) : key;
    return k.isBlank() ? new String[0] : k.split(" ");
  }

  private static String initials(String name) {
    StringBuilder out = new StringBuilder();
    for (String w : name.split("[\\s-]+")) {
      if (!w.isEmpty() && !MINOR.contains(w.toLowerCase(Locale.ROOT)) && Character.isLetter(w.charAt(0))) {
        out.append(Character.toUpperCase(w.charAt(0)));
      }
    }
    return out.toString();
  }

  private static String fold(String s) {
    return MatchKeys.fold(s);
  }

  /** Union-find with path halving. */
  private static final class UnionFind {
    private final List<Integer> parent = new ArrayList<>();

    void add() {
      parent.add(parent.size());
    }

    int find(int x) {
      while (parent.get(x) != x) {
        parent.set(x, parent.get(parent.get(x)));
        x = parent.get(x);
      }
      return x;
    }

    /** Pairs never to be joined, as the analyst split them. */
    private final List<int[]> apart = new ArrayList<>();

    void forbid(int a, int b) {
      apart.add(new int[] {a, b});
    }

    /** Joins the sets of {@code a} and {@code b}, unless that would join two names split apart. */
    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra == rb) {
        return;
      }
      for (int[] p : apart) {
        int x = find(p[0]);
        int y = find(p[1]);
        if (x == ra && y == rb || x == rb && y == ra) {
          return;
        }
      }
      parent.set(ra, rb);
    }
  }
}
