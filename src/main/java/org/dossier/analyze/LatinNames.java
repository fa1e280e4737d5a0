package org.dossier.analyze;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;

/**
 * People and organisations in French, German, Spanish and Italian (and other Latin-script texts
 * no model reads) by rules: runs of two to five capitalised words, joined by the particles names
 * use ("de", "van", "al-", "ibn"), that are not common words of the language (the concept
 * glossary and the stop lists say which are: in German every noun has a capital). A run with a
 * word of an organisation ("Kanzlei", "société", "Ministerio", "GmbH") is an organisation, any
 * other a person; an acronym in capitals is an organisation. One capitalised word alone is left
 * to the place gazetteer and to the names the rest of the case gives (the link stage looks for
 * those in every text).
 */
final class LatinNames implements Annotator {
  /** Lower-case words inside names: "Juan de la Cruz", "Ludo van Herstal", "Salman ibn Abd". */
  private static final Set<String> PARTICLES = Set.of("de", "del", "della", "di", "da", "dos", "das", "du", "des",
      "la", "le", "van", "von", "der", "den", "ter", "ibn", "bin", "al", "el", "y", "e", "zu", "af", "d'", "d’");
  /** Words that make a name an organisation's, in the seven languages' Latin-script ones. */
  private static final Pattern ORG_WORDS = Pattern.compile(
      "(?iu)^(?:gmbh|ag|sa|sas|sarl|srl|spa|s\\.a\\.|s\\.p\\.a\\.|inc\\.?|ltd\\.?|llc|plc|co\\.?|corp\\.?|group|gruppe|"
          + "groupe|grupo|gruppo|bank|banque|banco|banca|kanzlei|firma|société|sociedad|società|compagnie|"
          + "compañía|unternehmen|konzern|holding|ministerium|ministère|ministerio|ministero|institut|instituto|"
          + "istituto|universität|université|universidad|università|agentur|agence|agencia|agenzia|partei|parti|"
          + "partido|partito|verband|union|unión|unione|kommission|commission|comisión|commissione|rat|conseil|"
          + "consejo|consiglio|stiftung|fondation|fundación|fondazione|zeitung|journal|diario|giornale|radio|"
          + "tv|consortium|konsortium|consorcio|consorzio|tribunal|gericht|corte|polizei|"
          + "police|policía|polizia|armee|armée|ejército|esercito|papers)$");

  /** A particle joined by a hyphen to the name it carries: "al-Rashed", "el-Amin", "bin-Talal". */
  private static final Pattern JOINED_PARTICLE = Pattern.compile("(?i)(?:al|el|bin|ibn)-\\p{Lu}.*");

  /** True for a word that is a particle joined to a name ("al-Assad"), in any script's rules of names. */
  static boolean joinedParticle(String word) {
    return JOINED_PARTICLE.matcher(word).matches();
  }

  private final Concepts concepts = Concepts.shared();
  private static final Pattern ELISION = Pattern.compile("(?iu)(?:l|d|qu|dell|all|nell|sull|dall|un)['’]");

  @Override
  public Set<Layer> requires() {
    return EnumSet.of(Layer.SENTENCES, Layer.DOMAIN_ENTITIES);
  }

  @Override
  public Set<Layer> produces() {
    return EnumSet.of(Layer.NAMES);
  }

  /** A word of the text: where, and whether it is capitalised. */
  private record Word(int start, int end, String text) {
    boolean capital() {
      int c = text.codePointAt(0);
      return Character.isUpperCase(c);
    }
  }

  @Override
  public void annotate(Draft draft) {
    String text = draft.text();
    String language = draft.language();
    for (Span sentence : draft.sentences()) {
      List<Word> words = words(text, sentence);
      int i = 0;
      while (i < words.size()) {
        if (!nameWord(words.get(i), language, sentenceStart(text, words.get(i).start()))) {
          i++;
          continue;
        }
        int j = i + 1;
        int last = i;
        while (j < words.size() && j - i < 7) {
          Word w = words.get(j);
          if (!adjacent(text, words.get(j - 1), w)) {
            break;
          }
          if (joinedParticle(w.text())) {
            last = j; // "al-Assad": a particle joined to the name it carries, which may end the name
            j++;
            continue;
          }
          if (PARTICLES.contains(w.text().toLowerCase(Locale.ROOT))) {
            j++;
            continue;
          }
          // a word of an organisation is part of its name only written as one: "Varna Holding",
          // not "el diario" after "ICIJ y"
          if (!nameWord(w, language, false) && !(w.capital() && ORG_WORDS.matcher(w.text()).matches())) {
            break;
          }
          last = j;
          j++;
        }
        emit(draft, text, words, i, last);
        i = last + 1;
      }
    }
  }

