package org.dossier.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The invented world of {@link StoryGenerator}: states, exporters, think tanks, hacker groups,
 * outlets, people and equipment, each with the Cyrillic spelling a Russian article uses. Every
 * Cyrillic name is a plain transliteration of the Latin one, so that Dossier's transliteration key
 * joins them (checked by {@code StoryGeneratorTest}). All of it is fictional; any likeness to real
 * states, firms, outlets, people or weapons is not intended.
 */
final class StoryWorld {
  private StoryWorld() {}

  /** A state, named in Russian after "Республика"/"Республики"/"Республике" so it never declines. */
  record State(String en, String ru) {}

  /** A state exporter of arms. {@code ru} is the name in «quotes» after "компания". */
  record Firm(String en, String ru, State state) {}

  /** A think tank; Russian: full name (nominative), short nominative and short genitive. */
  record Institute(String en, String enShort, String ru, String ruShort, String ruShortGen) {}

  /**
   * Equipment: designation in both scripts, English description (plural) and short noun (plural),
   * the Russian noun counted after a number (one, few and many forms).
   */
  record Equipment(String en, String ru, String descEn, String nounEn, String[] nounRu) {
    /** The Russian noun counted after {@code n}: "машина", "машины" or "машин". */
    String nounRu(long n) {
      return StoryWorld.plural(n, nounRu[0], nounRu[1], nounRu[2]);
    }
  }

  /** A person; {@code female} decides Russian verb endings. */
  record Person(String firstEn, String lastEn, String firstRu, String lastRu, boolean female) {
    String en() {
      return firstEn + " " + lastEn;
    }

    String ru() {
      return firstRu + " " + lastRu;
    }

    /** "сказал" or "сказала" for the Russian past-tense verb stem given. */
    String verbRu(String stem) {
      return female ? stem + "а" : stem;
    }
  }

  /**
   * An outlet. English outlets are written in Latin letters in Russian text too; Russian outlets
   * in «quotes». {@code slug} names its files.
   */
  record Outlet(String name, String abbr, String slug, boolean russian, boolean wire) {
    /** "the Marlow Tribune", "Northline Wire" (wires take no article), «Мальский курьер». */
    String theEn() {
      return wire ? name : "the " + name;
    }

    String ru() {
      return russian ? "«" + name + "»" : name;
    }
  }

  /** A buyer's unit: English name, Russian accusative ("морскую пехоту"), Russian genitive. */
  record Unit(String en, String enShort, String ruAcc, String ruGen) {}

  static final List<State> STATES = List.of(
      new State("Belyrod", "Белырод"), new State("Haolan", "Хаолан"),
      new State("Velmora", "Велмора"), new State("Drustania", "Друстания"),
      new State("Karvenia", "Карвения"), new State("Selvaria", "Селвария"),
      new State("Norvat", "Норват"), new State("Kalmira", "Калмира"),
      new State("Zaberia", "Заберия"), new State("Marenia", "Марения"),
      new State("Ostravel", "Остравел"), new State("Tesmark", "Тесмарк"));

  /** Exporters; only their states sell. */
  static final List<Firm> FIRMS = List.of(
      new Firm("Kalvorsk Defence Export", "Калворск Дифенс Экспорт", STATES.get(0)),
      new Firm("Dravets Arms", "Дравец Армс", STATES.get(2)),
      new Firm("Ustral Machine Works", "Устрал Машин Воркс", STATES.get(3)),
      new Firm("Borvek Export", "Борвек Экспорт", STATES.get(4)),
      new Firm("Temlin Industries", "Темлин Индастриз", STATES.get(5)),
      new Firm("Galvard Ordnance", "Галвард Орднанс", STATES.get(10)));

  static final List<Institute> INSTITUTES = List.of(
      new Institute("Halden Institute for Strategic Analysis", "Halden Institute",
          "Институт стратегического анализа «Халден»", "институт «Халден»", "института «Халден»"),
      new Institute("Korvel Centre for Security Studies", "Korvel Centre",
          "Центр исследований безопасности «Корвел»", "центр «Корвел»", "центра «Корвел»"),
      new Institute("Istrand Peace Research Institute", "Istrand Institute",
          "Институт исследований мира «Истранд»", "институт «Истранд»", "института «Истранд»"),
      new Institute("Tavrel Arms Monitor", "Tavrel Monitor",
          "Мониторинговый центр «Таврел»", "центр «Таврел»", "центра «Таврел»"),
      new Institute("Okren Foundation for Defence Policy", "Okren Foundation",
          "Фонд оборонной политики «Окрен»", "фонд «Окрен»", "фонда «Окрен»"));

