package org.dossier.link;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words the link stage reads claims by, in English, Russian and Chinese: what event a date
 * belongs to, what role an amount of money plays, which part of a whole a number is about, and
 * which common count nouns mean the same thing across languages. Latin and Cyrillic entries are
 * word prefixes of the folded (lower-case, accent-free) word; Chinese entries are substrings.
 */
final class Lexicon {
  private Lexicon() {}

  /** A concept and the word prefixes (or Han substrings) that name it. */
  record Entry(String concept, List<String> prefixes) {
    boolean matches(String word) {
      for (String p : prefixes) {
        if (isHan(p) ? word.contains(p)
            : p.startsWith("=") ? word.equals(p.substring(1)) : word.startsWith(p)) {
          return true;
        }
      }
      return false;
    }
  }

  private static Entry e(String concept, String... prefixes) {
    return new Entry(concept, List.of(prefixes));
  }

  /** Events a date can belong to, in order of precedence when one word names several. */
  static final List<Entry> EVENTS = List.of(
      e("agreement", "agree", "deal", "signed", "signing", "signature", "=sign", "concluded", "sold",
          "sell", "sale", "purchas", "договорил", "соглаш", "соглас", "подпис", "заключ",
          "сделк", "продаж", "прода", "закуп", "签署", "签订", "签约", "协议", "达成"),
      e("delivery", "deliver", "supply", "supplied", "suppli", "shipment", "shipped", "handover",
          "handed", "arriv", "постав", "отгруз", "交付", "交货", "运抵", "供应"),
      e("payment", "=pay", "paid", "payment", "instalment", "installment", "tranche", "advance",
          "оплат", "плат", "аванс", "транш", "付款", "支付", "预付"),
      e("publication", "publish", "analysis", "announc", "posted",
          "опубликов", "публик", "доклад", "анализ", "отчет", "объяв", "发布", "公布", "报告"),
      e("meeting", "meeting", "=met", "talks", "visit", "summit", "negotiat", "встреч", "переговор",
          "визит", "совещан", "会议", "会谈", "会晤", "访问"),
      e("leak", "leak", "hack", "stole", "stolen", "breach", "taken", "releas", "утечк", "утек", "взлом",
          "похищ", "похит", "泄露", "窃取"),
      e("training", "train", "обучен", "обуча", "подготовк", "培训", "训练"),
      e("exercise", "exercise", "drill", "manoeuvr", "maneuv", "учени", "演习"),
      e("invasion", "invade", "invasion", "seize", "вторжен", "захват", "入侵", "攻占"),
      e("readiness", "ready", "prepared", "readiness", "готов", "准备"),
      e("founding", "founded", "established", "основан", "создан", "成立"),
      e("election", "election", "vote", "elected", "выбор", "голосов", "选举"));

  /**
   * Names of a contract: an event only right next to its date ("the contract of 14 October
   * 2024", "договор от 14.10.2024"), since elsewhere a contract is what the sentence is about,
   * not when.
   */
  static final Entry CONTRACT = e("agreement", "contract", "контракт", "договор", "合同");

  /** Words between a contract and its date: "of", "dated", "от". */
  static final java.util.Set<String> CONTRACT_LINK = java.util.Set.of("of", "dated", "from", "signed", "on", "от", "г", "года");

  /** Words before an event or a part that make it a different one: "initial agreement". */
  static final List<Entry> ORDINALS = List.of(
      e("first", "first", "1st", "initial", "preliminary", "original", "framework", "earlier",
          "перв", "первоначальн", "предварительн", "рамочн", "初步", "首"),
      e("second", "second", "2nd", "втор", "第二"),
      e("third", "third", "3rd", "трет", "第三"),
      e("final", "final", "last", "remaining", "окончательн", "заключительн", "последн", "остальн",
          "最终", "最后", "剩余"),
      e("draft", "draft", "проект", "草案"));

  /** Number words after a part noun: "stage two", "этап 2". */
  static Optional<String> ordinalAfter(String word) {
    return switch (word) {
      case "one", "1", "i" -> Optional.of("first");
      case "two", "2", "ii" -> Optional.of("second");
      case "three", "3", "iii" -> Optional.of("third");
      default -> Optional.empty();
    };
  }

  /** Nouns naming a part of a whole: a batch, a stage of payment. */
  static final Entry PARTS = e("part", "batch", "stage", "tranche", "phase", "instalment",
      "installment", "lot", "shipment", "партия", "партии", "этап", "транш", "очеред", "批", "期", "阶段");

  /** What an amount of money is. */
  static final List<Entry> MONEY_ROLES = List.of(
      e("unit price", "each", "apiece", "per unit", "per vehicle", "unit price", "a piece",
          "за единицу", "за штуку", "цена единицы", "каждая", "каждый", "单价", "每辆", "每台", "每套"),
      e("payment", "advance", "payment", "instalment", "installment", "tranche", "stage", "pay",
          "paid", "due", "аванс", "платеж", "платёж", "оплат", "транш", "этап", "付款", "预付", "支付"),
      e("value", "contract", "deal", "agreement", "worth", "valued", "value", "total", "cost",
          "package", "order", "контракт", "договор", "сделк", "стоимост", "сумм", "итого", "общ",
          "заказ", "合同", "总额", "总价", "价值", "总计", "订单"));

