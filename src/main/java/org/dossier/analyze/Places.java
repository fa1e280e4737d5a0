package org.dossier.analyze;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dossier.core.EntityType;

/**
 * Place names in English, Russian, Chinese, French, German, Spanish, Italian, Portuguese and
 * Dutch from ICU's own locale data: every country's
 * display name, and the exemplar city of every time zone (Moscow/Москва/莫斯科, Taipei/Тайбэй/台北
 * ...), plus the short forms the press uses (US, U.K., США, 美国). No outside list is copied.
 */
final class Places {
  private static final ULocale[] LANGUAGES = {ULocale.ENGLISH, new ULocale("ru"), ULocale.SIMPLIFIED_CHINESE,
      ULocale.TRADITIONAL_CHINESE, ULocale.FRENCH, ULocale.GERMAN, new ULocale("es"), ULocale.ITALIAN,
      new ULocale("pt"), new ULocale("nl")};
  /** Time-zone cities whose names are also common words or first names. */
  private static final Set<String> AMBIGUOUS = Set.of(
      "Center", "Regina", "Victoria", "Marengo", "Knox", "Vevay", "Winamac", "Monticello",
      "Beulah", "Salem", "Petersburg", "Tell City", "Vincennes", "Louisville", "Boise", "Eucla",
      "Casey", "Davis", "Mawson", "Palmer", "Rothera", "Troll", "Vostok", "Macquarie", "Metlakatla",
      "Nome", "Sitka", "Yakutat", "Creston", "Thule", "Danmarkshavn", "Currie", "Lindeman", "Midway",
      "Wake", "Easter", "Chatham", "Norfolk", "Johnston", "Mahe", "Reunion", "Enderbury", "Noronha",
      "Hobart", "Darwin", "Perth", "Sydney", "Melbourne");
  private static final String[][] SHORT_FORMS = {
    {"United States", "US", "U.S.", "USA", "U.S.A.", "America", "США", "Соединённые Штаты", "美国"},
    {"United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "Великобритания", "Британия", "英国"},
    {"Russia", "Russian Federation", "Россия", "Российская Федерация", "РФ", "俄罗斯", "俄国"},
    {"China", "People's Republic of China", "PRC", "Китай", "КНР", "中国", "中华人民共和国"},
    {"Taiwan", "Тайвань", "台湾"},
    {"North Korea", "DPRK", "КНДР", "Северная Корея", "朝鲜"},
    {"South Korea", "Republic of Korea", "Южная Корея", "Республика Корея", "韩国"},
    {"Ukraine", "Украина", "乌克兰"},
    {"European Union", "EU", "ЕС", "欧盟"},
    {"Indo-Pacific", "Indo Pacific", "Индо-Тихоокеанский регион", "印太"}
  };

  private Places() {}

  /** Built on first use: the gazetteer is read only once made. */
  private static final class Shared {
    static final Gazetteer PLACES = gazetteer();
  }

  /** The place gazetteer, built once for the analyzers and for lookups outside a document's analysis. */
  static Gazetteer shared() {
    return Shared.PLACES;
  }

  static Gazetteer gazetteer() {
    List<Gazetteer.Entry> entries = new ArrayList<>();
    for (String[] forms : SHORT_FORMS) {
      entries.add(new Gazetteer.Entry(EntityType.PLACE, forms[0], List.of(forms).subList(1, forms.length)));
    }
    for (String cc : ULocale.getISOCountries()) {
      ULocale country = new ULocale("", cc);
      Set<String> names = new LinkedHashSet<>();
      for (ULocale lang : LANGUAGES) {
        String n = country.getDisplayCountry(lang);
        if (!n.isBlank() && !n.equals(cc)) {
          names.add(n);
        }
      }
      if (names.size() > 1) {
        List<String> all = new ArrayList<>(names);
        entries.add(new Gazetteer.Entry(EntityType.PLACE, all.get(0), all.subList(1, all.size())));
      }
    }
    TimeZoneNames[] zoneNames = new TimeZoneNames[LANGUAGES.length];
    for (int i = 0; i < LANGUAGES.length; i++) {
      zoneNames[i] = TimeZoneNames.getInstance(LANGUAGES[i]);
    }
    for (String id : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
      if (id.chars().filter(c -> c == '/').count() != 1) {
        continue; // America/Indiana/Knox and the like
      }
      Set<String> names = new LinkedHashSet<>();
      for (TimeZoneNames z : zoneNames) {
        String n = z.getExemplarLocationName(id);
        if (n != null && !n.isBlank()) {
          names.add(n);
        }
      }
      if (names.isEmpty()) {
        continue;
      }
      List<String> all = new ArrayList<>(names);
      if (AMBIGUOUS.contains(all.get(0))) {
        continue;
      }
      entries.add(new Gazetteer.Entry(EntityType.PLACE, all.get(0), all.subList(1, all.size())));
    }
    return Gazetteer.of(entries).capitalsOnly();
  }
}