  static final String[][] HACKERS = {{"Varan", "Варан"}, {"Mirel", "Мирел"}, {"Korsa", "Корса"},
    {"Tenebrik", "Тенебрик"}};

  static final List<Equipment> EQUIPMENT = List.of(
      new Equipment("Kestrel-9M", "Кестрел-9М", "light amphibious vehicles", "vehicles",
          new String[] {"машина", "машины", "машин"}),
      new Equipment("Taiga-SP", "Тайга-СП", "self-propelled anti-tank guns", "guns",
          new String[] {"орудие", "орудия", "орудий"}),
      new Equipment("Gorlan-K", "Горлан-К", "airborne armoured personnel carriers", "carriers",
          new String[] {"бронетранспортёр", "бронетранспортёра", "бронетранспортёров"}),
      new Equipment("Oblako-500", "Облако-500", "heavy-drop parachute systems", "systems",
          new String[] {"система", "системы", "систем"}),
      new Equipment("Vetrov-3", "Ветров-3", "coastal patrol boats", "boats",
          new String[] {"катер", "катера", "катеров"}),
      new Equipment("Berkan-7", "Беркан-7", "transport helicopters", "helicopters",
          new String[] {"вертолёт", "вертолёта", "вертолётов"}),
      new Equipment("Lomar-2", "Ломар-2", "short-range air defence systems", "systems",
          new String[] {"система", "системы", "систем"}),
      new Equipment("Tarvik-4", "Тарвик-4", "light tanks", "tanks",
          new String[] {"танк", "танка", "танков"}),
      new Equipment("Drevan-6", "Древан-6", "light transport aircraft", "aircraft",
          new String[] {"самолёт", "самолёта", "самолётов"}),
      new Equipment("Ustin-8", "Устин-8", "self-propelled howitzers", "howitzers",
          new String[] {"установка", "установки", "установок"}),
      new Equipment("Zelvan-M", "Зелван-М", "multiple rocket launchers", "launchers",
          new String[] {"установка", "установки", "установок"}),
      new Equipment("Brovek-10", "Бровек-10", "armoured trucks", "trucks",
          new String[] {"машина", "машины", "машин"}),
      new Equipment("Kalder-1", "Калдер-1", "mine-clearing vehicles", "vehicles",
          new String[] {"машина", "машины", "машин"}),
      new Equipment("Rysan-4", "Рысан-4", "jet trainers", "trainers",
          new String[] {"самолёт", "самолёта", "самолётов"}));

  static final List<Unit> UNITS = List.of(
      new Unit("Airborne Forces Command", "paratroopers", "воздушно-десантные войска", "воздушно-десантных войск"),
      new Unit("Marine Corps", "marines", "морскую пехоту", "морской пехоты"),
      new Unit("Border Guard Service", "border guards", "пограничную службу", "пограничной службы"),
      new Unit("Ground Forces", "army", "сухопутные войска", "сухопутных войск"),
      new Unit("Coastal Defence Command", "coastal forces", "береговую оборону", "береговой обороны"),
      new Unit("Air Force", "air force", "военно-воздушные силы", "военно-воздушных сил"));

  /** English outlets, then Russian ones. */
  static final List<Outlet> OUTLETS = List.of(
      new Outlet("Marlow Tribune", "MT", "marlow-tribune", false, false),
      new Outlet("Eastgate Herald", "EH", "eastgate-herald", false, false),
      new Outlet("Port Ellery Courier", "PEC", "port-ellery-courier", false, false),
      new Outlet("Northline Wire", "NLW", "northline-wire", false, true),
      new Outlet("Kestwick Post", "KP", "kestwick-post", false, false),
      new Outlet("Alder Valley Times", "AVT", "alder-valley-times", false, false),
      new Outlet("Fenmere Ledger", "FL", "fenmere-ledger", false, false),
      new Outlet("Coastline Daily", "CD", "coastline-daily", false, false),
      new Outlet("Greymoor Chronicle", "GC", "greymoor-chronicle", false, false),
      new Outlet("Westmarch Review", "WR", "westmarch-review", false, false),
      new Outlet("Tallis Bay Observer", "TBO", "tallis-bay-observer", false, false),
      new Outlet("Pennock Standard", "PS", "pennock-standard", false, false),
      new Outlet("Ravenbrook Dispatch", "RD", "ravenbrook-dispatch", false, false),
      new Outlet("Orvel News Agency", "ONA", "orvel-news-agency", false, true),
      new Outlet("Halcyon Press Service", "HPS", "halcyon-press-service", false, true),
      new Outlet("Острельский вестник", "ОСВ", "ostrelsky-vestnik", true, false),
      new Outlet("Мальский курьер", "МКР", "malsky-kurier", true, false),
      new Outlet("Вестник Порт-Эллери", "ВПЭ", "vestnik-port-ellery", true, false),
      new Outlet("Таллисский обозреватель", "ТЛО", "tallissky-obozrevatel", true, false),
      new Outlet("Заречная хроника", "ЗХР", "zarechnaya-khronika", true, false),
      new Outlet("Новости Дальмира", "НДЛ", "novosti-dalmira", true, true));

