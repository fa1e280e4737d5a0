package org.dossier.analyze;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Qualifier;
import org.dossier.core.Qualifier.Bound;
import org.dossier.core.Quantity;
import org.dossier.core.Span;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;

/**
 * Values, normalized: money with its ISO currency and scale ("more than $210 million", "$584m",
 * "€555m", "584 millions de dollars", "210 млн долларов", "2.1亿美元"), quantities of materiel
 * ("37 BMD-4M", "11 airborne armoured personnel carriers", "37 единиц", "37辆"), other counts
 * ("14 joint exercises", "23 million people"), dates (see {@link Dates}), percentages and ranges
 * ("10 to 15 years"), each with the qualifier next to it.
 */
final class ValueExtractor implements Annotator {
  private static final int NOUN_WORDS = 6;

  /** Currency signs and codes written before the number. */
  private static final Pattern PREFIX_CURRENCY = Pattern.compile(
      "(US\\$|U\\.S\\.\\s?\\$|A\\$|C\\$|HK\\$|NT\\$|\\$|USD|EUR|GBP|CNY|RMB|RUB|JPY|CHF|UAH|€|£|¥|₽|₴)\\s?$");

  /** Currency words written after the number (and its scale), longest first. */
  private static final List<String[]> SUFFIX_CURRENCY = List.of(
      new String[] {"US dollars", "USD"}, new String[] {"U.S. dollars", "USD"},
      new String[] {"долларов США", "USD"}, new String[] {"доллара США", "USD"},
      new String[] {"de dollars", "USD"}, new String[] {"de dólares", "USD"},
      new String[] {"d'euros", "EUR"}, new String[] {"de euros", "EUR"},
      new String[] {"dollars", "USD"}, new String[] {"dollar", "USD"}, new String[] {"USD", "USD"},
      new String[] {"euros", "EUR"}, new String[] {"euro", "EUR"}, new String[] {"EUR", "EUR"},
      new String[] {"pounds sterling", "GBP"}, new String[] {"pounds", "GBP"}, new String[] {"GBP", "GBP"},
      new String[] {"yuan", "CNY"}, new String[] {"renminbi", "CNY"}, new String[] {"RMB", "CNY"},
      new String[] {"CNY", "CNY"}, new String[] {"roubles", "RUB"}, new String[] {"rubles", "RUB"},
      new String[] {"RUB", "RUB"}, new String[] {"hryvnias", "UAH"},
      new String[] {"долларов", "USD"}, new String[] {"доллара", "USD"}, new String[] {"доллар", "USD"},
      new String[] {"евро", "EUR"}, new String[] {"рублей", "RUB"}, new String[] {"рубля", "RUB"},
      new String[] {"руб.", "RUB"}, new String[] {"юаней", "CNY"}, new String[] {"юаня", "CNY"},
      new String[] {"美元", "USD"}, new String[] {"欧元", "EUR"}, new String[] {"英镑", "GBP"},
      new String[] {"人民币", "CNY"}, new String[] {"卢布", "RUB"}, new String[] {"元", "CNY"},
      new String[] {"Dollar", "USD"}, new String[] {"Euro", "EUR"});

  private static final Pattern PERCENT = Pattern.compile(
      "^\\s?(%|percent|per cent|pct|процент(?:а|ов)?|%)(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern CHANGE_FROM = Pattern.compile(
      "(?iu)(?:rose|risen|rise|increased|grew|grown|jumped|climbed|fell|fallen|dropped|declined|"
          + "went up|went down|cut|raised|вырос(?:ла|ло|ли)?|увеличил(?:ась|ся|ись)|снизил(?:ась|ся|ись)|"
          + "упал(?:а|о|и)?)\\s+(?:from|с)\\s*\\$?\\s*$");

