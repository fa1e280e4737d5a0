package org.dossier.analyze;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.core.EntityMention;
import org.dossier.core.EntityType;
import org.dossier.core.Span;

/**
 * People and organisations in Russian (and Ukrainian) by rules, for want of a model on Maven
 * Central: initials and surname ("А. В. Семиренко"), name and patronymic, titles before names
 * ("полковник Лян Вэньхао"), common first names before a surname, legal forms with quoted names
 * (АО «Калворск Оборонэкспорт»), and institutions named by their head noun ("Министерство
 * обороны России"). Places come from the place gazetteer.
 */
final class RussianNames implements Annotator {
  private static final String UP = "[А-ЯЁІЇЄҐ]";
  private static final String LOW = "[а-яёіїєґ'’]";
  private static final String CAP = UP + LOW + "+(?:-" + UP + LOW + "+)?";

  private static final Pattern INITIALS_SURNAME = Pattern.compile(
      "(?<![\\p{L}])(" + UP + "\\.\\s?(?:" + UP + "\\.\\s?)?" + CAP + ")");
  private static final Pattern SURNAME_INITIALS = Pattern.compile(
      "(?<![\\p{L}])(" + CAP + "\\s" + UP + "\\.\\s?(?:" + UP + "\\.)?)(?![\\p{L}])");
  private static final Pattern PATRONYMIC = Pattern.compile(
      "(?<![\\p{L}])(" + CAP + "\\s" + CAP + "(?:ович|евич|ич|овна|евна|ична|инична|овича|евича|овны|евны|овичем|евичем)"
          + "(?:\\s" + CAP + ")?)(?![\\p{L}])");
  private static final Pattern TITLED = Pattern.compile(
      "(?iu)(?<![\\p{L}])(?:генеральн(?:ый|ого|ому|ым) директор(?:а|у|ом)?|директор(?:а|у|ом)?|президент(?:а|у|ом)?|"
          + "министр(?:а|у|ом)?|полковник(?:а|у|ом)?|генерал(?:а|у|ом)?|майор(?:а|у|ом)?|капитан(?:а|у|ом)?|"
          + "подполковник(?:а|у|ом)?|эксперт(?:а|у|ом)?|аналитик(?:а|у|ом)?|доктор(?:а|у|ом)?|профессор(?:а|у|ом)?|"
          + "господин(?:а|у|ом)?|госпож(?:а|и|е|ой)|посол|посла|премьер-министр(?:а|у|ом)?|председател(?:ь|я|ю|ем)|"
          + "глав(?:а|ы|е|ой)|спикер(?:а|у|ом)?|представител(?:ь|я|ю|ем)|журналист(?:а|у|ом|ка|ки)?|"
          + "корреспондент(?:а|у|ом)?|инструктор(?:а|у|ом)?|переводчи(?:к|ца|ка|цы)|"
          + "научн(?:ый|ого) сотрудник(?:а)?|старш(?:ий|его) научн(?:ый|ого) сотрудник(?:а)?|"
          + "мистер|миссис|доктор)\\s+((?-i:" + CAP + ")(?:\\s(?-i:" + CAP + ")){0,2})");
  private static final Pattern LEGAL_FORM = Pattern.compile(
      "(?<![\\p{L}])((?:АО|ОАО|ЗАО|ООО|ПАО|ГК|ФГУП|АНО|НИИ|ОКБ|КБ|НПО|ФГУ|ГУП|МУП)\\s*«[^»\\n]{1,80}»)");
  private static final Pattern QUOTED_ORG = Pattern.compile(
      "(?iu)(?<![\\p{L}])(?:компани[яиюей]|концерн[аеуом]?|корпораци[яиюей]|агентств[оаеу]|газет[аыеуой]|"
          + "издани[еяю]|групп[аыеуой]|группировк[аиеуой]|холдинг[аеуом]?|фонд[аеуом]?|центр[аеуом]?|"
          + "институт[аеуом]?|завод[аеуом]?|телеканал[аеуом]?|радиостанци[яиюей])\\s+(«[^»\\n]{1,60}»)");
  private static final Pattern INSTITUTION = Pattern.compile(
      "(?<![\\p{L}])((?:Министерств[оаеу]|Командовани[еяю]|Управлени[еяю]|Служб[аыеу]|"
          + "Агентств[оаеу]|Комитет[аеу]?|Совет[аеу]?|Академи[яиюей]|Университет[аеу]?|"
          + "Генеральн(?:ый|ого) штаб[аеу]?|Генштаб[аеу]?|Институт[аеу]?|Штаб[аеу]?|Правительств[оаеу]|"
          + "Администраци[яиюей]|Посольств[оаеу]|Федеральн(?:ая|ой|ую) служб[аыеу]|Центр[аеу]?|"
          + "Кремл[ьяю])"
          + "(?:\\s(?:" + LOW + "+(?:-" + LOW + "+)?|" + CAP + ")){0,6})");
  /** Word endings of Russian verbs in the past and present: they end an institution's name. */
  private static final Pattern VERB = Pattern.compile(
      "(?u)" + LOW + "+(?:ло|ла|ли|лось|лась|лись|ет|ют|ит|ят|ает|яет|ует|ется|ются|ится|ятся|ать|ять|ить|еть)");
  private static final Set<String> FIRST_NAMES = Set.of(
      "Александр", "Алексей", "Анатолий", "Андрей", "Антон", "Аркадий", "Артём", "Артем", "Борис",
      "Вадим", "Валентин", "Валерий", "Василий", "Виктор", "Виталий", "Владимир", "Владислав",
      "Вячеслав", "Геннадий", "Георгий", "Глеб", "Григорий", "Даниил", "Денис", "Дмитрий", "Евгений",
      "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин", "Лев", "Леонид", "Максим", "Михаил",
      "Никита", "Николай", "Олег", "Павел", "Пётр", "Петр", "Роман", "Руслан", "Сергей", "Станислав",
      "Степан", "Тимур", "Фёдор", "Федор", "Юрий", "Ярослав", "Олександр", "Сергій", "Володимир",
      "Дмитро", "Андрій", "Юрій", "Богдан", "Тарас", "Мирослав",
      "Александра", "Алина", "Алла", "Анастасия", "Анна", "Валентина", "Валерия", "Вера", "Виктория",
      "Галина", "Дарья", "Екатерина", "Елена", "Елизавета", "Жанна", "Зоя", "Инна", "Ирина", "Карина",
      "Кристина", "Ксения", "Лариса", "Лидия", "Любовь", "Людмила", "Маргарита", "Марина", "Мария",
      "Надежда", "Наталья", "Наталия", "Нина", "Оксана", "Ольга", "Полина", "Светлана", "София",
      "Софья", "Тамара", "Татьяна", "Юлия", "Яна", "Олена", "Мириам", "Надя");

