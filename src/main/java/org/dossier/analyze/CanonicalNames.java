package org.dossier.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;

/**
 * Cleans the name mentions of a text and gives each its fullest name in the text: the gazetteer
 * wins over statistical models where they overlap; an acronym defined in brackets ("People's
 * Liberation Army (APL)") or matching a name's initials ("RUSI") takes that name; a surname
 * ("Danylyuk") or a short title ("The Post") takes the full name it abbreviates. Later mentions
 * of a name the models missed are added.
 */
final class CanonicalNames implements Annotator {
  private static final Pattern BRACKETED = Pattern.compile(
      "\\s*\\(\\s*([\\p{Lu}][\\p{Lu}&.\\-]{1,9})\\s*\\)");
  private static final Pattern CAPS_WORD = Pattern.compile("(?<![\\p{L}\\-])([\\p{Lu}]{2,7})(?![\\p{L}\\-])");
  private static final Set<String> MINOR = Set.of("of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "и", "по", "для");
  private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "prof", "sir", "president", "general", "colonel", "col", "gen", "maj", "minister");

  @Override
  public Set<Layer> requires() {
    return EnumSet.of(Layer.NAMES, Layer.DOMAIN_ENTITIES);
  }

  @Override
  public Set<Layer> produces() {
    return EnumSet.of(Layer.CANONICAL_NAMES);
  }

  @Override
  public void annotate(Draft draft) {
    List<EntityMention> kept = clean(draft);
    String text = draft.text();
    Map<String, EntityMention> byKey = new HashMap<>(); // folded name -> defining mention
    for (EntityMention m : kept) {
      byKey.putIfAbsent(key(m.text()), m);
    }
    // acronyms defined in brackets right after a name
    List<EntityMention> added = new ArrayList<>();
    for (EntityMention m : kept) {
      Matcher b = BRACKETED.matcher(text).region(m.span().end(), Math.min(text.length(), m.span().end() + 16));
      if (b.lookingAt() && (m.type() == EntityType.ORGANIZATION || m.type() == EntityType.UNIT
          || m.type() == EntityType.OTHER || m.type() == EntityType.PLACE)) {
        Span acr = new Span(b.start(1), b.end(1));
        EntityMention a = new EntityMention(acr, b.group(1), m.type(), name(m), "alias");
        added.add(a);
        byKey.put(key(b.group(1)), a);
      }
    }
    kept.addAll(added);
    // canonical names: the fullest form of each name in this text
    Map<String, String> canonical = new HashMap<>();
    for (EntityMention m : kept) {
      canonical.put(key(m.text()), fullest(m, kept, text));
    }
    for (EntityMention a : added) {
      canonical.put(key(a.text()), a.canonical());
    }
    // later mentions of a known name or acronym that the models missed
    List<EntityMention> all = new ArrayList<>(kept);
    for (Map.Entry<String, EntityMention> e : byKey.entrySet()) {
      EntityMention def = e.getValue();
      String surface = def.text();
      if (surface.length() < 2 || surface.length() > 80) {
        continue;
      }
      int from = 0;
      while (true) {
        int i = text.indexOf(surface, from);
        if (i < 0) {
          break;
        }
        from = i + surface.length();
        Span s = new Span(i, i + surface.length());
        if (wordBounded(text, s) && all.stream().noneMatch(x -> x.span().overlaps(s))) {
          all.add(new EntityMention(s, surface, def.type(), def.canonical(), "alias"));
        }
      }
    }
    // initials: "RUSI" for "Royal United Services Institute"
    Map<String, EntityMention> initials = new HashMap<>();
    for (EntityMention m : all) {
      if (m.type() == EntityType.ORGANIZATION || m.type() == EntityType.UNIT) {
        String ini = initials(m.text());
        if (ini.length() >= 2) {
          initials.putIfAbsent(ini, m);
        }
      }
    }
    for (Matcher c = CAPS_WORD.matcher(text); c.find(); ) {
      EntityMention org = initials.get(c.group(1));
      Span s = new Span(c.start(1), c.end(1));
      if (org != null) {
        all.removeIf(x -> x.span().equals(s) && x.type() != org.type());
        if (all.stream().noneMatch(x -> x.span().overlaps(s))) {
          all.add(new EntityMention(s, c.group(1), org.type(), name(org), "alias"));
        }
        canonical.put(key(c.group(1)), canonical.getOrDefault(key(org.text()), name(org)));
      }
    }
    draft.entities.clear();
    for (EntityMention m : all) {
      String c = canonical.getOrDefault(key(m.text()), m.canonical());
      draft.entities.add(m.withCanonical(c.isBlank() ? m.text() : c));
    }
    draft.entities.sort(Comparator.comparing(EntityMention::span));
  }

