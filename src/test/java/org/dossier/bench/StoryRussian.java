package org.dossier.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dossier.bench.StoryGenerator.Article;
import org.dossier.bench.StoryGenerator.Buf;
import org.dossier.bench.StoryGenerator.Form;
import org.dossier.bench.StoryGenerator.Role;
import org.dossier.bench.StoryGenerator.Sent;
import org.dossier.bench.StoryGenerator.Story;
import org.dossier.bench.StoryGenerator.Val;
import org.dossier.bench.StoryWorld.Equipment;

/**
 * The Russian wording of {@link StoryGenerator}'s sentences: what a translation of the English
 * sentence says, with the same values in Russian forms ("312,4 млн долларов", "в октябре 2024
 * года", "24 машины «Кестрел-9М»"). States follow "Республика", so their names never decline.
 */
final class StoryRussian {
  private StoryRussian() {}

  static String headline(Story s, int h) {
    String S = "Республика " + s.seller.ru();
    String B = s.buyer.ru();
    return switch (s.topic) {
      case ARMS -> switch (h) {
        case 0 -> "Утечка контрактов: " + S + " вооружает " + s.unit.ruAcc() + " Республики " + B;
        case 1 -> S + " поставит Республике " + B + " технику «" + s.items.get(0).ru() + "»";
        default -> "СМИ: " + S + " продала Республике " + B + " технику «" + s.items.get(0).ru() + "»";
      };
      case FLOODS -> switch (h) {
        case 0 -> "Наводнение отрезало деревни в провинции " + s.province[1] + " Республики " + s.seller.ru();
        case 1 -> "Сильные дожди отрезали деревни в Республике " + s.seller.ru();
        default -> "Наводнение в Республике " + s.seller.ru() + ": тысячи людей эвакуированы";
      };
      case ELECTION -> switch (h) {
        case 0 -> "Правящая партия «" + s.party[1] + "» удержала власть на выборах в Республике " + B;
        case 1 -> "Выборы в Республике " + B + ": партия «" + s.party[1] + "» заявила о победе";
        default -> "Партия «" + s.party[1] + "» получила большинство мест в Республике " + B;
      };
      default -> switch (h) {
        case 0 -> "Пожар на заводе в провинции " + s.province[1] + " Республики " + s.seller.ru();
        case 1 -> "В Республике " + s.seller.ru() + " при пожаре на заводе пострадали рабочие";
        default -> "Пожар на заводе в Республике " + s.seller.ru() + " нанёс большой ущерб";
      };
    };
  }

  static String byline(Article a) {
    return a.author.ru() + ", " + a.outlet.ru() + ", " + day(a.date);
  }

  static String dateline(Article a) {
    return a.date.getDayOfMonth() + " " + StoryGenerator.MONTHS_RU_GEN[a.date.getMonthValue() - 1]
        + " (" + a.outlet.ru() + ") — ";
  }

