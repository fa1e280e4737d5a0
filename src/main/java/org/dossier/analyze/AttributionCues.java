package org.dossier.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Attribution.Kind;

/**
 * The words that attribute a statement, per language: one pattern of every cue of a language
 * (literal alternatives between word boundaries, so a sentence is read in one linear pass), and
 * the words a source is made of (determiners, descriptions such as "the daily" or "издание",
 * name connectors, complementizers).
 */
final class AttributionCues {

  /** Where a cue finds its source and statement. */
  enum Form {
    /** "according to X": the source follows, the statement is the rest of the sentence. */
    PREP,
    /** "X said" / "said X": the source before the verb, else after it. */
    VERB,
    /** "X zufolge": the source comes before. */
    POST,
    /** ", so X.": the source follows and ends the sentence. */
    SO,
    /** "citing X", "со ссылкой на X": X told whoever reports the sentence. */
    CITING,
    /** "X, cité par Y", "X citó a Y" reversed: Y relays X. */
    CITED_BY,
    /** "X citó a Y": X relays Y. */
    CITES,
    /** "in an interview with X": X relays the sentence's speaker. */
    INTERVIEW,
    /** "据X报道": the source between 据 and a reporting word. */
    JU,
    /** "根据X的报道": the source after 根据, when it looks like one. */
    GENJU
  }

  /**
   * One cue.
   *
   * @param strict true for verbs that also take plain objects ("reported a loss"): a statement
   *     must follow as a clause ("that", ":", a quote) or come before the verb
   */
  record Cue(Form form, Kind kind, boolean strict) {}

  private record Entry(String regex, Cue cue) {}

  final String language;
  private final Pattern pattern;
  private final Cue[] cues;
  /** Words that begin a reported clause ("that", "что", "que", "dass", "che"). */
  final Set<String> complementizers;
  /** Articles and quantifiers a source may start with ("the", "le", "der", "el", "il"). */
  final Set<String> determiners;
  /** Lower-case words that join the capitalised words of a name ("of", "de", "von", "della"). */
  final Set<String> connectors;
  /** Words that end a source read backwards ("and", "that", "but", "и", "что", "et", "und"). */
  final Set<String> stops;
  private final Set<String> descriptions;
  private final List<String> descriptionStems;
  private final boolean stemsArePrefixes;