  @Override
  public Set<Layer> requires() {
    return EnumSet.of(Layer.SENTENCES);
  }

  @Override
  public Set<Layer> produces() {
    return EnumSet.of(Layer.NAMES);
  }

  @Override
  public void annotate(Draft draft) {
    String text = draft.text();
    for (Span sentence : draft.sentences()) {
      if (Garbage.isGarbage(text, sentence)) {
        continue;
      }
      String s = text.substring(sentence.start(), sentence.end());
      int o = sentence.start();
      find(draft, INITIALS_SURNAME, s, o, 1, EntityType.PERSON);
      find(draft, SURNAME_INITIALS, s, o, 1, EntityType.PERSON);
      find(draft, PATRONYMIC, s, o, 1, EntityType.PERSON);
      titled(draft, s, o);
      find(draft, LEGAL_FORM, s, o, 1, EntityType.ORGANIZATION);
      find(draft, QUOTED_ORG, s, o, 1, EntityType.ORGANIZATION);
      institutions(draft, s, o);
      firstNames(draft, s, o);
    }
  }

  private static void find(Draft draft, Pattern p, String s, int offset, int group, EntityType type) {
    for (Matcher m = p.matcher(s); m.find(); ) {
      Span span = new Span(offset + m.start(group), offset + m.end(group));
      String t = draft.cover(span).strip();
      if (t.length() > 2) {
        draft.entities.add(new EntityMention(span, draft.cover(span), type, draft.cover(span), "rules"));
      }
    }
  }

