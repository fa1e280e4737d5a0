package org.dossier.analyze;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.Qualifier;
import org.dossier.core.Qualifier.Bound;
import org.dossier.core.Quantity;
import org.dossier.core.Span;
import org.dossier.core.Value;
import org.dossier.core.ValueMention;

/**
 * Values, normalized: money with its ISO currency and scale ("more than $270 million", "$618m",
 * "€587m", "618 millions de dollars", "2,6 Milliarden Euro", "270 млн долларов", "2.7亿美元",
 * "逾一二三億美元"), quantities of materiel ("37 BMD-4M", "11 airborne armoured personnel
 * carriers", "37 единиц", "37辆", "36套火箭炮系统"), other counts ("14 joint exercises", "23
 * million people", "12,5 millones de registros", "пяти полков", "3000多张照片"), ages ("a
 * 21-year-old", see {@link Ages}), dates (see {@link Dates}; a bare 1983 is a year unless it
 * plainly counts something), percentages ("55 %", "55 Prozent", "百分之五十五") and ranges ("10
 * to 15 years"), each with the qualifier next to it.
 */
final class ValueExtractor implements Annotator {
  private static final Pattern PERCENT = Pattern.compile(
      "^[\\s\\u00A0\\u202F]?(%|％|percent|per cent|pct|por ciento|pour cent|pour-cent|prozent|per cento"
          + "|процент(?:а|ов)?)(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern CHANGE_FROM = Pattern.compile(
      "(?iu)(?:rose|risen|rise|increased|grew|grown|jumped|climbed|fell|fallen|dropped|declined|"
          + "went up|went down|cut|raised|вырос(?:ла|ло|ли)?|увеличил(?:ась|ся|ись)|снизил(?:ась|ся|ись)|"
          + "упал(?:а|о|и)?)\\s+(?:from|с)\\s*\\$?\\s*$");

