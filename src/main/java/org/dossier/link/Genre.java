package org.dossier.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Annotations;
import org.dossier.core.Attribution;

/**
 * What a document is, read from its content and metadata (never from its folder or file name):
 * a press article, or material of the cache (a contract, letter, minutes, memo, email,
 * spreadsheet, notice, statement).
 *
 * @param kind {@code article}, {@code contract}, {@code letter}, {@code minutes}, {@code memo},
 *     {@code email}, {@code spreadsheet}, {@code notice}, {@code statement} or {@code other}
 * @param outlet the outlet that published it, when it is an article that names one
 * @param evidence why, in a few words each
 */
public record Genre(String kind, Optional<String> outlet, List<String> evidence) {
  public Genre {
    evidence = List.copyOf(evidence);
  }

  /**
   * As the analyst says: published by {@code outlet} (so an article), or, when it is empty,
   * published by no outlet the stage should name.
   */
  public Genre withOutlet(String outlet) {
    List<String> why = new java.util.ArrayList<>(evidence);
    if (outlet.isBlank()) {
      why.add("no outlet, as the analyst set");
      return new Genre(kind, Optional.empty(), why);
    }
    why.add("outlet set by the analyst");
    return new Genre("article", Optional.of(outlet.strip()), why);
  }

  /** True for press coverage; false for material of the cache. */
  public boolean press() {
    return kind.equals("article");
  }

  private record Marker(String kind, Pattern pattern, int weight) {}

  private static final List<Marker> RECORD_MARKERS = List.of(
      new Marker("contract", Pattern.compile("(?iu)\\b(?:contract|agreement)\\s+(?:No\\.?|№|#)\\s*\\S|договор[аy]?\\s*№|контракт[а]?\\s*№|合同编号|合同号"), 3),
      new Marker("contract", Pattern.compile("(?iu)hereinafter|именуем\\p{L}*|the parties (?:agree|have agreed)|настоящ\\p{L}+ (?:договор|контракт)|заключают\\s+(?:настоящий\\s+)?(?:договор|контракт)|(?-i:\\b(?:the Supplier|the Buyer|the Seller|Поставщик|Покупатель)\\b)|甲方|乙方"), 3),
      new Marker("letter", Pattern.compile("(?imu)^\\s*(?:Dear\\s|Уважаем\\p{L}*\\s)|Исх\\.\\s*№|\\bRef(?:\\.|erence)?\\s*No\\b|\\bOur ref\\b|Yours (?:sincerely|faithfully)|^\\s*Sincerely|С уважением|此致"), 3),
      new Marker("minutes", Pattern.compile("(?iu)\\bminutes of (?:the )?meeting\\b|(?-i:\\bMINUTES\\b)|протокол (?:встречи|совещания|заседания|переговоров)|(?-i:ПРОТОКОЛ)|\\battendees\\b|\\bpresent:|присутствовали|повестка дня|会议纪要|\\bagenda\\b"), 3),
      new Marker("memo", Pattern.compile("(?iu)\\bmemorandum\\b|(?-i:\\bMEMO\\b)|служебная записка|备忘录|内部(?:备忘|通报)"), 3),
      new Marker("notice", Pattern.compile("(?iu)\\binvoice\\b|payment notice|сч[её]т на оплату|уведомление об оплате|付款通知|发票"), 3),
      new Marker("email", Pattern.compile("(?m)^(?:From|To|Subject|Date|От|Кому|Тема|发件人|收件人|主题):\\s"), 1));

  private static final Pattern BYLINE = Pattern.compile(
      "(?m)^\\s*(?:By|От|Автор:?)\\s+\\p{Lu}[\\p{L}.'’\\- ]{1,60},\\s*([^,\\n]{3,60}?)\\s*(?:,|$)");
  private static final Pattern BYLINE_QUOTED = Pattern.compile(
      "(?m)^\\s*\\p{Lu}[\\p{L}.'’\\- ]{1,60},\\s*[«\"“]([^»\"”\\n]{2,60})[»\"”]\\s*,");
  /**
   * The byline near the top of a text ("By Ana Lenn, Harbour Ledger,"), as the span of its line:
   * the names in it are the text's authors, not actors of what it reports.
   */
  static Optional<org.dossier.core.Span> byline(String text) {
    String head = text.substring(0, Math.min(text.length(), 800));
    for (Pattern p : List.of(BYLINE, BYLINE_QUOTED)) {
      Matcher m = p.matcher(head);
      if (m.find() && m.start() < 600) {
        int end = head.indexOf('\n', m.start() + 1);
        return Optional.of(new org.dossier.core.Span(m.start(), end < 0 ? m.end() : Math.max(end, m.end())));
      }
    }
    return Optional.empty();
  }

  private static final Pattern FIRST_PERSON = Pattern.compile("(?iu)\\b(?:we|our|us|мы|нас|наш\\p{L}*)\\b|我们");

  /** Concepts of reporting: what news prose says about its sources. */
  private static final java.util.Set<String> REPORTING = java.util.Set.of("c:say", "c:report-verb",
      "c:reportedly", "c:announce", "c:confirm", "c:deny", "c:claim", "c:allege", "c:reveal", "c:according-to",
      "c:spokesperson", "c:interview", "c:press-conference", "c:statement", "c:comment", "c:add", "c:news",
      "c:newspaper", "c:journalist", "c:reporter", "c:media", "c:news-agency", "c:television", "c:radio");

