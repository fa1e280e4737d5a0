package org.dossier.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic fictional prose in English, Russian and Chinese: common words of each language,
 * invented names (with Cyrillic spellings), invented equipment, numbers and dates. Never real text.
 */
final class FictionalText {
  static final List<String> ENGLISH = List.of(
      "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be",
      "by", "on", "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have",
      "an", "had", "they", "you", "were", "their", "one", "all", "we", "can", "her", "has",
      "there", "been", "if", "more", "when", "will", "would", "who", "so", "no", "contract",
      "delivery", "payment", "vehicles", "training", "battalion", "documents", "meeting",
      "schedule", "equipment", "agreement", "minister", "delegation", "analysis", "report",
      "leaked", "signed", "draft", "annex", "price", "total", "stage", "supplier", "buyer",
      "airborne", "parachute", "radio", "navigation", "repair", "centre", "officer", "letter");
  static final List<String> RUSSIAN = List.of(
      "и", "в", "не", "на", "что", "с", "по", "это", "к", "из", "за", "от", "для", "о", "как",
      "также", "контракт", "поставка", "оплата", "машины", "обучение", "батальон", "документы",
      "встреча", "график", "техника", "соглашение", "министр", "делегация", "анализ", "отчёт",
      "подписан", "проект", "приложение", "цена", "итого", "этап", "поставщик", "покупатель",
      "десантный", "парашютный", "связь", "навигация", "ремонт", "центр", "офицер", "письмо");
  static final List<String> CHINESE = List.of(
      "合同", "交付", "付款", "车辆", "培训", "营", "文件", "会议", "时间表", "装备", "协议",
      "部长", "代表团", "分析", "报告", "签署", "草案", "附件", "价格", "总计", "阶段");
  /** Invented names, each with the Cyrillic spelling a Russian document would use. */
  static final String[][] NAMES = {
    {"Semirenko", "Семиренко"}, {"Tarnovskaya", "Тарновская"}, {"Dorokhin", "Дорохин"},
    {"Strelets", "Стрелец"}, {"Voronova", "Воронова"}, {"Kalyuzhny", "Калюжный"},
    {"Yevdokimov", "Евдокимов"}, {"Shchukina", "Щукина"}, {"Zhuravlyov", "Журавлёв"},
    {"Khabenko", "Хабенко"}
  };
  static final String[][] EQUIPMENT = {
    {"Kestrel-9M", "Кестрел-9М"}, {"Taiga-SP", "Тайга-СП"}, {"Gorlan-K", "Горлан-К"},
    {"Oblako-500", "Облако-500"}, {"Vetrov-3", "Ветров-3"}
  };

  private final Random random;

  FictionalText(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  String language() {
    int r = random.nextInt(10);
    return r < 6 ? "en" : r < 9 ? "ru" : "zh";
  }

  LocalDate date() {
    return LocalDate.of(2019, 1, 1).plusDays(random.nextInt(365 * 6));
  }

  /** About {@code words} words of prose in the language, in sentences. */
  String prose(String language, int words) {
    StringBuilder out = new StringBuilder(words * 7);
    int inSentence = 0;
    for (int i = 0; i < words; i++) {
      String w = word(language);
      if (inSentence == 0 && !language.equals("zh")) {
        w = w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
      }
      out.append(w);
      inSentence++;
      if (inSentence > 8 + random.nextInt(14)) {
        out.append(language.equals("zh") ? "。" : ". ");
        inSentence = 0;
      } else if (!language.equals("zh")) {
        out.append(' ');
      }
      if (random.nextInt(400) == 0) {
        out.append("\n\n");
      }
    }
    return out.toString();
  }

  private String word(String language) {
    int r = random.nextInt(100);
    if (r < 2) {
      String[] name = NAMES[random.nextInt(NAMES.length)];
      return language.equals("ru") ? name[1] : name[0];
    }
    if (r < 4) {
      String[] eq = EQUIPMENT[random.nextInt(EQUIPMENT.length)];
      return language.equals("ru") ? eq[1] : eq[0];
    }
    if (r < 6) {
      return Integer.toString(random.nextInt(r < 5 ? 100 : 1_000_000));
    }
    if (r < 7) {
      return date().toString();
    }
    List<String> vocabulary =
        language.equals("ru") ? RUSSIAN : language.equals("zh") ? CHINESE : ENGLISH;
    // a Zipf-like choice: frequent words much more often
    int n = vocabulary.size();
    int index = (int) Math.min(n - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * n));
    return vocabulary.get(index);
  }
}