  private static final Pattern RANGE_JOINER = Pattern.compile(
      "^\\s*(?:-|–|—|to|or|до|или|至|到|~|à|a|bis|al)\\s*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

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
    for (Dates.Hit h : Dates.find(text, draft.documentDate(), draft.language())) {
      Span s = h.span();
      if (h.kind() == Dates.Kind.UNPLACED) {
        taken.add(s); // "5 октября" with no document date: a day, not a count of five
        continue;
      }
      Line line = line(text, s.start());
      if (h.kind() == Dates.Kind.BARE_YEAR && countsSomething(draft, s, line)) {
        continue;
      }
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

  /**
   * True when a bare four-digit number that could be a year plainly counts something: a
   * qualifier such as "more than", "plus de", "более" before it, a currency, scale or percent
   * sign with it, or a counted plural noun after it ("2000 soldats", "1990-2000 troops").
   */
  private static boolean countsSomething(Draft draft, Span s, Line line) {
    String text = draft.text();
    String language = draft.language();
    Optional<Qualifiers.Found> q = Qualifiers.before(text, s.start(), line.start());
    if (q.isPresent()) {
      Bound b = q.get().qualifier().bound();
      if (b == Bound.AT_LEAST || b == Bound.AT_MOST || b == Bound.ABOUT) {
        return true;
      }
    }
    if (Currencies.PREFIX.matcher(text.substring(Math.max(line.start(), s.start() - 8), s.start())).find()) {
      return true;
    }
    int i = s.end();
    // a range of such numbers counts what follows the second: "1990-2000 troops"
    Matcher range = YEAR_RANGE.matcher(text).region(i, Math.min(line.end(), i + 12));
    if (range.lookingAt()) {
      i = range.end();
    }
    if (i < line.end() && text.charAt(i) == '-' && i + 1 < line.end() && Character.isLowerCase(text.charAt(i + 1))) {
      return true; // "a 2000-page report"
    }
    if (Numbers.scaleAt(text, i, language).isPresent() || Currencies.at(text, i, line.end()) != null
        || PERCENT.matcher(text.substring(i, Math.min(line.end(), i + 14))).find()) {
      return true;
    }
    int j = i;
    while (j < line.end() && text.charAt(j) == ' ') {
      j++;
    }
    if (j < line.end() && NumberWords.isHan(text.charAt(j))) {
      return CountedNouns.chineseCount(text, j, line.end());
    }
    if (j == i) {
      return false;
    }
    int k = j;
    while (k < line.end() && (Character.isLetter(text.charAt(k)) || text.charAt(k) == '\'')) {
      k++;
    }
    return k > j && CountedNouns.countedWord(text.substring(j, k), language);
  }

  private static final Pattern YEAR_RANGE = Pattern.compile("\\s?[-–]\\s?\\d{4}(?!\\d)");

  /** Languages whose number words are also other words ("sei", "neuf", "acht"). */
  private static final Set<String> HOMOGRAPH_NUMBER_WORDS = Set.of("fr", "de", "es", "it", "pt");

  /** True when a capitalised word that does not start a sentence stands right before: "Boeing 737". */
  private static boolean afterName(String text, int start, int lineStart) {
    int i = start;
    if (i - 1 < lineStart || text.charAt(i - 1) != ' ') {
      return false;
    }
    i--;
    int e = i;
    while (i > lineStart && Character.isLetter(text.charAt(i - 1))) {
      i--;
    }
    if (e - i < 2 || !Character.isUpperCase(text.charAt(i)) || DateWords.lookup(text.substring(i, e), "und") != null) {
      return false;
    }
    int k = i - 1;
    while (k >= lineStart && text.charAt(k) == ' ') {
      k--;
    }
    return k >= lineStart && ".!?:;\"«“(".indexOf(text.charAt(k)) < 0;
  }

  /** A number in the text, before any scale; {@code words}: written in words. */
  /** A number: where, its value, whether in words, a percentage, another reading, and a unit joined to it. */
  private record Num(int start, int end, BigDecimal value, boolean words, boolean percent, BigDecimal other,
      String unit) {}

  private static List<Num> numbers(String text, String language, List<Span> taken) {
    List<Num> out = new ArrayList<>();
    for (Matcher m = Numbers.DIGITS.matcher(text); m.find(); ) {
      if (inside(taken, m.start()) || ordinalOrTime(text, m.end()) || identifier(text, m.start())
          || decade(text, m.start(), m.end())) {
        continue;
      }
      String scale = Numbers.scaleWordAt(text, m.end(), language);
      out.add(new Num(m.start(), m.end(), Numbers.digits(m, language, scale), false, false,
          scale == null ? Numbers.otherReading(m) : null, null));
    }
    for (NumberWords.Found f : NumberWords.find(text, language)) {
      if (inside(taken, f.start()) || inside(taken, f.end() - 1)) {
        continue;
      }
      out.add(new Num(f.start(), f.end(), f.value(), true, f.percent(), null, f.unit()));
    }
    out.sort((a, b) -> Integer.compare(a.start, b.start));
    return out;
  }

  private Optional<ValueMention> value(Draft draft, Num n, Num next) {
    String text = draft.text();
    String language = draft.language();
    Line line = line(text, n.start);
    BigDecimal low = n.value;
    int end = n.end;
    int start = n.start;
    if (n.unit != null) { // "двухдневного визита": two of день, the unit inside the word
      Optional<Qualifiers.Found> before = Qualifiers.before(text, start, line.start());
      int s = before.map(Qualifiers.Found::start).orElse(start);
      return Optional.of(new ValueMention(new Span(s, end), text.substring(s, end),
          new Value.Count(Quantity.of(low), n.unit), before.map(f -> asNumberBound(f.qualifier()))));
    }
    if (n.percent) {
      Optional<Qualifiers.Found> before = Qualifiers.before(text, start, line.start());
      int s = before.map(Qualifiers.Found::start).orElse(start);
      return Optional.of(new ValueMention(new Span(s, end), text.substring(s, end),
          new Value.Percent(Quantity.of(low)), before.map(f -> asNumberBound(f.qualifier()))));
    }
    Optional<Numbers.Scale> scale = Numbers.scaleAt(text, end, language);
    if (scale.isPresent()) {
      low = low.multiply(scale.get().factor());
      end = scale.get().end();
    }
    BigDecimal high = low;
    String currency = null;
    Matcher prefix = Currencies.PREFIX.matcher(text.substring(Math.max(line.start(), n.start - 8), n.start));
    if (prefix.find()) {
      currency = Currencies.code(prefix.group(1));
      start = n.start - (prefix.end() - prefix.start());
    }
    // a range: "10 to 15", "$200-300 million", "от 10 до 15"; not a change ("rose from 48 to 61")
    if (next != null && next.start - end < 6 && !CHANGE_FROM.matcher(
        text.substring(Math.max(line.start(), start - 40), start)).find()) {
      Matcher joiner = RANGE_JOINER.matcher(text.substring(end, Math.min(line.end(), next.start)));
      if (joiner.find() && end + joiner.end() == next.start) {
        BigDecimal h = next.value;
        int e2 = next.end;
        Optional<Numbers.Scale> s2 = Numbers.scaleAt(text, e2, language);
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
    // "3000多张", "逾一二三億美元多": a Chinese "more than" between the number and its noun
    Optional<Qualifiers.Found> hanAfter = Optional.empty();
    if (end < line.end() && "多余餘".indexOf(text.charAt(end)) >= 0) {
      hanAfter = Qualifiers.after(text, end, line.end());
      if (hanAfter.isPresent()) {
        end = hanAfter.get().end();
        Optional<Numbers.Scale> s3 = Numbers.scaleAt(text, end, language);
        if (s3.isPresent() && scale.isEmpty()) {
          low = low.multiply(s3.get().factor());
          high = high.multiply(s3.get().factor());
          end = s3.get().end();
        }
      }
    }
    int suffixFrom = CountedNouns.skipWrittenOut(text, end, line.end());
    Currencies.Word after = Currencies.at(text, suffixFrom, line.end());
    if (after != null) {
      if (currency == null) {
        currency = after.code();
      }
      end = Currencies.start(text, suffixFrom, line.end()) + after.word().length();
    }
    Value value;
    Matcher percent = PERCENT.matcher(text.substring(end, Math.min(line.end(), end + 14)));
    Quantity q = new Quantity(low, high);
    int aged = -1;
    if (currency != null) {
      value = new Value.Money(q, currency);
    } else if (percent.find()) {
      value = new Value.Percent(q);
      end += percent.end();
    } else if ((aged = Ages.agedBefore(text, start)) >= 0) {
      value = new Value.Count(q, text.substring(aged, aged + 4));
      start = aged;
    } else {
      CountedNouns.Noun noun = CountedNouns.noun(draft, end, line.end(), scale.isPresent());
      if (noun.words().isEmpty() && scale.isEmpty()) {
        return Optional.empty(); // a bare number says nothing on its own
      }
      boolean plural = !noun.words().isEmpty() && CountedNouns.plural(noun.words().split(" ")[0], language);
      if (n.words && HOMOGRAPH_NUMBER_WORDS.contains(language) && !noun.materiel() && !noun.words().isEmpty()
          && !NumberWords.isHan(noun.words().charAt(0)) && !plural) {
        return Optional.empty(); // "sei stato", "neuf": a number word before no counted noun
      }
      if (!n.words && !noun.materiel() && scale.isEmpty() && !plural && afterName(text, n.start, line.start())) {
        return Optional.empty(); // "the Boeing 737 landed": a model, not a count
      }
      if (n.other != null && !q.isRange() && low.stripTrailingZeros().scale() > 0 && !noun.words().isEmpty()
          && n.other.stripTrailingZeros().scale() <= 0) {
        q = Quantity.of(n.other); // "1,200 Mitarbeiter": nobody counts 1.2 employees
      }
      value = noun.materiel() ? new Value.Things(q, noun.words()) : new Value.Count(q, noun.words());
      end = Math.max(end, noun.end());
    }
    Optional<Qualifiers.Found> before = Qualifiers.before(text, start, line.start());
    Optional<Qualifiers.Found> afterQ = hanAfter.isPresent() ? hanAfter : Qualifiers.after(text, end, line.end());
    Optional<Qualifier> qualifier = Optional.empty();
    if (before.isPresent()) {
      qualifier = Optional.of(asNumberBound(before.get().qualifier()));
      start = before.get().start();
    }
    if (afterQ.isPresent()) {
      Qualifier a = asNumberBound(afterQ.get().qualifier());
      qualifier = Optional.of(qualifier.map(b -> new Qualifier(b.text() + " … " + a.text(), a.bound()))
          .orElse(a));
      end = Math.max(end, afterQ.get().end());
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

  /** Whether {@code pos} is inside one of {@code spans}, which are sorted and do not overlap. */
  private static boolean inside(List<Span> spans, int pos) {
    int lo = 0;
    int hi = spans.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Span s = spans.get(mid);
      if (pos < s.start()) {
        hi = mid - 1;
      } else if (pos >= s.end()) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** "80th", "1st", "14:00", "5.30pm" are not quantities. */
  private static boolean ordinalOrTime(String text, int end) {
    String after = text.substring(end, Math.min(text.length(), end + 3));
    boolean suffix = after.startsWith("st") || after.startsWith("nd") || after.startsWith("rd")
        || after.startsWith("th");
    return suffix && (after.length() == 2 || !Character.isLetter(after.charAt(2)))
        || after.startsWith(":") && after.length() > 1 && Character.isDigit(after.charAt(1))
        || after.startsWith("-й") || after.startsWith("-я") || after.startsWith("-е") || after.startsWith("-го");
  }


  /** "the 1990s", "the 2010's": a decade, which neither counts nor dates to a year. */
  private static boolean decade(String text, int start, int end) {
    if (end - start != 4 || text.charAt(end - 1) != '0' || end >= text.length()) {
      return false;
    }
    int s = text.charAt(end) == '\'' || text.charAt(end) == '’' ? end + 1 : end;
    return s < text.length() && text.charAt(s) == 's'
        && (s + 1 >= text.length() || !Character.isLetter(text.charAt(s + 1)));
  }

  /** "No. 44", "№ 7", "Art. 5", "page 12", "Flight 370": a number that names, not counts. */
  private static boolean identifier(String text, int start) {
    return Dates.NAMING_WORD_BEFORE.matcher(text.substring(Math.max(0, start - 16), start)).find();
  }

  private record Line(int start, int end) {}

  /** The line around {@code pos}, at most {@link #LINE_REACH} characters either side of it. */
  private static Line line(String text, int pos) {
    int s = pos;
    while (s > 0 && pos - s < LINE_REACH && text.charAt(s - 1) != '\n') {
      s--;
    }
    int e = pos;
    while (e < text.length() && e - pos < LINE_REACH && text.charAt(e) != '\n') {
      e++;
    }
    return new Line(s, e);
  }

  /** How far a value's context reaches: a line, or this many characters of a very long one. */
  private static final int LINE_REACH = 400;
}