  private static final Pattern RANGE_JOINER = Pattern.compile(
      "^\\s*(?:-|–|—|to|or|до|или|至|到|~)\\s*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Words that end a noun phrase after a number. */
  private static final Set<String> STOP = Set.of(
      "and", "or", "to", "for", "in", "on", "by", "with", "from", "that", "which", "who", "were",
      "was", "will", "would", "are", "is", "as", "at", "of", "the", "a", "an", "than", "but",
      "into", "per", "each", "has", "have", "had", "be", "been", "it", "this", "its", "their",
      "и", "или", "в", "во", "на", "для", "с", "со", "по", "за", "от", "к", "что", "которые",
      "который", "также", "а", "но", "из", "до", "о", "об", "при", "не");

  /** Head nouns of materiel: what makes a count a quantity of things. */
  private static final Pattern MATERIEL = Pattern.compile(
      "(?iu)^(vehicles?|carriers?|apcs?|ifvs?|guns?|tanks?|howitzers?|mortars?|launchers?|systems?|"
          + "aircraft|planes?|jets?|fighters?|bombers?|helicopters?|drones?|uavs?|missiles?|rockets?|"
          + "rifles?|ships?|boats?|vessels?|submarines?|frigates?|trucks?|radars?|sets?|pieces?|"
          + "rounds?|shells?|munitions?|units?|kits?|machines?|transporters?|stations?|containers?|crates?|"
          + "engines?|parachutes?|terminals?|antennas?|generators?|"
          + "машин[аы]?|единиц[аы]?|орудий|орудия|бронетранспорт[её]р(?:ов|а)?|танк(?:ов|а)?|"
          + "самол[её]т(?:ов|а)?|вертол[её]т(?:ов|а)?|систем[аы]?|комплект(?:ов|а)?|ракет[аы]?|"
          + "штук[аи]?|шт|ед|компл|установ(?:ок|ки|ка)|бмп|бтр|бмд|катер(?:ов|а)?)$");

  /** Chinese measure words for materiel. */
  private static final Pattern ZH_MATERIEL = Pattern.compile("^(辆|门|架|艘|枚|套|部|台|具)");
  /** Chinese measure words for other counts. */
  private static final Pattern ZH_COUNT = Pattern.compile("^(次|个|名|人|页|年|天|个月|周|场|份|项|座|位)");

  /** A designation such as BMD-4M, Sprut-SDM1, 2S25M, Kestrel-9M, Тайга-СП. */
  static final Pattern DESIGNATION = Pattern.compile(
      "^[«\"“]?(\\p{Lu}[\\p{L}]*-?\\p{N}+[\\p{L}\\p{N}]*|\\p{Lu}{2,}-[\\p{Lu}\\p{N}]+|\\p{Lu}[\\p{Ll}]+-\\p{Lu}{1,4}\\p{N}*|\\p{N}\\p{Lu}\\p{N}+\\p{Lu}?)[»\"”]?$");

  @Override
  public Set<Layer> requires() {
    return EnumSet.of(Layer.SENTENCES, Layer.DOMAIN_ENTITIES);
  }

  @Override
  public Set<Layer> produces() {
    return EnumSet.of(Layer.VALUES);
  }

  @Override
  public void annotate(Draft draft) {
    String text = draft.text();
    List<Span> taken = new ArrayList<>();
    for (Dates.Hit h : Dates.find(text, draft.documentDate())) {
      Span s = h.span();
      Line line = line(text, s.start());
      Optional<Qualifiers.Found> q = Qualifiers.before(text, s.start(), line.start());
      q = q.filter(f -> f.qualifier().bound() != Bound.AT_MOST && f.qualifier().bound() != Bound.AT_LEAST);
      int start = q.map(Qualifiers.Found::start).orElse(s.start());
      Span span = new Span(start, s.end());
      draft.values.add(new ValueMention(span, text.substring(start, s.end()), h.date(),
          q.map(Qualifiers.Found::qualifier)));
      taken.add(s);
    }
    List<Num> numbers = numbers(text, draft.language(), taken);
    for (int i = 0; i < numbers.size(); i++) {
      Num n = numbers.get(i);
      Optional<ValueMention> v = value(draft, n, i + 1 < numbers.size() ? numbers.get(i + 1) : null);
      if (v.isPresent()) {
        draft.values.add(v.get());
        // a range consumes the number after the joiner
        while (i + 1 < numbers.size() && numbers.get(i + 1).start < v.get().span().end()) {
          i++;
        }
      }
    }
    draft.values.sort((a, b) -> a.span().compareTo(b.span()));
  }

  /** A number in the text, before any scale. */
  private record Num(int start, int end, BigDecimal value) {}

  private static List<Num> numbers(String text, String language, List<Span> taken) {
    List<Num> out = new ArrayList<>();
    for (Matcher m = Numbers.DIGITS.matcher(text); m.find(); ) {
      if (inside(taken, m.start()) || ordinalOrTime(text, m.end()) || identifier(text, m.start())
          || afterMonth(text, m.start())) {
        continue;
      }
      out.add(new Num(m.start(), m.end(), Numbers.digits(m, language)));
    }
    for (Matcher m = Numbers.WORD_NUMBER.matcher(text); m.find(); ) {
      String w = m.group(1);
      if (inside(taken, m.start()) || Character.isUpperCase(w.charAt(0)) && m.start() > 0
          && !sentenceStart(text, m.start())) {
        continue;
      }
      out.add(new Num(m.start(), m.end(), BigDecimal.valueOf(Numbers.word(w))));
    }
    out.sort((a, b) -> Integer.compare(a.start, b.start));
    return out;
  }

  private Optional<ValueMention> value(Draft draft, Num n, Num next) {
    String text = draft.text();
    Line line = line(text, n.start);
    BigDecimal low = n.value;
    int end = n.end;
    Optional<Numbers.Scale> scale = Numbers.scaleAt(text, end);
    if (scale.isPresent()) {
      low = low.multiply(scale.get().factor());
      end = scale.get().end();
    }
    BigDecimal high = low;
    String currency = null;
    int start = n.start;
    Matcher prefix = PREFIX_CURRENCY.matcher(text.substring(Math.max(line.start(), n.start - 8), n.start));
    if (prefix.find()) {
      currency = currencyCode(prefix.group(1));
      start = n.start - (prefix.end() - prefix.start());
    }
    // a range: "10 to 15", "$200-300 million", "от 10 до 15"; not a change ("rose from 48 to 61")
    if (next != null && next.start - end < 6 && !CHANGE_FROM.matcher(
        text.substring(Math.max(line.start(), start - 40), start)).find()) {
      Matcher joiner = RANGE_JOINER.matcher(text.substring(end, Math.min(line.end(), next.start)));
      if (joiner.find() && end + joiner.end() == next.start) {
        BigDecimal h = next.value;
        int e2 = next.end;
        Optional<Numbers.Scale> s2 = Numbers.scaleAt(text, e2);
        if (s2.isPresent()) {
          h = h.multiply(s2.get().factor());
          e2 = s2.get().end();
          if (scale.isEmpty()) {
            low = low.multiply(s2.get().factor()); // "200-300 million": the scale applies to both
          }
        }
        if (h.compareTo(low) > 0) {
          high = h;
          end = e2;
        }
      }
    }
    String currencyAfter = null;
    int afterCurrencyEnd = end;
    int suffixFrom = skipWrittenOut(text, end, line.end());
    for (String[] c : SUFFIX_CURRENCY) {
      int i = suffixFrom;
      while (i < line.end() && text.charAt(i) == ' ') {
        i++;
      }
      if (text.regionMatches(true, i, c[0], 0, c[0].length())
          && (i + c[0].length() >= text.length() || !Character.isLetter(text.charAt(i + c[0].length()))
              || isHan(c[0]))) {
        currencyAfter = c[1];
        afterCurrencyEnd = i + c[0].length();
        break;
      }
    }
    if (currency == null && currencyAfter != null) {
      currency = currencyAfter;
    }
    if (currencyAfter != null) {
      end = afterCurrencyEnd;
    }
    Value value;
    Matcher percent = PERCENT.matcher(text.substring(end, Math.min(line.end(), end + 14)));
    Quantity q = new Quantity(low, high);
    if (currency != null) {
      value = new Value.Money(q, currency);
    } else if (percent.find()) {
      value = new Value.Percent(q);
      end += percent.end();
    } else {
      Noun noun = noun(draft, end, line.end());
      if (noun.words().isEmpty() && scale.isEmpty()) {
        return Optional.empty(); // a bare number says nothing on its own
      }
      value = noun.materiel() ? new Value.Things(q, noun.words()) : new Value.Count(q, noun.words());
      end = Math.max(end, noun.end());
    }
    Optional<Qualifiers.Found> before = Qualifiers.before(text, start, line.start());
    Optional<Qualifiers.Found> after = Qualifiers.after(text, end, line.end());
    Optional<Qualifier> qualifier = Optional.empty();
    if (before.isPresent()) {
      qualifier = Optional.of(asNumberBound(before.get().qualifier()));
      start = before.get().start();
    }
    if (after.isPresent()) {
      Qualifier a = asNumberBound(after.get().qualifier());
      qualifier = Optional.of(qualifier.map(b -> new Qualifier(b.text() + " … " + a.text(), a.bound()))
          .orElse(a));
      end = after.get().end();
    }
    Span span = new Span(start, end);
    return Optional.of(new ValueMention(span, text.substring(start, end), value, qualifier));
  }

  /** "by", "from" and "до" bound dates; before a number they mean at most / at least. */
  private static Qualifier asNumberBound(Qualifier q) {
    return switch (q.bound()) {
      case BY -> new Qualifier(q.text(), Bound.AT_MOST);
      case FROM -> new Qualifier(q.text(), Bound.AT_LEAST);
      default -> q;
    };
  }

  /** The words after a number naming what is counted, and whether they name materiel. */
  private record Noun(String words, boolean materiel, int end) {}

  private static Noun noun(Draft draft, int from, int lineEnd) {
    String text = draft.text();
    int i = from;
    // "an 800-page dossier": the noun is joined to the number
    if (i < lineEnd && text.charAt(i) == '-') {
      int e = i + 1;
      while (e < lineEnd && Character.isLetter(text.charAt(e))) {
        e++;
      }
      if (e > i + 1) {
        String w = text.substring(i + 1, e);
        return new Noun(w, MATERIEL.matcher(w).matches(), e);
      }
    }
    while (i < lineEnd && text.charAt(i) == ' ') {
      i++;
    }
    i = skipWrittenOut(text, i, lineEnd);
    if (i < lineEnd && isHan(text.substring(i, i + 1))) {
      String rest = text.substring(i, Math.min(lineEnd, i + 8));
      Matcher mat = ZH_MATERIEL.matcher(rest);
      if (mat.find()) {
        int e = i + mat.end();
        return new Noun(text.substring(i, e), true, e);
      }
      Matcher cnt = ZH_COUNT.matcher(rest);
      if (cnt.find()) {
        int e = i + cnt.end();
        return new Noun(text.substring(i, e), false, e);
      }
      return new Noun("", false, i);
    }
    List<int[]> words = new ArrayList<>();
    int j = i;
    while (words.size() < NOUN_WORDS && j < lineEnd) {
      while (j < lineEnd && text.charAt(j) == ' ') {
        j++;
      }
      int s = j;
      while (j < lineEnd && !Character.isWhitespace(text.charAt(j)) && ",.;:!?()[]".indexOf(text.charAt(j)) < 0) {
        j++;
      }
      if (j == s) {
        break;
      }
      String w = text.substring(s, j);
      if (STOP.contains(w.toLowerCase(Locale.ROOT)) || !Character.isLetter(stripQuotes(w).isEmpty() ? '0' : stripQuotes(w).charAt(0))) {
        break;
      }
      words.add(new int[] {s, j});
      if (j < lineEnd && ",.;:!?()".indexOf(text.charAt(j)) >= 0) {
        break;
      }
    }
    if (words.isEmpty()) {
      return new Noun("", false, i);
    }
    // the noun phrase is materiel if a word in it is a materiel head noun, a designation, or a
    // piece of equipment the gazetteer knows
    for (int k = 0; k < words.size(); k++) {
      int[] w = words.get(k);
      String word = stripQuotes(text.substring(w[0], w[1]));
      if (MATERIEL.matcher(word).matches() || DESIGNATION.matcher(word).matches()
          || equipmentAt(draft, w[0], w[1])) {
        int e = w[1];
        // "37 light amphibious assault vehicles": keep the head; "37 BMD-4M light amphibious
        // vehicles": keep going to the head noun that follows a designation
        for (int k2 = k + 1; k2 < words.size(); k2++) {
          String later = stripQuotes(text.substring(words.get(k2)[0], words.get(k2)[1]));
          if (MATERIEL.matcher(later).matches()) {
            e = words.get(k2)[1];
          }
        }
        return new Noun(text.substring(i, e), true, e);
      }
    }
    // otherwise a count: its first word or two ("14 joint exercises", "800 pages")
    int take = Math.min(words.size(), lowercaseRun(text, words));
    if (take == 0) {
      return new Noun("", false, i);
    }
    int e = words.get(take - 1)[1];
    return new Noun(text.substring(i, e), false, e);
  }

  /** Past a number written out again in brackets: "24 (двадцать четыре) машины". */
  private static int skipWrittenOut(String text, int from, int lineEnd) {
    int i = from;
    while (i < lineEnd && text.charAt(i) == ' ') {
      i++;
    }
    if (i < lineEnd && text.charAt(i) == '(') {
      int close = text.indexOf(')', i);
      if (close > 0 && close < lineEnd && close - i < 80 && !text.substring(i, close).matches(".*\\d.*")) {
        return close + 1;
      }
    }
    return from;
  }

  /**
   * How many leading words name what is counted: lower-case words up to the first plural (a
   * head noun, "joint exercises") or a word that is not a noun's modifier, at most three.
   */
  private static int lowercaseRun(String text, List<int[]> words) {
    int n = 0;
    for (int[] w : words) {
      String word = text.substring(w[0], w[1]);
      if (n == 3 || !Character.isLowerCase(word.charAt(0)) || word.endsWith("ly")
          || word.endsWith("ing") || NOT_NOUNS.contains(word)) {
        break;
      }
      n++;
      if (word.endsWith("s") || word.endsWith("s'") || word.endsWith("'s")
          || word.endsWith("ей") || word.endsWith("ов") || word.endsWith("ий") || word.endsWith("ах")) {
        break;
      }
    }
    return n;
  }

  /** Words that follow a number without naming what it counts. */
  private static final Set<String> NOT_NOUNS = Set.of(
      "ago", "later", "earlier", "more", "less", "times", "percent", "per", "held", "said",
      "were", "are", "almost", "nearly", "about", "only", "alone", "each", "apiece",
      "назад", "раз", "более", "менее");

  private static boolean equipmentAt(Draft draft, int start, int end) {
    Span s = new Span(start, end);
    for (EntityMention e : draft.entities) {
      if (e.type() == EntityType.EQUIPMENT && e.span().overlaps(s)) {
        return true;
      }
    }
    return false;
  }

  private static String stripQuotes(String w) {
    return w.replaceAll("^[«\"“']+|[»\"”']+$", "");
  }

  private static boolean isHan(String s) {
    return !s.isEmpty() && Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.HAN;
  }

  private static String currencyCode(String sign) {
    return switch (sign.replaceAll("\\s", "")) {
      case "€", "EUR" -> "EUR";
      case "£", "GBP" -> "GBP";
      case "¥", "CNY", "RMB" -> "CNY";
      case "JPY" -> "JPY";
      case "₽", "RUB" -> "RUB";
      case "₴", "UAH" -> "UAH";
      case "CHF" -> "CHF";
      case "A$" -> "AUD";
      case "C$" -> "CAD";
      case "HK$" -> "HKD";
      case "NT$" -> "TWD";
      default -> "USD";
    };
  }

  private static boolean inside(List<Span> spans, int pos) {
    for (Span s : spans) {
      if (pos >= s.start() && pos < s.end()) {
        return true;
      }
    }
    return false;
  }

  /** "80th", "1st", "14:00", "5.30pm" are not quantities. */
  private static boolean ordinalOrTime(String text, int end) {
    String after = text.substring(end, Math.min(text.length(), end + 3));
    return after.matches("^(st|nd|rd|th)(?!\\p{L}).*") || after.matches("^(st|nd|rd|th)$")
        || after.startsWith(":") && after.length() > 1 && Character.isDigit(after.charAt(1))
        || after.startsWith("-й") || after.startsWith("-я") || after.startsWith("-е") || after.startsWith("-го");
  }

  private static final Pattern MONTH_BEFORE = Pattern.compile(
      "(?:January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?\\s+$");

  /** "Sept. 26" without a known year: a day, not a count. */
  private static boolean afterMonth(String text, int start) {
    return MONTH_BEFORE.matcher(text.substring(Math.max(0, start - 11), start)).find();
  }

  /** "No. 44", "№ 7", "Article 5", "stage 2": a number that names, not counts. */
  private static boolean identifier(String text, int start) {
    String before = text.substring(Math.max(0, start - 10), start);
    return before.matches("(?s).*(No\\.|no\\.|№|#|Nr\\.|Art\\.|§)\\s*$");
  }

  private static boolean sentenceStart(String text, int pos) {
    int i = pos - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    return i < 0 || ".!?\n".indexOf(text.charAt(i)) >= 0;
  }

  private record Line(int start, int end) {}

  private static Line line(String text, int pos) {
    int s = text.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
    int e = text.indexOf('\n', pos);
    return new Line(s, e < 0 ? text.length() : e);
  }
}