  static List<Outlet> english() {
    return OUTLETS.stream().filter(o -> !o.russian()).toList();
  }

  static List<Outlet> russian() {
    return OUTLETS.stream().filter(Outlet::russian).toList();
  }

  /** First names: Latin, Cyrillic, female. */
  static final Object[][] FIRST = {
    {"Miriam", "Мириам", true}, {"Nadia", "Надя", true}, {"Lena", "Лена", true},
    {"Irena", "Ирена", true}, {"Marta", "Марта", true}, {"Daria", "Дарья", true},
    {"Sabina", "Сабина", true}, {"Vera", "Вера", true}, {"Tomas", "Томас", false},
    {"Viktor", "Виктор", false}, {"Pavel", "Павел", false}, {"Anton", "Антон", false},
    {"Oskar", "Оскар", false}, {"Ilan", "Илан", false}, {"Roman", "Роман", false},
    {"Teodor", "Теодор", false}};

  /** Surnames that do not change with gender. */
  static final String[][] LAST = {
    {"Semirenko", "Семиренко"}, {"Strelets", "Стрелец"}, {"Khabenko", "Хабенко"},
    {"Ferran", "Ферран"}, {"Okafor", "Окафор"}, {"Morant", "Морант"}, {"Delmar", "Делмар"},
    {"Korvin", "Корвин"}, {"Ostrand", "Остранд"}, {"Pellan", "Пеллан"}, {"Sorvik", "Сорвик"},
    {"Tamsen", "Тамсен"}, {"Rudak", "Рудак"}, {"Melnor", "Мелнор"}, {"Gavrel", "Гаврел"},
    {"Lindar", "Линдар"}, {"Brekel", "Брекел"}, {"Haskel", "Хаскел"}, {"Venner", "Веннер"},
    {"Dalgren", "Далгрен"}, {"Ambrel", "Амбрел"}, {"Lisenko", "Лисенко"},
    {"Moravets", "Моравец"}, {"Torbin", "Торбин"}};

  /** Provinces, for floods and fires. */
  static final String[][] PROVINCES = {
    {"Ostrel", "Острел"}, {"Malka", "Малка"}, {"Sorvin", "Сорвин"}, {"Tesk", "Теск"},
    {"Dalmir", "Далмир"}, {"Brenno", "Бренно"}, {"Kuvar", "Кувар"}, {"Lisvan", "Лисван"}};

  static final String[][] RIVERS = {
    {"Malka", "Малка"}, {"Tesna", "Тесна"}, {"Orvet", "Орвет"}, {"Dubra", "Дубра"}};

  static final String[][] PARTIES = {{"Soren", "Сорен"}, {"Alvar", "Алвар"}, {"Tesmin", "Тесмин"}};

  static Person person(int first, int last) {
    Object[] f = FIRST[first];
    return new Person((String) f[0], LAST[last][0], (String) f[1], LAST[last][1], (Boolean) f[2]);
  }

  /** Every pair of Latin and Cyrillic spellings of one name, for the transliteration check. */
  static List<String[]> spellings() {
    List<String[]> out = new ArrayList<>();
    STATES.forEach(s -> out.add(new String[] {s.en(), s.ru()}));
    FIRMS.forEach(f -> out.add(new String[] {f.en().split(" ")[0], f.ru().split(" ")[0]}));
    EQUIPMENT.forEach(e -> out.add(new String[] {e.en(), e.ru()}));
    for (Object[] f : FIRST) {
      out.add(new String[] {(String) f[0], (String) f[1]});
    }
    for (String[][] list : new String[][][] {LAST, PROVINCES, RIVERS, PARTIES, HACKERS}) {
      for (String[] p : list) {
        out.add(p);
      }
    }
    out.add(new String[] {"Halden", "Халден"});
    out.add(new String[] {"Korvel", "Корвел"});
    out.add(new String[] {"Istrand", "Истранд"});
    out.add(new String[] {"Tavrel", "Таврел"});
    out.add(new String[] {"Okren", "Окрен"});
    return out;
  }

  /** Russian plural: 1, 21 → one; 2-4, 22-24 → few; else many. */
  static String plural(long n, String one, String few, String many) {
    long m10 = n % 10;
    long m100 = n % 100;
    if (m10 == 1 && m100 != 11) {
      return one;
    }
    if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) {
      return few;
    }
    return many;
  }
}