  private AttributionCues(String language, List<Entry> entries, Set<String> complementizers,
      Set<String> determiners, Set<String> connectors, Set<String> stops, Set<String> descriptions,
      List<String> descriptionStems, boolean stemsArePrefixes) {
    this.language = language;
    this.complementizers = complementizers;
    this.determiners = determiners;
    this.connectors = connectors;
    this.stops = stops;
    this.descriptions = descriptions;
    this.descriptionStems = descriptionStems;
    this.stemsArePrefixes = stemsArePrefixes;
    StringBuilder re = new StringBuilder();
    cues = new Cue[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      re.append(i == 0 ? "" : "|").append('(').append(entries.get(i).regex()).append(')');
      cues[i] = entries.get(i).cue();
    }
    String body = "(?:" + re + ")";
    pattern = language.equals("zh") ? Pattern.compile(body)
        : Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])");
  }

  Matcher matcher(CharSequence text) {
    return pattern.matcher(text);
  }

  /** The cue a match of {@link #matcher} found. */
  Cue cue(Matcher m) {
    for (int i = 0; i < cues.length; i++) {
      if (m.start(i + 1) >= 0) {
        return cues[i];
      }
    }
    throw new IllegalStateException("no cue group matched");
  }

  /** True when a lower-case word names a kind of source ("daily", "ministry", "издания"). */
  boolean isDescription(String lower) {
    if (descriptions.contains(lower)) {
      return true;
    }
    for (String s : descriptionStems) {
      if (stemsArePrefixes ? lower.startsWith(s) : lower.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  private static final Map<String, AttributionCues> BY_LANGUAGE = Map.of(
      "en", english(), "ru", russian(), "zh", chinese(), "fr", french(), "de", german(),
      "es", spanish(), "it", italian());

  /** The cues of a language; Russian for Ukrainian, Belarusian, Bulgarian; English otherwise. */
  static AttributionCues of(String language) {
    AttributionCues c = BY_LANGUAGE.get(language);
    if (c != null) {
      return c;
    }
    return Set.of("uk", "be", "bg").contains(language) ? BY_LANGUAGE.get("ru") : BY_LANGUAGE.get("en");
  }

  private static Entry e(String regex, Form form, Kind kind) {
    return new Entry(regex, new Cue(form, kind, false));
  }

  private static Entry strict(String regex, Form form, Kind kind) {
    return new Entry(regex, new Cue(form, kind, true));
  }

  private static Set<String> words(String spaceSeparated) {
    return Set.of(spaceSeparated.toLowerCase(Locale.ROOT).split(" "));
  }


  private static AttributionCues english() {
    String aux = "(?:(?:has|have|had)\\s+)?";
    List<Entry> e = new ArrayList<>();
    e.add(e("according\\s+to", Form.PREP, Kind.ACCORDING_TO));
    e.add(e("as\\s+reported\\s+by", Form.PREP, Kind.REPORTED));
    e.add(e("citing", Form.CITING, Kind.ACCORDING_TO));
    e.add(e("in\\s+an\\s+interview\\s+with", Form.INTERVIEW, Kind.SAID));
    e.add(e(aux + "(?:told|tells)", Form.VERB, Kind.TOLD));
    e.add(e(aux + "(?:said|says|say|added|adds|noted|notes|stated|states|warned|warns|argued|argues|"
        + "suggested|suggests|explained|explains|insisted|insists|stressed|stresses)", Form.VERB, Kind.SAID));
    e.add(strict(aux + "(?:reported|reports)", Form.VERB, Kind.REPORTED));
    e.add(strict(aux + "(?:wrote|writes|announced|announces|confirmed|confirms|claimed|claims|estimated|"
        + "estimates|believes|believed|concluded|concludes|found|finds|revealed|reveals|showed|shows|"
        + "cited|cites)", Form.VERB, Kind.SAID));
    return new AttributionCues("en", e, words("that"),
        words("the a an one two three four several some other many"),
        words("of for and"),
        words("and but that while as if or when because after before since"),
        words("daily newspaper paper tabloid weekly magazine outlet agency broadcaster channel station "
            + "website site portal network report statement study document documents analysis survey "
            + "official officials source sources spokesman spokeswoman spokesperson ministry government "
            + "police prosecutor prosecutors investigators analyst analysts expert experts diplomat "
            + "diplomats people person officer officers authorities minister president director chief "
            + "head secretary committee institute service company firm group researchers authors "
            + "commentator witnesses reporters journalists post times journal general colonel office "
            + "military army spokespeople aide aides adviser advisers lawyer lawyers court data figures "
            + "estimates records filings poll polls mayor governor council board commission union bank "
            + "parliament party campaigners activists organisers organizers residents regulator"),
        List.of(), false);
  }

  private static AttributionCues russian() {
    String past = "(?:а|о|и)?";
    List<Entry> e = new ArrayList<>();
    e.add(e("по\\s+данным|по\\s+информации|по\\s+сообщению|по\\s+словам|согласно", Form.PREP, Kind.ACCORDING_TO));
    e.add(e("как\\s+(?:сообщает|сообщают|пишет|пишут|переда[её]т|передают)", Form.PREP, Kind.REPORTED));
    e.add(e("как\\s+(?:сообщил|отметил|заявил|рассказал)" + past, Form.PREP, Kind.SAID));
    e.add(e("со\\s+ссылкой\\s+на", Form.CITING, Kind.ACCORDING_TO));
    e.add(e("сообщает|сообщают", Form.VERB, Kind.REPORTED));
    e.add(strict("пишет|пишут|переда[её]т|передают", Form.VERB, Kind.REPORTED));
    e.add(e("(?:заявил|сообщил|сказал|отметил|добавил|подчеркнул|уточнил|признал|рассказал)" + past
        + "|заявляет|заявляют|считает|считают|говорится", Form.VERB, Kind.SAID));
    return new AttributionCues("ru", e, words("что"), words("этот эта это эти"), Set.of(),
        words("и но что а как когда если или чтобы"),
        Set.of(),
        List.of("издани", "газет", "агентств", "телеканал", "радиостанц", "портал", "сайт", "журнал",
            "доклад", "отчет", "отчёт", "заявлени", "исследовани", "документ", "источник", "представител",
            "пресс-служб", "пресс-секретар", "министерств", "министр", "ведомств", "правительств", "полици",
            "прокуратур", "следовател", "аналитик", "эксперт", "дипломат", "чиновник", "власт", "президент",
            "директор", "компани", "институт", "свидетел", "собеседник", "официальн", "военн", "сотрудник",
            "журналист", "данны", "подсчет", "подсчёт", "оценк", "мэр", "губернатор"),
        true);
  }

  private static AttributionCues chinese() {
    List<Entry> e = new ArrayList<>();
    e.add(e("(?<![数數证證依根占佔])[据據](?![悉了说說称稱此])", Form.JU, Kind.ACCORDING_TO));
    e.add(e("根[据據]", Form.GENJU, Kind.ACCORDING_TO));
    e.add(e("(?:报道|报导|報導)(?:称|说)?|報導稱", Form.VERB, Kind.REPORTED));
    e.add(e("表示|声称|聲稱|声明|聲明|宣布|透露|指出|强调|強調|称(?![为作号之])|稱(?![為作號之])"
        + "|说(?![明法服])|說(?![明法服])", Form.VERB, Kind.SAID));
    return new AttributionCues("zh", e, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of(), false);
  }

  private static AttributionCues french() {
    String aux = "(?:(?:a|ont|avait|avaient)\\s+)";
    String pp = "(?:e|s|es)?";
    List<Entry> e = new ArrayList<>();
    e.add(e("selon|d['’]\\s*après", Form.PREP, Kind.ACCORDING_TO));
    e.add(e("cit[ée]" + pp + "\\s+par", Form.CITED_BY, Kind.ACCORDING_TO));
    e.add(e(aux + "(?:déclaré|affirmé|expliqué|précisé)" + pp + "|déclare|affirme|explique|précise",
        Form.VERB, Kind.SAID));
    e.add(strict(aux + "(?:indiqué|annoncé)" + pp, Form.VERB, Kind.SAID));
    e.add(strict("écrit|rapporte|rapportent", Form.VERB, Kind.REPORTED));
    e.add(e("qualifie|qualifient", Form.VERB, Kind.SAID));
    return new AttributionCues("fr", e, words("que qu' qu’"),
        words("le la les l' l’ un une des du deux trois plusieurs"),
        words("de du des la le d' d’"),
        words("et mais que qu' qu’ ou si quand comme alors"),
        words("quotidien journal hebdomadaire magazine agence chaîne radio site média médias rapport "
            + "communiqué étude document responsable responsables source sources porte-parole ministère "
            + "ministre gouvernement police parquet procureur procureure enquêteurs analyste analystes "
            + "expert experts diplomate diplomates officiel officiels autorités président présidente "
            + "directeur directrice entreprise société groupe institut témoin témoins avocat avocats "
            + "journalistes presse mairie préfecture gendarmerie syndicat"),
        List.of(), false);
  }

  private static AttributionCues german() {
    List<Entry> e = new ArrayList<>();
    e.add(e("laut|nach\\s+angaben", Form.PREP, Kind.ACCORDING_TO));
    e.add(e("zufolge", Form.POST, Kind.ACCORDING_TO));
    e.add(e("so", Form.SO, Kind.SAID));
    e.add(e("sagte|sagten|sagt|erklärte|erklärten|erklärt", Form.VERB, Kind.SAID));
    e.add(strict("berichtete|berichteten|berichtet|schreibt|schrieb|schreiben|schrieben|meldete|meldeten|meldet",
        Form.VERB, Kind.REPORTED));
    e.add(strict("teilte|teilten|teilt|bestätigte|bestätigten|bestätigt", Form.VERB, Kind.SAID));
    return new AttributionCues("de", e, words("dass"),
        words("der die das dem den des ein eine einem einer eines zwei drei mehrere von vom"),
        words("von der des vom für"),
        words("und aber dass oder wenn als wie weil"),
        words("blatt bericht mitteilung erklärung studie dokument polizei regierung behörde behörden "
            + "ermittler quelle quellen kreise kreisen unternehmen konzern gericht beamte beamter beamten "
            + "journalisten reporter"),
        List.of("zeitung", "magazin", "agentur", "sender", "rundfunk", "portal", "website", "sprecher",
            "sprecherin", "ministerium", "staatsanwaltschaft", "analyst", "analysten", "experte", "experten",
            "diplomat", "diplomaten", "minister", "ministerin", "präsident", "präsidentin", "institut",
            "leiter", "leiterin", "chef", "chefin"),
        false);
  }

  private static AttributionCues spanish() {
    String aux = "(?:(?:ha|han|había|habían)\\s+)";
    List<Entry> e = new ArrayList<>();
    // "según ha comunicado X", "según informó X": the verb of reporting, then the source
    e.add(e("según\\s+" + aux + "?(?:informó|informaron|informa|informado|comunicó|comunicaron|comunica|comunicado|"
        + "publicó|publicaron|publica|publicado|explicó|explicado|indicó|indicado|dijo|dicho|reveló|revelado|"
        + "señaló|señalado|detalló|detallado|afirmó|afirmado)|según|de\\s+acuerdo\\s+con", Form.PREP, Kind.ACCORDING_TO));
    e.add(e("citad[oa]s?\\s+por", Form.CITED_BY, Kind.ACCORDING_TO));
    e.add(e("citando\\s+a|citando", Form.CITING, Kind.ACCORDING_TO));
    e.add(e("citó|citaron", Form.CITES, Kind.ACCORDING_TO));
    e.add(e("dijo|dijeron|afirmó|afirmaron|declaró|declararon|explicó|explicaron|" + aux
        + "(?:dicho|afirmado|declarado|explicado)", Form.VERB, Kind.SAID));
    e.add(strict("aseguró|aseguraron|señaló|señalaron", Form.VERB, Kind.SAID));
    e.add(strict("informó|informaron|informa|informan", Form.VERB, Kind.REPORTED));
    return new AttributionCues("es", e, words("que"),
        words("el la los las un una unos unas del al dos tres varios varias"),
        words("de del la las los y"),
        words("y pero que o si cuando como mientras"),
        words("diario periódico rotativo semanario revista agencia cadena emisora radio portal sitio "
            + "medio medios informe comunicado estudio documento portavoz vocero ministerio ministro "
            + "ministra gobierno policía fiscalía fiscal investigadores analista analistas experto "
            + "expertos diplomático diplomáticos funcionario funcionarios fuente fuentes autoridades "
            + "presidente presidenta director directora empresa compañía grupo instituto testigo testigos "
            + "periodistas prensa ayuntamiento alcaldía sindicato"),
        List.of(), false);
  }

  private static AttributionCues italian() {
    String aux = "(?:ha|hanno|aveva|avevano)\\s+";
    List<Entry> e = new ArrayList<>();
    e.add(e("secondo", Form.PREP, Kind.ACCORDING_TO));
    e.add(e("come\\s+(?:riportato|riferito)\\s+(?:da|dal|dalla|dallo|dai|dagli|dalle)", Form.PREP, Kind.REPORTED));
    e.add(e("citando", Form.CITING, Kind.ACCORDING_TO));
    e.add(e(aux + "(?:detto|dichiarato|affermato|spiegato)", Form.VERB, Kind.SAID));
    e.add(strict(aux + "riferito", Form.VERB, Kind.REPORTED));
    e.add(e("riferisce|riferiscono", Form.VERB, Kind.REPORTED));
    e.add(strict("scrive|scrivono", Form.VERB, Kind.REPORTED));
    return new AttributionCues("it", e, words("che"),
        words("il lo la i gli le l' l’ un uno una del della dello dei degli delle due tre"),
        words("di del della dei degli delle d' d’"),
        words("e ma che o se quando come mentre"),
        words("quotidiano giornale settimanale rivista agenzia emittente rete radio sito portale rapporto "
            + "comunicato studio documento portavoce ministero ministro ministra governo polizia procura "
            + "procuratore inquirenti investigatori analista analisti esperto esperti diplomatico "
            + "diplomatici funzionario funzionari fonte fonti autorità presidente presidentessa direttore "
            + "direttrice azienda società gruppo istituto testimone testimoni giornalisti stampa comune sindacato"),
        List.of(), false);
  }
}