  private static int reportingWords(String head, String language) {
    int n = 0;
    for (org.dossier.analyze.Concepts.Token t : org.dossier.analyze.Concepts.shared().tokens(head, 0, head.length(), language)) {
      if (REPORTING.contains(t.key())) {
        n++;
      }
    }
    return n;
  }

  /** True when most of the text is in lines of running sentences, not fields, lists or tables. */
  static boolean prose(String head) {
    int proseChars = 0;
    int total = 0;
    for (String line : head.split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      total += l.length();
      long words = l.split("\\s+").length;
      boolean han = l.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count() >= 30;
      if ((words >= 12 || han) && l.matches("(?s).*[.!?。！？»\"”)]\\s*$|(?s).*[.!?。] .*")) {
        proseChars += l.length();
      }
    }
    return total > 0 && proseChars >= 0.6 * total;
  }

  /** The text without quoted passages: a quoted "we" is the speaker's, not the document's. */
  private static String unquoted(String text) {
    return text.replaceAll("[\"“«„][^\"”»“„\\n]{0,400}[\"”»“]", " ");
  }

  /** Reads the genre of a document. */
  public static Genre of(String text, String language, String mediaType, Map<String, List<String>> metadata,
      Annotations a) {
    List<String> evidence = new ArrayList<>();
    String head = text.substring(0, Math.min(text.length(), 3_000));
    String type = mediaType == null ? "" : mediaType;
    if (type.contains("spreadsheet") || type.contains("ms-excel") || type.equals("text/csv")
        || type.contains("tab-separated")) {
      return new Genre("spreadsheet", Optional.empty(), List.of("media type " + type));
    }
    if (type.startsWith("message/") || type.contains("ms-outlook")) {
      return new Genre("email", Optional.empty(), List.of("media type " + type));
    }
    // press: a dateline, a byline, attributed statements
    int press = 0;
    Optional<String> outlet = Optional.empty();
    for (Attribution at : a.attributions()) {
      if (at.kind() == Attribution.Kind.DATELINE) {
        press += 4;
        outlet = Optional.of(at.sourceText());
        evidence.add("dateline (" + at.sourceText() + ")");
      }
    }
    Matcher by = BYLINE.matcher(head);
    Matcher byq = BYLINE_QUOTED.matcher(head);
    if (by.find() && by.start() < 600) {
      press += 4;
      outlet = outlet.or(() -> Optional.of(by.group(1).strip()));
      evidence.add("byline");
    } else if (byq.find() && byq.start() < 600) {
      press += 4;
      outlet = outlet.or(() -> Optional.of(byq.group(1).strip()));
      evidence.add("byline");
    }
    for (String key : List.of("og:site_name", "publisher", "dc:publisher", "article:publisher")) {
      List<String> v = metadata.getOrDefault(key, List.of());
      if (!v.isEmpty() && !v.get(0).isBlank()) {
        press += 2;
        String site = v.get(0).strip();
        outlet = outlet.or(() -> Optional.of(site));
        evidence.add("publisher " + site);
        break;
      }
    }
    if (metadata.getOrDefault("og:type", List.of()).contains("article")) {
      press += 3;
      evidence.add("og:type article");
    }
    if (Lexicon.CREDIT.matcher(text).find()) {
      press += 4;
      evidence.add("a credit line");
    }
    // the address of the page in another language that the text renders: a published page
    if (Summary.hasSlugAddress(text)) {
      java.util.Set<String> own = new java.util.HashSet<>();
      String body = text.substring(0, Math.min(text.length(), 100_000));
      org.dossier.analyze.Concepts.shared().tokens(body, 0, body.length(), language).forEach(t -> own.add(t.key()));
      if (Summary.addressInAnotherLanguage(text, language, own::contains).isPresent()) {
        press += 3;
        evidence.add("the address of the page it renders");
      }
    }
    long reported = a.attributions().stream().filter(at -> at.kind() != Attribution.Kind.DATELINE).count();
    if (reported >= 2) {
      press += reported >= 4 ? 3 : 2;
      evidence.add(reported + " attributed statements");
    }
    // the cache: the marks of a contract, a letter, minutes, a memo, an email
    String recordKind = null;
    int record = 0;
    for (Marker m : RECORD_MARKERS) {
      Matcher x = m.pattern.matcher(head);
      int hits = 0;
      while (x.find()) {
        hits++;
      }
      int score = m.kind.equals("email") ? (hits >= 3 ? 4 : 0) : hits > 0 ? m.weight + Math.min(hits - 1, 2) : 0;
      if (score > record) {
        record = score;
        recordKind = m.kind;
      }
    }
    if (record > 0 && record >= press) {
      return new Genre(recordKind, Optional.empty(), List.of(recordKind + " markings"));
    }
    if (press >= 3) {
      return new Genre("article", outlet, evidence);
    }
    // prose that reports: sentences in paragraphs, with the words of reporting in them
    int reporting = reportingWords(head, language);
    if (record == 0 && prose(head) && (reporting >= 2 || press > 0 || FIRST_PERSON.matcher(unquoted(head)).results().count() < 4)) {
      evidence.add("prose without the marks of a record" + (reporting > 0 ? ", " + reporting + " words of reporting" : ""));
      return new Genre("article", outlet, evidence);
    }
    long firstPerson = FIRST_PERSON.matcher(unquoted(head)).results().count();
    if (firstPerson >= 4) {
      return new Genre("statement", Optional.empty(), List.of("first person, " + firstPerson + " times"));
    }
    if (press > 0 && record == 0) {
      return new Genre("article", outlet, evidence);
    }
    return new Genre("other", Optional.empty(), List.of("no marks of an article or of a record"));
  }
}