  /** Head words that make a name an organisation's, whatever a model called it. */
  private static final Pattern ORG_HEAD = Pattern.compile(
      "(?iu).*\\b(dynamics|systems|shipyards?|maritime|arms|institute|labs?|laboratory|office|"
          + "ministry|group|corporation|corp|inc|ltd|llc|plc|company|agency|bank|university|party|court|"
          + "council|assembly|commission|committee|forces|army|navy|ledger|times|post|news|herald|"
          + "courier|journal|gazette|tribune|wire|radio|television|tv|foundation|fund|association|"
          + "union|industries|technologies|holdings|airlines|aerospace|defence|defense|security|"
          + "centre|center|service|services|press|media|telegraph|observer|review)\\.?$");
  /** Words just before a name that say it is an organisation ("the group Grey Heron"). */
  private static final Pattern ORG_CUE = Pattern.compile(
      "(?iu)(?:group|collective|company|firm|newspaper|outlet|agency|broadcaster|organisation|"
          + "organization|calling itself|called|named)[,:]?\\s*(?:the\\s)?$");
  /** Words just before a one-word name that say it is a place. */
  private static final Pattern PLACE_CUE = Pattern.compile(
      "(?iu)(?:\\bin|\\bfrom|\\bto|\\binto|government of|capital of|president of|people of|"
          + "neighbour|neighbor|border with|shipped to|visit to|city of|region of)\\s*(?:its\\s)?$");
  /** Chinese verbs of saying that a segmenter may glue to the speaker's name. */
  private static final Pattern ZH_SAY = Pattern.compile("(说|称|表示|指出|透露|强调|认为|报道)$");

  /** Corrects a model's type from the name's own head word and the words before it. */
  private static EntityMention retype(Draft draft, EntityMention m) {
    if (m.source().equals("gazetteer")) {
      return m;
    }
    String text = draft.text();
    if (m.type() == EntityType.PERSON && m.source().equals("hanlp")) {
      Matcher say = ZH_SAY.matcher(m.text());
      if (say.find() && say.start() >= 2) {
        Span s = new Span(m.span().start(), m.span().start() + say.start());
        return new EntityMention(s, draft.cover(s), m.type(), draft.cover(s), m.source());
      }
    }
    String before = text.substring(Math.max(0, m.span().start() - 30), m.span().start());
    if (m.type() != EntityType.ORGANIZATION
        && (ORG_HEAD.matcher(m.text()).matches() && m.text().contains(" ") || ORG_CUE.matcher(before).find())) {
      return new EntityMention(m.span(), m.text(), EntityType.ORGANIZATION, m.canonical(), m.source());
    }
    if (m.type() == EntityType.PERSON && !m.text().contains(" ") && PLACE_CUE.matcher(before).find()) {
      return new EntityMention(m.span(), m.text(), EntityType.PLACE, m.canonical(), m.source());
    }
    return m;
  }

  /** Within one text, a name is one kind of thing: the type most of its mentions have. */
  private static List<EntityMention> vote(List<EntityMention> mentions) {
    Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
    for (EntityMention m : mentions) {
      votes.computeIfAbsent(key(m.text()), k -> new HashMap<>()).merge(m.type(), m.source().equals("gazetteer") ? 100 : 1, Integer::sum);
    }
    List<EntityMention> out = new ArrayList<>();
    for (EntityMention m : mentions) {
      EntityType best = votes.get(key(m.text())).entrySet().stream()
          .max(Map.Entry.<EntityType, Integer>comparingByValue()
              .thenComparing(e -> e.getKey() == m.type()))
          .map(Map.Entry::getKey).orElse(m.type());
      out.add(best == m.type() ? m : new EntityMention(m.span(), m.text(), best, m.canonical(), m.source()));
    }
    return out;
  }

