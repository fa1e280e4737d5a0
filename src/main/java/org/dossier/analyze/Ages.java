package org.dossier.analyze;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ages: "a 23-year-old engineer", "aged 23", "23 years old", "de 23 años", "der 23-Jährige", "un
 * jeune homme de 23 ans", "23-летний", "23岁". The extractor reads them as a {@link
 * org.dossier.core.Value.Count} whose noun is the age word as written; {@link #isAgeNoun} tells
 * later stages that such a count is an age, not a number of things.
 */
public final class Ages {
  private static final Set<String> NOUNS = Set.of(
      "year-old", "years-old", "year-olds", "year old", "years old", "aged", "yr-old",
      "ans", "años", "anos", "anni", "enne",
      "jährige", "jähriger", "jährigen", "jähriges", "jahre alt",
      "лет", "летний", "летняя", "летнее", "летнего", "летней", "летнему",
      "летним", "летнем", "летние", "летних", "летними", "летнюю",
      "岁", "歲", "周岁", "週歲");

  /** Hyphen-joined age words after a number: "-year-old", "-Jährige", "-летний", "-enne". */
  private static final Pattern JOINED = Pattern.compile(
      "(?iu)(?:years?-olds?|yr-old|jährig\\p{L}*|летн\\p{L}*|enne)");

  private Ages() {}

  /** True when a count's noun, as written, states an age in any of the seven languages. */
  public static boolean isAgeNoun(String noun) {
    if (noun == null) {
      return false;
    }
    String n = noun.strip().toLowerCase(Locale.ROOT);
    return NOUNS.contains(n) || JOINED.matcher(n).matches();
  }

  /** True for a hyphen-joined age word, kept whole as the noun ("year-old", not "year"). */
  static boolean isJoinedAge(String chain) {
    return JOINED.matcher(chain).matches();
  }

  /** Where "aged " starts right before {@code numberStart}, or -1. */
  static int agedBefore(String text, int numberStart) {
    int i = numberStart;
    while (i > 0 && text.charAt(i - 1) == ' ') {
      i--;
    }
    if (i == numberStart || i < 4 || !text.regionMatches(true, i - 4, "aged", 0, 4)) {
      return -1;
    }
    return i - 4 > 0 && Character.isLetter(text.charAt(i - 5)) ? -1 : i - 4;
  }

  /**
   * The words for years that French, Spanish, Portuguese and Italian use for an age and for any
   * length of time alike ("de 23 años" is an age, "durante 40 años" a length), each with the cues
   * of an age in its language: a verb or phrase of age right before the number ("tiene", "il a",
   * "âgé de", "all'età di", "a los"), or "de" after a person ("un joven de", "ce jeune homme de", a
   * name or a description set off by a comma: "Varnell, de", "Olvey, un ingeniero de"), and the
   * words that may follow ("de edad").
   */
  private record AgeCues(Pattern before, Pattern after, Pattern lengthBefore, Pattern lengthAfter) {}

  private static final Map<String, AgeCues> YEARS_OR_AGE = Map.of(
      "años", cues("tiene|tenía|tenia|tenían|tienen|cumplió|cumple|cumplir|edad de|a los|a las",
          "joven|jóvenes|hombre|hombres|mujer|mujeres|niño|niña|niños|niñas|chico|chica|anciano|anciana|señor|señora"
              + "|soldado|soldados|estudiante|persona|personas|varón|menor|sospechoso|detenido|acusado",
          "de", "de edad", "un|una|el|la",
          "durante|por|desde hace|hace|tras|después de|en|últimos|próximos|cada", "los|las|sus|estos|esos",
          "de (?!edad)\\p{L}+|que|atrás|después|más tarde"),
      "ans", cues("(?<!\\by )(?:a|avait|aura)|âgée?s? de|agée?s? de|l'âge de|l’âge de",
          "homme|hommes|femme|femmes|jeune|jeunes|garçon|fille|enfant|enfants|adolescent|adolescente|retraité"
              + "|suspect|militaire|soldat|étudiant|étudiante|personne",
          "de|d'|d’", "d'âge|d’âge", "un|une|le|la|l'|l’",
          "pendant|depuis|il y a|après|en|derniers|prochains|tous les", "les|ses|ces",
          "de \\p{L}+|d'\\p{L}+|d’\\p{L}+|qui|que|plus tard|après"),
      "anni", cues("ha|aveva|avrà|compie|compiuto|età di|all'età di|all’età di",
          "uomo|uomini|donna|donne|ragazzo|ragazza|ragazzi|giovane|giovani|bambino|bambina|anziano|anziana"
              + "|soldato|studente|studentessa|persona|sospettato",
          "di", "di età", "un|uno|una|il|lo|la|l'|l’",
          "per|da|dopo|in|ultimi|prossimi|ogni", "gli|i|suoi|questi",
          "di (?!età)\\p{L}+|fa|che|dopo|più tardi"),
      "anos", cues("tem|tinha|tinham|completou|aos|idade de",
          "homem|mulher|jovem|jovens|menino|menina|rapaz|idoso|idosa|soldado|estudante|pessoa|suspeito",
          "de", "de idade", "um|uma|o|a",
          "durante|por|há|desde|após|em|últimos|próximos", "os|as|seus|estes",
          "de (?!idade)\\p{L}+|que|atrás|depois"));

  /** Russian words of age right before a number of «лет»: "в возрасте", "возрастом", "исполнилось". */
  private static final Pattern RUSSIAN_AGE = Pattern.compile(
      "(?iu)(?:в возрасте|возрастом|исполнилось|исполнится|исполнялось)(?:\\s+(?:около|почти|примерно|более|менее))?\\s*$");

  private static AgeCues cues(String verbs, String people, String of, String after, String articles,
      String lengthWords, String definite, String lengthAfterWords) {
    String qualifier = "(?:\\s+(?:unos|unas|casi|apenas|environ|presque|circa|quasi|cerca de))?";
    // "Olvey, un ingeniero de 34 años": a noun set off by a comma after a name describes a person
    String apposition = ",\\s+(?:" + articles + ")\\s*\\p{L}+(?:\\s+\\p{L}+)?";
    return new AgeCues(
        Pattern.compile("(?iu)(?:\\b(?:" + verbs + ")" + qualifier + "|(?:,|" + apposition + "|\\b(?:" + people + "))\\s+(?:"
            + of + "))\\s*$"),
        Pattern.compile("(?iu)^\\s+(?:" + after + ")\\b"),
        // a length: a word of time before ("durante", "depuis", "per"), a definite article before
        // the number ("los 40 años", "les 40 ans"), or what the years hold after ("años de envíos",
        // "años que dura", "ans fa")
        Pattern.compile("(?iu)\\b(?:(?:" + lengthWords + ")|(?:" + definite + ")(?:\\s+\\p{L}+mente|\\s+\\p{L}+ment)?)" + qualifier + "\\s*$"),
        Pattern.compile("(?iu)^\\s+(?:" + lengthAfterWords + ")\\b"));
  }

  /**
   * Whether a count of years reads as an age where it stands. The noun alone says so for most
   * ("23-year-old", "23-летний", "23岁", "aged 23"); the Romance words for years are an age beside
   * a cue of age ({@link #YEARS_OR_AGE}), a length of time beside a cue of length and none of age
   * ("durante 40 años", "los treinta años que dura", "casi treinta años de envíos"), and an
   * age otherwise, as press wording mostly means them.
   *
   * @param numberStart where the number starts in {@code text}
   * @param end where the count (its noun) ends
   */
  public static boolean readsAsAge(String text, int numberStart, int end, String noun) {
    if (!isAgeNoun(noun)) {
      return false;
    }
    String before = text.substring(Math.max(0, numberStart - 40), numberStart);
    if (noun.strip().equalsIgnoreCase("лет")) {
      // the Russian genitive of years counts any years ("за 10 лет", "более 40 лет"): an age only
      // where the text says so ("в возрасте 23 лет"); "23-летний" says it in its own word
      return RUSSIAN_AGE.matcher(before).find();
    }
    AgeCues cues = YEARS_OR_AGE.get(noun.strip().toLowerCase(Locale.ROOT));
    if (cues == null) {
      return true;
    }
    String after = text.substring(Math.min(end, text.length()), Math.min(text.length(), end + 24));
    if (cues.before().matcher(before).find() || cues.after().matcher(after).find()) {
      return true;
    }
    // without a cue either way it is an age, as press wording mostly means it ("una técnica del
    // puerto de 34 años")
    return !(cues.lengthBefore().matcher(before).find() || cues.lengthAfter().matcher(after).find());
  }

  /** The end of " old" after "years" ("23 years old") or " alt" after "Jahre", or -1. */
  static int oldAfter(String text, String noun, int nounEnd) {
    String old = noun.equalsIgnoreCase("years") || noun.equalsIgnoreCase("year") ? " old"
        : noun.equals("Jahre") ? " alt" : null;
    if (old != null && text.regionMatches(true, nounEnd, old, 0, 4)
        && (nounEnd + 4 >= text.length() || !Character.isLetter(text.charAt(nounEnd + 4)))) {
      return nounEnd + 4;
    }
    return -1;
  }
}