  private void emit(Draft draft, String text, List<Word> words, int first, int last) {
    int n = last - first + 1;
    Word a = words.get(first);
    Word b = words.get(last);
    Span span = new Span(a.start(), b.end());
    if (taken(draft, span) && !firstNameOfAPlace(draft, words, first, last)) {
      return;
    }
    String name = text.substring(span.start(), span.end());
    if (n == 1) {
      // one word: only an acronym of capitals ("OCRN", "FBI"), a name of its own
      if (a.text().length() >= 2 && a.text().length() <= 6 && a.text().chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
          && a.text().chars().anyMatch(Character::isLetter)) {
        draft.entities.add(new EntityMention(span, name, EntityType.ORGANIZATION, name, "rules"));
      }
      return;
    }
    if (n > 5) {
      return;
    }
    // "die Kanzlei Brem Dorval", "la société Varna": the word before says what the name names
    boolean org = first > 0 && adjacent(text, words.get(first - 1), a) && ORG_WORDS.matcher(words.get(first - 1).text()).matches();
    for (int k = first; k <= last; k++) {
      if (ORG_WORDS.matcher(words.get(k).text()).matches()) {
        org = true;
      }
    }
    draft.entities.add(new EntityMention(span, name, org ? EntityType.ORGANIZATION : EntityType.PERSON, name, "rules"));
  }

  /**
   * True when the only name already read inside a run of two or three words is a place that is
   * its first word, and the words after it are no place and no organisation's: a person whose
   * first name is also a place's ("Mauricio Macri", "Florence Varley", "Georgia Olvey"). The place
   * gives way to the person; the run is then read as any other.
   */
  private static boolean firstNameOfAPlace(Draft draft, List<Word> words, int first, int last) {
    int n = last - first + 1;
    if (n < 2 || n > 3) {
      return false;
    }
    Word a = words.get(first);
    EntityMention place = null;
    for (EntityMention e : draft.entities) {
      if (e.span().overlaps(new Span(a.start(), words.get(last).end()))) {
        if (place != null || e.type() != EntityType.PLACE || e.span().start() != a.start() || e.span().end() != a.end()) {
          return false;
        }
        place = e;
      }
    }
    for (int k = first; k <= last; k++) {
      if (ORG_WORDS.matcher(words.get(k).text()).matches()) {
        return false;
      }
    }
    if (place == null) {
      return false;
    }
    draft.entities.remove(place);
    return true;
  }

  /**
   * True for a word written as a name: a capital, not a function word, and no word the concept
   * glossary knows (a common noun with a German capital, a sentence's first word, a title such as
   * "Präsident" before a name); an acronym in capitals always.
   */
  private boolean nameWord(Word w, String language, boolean atSentenceStart) {
    if (!w.capital() || w.text().length() < 2) {
      return false;
    }
    if (w.text().chars().allMatch(c -> Character.isUpperCase(c) || !Character.isLetter(c))) {
      return true;
    }
    if (concepts.commonWord(w.text(), language)) {
      return false;
    }
    // "Fußball-Profis": a compound of common words, not a double name
    if (w.text().indexOf('-') > 0) {
      for (String part : w.text().split("-")) {
        if (!part.isEmpty() && concepts.commonWord(part, language)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean adjacent(String text, Word x, Word y) {
    String gap = text.substring(x.end(), y.start());
    return gap.equals(" ") || gap.equals("-") || gap.equals("\u00A0");
  }

  private static boolean sentenceStart(String text, int pos) {
    int i = pos - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '"' || text.charAt(i) == '«' || text.charAt(i) == '„')) {
      i--;
    }
    return i < 0 || ".!?:\n–—".indexOf(text.charAt(i)) >= 0;
  }

  private static boolean taken(Draft draft, Span span) {
    for (EntityMention e : draft.entities) {
      if (e.span().overlaps(span)) {
        return true;
      }
    }
    return false;
  }

  private static List<Word> words(String text, Span sentence) {
    List<Word> out = new ArrayList<>();
    int i = sentence.start();
    int end = sentence.end();
    while (i < end) {
      int cp = text.codePointAt(i);
      if (!Character.isLetter(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int s = i;
      while (i < end) {
        int c = text.codePointAt(i);
        boolean inner = (c == '-' || c == '\'' || c == '’' || c == '.') && i + 1 < end && Character.isLetter(text.codePointAt(i + 1));
        if (!Character.isLetter(c) && !inner) {
          break;
        }
        i += Character.charCount(c);
      }
      String w = text.substring(s, i);
      // an elided article or preposition is its own word: "l'OCRN", "dell'Agenzia", "d'Harlow"
      java.util.regex.Matcher el = ELISION.matcher(w);
      if (el.lookingAt() && el.end() < w.length()) {
        out.add(new Word(s, s + el.end(), w.substring(0, el.end())));
        s += el.end();
        w = w.substring(el.end());
      }
      out.add(new Word(s, i, w));
    }
    return out;
  }
}