  static void sentence(Buf b, Sent x, Story s, Article a) {
    String S = "Республика " + s.seller.ru();
    String sGen = "Республики " + s.seller.ru();
    String B = s.buyer.ru();
    int w = x.wording() % 2;
    int t = x.wording() / 2;
    String C = x.cited() == null ? "" : "издание " + x.cited().ru();
    String Cdat = x.cited() == null ? "" : "изданию " + x.cited().ru();
    String Cgen = x.cited() == null ? "" : "издания " + x.cited().ru();
    String weekday = StoryGenerator.WEEKDAYS_RU[x.when().getDayOfWeek().getValue() - 1];
    Val v0 = x.vals().isEmpty() ? null : x.vals().get(0);
    switch (x.key()) {
      case "O_LEDE" -> {
        if (w == 0) {
          b.t(S + " согласилась оснастить и обучить " + s.unit.ruAcc() + " Республики " + B
              + ", говорится в анализе утёкших контрактов, который " + weekday + " опубликовал "
              + s.institute.ru() + ".");
        } else {
          b.t(S + " поставит Республике " + B + " технику «" + s.items.get(0).ru()
              + "» и обучит её экипажи, следует из утёкших документов, которые изучил "
              + s.institute.ru() + ".");
        }
      }
      case "O_CACHE" -> {
        if (w == 0) {
          b.t("Массив");
          if (v0 != null) {
            b.t(" объёмом ").v(v0, value(v0));
          }
          b.t(", полученный хакерской группой «" + s.hackers[1] + "», включает контракты, спецификацию"
              + " техники, письма и протоколы встреч государственного экспортёра «" + s.firm.ru()
              + "» с представителями Республики " + B + ".");
        } else {
          b.t("Утёкшие файлы");
          if (v0 != null) {
            b.t(" — всего ").v(v0, value(v0)).t(" —");
          }
          b.t(" опубликовала хакерская группа «" + s.hackers[1] + "»; среди них контракты, письма и"
              + " протоколы встреч с компанией «" + s.firm.ru() + "».");
        }
      }
      case "O_EXERCISES" -> {
        if (w == 0) {
          b.t("За последние три года армии " + sGen + " и Республики " + B + " провели ").v(v0, value(v0))
              .t(", сообщил институт.");
        } else {
          b.t(S + " и Республика " + B + " провели ").v(v0, value(v0))
              .t(" за последние три года, говорится в материалах " + s.institute.ruShortGen() + ".");
        }
      }
      case "O_TRAINEES" -> {
        if (w == 0) {
          b.t("Пакет включает обучение ").v(v0, value(v0)).t(" в учебном центре " + sGen + ".");
        } else {
          b.t(S + " также обучит ").v(v0, value(v0)).t(", следует из документов.");
        }
      }
      case "O_DEAL" -> {
        Val agreed = StoryEnglish.get(x, Role.AGREED);
        List<Val> items = StoryEnglish.quantities(x);
        if (w == 0) {
          b.t("Согласно документам, ");
          if (agreed != null) {
            b.v(agreed, value(agreed)).t(" ");
          }
          b.t("стороны договорились, что " + S + " поставит ");
          items(b, items);
          b.t(".");
        } else {
          b.t("По контракту");
          if (agreed != null) {
            b.t(", согласованному ").v(agreed, value(agreed)).t(",");
          }
          b.t(" " + S + " поставит Республике " + B + " ");
          items(b, items);
          b.t(".");
        }
      }
      case "O_VALUE" -> {
        if (w == 0 && t == 0) {
          b.t("Общая стоимость контракта составляет ").v(v0, value(v0)).t(", сообщил институт.");
        } else {
          b.t("Стоимость сделки — ").v(v0, value(v0)).t(", говорится в материалах "
              + s.institute.ruShortGen() + ".");
        }
      }
      case "O_QUOTE" -> {
        String q = quote(s);
        if (w == 0) {
          b.t(quoted(q) + ", — " + verb(s.analyst, "сказал", t) + " доктор " + s.analyst.ru()
              + ", старший научный сотрудник " + s.institute.ruShortGen() + ", соавтор анализа.");
        } else {
          b.t(quoted(q) + ", — " + verb(s.analyst, "заявил", t) + " " + s.analyst.ru() + ", аналитик "
              + s.institute.ruShortGen() + ".");
        }
      }
      case "O_DELIVERY" -> {
        if (w == 0) {
          b.t("По словам аналитика, первая техника должна была прибыть ").v(v0, value(v0)).t(".");
        } else {
          b.t("Первые поставки ожидаются ").v(v0, value(v0)).t(", говорится в документах.");
        }
      }
      case "O_INITIAL" -> {
        if (w == 0) {
          b.t("Сделка опирается на первоначальное соглашение, подписанное ").v(v0, value(v0)).t(".");
        } else {
          b.t("Первоначальное соглашение правительства двух стран подписали ").v(v0, value(v0)).t(".");
        }
      }
      case "O_CLOSE" -> b.t(w == 0 ? "Компания «" + s.firm.ru() + "» не ответила на запрос о комментарии."
          : "МИД " + sGen + " заявил, что не комментирует утечки.");
      case "R_LEDE" -> b.t(w == 0 ? S + " поставит Республике " + B + " технику «" + s.items.get(0).ru()
          + "» и обучит военных работать с ней, сообщило " + C + ", ссылаясь на утёкшие документы."
          : "Утёкшие документы указывают на то, что " + S + " вооружает " + s.unit.ruAcc()
              + " Республики " + B + ", говорится в публикации " + Cgen + ".");
      case "R_DEAL" -> {
        Val agreed = StoryEnglish.get(x, Role.AGREED);
        List<Val> items = StoryEnglish.quantities(x);
        if (w == 0) {
          b.t("Из утёкших файлов следует, что ");
          if (agreed != null) {
            b.v(agreed, value(agreed)).t(" ");
          }
          b.t(S + " договорилась продать Республике " + B + " ");
          if (items.isEmpty()) {
            b.t("оружие");
          } else {
            items(b, items);
          }
          b.t(".");
        } else {
          b.t("По сделке");
          if (agreed != null) {
            b.t(", согласованной ").v(agreed, value(agreed)).t(",");
          }
          b.t(" Республика " + B + " получит ");
          if (items.isEmpty()) {
            b.t("оружие и обучение");
          } else {
            items(b, items);
          }
          b.t(".");
        }
      }
      case "R_VALUE" -> {
        if (w == 0) {
          b.t("Стоимость основного контракта составила ").v(v0, value(v0)).t(", сообщило " + C + ".");
        } else {
          b.t("По данным " + Cgen + ", стоимость сделки — ").v(v0, value(v0)).t(".");
        }
      }
      case "R_QUOTE" -> {
        if (w == 0) {
          b.t(quoted(quote(s)) + ", — " + verb(s.analyst, "заявил", t) + " " + s.analyst.ru() + " из "
              + s.institute.ruShortGen() + " " + Cdat + ".");
        } else {
          b.t(quoted(String.format(Locale.ROOT, StoryGenerator.QUOTE_A_RU[s.quoteA], s.seller.ru(), s.buyer.ru())) + ", — "
              + verb(s.analyst, "сказал", t) + " " + s.analyst.ru() + " " + Cdat + ".");
        }
      }
      case "R_COUNT" -> {
        switch (v0.fact().role) {
          case PAGES -> {
            if (w == 0) {
              b.t("Объём утечки — ").v(v0, value(v0)).t(".");
            } else {
              b.t("Всего файлы насчитывают ").v(v0, value(v0)).t(", сообщило " + C + ".");
            }
          }
          case EXERCISES -> {
            if (w == 0) {
              b.t("В последние годы армии двух стран провели ").v(v0, value(v0)).t(".");
            } else {
              b.t("Издание " + x.cited().ru() + " насчитало ").v(v0, value(v0)).t(" за последние годы.");
            }
          }
          default -> {
            if (w == 0) {
              b.t("В пакет входит обучение ").v(v0, value(v0)).t(".");
            } else {
              b.t("Республика " + B + " направит на обучение ").v(v0, value(v0)).t(", сообщило " + C + ".");
            }
          }
        }
      }
      case "R_DELIVERY" -> {
        if (w == 0) {
          b.t("Поставки должны начаться ").v(v0, value(v0)).t(".");
        } else {
          b.t("Первая техника должна прибыть ").v(v0, value(v0)).t(", сообщило " + C + ".");
        }
      }
      case "R_INITIAL" -> {
        if (w == 0) {
          b.t("Первоначальное соглашение было подписано ").v(v0, value(v0)).t(".");
        } else {
          b.t("Стороны подписали первоначальное соглашение ").v(v0, value(v0)).t(", сообщило " + C + ".");
        }
      }
      case "R_CLOSE" -> b.t(w == 0 ? "МИД " + sGen + " заявил, что не комментирует утечки."
          : "МИД " + sGen + " отказался от комментариев.");
      // ---------------------------------------------------------------- floods
      case "F_ONE" -> {
        if (w == 0) {
          b.t("Наводнение после недели сильных дождей отрезало от внешнего мира ").v(v0, value(v0))
              .t(" в провинции " + s.province[1] + " " + sGen + ", сообщила " + weekday
                  + " региональная служба спасения.");
        } else {
          b.t("Из-за сильных дождей ").v(v0, value(v0)).t(" в провинции " + s.province[1] + " " + sGen
              + " оказались отрезаны от внешнего мира, сообщила " + weekday + " служба спасения.");
        }
      }
      case "F_TWO" -> {
        if (w == 0) {
          b.v(v0, StoryEnglish.cap(value(v0))).t(" переселены во временные убежища, главная дорога в"
              + " административный центр провинции закрыта, сообщили в службе.");
        } else {
          b.t("По данным службы, во временные убежища переселены ").v(v0, value(v0)).t(".");
        }
      }
      case "F_QUOTE" -> b.t(w == 0
          ? quoted(floodQuote(s)) + ", — " + verb(s.speaker, "сказал", t) + " " + s.speaker.ru()
              + ", представитель службы спасения."
          : quoted(floodQuote(s)) + ", — " + verb(s.speaker, "заявил", t) + " журналистам " + s.speaker.ru()
              + ", представитель службы.");
      case "F_END" -> b.t(w == 0 ? "Для строительства временного моста направлены военные инженеры."
          : "Синоптики ожидают, что дожди ослабнут к концу недели.");
      case "RF_LEDE" -> b.t(w == 0 ? "Наводнение обрушилось на провинцию " + s.province[1] + " " + sGen
          + ", сообщило " + C + "." : "Сильные дожди затопили значительную часть провинции "
          + s.province[1] + " в Республике " + s.seller.ru() + ", сообщает " + C + ".");
      case "RF_ONE" -> {
        if (w == 0) {
          b.t("Отрезанными от мира остаются ").v(v0, value(v0)).t(", сообщило " + C + ".");
        } else {
          b.t("По данным " + Cgen + ", отрезаны ").v(v0, value(v0)).t(".");
        }
      }
      case "RF_TWO" -> {
        if (w == 0) {
          b.t("Эвакуированы ").v(v0, value(v0)).t(".");
        } else {
          b.t("Как сообщили чиновники, в убежища переселены ").v(v0, value(v0)).t(".");
        }
      }
      case "RF_QUOTE" -> b.t(quoted(floodQuote(s)) + ", — " + verb(s.speaker, "заявил", t) + " "
          + s.speaker.ru() + " " + Cdat + ".");
      // ---------------------------------------------------------------- election
      case "E_ONE" -> {
        if (w == 0) {
          b.t("Правящая партия «" + s.party[1] + "» получила ").v(v0, value(v0))
              .t(" на парламентских выборах в Республике " + B + ", сообщила " + weekday
                  + " центральная избирательная комиссия.");
        } else {
          b.t("Правящая партия Республики " + B + " «" + s.party[1] + "» заняла ").v(v0, value(v0))
              .t(" в парламенте, сообщила " + weekday + " избирательная комиссия.");
        }
      }
      case "E_TWO" -> {
        if (w == 0) {
          b.t("Явка составила ").v(v0, value(v0)).t(", сообщили в комиссии.");
        } else {
          b.t("По данным комиссии, явка составила ").v(v0, value(v0)).t(".");
        }
      }
      case "E_QUOTE" -> {
        String q = StoryGenerator.VOTE_QUOTE_RU[s.quoteA];
        b.t(w == 0 ? quoted(q) + ", — " + verb(s.speaker, "сказал", t) + " " + s.speaker.ru()
            + ", лидер партии «" + s.party[1] + "»."
            : quoted(q) + ", — " + verb(s.speaker, "заявил", t) + " сторонникам лидер партии " + s.speaker.ru() + ".");
      }
      case "E_END" -> b.t(w == 0 ? "Окончательные результаты ожидаются на следующей неделе."
          : "Наблюдатели отметили, что голосование прошло спокойно.");
      case "RE_LEDE" -> b.t(w == 0 ? "Правящая партия Республики " + B + " сохранила власть, сообщило " + C + "."
          : "Партия «" + s.party[1] + "» заявила о победе на выборах в Республике " + B + ", сообщает " + C + ".");
      case "RE_ONE" -> {
        if (w == 0) {
          b.t("Партия получила ").v(v0, value(v0)).t(", сообщило " + C + ".");
        } else {
          b.t("По данным " + Cgen + ", партия заняла ").v(v0, value(v0)).t(".");
        }
      }
      case "RE_TWO" -> {
        if (w == 0) {
          b.t("Явка оценивается в ").v(v0, value(v0)).t(".");
        } else {
          b.t("В голосовании приняли участие ").v(v0, value(v0)).t(" избирателей, сообщило " + C + ".");
        }
      }
      case "RE_QUOTE" -> b.t(quoted(StoryGenerator.VOTE_QUOTE_RU[s.quoteA]) + ", — "
          + verb(s.speaker, "заявил", t) + " " + s.speaker.ru() + " " + Cdat + ".");
      // ---------------------------------------------------------------- fire
      case "X_ONE" -> {
        if (w == 0) {
          b.t("При пожаре на машиностроительном заводе в провинции " + s.province[1] + " " + sGen + " "
              + weekday + " пострадали ").v(v0, value(v0)).t(", сообщили местные власти.");
        } else {
          b.v(v0, value(v0)).t(" пострадали " + weekday + ", когда огонь охватил завод в провинции "
              + s.province[1] + " " + sGen + ", сообщили местные власти.");
        }
      }
      case "X_TWO" -> {
        if (w == 0) {
          b.t("Ущерб оценивается в ").v(v0, value(v0)).t(", сообщили в администрации губернатора.");
        } else {
          b.t("В администрации губернатора оценили ущерб в ").v(v0, value(v0)).t(".");
        }
      }
      case "X_QUOTE" -> {
        String q = StoryGenerator.FIRE_QUOTE_RU[s.quoteA];
        b.t(w == 0 ? quoted(q) + ", — " + verb(s.speaker, "сказал", t) + " " + s.speaker.ru() + ", директор завода."
            : quoted(q) + ", — " + verb(s.speaker, "заявил", t) + " журналистам директор завода " + s.speaker.ru() + ".");
      }
      case "X_END" -> b.t(w == 0 ? "Причины пожара выясняются." : "Производство на заводе остановлено.");
      case "RX_LEDE" -> b.t(w == 0 ? "Пожар серьёзно повредил завод в Республике " + s.seller.ru()
          + ", сообщило " + C + "." : "Огонь охватил машиностроительный завод в провинции "
          + s.province[1] + " " + sGen + ", сообщает " + C + ".");
      case "RX_ONE" -> {
        if (w == 0) {
          b.t("Пострадали ").v(v0, value(v0)).t(", сообщило " + C + ".");
        } else {
          b.t("По данным " + Cgen + ", при пожаре пострадали ").v(v0, value(v0)).t(".");
        }
      }
      case "RX_TWO" -> {
        if (w == 0) {
          b.t("Ущерб составляет ").v(v0, value(v0)).t(".");
        } else {
          b.t("Ущерб может составить ").v(v0, value(v0)).t(", сообщили чиновники.");
        }
      }
      case "RX_QUOTE" -> b.t(quoted(StoryGenerator.FIRE_QUOTE_RU[s.quoteA]) + ", — "
          + verb(s.speaker, "заявил", t) + " " + s.speaker.ru() + " " + Cdat + ".");
      default -> throw new IllegalArgumentException(x.key());
    }
  }