  /** Drops noise and overlaps: gazetteer over models, longer over shorter. */
  private static List<EntityMention> clean(Draft draft) {
    List<EntityMention> retyped = new ArrayList<>();
    for (EntityMention m : draft.entities) {
      retyped.add(retype(draft, m));
    }
    List<EntityMention> sorted = new ArrayList<>(vote(retyped));
    sorted.sort(Comparator.<EntityMention>comparingInt(m -> m.source().equals("gazetteer") && m.type() != EntityType.PLACE ? 0 : 1)
        .thenComparing(m -> -m.span().length()));
    List<EntityMention> kept = new ArrayList<>();
    for (EntityMention m : sorted) {
      String t = m.text().strip();
      if (t.length() < 2 || t.chars().noneMatch(Character::isLetter) || t.length() > 100
          || t.split("\\s+").length > 10 || lowercaseName(m) || currencyWord(draft, m)) {
        continue;
      }
      if (kept.stream().noneMatch(k -> k.span().overlaps(m.span()))) {
        kept.add(m);
      }
    }
    return kept;
  }

  /** "США" of "долларов США", "U.S." of "U.S. dollars": part of an amount, not a place. */
  private static boolean currencyWord(Draft draft, EntityMention m) {
    return m.type() == EntityType.PLACE && draft.values.stream()
        .anyMatch(v -> v.value() instanceof org.dossier.core.Value.Money && v.span().contains(m.span())
            && m.span().start() > v.span().start());
  }

  /** A model's "name" with no capital letter in a cased script is not a name. */
  private static boolean lowercaseName(EntityMention m) {
    if (m.source().equals("gazetteer")) {
      return false;
    }
    String t = m.text();
    boolean cased = t.codePoints().anyMatch(Character::isLetter)
        && t.codePoints().filter(Character::isLetter).allMatch(c -> Character.isUpperCase(c) || Character.isLowerCase(c));
    return cased && t.codePoints().noneMatch(Character::isUpperCase);
  }

  /** The fullest name in the text for the same entity as {@code m}. */
  private static String fullest(EntityMention m, List<EntityMention> all, String text) {
    if (!m.source().equals("gazetteer") || m.type() == EntityType.PLACE) {
      String[] words = words(name(m));
      if (words.length == 0) {
        return name(m);
      }
      String last = fold(words[words.length - 1]);
      EntityMention best = m;
      for (EntityMention o : all) {
        if (o.type() != m.type() || o == m) {
          continue;
        }
        String[] ow = words(name(o));
        if (ow.length <= words.length) {
          continue;
        }
        boolean sameEnd = fold(ow[ow.length - 1]).equals(last);
        boolean person = m.type() == EntityType.PERSON && sameEnd && words.length <= 2;
        boolean shortTitle = m.type() == EntityType.ORGANIZATION && sameEnd
            && (words.length == 2 && m.text().matches("(?i)the\\s.*")
                || words.length == 1 && !words[0].equals(words[0].toUpperCase(Locale.ROOT)));
        if ((person || shortTitle) && (best == m || ow.length > words(name(best)).length)) {
          best = o;
        }
      }
      return name(best);
    }
    return m.canonical();
  }

  /** The name without a leading article or honorific, and without a possessive. */
  static String name(EntityMention m) {
    if (m.source().equals("gazetteer") && m.type() != EntityType.PLACE) {
      return m.canonical();
    }
    String t = m.canonical().strip().replaceAll("[’']s$", "");
    if (m.type() == EntityType.PLACE) {
      return t; // "The Hague" is the name
    }
    String[] words = t.split("\\s+");
    int from = 0;
    while (from < words.length - 1
        && (words[from].equalsIgnoreCase("the") || HONORIFICS.contains(fold(words[from]).replace(".", "")))) {
      from++;
    }
    return String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
  }

  static String initials(String name) {
    StringBuilder out = new StringBuilder();
    for (String w : words(name)) {
      if (!MINOR.contains(fold(w)) && !w.isEmpty() && Character.isLetter(w.charAt(0))) {
        out.append(Character.toUpperCase(w.charAt(0)));
      }
    }
    return out.toString();
  }

  private static String[] words(String s) {
    String t = s.strip();
    return t.isEmpty() ? new String[0] : t.split("[\\s/]+");
  }

  static String key(String s) {
    return fold(s.strip().replaceAll("[’']s$", "").replaceAll("^(?i)the\\s+", ""));
  }

  private static String fold(String s) {
    return MatchKeys.fold(s).toLowerCase(Locale.ROOT);
  }

  private static boolean wordBounded(String text, Span s) {
    boolean before = s.start() == 0 || !Character.isLetterOrDigit(text.charAt(s.start() - 1));
    boolean after = s.end() >= text.length() || !Character.isLetterOrDigit(text.charAt(s.end()));
    return before && after;
  }
}