  /** Common count nouns that mean the same thing in the three languages. */
  static final List<Entry> COUNT_CONCEPTS = List.of(
      e("pages", "page", "страниц", "页"),
      e("documents", "document", "file", "документ", "файл", "文件"),
      e("exercises", "exercise", "drill", "manoeuvr", "maneuv", "учени", "演习"),
      e("people", "people", "person", "inhabitant", "resident", "человек", "жител", "人"),
      e("troops", "troop", "soldier", "servicem", "paratroop", "военнослуж", "солдат", "десантник", "士兵", "官兵"),
      e("vehicles", "vehicle", "машин", "车"),
      e("villages", "village", "=сел", "сёл", "деревн", "村"),
      e("countries", "countr", "nation", "стран", "государств", "国家"),
      e("instructors", "instructor", "инструктор", "教官"),
      e("weeks", "week", "недел", "周", "星期"),
      e("months", "month", "месяц", "个月"),
      e("years", "year", "=год", "=года", "=году", "=лет", "年"),
      e("days", "=day", "=days", "=дней", "=дня", "=день", "天"),
      e("hours", "hour", "=час", "=часа", "=часов", "小时"));

  static final List<String> TIME_UNITS = List.of("weeks", "months", "years", "days", "hours");

  /** "ago", "назад", "前": a count of time units before the document's date, not a duration. */
  static final Pattern AGO = Pattern.compile("(?iu)^\\s*(?:ago|earlier|before|назад|тому назад|前)");

  /**
   * Words of the news trade in an organisation's name that make it a news outlet, in the seven
   * languages; no outlet is named here (an outlet without such a word is known as one by how the
   * texts cite it: a wire dateline, "reported", or an article of the case it published).
   */
  static final Pattern OUTLET_WORDS = Pattern.compile(
      "(?iu)\\b(?:post|times|tribune|herald|news|newswire|wire|courier|radio|television|tv|press|"
          + "journal|gazette|telegraph|observer|agency|chronicle|daily|weekly|magazine|ledger|"
          + "bulletin|dispatch|monitor|inquirer|reporter|review|digest|broadcast\\w*|sentinel|examiner|"
          + "newspaper|network|channel|"
          + "вестник|газета|радио|агентство|телеканал|телевидение|новости|курьер|ведомости|известия|пресса|"
          + "journal|quotidien|presse|agence|télévision|chaîne|hebdomadaire|"
          + "zeitung|nachrichten|rundfunk|presseagentur|nachrichtenagentur|fernsehen|wochenzeitung|"
          + "diario|periódico|noticias|agencia|prensa|televisión|semanario|"
          + "giornale|quotidiano|notizie|agenzia|stampa|televisione|settimanale)\\b"
          + "|日报|日報|晚报|晚報|时报|時報|新闻|新聞|电视台|電視台|通讯社|通訊社|广播|廣播|报社|報社|杂志|雜誌");

  /** Words that make an outlet a newspaper or a station rather than a wire agency. */
  static final Pattern PUBLICATION_WORDS = Pattern.compile(
      "(?iu)\\b(?:post|times|tribune|herald|courier|journal|gazette|telegraph|observer|chronicle|daily|weekly|"
          + "magazine|ledger|bulletin|inquirer|sentinel|examiner|review|newspaper|radio|television|tv|channel|"
          + "газета|вестник|известия|ведомости|радио|телеканал|quotidien|hebdomadaire|chaîne|zeitung|rundfunk|"
          + "diario|periódico|semanario|giornale|quotidiano|settimanale)\\b"
          + "|日报|日報|晚报|晚報|时报|時報|电视台|電視台|[报報]$");

  /** True for a newspaper's or a station's name ("Eastgate Herald"), which is no wire agency's. */
  static boolean isPublicationName(String name) {
    return PUBLICATION_WORDS.matcher(name.strip()).find();
  }

  /** A proper name (capitalised, or Chinese) with a word of the news trade in it. */
  static boolean isOutletName(String name) {
    String n = name.strip().replaceFirst("^(?:the|The)\\s+", "");
    if (n.isEmpty()) {
      return false;
    }
    int first = n.codePointAt(0);
    boolean proper = Character.isUpperCase(first) || Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN
        || first == '«' || first == '"' || first == '“';
    return proper && OUTLET_WORDS.matcher(n).find();
  }

  /** A line that credits where a text was first published: "This article was first published by X." */
  static final Pattern CREDIT = Pattern.compile(
      "(?iu)(?:(?:this|the) (?:article|story|interview|report|piece|text) (?:was |is )?(?:first |originally )?"
          + "(?:published|republished|reproduced|broadcast|aired|appeared)|(?:first|originally) (?:published|appeared|aired|broadcast)"
          + "|republished|reprinted|reproduced) (?:with permission )?(?:by|in|on|at|from|of)\\s+(?:the\\s+)?"
          + "([\\p{Lu}][\\p{L}\\p{N}&'’./\\- ]{1,60}?)(?=[.,;:)\\n]|\\s*$)"
          + "|(?imu)^\\s*(?:source|источник|来源|оригинал|original)\\s*[:：]\\s*([^\\n]{2,80})$"
          + "|(?iu)(?:впервые опубликован\\p{L}*|перепечатан\\p{L}*)\\s+(?:в|на)?\\s*[«\"]?([^»\"\\n.,]{2,60})"
          + "|转载自\\s*([^\\s，。]{2,30})");

  static boolean isHan(String s) {
    return !s.isEmpty() && Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.HAN;
  }

  /** The first entry naming {@code word} (already folded), if any. */
  static Optional<Entry> find(List<Entry> entries, String word) {
    for (Entry entry : entries) {
      if (entry.matches(word)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  static String fold(String s) {
    return org.dossier.analyze.Sentences.fold(s);
  }
}