  /** An adjective (not a surname) after a title: "Председателю Государственного комитета". */
  private static final Pattern ADJECTIVE_BEFORE_NOUN = Pattern.compile(
      "(?u)" + CAP + "(?:ого|его|ому|ему|ыми|ими|ный|ний|ская|ское|ской|ских|ную|ных|ным)\\s+" + LOW + "+");

  /** A title and the name after it, unless the "name" is an adjective of a lowercase noun. */
  private static void titled(Draft draft, String s, int offset) {
    for (Matcher m = TITLED.matcher(s); m.find(); ) {
      if (ADJECTIVE_BEFORE_NOUN.matcher(s).region(m.start(1), s.length()).lookingAt()) {
        continue;
      }
      Span span = new Span(offset + m.start(1), offset + m.end(1));
      if (draft.cover(span).strip().length() > 2) {
        draft.entities.add(new EntityMention(span, draft.cover(span), EntityType.PERSON, draft.cover(span), "rules"));
      }
    }
  }

  /** "Министерство обороны России": the head noun and what names it, up to a verb or comma. */
  private static void institutions(Draft draft, String s, int offset) {
    for (Matcher m = INSTITUTION.matcher(s); m.find(); ) {
      int start = m.start(1);
      int end = m.end(1);
      String name = s.substring(start, end);
      String[] words = name.split("\\s");
      int keep = words.length;
      for (int i = 1; i < words.length; i++) {
        if (VERB.matcher(words[i]).matches() || Set.of("и", "в", "на", "с", "по", "что", "о").contains(words[i])) {
          keep = i;
          break;
        }
      }
      if (keep < 2) {
        continue; // a bare "Совет" or "Центр" names nothing in particular
      }
      int len = 0;
      for (int i = 0; i < keep; i++) {
        len += words[i].length() + (i > 0 ? 1 : 0);
      }
      Span span = new Span(offset + start, offset + start + len);
      draft.entities.add(new EntityMention(span, draft.cover(span), EntityType.ORGANIZATION,
          draft.cover(span), "rules"));
    }
  }

  /** A known first name followed by a capitalized word: "Ольга Тарновская". */
  private static void firstNames(Draft draft, String s, int offset) {
    Matcher m = Pattern.compile("(?<![\\p{L}])(" + CAP + ")\\s(" + CAP + ")(?![\\p{L}])").matcher(s);
    int from = 0;
    while (m.find(from)) {
      String first = m.group(1);
      if (FIRST_NAMES.contains(first) || FIRST_NAMES.contains(stripCase(first))) {
        Span span = new Span(offset + m.start(1), offset + m.end(2));
        draft.entities.add(new EntityMention(span, draft.cover(span), EntityType.PERSON,
            draft.cover(span), "rules"));
        from = m.end(2);
      } else {
        from = m.start(2);
      }
    }
  }

  /** A first name back in the nominative: "Ольги" to "Ольга", "Сергея" to "Сергей" (roughly). */
  private static String stripCase(String w) {
    String lower = w.toLowerCase(Locale.ROOT);
    for (String[] e : new String[][] {{"ея", "ей"}, {"ия", "ий"}, {"ы", "а"}, {"и", "а"}, {"а", ""}, {"у", ""}, {"ом", ""}, {"ем", "ей"}}) {
      if (lower.endsWith(e[0])) {
        String base = w.substring(0, w.length() - e[0].length()) + e[1];
        if (FIRST_NAMES.contains(base)) {
          return base;
        }
      }
    }
    return w;
  }
}