  /** The attribution verb; the translator's own habit ({@code t}) picks between two. */
  private static String verb(StoryWorld.Person p, String stem, int t) {
    String chosen = t == 0 ? stem : stem.equals("сказал") ? "отметил" : "подчеркнул";
    return p.verbRu(chosen);
  }

  /** A quote before its attribution: «...», without the closing full stop. */
  static String quoted(String q) {
    return "«" + (q.endsWith(".") ? q.substring(0, q.length() - 1) : q) + "»";
  }

  private static String quote(Story s) {
    return String.format(Locale.ROOT, StoryGenerator.QUOTE_A_RU[s.quoteA], s.seller.ru(), s.buyer.ru()) + " "
        + StoryGenerator.QUOTE_B_RU[s.quoteB];
  }

  private static String floodQuote(Story s) {
    return String.format(Locale.ROOT, StoryGenerator.FLOOD_QUOTE_RU[s.quoteA], s.river[1]);
  }

  /** "24 машины «Кестрел-9М», 8 орудий «Тайга-СП» и 8 бронетранспортёров «Горлан-К»". */
  private static void items(Buf b, List<Val> items) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        b.t(i == items.size() - 1 ? " и " : ", ");
      }
      Val v = items.get(i);
      Equipment e = v.fact().equipment;
      b.v(v, value(v)).t(" " + e.nounRu(v.number()) + " «" + e.ru() + "»");
    }
  }

  /** The value as written: "24", "312,4 млн долларов", "в октябре 2024 года", "примерно 600 страниц". */
  static String value(Val v) {
    return switch (v.fact().role) {
      case QTY -> Long.toString(v.number());
      case MONEY, DAMAGE -> switch (v.form()) {
        case AT_LEAST -> "более " + v.number() / 10 + " млн долларов";
        case PRELIM -> millions(v.number()) + " млн долларов до подписания";
        default -> millions(v.number()) + " млн долларов";
      };
      case AGREED, DELIVERY, INITIAL -> date(v.date(), v.form());
      case TURNOUT -> millions(v.number()) + " процента";
      default -> {
        long n = v.number();
        String counted = n + " " + noun(v.fact().role, n);
        yield v.form() == Form.ABOUT ? "примерно " + counted
            : v.form() == Form.SOME ? "приблизительно " + counted : counted;
      }
    };
  }

  private static String noun(Role role, long n) {
    return switch (role) {
      case PAGES -> StoryWorld.plural(n, "страница", "страницы", "страниц");
      case EXERCISES -> StoryWorld.plural(n, "совместное учение", "совместных учения", "совместных учений");
      case TRAINEES -> StoryWorld.plural(n, "военнослужащего", "военнослужащих", "военнослужащих");
      case VILLAGES -> StoryWorld.plural(n, "деревня", "деревни", "деревень");
      case PEOPLE -> StoryWorld.plural(n, "человек", "человека", "человек");
      case SEATS -> StoryWorld.plural(n, "место", "места", "мест");
      default -> StoryWorld.plural(n, "рабочий", "рабочих", "рабочих");
    };
  }

  /** Tenths with a decimal comma: 3124 → "312,4". */
  static String millions(long tenths) {
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "," + tenths % 10;
  }

  static String date(LocalDate d, Form form) {
    return switch (form) {
      case DAY -> day(d);
      case YEAR -> "в " + d.getYear() + " году";
      default -> "в " + StoryGenerator.MONTHS_RU_PREP[d.getMonthValue() - 1] + " " + d.getYear() + " года";
    };
  }

  static String day(LocalDate d) {
    return d.getDayOfMonth() + " " + StoryGenerator.MONTHS_RU_GEN[d.getMonthValue() - 1] + " "
        + d.getYear() + " года";
  }
}
